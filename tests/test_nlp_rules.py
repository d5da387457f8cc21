"""Rule spans in doc.spans["rules"]: patterns from data files plus the span grammar."""

from __future__ import annotations

import pytest

from extract.nlp.pipeline import annotate, load_rules_pipeline
from spacy.matcher import Matcher

from extract.nlp.ruler import compiled_patterns, law_parts, load_patterns, read_law_kb_id


@pytest.fixture(scope="module")
def nlp():
    return load_rules_pipeline()


def spans(nlp, text: str, label: str, reference_date=None) -> list[tuple[str, str]]:
    doc = annotate(text, reference_date=reference_date, nlp=nlp)
    return [(s.text, s.id_) for s in doc.spans["rules"] if s.label_ == label]


def test_patterns_come_from_the_four_data_files():
    labels = {p["label"] for p in load_patterns()}
    assert {"LAW", "PROGRAM", "POSITION", "ORG"} <= labels
    assert all(p.get("id") for p in load_patterns())


def test_compiled_patterns_find_the_same_matches(nlp):
    """For speed the ruler writes a first-token word set as one pattern per
    word and the agency marks as word sets; the matches must be those of the
    pattern files as written."""
    text = (
        "Kepala Kantor Cabang BPJS Ketenagakerjaan Blitar dan Sekretaris Daerah Kabupaten Blitar "
        "menyerahkan santunan JKM sesuai Peraturan Bupati Nomor 7 Tahun 2023 dan Perpres 36/2022. "
        "Wakil Bupati serta Ketua DPRD, Dinas Tenaga Kerja dan Dinas Sosial hadir."
    )
    doc = nlp(text)

    def matches(patterns):
        matcher = Matcher(nlp.vocab)
        for pattern in patterns:
            matcher.add(f"{pattern['label']}|{pattern['id']}", [pattern["pattern"]])
        return sorted((nlp.vocab.strings[key], start, end) for key, start, end in matcher(doc))

    original = load_patterns()
    expanded = compiled_patterns(original)
    assert len(expanded) > len(original)
    assert not any(isinstance(p["pattern"][0].get("LOWER"), dict) for p in expanded)
    assert not any("bpjs_agency" in str(p) for p in expanded)
    assert matches(expanded) == matches(original)
    assert len(matches(original)) >= 5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("sesuai Undang-Undang Nomor 40 Tahun 2004 tentang SJSN.", ("Undang-Undang Nomor 40 Tahun 2004", "UU")),
        ("dasar hukumnya UU No. 24/2011 tentang BPJS.", ("UU No. 24/2011", "UU")),
        ("mengacu PP 44/2015 soal program JKK.", ("PP 44/2015", "PP")),
        ("melalui Peraturan Pemerintah Nomor 82 Tahun 2019.", ("Peraturan Pemerintah Nomor 82 Tahun 2019", "PP")),
        ("sejalan dengan Inpres Nomor 2 Tahun 2021 tentang optimalisasi.", ("Inpres Nomor 2 Tahun 2021", "Inpres")),
        ("Pemkab menerbitkan Perbup Nomor 7 Tahun 2023.", ("Perbup Nomor 7 Tahun 2023", "Perbup")),
        (
            "berdasarkan Peraturan Bupati Blitar Nomor 25 Tahun 2021.",
            ("Peraturan Bupati Blitar Nomor 25 Tahun 2021", "Perbup"),
        ),
        (
            "lewat Peraturan Wali Kota Batu Nomor 3 Tahun 2022.",
            ("Peraturan Wali Kota Batu Nomor 3 Tahun 2022", "Perwali"),
        ),
        ("diatur Perda Kabupaten Gresik Nomor 1 Tahun 2020.", ("Perda Kabupaten Gresik Nomor 1 Tahun 2020", "Perda")),
        ("mengikuti Permenaker Nomor 5 Tahun 2021.", ("Permenaker Nomor 5 Tahun 2021", "Permenaker")),
        (
            "menyosialisasikan Surat Edaran (SE) Bupati Pasuruan tentang pekerja rentan.",
            ("Surat Edaran (SE) Bupati Pasuruan", "SE"),
        ),
        ("menerbitkan SE Nomor 560/123/2023 kepada perusahaan.", ("SE Nomor 560/123/2023", "SE")),
        (
            "ditetapkan dengan Keputusan Menteri Ketenagakerjaan Nomor 10 Tahun 2020.",
            ("Keputusan Menteri Ketenagakerjaan Nomor 10 Tahun 2020", "Kepmen"),
        ),
        (
            "diatur Peraturan Menteri Ketenagakerjaan Nomor 4 Tahun 2022.",
            ("Peraturan Menteri Ketenagakerjaan Nomor 4 Tahun 2022", "Permenaker"),
        ),
        (
            "sesuai Peraturan Menteri Dalam Negeri Nomor 84 Tahun 2014.",
            ("Peraturan Menteri Dalam Negeri Nomor 84 Tahun 2014", "Permendagri"),
        ),
        (
            "lewat Peraturan Menteri Pendidikan, Kebudayaan, dan Riset Nomor 3 Tahun 2023, dan lainnya",
            ("Peraturan Menteri Pendidikan, Kebudayaan, dan Riset Nomor 3 Tahun 2023", "Permen"),
        ),
        # The short name the article gives in brackets is the kind.
        (
            "dalam Peraturan Menteri Sosial (Permensos) Nomor 1 Tahun 2019.",
            ("Peraturan Menteri Sosial (Permensos) Nomor 1 Tahun 2019", "Permensos"),
        ),
        (
            "dalam Keputusan Menteri Ketenagakerjaan (Kepmenaker) Nomor 9 Tahun 2024.",
            ("Keputusan Menteri Ketenagakerjaan (Kepmenaker) Nomor 9 Tahun 2024", "Kepmenaker"),
        ),
        (
            "dengan Peraturan Bupati (Perbup) Ngawi Nomor 12 Tahun 2022.",
            ("Peraturan Bupati (Perbup) Ngawi Nomor 12 Tahun 2022", "Perbup"),
        ),
    ],
)
def test_law_spans_take_issuer_number_and_year(nlp, text, expected):
    assert expected in spans(nlp, text, "LAW")


