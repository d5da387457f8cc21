"""Dates as Indonesian news writes them, resolved to calendar dates.

Two jobs:

* ``parse_published`` reads the publication date of a page from a metadata
  string ("Senin, 14 April 2025 10:00 WIB", "14 Des 2025",
  "30/01/2024 14:21", "2024-01-30T10:00:00+07:00").
* ``find_dates`` scans running text for date expressions and resolves them
  against a reference date (normally the publication date):
  "Selasa (30/1/2024)", "19 Maret 2024", "(3/12)", "Rabu lalu",
  "Oktober lalu", "Maret hingga Desember 2025", "Kamis-Jumat (3-4/10/2024)",
  "tahun 2023", "akhir Desember 2023", "kemarin", "hari ini".

Resolution rules (documented because facts depend on them):

* A weekday next to an explicit date is ignored; the explicit date wins.
* A day and month without a year ("(3/12)", "19 Maret") is the most recent
  such date not later than the reference plus ``FUTURE_TOLERANCE_DAYS``
  (news announces events a few days ahead). When a weekday is given
  ("Rabu (8/11)") the year in which that day is that weekday is preferred.
  Without a reference such dates are not returned.
* "<weekday> lalu" / "<weekday> kemarin" is the most recent such weekday
  strictly before the reference; "pada Rabu" and a clause-closing ", Rabu."
  (news-agency style) the most recent one on or before it; "<weekday>
  depan" the next one after it. "tiga hari lalu", "2 bulan lalu" count back.
* "<month> lalu" is that month in the reference year if it is not after the
  reference month, else the previous year (month precision); "<month>
  depan/mendatang" the next such month.
* Ranges give one value per day ("3-4/10/2024" -> 3 and 4 October) sharing
  the range's span; month ranges give one month-precision value per month.
* Lower-case "minggu lalu" means "last week" and is not read as Sunday.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

from extract.normalize.date_values import (
    FUTURE_TOLERANCE_DAYS,
    MAX_YEAR,
    MIN_YEAR,
    DateMatch,
    DateParts,
    DateValue,
    Rule,
    month_value,
    resolve_dates,
    safe_date,
    year_value,
)
from extract.normalize.lexicon import (
    alternation,
    lexicon,
    month_all_names,
    month_full_names,
    month_numbers,
    weekday_numbers,
)
from extract.normalize.memo import scanned_once
from extract.normalize.numbers import WORD_NUMBER, parse_number

__all__ = [
    "FUTURE_TOLERANCE_DAYS",
    "DateMatch",
    "DateParts",
    "DateValue",
    "find_dates",
    "parse_date",
    "parse_dates",
    "parse_published",
    "resolve_dates",
]

# --------------------------------------------------------------------------
# Regex building blocks (compiled once at import)

_LEX = lexicon()
_MONTHS = month_numbers()
_WEEKDAYS = weekday_numbers()

_MONTH_ANY = alternation(month_all_names())
_MONTH_FULL = alternation(month_full_names())
# Three-letter English day names ("Sun", "Sat") are too ambiguous in prose.
_WD = alternation([w for w in _WEEKDAYS if len(w) > 3])
_YEAR = r"(?:19|20)\d{2}"
_PAST = alternation(_LEX["past_markers"])
_FUTURE = alternation(_LEX["future_markers"])
_QUAL = alternation(_LEX["period_qualifiers"])
_RANGE_WORD = r"(?:[-–—/]|s\.?\s?d\.?|sd|hingga|sampai|dan|sampai\s+dengan)"

# "Kamis-Jumat", "Senin dan Selasa", "Selasa,"
_WD_PREFIX = rf"(?:(?:hari\s+)?(?P<wd>{_WD})(?:\s*{_RANGE_WORD}\s*(?P<wd2>{_WD}))?\s*,?\s*)"
_TRAIL = rf"(?:\s+(?P<trail>{_PAST}))?"

_ISO_RE = re.compile(rf"(?<![\d/.-])(?P<y>{_YEAR})(?P<sep>[-/])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?![\d/])")
# "Selasa (30/1/2024)", "(Selasa, 30/1/2024)", "(3/12)", "Kamis-Jumat (3-4/10/2024)",
# "30.01.2024", "30-01-2024"
_NUMERIC_RE = re.compile(
    rf"(?<!\w)(?:{_WD_PREFIX})?(?P<open>\()?\s*(?:(?P<wdin>{_WD})\s*,?\s*)?"
    rf"(?<![\d/.,])(?P<d>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?"
    rf"(?P<sep>[/.-])(?P<m>\d{{1,2}})(?:(?P=sep)(?P<y>\d{{4}}|\d{{2}}))?(?![\d/])"
    rf"(?:\s*(?P<close>\)))?{_TRAIL}",
    re.IGNORECASE,
)
# "Selasa, 19 Maret 2024", "3-4 Oktober 2024", "tanggal 17 Agustus", "14 Des 2025"
_TEXT_RE = re.compile(
    rf"(?<!\w)(?:{_WD_PREFIX})?(?P<open>\()?(?:(?:tanggal|tgl\.?)\s+)?"
    rf"(?<![\d/.,])(?P<d>\d{{1,2}})(?:\s*{_RANGE_WORD}\s*(?P<d2>\d{{1,2}}))?\s*"
    rf"(?P<mon>{_MONTH_ANY})\b\.?(?:,?\s+(?P<y>\d{{4}})(?!\d))?(?:\s*(?P<close>\)))?{_TRAIL}",
    re.IGNORECASE,
)
# The year of a later date in a range: "10 Juni hingga 20 Juli 2024".
_RANGE_TAIL_YEAR_RE = re.compile(
    rf"\s*{_RANGE_WORD}\s*\d{{1,2}}\s+(?P<mon>{_MONTH_ANY})\b\.?,?\s+(?P<y>{_YEAR})(?!\d)",
    re.IGNORECASE,
)
# "Maret hingga Desember 2025", "Januari-Maret 2024"
_MONTH_RANGE_RE = re.compile(
    rf"(?<!\w)(?P<first>(?:(?:{_QUAL})\s+)?(?:bulan\s+)?(?P<mon>{_MONTH_FULL})(?:\s+(?P<y1>{_YEAR}))?)\b"
    rf"\s*{_RANGE_WORD}\s*"
    rf"(?P<second>(?:(?:{_QUAL})\s+)?(?:bulan\s+)?(?P<mon2>{_MONTH_FULL})\s+(?P<y>{_YEAR}))(?!\d)",
    re.IGNORECASE,
)
# "akhir Desember 2023", "Des 2025", "bulan Maret 2024"
_MONTH_YEAR_RE = re.compile(
    rf"(?<!\w)(?:(?:{_QUAL})\s+)?(?:bulan\s+)?(?P<mon>{_MONTH_ANY})\b\.?,?\s+(?P<y>{_YEAR})(?!\d)",
    re.IGNORECASE,
)
# "Oktober lalu", "Desember mendatang"
_MONTH_REL_RE = re.compile(
    rf"(?<!\w)(?:(?:{_QUAL})\s+)?(?:bulan\s+)?(?P<mon>{_MONTH_FULL})\s+"
    rf"(?:(?P<past>{_PAST})|(?P<future>{_FUTURE}))\b",
    re.IGNORECASE,
)
# "bulan lalu", "bulan ini", "bulan depan"
_BULAN_REL_RE = re.compile(
    rf"(?<!\w)(?:(?:{_QUAL})\s+)?bulan\s+(?:(?P<this>ini)|(?P<past>{_PAST})|(?P<future>{_FUTURE}))\b",
    re.IGNORECASE,
)
# "tahun 2023", "awal tahun 2024"
_YEAR_RE = re.compile(rf"(?<!\w)(?:(?:{_QUAL})\s+)?(?:tahun|thn\.?)\s+(?P<y>{_YEAR})(?![\d/]|[.,]\d)", re.IGNORECASE)
# "pada 2023", "sejak 2019", "sepanjang 2024": the year alone is the span
_BARE_YEAR_RE = re.compile(
    rf"\b(?:pada|sejak|hingga|sampai|selama|sepanjang|medio|per)\s+(?P<y>{_YEAR})(?![\d/%]|[.,]\d)",
    re.IGNORECASE,
)
# "tahun ini", "awal tahun ini", "tahun lalu", "tahun depan"
_YEAR_REL_RE = re.compile(
    rf"(?<!\w)(?:(?:{_QUAL})\s+)?tahun\s+(?:(?P<this>ini)|(?P<past>{_PAST})|(?P<future>{_FUTURE}))\b",
    re.IGNORECASE,
)
# "Rabu lalu", "Senin kemarin", "hari Minggu lalu", "Jumat depan"
_WEEKDAY_REL_RE = re.compile(
    rf"(?<!\w)(?P<hari>hari\s+)?(?P<wd>{_WD})\s+(?:(?P<past>{_PAST})|(?P<future>{_FUTURE}))\b",
    re.IGNORECASE,
)
# "tiga hari lalu", "2 bulan yang lalu", "lima tahun silam"
_AGO_RE = re.compile(
    rf"(?<!\w)(?P<n>\d{{1,2}}|{WORD_NUMBER}|se)\s*(?P<unit>hari|bulan|tahun)\s+(?:{_PAST})\b",
    re.IGNORECASE,
)
# "pada Rabu", "pada hari Senin": the most recent such day
_WEEKDAY_BARE_RE = re.compile(rf"\b(?P<lead>pada|hari)\s+(?P<span>(?:hari\s+)?(?P<wd>{_WD}))\b", re.IGNORECASE)
# News-agency style "..., kata X di Klaten, Rabu." / ", Senin malam": the
# weekday of the reporting week, closing a clause.
_WEEKDAY_CLAUSE_RE = re.compile(
    rf",\s*(?P<span>(?P<wd>{_WD}))"
    rf"(?=\s*(?:[.,;:!?\"”)]|$)|\s+(?:pagi|siang|sore|malam|petang|dini\s+hari)\b)",
    re.IGNORECASE,
)
_REL_DAY_RE = re.compile(rf"\b(?P<word>{alternation(_LEX['relative_days'])})\b", re.IGNORECASE)
_REGULATION_BEFORE_RE = re.compile(r"(?:nomor|no\.?)\s*[\w./-]+\s*$", re.IGNORECASE)
_EVERY_BEFORE_RE = re.compile(r"(?:setiap|tiap)\s+(?:hari\s+)?$", re.IGNORECASE)
_RELATIVE_DAYS = {k.lower(): v for k, v in _LEX["relative_days"].items()}


# --------------------------------------------------------------------------
# Helpers


def _full_year(text: str) -> int:
    year = int(text)
    return year + 2000 if len(text) == 2 else year


def _weekday(name: str | None) -> int | None:
    return _WEEKDAYS.get(name.lower()) if name else None


def _is_sunday_word_meaning_week(text: str, hari: str | None) -> bool:
    """Lower-case "minggu lalu" is "last week", not "last Sunday"."""
    return text.lower() == "minggu" and not text[0].isupper() and not hari


# --------------------------------------------------------------------------
# Pattern handlers: each yields (start, end, values, rule, args) candidates,
# fixed values or how a reference date resolves them (date_values.Rule).

_Candidate = tuple[int, int, tuple[DateValue, ...], Rule, tuple[int, ...]]
_Handler = Callable[[re.Match[str], str], Iterator[_Candidate]]


def _fixed(start: int, end: int, *values: DateValue) -> _Candidate:
    return start, end, values, "", ()


def _span_without_unmatched_paren(m: re.Match[str]) -> tuple[int, int]:
    """Keep a leading "(" only when the closing one is in the match too."""
    start, end = m.start(), m.end()
    if m.group("open") and not m.group("close"):
        # The "(" belongs to something else; start after it (or at the weekday).
        start = m.start("wd") if m.group("wd") else m.end("open")
    elif m.group("close") and not m.group("open"):
        end = m.start("close") if m.group("trail") is None else m.end()
    return start, end


def _days(m: re.Match[str], year: int | None, month: int) -> Iterator[_Candidate]:
    """The day value(s) of a (possibly ranged) day-month match; without a
    year, how a reference resolves them."""
    days = [int(m.group("d"))] + ([int(m.group("d2"))] if m.group("d2") else [])
    start, end = _span_without_unmatched_paren(m)
    if year is None:
        weekday = _weekday(m.group("wd")) if m.groupdict().get("wd") else None
        if weekday is None and m.groupdict().get("wdin"):
            weekday = _weekday(m.group("wdin"))
        past = bool(m.group("trail"))
        yield start, end, (), "day_month", (month, -1 if weekday is None else weekday, int(past), *days)
        return
    dates = [safe_date(year, month, day) for day in days]
    if any(date is None for date in dates) or (len(dates) == 2 and dates[1] <= dates[0]):  # type: ignore[operator]
        return
    yield _fixed(start, end, *(DateValue(date, "day") for date in dates if date is not None))


def _numeric(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    sep, year_text = m.group("sep"), m.group("y")
    if year_text is None:
        # "3/12" is a fraction or a number unless it is "(3/12)".
        if sep != "/" or not (m.group("open") and m.group("close")):
            return
    elif sep != "/" and (len(year_text) != 4 or m.group("d2")):
        return
    if _REGULATION_BEFORE_RE.search(text[max(0, m.start() - 30) : m.start()]):
        return
    yield from _days(m, _full_year(year_text) if year_text else None, int(m.group("m")))


def _textual(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    month = _MONTHS[m.group("mon").lower()]
    # Any four-digit year is read, so that an out-of-range one ("30 November
    # 1016") drops the date instead of leaving "30 November" to be resolved.
    year = int(m.group("y")) if m.group("y") else None
    if year is None:
        tail = _RANGE_TAIL_YEAR_RE.match(text, m.end())
        if tail:
            # "30 Desember - 2 Januari 2025": the range starts the year before.
            later_month = _MONTHS[tail.group("mon").lower()]
            year = int(tail.group("y")) - (1 if month > later_month else 0)
    yield from _days(m, year, month)


def _iso(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    date = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if date:
        yield _fixed(m.start(), m.end(), DateValue(date, "day"))


def _month_range(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    year2 = int(m.group("y"))
    month1, month2 = _MONTHS[m.group("mon").lower()], _MONTHS[m.group("mon2").lower()]
    year1 = int(m.group("y1")) if m.group("y1") else (year2 if month1 <= month2 else year2 - 1)
    first, second = month_value(year1, month1), month_value(year2, month2)
    if first and second:
        yield _fixed(m.start("first"), m.end("first"), first)
        yield _fixed(m.start("second"), m.end("second"), second)


def _month_year(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    value = month_value(int(m.group("y")), _MONTHS[m.group("mon").lower()])
    if value:
        yield _fixed(m.start(), m.end(), value)


def _month_relative(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    month = _MONTHS[m.group("mon").lower()]
    yield m.start(), m.end(), (), "month", (month, int(bool(m.group("past"))))


def _shift(m: re.Match[str]) -> int:
    return 0 if m.group("this") else (-1 if m.group("past") else 1)


def _bulan_relative(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    yield m.start(), m.end(), (), "month_shift", (_shift(m),)


def _year(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    # "UU Nomor 40 Tahun 2004" is a regulation's year, not a date.
    if _REGULATION_BEFORE_RE.search(text[max(0, m.start() - 30) : m.start()]):
        return
    value = year_value(int(m.group("y")))
    if value:
        yield _fixed(m.start(), m.end(), value)


def _bare_year(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    value = year_value(int(m.group("y")))
    if value:
        yield _fixed(m.start("y"), m.end("y"), value)


def _year_relative(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    yield m.start(), m.end(), (), "year_shift", (_shift(m),)


def _weekday_relative(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    if _is_sunday_word_meaning_week(m.group("wd"), m.group("hari")):
        return
    weekday = _weekday(m.group("wd"))
    assert weekday is not None
    yield m.start(), m.end(), (), "weekday", (weekday, int(bool(m.group("past"))))


def _weekday_bare(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    if _is_sunday_word_meaning_week(m.group("wd"), None):
        return
    if _EVERY_BEFORE_RE.search(text[max(0, m.start() - 12) : m.start()]):
        return
    if m.group("lead").lower() == "hari" and m.group("span").lower().startswith("hari"):
        return
    weekday = _weekday(m.group("wd"))
    assert weekday is not None
    yield m.start("span"), m.end("span"), (), "weekday_on_or_before", (weekday,)


_AGO_UNITS = {"hari": 0, "bulan": 1, "tahun": 2}


def _ago(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    count = 1 if m.group("n").lower() == "se" else parse_number(m.group("n"))
    if not isinstance(count, int) or count < 1:
        return
    yield m.start(), m.end(), (), "ago", (count, _AGO_UNITS[m.group("unit").lower()])


def _weekday_clause(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    if _is_sunday_word_meaning_week(m.group("wd"), None):
        return
    weekday = _weekday(m.group("wd"))
    assert weekday is not None
    yield m.start("span"), m.end("span"), (), "weekday_on_or_before", (weekday,)


def _relative_day(m: re.Match[str], text: str) -> Iterator[_Candidate]:
    offset = _RELATIVE_DAYS[re.sub(r"\s+", " ", m.group("word").lower())]
    yield m.start(), m.end(), (), "day_shift", (int(offset),)


# Highest priority first: an accepted span blocks every later overlapping one.
_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (_ISO_RE, _iso),
    (_NUMERIC_RE, _numeric),
    (_TEXT_RE, _textual),
    (_MONTH_RANGE_RE, _month_range),
    (_MONTH_YEAR_RE, _month_year),
    (_AGO_RE, _ago),
    (_MONTH_REL_RE, _month_relative),
    (_BULAN_REL_RE, _bulan_relative),
    (_YEAR_REL_RE, _year_relative),
    (_YEAR_RE, _year),
    (_WEEKDAY_REL_RE, _weekday_relative),
    (_WEEKDAY_BARE_RE, _weekday_bare),
    (_WEEKDAY_CLAUSE_RE, _weekday_clause),
    (_REL_DAY_RE, _relative_day),
    (_BARE_YEAR_RE, _bare_year),
]


@scanned_once
def parse_dates(text: str) -> list[DateParts]:
    """Every date expression in ``text`` as parsed, not yet resolved, in the
    order ``resolve_dates`` accepts them (pattern priority, then position).
    Overlapping candidates are all kept: which one wins depends on which
    resolve against the reference date."""
    found = []
    for pattern, handler in _PATTERNS:
        for m in pattern.finditer(text):
            for start, end, values, rule, args in handler(m, text):
                while end > start and text[end - 1].isspace():
                    end -= 1
                found.append(DateParts(start, end, text[start:end], values, rule, args))
    return found


@scanned_once
def find_dates(text: str, reference: dt.date | None = None) -> list[DateMatch]:
    """Every date expression in ``text``, in order, resolved against ``reference``.

    Expressions that need a reference (relative ones, day-month without year)
    are left out when ``reference`` is None. A range yields one match per
    value, all with the range's span.
    """
    return resolve_dates(parse_dates(text), reference)


def parse_date(text: str, reference: dt.date | None = None) -> DateValue | None:
    """The value of the first date expression in ``text`` (see find_dates), or None."""
    matches = find_dates(text, reference)
    return matches[0].value if matches else None


# --------------------------------------------------------------------------
# Publication dates in page metadata

_PUB_ISO_RE = re.compile(rf"(?<!\d)(?P<y>{_YEAR})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?!\d)")
_PUB_NUMERIC_RE = re.compile(
    rf"(?<![\d/.-])(?P<d>\d{{1,2}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<y>{_YEAR}|\d{{2}})(?![\d/.-]?\d)"
)
_PUB_TEXT_RE = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s*[-/]?\s*(?P<mon>{_MONTH_ANY})\b\.?\s*[-/,]?\s*(?P<y>{_YEAR})(?!\d)",
    re.IGNORECASE,
)
_PUB_ENGLISH_RE = re.compile(
    rf"\b(?P<mon>{_MONTH_ANY})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})(?!\d)",
    re.IGNORECASE,
)


# A timestamp with a time zone: "2024-01-30T23:30:00+00:00", "2024-01-30 17:05:00Z".
_PUB_TIMESTAMP_RE = re.compile(
    r"(?<!\d)\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})(?![\d:])"
)
# Western Indonesia Time, where these outlets publish.
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


def _timestamp_date(text: str) -> dt.date | None:
    m = _PUB_TIMESTAMP_RE.search(text)
    if not m:
        return None
    try:
        stamp = dt.datetime.fromisoformat(m.group().replace(" ", "T"))
    except ValueError:
        return None
    date = stamp.astimezone(WIB).date()
    return date if MIN_YEAR <= date.year <= MAX_YEAR else None


def parse_published(text: str) -> dt.date | None:
    """The publication date in a page's metadata string, or None.

    Reads "Senin, 14 April 2025 10:00 WIB", "14 Des 2025", "Selasa, 30 Januari
    2024 | 14:21", "30/01/2024 14:21", "2024-01-30T10:00:00+07:00" and
    "January 30, 2024". When several dates are present the first one wins.
    A timestamp with a time zone is read as a moment and given as its date
    in WIB (UTC+7): "2024-01-30T20:00:00Z" was published on 31 January in
    Indonesia. Otherwise times are ignored and the date is the one written.
    """
    if not text:
        return None
    stamped = _timestamp_date(text)
    if stamped is not None:
        return stamped
    best: tuple[int, dt.date] | None = None
    for pattern in (_PUB_ISO_RE, _PUB_NUMERIC_RE, _PUB_TEXT_RE, _PUB_ENGLISH_RE):
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best[0]:
                break
            month_text = m.group("mon") if "mon" in m.groupdict() else None
            month = _MONTHS[month_text.lower()] if month_text else int(m.group("m"))
            date = safe_date(_full_year(m.group("y")), month, int(m.group("d")))
            if date is not None:
                best = (m.start(), date)
                break
    return best[1] if best else None
