"""Is an article about the topic? A score over weighted terms, read from a data file.

The check runs on the extracted title and text, before any NLP, so an
off-topic article costs little more than its HTML extraction. The topic is
data (extract/data/topic.yaml, or a user's file): terms, their weights, a
minimum score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import yaml

from extract.model import Article

DEFAULT_TOPIC = Path(__file__).resolve().parent.parent / "data" / "topic.yaml"


class TopicError(Exception):
    """A topic file that cannot be used; one line for the user."""


@dataclass(frozen=True)
class Term:
    name: str  # as written in the file
    pattern: re.Pattern[str]
    weight: float
    # Lower-case words every match contains: when one is missing from a text
    # (a substring test, fast), the pattern cannot match and is not run.
    literals: tuple[str, ...] = ()

    def found_in(self, text: str, lowered: str) -> bool:
        return all(word in lowered for word in self.literals) and self.pattern.search(text) is not None


@dataclass(frozen=True)
class Score:
    value: float
    terms: tuple[str, ...]  # the terms found, title first


@dataclass(frozen=True)
class Topic:
    """A topic definition; calling it on an article gives the reason to leave it out, or None.

    Picklable, so that `extract crawl --workers N` checks articles in the workers.
    """

    name: str
    min_score: float
    terms: tuple[Term, ...]
    title_factor: float = 2.0

    def score(self, title: str | None, text: str) -> Score:
        value = 0.0
        found: list[str] = []
        title, lowered_title, lowered = title or "", (title or "").lower(), text.lower()
        for term in self.terms:
            in_title = term.found_in(title, lowered_title)
            if in_title or term.found_in(text, lowered):
                value += term.weight * (self.title_factor if in_title else 1.0)
                found.append(term.name)
        return Score(value, tuple(found))

    def screen_page(self, html: str) -> str | None:
        """The reason to leave out a fetched page before extracting its article, or None.

        An upper bound of the article's score, from the words anywhere in the
        page (markup, menus and scripts included; every term as if in the
        title; terms that count against left out): extraction only takes text
        away, so a page whose bound is below the minimum holds no article on
        the topic, and trafilatura need not run on it.
        """
        lowered = html.lower()
        if "&#" in lowered:  # words written as character references
            lowered = unescape(lowered)
        factor = max(1.0, self.title_factor)
        bound = sum(term.weight * factor for term in self.terms if term.weight > 0 and _may_occur(term, lowered))
        if bound >= self.min_score:
            return None
        return f"off-topic (the page's words score at most {bound:g} < {self.min_score:g})"

    def __call__(self, article: Article) -> str | None:
        score = self.score(article.title, article.text)
        if score.value >= self.min_score:
            return None
        found = ", ".join(score.terms[:5]) or "no topic words"
        return f"off-topic (score {score.value:g} < {self.min_score:g}: {found})"


def load_topic(path: str | Path | None = None) -> Topic:
    """The topic in `path` (YAML: name, min_score, title_factor, terms), by default extract/data/topic.yaml."""
    path = Path(path or DEFAULT_TOPIC)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise TopicError(f"cannot read the topic file {path}: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise TopicError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list) or not data["terms"]:
        raise TopicError(f"{path}: needs a list of `terms` (each {{term: WORDS, weight: N}})")
    try:
        min_score = float(data.get("min_score", 1))
        title_factor = float(data.get("title_factor", 2))
    except (TypeError, ValueError):
        raise TopicError(f"{path}: min_score and title_factor must be numbers") from None
    return Topic(
        name=str(data.get("name") or path.stem),
        min_score=min_score,
        terms=tuple(_term(path, entry) for entry in data["terms"]),
        title_factor=title_factor,
    )


def _term(path: Path, entry: object) -> Term:
    if isinstance(entry, str):
        entry = {"term": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("term"), str) or not entry["term"].strip():
        raise TopicError(f"{path}: each term is a string or {{term: WORDS, weight: N}}, not {entry!r}")
    words = entry["term"].strip()
    try:
        weight = float(entry.get("weight", 1))
        pattern = re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)
    except (TypeError, ValueError):
        raise TopicError(f"{path}: the weight of {words!r} must be a number") from None
    except re.error as error:
        raise TopicError(f"{path}: the term {words!r} is not a valid pattern ({error})") from None
    return Term(words, pattern, weight, required_words(words))


def required_words(pattern: str) -> tuple[str, ...]:
    """The plain words every match of `pattern` contains, lower-cased: those
    before its first group, class or quantifier, when it has no alternation
    outside a group ('bp\\s*jamsostek' -> bp, jamsostek; 'jaminan\\s+(?:a|b)' -> jaminan)."""
    depth = 0
    for char in pattern:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            return ()
    words = []
    for piece in re.split(r"\\s[+*]?", pattern):
        if not re.fullmatch(r"[\w-]+", piece):
            break  # regex syntax from here on: what it requires is not read
        words.append(piece.lower())
    return tuple(words)


def _may_occur(term: Term, lowered: str) -> bool:
    if term.literals:
        return all(word in lowered for word in term.literals)
    return term.pattern.search(lowered) is not None
