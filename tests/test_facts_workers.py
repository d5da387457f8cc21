"""Worker counts: how many people of which group (texts written for these tests)."""

from __future__ import annotations

from extract.facts.workers import category_after, extract_worker_counts
from facts_helpers import context_for


def counts_of(text: str) -> dict[int, str]:
    return {w.value: w.category for w in extract_worker_counts(context_for(text))}


def test_numbers_in_words_and_scales_count_people():
    found = counts_of(
        "Pemkab mendaftarkan empat ribu buruh tani. Santunan diterima dua ahli waris. "
        "Dari sekitar 1,2 juta angkatan kerja, lebih dari 300 ribu pekerja belum terlindungi."
    )
    assert found == {
        4000: "buruh tani didaftarkan",
        2: "ahli waris",
        1_200_000: "angkatan kerja",
        300_000: "pekerja belum terlindungi (lebih dari 300 ribu)",
    }


def test_family_places_firms_claims_ages_and_vague_numbers_are_not_counts():
    found = counts_of(
        "Sumarni (52) kini menghidupi dua anak dan tiga cucu. Program ini menjangkau 14 kecamatan, "
        "12 perusahaan dan ribuan pedagang. Tahun lalu tercatat 87 klaim JKM."
    )
    assert found == {}


def test_a_list_of_groups_and_their_place_make_the_category():
    text = "Sebanyak 1.200 guru ngaji, marbot masjid dan pengurus mushala di Kota Blitar didaftarkan."
    assert counts_of(text) == {1200: "guru ngaji, marbot masjid dan pengurus mushala di Kota Blitar didaftarkan"}


def test_a_long_group_name_keeps_its_short_name_in_brackets():
    text = "Sebanyak 2.150 anggota Satuan Perlindungan Masyarakat (Satlinmas), Senin, mengikuti apel siaga."
    assert counts_of(text) == {2150: "anggota Satlinmas"}


def test_people_counted_as_orang_take_the_group_the_sentence_gives_them():
    found = counts_of(
        "Dari 2.400 perangkat desa, baru 1.100 orang yang terdaftar sebagai peserta aktif. "
        "Di desa itu ada sekitar 900 nelayan, tetapi yang terdaftar baru 310 orang. "
        "Jumlah peserta aktif di Kota Madiun per Juni 2024 tercatat 45.120 orang."
    )
    assert found == {
        2400: "perangkat desa",
        1100: "terdaftar sebagai peserta aktif",
        900: "nelayan",
        310: "nelayan terdaftar",
        45120: "peserta aktif di Kota Madiun",
    }


def test_a_count_per_village_says_so():
    found = counts_of("Setiap kelurahan mengusulkan 40 warganya untuk didaftarkan sebagai peserta.")
    assert found == {40: "warga per kelurahan"}


def test_a_firms_workers_are_named_with_the_firm():
    found = counts_of("PT Sumber Rejeki Abadi, pabrik sepatu di Kecamatan Gudo, mempekerjakan 1.340 karyawan.")
    assert found == {1340: "karyawan PT Sumber Rejeki Abadi"}


def test_the_same_count_stated_twice_is_one_count():
    found = counts_of("Kerja sama itu melindungi 5.500 pekerja rentan. Dengan tambahan 5.500 peserta, cakupan naik.")
    assert found == {5500: "pekerja rentan dilindungi"}


def test_category_after_stops_at_the_end_of_the_group():
    text = "melindungi 3.000 petani tembakau yang iurannya ditanggung APBD mulai Januari."
    assert category_after(text, text.index("3.000") + len("3.000")) == "petani tembakau yang iurannya ditanggung APBD"
    assert category_after("ada 12 kasus", 6) is None


def test_every_count_points_at_its_number():
    text = "Hingga Mei 2024 tercatat 8.400 peserta aktif di Kabupaten Nganjuk."
    (count,) = extract_worker_counts(context_for(text))
    assert text[count.provenance.start : count.provenance.end] == "8.400"
    assert count.provenance.rule.startswith("workers.")


