"""Regulations: kind, number and year of each cited instrument (texts written for these tests)."""

from __future__ import annotations

import pytest

from extract.facts.regulations import extract_regulations, kind_of, number_and_year
from facts_helpers import context_for


def cited(text: str) -> list[tuple[str, str | None, int | None]]:
    return [(r.kind, r.number, r.year) for r in extract_regulations(context_for(text))]


@pytest.mark.parametrize(
    "written, kind",
    [
        ("Peraturan Bupati", "Perbup"),
        ("Undang-undang", "UU"),
        ("Undang Undang", "UU"),
        ("Peraturan Pemerintah", "PP"),
        ("Instruksi Presiden", "Inpres"),
        ("Surat Edaran", "SE"),
        ("Peraturan Menteri Ketenagakerjaan", "Permenaker"),
        ("Peraturan Daerah Kabupaten Kediri", "Perda"),
        ("Peraturan Walikota", "Perwali"),
        ("Perwal", "Perwali"),
        ("Keputusan Menteri", "Kepmen"),
        ("Peraturan Presiden", "Perpres"),
        ("Peraturan Menteri Dalam Negeri", "Permendagri"),
        ("Peraturan Gubernur", "Pergub"),
        ("Permenkeu", "PMK"),
        ("Peraturan Pemerintah Pengganti Undang-Undang", "Perppu"),
    ],
)
def test_written_names_of_instruments_have_one_kind(written, kind):
    assert kind_of(written) == kind


def test_number_and_year_as_articles_write_them():
    assert number_and_year("Nomor 37 Tahun 2023") == ("37", 2023)
    assert number_and_year("No. 24/2011") == ("24", 2011)
    assert number_and_year("Nomor 215/PMK.07/2021") == ("215/PMK.07/2021", 2021)
    assert number_and_year("tentang Ketenagakerjaan") == (None, None)


def test_long_names_without_a_short_name_in_brackets():
    text = (
        "Kebijakan itu mengacu pada Peraturan Menteri Dalam Negeri Nomor 84 Tahun 2014 dan Peraturan "
        "Walikota Surabaya No. 34 Tahun 2022. Pedomannya Keputusan Menteri Ketenagakerjaan Nomor 202 "
        "Tahun 2024, sementara tata caranya diatur Permenaker 5/2021 dan UU No. 24/2011."
    )
    assert cited(text) == [
        ("Permendagri", "84", 2014),
        ("Perwali", "34", 2022),
        ("Kepmen", "202", 2024),
        ("Permenaker", "5", 2021),
        ("UU", "24", 2011),
    ]


def test_the_short_name_in_brackets_is_the_kind():
    text = "Dasarnya Peraturan Menteri Keuangan (PMK) Nomor 215/PMK.07/2021 tentang dana bagi hasil cukai."
    assert cited(text) == [("PMK", "215/PMK.07/2021", 2021)]


def test_each_instrument_once_and_references_back_are_not_new_ones():
    text = (
        "Pemkab menerbitkan Peraturan Bupati (Perbup) Kediri Nomor 12 Tahun 2023. Perbup itu mewajibkan "
        "setiap desa mendata pekerja rentan. Sesuai Perbup Nomor 12 Tahun 2023, iuran dibayar APBD."
    )
    assert cited(text) == [("Perbup", "12", 2023)]


def test_a_bare_law_is_not_cited_but_a_specific_unnumbered_instrument_is():
    text = (
        "Perlindungan pekerja adalah amanat Undang-Undang. Karena itu Bupati menerbitkan Instruksi Bupati "
        "Jombang tentang percepatan kepesertaan pekerja rentan."
    )
    assert cited(text) == [("Inbup", None, None)]


def test_instruments_in_page_furniture_are_not_cited():
    text = (
        "KEDIRI - Pemkot menjalankan Peraturan Wali Kota (Perwali) Kediri Nomor 16 Tahun 2023.\n"
        "Baca Juga: Pemkab Blitar Terbitkan Perbup Nomor 5 Tahun 2020 soal Parkir\n"
        "Acara dihadiri para camat."
    )
    assert cited(text) == [("Perwali", "16", 2023)]


