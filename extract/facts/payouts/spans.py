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


class DocSpans:
    """The article's MONEY and PROGRAM spans, in text order.

    Every lookup is by a range inside the content sentences, so furniture
    never comes in; `any_programme` is about the whole page, like the search
    for BPJS's names over the text beside it.
    """

    def __init__(self, ctx: Context):
        group = ctx.doc.spans[SPANS_KEY] if SPANS_KEY in ctx.doc.spans else []
        money, programmes = [], []
        for span in group:
            if span.label_ == "MONEY":
                money.append(Money(span.start_char, span.end_char, int(span.kb_id_), span.id_ == "approximate"))
            elif span.label_ == "PROGRAM":
                programmes.append(Programme(span.start_char, span.end_char, span.id_))
        self._money = money
        self._money_starts = [m.start for m in money]
        self._programmes = programmes
        self._programme_starts = [p.start for p in programmes]

    def money(self, lo: int, hi: int) -> list[Money]:
        """Amounts lying wholly in [lo, hi); both ends of a range ("Rp 10-20
        juta") share one span, the lower first."""
        i = bisect_left(self._money_starts, lo)
        found = []
        while i < len(self._money) and self._money[i].start < hi:
            if self._money[i].end <= hi:
                found.append(self._money[i])
            i += 1
        return found

    def programmes(self, lo: int, hi: int) -> list[Programme]:
        """Programme names lying wholly in [lo, hi)."""
        i = bisect_left(self._programme_starts, lo)
        found = []
        while i < len(self._programmes) and self._programmes[i].start < hi:
            if self._programmes[i].end <= hi:
                found.append(self._programmes[i])
            i += 1
        return found

    def any_programme(self) -> bool:
        return bool(self._programmes)