def test_degree_se_and_generic_regulation_words_are_not_laws(nlp):
    assert spans(nlp, "Dibuka oleh H. Irsyad Yusuf SE MMA di pendopo.", "LAW") == []
    assert spans(nlp, "Pemkab diminta menerbitkan peraturan bupati atau peraturan daerah.", "LAW") == []


@pytest.mark.parametrize(
    "text, number, year",
    [
        ("Undang-undang Nomor 40 Tahun 2004", "40", 2004),
        ("UU No. 24/2011", "24", 2011),
        ("PP 44/2015", "44", 2015),
        ("SE Nomor 560/123/2023", "560/123/2023", 2023),
        ("Peraturan Menteri Keuangan (PMK) Nomor 215/PMK.07/2021", "215/PMK.07/2021", 2021),
        ("Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025", "300.2.2-2138", 2025),
        ("Surat Edaran (SE) Bupati Pasuruan", None, None),
        ("Perbup Tahun 2021", None, 2021),
    ],
)
def test_law_parts_reads_number_and_year(text, number, year):
    assert law_parts(text) == (number, year)


def test_law_spans_carry_their_number_and_year(nlp):
    doc = nlp(
        "Iuran diatur dalam Peraturan Pemerintah Nomor 44 Tahun 2015 dan Perbup Tahun 2021 serta SE Bupati Malang."
    )
    laws = [span for span in doc.spans["rules"] if span.label_ == "LAW"]
    assert [read_law_kb_id(span.kb_id_) for span in laws] == [("44", 2015), (None, 2021), (None, None)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "peserta Jaminan Kecelakaan Kerja (JKK) dan JKM",
            [("Jaminan Kecelakaan Kerja", "JKK"), ("JKK", "JKK"), ("JKM", "JKM")],
        ),
        ("santunan jaminan kematian dan beasiswa anak", [("jaminan kematian", "JKM"), ("beasiswa", "beasiswa")]),
        ("pencairan JHT, Jaminan Pensiun dan JKP", [("JHT", "JHT"), ("Jaminan Pensiun", "JP"), ("JKP", "JKP")]),
    ],
)
def test_program_spans_name_the_programme(nlp, text, expected):
    assert spans(nlp, text, "PROGRAM") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kerja sama BPJamsostek Cabang Blitar dengan warga.", ("BPJamsostek Cabang Blitar", "BPJS Ketenagakerjaan")),
        (
            "BPJS Ketenagakerjaan (BPJAMSOSTEK) Gresik hadir.",
            ("BPJS Ketenagakerjaan (BPJAMSOSTEK) Gresik", "BPJS Ketenagakerjaan"),
        ),
        (
            "Kepala BPJS Ketenagakerjaan Kantor Cabang Surabaya Rungkut hadir.",
            ("BPJS Ketenagakerjaan Kantor Cabang Surabaya Rungkut", "BPJS Ketenagakerjaan"),
        ),
        ("Santunan dari BPJS-TK diserahkan.", ("BPJS-TK", "BPJS Ketenagakerjaan")),
        ("Peserta BPJS Kesehatan bertambah.", ("BPJS Kesehatan", "BPJS Kesehatan")),
        (
            "bersama Pemerintah Kabupaten (Pemkab) Trenggalek menandatangani",
            ("Pemerintah Kabupaten (Pemkab) Trenggalek", "Pemkab"),
        ),
        ("Pemkot Batu mendukung program itu.", ("Pemkot Batu", "Pemkot")),
        (
            "oleh Dinas Tenaga Kerja dan Transmigrasi Kabupaten Ngawi pagi ini",
            ("Dinas Tenaga Kerja dan Transmigrasi Kabupaten Ngawi", "Dinas"),
        ),
        (
            "oleh Dinas Pemberdayaan Masyarakat dan Desa (PMD) Kabupaten Gresik.",
            ("Dinas Pemberdayaan Masyarakat dan Desa (PMD) Kabupaten Gresik", "Dinas"),
        ),
        ("Anggaran disetujui DPRD Kabupaten Jember kemarin.", ("DPRD Kabupaten Jember", "DPRD")),
        ("penghargaan untuk PT Sumber Makmur Abadi, KUD Tani Jaya dan lainnya", ("PT Sumber Makmur Abadi", "Company")),
        ("penghargaan untuk PT Sumber Makmur Abadi, KUD Tani Jaya dan lainnya", ("KUD Tani Jaya", "Company")),
        ("Disnaker Jombang mendata pekerja.", ("Disnaker Jombang", "Dinas")),
    ],
)
def test_org_spans_run_over_aside_branch_and_place(nlp, text, expected):
    assert expected in spans(nlp, text, "ORG")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bupati Trenggalek Mochamad Nur Arifin hadir.", ("Bupati Trenggalek", "Bupati")),
        ("Acara dibuka Wakil Bupati Pasuruan KH Abdul Mujib.", ("Wakil Bupati Pasuruan", "Wakil Bupati")),
        ("Hadir Wali Kota Blitar dan jajarannya.", ("Wali Kota Blitar", "Wali Kota")),
        (
            "Hadir Sekretaris Daerah Kabupaten Pasuruan dan tamu.",
            ("Sekretaris Daerah Kabupaten Pasuruan", "Sekretaris Daerah"),
        ),
        (
            "Dihadiri Plt Kepala Dinas Sosial Kabupaten Blitar Budi.",
            ("Plt Kepala Dinas Sosial Kabupaten Blitar", "Kepala"),
        ),
        ("Kepala BPJamsostek Cabang Blitar Hendra Elvian menjelaskan.", ("Kepala BPJamsostek Cabang Blitar", "Kepala")),
        (
            "Kepala Kantor Cabang BPJS Ketenagakerjaan Pasuruan, Trioki, mengatakan.",
            ("Kepala Kantor Cabang BPJS Ketenagakerjaan Pasuruan", "Kepala Kantor Cabang"),
        ),
        (
            "disaksikan Asisten Deputi Direktur Bidang Keuangan BPJS Ketenagakerjaan Jawa Timur Hari Santoso.",
            ("Asisten Deputi Direktur Bidang Keuangan BPJS Ketenagakerjaan Jawa Timur", "Asisten Deputi Direktur"),
        ),
        (
            "Deputi Direktur Wilayah Jawa Timur Hadi Purnomo hadir.",
            ("Deputi Direktur Wilayah Jawa Timur", "Deputi Direktur"),
        ),
        (
            "Yuni selaku Kepala Bidang Perlindungan Jaminan Sosial Dinsos hadir.",
            ("Kepala Bidang Perlindungan Jaminan Sosial Dinsos", "Kepala Bidang"),
        ),
        ("Camat Pogalan Suyono memberi sambutan.", ("Camat Pogalan", "Camat")),
        ("Kepala Desa Ngadirejo ikut hadir.", ("Kepala Desa Ngadirejo", "Kepala Desa")),
        ("Ketua DPRD Kabupaten Tuban menyambut.", ("Ketua DPRD Kabupaten Tuban", "Ketua DPRD")),
        ("Direktur PT Sumber Makmur menerima penghargaan.", ("Direktur PT Sumber Makmur", "Direktur")),
        # acting officials
        ("Penjabat (Pj) Bupati Jombang Teguh hadir.", ("Penjabat (Pj) Bupati Jombang", "Bupati")),
        (
            "Pelaksana Tugas (Plt) Kepala Dinas Sosial Kota Batu hadir.",
            ("Pelaksana Tugas (Plt) Kepala Dinas Sosial Kota Batu", "Kepala"),
        ),
        # village heads across regions, with the village's name
        ("Perbekel Desa Sukawati hadir.", ("Perbekel Desa Sukawati", "Perbekel")),
        ("Hukum Tua Desa Tondano Satu memberi sambutan.", ("Hukum Tua Desa Tondano Satu", "Hukum Tua")),
        ("Lurah Sananwetan Budi hadir.", ("Lurah Sananwetan", "Lurah")),
        # an office, the unit of the organisation, then the organisation
        (
            "Kepala Bidang Pelayanan Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur hadir.",
            ("Kepala Bidang Pelayanan Kantor Wilayah BPJS Ketenagakerjaan Jawa Timur", "Kepala Bidang"),
        ),
        (
            "Kepala BPJS Ketenagakerjaan Kantor Cabang Perintis (KCP) Situbondo, Andi, hadir.",
            ("Kepala BPJS Ketenagakerjaan Kantor Cabang Perintis (KCP) Situbondo", "Kepala"),
        ),
        (
            "Manajer Sumber Daya Manusia PT Sumber Makmur hadir.",
            ("Manajer Sumber Daya Manusia PT Sumber Makmur", "Manajer"),
        ),
        (
            "Ketua Asosiasi Petani Kopi Nusantara (APKN) Kabupaten Jember hadir.",
            ("Ketua Asosiasi Petani Kopi Nusantara (APKN) Kabupaten Jember", "Kepala"),
        ),
        ("Dandim 0808/Blitar ikut menyaksikan.", ("Dandim 0808/Blitar", "Dandim")),
        (
            "Kepala Dinas Tenaga Kerja, Transmigrasi dan Perindustrian (Disnakertransperin) Banyuwangi hadir.",
            ("Kepala Dinas Tenaga Kerja, Transmigrasi dan Perindustrian (Disnakertransperin) Banyuwangi", "Kepala"),
        ),
    ],
)
def test_position_spans_take_their_place_or_organisation(nlp, text, expected):
    assert expected in spans(nlp, text, "POSITION")


