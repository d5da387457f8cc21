"""Numbers as Indonesian news writes them: "8.125", "1,2 juta", "dua", "seratus",
"tiga ratus dua puluh ribu", "ribuan", "puluhan ribu".

Conventions (the one place they are decided; money and percent build on it):

* "." groups thousands and "," marks decimals: "8.125" = 8125, "17,60" =
  17.6, "1.234,5" = 1234.5.
* English-style numbers are read sensibly: a single "." followed by exactly
  three digits is a thousands separator ("1.500" = 1500) but with one or two
  digits it is a decimal point ("1.5" = 1.5); when both "." and "," occur
  the later one is the decimal mark ("1,234.5" = 1234.5); several ","
  groups are thousands ("1,234,567"). A single "," is always a decimal comma.
* A scale word multiplies: "1,2 juta" = 1200000, "Rp177,24 juta" reads
  177,24 x 1.000.000. Abbreviations "rb", "jt" are scales everywhere; the
  one-letter "M" (miliar) and "T" (triliun) only where the caller allows it
  (money), since "5 M" is also five metres.
* Vague words ("ribuan", "puluhan ribu", "ratusan juta") give the smallest
  value they can mean, flagged ``approximate``. So do amounts qualified by
  "sekitar", "hampir", "lebih dari", ... before them, or "lebih" after them
  ("280 juta lebih"); a trailing "lebih" is part of the match's span, a
  leading qualifier is not.
* Values are ``int`` when whole, ``float`` otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from extract.normalize.lexicon import alternation, lexicon
from extract.normalize.memo import scanned_once

Number = int | float

_NUM = lexicon()["numbers"]
_UNITS: dict[str, int] = _NUM["units"]
_SPECIALS: dict[str, int] = _NUM["specials"]
_TEEN: str = _NUM["teen_word"]
_MULTIPLIERS: dict[str, int] = _NUM["multipliers"]
_SCALES: dict[str, int] = _NUM["scales"]
_SCALE_ABBREVIATIONS: dict[str, int] = _NUM["scale_abbreviations"]
_VAGUE: dict[str, int] = _NUM["vague"]
_LETTER_SCALES = {k: v for k, v in _SCALE_ABBREVIATIONS.items() if len(k) == 1}
_SHORT_SCALES = {k: v for k, v in _SCALE_ABBREVIATIONS.items() if len(k) > 1}
_ALL_SCALES = {k.lower(): v for k, v in {**_SCALES, **_SHORT_SCALES}.items()}
_NUMBER_WORDS = [*_UNITS, *_SPECIALS, _TEEN, *_MULTIPLIERS, *_SCALES, *_VAGUE]


@dataclass(frozen=True)
class NumberMatch:
    start: int  # character offsets into the text given to find_numbers
    end: int
    text: str
    value: Number
    approximate: bool


@dataclass(frozen=True)
class PerUnitMatch:
    """ "1 Desa 100 pekerja": ``value`` (100) per ``units`` (1) ``unit`` ("desa")."""

    start: int
    end: int
    text: str
    value: Number
    unit: str  # key of lexicon per_unit_words: "desa", "rt", "rw", ...
    units: Number


# --------------------------------------------------------------------------
# Regex sources, shared with money.py and percent.py

# Horizontal space, including the no-break space pages often put in "Rp\u00a042".
SP = r"[ \t\u00a0]"
# Digits in the formats above, unanchored (for use right after "Rp").
DIGITS_BODY = (
    r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?"  # 8.125 / 1.234,5
    r"|\d{1,3}(?:,\d{3})+\.\d+"  # 1,234.5
    r"|\d{1,3}(?:,\d{3}){2,}"  # 1,234,567
    r"|\d+(?:[.,]\d+)?)"  # 8125 / 17,60 / 1.5
    r"(?![\d]|[.,:/]\d)"
)
# Digits standing alone: not glued to letters ("K3", "Covid-19"), times
# ("10:00") or slashes ("30/1/2024", "44/2015").
DIGITS = r"(?<![\w.,:/])(?<![A-Za-z]-)" + DIGITS_BODY
WORD_NUMBER = rf"\b(?:{alternation(_NUMBER_WORDS)})\b(?:{SP}+\b(?:{alternation(_NUMBER_WORDS)})\b)*"


def scale_pattern(letter_scales: bool = False) -> str:
    """A scale word after digits: "juta", "rb"; with ``letter_scales`` also "M", "T"."""
    words = alternation([*_SCALES, *_SHORT_SCALES])
    letters = rf"|(?-i:{alternation(_LETTER_SCALES)})" if letter_scales else ""
    return rf"(?:{words}{letters})\b"


def number_pattern(letter_scales: bool = False, anchored: bool = True) -> str:
    """Regex source (no groups) of one number: digits with an optional scale, or words.

    ``anchored=False`` drops the check on the character before the digits, for
    numbers glued to a prefix ("Rp111.000.000").
    """
    digits = DIGITS if anchored else DIGITS_BODY
    return rf"(?:{digits}(?:{SP}*{scale_pattern(letter_scales)})?|{WORD_NUMBER})"


_APPROX_BEFORE_RE = re.compile(rf"(?:^|\W)(?:{alternation(lexicon()['approximate_before'])})\s*$", re.IGNORECASE)
_APPROX_AFTER_RE = re.compile(
    rf"(?:{SP}*(?:{alternation([w for w in lexicon()['approximate_after'] if w[0].isalpha()])})\b"
    rf"|(?:{alternation([w for w in lexicon()['approximate_after'] if not w[0].isalpha()])})\b)",
    re.IGNORECASE,
)


def approximate_before(text: str, start: int) -> bool:
    """Is the amount at ``start`` preceded by "sekitar", "hampir", "lebih dari", ...?"""
    return bool(_APPROX_BEFORE_RE.search(text[max(0, start - 20) : start]))


def approximate_after(text: str, end: int) -> int | None:
    """End of a "lebih" / "-an" right after the amount ending at ``end``, if any."""
    m = _APPROX_AFTER_RE.match(text, end)
    return m.end() if m else None


# --------------------------------------------------------------------------
# Values


def _as_number(value: Decimal) -> Number:
    return int(value) if value == value.to_integral_value() else float(value)


def _digits_decimal(text: str) -> Decimal | None:
    """Decimal value of a digit string in the conventions of the module docstring."""
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_mark = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal_mark == "." else "."
        normal = text.replace(thousands, "").replace(decimal_mark, ".")
    elif dots > 1 or (dots == 1 and len(text) - text.index(".") - 1 == 3):
        normal = text.replace(".", "")
    elif commas > 1:
        normal = text.replace(",", "")
    else:
        normal = text.replace(",", ".")
    try:
        return Decimal(normal)
    except InvalidOperation:
        return None


def parse_digits(text: str) -> Number | None:
    """ "8.125" -> 8125, "17,60" -> 17.6; None unless ``text`` is only digits and separators."""
    text = text.strip()
    if not re.fullmatch(r"\d[\d.,]*", text) or not text[-1].isdigit():
        return None
    value = _digits_decimal(text)
    return _as_number(value) if value is not None else None


def _words_value(tokens: list[str]) -> tuple[int, bool] | None:
    """Value of a sequence of number words, or None if it is not one number."""
    if not tokens:
        return None
    total, group, pending, approximate = 0, 0, None, False
    for index, token in enumerate(t.lower() for t in tokens):
        if token in _VAGUE:
            if index != 0:
                return None
            group, approximate = _VAGUE[token], True
        elif token in _UNITS:
            if pending is not None or (approximate and not total):
                return None
            pending = _UNITS[token]
        elif token == _TEEN:
            if not pending:
                return None
            group, pending = group + 10 + pending, None
        elif token in _MULTIPLIERS:
            if not pending:
                return None
            group, pending = group + pending * _MULTIPLIERS[token], None
        elif token in _SPECIALS:
            if pending is not None:
                return None
            if _SPECIALS[token] >= 1000:
                if group:
                    return None
                total += _SPECIALS[token]
            else:
                group += _SPECIALS[token]
        elif token in _SCALES:
            amount = group + (pending or 0)
            if not amount:
                return None
            total, group, pending = total + amount * _SCALES[token], 0, None
        else:
            return None
    return total + group + (pending or 0), approximate


_DIGITS_RE = re.compile(DIGITS)
_SCALE_AFTER_DIGITS_RE = re.compile(
    rf"(?P<digits>[\d.,]*\d){SP}*(?P<scale>{scale_pattern(letter_scales=True)})?$", re.IGNORECASE
)


def number_value(text: str, letter_scales: bool) -> tuple[Number, bool] | None:
    """(value, approximate) of one number expression (digits+scale or words)."""
    text = text.strip()
    m = _SCALE_AFTER_DIGITS_RE.fullmatch(text)
    if m:
        if not _DIGITS_RE.fullmatch(m.group("digits")):
            return None
        value = _digits_decimal(m.group("digits"))
        if value is None:
            return None
        scale = m.group("scale")
        if scale:
            if scale in _LETTER_SCALES:
                if not letter_scales:
                    return None
                value *= _LETTER_SCALES[scale]
            else:
                value *= _ALL_SCALES[scale.lower()]
        return _as_number(value), False
    words = _words_value(text.split())
    return words if words else None


def parse_number(text: str, letter_scales: bool = False) -> Number | None:
    """The value of ``text`` written as one Indonesian number, or None.

    "8.125" -> 8125, "1,2 juta" -> 1200000, "17,60" -> 17.6, "dua" -> 2,
    "seratus" -> 100, "ribuan" -> 1000 (vague: smallest value). A per-unit
    expression "1 Desa 100" gives its per-unit value, 100.
    """
    parsed = number_value(text, letter_scales)
    if parsed is not None:
        return parsed[0]
    per_unit = find_per_unit(text.strip())
    if len(per_unit) == 1 and per_unit[0].text == text.strip():
        return per_unit[0].value
    return None


# --------------------------------------------------------------------------
# Finding numbers in running text

_DIGIT_NUMBER_RE = re.compile(rf"{DIGITS}(?:{SP}*{scale_pattern()})?", re.IGNORECASE)
_WORD_NUMBER_RE = re.compile(WORD_NUMBER, re.IGNORECASE)
_WORD_RE = re.compile(r"\S+")
# "0807", "RT 03": identifiers, not quantities.
_CODE_RE = re.compile(r"0\d")
_CLOCK_BEFORE_RE = re.compile(r"\b(?:pukul|jam|pkl\.?)\s*$", re.IGNORECASE)
_CLOCK_AFTER_RE = re.compile(r"\s*(?:WIB|WITA|WIT)\b")
_CLOCK_RE = re.compile(r"(?:[01]?\d|2[0-4])\.[0-5]\d")


def _is_clock_time(text: str, m: re.Match[str]) -> bool:
    """ "pukul 10.00", "19.30 WIB": times of day written with a dot."""
    if not _CLOCK_RE.fullmatch(m.group()):
        return False
    return bool(
        _CLOCK_BEFORE_RE.search(text[max(0, m.start() - 8) : m.start()]) or _CLOCK_AFTER_RE.match(text, m.end())
    )


# "salah satu" = "one of"; "satu-satunya", "dua-duanya" are not counts.
_NOT_A_COUNT_BEFORE_RE = re.compile(r"\bsalah\s+$", re.IGNORECASE)
_REDUPLICATION_RE = re.compile(r"-\w")


def _word_numbers(text: str) -> list[tuple[int, int, Number, bool]]:
    """Longest valid number-word runs, left to right."""
    found = []
    for run in _WORD_NUMBER_RE.finditer(text):
        tokens = [(t.start() + run.start(), t.end() + run.start(), t.group()) for t in _WORD_RE.finditer(run.group())]
        i = 0
        while i < len(tokens):
            for j in range(len(tokens), i, -1):
                parsed = _words_value([t[2] for t in tokens[i:j]])
                if parsed is not None:
                    start, end = tokens[i][0], tokens[j - 1][1]
                    if not (
                        _NOT_A_COUNT_BEFORE_RE.search(text[max(0, start - 10) : start])
                        or _REDUPLICATION_RE.match(text, end)
                    ):
                        found.append((start, end, parsed[0], parsed[1]))
                    i = j
                    break
            else:
                i += 1
    return found


@scanned_once
def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in ``text`` (digits, with scale words, or words), in order.

    Offsets are exact. Digits glued to letters, times, or slashes (dates,
    regulation numbers, "0807/Tulungagung"), codes with a leading zero
    ("RT 03") and clock times ("pukul 10.00", "19.30 WIB") are left out. See the module docstring for
    ``approximate``.
    """
    found: list[tuple[int, int, Number, bool]] = []
    for m in _DIGIT_NUMBER_RE.finditer(text):
        if _CODE_RE.match(m.group()) or _is_clock_time(text, m):
            continue
        parsed = number_value(m.group(), letter_scales=False)
        if parsed is not None:
            found.append((m.start(), m.end(), parsed[0], parsed[1]))
    found.extend(_word_numbers(text))
    found.sort()
    matches = []
    for start, end, value, approximate in found:
        after = approximate_after(text, end)
        if after is not None:
            end, approximate = after, True
        approximate = approximate or approximate_before(text, start)
        matches.append(NumberMatch(start, end, text[start:end], value, approximate))
    return matches


@cache
def _per_unit_re() -> re.Pattern[str]:
    units = lexicon()["per_unit_words"]
    alternatives = "|".join(rf"(?P<{key}>{alternation(words)})" for key, words in units.items())
    number = rf"(?:{DIGITS}|{WORD_NUMBER})"
    return re.compile(rf"(?P<units>{number}){SP}+(?-i:{alternatives}){SP}+(?P<value>{number})", re.IGNORECASE)


@scanned_once
def find_per_unit(text: str) -> list[PerUnitMatch]:
    """ "<n> <unit> <m>" counts such as "1 Desa 100" (100 per village), in order.

    Numbers may be words ("Satu Desa Lima Puluh Pekerja"). Unit words are
    capitalised as in programme names ("1 Desa 100 Pekerja Rentan");
    lower-case "1 desa 100" is ordinary prose and not matched.
    """
    matches = []
    for m in _per_unit_re().finditer(text):
        unit = next(key for key, value in m.groupdict().items() if value and key not in ("units", "value"))
        units, value = number_value(m.group("units"), False), number_value(m.group("value"), False)
        if units is not None and value is not None:
            matches.append(PerUnitMatch(m.start(), m.end(), m.group(), value[0], unit, units[0]))
    return matches
