"""Worker counts, percentages and regulations (texts written for these tests)."""

from __future__ import annotations

from extract.facts.percentages import extract_percentages
from extract.facts.regulations import extract_regulations
from extract.facts.workers import extract_worker_counts
from facts_helpers import context_for


def counts_of(text: str) -> dict[int, str]:
    return {w.value: w.category for w in extract_worker_counts(context_for(text))}


def test_numbers_followed_by_people_are_counts():
    found = counts_of(
        "Melalui kerja sama itu, sebanyak 6.250 pekerja rentan didaftarkan. Dari sekitar 1,2 juta angkatan "
        "kerja, baru 310.400 orang yang terdaftar. Santunan diterima dua ahli waris."
    )
    assert set(found) == {6250, 1_200_000, 310_400, 2}
    assert found[6250] == "pekerja rentan didaftarkan"  # what is said of the group is part of it


def test_family_claims_villages_and_money_are_not_worker_counts():
    found = counts_of(
        "Almarhum meninggalkan dua anak. Sepanjang 2023 tercatat 1.275 klaim dari 19 desa. "
        "Iuran Rp 16.800 per bulan ditanggung APBD 2024 sesuai Perbup Nomor 12 Tahun 2023."
    )
    assert found == {}


def test_per_village_programme_counts_the_workers_per_village():
    found = counts_of("Lewat program 1 Desa 100 Pekerja, setiap desa mendaftarkan 100 pekerja rentan.")
    assert set(found) == {100}


def test_a_number_after_jumlah_people_mencapai_is_a_count():
    found = counts_of("Jumlah peserta aktif di Kabupaten Kediri mencapai 98.765 pada akhir 2023.")
    assert set(found) == {98765}
    assert "peserta aktif" in found[98765]


def test_read_also_line_numbers_are_not_counts():
    found = counts_of("Baca Juga: 3.000 Pengemudi Ojol Didaftarkan\nSebanyak 450 nelayan ikut sosialisasi.")
    assert set(found) == {450}


def test_percentages_with_what_they_are_about():
    ctx = context_for(
        "Cakupan kepesertaan di Kabupaten Kediri saat ini baru 34,7 persen, sementara target tahun ini 40%. "
        "Kepesertaan aktif masih di bawah 20 persen."
    )
    found = {p.value: p for p in extract_percentages(ctx)}
    assert set(found) == {34.7, 40, 20}
    assert found[34.7].about == "Cakupan kepesertaan di Kabupaten Kediri saat ini"
    assert found[34.7].measure == "coverage"
    assert found[40].measure == "target"


def test_regulations_kind_number_year_once_each():
    ctx = context_for(
        "Program ini melaksanakan Instruksi Presiden (Inpres) Nomor 2 Tahun 2021 dan Peraturan Bupati (Perbup) "
        "Kediri Nomor 37 Tahun 2023. Perbup itu mewajibkan perangkat daerah mendata pekerja. Sesuai "
        "Peraturan Menteri Dalam Negeri (Permendagri) Nomor 84 Tahun 2014, Undang-Undang menjamin hak itu."
    )
    found = [(r.kind, r.number, r.year) for r in extract_regulations(ctx)]
    assert found == [("Inpres", "2", 2021), ("Perbup", "37", 2023), ("Permendagri", "84", 2014)]


def test_unnumbered_circular_is_listed_without_number():
    ctx = context_for("Pemkab menerbitkan Surat Edaran (SE) Bupati Kediri tentang kepesertaan pekerja rentan.")
    assert [(r.kind, r.number, r.year) for r in extract_regulations(ctx)] == [("SE", None, None)]
