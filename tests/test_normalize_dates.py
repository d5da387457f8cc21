"""Dates as Indonesian news writes them, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.normalize.dates import (
    FUTURE_TOLERANCE_DAYS,
    DateValue,
    find_dates,
    parse_date,
    parse_published,
)
from normalize_formats import MONTHS, WEEKDAYS

D = dt.date


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senin, 14 April 2025 10:00 WIB", D(2025, 4, 14)),
        ("14 Des 2025", D(2025, 12, 14)),
        ("8 Agu 2024", D(2024, 8, 8)),
        ("Rabu, 7 Agt 2024 09:12", D(2024, 8, 7)),
        ("Selasa, 30 Januari 2024 | 14:21", D(2024, 1, 30)),
        ("30/01/2024 14:21", D(2024, 1, 30)),
        ("30-01-2024", D(2024, 1, 30)),
        ("2024-01-30T10:00:00+07:00", D(2024, 1, 30)),
        ("2024-01-30T20:00:00Z", D(2024, 1, 31)),  # already the 31st in WIB
        ("2024-01-30T16:59:59+00:00", D(2024, 1, 30)),
        ("2024-01-30 23:30:00+0900", D(2024, 1, 30)),
        ("2024-01-30T23:30:00", D(2024, 1, 30)),  # no zone: the date written
        ("2024-01-30", D(2024, 1, 30)),
        ("Diterbitkan: 5 Pebruari 2023, 08.00", D(2023, 2, 5)),
        ("Kamis, 03 Oktober 2024 - 19:45 WIB", D(2024, 10, 3)),
        ("January 30, 2024", D(2024, 1, 30)),
        ("14 Nop 2019", D(2019, 11, 14)),
    ],
)
def test_parse_published_reads_page_metadata(text, expected):
    assert parse_published(text) == expected


@pytest.mark.parametrize("text", ["", "Redaksi", "31/02/2024", "14:21 WIB", "Nomor 4/2023"])
def test_parse_published_returns_none_without_a_valid_date(text):
    assert parse_published(text) is None


REF = D(2024, 11, 10)  # a Sunday


def values(text, reference=REF):
    return [(m.text, m.value.date, m.value.precision) for m in find_dates(text, reference)]


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("Selasa (30/1/2024)", D(2024, 1, 30), "day"),
        ("Selasa 19 Maret 2024", D(2024, 3, 19), "day"),
        ("19 Maret 2024", D(2024, 3, 19), "day"),
        ("Kamis (26/01/2023)", D(2023, 1, 26), "day"),
        ("(Selasa, 30/1/24)", D(2024, 1, 30), "day"),
        ("tahun 2023", D(2023, 1, 1), "year"),
        ("akhir Desember 2023", D(2023, 12, 1), "month"),
        ("Des 2025", D(2025, 12, 1), "month"),
    ],
)
def test_explicit_dates_need_no_reference(text, date, precision):
    (match,) = find_dates(text)
    assert (match.text, match.value, match.relative) == (text, DateValue(date, precision), False)


def test_weekday_next_to_an_explicit_date_is_ignored():
    # 30 January 2024 was a Tuesday; a wrong weekday does not move the date.
    assert parse_date("Jumat (30/1/2024)") == DateValue(D(2024, 1, 30), "day")


@pytest.mark.parametrize(
    "text, date",
    [
        ("(3/12)", D(2023, 12, 3)),  # December 2024 is after the reference
        ("(3/11)", D(2024, 11, 3)),
        ("(14/11)", D(2024, 11, 14)),  # a few days ahead: an announced event
        ("Rabu lalu", D(2024, 11, 6)),
        ("Senin kemarin", D(2024, 11, 4)),
        ("kemarin", D(2024, 11, 9)),
        ("hari ini", D(2024, 11, 10)),
        ("Minggu lalu", D(2024, 11, 3)),
        ("Jumat depan", D(2024, 11, 15)),
        ("pada Rabu", D(2024, 11, 6)),
        ("19 Oktober", D(2024, 10, 19)),
        ("10 Oktober lalu", D(2024, 10, 10)),
    ],
)
def test_relative_days_resolve_against_the_reference(text, date):
    matches = find_dates(text, REF)
    assert [(m.value, m.relative) for m in matches] == [(DateValue(date, "day"), True)]
    assert find_dates(text) == []


def test_weekday_chooses_the_year_of_a_day_month_without_year():
    # 8 November was a Wednesday in 2023, a Friday in 2024.
    assert parse_date("Rabu (8/11)", REF) == DateValue(D(2023, 11, 8), "day")
    assert parse_date("Jumat (8/11)", REF) == DateValue(D(2024, 11, 8), "day")


def test_day_month_without_year_in_january_refers_to_last_december():
    assert parse_date("(28/12)", D(2025, 1, 3)) == DateValue(D(2024, 12, 28), "day")


def test_month_relative_and_ranges_have_month_precision():
    assert parse_date("Oktober lalu", REF) == DateValue(D(2024, 10, 1), "month")
    assert parse_date("Desember lalu", REF) == DateValue(D(2023, 12, 1), "month")
    assert parse_date("Januari mendatang", REF) == DateValue(D(2025, 1, 1), "month")
    assert values("Maret hingga Desember 2025") == [
        ("Maret", D(2025, 3, 1), "month"),
        ("Desember 2025", D(2025, 12, 1), "month"),
    ]
    assert parse_date("bulan lalu", D(2024, 1, 15)) == DateValue(D(2023, 12, 1), "month")


def test_day_ranges_give_one_date_per_day_with_the_range_span():
    text = "Kegiatan digelar Kamis-Jumat (3-4/10/2024) di Malang."
    matches = find_dates(text)
    assert [m.value.date for m in matches] == [D(2024, 10, 3), D(2024, 10, 4)]
    assert {m.text for m in matches} == {"Kamis-Jumat (3-4/10/2024)"}
    assert [m.value.date for m in find_dates("3-4 Oktober 2024")] == [D(2024, 10, 3), D(2024, 10, 4)]


def test_day_without_year_takes_the_year_of_the_end_of_its_range():
    assert values("10 Juni hingga 20 Juli 2022", None) == [
        ("10 Juni", D(2022, 6, 10), "day"),
        ("20 Juli 2022", D(2022, 7, 20), "day"),
    ]


def test_range_across_new_year_starts_in_the_previous_year():
    assert values("30 Desember - 2 Januari 2025", None) == [
        ("30 Desember", D(2024, 12, 30), "day"),
        ("2 Januari 2025", D(2025, 1, 2), "day"),
    ]


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("tiga hari lalu", D(2024, 11, 7), "day"),
        ("sehari lalu", D(2024, 11, 9), "day"),
        ("2 bulan yang lalu", D(2024, 9, 1), "month"),
        ("lima tahun silam", D(2019, 1, 1), "year"),
    ],
)
def test_counted_periods_ago(text, date, precision):
    assert values(text) == [(text, date, precision)]


def test_weekday_closing_a_clause_is_the_day_of_the_reporting_week():
    text = "kata kepala cabang di Klaten, Rabu. Ia mengatakan, Senin malam, tim turun."
    assert values(text, D(2024, 1, 17)) == [
        ("Rabu", D(2024, 1, 17), "day"),
        ("Senin", D(2024, 1, 15), "day"),
    ]
    assert values("Ia hadir bersama Rabu Santoso dan", D(2024, 1, 17)) == []


def test_year_expressions():
    assert parse_date("awal tahun ini", REF) == DateValue(D(2024, 1, 1), "year")
    assert parse_date("tahun lalu", REF) == DateValue(D(2023, 1, 1), "year")
    assert parse_date("sejak 2019, program", REF) == DateValue(D(2019, 1, 1), "year")
    assert parse_date("Sepanjang 2023, klaim", REF) == DateValue(D(2023, 1, 1), "year")


def test_offsets_are_exact_in_running_text():
    text = "Penyerahan dilakukan di Pendopo, Selasa (30/1/2024). Sebelumnya, Rabu lalu, tim rapat."
    matches = find_dates(text, D(2024, 1, 31))
    assert [(text[m.start : m.end], m.value.date) for m in matches] == [
        ("Selasa (30/1/2024)", D(2024, 1, 30)),
        ("Rabu lalu", D(2024, 1, 24)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "UU Nomor 40 Tahun 2004",  # a regulation's year
        "PP No. 44/2015",
        "separuh atau 1/2 bagian",
        "minggu lalu",  # last week, not last Sunday
        "setiap hari Senin",
        "sebanyak 2.024 pekerja",
        "Rp 2.000.000",
        "wafat 30 November 1016",  # out of range: dropped, not resolved as this year
    ],
)
def test_things_that_are_not_dates(text):
    assert find_dates(text, REF) == []


def test_invalid_calendar_dates_are_skipped():
    assert find_dates("Senin (31/2/2024)") == []
    assert find_dates("(31/2)", REF) == []


# Property tests: write a date the way news does, read it back.

DATES = st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 12, 31))


@given(DATES, st.booleans(), st.booleans())
def test_weekday_and_numeric_date_round_trip(date, zero_pad, short_year):
    day = f"{date.day:02d}" if zero_pad else str(date.day)
    month = f"{date.month:02d}" if zero_pad else str(date.month)
    year = f"{date.year % 100:02d}" if short_year and date.year >= 2000 else str(date.year)
    written = f"{WEEKDAYS[date.weekday()]} ({day}/{month}/{year})"
    (match,) = find_dates(f"Santunan diserahkan {written} di pendopo.")
    assert (match.text, match.value, match.relative) == (written, DateValue(date, "day"), False)


@given(DATES, st.booleans())
def test_day_month_name_year_round_trip(date, with_weekday):
    written = f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    if with_weekday:
        written = f"{WEEKDAYS[date.weekday()]}, {written}"
    assert parse_published(f"{written} 10:00 WIB") == date
    (match,) = find_dates(f"Pada {written} lalu digelar rapat.")
    assert match.value == DateValue(date, "day")


@given(
    st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)),
    st.integers(min_value=-FUTURE_TOLERANCE_DAYS, max_value=300),
    st.booleans(),
)
def test_day_month_without_year_resolves_to_the_date_near_the_reference(reference, days_before, weekday):
    date = reference - dt.timedelta(days=days_before)
    written = f"({date.day}/{date.month})"
    if weekday:
        written = WEEKDAYS[date.weekday()] + " " + written
    assert parse_date(f"kata dia, {written}.", reference) == DateValue(date, "day")
