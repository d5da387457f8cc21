"""The word lists of extract/data/facts/payouts.yaml, compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.facts.places import place_words
from extract.facts.text import load_lexicon, phrase_alternation, word_pattern

DEATH = "death"  # placeholder programme of a death component, resolved later
PREVIOUS_SENTENCES = 4  # how far back a programme cue may come from
NAME_WINDOW = 2  # how far back a plainly named living worker may come from


@dataclass(frozen=True)
class _Lexicon:
    death_components: re.Pattern[str]
    generic_benefit: re.Pattern[str]
    injury_components: re.Pattern[str]
    work_accident: re.Pattern[str]
    death_words: re.Pattern[str]
    bpjs_names: re.Pattern[str]
    other_payers: re.Pattern[str]
    payout_cues: re.Pattern[str]
    grounding: re.Pattern[str]
    not_payout: re.Pattern[str]
    conditions: re.Pattern[str]
    examples: re.Pattern[str]
    breakdown_opener: re.Pattern[str]
    entitlement: re.Pattern[str]
    rule_references: re.Pattern[str]
    limit_before: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    total_cues: re.Pattern[str]
    aggregate_cues: re.Pattern[str]
    claim_cues: re.Pattern[str]
    each: re.Pattern[str]
    each_window: int
    including: re.Pattern[str]
    insured_marker: re.Pattern[str]
    insured_suffix: re.Pattern[str]
    list_intro: re.Pattern[str]
    group_list_opener: re.Pattern[str]
    victim_words: re.Pattern[str]
    person_honorific: re.Pattern[str]
    titles_before_name: re.Pattern[str]
    recipients: re.Pattern[str]
    relative_recipients: re.Pattern[str]
    max_recipients: int
    clause_openers: frozenset[str]
    not_name_words: frozenset[str]
    relative_after: re.Pattern[str]
    unnamed_one: re.Pattern[str]
    heirs_before: re.Pattern[str]
    unnamed_others: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = load_lexicon("payouts")
    limits = phrase_alternation(data["limit_words"])
    markers = sorted(data["insured_markers"], key=len, reverse=True)
    marker_alternatives = "|".join(_marker_regex(m) for m in markers)
    suffixes = phrase_alternation(data["insured_suffixes"])
    heir_nouns = phrase_alternation(data["unnamed_recipient_nouns"])
    return _Lexicon(
        death_components=word_pattern(data["death_components"]),
        generic_benefit=word_pattern(data["generic_benefit_words"]),
        injury_components=word_pattern(data["injury_components"]),
        work_accident=word_pattern(data["work_accident"]),
        death_words=word_pattern(data["death_words"]),
        bpjs_names=word_pattern(data["bpjs_names"]),
        other_payers=word_pattern(data["other_payers"]),
        payout_cues=word_pattern(data["payout_cues"]),
        grounding=word_pattern(data["grounding_words"]),
        not_payout=word_pattern(data["not_payout_cues"]),
        conditions=word_pattern(data["condition_words"]),
        examples=word_pattern(data["example_markers"]),
        breakdown_opener=re.compile(rf"\W*(?:{phrase_alternation(data['breakdown_openers'])})\b", re.IGNORECASE),
        entitlement=word_pattern(data["entitlement_words"]),
        rule_references=word_pattern(data["rule_references"]),
        limit_before=re.compile(rf"(?<!\w)(?:{limits})\s*$", re.IGNORECASE),
        clause_breaks=word_pattern(data["clause_breaks"]),
        total_cues=word_pattern(data["total_cues"]),
        aggregate_cues=word_pattern(data["aggregate_cues"]),
        claim_cues=word_pattern(data["claim_cues"]),
        each=re.compile(
            rf"{word_pattern(data['each_words']).pattern}"
            rf"|(?<![\w])(?:{phrase_alternation(data['each_before_nouns'])})\s+(?=(?:{phrase_alternation(data['recipient_nouns'])})(?![\w]))",
            re.IGNORECASE,
        ),
        each_window=int(data["each_window"]),
        including=word_pattern(data["including_words"]),
        insured_marker=re.compile(rf"(?<![\w])(?:{marker_alternatives})", re.IGNORECASE),
        insured_suffix=re.compile(rf"\s*(?:{suffixes})", re.IGNORECASE),
        list_intro=re.compile(rf"\s*(?:{'|'.join(map(re.escape, data['list_intros']))})\b", re.IGNORECASE),
        group_list_opener=re.compile(
            rf"\W*(?:{phrase_alternation(data['group_list_openers'])})\b\s*:?\s*", re.IGNORECASE
        ),
        victim_words=word_pattern(data["victim_words"]),
        person_honorific=re.compile(rf"(?:{'|'.join(map(re.escape, data['person_honorifics']))})\s+$"),
        # "Bapak", "Ibu" or an abbreviated title ("Hj.", "Ir.") before a listed name
        titles_before_name=re.compile(
            rf"[ \t]*(?:(?:[A-Z][a-z]{{0,5}}\.|{'|'.join(map(re.escape, data['person_honorifics']))})[ \t]+)*"
        ),
        recipients=word_pattern(data["recipient_nouns"]),
        relative_recipients=word_pattern(data["relative_recipients"]),
        max_recipients=int(data["max_recipients"]),
        clause_openers=frozenset(w.casefold() for w in data["clause_openers"]),
        not_name_words=frozenset(w.casefold() for w in data["not_name_words"]) | place_words(),
        heirs_before=re.compile(rf"(?<![\w])(?:{heir_nouns})\s+$", re.IGNORECASE),
        unnamed_one=re.compile(
            rf"(?<![\w])(?:{heir_nouns})\s+(?:dari\s+)?seorang\s+(?=(?-i:[a-z]))",
            re.IGNORECASE,
        ),
        unnamed_others=re.compile(
            rf"(?<![\w])(\w+)\s+(?:{phrase_alternation(data['recipient_nouns'])})\s+(?:{phrase_alternation(data['others_words'])})(?![\w])",
            re.IGNORECASE,
        ),
        relative_after=re.compile(
            rf"\s*,\s*(?:seorang\s+)?(?:{phrase_alternation(data['relative_words'])})\b", re.IGNORECASE
        ),
    )


def _marker_regex(marker: str) -> str:
    body = re.escape(marker.rstrip(",.")).replace(r"\ ", r"\s+")
    if marker.endswith(","):
        return body + r"\s*,"
    if marker.endswith("."):
        return body + r"\."
    return body + r"(?![\w])"