def test_agency_names_never_end_in_a_joining_word(nlp):
    found = spans(nlp, "Dinas Sosial, dan warga desa ikut membantu.", "ORG")
    assert found == [("Dinas Sosial", "Dinas")]


def test_a_bare_head_word_is_not_a_position(nlp):
    doc = annotate("Kepala sekolah dan ketua panitia hadir, kepala desa juga.", nlp=nlp)
    positions = [s.text for s in doc.spans["rules"] if s.label_ == "POSITION"]
    assert positions == ["kepala desa"]
    assert not any(s.label_ == "HEAD" for s in doc.spans["rules"])


def test_office_named_in_a_law_is_not_a_position(nlp):
    text = "Pemkab mengeluarkan Peraturan Bupati Nomor 25 Tahun 2021 tentang jaminan sosial."
    assert spans(nlp, text, "POSITION") == []


def test_numeric_spans_carry_normalised_values(nlp):
    text = "Ahli waris menerima Rp 42 juta, cakupan 17,60% dari 8.125 pekerja pada Selasa (30/1/2024)."
    doc = annotate(text, nlp=nlp)
    found = {
        (s.label_, s.text, s.kb_id_) for s in doc.spans["rules"] if s.label_ in {"MONEY", "PERCENT", "CARDINAL", "DATE"}
    }
    assert found == {
        ("MONEY", "Rp 42 juta", "42000000"),
        ("PERCENT", "17,60%", "17.6"),
        ("CARDINAL", "8.125", "8125"),
        ("DATE", "Selasa (30/1/2024)", "2024-01-30"),
    }


