"""What the NLP layer marked on the Doc that payouts read.

The rupiah amounts are the MONEY spans of doc.spans["rules"] (value in
`kb_id_`, "approximate" in `id_`), the programme names its PROGRAM spans (the
code in `id_`; the vocabulary is extract/data/patterns/program.jsonl). They
are gathered once per article and looked up by character range.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from extract.facts.context import Context
from extract.nlp.gazetteers import data_text
from extract.nlp.ruler import SPANS_KEY


@dataclass(frozen=True)
class Money:
    start: int  # offsets in the article text
    end: int
    value: int  # rupiah
    approximate: bool


@dataclass(frozen=True)
class Programme:
    start: int
    end: int
    code: str  # JKK, JKM, JHT, JP, JKP or beasiswa


@lru_cache(maxsize=1)
def programme_codes() -> tuple[str, ...]:
    """The programme codes in the order the vocabulary lists them, the order
    a payout's programmes are written in."""
    codes: dict[str, None] = {}
    for line in data_text("patterns/program.jsonl").splitlines():
        if line.strip():
            codes.setdefault(json.loads(line)["id"], None)
    return tuple(codes)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: int | float
    approximate: bool


T = TypeVar("T", "Money", "Programme", "Number")


class _InText(Generic[T]):
    """Items with `start` and `end`, in text order, looked up by range."""

    def __init__(self, items: list[T]):
        self._items = items
        self._starts = [item.start for item in items]

    def within(self, lo: int, hi: int) -> list[T]:
        """The items lying wholly in [lo, hi), in text order."""
        i = bisect_left(self._starts, lo)
        found = []
        while i < len(self._items) and self._items[i].start < hi:
            if self._items[i].end <= hi:
                found.append(self._items[i])
            i += 1
        return found


class DocSpans:
    """The article's MONEY, PROGRAM and CARDINAL spans, and where other
    figures (a percentage, a date in digits) are written.

    Every lookup is by a range inside the content sentences, so furniture
    never comes in; `any_programme` is about the whole page, like the search
    for BPJS's names over the text beside it.
    """

    def __init__(self, ctx: Context):
        group = ctx.doc.spans[SPANS_KEY] if SPANS_KEY in ctx.doc.spans else []
        money, programmes, numbers, figures = [], [], [], []
        for span in group:
            label, start, end = span.label_, span.start_char, span.end_char
            if label == "MONEY":
                money.append(Money(start, end, int(span.kb_id_), span.id_ == "approximate"))
            elif label == "PROGRAM":
                programmes.append(Programme(start, end, span.id_))
            elif label == "CARDINAL":
                numbers.append(Number(start, end, _number(span.kb_id_), span.id_ == "approximate"))
            elif label in ("PERCENT", "DATE") and any(ch.isdigit() for ch in span.text):
                figures.append(Number(start, end, 0, False))
        self._money = _InText(money)
        self._programmes = _InText(programmes)
        self._numbers = _InText(numbers)
        self._figures = _InText(sorted(numbers + figures, key=lambda number: number.start))
        self._named_programme = bool(programmes)

    def money(self, lo: int, hi: int) -> list[Money]:
        """Amounts in [lo, hi); both ends of a range ("Rp 10-20 juta") share
        one span, the lower first."""
        return self._money.within(lo, hi)

    def programmes(self, lo: int, hi: int) -> list[Programme]:
        """Programme names in [lo, hi)."""
        return self._programmes.within(lo, hi)

    def numbers(self, lo: int, hi: int) -> list[Number]:
        """Counts and other plain numbers in [lo, hi): the numbers that are
        not part of an amount, a percentage or a date."""
        return self._numbers.within(lo, hi)

    def has_figure(self, lo: int, hi: int) -> bool:
        """Is a number written in [lo, hi) outside an amount: a count, a
        percentage or a date in digits ("klaim tahun 2024")?"""
        return bool(self._figures.within(lo, hi))

    def any_programme(self) -> bool:
        return self._named_programme


def _number(text: str) -> int | float:
    """A CARDINAL span's value: "8125" or "2.5"."""
    return float(text) if "." in text else int(text)