def test_a_venue_after_di_is_not_the_groups_place():
    found = counts_of(
        "Pemkot menandatangani kerja sama perlindungan bagi 45.000 pekerja rentan di Balai Kota Surabaya, Kamis. "
        "Program itu juga melindungi 2.000 nelayan di Kabupaten Gresik."
    )
    assert found == {45000: "pekerja rentan", 2000: "nelayan di Kabupaten Gresik dilindungi"}


def test_every_group_of_a_breakdown_is_a_count_even_with_an_unlisted_noun():
    found = counts_of(
        "Sebanyak 2.150 pekerja rentan didaftarkan, terdiri atas 1.200 nelayan, 800 penyadap getah "
        "dan 150 juru kunci makam di wilayah itu. Pemkab juga melindungi 300 modin serta 90 kelian adat."
    )
    assert found == {
        2150: "pekerja rentan didaftarkan",
        1200: "nelayan",
        800: "penyadap getah",
        150: "juru kunci makam",
        300: "modin dilindungi",
        90: "kelian adat",
    }


def test_places_in_a_list_beside_a_count_and_address_numbers_are_not_counts():
    found = counts_of(
        "Program itu menjangkau 12 desa dan 30 pekerja di Kecamatan Ngawi. "
        "Ahli waris almarhum Darto, warga RT 04 RW 02 Kelurahan Tegalsari, menerima santunan."
    )
    assert found == {30: "pekerja di Kecamatan Ngawi"}


def test_a_breakdown_by_region_names_each_counts_place():
    found = counts_of(
        "Angka tertinggi ada di Ponorogo dengan 940 pekerja, Kabupaten Blitar 615 pekerja, "
        "dan Kota Madiun sebanyak 87 pekerja. Berikutnya Trenggalek 45 pekerja."
    )
    assert found == {
        940: "pekerja di Ponorogo",
        615: "pekerja di Kabupaten Blitar",
        87: "pekerja di Kota Madiun",
        45: "pekerja di Trenggalek",
    }


def test_one_person_is_not_a_counted_group():
    found = counts_of("Dalam kecelakaan itu 1 orang tewas. Paling sedikit Pacitan 1 pekerja, Ngawi 12 pekerja.")
    assert found == {12: "pekerja di Ngawi"}


def test_people_counted_as_orang_or_jiwa_take_the_group_named_after_them():
    found = counts_of(
        "Sebanyak 4.200 orang pekerja rentan akan dilindungi. Dari jumlah itu, 1.300 orang merupakan "
        "buruh tani, sedangkan 2.100 orang adalah nelayan di Kabupaten Tuban. "
        "Tercatat 9.800 jiwa atau 95 persen penduduk Desa Sukamaju. "
        "Sebanyak 3.050 orang sudah tercatat sebagai peserta aktif."
    )
    assert found == {
        4200: "pekerja rentan akan dilindungi",
        1300: "buruh tani",
        2100: "nelayan di Kabupaten Tuban",
        9800: "penduduk Desa Sukamaju",
        3050: "peserta aktif",
    }


def test_the_unemployed_counted_as_orang_are_the_group():
    found = counts_of("Pada tahun 2023, pengangguran di Kabupaten Ngawi tercatat 21.400 orang.")
    assert found == {21400: "pengangguran di Kabupaten Ngawi tahun 2023"}


def test_what_is_said_of_the_group_right_after_it_is_part_of_its_category():
    found = counts_of(
        "Tahun ini 6.500 pekerja rentan kini resmi terlindungi. Sebanyak 730 buruh pabrik di tiga perusahaan "
        "terkena Pemutusan Hubungan Kerja (PHK). Sekitar 410 nelayan sudah mendapat perlindungan, kata dia. "
        "Ada 95 guru honorer belum terdaftar sebagai peserta karena anggaran terbatas."
    )
    assert found == {
        6500: "pekerja rentan kini resmi terlindungi",
        730: "buruh pabrik di tiga perusahaan terkena PHK",
        410: "nelayan mendapat perlindungan",
        95: "guru honorer belum terdaftar sebagai peserta",
    }


