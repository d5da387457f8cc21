"""Percentages: every stated percentage, what it is about and what it measures (texts written for these tests)."""

from __future__ import annotations

from extract.facts.percentages import about_before, extract_percentages
from extract.facts.workers import extract_worker_counts
from facts_helpers import context_for


def percentages_of(text: str) -> dict[float, tuple[str, str | None]]:
    return {p.value: (p.about, p.measure) for p in extract_percentages(context_for(text))}


def test_coverage_then_target_then_gap():
    found = percentages_of(
        "Kepala cabang menyebut cakupan kepesertaan di Kabupaten Ngawi saat ini baru 26,5 persen "
        "dari total angkatan kerja, sementara target tahun ini 35 persen. Artinya masih ada gap sekitar 8,5 persen."
    )
    assert found == {
        26.5: ("cakupan kepesertaan di Kabupaten Ngawi saat ini dari total angkatan kerja", "coverage"),
        35: ("target tahun ini", "target"),
        8.5: ("gap cakupan", "gap"),
    }


def test_a_share_named_after_the_number():
    found = percentages_of(
        "Dari catatan dinas, baru sekitar 15 persen petani tembakau di Kabupaten Jember yang terlindungi."
    )
    assert found == {15: ("petani tembakau di Kabupaten Jember yang terlindungi", "coverage")}


def test_a_change_is_named_as_a_change():
    found = percentages_of("Jumlah klaim kecelakaan kerja naik 8 persen dibanding tahun lalu.")
    assert found[8][0] == "kenaikan Jumlah klaim kecelakaan kerja dibanding tahun lalu"


def test_a_target_whose_subject_is_implied_takes_the_measure():
    found = percentages_of(
        "Cakupan kepesertaan di Kota Madiun tercatat 47,2 persen. Pemkot menargetkan angka itu naik "
        "menjadi 55 persen pada akhir tahun."
    )
    assert found[55] == ("target cakupan akhir tahun", "target")


def test_a_figure_pointed_back_to_and_a_before_and_after_pair():
    found = percentages_of(
        "Cakupan kepesertaan Kabupaten Kediri naik dari 30,1 persen menjadi 36,4 persen dalam setahun. "
        "Dengan tambahan 9.000 peserta, angkanya diperkirakan mencapai 40 persen."
    )
    assert found[30.1][0] == "Cakupan kepesertaan Kabupaten Kediri sebelumnya"
    assert found[36.4][0] == "Cakupan kepesertaan Kabupaten Kediri saat ini"
    assert found[40][0] == "perkiraan cakupan"


def test_shares_split_in_one_clause_are_each_named_by_their_own_words():
    found = percentages_of(
        "Iuran JHT sebesar 5,7 persen, dengan rincian 3,7 persen ditanggung pemberi kerja dan 2 persen dipotong dari upah."
    )
    assert found[3.7][0] == "ditanggung pemberi kerja"
    assert found[2][0] == "dipotong dari upah"


def test_the_same_value_twice_is_one_percentage_and_furniture_has_none():
    found = percentages_of(
        "Target cakupan akhir tahun ini 50 persen.\n"
        "Baca Juga: Harga Cabai Naik 30 Persen Jelang Lebaran\n"
        '"Target 50 persen itu realistis," katanya.'
    )
    assert list(found) == [50]


def test_about_before_drops_the_verbs_leading_to_the_number():
    assert about_before("Ia menyebut tingkat kepatuhan perusahaan di Kediri sudah mencapai") == (
        "tingkat kepatuhan perusahaan di Kediri"
    )
    assert about_before("cakupan kepesertaan atau Universal Coverage Jamsostek (UCJ) Kota Batu baru") == (
        "cakupan kepesertaan (UCJ) Kota Batu"
    )


def test_every_percentage_points_at_its_number():
    text = "Cakupan kepesertaan di Kota Kediri sudah mencapai 52,75% dari total pekerja."
    (percentage,) = extract_percentages(context_for(text))
    assert percentage.value == 52.75
    assert text[percentage.provenance.start : percentage.provenance.end] == "52,75%"


def test_a_target_set_with_a_verb_and_a_share_of_a_whole():
    found = percentages_of(
        "Ia menyebut baru 38,6 persen dari 560 ribu pekerja di Kabupaten Mojokerto yang terlindungi. "
        '"Tahun depan kami targetkan 45 persen," ujar Bupati.'
    )
    assert found[38.6] == ("pekerja di Kabupaten Mojokerto yang terlindungi", "coverage")
    assert found[45] == ("target cakupan tahun depan", "target")


