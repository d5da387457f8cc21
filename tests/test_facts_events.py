"""Events and event dates: typed, dated against the publication date, with
the words they came from. Texts are written for the test."""

from extract.facts import extract_facts
from extract.model import Article


def facts_of(text: str, published: str | None = "2024-05-24"):
    article = Article(url=None, source=None, title=None, published=published, author=None, editor=None, text=text)
    return extract_facts(article)


def test_signing_with_its_date_parties_and_workers():
    text = (
        "BPJS Ketenagakerjaan Cabang Tuban menandatangani perjanjian kerja sama dengan Pemerintah Kabupaten Tuban "
        "di Pendopo Krido Manunggal, Selasa (21/5/2024).\n"
        "Melalui kerja sama itu, sebanyak 4.500 pekerja rentan didaftarkan sebagai peserta."
    )
    facts = facts_of(text)
    gold = facts.to_gold()
    assert gold["agreements"] == [
        {
            "date": "2024-05-21",
            "parties": ["BPJS Ketenagakerjaan Cabang Tuban", "Pemerintah Kabupaten Tuban"],
            "workers": gold["agreements"][0]["workers"],
        }
    ]
    assert gold["event_dates"] == ["2024-05-21"]
    signing = [e for e in facts.events if e.type == "agreement_signing"][0]
    assert signing.venue == "Pendopo Krido Manunggal"
    assert signing.region_name == "Kabupaten Tuban"
    assert signing.provenance is not None
    assert text[signing.provenance.start : signing.provenance.end].startswith("menandatangani")


def test_relative_weekday_resolves_against_publication_date():
    # 24 May 2024 is a Friday: "Rabu lalu" is 22 May
    gold = facts_of("Pemkab Tuban menggelar sosialisasi jaminan sosial ketenagakerjaan, Rabu lalu.").to_gold()
    assert gold["event_dates"] == ["2024-05-22"]


def test_day_and_month_without_year_needs_a_publication_date():
    text = "Sosialisasi digelar di Aula Kecamatan Rengel, Senin (20/5)."
    assert facts_of(text).to_gold()["event_dates"] == ["2024-05-20"]
    assert facts_of(text, published=None).to_gold()["event_dates"] == []


def test_death_and_cut_off_dates_are_not_event_dates():
    gold = facts_of(
        "Almarhum meninggal dunia pada 3 Maret 2024 karena kecelakaan kerja.\n"
        "Hingga 30 April 2024 tercatat 1.200 peserta baru.\n"
        "Santunan diserahkan kepada ahli waris di kantor cabang, Kamis (23/5/2024)."
    ).to_gold()
    assert gold["event_dates"] == ["2024-05-23"]


def test_range_gives_two_dates():
    gold = facts_of("Bimtek berlangsung di Aula Dinas Tenaga Kerja, Kamis-Jumat (16-17/5/2024).").to_gold()
    assert gold["event_dates"] == ["2024-05-16", "2024-05-17"]


def test_dated_statement_is_an_event_with_its_speaker_and_provenance():
    text = '"Pendaftaran dibuka sampai akhir tahun," kata Kepala Dinas Sosial Tuban, Rudi Hartono, Rabu (22/5/2024).'
    facts = facts_of(text)
    statements = [e for e in facts.events if e.type == "statement"]
    assert [(e.date, e.date_precision, e.officials) for e in statements] == [("2024-05-22", "day", ["rudi hartono"])]
    evidence = statements[0].provenance
    assert text[evidence.start : evidence.end] == "kata Kepala Dinas Sosial Tuban, Rudi Hartono, Rabu (22/5/2024)"
    assert evidence.sentence == text and evidence.rule == "events.statement"
    assert "Rudi Hartono" in statements[0].summary
    assert facts.events[-1] is statements[0]  # statements come after the happenings
    assert facts.to_gold()["event_dates"] == ["2024-05-22"]
    assert facts.to_gold()["agreements"] == []


def test_speaker_named_by_a_short_form_is_the_official():
    facts = facts_of(
        "Wakil Bupati Pasuruan KH Abdul Mujib Imron membuka sosialisasi itu.\n"
        '"Kami mendukung penuh," kata Gus Mujib, Rabu (22/5/2024).'
    )
    assert [e.officials for e in facts.events if e.type == "statement"] == [["abdul mujib imron"]]


