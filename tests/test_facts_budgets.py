"""Budgets: money a government or company sets aside, with its source, purpose and year."""

from __future__ import annotations

import pytest
from facts_helpers import article

from extract.facts.extractor import extract_facts


def facts_of(text: str):
    return extract_facts(article(text))


def budgets_of(text: str) -> list[tuple]:
    return [(b.amount_idr, b.source, b.purpose, b.year) for b in facts_of(text).budgets]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Pemkab Ponorogo menyiapkan anggaran Rp 2 miliar dari APBD untuk iuran pekerja rentan.", "APBD"),
        ("Pemprov mengalokasikan Rp 4 miliar dari APBD Jatim untuk iuran nelayan.", "APBD Provinsi"),
        ("Setiap desa menganggarkan Rp 60 juta dari Dana Desa untuk iuran perangkat desa.", "APBDes/Dana Desa"),
        ("Pagu Rp 7 miliar dari APBN disiapkan untuk iuran pekerja sosial.", "APBN"),
        ("Dinas menganggarkan Rp 900 juta bersumber dari DBHCHT untuk iuran buruh pabrik rokok.", "DBHCHT"),
        ("Melalui dana CSR sebesar Rp 750 juta, sebuah bank daerah menanggung iuran pedagang pasar.", "CSR"),
    ],
)
def test_each_funding_source_is_named_canonically(text, source):
    (budget,) = facts_of(text).budgets
    assert budget.source == source


def test_a_budget_has_its_amount_purpose_and_year():
    text = "Tahun ini Pemkab Ngawi menganggarkan Rp 1,2 miliar dari APBD 2025 untuk iuran 6.000 pekerja rentan."
    assert budgets_of(text) == [(1_200_000_000, "APBD", "iuran 6.000 pekerja rentan", 2025)]


def test_an_amount_written_without_rp_is_a_budget_too():
    text = "Dana sebesar 500 juta rupiah dianggarkan dari APBD tahun 2024 bagi buruh tani."
    assert budgets_of(text) == [(500_000_000, "APBD", "buruh tani", 2024)]


def test_the_purpose_may_open_the_sentence():
    text = "Untuk melindungi 3.000 petani tembakau, Pemkab Jember mengalokasikan Rp 800 juta."
    assert budgets_of(text) == [(800_000_000, None, "melindungi 3.000 petani tembakau", None)]


def test_a_time_span_is_no_purpose_and_a_source_name_holds_no_marker():
    text = "Anggaran Rp 3 miliar dari Dana Bagi Hasil Cukai Hasil Tembakau disiapkan untuk setahun."
    assert budgets_of(text) == [(3_000_000_000, "DBHCHT", None, None)]


def test_a_santunan_amount_is_not_a_budget():
    text = "Ahli waris almarhum Sutrisno menerima santunan JKM sebesar Rp 42 juta dari BPJS Ketenagakerjaan."
    facts = facts_of(text)
    assert facts.budgets == []
    assert [p.amount_idr for p in facts.payouts] == [42_000_000]


def test_a_budget_in_a_sentence_with_a_santunan_is_only_its_own_amount():
    text = (
        "Ahli waris menerima santunan JKM Rp 42 juta, sementara Pemkab Kediri menganggarkan"
        " Rp 3 miliar dari APBD untuk iuran pekerja rentan."
    )
    assert budgets_of(text) == [(3_000_000_000, "APBD", "iuran pekerja rentan", None)]


def test_a_budget_is_not_a_payout():
    text = "Pemkab Madiun menyiapkan anggaran Rp 2,5 miliar dari APBD untuk iuran 10.000 pekerja rentan."
    facts = facts_of(text)
    assert [b.amount_idr for b in facts.budgets] == [2_500_000_000]
    assert facts.payouts == []
    assert facts.to_gold()["payouts"] == []


def test_a_contribution_rate_is_not_a_budget():
    assert budgets_of("Iuran Rp 16.800 per bulan untuk setiap pekerja ditanggung dana APBD.") == []


def test_money_without_a_budget_word_or_source_is_not_a_budget():
    assert budgets_of("Harga gabah naik menjadi Rp 6.500 untuk setiap kilogram.") == []


def test_one_budget_stated_twice_is_one_and_its_evidence_is_the_amount():
    text = (
        "Pemkab Lamongan menganggarkan Rp 1 miliar dari APBD untuk iuran nelayan.\n"
        "Anggaran Rp 1 miliar dari APBD itu cukup untuk setahun."
    )
    (budget,) = facts_of(text).budgets
    assert text[budget.provenance.start : budget.provenance.end] == "Rp 1 miliar"
    assert budget.provenance.rule == "budget.budget_word"


def test_budgets_are_printed_beside_the_gold_lists_not_in_them():
    facts = facts_of("Pemkab Tuban mengalokasikan Rp 5 miliar dari APBD untuk iuran pekerja rentan.")
    assert "budgets" not in facts.to_gold()
    assert facts.beyond_gold() == {
        "budgets": [{"amount_idr": 5_000_000_000, "source": "APBD", "purpose": "iuran pekerja rentan", "year": None}]
    }


def test_the_total_beside_a_contribution_rate_is_the_budget():
    text = "Iuran Rp 16.800 per orang per bulan ditanggung APBD Kota Kediri dengan total anggaran Rp 900 juta."
    assert budgets_of(text) == [(900_000_000, "APBD", None, None)]


def test_money_paid_from_a_source_is_a_budget_and_a_time_span_no_purpose():
    text = "Iuran para nelayan dibayar dari APBD Perubahan 2025 sebesar Rp 90 juta untuk empat bulan."
    assert budgets_of(text) == [(90_000_000, "APBD", None, 2025)]
