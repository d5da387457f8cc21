"""Write numbers the way Indonesian news does, for the normalisers' property tests.

Written independently of extract.normalize so that a test compares two
separate accounts of the same conventions.
"""

from __future__ import annotations

from decimal import Decimal

UNITS = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
MONTHS = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]  # Monday first
SCALES = [(10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")]


def thousands(n: int) -> str:
    """8125 -> "8.125"."""
    return f"{n:,}".replace(",", ".")


def decimal_comma(value: Decimal, places: int) -> str:
    """Decimal("17.6"), 2 -> "17,60"."""
    return f"{value:.{places}f}".replace(".", ",")


def _below_thousand(n: int) -> list[str]:
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [UNITS[hundreds], "ratus"]
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif 12 <= rest <= 19:
        words += [UNITS[rest - 10], "belas"]
    elif rest >= 20:
        tens, units = divmod(rest, 10)
        words += [UNITS[tens], "puluh"] + ([UNITS[units]] if units else [])
    elif rest:
        words.append(UNITS[rest])
    return words


def in_words(n: int) -> str:
    """125 -> "seratus dua puluh lima", 1000 -> "seribu"."""
    if n == 0:
        return "nol"
    words: list[str] = []
    for size, name in SCALES:
        count, n = divmod(n, size)
        if count == 1 and size == 1000:
            words.append("seribu")
        elif count:
            words += _below_thousand(count) + [name]
    words += _below_thousand(n)
    return " ".join(words)