def test_statement_without_a_named_speaker_keeps_no_officials_and_one_event_per_day():
    facts = facts_of(
        "Kepala Dinas Sosial Tuban Rudi Hartono dan Camat Rengel Sugeng Riyadi hadir dalam acara itu.\n"
        '"Pendaftaran dibuka sampai akhir tahun," ujarnya, Rabu (22/5/2024).\n'
        '"Kami akan mendata ulang," tuturnya, Rabu (22/5/2024).'
    )
    statements = [e for e in facts.events if e.type == "statement"]
    assert [(e.date, e.officials) for e in statements] == [("2024-05-22", [])]


def test_planned_signing_is_not_an_agreement():
    gold = facts_of("Pemkab Tuban dan BPJS Ketenagakerjaan akan menandatangani nota kesepahaman bulan depan.").to_gold()
    assert gold["agreements"] == []


def test_signing_dated_only_to_a_month_has_no_date():
    gold = facts_of(
        "Oktober lalu, BPJS Ketenagakerjaan Cabang Tuban dan Pemerintah Kabupaten Bojonegoro telah "
        "menandatangani perjanjian kerja sama perlindungan pekerja rentan."
    ).to_gold()
    assert [a["date"] for a in gold["agreements"]] == [None]
    assert gold["event_dates"] == []


def test_mentions_of_one_signing_are_one_agreement():
    gold = facts_of(
        "BPJS Ketenagakerjaan Cabang Tuban menandatangani nota kesepahaman dengan Pemkab Tuban.\n"
        "Penandatanganan MoU dilaksanakan di Pendopo Tuban, Senin (20/5/2024).\n"
        "Penandatanganan MoU itu menjadi momentum memperluas perlindungan."
    ).to_gold()
    assert [a["date"] for a in gold["agreements"]] == ["2024-05-20"]


def test_event_types():
    facts = facts_of(
        "Bupati Tuban menyerahkan santunan jaminan kematian kepada ahli waris peserta, Senin (20/5/2024).\n"
        "BPJS Ketenagakerjaan juga memberikan penghargaan kepada lima perusahaan, Selasa (21/5/2024).\n"
        "Rapat koordinasi digelar di ruang rapat bupati, Rabu (22/5/2024)."
    )
    assert [(e.type, e.date) for e in facts.events] == [
        ("benefit_payout", "2024-05-20"),
        ("award", "2024-05-21"),
        ("meeting", "2024-05-22"),
    ]
    assert all(e.summary for e in facts.events)


def test_days_of_an_event_that_runs_from_one_day_to_another_are_kept():
    gold = facts_of("Pelatihan K3 digelar di Aula Disnaker sejak Senin (20/5/2024) hingga Rabu (22/5/2024).").to_gold()
    assert gold["event_dates"] == ["2024-05-20", "2024-05-22"]


def test_signatory_government_is_a_party():
    gold = facts_of(
        "Perjanjian kerja sama itu ditandatangani Bupati Banyuwangi Ipuk Fiestiandani dan Kepala BPJS "
        "Ketenagakerjaan Cabang Banyuwangi, Dodit Mahendra, Selasa (21/5/2024)."
    ).to_gold()
    assert gold["agreements"] == [
        {
            "date": "2024-05-21",
            "parties": ["BPJS Ketenagakerjaan Cabang Banyuwangi", "Pemerintah Kabupaten Banyuwangi"],
            "workers": None,
        }
    ]


def test_date_before_a_reported_signing_in_a_quote_tag_is_the_signing_day():
    facts = facts_of(
        "Ia menambahkan, pada tanggal 2 April 2024 pihaknya telah menandatangani nota kesepahaman dengan Pemprov Jatim.\n"
        '"Ini kerja keras seluruh OPD," ujarnya, Jumat (5/4/2024).',
        published="2024-04-05",
    )
    assert facts.to_gold()["agreements"][0]["date"] == "2024-04-02"
    assert [(e.type, e.date) for e in facts.events] == [
        ("agreement_signing", "2024-04-02"),
        ("statement", "2024-04-05"),
    ]
    assert facts.to_gold()["event_dates"] == ["2024-04-02", "2024-04-05"]


def test_signing_with_a_date_that_cannot_be_resolved_has_no_date():
    text = (
        "Pemkab Blitar dan BPJS Ketenagakerjaan Blitar menandatangani PKS perlindungan perangkat desa, Rabu (3/12).\n"
        "Pada 5 Desember 2023, BPJS Ketenagakerjaan juga menggelar sosialisasi di Kecamatan Wlingi."
    )
    assert [a["date"] for a in facts_of(text, published=None).to_gold()["agreements"]] == [None]
    assert [a["date"] for a in facts_of(text, published="2023-12-04").to_gold()["agreements"]] == ["2023-12-03"]


