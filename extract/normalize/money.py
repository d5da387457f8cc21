"""Rupiah amounts: "Rp 42 juta", "Rp111.000.000", "42 juta rupiah",
"Rp177,24 juta", "Rp 1,5 miliar", "Rp.5.000.000,-", "Rp 280 juta lebih".

Amounts are integers of rupiah. Number formats follow extract.normalize.numbers;
after "Rp" the one-letter scales "M" (miliar) and "T" (triliun) are read too.
A number is money only with "Rp"/"IDR" before it or "rupiah" after it: a bare
"16.800" is not money. A range "Rp 10-20 juta" gives two matches (10 juta and
20 juta) sharing the range's span. ``approximate`` as in numbers: vague words
("ratusan juta rupiah"), "sekitar Rp ..." before, "lebih" after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.normalize.lexicon import alternation, lexicon
from extract.normalize.numbers import (
    SP,
    number_value,
    approximate_after,
    approximate_before,
    number_pattern,
    parse_number,
    scale_pattern,
)


@dataclass(frozen=True)
class MoneyMatch:
    start: int  # character offsets into the text given to find_money
    end: int
    text: str
    value: int  # rupiah
    approximate: bool


_PREFIX = rf"(?<![A-Za-z])(?:{alternation(lexicon()['rupiah_prefixes'])})\.?{SP}*"
_SUFFIX = rf"{SP}*(?:{alternation(lexicon()['rupiah_suffixes'])})\b"
_RANGE_WORD = r"(?:-|–|hingga|sampai|s\.?d\.?|sampai\s+dengan)"
_AMOUNT = number_pattern(letter_scales=True, anchored=False)
_ANCHORED_AMOUNT = number_pattern(letter_scales=True)
# Accounting tails written after whole amounts: "Rp5.000.000,-", "Rp 5.000,00".
_TAIL = r"(?:,-|\.-|,\s?00\b(?!,))?"

_PREFIXED_RE = re.compile(
    rf"{_PREFIX}(?P<amount>{_AMOUNT})"
    rf"(?:{SP}*{_RANGE_WORD}{SP}*(?:{_PREFIX})?(?P<amount2>{_AMOUNT}))?{_TAIL}(?:{_SUFFIX})?",
    re.IGNORECASE,
)
_SUFFIXED_RE = re.compile(
    rf"(?P<amount>{_ANCHORED_AMOUNT})"
    rf"(?:{SP}*{_RANGE_WORD}{SP}*(?P<amount2>{_ANCHORED_AMOUNT}))?{_SUFFIX}",
    re.IGNORECASE,
)
_TRAILING_SCALE_RE = re.compile(rf"{scale_pattern(letter_scales=True)}$", re.IGNORECASE)


def _borrow_scale(first: str, second: str) -> str:
    """"10" in "Rp 10-20 juta" means 10 juta: a smaller unscaled first amount
    takes the second one's scale ("Rp 500.000 - 1 juta" keeps 500.000)."""
    scale = _TRAILING_SCALE_RE.search(second)
    if not scale or _TRAILING_SCALE_RE.search(first):
        return first
    bare_first = number_value(first, letter_scales=True)
    bare_second = number_value(second[: scale.start()], letter_scales=True)
    if bare_first and bare_second and bare_first[0] <= bare_second[0]:
        return f"{first} {scale.group()}"
    return first


def _amounts(m: re.Match[str]) -> list[tuple[int, bool]] | None:
    """(rupiah, vague) for the amount, or both ends of a range."""
    texts = [m.group("amount")]
    if m.group("amount2"):
        texts = [_borrow_scale(texts[0], m.group("amount2")), m.group("amount2")]
    values = [number_value(t, letter_scales=True) for t in texts]
    if any(v is None for v in values):
        return None
    return [(round(v[0]), v[1]) for v in values if v is not None]


def find_money(text: str) -> list[MoneyMatch]:
    """Every rupiah amount in ``text``, in order, with exact character offsets."""
    found: list[tuple[int, int, list[tuple[int, bool]]]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_PREFIXED_RE, _SUFFIXED_RE):
        for m in pattern.finditer(text):
            amounts = _amounts(m)
            if amounts is None or any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), amounts))
    found.sort(key=lambda item: item[0])
    matches = []
    for start, end, amounts in found:
        after = approximate_after(text, end)
        end = after if after is not None else end
        before = approximate_before(text, start)
        for value, vague in amounts:
            approximate = vague or before or after is not None
            matches.append(MoneyMatch(start, end, text[start:end], value, approximate))
    return matches


def parse_rupiah(text: str) -> int | None:
    """The rupiah amount in ``text``: the first amount find_money sees, or, when
    ``text`` is only a number ("42 juta", "16.800"), that number. None otherwise.
    """
    matches = find_money(text)
    if matches:
        return matches[0].value
    value = parse_number(text, letter_scales=True)
    return round(value) if value is not None else None
