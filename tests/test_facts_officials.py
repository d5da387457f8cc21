"""Officials: names with their office, titles stripped, one entity per person.

Every text here is written for the test; the patterns are those of Indonesian
regional news.
"""

import pytest

from extract.facts import extract_facts
from extract.model import Article


def facts_of(text: str, published: str | None = "2024-05-20"):
    article = Article(url=None, source=None, title=None, published=published, author=None, editor=None, text=text)
    return extract_facts(article)


def officials_of(text: str) -> dict[str, str | None]:
    return {o.name: o.position for o in facts_of(text).officials}


@pytest.mark.parametrize(
    "text, name, position",
    [
        # office then name, no comma
        (
            "Bupati Lamongan Suryo Wibisono membuka kegiatan itu di pendopo.",
            "Suryo Wibisono",
            "Bupati Lamongan",
        ),
        # office, name between commas, then a verb
        (
            "Kepala Kantor Cabang BPJS Ketenagakerjaan Lamongan, Retno Anggraini, mengatakan program itu berjalan baik.",
            "Retno Anggraini",
            "Kepala Kantor Cabang BPJS Ketenagakerjaan Lamongan",
        ),
        # name, link word, office
        (
            "Acara dihadiri Bambang Setiawan selaku Kepala Bidang Pengawasan Dinas Tenaga Kerja Kabupaten Lamongan.",
            "Bambang Setiawan",
            "Kepala Bidang Pengawasan Dinas Tenaga Kerja Kabupaten Lamongan",
        ),
        # a name after a speech verb, then the office
        (
            '"Kami siap membantu," ujar Dewi Lestari Kepala Dinas Sosial Kabupaten Tuban.',
            "Dewi Lestari",
            "Kepala Dinas Sosial Kabupaten Tuban",
        ),
        # honorifics and degrees around the name are stripped
        (
            "Sekretaris Daerah Kabupaten Tuban, Drs. H. Joko Santoso, M.Si., menyampaikan sambutan.",
            "Joko Santoso",
            "Sekretaris Daerah Kabupaten Tuban",
        ),
        # military rank before, degree after
        (
            "Hadir pula Dandim 0811/Tuban Letkol Inf Agus Wijaya, S.I.P. dalam acara tersebut.",
            "Agus Wijaya",
            "Dandim 0811/Tuban",
        ),
        # a company functionary with a stated function
        (
            "HRD Manager PT Sinar Abadi Plastik, Rina Kusuma, mengaku terbantu oleh sosialisasi itu.",
            "Rina Kusuma",
            "HRD Manager PT Sinar Abadi Plastik",
        ),
    ],
)
def test_official_name_and_position(text, name, position):
    assert officials_of(text) == {name: position}


def test_branch_place_name_is_part_of_the_office():
    # "Kepanjen" is a branch's town, not the first word of the name
    found = officials_of(
        "Dokumen itu diteken Kepala BPJS Ketenagakerjaan Cabang Kepanjen Hadi Susilo dan Kepala Dinas "
        "Tenaga Kerja Kabupaten Malang Sri Utami."
    )
    assert found == {
        "Hadi Susilo": "Kepala BPJS Ketenagakerjaan Cabang Kepanjen",
        "Sri Utami": "Kepala Dinas Tenaga Kerja Kabupaten Malang",
    }


def test_mentions_of_one_person_are_one_official():
    facts = facts_of(
        "Wakil Bupati Tuban KH Ahmad Fauzi Rahman meninjau pendaftaran peserta.\n"
        "Wakil Bupati Tuban Gus Fauzi mengatakan seluruh kader desa akan didaftarkan.\n"
        '"Kami mulai bulan depan," kata Gus Fauzi.'
    )
    assert [(o.name, o.position) for o in facts.officials] == [("Ahmad Fauzi Rahman", "Wakil Bupati Tuban")]
    official = facts.officials[0]
    assert official.key == "ahmad fauzi rahman"
    assert "KH" in official.titles
    assert len(official.provenance) == 2


def test_beneficiaries_and_people_without_office_are_not_officials():
    found = officials_of(
        "Santunan diserahkan kepada ahli waris almarhum Suyatno, Kepala Urusan Keuangan Desa Sidomulyo.\n"
        "Istri almarhum, Siti Aminah, mengaku bersyukur."
    )
    assert found == {}


def test_legal_instruments_named_after_an_office_are_not_people():
    found = officials_of(
        "Perlindungan itu diatur dalam Peraturan Bupati (Perbup) Tuban Nomor 12 Tahun 2023. "
        "Sesuai Peraturan Menteri Ketenagakerjaan (Permenaker) Nomor 5 Tahun 2021, iuran dibayar bulanan."
    )
    assert found == {}


