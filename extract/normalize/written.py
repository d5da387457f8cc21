"""Dates written the Indonesian way, as the news writes them: "Senin, 14 April 2025".

The names are the first of each month and weekday in the lexicon
(extract/data/normalize/lexicon.yaml), the ones the date parser reads too.
"""

from __future__ import annotations

import datetime as dt

from extract.normalize.lexicon import lexicon


def month_name(number: int) -> str:
    return lexicon()["months"][number]["names"][0]


def weekday_name(weekday: int) -> str:
    return lexicon()["weekdays"][weekday][0]


def format_tanggal(iso: str | None, precision: str | None = "day") -> str:
    """ "2025-04-14" -> "Senin, 14 April 2025"; a month or a year alone as such; "" when unknown."""
    if not iso:
        return ""
    try:
        if precision == "year" or len(iso) == 4:
            return str(int(iso[:4]))
        if precision == "month" or len(iso) == 7:
            return f"{month_name(int(iso[5:7]))} {int(iso[:4])}"
        day = dt.date.fromisoformat(iso[:10])
    except (ValueError, KeyError):
        return iso
    return f"{weekday_name(day.weekday())}, {day.day} {month_name(day.month)} {day.year}"
