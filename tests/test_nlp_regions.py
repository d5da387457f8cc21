"""Kabupaten/kota resolution with Kemendagri codes (extract.nlp.regions)."""

from __future__ import annotations

import pytest

from extract.nlp.regions import (
    all_provinces,
    all_regencies,
    find_regions,
    region_by_code,
    resolve_province,
    resolve_region,
)


def test_all_regencies_have_codes_official_names_and_coordinates():
    regencies = all_regencies()
    assert len(regencies) == 514
    by_code = {r.code: r for r in regencies}
    blitar = by_code["35.05"]
    assert (blitar.name, blitar.province) == ("Kabupaten Blitar", "Jawa Timur")
    assert blitar.latitude == pytest.approx(-8.12, abs=0.05)
    assert blitar.longitude == pytest.approx(112.21, abs=0.05)
    assert by_code["35.72"].name == "Kota Blitar"
    east_java = [r for r in regencies if r.code.startswith("35.")]
    assert len(east_java) == 38
    assert all(r.latitude is not None and -9 < r.latitude < -6.5 for r in east_java)
    assert all(r.name.startswith(("Kabupaten ", "Kota ")) for r in regencies)


@pytest.mark.parametrize(
    "mention",
    [
        "Kab. Blitar",
        "Kab.Blitar",
        "Kab Blitar",
        "Kabupaten Blitar",
        "KABUPATEN BLITAR",
        "Pemkab Blitar",
        "Pemerintah Kabupaten Blitar",
        "Pemerintah Kabupaten (Pemkab) Blitar",
        "Bupati Blitar",
        "Wakil Bupati Blitar",
        "Dinas Sosial Kabupaten Blitar",
    ],
)
def test_kabupaten_mentions_resolve_explicitly(mention):
    region = resolve_region(mention)
    assert (region.code, region.name, region.resolved_from) == ("35.05", "Kabupaten Blitar", "explicit")


@pytest.mark.parametrize(
    "mention", ["Kota Blitar", "Pemkot Blitar", "Pemerintah Kota Blitar", "Wali Kota Blitar", "Walikota Blitar"]
)
def test_kota_mentions_resolve_explicitly(mention):
    region = resolve_region(mention)
    assert (region.code, region.name, region.resolved_from) == ("35.72", "Kota Blitar", "explicit")


def test_bare_shared_name_is_resolved_from_context_and_marked():
    kab = resolve_region("Blitar", context="Pemkab Blitar menyerahkan santunan. Bupati Blitar hadir.")
    assert (kab.code, kab.resolved_from) == ("35.05", "context")
    kota = resolve_region("Blitar", context="Pemkot Blitar menggelar acara bersama Wali Kota Blitar.")
    assert (kota.code, kota.resolved_from) == ("35.72", "context")
    # The kind mentioned more often wins.
    assert resolve_region("Blitar", "Kota Blitar, Kabupaten Blitar dan Pemkab Blitar").code == "35.05"


def test_bare_shared_name_without_deciding_context_is_not_guessed():
    assert resolve_region("Blitar") is None
    assert resolve_region("Blitar", context="Acara di Blitar berjalan lancar.") is None
    assert resolve_region("Blitar", context="Pemkab Blitar dan Pemkot Blitar") is None


def test_bare_name_only_one_regency_has_resolves_by_name():
    region = resolve_region("Trenggalek")
    assert (region.code, region.name, region.resolved_from) == ("35.03", "Kabupaten Trenggalek", "name")
    assert resolve_region("Surabaya").name == "Kota Surabaya"
    assert resolve_region("BPJamsostek Cabang Trenggalek").code == "35.03"


def test_name_spelling_variants_and_unknown_places():
    assert resolve_region("Gunung Kidul").name == "Kabupaten Gunungkidul"
    assert resolve_region("Jakarta Selatan").name == "Kota Administrasi Jakarta Selatan"
    assert resolve_region("Jawa Timur") is None  # a province
    assert resolve_region("Kecamatan Pogalan") is None
    assert resolve_region("") is None