def test_abbreviated_first_name_stays_in_the_name_and_the_sentence():
    text = "Santunan diserahkan Camat Kalianget, Moh. Ridwan Hakim, kepada ahli waris. Acara berlangsung khidmat."
    official = facts_of(text).officials[0]
    assert (official.name, official.position) == ("Moh. Ridwan Hakim", "Camat Kalianget")
    assert official.provenance[0].sentence == text.split(" Acara")[0]


def test_a_degree_that_ends_a_sentence_closes_the_official():
    text = (
        "Nota itu ditandatangani Kepala Dinas Perikanan Kabupaten Tuban, Agus Salim, S.Pi. "
        "Penandatanganan disaksikan para camat."
    )
    official = facts_of(text).officials[0]
    assert (official.name, official.position) == ("Agus Salim", "Kepala Dinas Perikanan Kabupaten Tuban")
    assert official.titles == ["S.Pi."]
    assert official.provenance[0].sentence.endswith("S.Pi.")


def test_an_office_without_a_name_is_not_an_official():
    assert officials_of("Bupati Tuban, dalam sambutannya, mengapresiasi kerja sama itu.") == {}


def test_official_carries_provenance_into_the_text():
    text = "Acara dibuka Wali Kota Madiun Budi Hartono di balai kota."
    official = facts_of(text).officials[0]
    evidence = official.provenance[0]
    assert text[evidence.start : evidence.end] == "Wali Kota Madiun Budi Hartono"
    assert evidence.sentence == text
    assert evidence.rule.startswith("officials.")
    assert official.region_code == "35.77"  # Kota Madiun


def test_company_name_after_pt_belongs_to_the_office():
    found = officials_of("Hal senada disampaikan Direktur Utama PT Sinar Jaya Makmur Tbk, Hendro Gunawan.")
    assert found == {"Hendro Gunawan": "Direktur Utama PT Sinar Jaya Makmur Tbk"}


def test_nickname_is_the_same_official():
    facts = facts_of(
        "Menurut Bupati Kediri Hanindhito Himawan Pramana atau yang akrab disapa Mas Dhito, program itu berlanjut.\n"
        "Bupati Mas Dhito berharap cakupan naik."
    )
    assert [(o.name, o.position) for o in facts.officials] == [("Hanindhito Himawan Pramana", "Bupati Kediri")]
    assert len(facts.officials[0].provenance) == 2


def test_district_head_office_ends_with_the_district():
    assert officials_of("Camat Sumbersari Hadi Wijaya berharap program serupa menyasar marbot masjid.") == {
        "Hadi Wijaya": "Camat Sumbersari"
    }


def test_short_forms_link_to_one_person_across_articles():
    from extract.facts.officials import link_across_articles

    first = facts_of("Bupati Blitar Rini Syarifah membuka acara itu.").officials
    second = facts_of("Bupati Rini menyerahkan santunan kepada ahli waris.").officials
    other = facts_of("Bupati Kediri Rini Wulandari meninjau pendaftaran.").officials
    links = link_across_articles(first + second + other)
    # "Rini" alone could be either person; her office links her to Blitar only
    # when the office says so, so with two Rinis and no region she stays apart
    assert links == {}
    assert link_across_articles(first + second) == {"rini": "rini syarifah"}


@pytest.mark.parametrize(
    "text, name, position",
    [
        # the office in brackets after the name
        (
            "Bantuan diserahkan Rina Kusumawati (Kepala BPJS Ketenagakerjaan Cabang Kediri) kepada keluarga.",
            "Rina Kusumawati",
            "Kepala BPJS Ketenagakerjaan Cabang Kediri",
        ),
        # "yang menjabat" after a name closed by a degree and a comma
        (
            "Nota itu ditandatangani Dr. H. Bambang Purnomo, M.Si, yang menjabat Sekretaris Daerah Kabupaten Ngawi, mewakili bupati.",
            "Bambang Purnomo",
            "Sekretaris Daerah Kabupaten Ngawi",
        ),
        # "Ka" glued to an agency's short name is an office head
        (
            "Kadisnakertrans Ngawi Agus Salim menyebut pihaknya siap mengawasi proyek.",
            "Agus Salim",
            "Kadisnakertrans Ngawi",
        ),
        # "menurut" before the office
        (
            "Menurut Kepala Dinas Sosial Kabupaten Tuban Budi Harjono, pendataan sudah selesai.",
            "Budi Harjono",
            "Kepala Dinas Sosial Kabupaten Tuban",
        ),
        # Balinese and Bugis name words are part of the name
        ("Bupati Gianyar I Made Suryawan meninjau pendaftaran.", "I Made Suryawan", "Bupati Gianyar"),
        (
            "Kepala Dinas Sosial Kabupaten Bangli, Ni Luh Putu Ariani, menyerahkan bantuan.",
            "Ni Luh Putu Ariani",
            "Kepala Dinas Sosial Kabupaten Bangli",
        ),
        ("Ketua DPRD Wajo Andi Rahmat Hidayat ikut hadir.", "Andi Rahmat Hidayat", "Ketua DPRD Wajo"),
    ],
)
def test_official_written_in_other_common_forms(text, name, position):
    assert officials_of(text) == {name: position}