def test_relative_dates_need_the_reference_date(nlp):
    text = "Penandatanganan dilakukan Rabu lalu di pendopo."
    assert spans(nlp, text, "DATE") == []
    doc = annotate(text, reference_date="2024-02-02", nlp=nlp)
    dates = [(s.text, s.kb_id_, s.id_) for s in doc.spans["rules"] if s.label_ == "DATE"]
    assert dates == [("Rabu lalu", "2024-01-31", "relative")]


def test_region_spans_carry_codes_and_how_they_were_resolved(nlp):
    text = "Pemkab Blitar bekerja sama dengan BPJS Ketenagakerjaan. Warga Blitar dan Trenggalek terlindungi."
    doc = annotate(text, nlp=nlp)
    regions = [(s.text, s.kb_id_, s.id_) for s in doc.spans["rules"] if s.label_ == "REGION"]
    assert regions == [
        ("Pemkab Blitar", "35.05", "explicit"),
        ("Blitar", "35.05", "context"),
        ("Trenggalek", "35.03", "name"),
    ]


def test_rule_spans_are_in_text_order_and_align_to_tokens(nlp):
    text = "Bupati Blitar menyerahkan Rp 42 juta kepada ahli waris peserta JKM pada Senin (14/4/2025)."
    doc = annotate(text, nlp=nlp)
    group = list(doc.spans["rules"])
    assert [s.start for s in group] == sorted(s.start for s in group)
    for span in group:
        assert text[span.start_char : span.end_char] == span.text


