"""Rupiah amounts: "Rp 42 juta", "Rp111.000.000", "42 juta rupiah",
"Rp177,24 juta", "Rp 1,5 miliar", "Rp.5.000.000,-", "Rp 280 juta lebih".

Amounts are integers of rupiah. Number formats follow extract.normalize.numbers;
after "Rp" the one-letter scales "M" (miliar) and "T" (triliun) are read too.
A number is money with "Rp"/"IDR" before it or "rupiah" after it, or, when
it has a scale word, right after a word that states a value ("sebesar 42
juta", "senilai 6,2 milyar"): a bare "16.800" is not money, nor is "sebesar
1,2 juta orang" (a count noun follows). A range "Rp 10-20 juta" gives two matches (10 juta and
20 juta) sharing the range's span; "Rp 42 juta hingga Rp 70 juta" gives two
matches with spans of their own. ``approximate`` as in numbers: vague words
("ratusan juta rupiah"), "sekitar Rp ..." before, "lebih" after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.normalize.lexicon import alternation, lexicon
from extract.normalize.memo import scanned_once
from extract.normalize.numbers import (
    DIGITS,
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

_RANGE = rf"{SP}*{_RANGE_WORD}{SP}*"
_PREFIXED_RE = re.compile(
    rf"{_PREFIX}(?P<amount>{_AMOUNT})"
    rf"(?:{_RANGE}(?P<prefix2>{_PREFIX})?(?P<amount2>{_AMOUNT}))?{_TAIL}(?:{_SUFFIX})?",
    re.IGNORECASE,
)
_PREFIXED_SINGLE_RE = re.compile(rf"{_PREFIX}(?P<amount>{_AMOUNT}){_TAIL}(?:{_SUFFIX})?", re.IGNORECASE)
_SUFFIXED_RE = re.compile(
    rf"(?P<amount>{_ANCHORED_AMOUNT})(?:{_RANGE}(?P<amount2>{_ANCHORED_AMOUNT}))?{_SUFFIX}",
    re.IGNORECASE,
)
_SUFFIXED_SINGLE_RE = re.compile(rf"(?P<amount>{_ANCHORED_AMOUNT}){_SUFFIX}", re.IGNORECASE)
# "sebesar 42 juta": no "Rp", but a value word before and a scale after the digits.
_CUED_RE = re.compile(
    rf"(?<![A-Za-z])(?:{alternation(lexicon()['rupiah_cues'])}){SP}+"
    rf"(?P<amount>{DIGITS}{SP}*{scale_pattern()})"
    rf"(?!{SP}*(?:{alternation(lexicon()['rupiah_cue_blockers'])})(?!\w))",
    re.IGNORECASE,
)
# "Rp 509,190": rupiah have no fractions, so a comma before exactly three
# digits, with no scale word, groups thousands.
_COMMA_THOUSANDS_RE = re.compile(r"\d{1,3},\d{3}")
_TRAILING_SCALE_RE = re.compile(rf"{scale_pattern(letter_scales=True)}$", re.IGNORECASE)


def _borrow_scale(first: str, second: str) -> str:
    """ "10" in "Rp 10-20 juta" means 10 juta: a smaller unscaled first amount
    takes the second one's scale ("Rp 500.000 - 1 juta" keeps 500.000)."""
    scale = _TRAILING_SCALE_RE.search(second)
    if not scale or _TRAILING_SCALE_RE.search(first):
        return first
    bare_first = number_value(first, letter_scales=True)
    bare_second = number_value(second[: scale.start()], letter_scales=True)
    if bare_first and bare_second and bare_first[0] <= bare_second[0]:
        return f"{first} {scale.group()}"
    return first


Amounts = list[tuple[int, bool]]  # (rupiah, vague) for an amount or both ends of a range


def _single(m: re.Match[str]) -> Amounts | None:
    written = m.group("amount")
    if _COMMA_THOUSANDS_RE.fullmatch(written):
        written = written.replace(",", ".")
    value = number_value(written, letter_scales=True)
    if value and not isinstance(value[0], int) and not _TRAILING_SCALE_RE.search(written):
        return None  # "Rp 4,3" cut from "Rp 4,3 miliaran": rupiah have no fractions
    return [(round(value[0]), value[1])] if value else None


def _range(m: re.Match[str], prefixed: bool) -> Amounts | None:
    """Both ends of "Rp 10-20 juta", or None when the words only look like a
    range ("Rp 42 juta hingga 2024", "2024 hingga 42 juta rupiah")."""
    first, second = m.group("amount"), m.group("amount2")
    borrowed = _borrow_scale(first, second)
    values = [number_value(borrowed, True), number_value(second, True)]
    if values[0] is None or values[1] is None or values[0][0] >= values[1][0]:
        return None
    scaled_second_only = _TRAILING_SCALE_RE.search(second) and not _TRAILING_SCALE_RE.search(first)
    if not prefixed and borrowed == first and scaled_second_only:
        return None
    return [(round(v[0]), v[1]) for v in values if v is not None]


def _candidates(text: str) -> list[tuple[int, int, Amounts]]:
    found: list[tuple[int, int, Amounts]] = []
    for ranged, single, prefixed in (
        (_PREFIXED_RE, _PREFIXED_SINGLE_RE, True),
        (_SUFFIXED_RE, _SUFFIXED_SINGLE_RE, False),
    ):
        position = 0
        while (m := ranged.search(text, position)) is not None:
            position = m.end()
            # "Rp 42 juta hingga Rp 70 juta" is two amounts with spans of their own.
            own_prefix = prefixed and m.group("prefix2")
            amounts = _range(m, prefixed) if m.group("amount2") and not own_prefix else _single(m)
            if m.group("amount2") and (amounts is None or own_prefix):
                # Not a range: the amount is the part next to "Rp" / "rupiah",
                # and the scan goes on right after it.
                m = single.match(text, m.start() if prefixed else m.start("amount2"))
                amounts = _single(m) if m else None
                position = m.end() if m else position
            if m and amounts:
                found.append((m.start(), m.end(), amounts))
    for m in _CUED_RE.finditer(text):
        amounts = _single(m)
        if amounts:
            found.append((m.start("amount"), m.end("amount"), amounts))
    return found


@scanned_once
def find_money(text: str) -> list[MoneyMatch]:
    """Every rupiah amount in ``text``, in order, with exact character offsets."""
    taken: list[tuple[int, int, Amounts]] = []
    for start, end, amounts in _candidates(text):  # "Rp" matches first, then "rupiah"
        if not any(start < e and s < end for s, e, _ in taken):
            taken.append((start, end, amounts))
    matches = []
    for start, end, amounts in sorted(taken, key=lambda item: item[0]):
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