def test_an_office_naming_a_building_or_a_place_introduces_no_person():
    # "Kantor Bupati X, <town>" is a building and its town; "Camat X" alone
    # names the district's office, X being a place
    text = (
        "Santunan diserahkan di Kantor Bupati Samosir, Pangururan, Kamis. "
        "Warga di Sitinjo menyambut baik. Camat Sitinjo mengatakan warga senang. "
        "Sosialisasi digelar di Aula Kantor Camat Dlanggu, Rabu."
    )
    assert officials_of(text) == {}


@pytest.mark.parametrize(
    "text, name, position",
    [
        # a province's short name ends the office; it is not the name's first word
        (
            "Acara itu dihadiri Kepala Kantor Wilayah BPJS Ketenagakerjaan Sulsel Rudi Hartono.",
            "Rudi Hartono",
            "Kepala Kantor Wilayah BPJS Ketenagakerjaan Sulsel",
        ),
        (
            "Menurut Wahyu Nugroho Kadisnakertrans Jateng, angka itu masih sementara.",
            "Wahyu Nugroho",
            "Kadisnakertrans Jateng",
        ),
        # heads of regional offices and police units, with their units' words
        (
            "Nota itu diteken Kakanwil Kemenag Sumbar Hendri Saputra di Padang.",
            "Hendri Saputra",
            "Kakanwil Kemenag Sumbar",
        ),
        (
            "Kasat Lantas Polres Lumajang AKP Siti Rohmah menuturkan truk itu oleng.",
            "Siti Rohmah",
            "Kasat Lantas Polres Lumajang",
        ),
        # an office spelled out lower case, with its abbreviation
        (
            "Yanti Kusuma Dewi, pejabat pengganti sementara (PPS) BPJS Ketenagakerjaan Cabang Pamekasan, menjelaskan syaratnya.",
            "Yanti Kusuma Dewi",
            "pejabat pengganti sementara (PPS) BPJS Ketenagakerjaan Cabang Pamekasan",
        ),
        # Haji glued to an initial, and a dentist's title
        ("Santunan diserahkan Bupati Kediri, HM Rofiq di pendopo.", "M Rofiq", "Bupati Kediri"),
        ("Menurut Kadinkes Kota Kediri, drg Wulan Sari, stok vaksin cukup.", "Wulan Sari", "Kadinkes Kota Kediri"),
        # Raden, abbreviated, opens the name
        (
            "Ketua Umum KONI Kota Blitar R Bagus Hariyanto menyambut gembira.",
            "Bagus Hariyanto",
            "Ketua Umum KONI Kota Blitar",
        ),
    ],
)
def test_offices_of_real_news_shapes(text, name, position):
    assert officials_of(text) == {name: position}


def test_regulation_of_an_office_and_a_bare_deputy_are_no_people():
    text = (
        "Aturan itu tertuang dalam Peraturan Gubernur Nomor 12 Tahun 2024.\n"
        '"Pak Bupati dan Pak Wakil sudah hadir," ujar panitia.'
    )
    assert officials_of(text) == {}


def test_headline_words_after_an_office_are_no_name():
    text = (
        "Dukung Nelayan, Bupati Pacitan Serahkan Santunan Kepada Ahli Waris\n"
        "Terkait: Wakil Bupati Ngawi Tinjau Banjir Di Tiga Desa\n"
        "Bupati Pacitan Indrata Nur Bayuaji menyerahkan santunan itu di pendopo."
    )
    assert officials_of(text) == {"Indrata Nur Bayuaji": "Bupati Pacitan"}


