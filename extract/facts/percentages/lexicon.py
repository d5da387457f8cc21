"""The words the percentages extractor reads (extract/data/facts/percentages.yaml), compiled once, and the breaks of its clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.facts.text import load_lexicon, phrase_alternation, word_pattern

CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:\"“”]")
PHRASE_END = re.compile(r"(?<!\d)[,.]|[,.](?!\d)|[;:\"“”()]")
TIME_WORDS = 4  # words of a time phrase after a target ("pada akhir tahun")
WHOLE_WORDS = 6  # words of "dari <whole>" kept


@lru_cache(maxsize=1)
def speech_verbs() -> re.Pattern[str]:
    return word_pattern(
        load_lexicon("officials")["speech_verbs"] + ["menyebut", "mencatat", "memaparkan", "melaporkan"]
    )


@dataclass(frozen=True)
class Lexicon:
    trailing: re.Pattern[str]
    leading: re.Pattern[str]
    measures: dict[str, re.Pattern[str]]
    max_words: int
    after_stops: frozenset[str]
    anaphor: re.Pattern[str]
    measure_noun: re.Pattern[str]
    default_noun: str
    changes: dict[str, re.Pattern[str]]
    comparison: re.Pattern[str]
    estimate: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_lexicon("percentages")
    trailing = sorted(data["trailing_verbs"], key=len, reverse=True)
    leading = sorted(data["leading_words"], key=len, reverse=True)
    anaphors = sorted(data["anaphors"], key=len, reverse=True)
    return Lexicon(
        trailing=re.compile(r"(?:\s+|^)(?:" + phrase_alternation(trailing) + r")\s*$", re.I),
        leading=re.compile(r"^(?:" + phrase_alternation(leading) + r")\b[\s,]*", re.I),
        measures={name: word_pattern(words) for name, words in data["measures"].items()},
        max_words=int(data["max_about_words"]),
        after_stops=frozenset(w.lower() for w in data["after_stops"]),
        anaphor=re.compile(r"^(?:" + phrase_alternation(anaphors) + r")$", re.I),
        measure_noun=word_pattern(data["measure_nouns"]),
        default_noun=str(data["default_measure_noun"]),
        changes={name: word_pattern(words) for name, words in data["changes"].items()},
        comparison=word_pattern(data["comparisons"]),
        estimate=word_pattern(data["estimates"]),
    )