def test_find_regions_gives_offsets_of_explicit_mentions():
    text = "Bupati Trenggalek dan Pemkot Batu hadir; Kab. Malang menyusul. Blitar tidak."
    found = [(text[s:e], r.code) for s, e, r in find_regions(text)]
    assert found == [("Bupati Trenggalek", "35.03"), ("Pemkot Batu", "35.79"), ("Kab. Malang", "35.07")]


def test_find_regions_with_bare_names_resolves_them_in_the_text():
    text = "Pemkab Kediri menggelar rapat. Di Kediri, peserta bertambah. Warga Tuban datang. BLITAR -"
    found = [(text[s:e], r.code, r.resolved_from) for s, e, r in find_regions(text, include_bare=True)]
    assert found == [
        ("Pemkab Kediri", "35.06", "explicit"),
        ("Kediri", "35.06", "context"),
        ("Tuban", "35.23", "name"),
    ]


def test_a_shared_bare_name_is_decided_by_its_own_text_only():
    # The explicit mentions counted for one text must not carry over to the next.
    kota_text = "Wali Kota Kediri dan Pemkot Kediri meninjau pasar. Di Kediri harga stabil."
    kab_text = "Bupati Kediri meresmikan jembatan. Warga Kediri menyambutnya."
    tie_text = "Pemkab Kediri dan Pemkot Kediri sepakat. Di Kediri acara digelar."
    for _ in range(2):
        assert [(r.code, r.resolved_from) for *_, r in find_regions(kota_text, include_bare=True)][-1] == (
            "35.71",
            "context",
        )
        assert [(r.code, r.resolved_from) for *_, r in find_regions(kab_text, include_bare=True)][-1] == (
            "35.06",
            "context",
        )
        assert [text for text in (tie_text[s:e] for s, e, _ in find_regions(tie_text, include_bare=True))] == [
            "Pemkab Kediri",
            "Pemkot Kediri",
        ]


def test_bare_common_words_are_not_regions():
    # "batu" (stone) in lower case, and "Puncak" (a regency, but also "peak").
    text = "Puncak acara ditandai peletakan batu pertama."
    assert find_regions(text, include_bare=True) == []
    assert resolve_region("Kabupaten Puncak").name == "Kabupaten Puncak"


def test_region_by_code_accepts_both_spellings():
    assert region_by_code("35.05").name == "Kabupaten Blitar"
    assert region_by_code("3572").name == "Kota Blitar"
    assert region_by_code("99.99") is None


def test_provinces_by_name_and_short_name():
    assert len(all_provinces()) == 38
    assert resolve_province("Jawa Timur").code == "35"
    assert resolve_province("Provinsi Jawa Timur").code == "35"
    assert resolve_province("Jatim").name == "Jawa Timur"
    assert resolve_province("Blitar") is None


def test_returned_regions_are_independent_copies():
    first = resolve_region("Kota Batu")
    first.resolved_from = "changed"
    assert resolve_region("Kota Batu").resolved_from == "explicit"


def test_every_regency_short_name_maps_to_an_official_name():
    from extract.nlp.regions import regency_aliases

    assert len(regency_aliases()) > 100
    for alias in regency_aliases():
        region = resolve_region(("Pemkot " if _official(alias).startswith("Kota") else "Pemkab ") + alias)
        assert region is not None and region.name == _official(alias), alias


def _official(alias: str) -> str:
    from extract.nlp.gazetteers import read_yaml

    return read_yaml("regions/regency_aliases.yaml")[alias]


def test_regency_short_names_after_a_marker_and_alone():
    text = "Bupati Kukar hadir bersama Pemkab OKU. Warga Tangsel ikut. Soal TTS dan Mitra Usaha belum dibahas."
    found = [(text[s:e], r.name) for s, e, r in find_regions(text, include_bare=True)]
    assert found == [
        ("Bupati Kukar", "Kabupaten Kutai Kartanegara"),
        ("Pemkab OKU", "Kabupaten Ogan Komering Ulu"),
        ("Tangsel", "Kota Tangerang Selatan"),
    ]