def test_the_indexed_span_ruler_finds_what_spacy_s_span_ruler_finds(nlp):
    """The ruler runs only the patterns whose first word is in the doc; on real
    articles its spans must be exactly those of spaCy's own SpanRuler."""
    from pathlib import Path

    from spacy.pipeline import SpanRuler

    from extract.nlp.ruler import SPANS_KEY, compiled_patterns, longest_per_label

    ours = nlp.get_pipe("bpjs_span_ruler")
    plain = SpanRuler(nlp, "plain", spans_key=SPANS_KEY, spans_filter=longest_per_label, validate=True)
    plain.add_patterns(compiled_patterns(load_patterns()))
    seeds = sorted((Path(__file__).resolve().parents[1] / "corpus" / "seeds").glob("*.txt"))
    assert seeds
    found = 0
    for seed in seeds:
        doc = nlp.make_doc(seed.read_text(encoding="utf-8"))
        for name, component in nlp.pipeline:
            if name == "bpjs_span_ruler":
                break
            doc = component(doc)
        expected = [(s.start, s.end, s.label_, s.id_) for s in plain.match(doc)]
        assert [(s.start, s.end, s.label_, s.id_) for s in ours.match(doc)] == expected
        found += len(expected)
    assert found > 20


def test_the_indexed_span_ruler_forgets_removed_patterns():
    from extract.nlp.pipeline import load_rules_pipeline
    from extract.nlp.ruler import IndexedSpanRuler

    nlp = load_rules_pipeline()
    ruler = IndexedSpanRuler(nlp, "test_ruler", spans_key="test")
    ruler.add_patterns(
        [
            {"label": "PROGRAM", "id": "JKM", "pattern": [{"LOWER": "jkm"}]},
            {"label": "LAW", "id": "Perbup", "pattern": [{"LOWER": "perbup"}]},
        ]
    )
    doc = nlp.make_doc("Santunan JKM sesuai Perbup itu.")
    assert [(s.text, s.label_) for s in ruler.match(doc)] == [("JKM", "PROGRAM"), ("Perbup", "LAW")]
    ruler.remove("LAW")
    assert [(s.text, s.label_) for s in ruler.match(doc)] == [("JKM", "PROGRAM")]
    ruler.remove_by_id("JKM")
    ruler.add_patterns([{"label": "LAW", "id": "Perbup", "pattern": [{"LOWER": "perbup"}]}])
    assert [(s.text, s.label_) for s in ruler.match(doc)] == [("Perbup", "LAW")]