def happenings(text: str) -> list[tuple[str, str | None]]:
    """The events a timeline would show (statements are not happenings)."""
    return [(e.type, e.date) for e in facts_of(text).events if e.type != "statement"]


def test_fruit_is_not_a_roll_call():
    text = (
        "Duka keluarga Slamet, pekerja kebun apel di Kecamatan Bumiaji, belum hilang.\n"
        "Petani apel di lereng gunung itu kini diminta mendaftar sebagai peserta BPJS Ketenagakerjaan."
    )
    assert [t for t, _ in happenings(text)] == []


def test_naming_a_programme_hands_nothing_over():
    text = (
        "Kelompok pekerja rentan belum tersentuh manfaat program BPJS Ketenagakerjaan, "
        "yakni Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM)."
    )
    assert happenings(text) == []


def test_a_plan_or_an_intention_is_not_an_event():
    text = (
        '"Kewajiban kami ke depan adalah menyosialisasikan program ini kepada masyarakat di desa," ujarnya.\n'
        "Pemkab berencana menyerahkan santunan kepada ahli waris pada bulan depan."
    )
    assert happenings(text) == []


def test_a_hand_over_told_across_two_sentences_is_one_dated_payout():
    text = (
        "BPJS Ketenagakerjaan Cabang Kediri menyerahkan santunan jaminan kematian kepada ahli waris almarhum Darmaji.\n"
        "Penyerahan dilakukan di Pendopo Kabupaten Kediri, Kamis (23/5/2024)."
    )
    assert happenings(text) == [("benefit_payout", "2024-05-23")]


def test_an_undated_act_on_the_same_occasion_takes_that_day():
    text = (
        "Sosialisasi perlindungan pekerja rentan digelar di Pendopo Kabupaten Tuban, Selasa (21/5/2024).\n"
        "Pada kesempatan itu, bupati menyerahkan santunan jaminan kematian kepada dua ahli waris peserta."
    )
    assert sorted(happenings(text)) == [("benefit_payout", "2024-05-21"), ("meeting", "2024-05-21")]


def test_a_page_time_stamp_is_not_an_event_date():
    text = (
        "Penulis: Dewi Lestari - Senin, 20 Mei 2024 10:15 WIB\n"
        "Bupati Tuban menyerahkan santunan kepada ahli waris peserta di Pendopo Tuban, Rabu (22/5/2024)."
    )
    assert facts_of(text).to_gold()["event_dates"] == ["2024-05-22"]


def test_a_dated_happening_that_is_no_event_gives_no_date_but_its_quote_tag_does():
    text = (
        "Petugas mengamankan tiga pemuda yang membawa senjata tajam pada Kamis (23/5/2024) malam.\n"
        "Kapolsek Rengel menjelaskan, tim patroli menemukan unggahan itu pada Rabu (22/5/2024).\n"
        '"Kasus ini masih kami dalami," ujar Kapolsek Rengel AKP Budi Santoso kepada wartawan, Jumat (24/5/2024).'
    )
    assert facts_of(text, published="2024-05-25").to_gold()["event_dates"] == ["2024-05-24"]


def test_the_day_of_an_interview_is_a_statement_day():
    text = (
        "Ditemui di kantornya, Kamis (23/5/2024), Kepala Dinas Sosial Tuban Rudi Hartono menyebut data sudah lengkap."
    )
    assert facts_of(text).to_gold()["event_dates"] == ["2024-05-23"]


def test_the_bounds_of_a_long_period_are_not_event_dates():
    text = "Di kabupaten ini, pendaftaran bantuan berlangsung sejak 2 April hingga 20 Mei 2024."
    assert facts_of(text).to_gold()["event_dates"] == []


def test_a_death_told_before_an_apposition_of_its_day_is_excluded():
    text = (
        '"Almarhum jatuh sakit saat bekerja dan meninggal dunia pada hari yang sama, yakni tanggal 3 Maret 2024.\n'
        "Kecelakaan terjadi sekitar pukul 06.00 WIB, Senin, (20/5/2024), saat warga bergotong royong."
    )
    assert facts_of(text).to_gold()["event_dates"] == []