def test_a_lone_noun_after_the_number_takes_the_subject_that_names_the_group():
    found = counts_of("Menurut dia, petani tembakau yang kini dilindungi program itu tercatat sebanyak 3.300 petani.")
    assert found == {3300: "petani tembakau kini dilindungi program"}


def test_any_counted_group_of_people_is_a_count_but_not_children_of_a_family():
    found = counts_of(
        "Kecelakaan itu menewaskan tiga korban, sementara 14 korban luka-luka dirawat. "
        "Polisi memeriksa enam saksi. Laga itu dibatasi 2.500 penonton. "
        "Beasiswa diberikan untuk 2 orang anak almarhum."
    )
    assert found == {3: "korban", 14: "korban luka-luka dirawat", 6: "saksi", 2500: "penonton"}


def test_a_total_stated_with_an_approximation_is_still_a_count():
    found = counts_of(
        "Menurut dia, jumlah pekerja di Kabupaten Ngawi ada lebih dari 96 ribu. "
        "Tahun ini jumlah peserta naik menjadi 1.400 lebih."
    )
    assert found == {96000: "pekerja di Kabupaten Ngawi (lebih dari 96 ribu)", 1400: "peserta (1.400 lebih)"}


def test_a_breakdown_by_region_takes_what_was_said_of_the_total():
    found = counts_of(
        "Tahun lalu 2.460 pekerja di sembilan daerah terkena PHK. "
        "Terbanyak Kabupaten Kediri dengan 830 pekerja, lalu Blitar 410 pekerja."
    )
    assert found == {
        2460: "pekerja di sembilan daerah terkena PHK",
        830: "pekerja terkena PHK di Kabupaten Kediri",
        410: "pekerja terkena PHK di Blitar",
    }


def test_a_generic_noun_after_the_number_takes_the_group_named_as_subject():
    found = counts_of(
        "Selain itu, tenaga kontrak di seluruh dinas berjumlah sekitar 2.100 pegawai. "
        "Penerima manfaat tahun ini meliputi 640 petani dan 75 nelayan. "
        "Uang itu diserahkan kepada dua orang yang sudah meninggal dunia, masing-masing mendapat senilai Rp 5 juta."
    )
    assert found == {
        2100: "tenaga kontrak di seluruh dinas",
        640: "petani",
        75: "nelayan",
        2: "orang meninggal dunia",
    }


def test_heirs_of_workers_and_people_classed_as_a_group_name_the_group():
    found = counts_of(
        "Santunan diberikan kepada lima ahli waris dari pekerja yang meninggal karena tertimpa mesin pabrik. "
        "Pada 2021, peserta yang terlindungi, baik ASN maupun tenaga kontrak, mencapai 860 orang. "
        "Sebanyak 920 nelayan mendapat JKM dan JKK, katanya."
    )
    assert found == {
        5: "ahli waris pekerja meninggal",
        860: "peserta terlindungi pada 2021",
        920: "nelayan mendapat JKM dan JKK",
    }


def test_the_other_members_of_a_group_keep_lainnya():
    found = counts_of("Penerima tahun ini meliputi 1.200 petani, 430 nelayan serta 215 pekerja rentan lainnya.")
    assert found == {1200: "petani", 430: "nelayan", 215: "pekerja rentan lainnya"}


def test_where_a_group_works_is_part_of_its_name():
    found = counts_of(
        "Jumlah itu terdiri dari 4.100 petani dan 2.730 buruh di sektor perkebunan kopi. "
        "Santunan diserahkan kepada tiga ahli waris di sela acara jalan sehat."
    )
    assert found == {4100: "petani", 2730: "buruh di sektor perkebunan kopi", 3: "ahli waris"}


def test_a_count_that_changes_keeps_its_group_and_a_name_is_not_cut():
    found = counts_of(
        "Pada tahun 2022, pengangguran di Kabupaten Ngawi tercatat 18.300 orang, lalu turun menjadi 17.950 orang. "
        "Santunan diberikan kepada keluarga tiga korban meninggal dunia warga Kabupaten Madiun Utara."
    )
    assert found == {
        18300: "pengangguran di Kabupaten Ngawi tahun 2022",
        17950: "pengangguran di Kabupaten Ngawi tahun 2022",
        3: "korban meninggal dunia warga Kabupaten Madiun Utara",
    }


