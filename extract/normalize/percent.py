"""Percentages: "17,60%", "20 persen", "14,34 %", "seratus persen".

Number formats follow extract.normalize.numbers ("," decimal). Values are
floats ("17,60%" -> 17.6). A range "10-15 persen" gives two matches sharing
the span. "di bawah 20 persen" is 20 (flagged approximate, like "sekitar",
"hampir"): the value stated, not a bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.normalize.lexicon import alternation, lexicon
from extract.normalize.numbers import (
    DIGITS,
    SP,
    WORD_NUMBER,
    number_value,
    approximate_before,
)


@dataclass(frozen=True)
class PercentMatch:
    start: int  # character offsets into the text given to find_percents
    end: int
    text: str
    value: float
    approximate: bool = False


_WORDS = [w for w in lexicon()["percent_words"] if w[0].isalpha()]
_SIGNS = [w for w in lexicon()["percent_words"] if not w[0].isalpha()]
_MARK = rf"{SP}*(?:{alternation(_SIGNS)}|(?:{alternation(_WORDS)})\b)"
_NUMBER = rf"(?:{DIGITS}|{WORD_NUMBER})"
_RANGE_WORD = r"(?:-|–|hingga|sampai|s\.?d\.?|sampai\s+dengan)"
_PERCENT_RE = re.compile(
    rf"(?P<n>{_NUMBER})(?:(?:{_MARK})?{SP}*{_RANGE_WORD}{SP}*(?P<n2>{_NUMBER}))?{_MARK}",
    re.IGNORECASE,
)


def find_percents(text: str) -> list[PercentMatch]:
    """Every percentage in ``text``, in order, with exact character offsets."""
    matches = []
    for m in _PERCENT_RE.finditer(text):
        values = [number_value(m.group(g), letter_scales=False) for g in ("n", "n2") if m.group(g)]
        if any(v is None for v in values):
            continue
        approximate = approximate_before(text, m.start())
        for parsed in values:
            assert parsed is not None
            matches.append(
                PercentMatch(m.start(), m.end(), m.group(), float(parsed[0]), approximate or parsed[1])
            )
    return matches


def parse_percent(text: str) -> float | None:
    """The value of the first percentage in ``text`` ("17,60%" -> 17.6), or None
    when ``text`` has no "%" / "persen".
    """
    matches = find_percents(text)
    return matches[0].value if matches else None
