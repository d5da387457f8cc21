"""Stated totals, restatements and duplicates."""

from __future__ import annotations

import re

from extract.facts.payouts.amounts import _Amount
from extract.facts.payouts.lexicon import lexicon
from extract.facts.payouts.recipients import _Item
from extract.facts.payouts.spans import programme_codes


def _drop_restatements(amounts: list[_Amount]) -> list[_Amount]:
    """An approximate amount ("Rp 280 juta lebih") restating an exact one
    nearby ("Rp 288.900.000") is the same payout."""
    exact = [a for a in amounts if not a.approximate]
    kept = []
    for amount in amounts:
        same = [
            other
            for other in exact
            if amount.value <= other.value < amount.value * 1.1
            or abs(other.value - amount.value) <= amount.value * 0.02
        ]
        if amount.approximate and same:
            same[0].restated = same[0].restated or amount
            continue
        kept.append(amount)
    return kept


def _match_totals(items: list[_Item]) -> None:
    """A total that the items just before (or just after) it add up to takes
    their programmes and, when they share one, their beneficiary."""
    for position, item in enumerate(items):
        approximate = item.amount.approximate and item.group is None
        # an exact amount the items next to it add up to is their total too
        # ("menerima manfaat JKK senilai Rp187.120.000" before its breakdown)
        exact_sum = item.kind == "single" and item.group is None and not item.amount.approximate
        if item.kind != "total" and not approximate and not exact_sum:
            continue
        for run in (list(reversed(items[:position])), items[position + 1 :]):
            # a lump sum leaves out what is paid every month or year
            run = [part for part in run if not _periodic(part.amount)]
            parts = _summing_run(item.value, run, approximate)
            if parts:
                programs = {p for part in parts for p in part.programs}
                item.programs = [p for p in programme_codes() if p in programs]
                beneficiaries = {part.beneficiary for part in parts}
                item.beneficiary = beneficiaries.pop() if len(beneficiaries) == 1 else None
                for part in parts:
                    if part.kind == "single":
                        part.kind = "component"
                item.kind = "total"
                item.amount.rule = "payout.stated_total"
                break
        else:
            if item.kind == "total":
                item.programs = _breakdown_programs(item, items[position + 1 :]) or item.programs


def _breakdown_programs(total: _Item, after: list[_Item]) -> list[str]:
    """ "total santunan ± Rp542 juta. Rinciannya, JKM Rp42 juta, JHT ± Rp10
    juta, beasiswa ...": a total whose breakdown, in the next sentence, does
    not add up to it still covers the breakdown's programmes."""
    sentences = total.amount.sentence
    following = [i for i in after if i.amount.sentence is not sentences]
    if not following:
        return []
    breakdown = following[0].amount.sentence
    if breakdown.index != sentences.index + 1 or not lexicon().breakdown_opener.match(breakdown.text):
        return []
    programs = {p for i in following if i.amount.sentence is breakdown for p in i.programs}
    return [p for p in programme_codes() if p in programs]


def _periodic(amount: _Amount) -> bool:
    """ "JP berkala Rp412.500 per bulan": a monthly amount (a yearly beasiswa
    is part of the first payment, a monthly pension is not)."""
    after = amount.sentence.text[amount.end - amount.sentence.start :]
    return re.match(r"\s*(?:per|setiap|tiap|/)\s*(?:bulan|bln)\b", after, re.IGNORECASE) is not None


ROUNDING = 0.0005  # how far parts may exceed a total rounded to fewer digits


def _summing_run(target: int, run: list[_Item], approximate: bool = False) -> list[_Item] | None:
    """The items of `run`, in order, that add up to `target` (for an
    approximate "Rp 215 juta lebih": to at least it, less than 10% more,
    taking as many as fit). A total written at lower precision than its parts
    ("Rp 179,062 juta" for parts adding up to Rp179.062.190) still matches."""
    ceiling = target * 1.1 if approximate else target * (1 + ROUNDING)
    total = 0
    for count, item in enumerate(run, start=1):
        total += item.value
        if total > ceiling:
            return None
        if count >= 2 and total >= target:
            if not approximate:
                return run[:count]
            following = run[count] if count < len(run) else None
            if following is None or total + following.value > ceiling or following.kind == "total":
                return run[:count]
    return None


def _dedupe(items: list[_Item]) -> list[_Item]:
    """The same amount for the same named beneficiary, stated twice, is one
    payout; so is a total stated again ("total Rp 392 juta" in the lead and in
    the body), unless it names someone the first statement did not."""
    kept: list[_Item] = []
    for item in items:
        if item.group is None and any(
            k.value == item.value
            and k.group is None
            and (
                (item.beneficiary is not None and k.beneficiary == item.beneficiary)
                or (item.kind == "total" and item.beneficiary in (None, k.beneficiary))
            )
            for k in kept
        ):
            continue
        kept.append(item)
    return kept
