"""The officials extractor's vocabulary, read once: the office words of the
one position vocabulary (extract/data/patterns/position.jsonl, which the NLP
ruler reads too), the agency words of extract/data/gazetteers/agency_words.txt
and the rest of extract/data/facts/officials.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product

from spacy.language import Language

from extract.facts.text import load_lexicon, phrase_alternation
from extract.nlp.ruler import ACTING, HEAD, agency_words, load_patterns

OFFICE_LABELS = frozenset({"POSITION", HEAD, ACTING})
RULER = "bpjs_span_ruler"


class Phrases(tuple):
    """Word tuples, longest first, indexed by their first word: a sentence is
    matched against them at every token, so only the phrases that can start
    there are tried."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]

    def __new__(cls, phrases) -> Phrases:
        self = super().__new__(cls, phrases)
        groups: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self:
            groups.setdefault(phrase[0], []).append(phrase)
        self.by_first = {first: tuple(group) for first, group in groups.items()}
        return self


@dataclass(frozen=True)
class Lexicon:
    heads: Phrases
    position_words: frozenset[str]
    connectors: frozenset[str]
    links: Phrases
    stop_words: frozenset[str]
    particles: frozenset[str]
    speech_verbs: frozenset[str]
    beneficiary_markers: Phrases
    place_heads: Phrases
    place_intro: frozenset[str]
    company_prefixes: frozenset[str]
    nickname_titles: frozenset[str]
    alias_links: re.Pattern[str]
    building_words: Phrases
    named_after: Phrases
    street_words: frozenset[str]


def fold(word: str) -> str:
    return word.casefold().rstrip(".")


def _agency_words() -> frozenset[str]:
    """The words of agency names the NLP ruler joins into ORG spans."""
    return frozenset(fold(w) for w in agency_words())


def _phrases(words) -> Phrases:
    split = {tuple(fold(w) for w in str(p).split()) for p in words}
    return Phrases(sorted(split, key=len, reverse=True))


def office_heads(patterns: list[dict]) -> Phrases:
    """Words that open an office title ("Bupati", "Kepala Kantor Cabang",
    "Plt"): the literal words each POSITION, HEAD and ACTING pattern starts
    with, up to its first optional token or token that is not a word."""
    heads = set()
    for pattern in patterns:
        if pattern["label"] not in OFFICE_LABELS:
            continue
        choices = []
        for token in pattern["pattern"]:
            words = token.get("LOWER")
            if "OP" in token or not (isinstance(words, str) or (isinstance(words, dict) and set(words) == {"IN"})):
                break
            choices.append([words] if isinstance(words, str) else words["IN"])
        heads.update(tuple(fold(w) for w in phrase) for phrase in product(*choices) if phrase)
    return Phrases(sorted(heads, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_lexicon("officials")
    return Lexicon(
        heads=office_heads(load_patterns()),
        position_words=frozenset(fold(w) for w in data["position_words"]) | _agency_words(),
        connectors=frozenset(fold(w) for w in data["position_connectors"]),
        links=_phrases(data["appositive_links"]),
        stop_words=frozenset(fold(w) for w in data["name_stop_words"]),
        particles=frozenset(fold(w) for w in data["name_particles"]),
        speech_verbs=frozenset(fold(w) for w in data["speech_verbs"]),
        beneficiary_markers=_phrases(data["beneficiary_markers"]),
        place_heads=_phrases(data["place_heads"]),
        place_intro=frozenset(fold(w) for w in data["place_intro_words"]),
        company_prefixes=frozenset(fold(w) for w in data["company_prefixes"]),
        nickname_titles=frozenset(fold(w) for w in data["nickname_titles"]),
        building_words=_phrases(data["building_words"]),
        named_after=_phrases(data["named_after_words"]),
        street_words=frozenset(fold(w) for w in data["street_words"]),
        alias_links=re.compile(r"(?:,\s*)?\b(?:" + phrase_alternation(data["alias_links"]) + r")\s+", re.IGNORECASE),
    )


_BY_VOCABULARY: dict[int, tuple[list[dict], Lexicon]] = {}


def lexicon_for(nlp: Language) -> Lexicon:
    """The lexicon with the office heads of the vocabulary the pipeline's
    ruler was built from: an office the ruler makes POSITION spans of opens
    an official's office too."""
    ruler = nlp.get_pipe(RULER) if RULER in nlp.pipe_names else None
    vocabulary = getattr(ruler, "vocabulary", None)
    if vocabulary is None:
        return lexicon()
    # keyed by the list itself (kept alive here): add_vocabulary makes a new one
    cached = _BY_VOCABULARY.get(id(vocabulary))
    if cached is None or cached[0] is not vocabulary:
        cached = (vocabulary, replace(lexicon(), heads=office_heads(vocabulary)))
        _BY_VOCABULARY[id(vocabulary)] = cached
    return cached[1]
