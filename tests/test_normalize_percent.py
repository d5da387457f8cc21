"""Percentages as Indonesian news writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.normalize.percent import find_percents, parse_percent
from normalize_formats import decimal_comma


@pytest.mark.parametrize(
    "text, value",
    [
        ("17,60%", 17.6),
        ("20 persen", 20.0),
        ("14,34 %", 14.34),
        ("seratus persen", 100.0),
        ("lima puluh persen", 50.0),
        ("0,5 persen", 0.5),
        ("100%", 100.0),
    ],
)
def test_parse_percent(text, value):
    assert parse_percent(text) == value
    (match,) = find_percents(f"Cakupan mencapai {text} tahun ini.")
    assert (match.text, match.value) == (text, value)


def test_bound_words_keep_the_stated_value():
    text = "angka kemiskinan di bawah 20 persen"
    (match,) = find_percents(text)
    assert (text[match.start : match.end], match.value, match.approximate) == ("20 persen", 20.0, True)


def test_ranges_give_both_values():
    assert [(m.text, m.value) for m in find_percents("naik 10-15 persen")] == [
        ("10-15 persen", 10.0),
        ("10-15 persen", 15.0),
    ]
    assert [(m.text, m.value) for m in find_percents("antara 5%-10%")] == [("5%", 5.0), ("10%", 10.0)]
    assert [m.value for m in find_percents("dari 30 hingga 40 persen")] == [30.0, 40.0]


def test_a_year_before_hingga_is_not_the_start_of_a_range():
    assert [(m.text, m.value) for m in find_percents("tahun 2023 hingga 40 persen")] == [("40 persen", 40.0)]


@pytest.mark.parametrize("text", ["17,60", "persentase 7", "20 pekerja", "", "K3%"])
def test_no_percent_without_a_percent_mark(text):
    assert parse_percent(text) is None


@given(
    st.integers(min_value=0, max_value=100),
    st.integers(min_value=0, max_value=99),
    st.sampled_from(["%", " %", " persen", " Persen"]),
)
def test_decimal_comma_percent_round_trip(whole, hundredths, mark):
    value = Decimal(whole) + Decimal(hundredths) / 100
    places = 0 if hundredths == 0 else 2
    written = f"{decimal_comma(value, places)}{mark}"
    assert parse_percent(written) == float(value)
    (match,) = find_percents(f"Capaian UCJ sebesar {written}, naik dari tahun lalu.")
    assert (match.text, match.value) == (written, float(value))


def test_the_second_figure_of_a_change_from_a_percentage_is_a_percentage():
    text = "Angka kemiskinan turun dari 9,45% pada tahun 2021 menjadi 8,7 pada tahun 2022."
    assert [m.value for m in find_percents(text)] == [9.45, 8.7]
    assert text[find_percents(text)[1].start : find_percents(text)[1].end] == "8,7"
    # a count or amount after "menjadi" is not a percentage
    assert [m.value for m in find_percents("Pesertanya naik dari 40% menjadi 2.300 orang.")] == [40.0]
    assert [m.value for m in find_percents("Harga naik 5% menjadi 12.000.")] == [5.0]
