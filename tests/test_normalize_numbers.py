"""Indonesian numbers in digits and words, as news writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.normalize.numbers import find_numbers, find_per_unit, parse_number
from normalize_formats import decimal_comma, in_words, thousands


@pytest.mark.parametrize(
    "text, value",
    [
        ("8.125", 8125),
        ("1,2 juta", 1_200_000),
        ("17,60", 17.6),
        ("dua", 2),
        ("seratus", 100),
        ("sebelas", 11),
        ("tiga belas", 13),
        ("dua puluh lima", 25),
        ("seribu lima ratus", 1500),
        ("empat juta", 4_000_000),
        ("tiga ratus dua puluh ribu", 320_000),
        ("ribuan", 1000),
        ("puluhan ribu", 10_000),
        ("ratusan juta", 100_000_000),
        ("1 Desa 100", 100),
        ("1.500", 1500),
        ("1.5", 1.5),  # English decimal point: one or two digits after "."
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        ("1,234,567", 1_234_567),
        ("42 jt", 42_000_000),
        ("20 rb", 20_000),
        ("2 Miliar", 2_000_000_000),
    ],
)
def test_parse_number(text, value):
    result = parse_number(text)
    assert result == value
    assert isinstance(result, type(value))


@pytest.mark.parametrize("text", ["", "abc", "ribu", "dua tiga", "1.2.3", "Rp 5", "1,5 M"])
def test_parse_number_rejects_what_is_not_one_number(text):
    assert parse_number(text) is None


def test_letter_scales_only_when_asked():
    assert parse_number("1,5 M", letter_scales=True) == 1_500_000_000
    assert parse_number("2 T", letter_scales=True) == 2_000_000_000_000


def found(text):
    return [(m.text, m.value, m.approximate) for m in find_numbers(text)]


def test_find_numbers_in_running_text_with_offsets():
    text = "Sebanyak 8.125 pekerja rentan dan 1,2 juta peserta, serta dua ahli waris."
    matches = find_numbers(text)
    assert [(text[m.start : m.end], m.value) for m in matches] == [
        ("8.125", 8125),
        ("1,2 juta", 1_200_000),
        ("dua", 2),
    ]


def test_vague_and_qualified_numbers_are_approximate():
    assert found("ribuan buruh") == [("ribuan", 1000, True)]
    assert found("sekitar 8.000 orang") == [("8.000", 8000, True)]
    assert found("280 juta lebih") == [("280 juta lebih", 280_000_000, True)]
    assert found("tercatat 8.000 orang") == [("8.000", 8000, False)]


@pytest.mark.parametrize(
    "text",
    [
        "pukul 10:00 WIB",
        "pukul 10.00 WIB",
        "acara dimulai 19.30 WIB",
        "jam 9.30",
        "Selasa (30/1/2024)",
        "PP 44/2015",
        "program K3 dan Covid-19",
        "salah satu warga",
        "satu-satunya",
        "persentase",
        "Kodim 0807/Tulungagung",
        "Ketua RT 03",
        "tahun ke-5",
    ],
)
def test_things_that_are_not_counts(text):
    assert find_numbers(text) == []


def test_per_village_count():
    text = "Program 1 Desa 100 Pekerja Rentan di Blitar"
    (match,) = find_per_unit(text)
    assert (match.text, match.units, match.unit, match.value) == ("1 Desa 100", 1, "desa", 100)
    assert [m.value for m in find_numbers(text)] == [1, 100]
    assert find_per_unit("ada 1 desa 100 meter dari sini") == []


def test_per_village_count_in_words():
    (match,) = find_per_unit('Program "Satu Desa Lima Puluh Pekerja" bergulir')
    assert (match.text, match.units, match.value) == ("Satu Desa Lima Puluh", 1, 50)
    assert parse_number("Satu Desa Lima Puluh") == 50


SENTENCE = "Tercatat {} pekerja menerima manfaat."


def only_number(text: str):
    matches = find_numbers(SENTENCE.format(text))
    assert len(matches) == 1, matches
    assert matches[0].text == text
    return matches[0].value


@given(st.integers(min_value=0, max_value=10**12))
def test_thousand_dots_round_trip(n):
    assert parse_number(thousands(n)) == n
    assert only_number(thousands(n)) == n


@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_words_round_trip(n):
    assert parse_number(in_words(n)) == n
    assert only_number(in_words(n)) == n


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=99),
    st.sampled_from([(1000, "ribu"), (10**6, "juta"), (10**9, "miliar"), (10**12, "triliun")]),
)
def test_scaled_decimals_round_trip(whole, hundredths, scale):
    size, word = scale
    value = Decimal(whole) + Decimal(hundredths) / 100
    places = 0 if hundredths == 0 else (1 if hundredths % 10 == 0 else 2)
    text = f"{decimal_comma(value, places)} {word}"
    assert parse_number(text) == int(value * size)
    assert only_number(text) == int(value * size)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_decimal_comma_round_trip(whole, hundredths):
    value = Decimal(whole) + Decimal(hundredths) / 100
    text = decimal_comma(value, 2)
    assert parse_number(text) == float(value)
    assert parse_number(thousands(whole) + text[text.index(",") :]) == float(value)
