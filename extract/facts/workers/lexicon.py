"""The words the worker-count extractor reads (extract/data/facts/workers.yaml), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.facts.text import load_lexicon, phrase_alternation, word_pattern


@dataclass(frozen=True)
class Lexicon:
    nouns: re.Pattern[str]
    totals: re.Pattern[str]
    verbs: re.Pattern[str]
    stops: frozenset[str]
    max_words: int
    vague: re.Pattern[str]
    list_stops: frozenset[str]
    per_unit: re.Pattern[str]
    bare_people: frozenset[str]
    subject_openers: re.Pattern[str]
    subject_verbs: re.Pattern[str]
    subject_cuts: re.Pattern[str]
    lead_in_words: frozenset[str]
    employer: re.Pattern[str]
    not_people: frozenset[str]
    address_words: frozenset[str]
    predicate_adverbs: frozenset[str]
    predicate_dropped: frozenset[str]
    predicate_verbs: frozenset[str]
    predicate_ends: frozenset[str]
    predicate_words: int
    generic_people: frozenset[str]
    group_modifiers: frozenset[str]
    group_places: frozenset[str]
    clause_complements: frozenset[str]
    verb_joins: frozenset[str]
    bounds_before: re.Pattern[str]
    bounds_after: re.Pattern[str]
    period_words: frozenset[str]
    nominal_forms: dict[str, str]
    classifying_words: frozenset[str]
    field_openers: tuple[str, ...]
    field_words: tuple[str, ...]
    measures: re.Pattern[str]
    time_adverbs: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = load_lexicon("workers")
    units = phrase_alternation(_longest_first(data["units"]))
    per_words = phrase_alternation(data["per_unit_words"])
    return Lexicon(
        nouns=word_pattern(data["person_nouns"]),
        totals=word_pattern(data["total_words"]),
        verbs=word_pattern(data["total_verbs"]),
        stops=frozenset(w.lower() for w in data["category_stops"]),
        max_words=int(data["max_category_words"]),
        vague=word_pattern(data["vague_words"]),
        list_stops=frozenset(w.lower() for w in data["list_stops"]),
        per_unit=re.compile(rf"(?<![\w])(?:{per_words})\s+(?P<unit>{units})(?![\w])", re.I),
        bare_people=frozenset(w.lower() for w in data["bare_people"]),
        subject_openers=re.compile(
            r"^(?:" + phrase_alternation(_longest_first(data["subject_openers"])) + r")(?![\w])[\s,]*", re.I
        ),
        subject_verbs=re.compile(
            r"(?:^|\s)(?:" + phrase_alternation(_longest_first(data["subject_verbs"])) + r")\s*$", re.I
        ),
        subject_cuts=re.compile(r"\s(?:" + phrase_alternation(_longest_first(data["subject_cuts"])) + r")\s.*$", re.I),
        lead_in_words=frozenset(w.lower() for phrase in data["subject_verbs"] for w in phrase.split()),
        employer=word_pattern(data["employer_verbs"]),
        not_people=frozenset(w.lower() for w in data["not_people_nouns"]),
        address_words=frozenset(w.lower() for w in data["address_words"]),
        predicate_adverbs=frozenset(w.lower() for w in data["predicate_adverbs"] + data["predicate_dropped"]),
        predicate_dropped=frozenset(w.lower() for w in data["predicate_dropped"]),
        predicate_verbs=frozenset(w.lower() for w in data["predicate_verbs"]),
        predicate_ends=frozenset(w.lower() for w in data["predicate_ends"]),
        predicate_words=int(data["max_predicate_words"]),
        generic_people=frozenset(w.lower() for w in data["generic_people"]),
        group_modifiers=frozenset(w.lower() for w in data["group_modifiers"]),
        group_places=frozenset(w.lower() for w in data["group_places"]),
        clause_complements=frozenset(w.lower() for w in data["clause_complements"]),
        verb_joins=frozenset(w.lower() for w in data["verb_joins"]),
        bounds_before=word_pattern(data["bounds_before"]),
        bounds_after=re.compile(r"\s(?:" + phrase_alternation(data["bounds_after"]) + r")$", re.I),
        period_words=frozenset(w.lower() for w in data["period_words"]),
        nominal_forms={verb.lower(): noun for verb, noun in data["nominal_forms"].items()},
        classifying_words=frozenset(w.lower() for w in data["classifying_words"]),
        field_openers=tuple(data["field_openers"]),
        field_words=tuple(data["field_words"]),
        measures=word_pattern(data["measure_nouns"]),
        time_adverbs=tuple(w.lower() for w in data["time_adverbs"]),
    )


def _longest_first(words: list[str]) -> list[str]:
    return sorted(words, key=len, reverse=True)