def test_a_share_named_by_a_relative_clause_of_a_whole_named_before():
    found = percentages_of(
        "Eris menjelaskan, dari 450.000 angkatan kerja di Kabupaten Blitar, baru sekitar 27 persen yang "
        "terdaftar sebagai peserta aktif."
    )
    assert found[27][0] == "terdaftar sebagai peserta aktif dari angkatan kerja di Kabupaten Blitar"


def test_a_figure_pointed_back_to_may_be_a_count_of_people():
    ctx = context_for(
        "Hingga akhir September 2024 sebanyak 4.312 perangkat desa di Kabupaten Malang telah terdaftar. "
        "Angka itu setara dengan 96,8 persen dari seluruh perangkat desa di kabupaten tersebut."
    )
    ctx.results["worker_counts"] = extract_worker_counts(ctx)  # the orchestrator runs them first
    (percentage,) = extract_percentages(ctx)
    assert percentage.about == "perangkat desa di Kabupaten Malang terdaftar dari seluruh perangkat desa"


def test_a_series_of_yearly_figures_repeats_the_subject_with_each_year():
    found = percentages_of(
        "Untuk UCJ, Pemerintah Kabupaten Sleman memasang target sebesar 41,5 persen pada 2025, "
        "kemudian 44 persen pada 2026, lalu naik ke 52,25 persen pada tahun 2028."
    )
    assert {value: about for value, (about, _) in found.items()} == {
        41.5: "target UCJ 2025",
        44: "target UCJ 2026",
        52.25: "target UCJ tahun 2028",
    }


def test_a_percentage_restated_as_a_count_is_about_the_counts_group():
    ctx = context_for(
        "Potensi kepesertaan di Kota Kediri mencapai 80.000 orang, dan dari jumlah itu sebanyak 41,2% "
        "atau 32.960 orang sudah tercatat sebagai peserta aktif."
    )
    ctx.results["worker_counts"] = extract_worker_counts(ctx)
    (percentage,) = extract_percentages(ctx)
    assert percentage.about == "peserta aktif"


def test_a_change_between_two_years_names_each_years_figure_by_its_year():
    found = percentages_of("Tingkat kemiskinan turun dari 9,45% pada tahun 2021 menjadi 8,7 pada tahun 2022.")
    assert {value: about for value, (about, _) in found.items()} == {
        9.45: "Tingkat kemiskinan tahun 2021",
        8.7: "Tingkat kemiskinan tahun 2022",
    }


def test_an_aside_between_the_subject_and_the_number_is_skipped():
    found = percentages_of(
        "Bupati menyebut cakupan perlindungan pekerja Kabupaten Ngawi, baik bagi pekerja formal maupun informal, "
        "masih 31,4 persen."
    )
    assert found[31.4][0] == "cakupan perlindungan pekerja Kabupaten Ngawi"


def test_a_noun_with_nya_names_what_the_earlier_clause_is_about():
    found = percentages_of("Tahun ini UMP naik menjadi Rp 2.400.000, sehingga kenaikannya 4,8 persen.")
    assert found[4.8][0] == "kenaikan UMP"


def test_a_percentage_restated_as_a_number_of_things_is_about_those_things():
    found = percentages_of(
        "Sekitar 72 persen desa di Kabupaten Ngawi sudah mendaftarkan perangkatnya, "
        "sedangkan 28 persen atau sekitar 60 desa belum terdaftar."
    )
    assert found[28][0] == "desa belum terdaftar"


def test_a_percentage_is_named_where_it_is_said_in_full_not_in_a_range_or_a_headline():
    found = percentages_of(
        "Cakupan UCJ 41,5 Persen Jadi Tantangan Pemkab Lumajang\n"
        "Tahun ini upah minimum di tiga daerah naik antara 4 hingga 4,5 persen. "
        "Di Kabupaten Lumajang, upah minimum naik menjadi Rp 2,4 juta, sehingga kenaikannya 4,5 persen. "
        "Menurut dinas, cakupan kepesertaan di Kabupaten Lumajang baru 41,5 persen."
    )
    assert found[4.5][0] == "kenaikan upah minimum"
    assert found[41.5][0] == "cakupan kepesertaan di Kabupaten Lumajang"
