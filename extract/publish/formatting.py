"""Dates, months and rupiah written the Indonesian way, for the site's pages.

Month and weekday names come from the normalisers' lexicon (the words the
date parser reads), so the site writes exactly the words it reads.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from extract.normalize.lexicon import lexicon


@cache
def _names() -> tuple[dict[int, str], dict[int, str]]:
    data = lexicon()
    months = {int(n): entry["names"][0] for n, entry in data["months"].items()}
    weekdays = {int(n): names[0] for n, names in data["weekdays"].items()}
    return months, weekdays


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def format_date_id(value: str | None, precision: str | None = "day") -> str:
    """ "2025-04-14" -> "Senin, 14 April 2025"; month or year precision drops what is unknown."""
    months, weekdays = _names()
    if value and precision == "year":
        return value[:4]
    if value and precision == "month" and len(value) >= 7:
        return format_month_id(value[:7])
    day = _date(value)
    if day is None:
        return value or ""
    return f"{weekdays[day.weekday()]}, {day.day} {months[day.month]} {day.year}"


def format_month_id(month: str | None) -> str:
    """ "2024-05" -> "Mei 2024"."""
    months, _ = _names()
    try:
        year, number = int(month[:4]), int(month[5:7])  # type: ignore[index]
        return f"{months[number]} {year}"
    except (TypeError, ValueError, KeyError):
        return month or ""


def format_month_short(month: str) -> str:
    """ "2024-05" -> "Mei 24", for chart axes."""
    months, _ = _names()
    return f"{months[int(month[5:7])][:3]} {month[2:4]}"


def format_number_id(value: float | None, decimals: int = 0) -> str:
    """12500 -> "12.500", 1.25 -> "1,25" ("." groups thousands, "," is the decimal mark)."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


# Words for large amounts, largest first, as the news writes them.
_SCALES = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu"))


def format_rupiah_short(amount: float | None) -> str:
    """7800000000000 -> "Rp7,8 triliun", 42000000 -> "Rp42 juta"; at most one decimal."""
    if amount is None:
        return ""
    for scale, word in _SCALES:
        if abs(amount) >= scale:
            value = amount / scale
            text = format_number_id(value, 0 if round(value, 1) == round(value) else 1)
            return f"Rp{text} {word}"
    return f"Rp{format_number_id(amount)}"