def test_whose_workers_they_are_and_still_are_left_out_of_the_group():
    found = counts_of("Artinya lebih dari 41 ribu pekerja kita masih belum terlindungi.")
    assert found == {41000: "pekerja belum terlindungi (lebih dari 41 ribu)"}


def test_a_relative_clause_ends_where_the_sentence_s_own_verb_begins():
    text = "Santunan untuk empat ahli waris perangkat desa yang sudah meninggal diberikan oleh Camat Sukorejo."
    assert counts_of(text) == {4: "ahli waris perangkat desa meninggal"}
    joined = "Ada 310 pedagang pasar yang didaftarkan dan dibayarkan iurannya oleh Pemkab."
    assert counts_of(joined)[310].startswith("pedagang pasar didaftarkan dan dibayarkan")


def test_a_short_name_in_brackets_and_another_name_with_its_short_form_stay_in_the_category():
    found = counts_of(
        "Program itu menyasar 1.200 pengemudi angkutan kota (angkot) asal Kota Kediri. "
        "Di luar itu, sebanyak 640 pekerja lepas atau tenaga harian lepas (THL) ikut didaftarkan."
    )
    assert found[1200] == "pengemudi angkutan kota (angkot) asal Kota Kediri"
    assert found[640].startswith("pekerja lepas atau tenaga harian lepas (THL)")


def test_a_count_in_the_headline_is_named_as_the_body_names_it():
    text = (
        "Ribuan Nelayan Kini Terlindungi, 4.500 Nelayan Dapat Kartu dari Bupati\n"
        "Pemkab Pacitan mendaftarkan 4.500 nelayan tradisional di pesisir selatan sebagai peserta."
    )
    [count] = extract_worker_counts(context_for(text))
    assert (count.value, count.category) == (4500, "nelayan tradisional di pesisir selatan didaftarkan sebagai peserta")
    assert count.provenance.sentence.startswith("Pemkab Pacitan")


def test_bare_people_take_the_role_named_after_them_or_the_group_named_before_them():
    found = counts_of(
        "Tiga orang di antara 12 pemuda itu kemudian ditetapkan sebagai tersangka oleh penyidik. "
        "Bantuan untuk para perajin batik tulis tahun ini diserahkan kepada 75 orang."
    )
    assert found[3] == "tersangka"
    assert found[75] == "perajin batik tulis penerima bantuan"
    nationally = "Menurut data terakhir, secara nasional peserta aktif program ini tercatat lebih dari 45 juta orang."
    assert counts_of(nationally) == {45_000_000: "peserta aktif program (lebih dari 45 juta)"}


def test_a_count_stated_as_a_bound_says_so_but_an_estimate_does_not():
    found = counts_of(
        "Di Kabupaten Ngawi ada lebih dari 75 ribu pekerja bukan penerima upah. "
        "Tahun ini jumlah peserta mencapai 4.100 lebih. Sekitar 900 petani tebu ikut mendaftar."
    )
    assert found[75_000] == "pekerja bukan penerima upah (lebih dari 75 ribu)"
    assert found[4100].endswith("(4.100 lebih)")
    assert found[900] == "petani tebu ikut mendaftar"


def test_people_said_to_belong_to_a_group_are_that_group():
    text = "Bantuan iuran diberikan kepada 2.300 orang yang tergolong buruh harian lepas di perkebunan tebu."
    assert counts_of(text) == {2300: "buruh harian lepas di perkebunan tebu penerima bantuan iuran"}


def test_what_is_said_of_the_group_leaves_out_the_official_who_acts_on_it():
    text = "Sebanyak 1.250 nelayan didaftarkan Bupati Pacitan Agus Wibisono menjadi peserta."
    assert counts_of(text) == {1250: "nelayan didaftarkan menjadi peserta"}
