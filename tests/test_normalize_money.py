"""Rupiah amounts as Indonesian news writes them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.normalize.money import find_money, parse_rupiah
from normalize_formats import decimal_comma, in_words, thousands


@pytest.mark.parametrize(
    "text, value",
    [
        ("Rp 42 juta", 42_000_000),
        ("Rp111.000.000", 111_000_000),
        ("42 juta rupiah", 42_000_000),
        ("Rp177,24 juta", 177_240_000),
        ("Rp 1,5 miliar", 1_500_000_000),
        ("Rp.5.000.000", 5_000_000),
        ("Rp42 juta", 42_000_000),
        ("Rp 16.800", 16_800),
        ("Rp 2 M", 2_000_000_000),
        ("Rp1,2 T", 1_200_000_000_000),
        ("RP 3,5 Jt", 3_500_000),
        ("IDR 500.000", 500_000),
        ("empat puluh dua juta rupiah", 42_000_000),
        ("Rp\u00a042 juta", 42_000_000),
    ],
)
def test_parse_rupiah(text, value):
    assert parse_rupiah(text) == value
    (match,) = find_money(f"Santunan sebesar {text} diserahkan.")
    assert (match.text, match.value, match.approximate) == (text, value, False)


def test_a_number_alone_is_parsed_as_rupiah_when_asked():
    assert parse_rupiah("42 juta") == 42_000_000
    assert parse_rupiah("16.800") == 16_800
    assert parse_rupiah("ahli waris") is None


def test_bare_numbers_are_not_money():
    assert find_money("Sebanyak 16.800 pekerja dan 1,2 juta peserta.") == []


def test_accounting_tail_belongs_to_the_amount():
    text = "diberikan sebesar Rp.5.000.000,- kepada ahli waris"
    (match,) = find_money(text)
    assert (match.text, match.value) == ("Rp.5.000.000,-", 5_000_000)
    assert [m.value for m in find_money("senilai Rp 5.000.000,00.")] == [5_000_000]


def test_lebih_and_vague_amounts_are_approximate():
    text = "Total santunan Rp 280 juta lebih, atau tepatnya Rp 288.900.000."
    assert [(m.text, m.value, m.approximate) for m in find_money(text)] == [
        ("Rp 280 juta lebih", 280_000_000, True),
        ("Rp 288.900.000", 288_900_000, False),
    ]
    assert [(m.value, m.approximate) for m in find_money("ratusan juta rupiah")] == [(100_000_000, True)]
    assert [m.approximate for m in find_money("sekitar Rp 2 miliar")] == [True]


def test_ranges_give_both_ends_with_the_shared_scale():
    assert [(m.text, m.value) for m in find_money("antara Rp 10-20 juta")] == [
        ("Rp 10-20 juta", 10_000_000),
        ("Rp 10-20 juta", 20_000_000),
    ]
    assert [m.value for m in find_money("Rp 500.000 - 1 juta")] == [500_000, 1_000_000]
    assert [m.value for m in find_money("dua hingga tiga juta rupiah")] == [2_000_000, 3_000_000]


def test_amounts_with_their_own_prefix_keep_their_own_spans():
    text = "naik dari Rp 42 juta hingga Rp 70 juta"
    assert [(m.text, m.value) for m in find_money(text)] == [
        ("Rp 42 juta", 42_000_000),
        ("Rp 70 juta", 70_000_000),
    ]


@pytest.mark.parametrize(
    "text, amounts",
    [
        ("Rp 42 juta hingga 2024 nanti", [("Rp 42 juta", 42_000_000)]),
        ("pada 2024 hingga 42 juta rupiah", [("42 juta rupiah", 42_000_000)]),
        ("Rp 42 juta - Rp 5 juta", [("Rp 42 juta", 42_000_000), ("Rp 5 juta", 5_000_000)]),
    ],
)
def test_what_only_looks_like_a_range(text, amounts):
    assert [(m.text, m.value) for m in find_money(text)] == amounts


def test_offsets_are_exact():
    text = "Ahli waris Paito menerima Rp42 juta, sedangkan beasiswa 42 juta rupiah."
    assert [(text[m.start : m.end], m.value) for m in find_money(text)] == [
        ("Rp42 juta", 42_000_000),
        ("42 juta rupiah", 42_000_000),
    ]


PREFIXES = st.sampled_from(["Rp", "Rp ", "Rp.", "Rp. ", "RP ", "IDR ", "Rp\u00a0"])


def only_amount(written: str) -> int:
    matches = find_money(f"Santunan sebesar {written} diserahkan kepada ahli waris.")
    assert len(matches) == 1, matches
    assert matches[0].text == written.rstrip(".")
    return matches[0].value


@given(st.integers(min_value=1, max_value=10**13), PREFIXES, st.sampled_from(["", ",-", ",00"]))
def test_prefixed_thousand_dots_round_trip(n, prefix, tail):
    written = f"{prefix}{thousands(n)}{tail}"
    assert parse_rupiah(written) == n
    assert only_amount(written) == n


@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=99),
    st.sampled_from([(1000, "ribu"), (10**6, "juta"), (10**9, "miliar"), (10**12, "triliun")]),
    PREFIXES,
    st.booleans(),
)
def test_scaled_amounts_round_trip(whole, hundredths, scale, prefix, as_suffix):
    size, word = scale
    value = Decimal(whole) + Decimal(hundredths) / 100
    places = 0 if hundredths == 0 else (1 if hundredths % 10 == 0 else 2)
    number = f"{decimal_comma(value, places)} {word}"
    written = f"{number} rupiah" if as_suffix else f"{prefix}{number}"
    assert parse_rupiah(written) == int(value * size)
    assert only_amount(written) == int(value * size)


@given(st.integers(min_value=1, max_value=999_999_999))
def test_amounts_in_words_round_trip(n):
    written = f"{in_words(n)} rupiah"
    assert parse_rupiah(written) == n
    assert only_amount(written) == n


@pytest.mark.parametrize(
    "text, written, value",
    [
        ("Klaim yang dibayarkan tahun ini sebesar 58 Milyar.", "58 Milyar", 58_000_000_000),
        ("Santunan senilai 42 juta diterima keluarga.", "42 juta", 42_000_000),
        ("bantuan bernilai 600 ribu per keluarga", "600 ribu", 600_000),
        ("dengan total sebesar 6,2 miliar sepanjang tahun", "6,2 miliar", 6_200_000_000),
    ],
)
def test_a_scaled_amount_after_a_value_word_is_money_without_rp(text, written, value):
    (match,) = find_money(text)
    assert (match.text, match.value) == (written, value)
    assert text[match.start : match.end] == written


def test_a_value_word_before_a_count_or_an_unscaled_number_is_not_money():
    assert find_money("Jumlah peserta naik sebesar 1,2 juta orang tahun ini.") == []
    assert find_money("Cakupannya naik sebesar 2 juta pekerja.") == []
    assert find_money("Nilai indeks sebesar 16.800 poin.") == []
    assert find_money("sebesar 5 persen") == []


def test_a_comma_before_three_digits_groups_thousands_in_rupiah():
    # rupiah have no fractions: "Rp 509,190" is written English-style
    assert [m.value for m in find_money("Jaminan pensiun Rp 509,190 dibayarkan.")] == [509_190]
    # with a scale word the comma stays a decimal comma
    assert [m.value for m in find_money("JKK Rp 140,856 juta")] == [140_856_000]
