"""Percentages: "17,60%", "20 persen", "14,34 %", "seratus persen".

Number formats follow extract.normalize.numbers ("," decimal). Values are
floats ("17,60%" -> 17.6). A range "10-15 persen" gives two matches sharing
the span; "5%-10%" gives two matches with spans of their own. "di bawah 20 persen" is 20 (flagged approximate, like "sekitar",
"hampir"): the value stated, not a bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.normalize.lexicon import alternation, lexicon
from extract.normalize.memo import scanned_once
from extract.normalize.numbers import (
    DIGITS,
    SP,
    WORD_NUMBER,
    Number,
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
_PERCENT_RE = re.compile(rf"(?P<n>{_NUMBER})(?:{SP}*{_RANGE_WORD}{SP}*(?P<n2>{_NUMBER}))?{_MARK}", re.IGNORECASE)
_SINGLE_PERCENT_RE = re.compile(rf"(?P<n>{_NUMBER}){_MARK}", re.IGNORECASE)


def _values(m: re.Match[str]) -> list[tuple[Number, bool]] | None:
    """(value, vague) of the number, or of both ends of a rising range."""
    texts = [t for t in (m.group("n"), m.groupdict().get("n2")) if t]
    values = [number_value(t, letter_scales=False) for t in texts]
    found = [v for v in values if v is not None]
    if len(found) != len(values) or (len(found) == 2 and found[0][0] >= found[1][0]):
        return None
    return found


# "dari 8,4% pada tahun 2019 turun menjadi 7,9 pada tahun 2020": the second figure
# of a change from a percentage is a percentage too, written without its unit.
_FROM = re.compile(rf"\bdari{SP}+(?:sekitar{SP}+)?$", re.IGNORECASE)
_CARRIED = re.compile(
    rf"(?:{SP}+(?:pada{SP}+)?(?:tahun{SP}+)?\d{{4}})?{SP}+menjadi{SP}+(?P<n>{DIGITS})"
    rf"(?={SP}*(?:[,;)]|\.(?!\d)|$|pada\b|di\b|tahun\b))",
    re.IGNORECASE,
)


@scanned_once
def find_percents(text: str) -> list[PercentMatch]:
    """Every percentage in ``text``, in order, with exact character offsets."""
    matches = []
    position = 0
    while (m := _PERCENT_RE.search(text, position)) is not None:
        position = m.end()
        values = _values(m)
        if values is None and m.group("n2"):
            # Not a range ("tahun 2023 hingga 40 persen"): only the marked number.
            m = _SINGLE_PERCENT_RE.match(text, m.start("n2"))
            values = _values(m) if m else None
        if m is None or values is None:
            continue
        approximate = approximate_before(text, m.start())
        for value, vague in values:
            matches.append(PercentMatch(m.start(), m.end(), m.group(), float(value), approximate or vague))
        carried = _CARRIED.match(text, m.end()) if _FROM.search(text, 0, m.start()) else None
        found = number_value(carried.group("n"), letter_scales=False) if carried else None
        if carried and found is not None:
            matches.append(
                PercentMatch(carried.start("n"), carried.end("n"), carried.group("n"), float(found[0]), found[1])
            )
            position = carried.end("n")
    return matches


def parse_percent(text: str) -> float | None:
    """The value of the first percentage in ``text`` ("17,60%" -> 17.6), or None
    when ``text`` has no "%" / "persen".
    """
    matches = find_percents(text)
    return matches[0].value if matches else None
