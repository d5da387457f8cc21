"""Sentence and offset helpers shared by the fact extractors.

Every offset is a character offset into the article text as given, so that a
fact's provenance points at the exact words it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from collections.abc import Iterable

import yaml


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    field: str = "text"  # what start/end point into: "text" or "caption:<n>"

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """A YAML data file from extract/data/facts/."""
    path = resources.files("extract").joinpath(f"data/facts/{name}.yaml")
    return yaml.safe_load(path.read_text("utf-8"))


def split_lines(sentences: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Cut (start, end) ranges at line breaks: every line break is a paragraph
    break, so no sentence may span one. Surrounding whitespace is trimmed."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        for match in re.finditer(r"[^\n]+", text[start:end]):
            piece_start, piece_end = start + match.start(), start + match.end()
            while piece_start < piece_end and text[piece_start].isspace():
                piece_start += 1
            while piece_end > piece_start and text[piece_end - 1].isspace():
                piece_end -= 1
            if piece_end > piece_start:
                out.append((piece_start, piece_end))
    return out


def line_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of the text, line break excluded."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text) if m.end() > m.start()]


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def phrase_alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words and phrases, in the order given;
    spaces in a phrase match any run of whitespace."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A case-insensitive regex matching any of the words on word boundaries;
    a word ending in "*" matches every word that starts with it; spaces in a
    multi-word entry match any run of whitespace."""
    alternatives = []
    for word in sorted(set(words), key=len, reverse=True):
        prefix = word.endswith("*")
        body = re.escape(word.rstrip("*")).replace(r"\ ", r"\s+")
        alternatives.append(body + (r"\w*" if prefix else ""))
    return re.compile(r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE)


def clause_start(text: str, offset: int, floor: int = 0) -> int:
    """Where the clause holding `offset` begins: after the last comma,
    semicolon or sentence boundary before it (never before `floor`)."""
    cut = max(text.rfind(mark, floor, offset) for mark in (",", ";", ":", "\n"))
    return floor if cut < floor else cut + 1


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())


def last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last match of `pattern` in `text` (the one nearest what follows), or None."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the loop keeps the last one
        pass
    return found


@cache
def _verb_shape() -> re.Pattern[str]:
    data = load_lexicon("verbs")
    prefixes = phrase_alternation(sorted(data["prefixes"], key=len, reverse=True))
    return re.compile(rf"(?:{prefixes})[a-z]{{{int(data['min_stem'])},}}$")


def has_verb_shape(word: str) -> bool:
    """Is `word` a lower-case word shaped like a prefixed verb ("mengikuti",
    "didaftarkan", "bekerja", "terlindungi"; extract/data/facts/verbs.yaml)?
    Capitalised words are names, never verbs."""
    return bool(_verb_shape().match(word))


def is_headline(text: str) -> bool:
    """Is a sentence a headline: a line with no sentence-final mark ("4.500
    Nelayan Dapat Kartu dari Bupati")? What a headline states
    is stated again, in full, in the body."""
    return not text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’", ")"))
