"""Date values, and the resolution of parsed date expressions against a
reference date.

`extract.normalize.dates` parses a text once into `DateParts`: each date
expression with what it says (a fixed value, or "the day 8/11 of the year in
which it is a Wednesday", "the Wednesday before") but not yet which day that
is. `resolve_dates` turns them into the `DateMatch`es of a reference date, so
that a text parsed without one (the NLP pipeline's docs) can be resolved later
against an article's publication date without being scanned again. The rules
are in the module docstring of `extract.normalize.dates`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year"]

FUTURE_TOLERANCE_DAYS = 7
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class DateValue:
    date: dt.date  # for month / year precision: the first day of the period
    precision: Precision

    def iso(self) -> str:
        """ISO text at the value's precision: "2024-01-30", "2024-01", "2024"."""
        if self.precision == "day":
            return self.date.isoformat()
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return f"{self.date.year:04d}"


@dataclass(frozen=True)
class DateMatch:
    start: int  # character offsets into the text given to find_dates
    end: int
    text: str
    value: DateValue
    relative: bool  # True when the reference date was needed to resolve it


# How a reference date resolves a parsed expression; `DateParts.args` per rule:
#   "day_month"  (month, weekday or -1, past 0/1, day, [second day of a range])
#   "month"      (month, past 0/1)  "Oktober lalu", "Desember mendatang"
#   "month_shift" (shift,)          "bulan lalu / ini / depan"
#   "year_shift" (shift,)           "tahun lalu / ini / depan"
#   "weekday"    (weekday, past 0/1) "Rabu lalu" (strictly before), "Jumat depan"
#   "weekday_on_or_before" (weekday,) "pada Rabu", ", Rabu."
#   "ago"        (count, unit 0 day / 1 month / 2 year) "tiga hari lalu"
#   "day_shift"  (days,)            "kemarin", "hari ini"
Rule = Literal[
    "", "day_month", "month", "month_shift", "year_shift", "weekday", "weekday_on_or_before", "ago", "day_shift"
]


@dataclass(frozen=True)
class DateParts:
    """A date expression as parsed, before a reference date resolves it."""

    start: int  # character offsets into the parsed text
    end: int
    text: str
    values: tuple[DateValue, ...] = ()  # the values when no reference is needed
    rule: Rule = ""  # else how the reference resolves it (see above)
    args: tuple[int, ...] = ()


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not (MIN_YEAR <= year <= MAX_YEAR):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_value(year: int, month: int) -> DateValue | None:
    date = safe_date(year, month, 1)
    return DateValue(date, "month") if date else None


def year_value(year: int) -> DateValue | None:
    date = safe_date(year, 1, 1)
    return DateValue(date, "year") if date else None


def _resolve_day_month(
    day: int, month: int, reference: dt.date, weekday: int | None = None, past: bool = False
) -> dt.date | None:
    """The year of a day-month written without one (see extract.normalize.dates)."""
    candidates = [d for d in (safe_date(reference.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    limit = reference if past else reference + dt.timedelta(days=FUTURE_TOLERANCE_DAYS)
    if weekday is not None:
        matching = [d for d in candidates if d.weekday() == weekday]
        if matching:
            return min(matching, key=lambda d: (d > limit, abs((d - reference).days)))
    not_after = [d for d in candidates if d <= limit]
    return max(not_after) if not_after else None


def _weekday_before(reference: dt.date, weekday: int, strictly: bool) -> dt.date:
    back = (reference.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return reference - dt.timedelta(days=back)


def _weekday_after(reference: dt.date, weekday: int) -> dt.date:
    ahead = (weekday - reference.weekday()) % 7 or 7
    return reference + dt.timedelta(days=ahead)


def _shifted_month(reference: dt.date, shift: int) -> DateValue | None:
    index = reference.year * 12 + reference.month - 1 + shift
    return month_value(index // 12, index % 12 + 1)


def _day_month(reference: dt.date, args: tuple[int, ...]) -> list[DateValue] | None:
    month, weekday, past, *days = args
    values = []
    for index, day in enumerate(days):
        # A weekday names the first day of a range only.
        date = _resolve_day_month(day, month, reference, weekday if index == 0 and weekday >= 0 else None, bool(past))
        if date is None:
            return None
        values.append(DateValue(date, "day"))
    if len(values) == 2 and values[1].date <= values[0].date:
        return None
    return values


def resolve(parts: DateParts, reference: dt.date | None) -> list[DateValue] | None:
    """The values of `parts` against `reference`; None when it cannot be
    resolved (a relative expression without a reference, "29/2" in no leap year)."""
    if not parts.rule:
        return list(parts.values)
    if reference is None:
        return None
    args = parts.args
    value: DateValue | None
    if parts.rule == "day_month":
        return _day_month(reference, args)
    if parts.rule == "month":
        month, past = args
        if past:
            year = reference.year if month <= reference.month else reference.year - 1
        else:
            year = reference.year if month >= reference.month else reference.year + 1
        value = month_value(year, month)
    elif parts.rule == "month_shift":
        value = _shifted_month(reference, args[0])
    elif parts.rule == "year_shift":
        value = year_value(reference.year + args[0])
    elif parts.rule == "weekday":
        weekday, past = args
        date = _weekday_before(reference, weekday, strictly=True) if past else _weekday_after(reference, weekday)
        value = DateValue(date, "day")
    elif parts.rule == "weekday_on_or_before":
        value = DateValue(_weekday_before(reference, args[0], strictly=False), "day")
    elif parts.rule == "ago":
        count, unit = args
        if unit == 0:
            value = DateValue(reference - dt.timedelta(days=count), "day")
        elif unit == 1:
            value = _shifted_month(reference, -count)
        else:
            value = year_value(reference.year - count)
    else:  # "day_shift"
        value = DateValue(reference + dt.timedelta(days=args[0]), "day")
    return [value] if value else None


def resolve_dates(parsed: list[DateParts], reference: dt.date | None, offset: int = 0) -> list[DateMatch]:
    """The matches of `parsed` (in the parser's priority order) against
    `reference`, as `find_dates` gives them: an expression that resolves
    blocks every later overlapping one, and a range yields one match per
    value, all with the range's span. Offsets are moved back by `offset`."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[DateParts, list[DateValue]]] = []
    for parts in parsed:
        if any(parts.start < t_end and t_start < parts.end for t_start, t_end in taken):
            continue
        values = resolve(parts, reference)
        if values is None:
            continue
        taken.append((parts.start, parts.end))
        found.append((parts, values))
    found.sort(key=lambda item: (item[0].start, item[0].end))
    return [
        DateMatch(parts.start - offset, parts.end - offset, parts.text, value, bool(parts.rule))
        for parts, values in found
        for value in values
    ]