def test_a_payout_subject_with_a_long_description_handed_over_later_in_its_clause():
    text = (
        "Santunan untuk dua ahli waris pekerja honorer desa yang meninggal dunia karena sakit diserahkan "
        "oleh Bupati Tuban di pendopo, Senin (20/5/2024).\n"
        "Santunan dari Pemprov itu diantarkan dua petugas ke rumah duka, Selasa (21/5/2024)."
    )
    assert happenings(text) == [("benefit_payout", "2024-05-20"), ("benefit_payout", "2024-05-21")]


def parties_of(text: str) -> list[list[str]]:
    return [a["parties"] for a in facts_of(text).to_gold()["agreements"]]


def test_a_long_name_with_its_acronym_in_brackets_is_written_short():
    text = (
        "Pemerintah Kabupaten (Pemkab) Tuban dan Badan Penyelenggara Jaminan Sosial Ketenagakerjaan "
        "(BPJamsostek) Cabang Tuban menandatangani perjanjian kerja sama, Selasa (21/5/2024)."
    )
    assert parties_of(text) == [["Pemkab Tuban", "BPJamsostek Cabang Tuban"]]


def test_the_venue_of_a_signing_is_not_a_party_and_the_sentence_before_says_who():
    text = (
        "Pemkab Tuban dan BPJS Ketenagakerjaan sepakat memperluas perlindungan pekerja rentan.\n"
        "Kerja sama itu diresmikan lewat penandatanganan nota kesepahaman di Gedung Bappeda Kabupaten Tuban, "
        "Selasa (21/5/2024)."
    )
    assert parties_of(text) == [["Pemkab Tuban", "BPJS Ketenagakerjaan"]]


def test_an_acronym_and_its_long_name_are_one_party():
    text = (
        "Pemkot Kediri dan Kejaksaan Negeri Kota Kediri menandatangani nota kesepahaman bidang perdata "
        "dan tata usaha negara, Selasa (21/5/2024). Kejari Kota Kediri siap mendampingi pemkot."
    )
    assert parties_of(text) == [["Pemkot Kediri", "Kejaksaan Negeri Kota Kediri"]]


def test_the_signatory_head_of_government_names_the_government_as_the_article_writes_it():
    text = (
        "Pemkot Binjai terus memperluas jaminan sosial bagi pekerja rentan.\n"
        "Wali Kota Binjai Amir Sinaga meneken nota kesepahaman bersama BPJS Ketenagakerjaan di ruang kerjanya, "
        "Senin (20/5/2024).\n"
        "Kepala Dinas Tenaga Kerja Kota Binjai Rudi Hartono mengatakan, 5.000 pekerja akan didaftarkan."
    )
    assert parties_of(text) == [["BPJS Ketenagakerjaan", "Pemkot Binjai"]]


def test_an_agreement_referred_to_is_not_a_signing():
    text = "Menurut dia, perusahaan memutus kontrak karena masa kerja sesuai perjanjian yang disepakati sudah habis."
    assert facts_of(text).to_gold()["agreements"] == []


def test_residents_insured_for_health_are_not_the_workers_an_agreement_covers():
    text = (
        "Pemkot Kediri dan BPJS Kesehatan Cabang Kediri menandatangani perjanjian kerja sama, Selasa (21/5/2024).\n"
        "Menurut data terbaru, 250.000 jiwa penduduk Kota Kediri sudah terdaftar sebagai peserta JKN."
    )
    assert [a["workers"] for a in facts_of(text).to_gold()["agreements"]] == [None]
    text = text.replace("250.000 jiwa penduduk Kota Kediri", "3.500 jiwa pekerja rentan")
    assert [a["workers"] for a in facts_of(text).to_gold()["agreements"]] == [3500]


def test_a_signing_that_refers_back_takes_its_party_from_the_sentence_before():
    text = (
        "Pemerintah Kabupaten Tuban melindungi 1.500 buruh tani lewat program jaminan sosial.\n"
        "Komitmen itu diwujudkan lewat penandatanganan perjanjian kerja sama dengan BPJS Ketenagakerjaan, "
        "Selasa (21/5/2024). Perjanjian tersebut diteken Sekda Tuban, didampingi Dinas Sosial Kabupaten Tuban."
    )
    assert parties_of(text) == [["BPJS Ketenagakerjaan", "Pemerintah Kabupaten Tuban"]]