def test_the_indexed_span_ruler_finds_repeated_and_unbounded_runs_like_spacy():
    """The ruler runs each first word's patterns only from that word's first
    occurrence to its reach past the last one; runs of any length, repeated
    words and words at the very end must still match as spaCy matches them."""
    from spacy.pipeline import SpanRuler

    from extract.nlp.ruler import IndexedSpanRuler

    nlp = load_rules_pipeline()
    patterns = [
        {"label": "POSITION", "id": "Camat", "pattern": [{"LOWER": "camat"}, {"IS_TITLE": True, "OP": "*"}]},
        {"label": "POSITION", "id": "Lurah", "pattern": [{"LOWER": "lurah"}, {"IS_TITLE": True, "OP": "{0,2}"}]},
        {"label": "ORG", "id": "Dinas", "pattern": [{"LOWER": "dinas"}, {"IS_TITLE": True, "OP": "{1,}"}]},
        {"label": "LAW", "id": "KUHP", "pattern": [{"ORTH": {"IN": ["KUHP", "KUHPer"]}}]},
    ]
    ours = IndexedSpanRuler(nlp, "ours", spans_key="ours")
    ours.add_patterns(compiled_patterns(patterns))
    plain = SpanRuler(nlp, "plain", spans_key="plain")
    plain.add_patterns(patterns)
    doc = nlp.make_doc(
        "Camat Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa bertemu lurah Satu Dua Tiga dan "
        "Lurah Empat, lalu Dinas Pekerjaan Umum Dan Penataan Ruang Kota Lama membahas KUHP serta KUHPer "
        "bersama camat dan lurah Lima Enam serta Dinas Sosial Camat Baru"
    )
    found = [(s.start, s.end, s.label_, s.id_) for s in ours.match(doc)]
    assert found == [(s.start, s.end, s.label_, s.id_) for s in plain.match(doc)]
    assert (0, 11, "POSITION", "Camat") in found  # ten title words after "Camat"
    assert (len(doc) - 2, len(doc), "POSITION", "Camat") in found  # at the very end
    assert sum(1 for *_, label, _ in found if label == "LAW") == 2