def test_a_name_in_a_headline_counts_when_the_body_gives_it():
    text = (
        "Sekda Tuban Budi Wiyana Buka Pelatihan Kerja\n"
        "Pelatihan dibuka Budi Wiyana, Sekretaris Daerah Kabupaten Tuban, Senin."
    )
    assert list(officials_of(text)) == ["Budi Wiyana"]


@pytest.mark.parametrize(
    "text, name, position",
    [
        # units listed with commas and "dan" inside an office's name
        (
            "Kepala Dinas Tenaga Kerja, Koperasi, dan UKM Kota Kupang, Yohanes Lede, membuka acara.",
            "Yohanes Lede",
            "Kepala Dinas Tenaga Kerja, Koperasi, dan UKM Kota Kupang",
        ),
        # a company's prefix written with a dot
        (
            "Nota itu diteken Direktur Utama PT. Semen Tonasa, Andi Rahmat, di Makassar.",
            "Andi Rahmat",
            "Direktur Utama PT. Semen Tonasa",
        ),
        # a numbered unit ends with its place, then comes the name
        ("Kepala SMPN 2 Dagangan Sri Wahyuni membuka lomba.", "Sri Wahyuni", "Kepala SMPN 2 Dagangan"),
        (
            "Penyaluran dikawal Babinsa Koramil 0810/03 Ngronggot, Serda Tri Handoko.",
            "Tri Handoko",
            "Babinsa Koramil 0810/03 Ngronggot",
        ),
        # a capitalised speech verb after a quote is no part of the name
        (
            '"Semua berjalan lancar," Jelas Rudi Hartanto, Kepala Desa Sukorejo.',
            "Rudi Hartanto",
            "Kepala Desa Sukorejo",
        ),
        # a double name with a loose hyphen, and a closing initial with its dot
        ("Bupati Sikka, Maria Goreti- Wula, SE, hadir.", "Maria Goreti- Wula", "Bupati Sikka"),
        (
            "Kepala BPJS Ketenagakerjaan Cabang Sampang, Dwi Ayu Lestari Kr., menilai program itu baik.",
            "Dwi Ayu Lestari Kr.",
            "Kepala BPJS Ketenagakerjaan Cabang Sampang",
        ),
    ],
)
def test_office_and_name_boundaries(text, name, position):
    assert officials_of(text) == {name: position}


def test_short_forms_join_the_one_longer_name_step_by_step():
    text = (
        "Bupati Sikka, Maria Goreti- Wula, SE, membuka acara.\n"
        "Bupati Maria Goreti menyebut program itu penting.\n"
        '"Kami mendukung," kata Maria.'
    )
    assert list(officials_of(text)) == ["Maria Goreti- Wula"]


def test_a_regency_short_name_ends_the_office():
    assert officials_of("Bupati Kutim Ardiansyah Sulaiman meninjau lokasi banjir.") == {
        "Ardiansyah Sulaiman": "Bupati Kutim"
    }


@pytest.mark.parametrize(
    "text, name, position",
    [
        (
            "Direktur Keuangan RSUD dr. Iskak, Budi Arief, menerima penghargaan.",
            "Budi Arief",
            "Direktur Keuangan RSUD dr. Iskak",
        ),
        (
            "Direktur RSUD Dr. Saiful Anwar dr. Kohar Hari Santoso membuka seminar.",
            "Kohar Hari Santoso",
            "Direktur RSUD Dr. Saiful Anwar",
        ),
    ],
)
def test_an_institution_named_after_a_titled_person_belongs_to_the_office(text, name, position):
    assert officials_of(text) == {name: position}


def test_a_district_head_named_after_the_name_keeps_the_district():
    text = "Acara dihadiri Budi Prasetyo, Sekcam Dlanggu, beserta para kepala desa."
    assert officials_of(text) == {"Budi Prasetyo": "Sekcam Dlanggu"}


def test_a_quoted_one_word_name_with_a_lower_case_office_is_an_official():
    text = (
        "Menurut kepala dinas Pekerjaan Umum, Suparlan, jalan itu rampung pekan depan.\n"
        '"Kami kebut," kata Suparlan.\n'
        '"Bantuan segera cair," terang Wahyudi staf Biro Kesra Jateng.'
    )
    assert officials_of(text) == {
        "Suparlan": "kepala dinas Pekerjaan Umum",
        "Wahyudi": "staf Biro Kesra Jateng",
    }


def test_a_lower_case_description_with_an_unquoted_one_word_name_is_not():
    assert officials_of("Bantuan diantar anggota Linmas, Paijo, ke rumah warga.") == {}
