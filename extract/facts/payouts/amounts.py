"""Which rupiah amounts of an article read as payouts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.facts.context import Context
from extract.facts.payouts.lexicon import lexicon
from extract.facts.payouts.names import _NAME_RUN, _persons
from extract.facts.payouts.spans import DocSpans
from extract.facts.text import Sentence


@dataclass
class _Amount:
    start: int
    end: int
    value: int
    approximate: bool
    sentence: Sentence
    programs: list[str] = field(default_factory=list)
    aggregate: bool = False
    total: bool = False
    death: bool = True
    rule: str = "payout.amount"
    restated: _Amount | None = None  # an approximate statement of the same amount


def _candidates(ctx: Context, spans: DocSpans) -> list[_Amount]:
    """Every rupiah amount (MONEY span) of the content sentences that reads as a payout."""
    lex = lexicon()
    found: list[_Amount] = []
    for position, sentence in enumerate(ctx.sentences):
        matches = spans.money(sentence.start, sentence.end)
        if not matches or not has_payout_cue(spans, ctx.text, sentence.start, sentence.end):
            continue
        # "Totalnya Rp70 juta.": a total alone is a payout only after payouts
        only_total = not spans.programmes(sentence.start, sentence.end) and all(
            lex.total_cues.fullmatch(m.group()) for m in lex.payout_cues.finditer(sentence.text)
        )
        before = ctx.sentences[position - 1] if position else None
        listed = any(a.sentence is before for a in found)
        if not (only_total or listed or _grounded(sentence) or (before is not None and _grounded(before))):
            continue  # "manfaat santunan kematian mencapai Rp 42 juta": a rule, not a payout
        if lex.examples.search(sentence.text):
            continue  # a worked example: what someone would receive
        if _states_rule(ctx, sentence, matches[0].start) or _breaks_down_rule(ctx, spans, before, sentence):
            continue
        previous_end = sentence.start
        seen_spans = set()
        for match in matches:
            start, end = match.start, match.end
            if (start, end) in seen_spans:  # the second end of a range shares its span
                continue
            seen_spans.add((start, end))
            if _not_payout(ctx.text, spans, sentence, previous_end, start, end):
                previous_end = end
                continue
            if only_total and not (listed or any(a.sentence is sentence for a in found)):
                previous_end = end
                continue
            found.append(_Amount(start, end, match.value, match.approximate, sentence))
            previous_end = end
    return found


def has_payout_cue(spans: DocSpans, text: str, lo: int, hi: int) -> bool:
    """Does text[lo:hi] speak of something handed over, or name a programme?"""
    return bool(lexicon().payout_cues.search(text[lo:hi]) or spans.programmes(lo, hi))


def _states_rule(ctx: Context, sentence: Sentence, first_amount: int) -> bool:
    """Is the sentence a rule's statement of what is granted ("Berdasarkan
    aturan itu, ahli waris peserta berhak atas santunan Rp20 juta"): an
    entitlement and a reference to the rules or to any participant before
    its first amount, and no one named?"""
    lex = lexicon()
    text, lo = ctx.text, sentence.start
    if not (lex.entitlement.search(text, lo, first_amount) and lex.rule_references.search(text, lo, first_amount)):
        return False
    return not _persons(ctx, sentence)


def _breaks_down_rule(ctx: Context, spans: DocSpans, before: Sentence | None, sentence: Sentence) -> bool:
    """Does the sentence open with a breakdown ("Rinciannya, ...") of the
    rule the sentence before states, naming no one?"""
    if before is None or not lexicon().breakdown_opener.match(sentence.text):
        return False
    amounts = spans.money(before.start, before.end)
    return bool(amounts) and _states_rule(ctx, before, amounts[0].start) and not _persons(ctx, sentence)


def _invented_words(ctx: Context) -> set[str]:
    """The capitalised words of worked examples ("Misalkan Budi (bukan nama
    sebenarnya)"): the names of people the article makes up are among them."""
    lex = lexicon()
    return {
        word
        for sentence in ctx.sentences
        if lex.examples.search(sentence.text)
        for match in _NAME_RUN.finditer(ctx.text, sentence.start, sentence.end)
        for word in match.group().split()
    }


def _invented(name: str | None, invented_words: set[str]) -> bool:
    return bool(name) and set(name.split()) <= invented_words


def _grounded(sentence: Sentence) -> bool:
    """Does the sentence report something handed over, received, paid or
    broken down, name an insured worker, or speak of claims?"""
    lex = lexicon()
    text = sentence.text
    return bool(
        lex.grounding.search(text)
        or lex.insured_marker.search(text)
        or lex.insured_suffix.search(text)
        or lex.aggregate_cues.search(text)
        or lex.claim_cues.search(text)
    )


def _clause_start(text: str, sentence: Sentence, floor: int, offset: int) -> int:
    """Where the clause holding `offset` begins: after the last punctuation
    mark or clause-opening word ("sehingga", "yaitu") since `floor`."""
    base = max(floor, sentence.start)
    cut = base
    for mark in re.finditer(r"[,;:\"“”]", text[base:offset]):
        cut = base + mark.end()
    for word in lexicon().clause_breaks.finditer(text, cut, offset):
        cut = max(cut, word.end())
    # ", yang hanya Rp16.800": a relative clause belongs to the clause before it
    if cut > base and re.match(r"\s*yang\b", text[cut:offset], re.IGNORECASE):
        return _clause_start(text, sentence, floor, cut - 1)
    return cut


def _not_payout(text: str, spans: DocSpans, sentence: Sentence, previous_end: int, start: int, end: int) -> bool:
    lex = lexicon()
    clause = _clause_start(text, sentence, previous_end, start)
    before = text[clause:start]
    if lex.not_payout.search(before) or lex.limit_before.search(before):
        return True
    if lex.conditions.search(text, sentence.start, start):
        return True
    after = text[end : sentence.end]
    tail = re.split(r"[,;:.]", after, maxsplit=1)[0]
    # "Rp 10 juta per tahun untuk membayar iuran", "Rp 15 ribu per kilogram"
    purpose = re.match(r"\s*(?:(?:per|setiap)\s+\w+\s+)?(?:untuk|guna|bagi)\b", tail)
    return bool(
        purpose and lex.not_payout.search(tail) and not has_payout_cue(spans, text, end, end + len(tail))
    ) or bool(re.match(r"\s*(?:per|/)\s*(?:kilogram|kg|hektare|hektar|ha|ton|liter|meter|m2|unit)\b", after, re.I))


def _clause_end_after(text: str, amount: _Amount) -> int:
    """Where the clause holding the amount ends: the next punctuation mark, or the sentence's end."""
    return amount.end + re.search(r"[,;:.]\s|$", text[amount.end : amount.sentence.end]).start()