def test_every_regulation_points_at_its_citation():
    text = "Hal itu diatur dalam Instruksi Presiden (Inpres) Nomor 2 Tahun 2021 tentang Optimalisasi Program."
    (regulation,) = extract_regulations(context_for(text))
    evidence = regulation.provenance
    assert text[evidence.start : evidence.end].startswith("Instruksi Presiden")
    assert evidence.rule.startswith("regulations.")
    assert regulation.title == "Optimalisasi Program"


@pytest.mark.parametrize(
    "text, expected",
    [
        # a surat edaran in lower case, made specific by its issuer
        (
            "Pemkab Ngawi sudah menerbitkan surat edaran bupati yang meminta kepala desa mendaftarkan perangkatnya.",
            [("SE", None, None)],
        ),
        (
            "Langkah itu menindaklanjuti surat edaran Menteri Dalam Negeri tentang perlindungan pegawai non-ASN.",
            [("SE", None, None)],
        ),
        # with no issuer it is a generic mention
        ("Kepala desa diminta menindaklanjuti surat edaran itu pekan depan.", []),
        # short written forms of numbered instruments, and an unnumbered SE by its issuer's short name
        (
            "Dasarnya PP No. 44/2015 dan Perda No 3 tahun 2022, serta SE Mendagri soal pegawai non-ASN.",
            [("PP", "44", 2015), ("Perda", "3", 2022), ("SE", None, None)],
        ),
    ],
)
def test_regulations_in_short_and_lower_case_forms(text, expected):
    assert cited(text) == expected


def test_a_circular_named_by_its_subject_is_cited_without_a_number():
    text = (
        "Bupati menerbitkan surat edaran tentang kewajiban desa mendaftarkan perangkatnya. "
        "Sebelumnya terbit Perbup Nomor 9 Tahun 2023. Camat meneruskan surat edaran itu ke desa."
    )
    assert cited(text) == [("SE", None, None), ("Perbup", "9", 2023)]
    assert cited("Informasi disampaikan melalui surat edaran kepada seluruh desa.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the number written right after the kind, without "Nomor"
        ("Ahli waris diatur menurut Undang-Undang 33 tahun 1964 tentang dana kecelakaan.", [("UU", "33", 1964)]),
        # two numbers of one series sharing its code and year
        (
            "Besarnya diatur Peraturan Menteri Keuangan Nomor 15 dan 16/PMK.010/2017 tanggal 2 Maret 2017.",
            [("PMK", "15/PMK.010/2017", 2017), ("PMK", "16/PMK.010/2017", 2017)],
        ),
        # "peraturan" in lower case before a capitalised issuer
        ("Dasarnya peraturan Gubernur Jambi nomor 12 tahun 2022 tentang jaminan sosial.", [("Pergub", "12", 2022)]),
    ],
)
def test_numbers_written_loosely(text, expected):
    assert cited(text) == expected


def test_unnumbered_instruments_of_one_kind_told_apart_by_their_subjects():
    text = (
        "Pemkab menerbitkan dua peraturan bupati. Yang pertama, peraturan bupati tentang kepesertaan "
        "perangkat desa, dan yang kedua, peraturan bupati mengenai sanksi bagi perusahaan. "
        "Peraturan bupati ini berlaku tahun depan."
    )
    assert cited(text) == [("Perbup", None, None), ("Perbup", None, None)]


def test_a_long_name_given_its_short_name_is_one_instrument():
    text = "Tahun depan Pemkab Lumajang akan menerbitkan Peraturan Bupati (Perbup) dan Surat Keputusan Bupati."
    assert cited(text) == [("Perbup", None, None)]


def test_a_code_of_law_is_cited_by_its_name():
    assert cited("Pelaku dijerat Pasal 362 KUHP dengan ancaman lima tahun penjara.") == [("KUHP", None, None)]
