"""The Indonesian tokenizer and sentence splitter (extract.nlp.tokenizer, .sentences)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.nlp.pipeline import load_rules_pipeline
from extract.nlp.tokenizer import load_abbreviations

SEEDS = Path(__file__).resolve().parents[1] / "corpus" / "seeds"


@pytest.fixture(scope="module")
def nlp():
    return load_rules_pipeline()


def words(nlp, text: str) -> list[str]:
    return [t.text for t in nlp.make_doc(text)]


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


# Each abbreviation from the issue, in a sentence of our own, followed by a
# capitalised word, which is exactly where a naive splitter would cut.
SPECIAL_CASES = [
    ("Kab.", "Pemerintah Kab. Blitar menandatangani nota itu."),
    ("Kec.", "Acara digelar di Kec. Pogalan bersama warga."),
    ("Kel.", "Warga Kel. Sananwetan ikut hadir pagi itu."),
    ("PT.", "Santunan dari PT. Sumber Rejeki diserahkan kemarin."),
    ("Tbk.", "Pegawai PT Bank Contoh Tbk. Cabang Blitar ikut mendaftar."),
    ("Jl.", "Kantor cabang pindah ke Jl. Merdeka Timur bulan ini."),
    ("Rp.", "Ahli waris menerima Rp. 42.000.000 dari program itu."),
    ("No.", "Aturan itu tercantum dalam Perbup No. 12 Tahun 2021 lalu."),
    ("H.", "Sambutan dibacakan H. Ahmad Fauzi dengan singkat."),
    ("Hj.", "Hadir pula Hj. Siti Aminah selaku ketua panitia."),
    ("Drs.", "Penyerahan dipimpin Drs. Budi Santoso dari dinas."),
    ("S.H.", "Menurut Andi Wijaya S.H. Kepala Bagian Hukum, aturan itu sah."),
    ("M.Si", "Rina Lestari, M.Si Kepala Dinas Sosial hadir."),
    ("Dr.", "Materi disampaikan Dr. Hendra Kusuma dari kampus."),
    ("Ir.", "Proyek diawasi Ir. Joko Susilo sejak awal."),
    ("M.M.", "Sekretaris dinas, Agus Salim M.M. Kemudian memberi arahan."),
]


@pytest.mark.parametrize("abbreviation, text", SPECIAL_CASES, ids=[a for a, _ in SPECIAL_CASES])
def test_abbreviation_is_one_token_and_never_ends_a_sentence(nlp, abbreviation, text):
    assert abbreviation in words(nlp, text)
    assert sentences(nlp, text + " Acara selesai siang hari.") == [text, "Acara selesai siang hari."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rp.5.000.000", ["Rp.", "5.000.000"]),
        ("Rp.42.000.000,-", ["Rp.", "42.000.000", ",", "-"]),
        ("Rp5.000.000", ["Rp", "5.000.000"]),
        ("Rp 42 juta", ["Rp", "42", "juta"]),
        ("Kab.Blitar", ["Kab.", "Blitar"]),
        ("kec.Pogalan", ["kec.", "Pogalan"]),
        ("Jl.Merdeka No.5", ["Jl.", "Merdeka", "No.", "5"]),
        ("PT.Sumber Rejeki", ["PT.", "Sumber", "Rejeki"]),
    ],
)
def test_glued_abbreviations_are_split_off(nlp, text, expected):
    assert words(nlp, text) == expected


def test_case_variants_of_abbreviations_are_kept_whole(nlp):
    assert words(nlp, "KAB. BLITAR dan kab. Kediri") == ["KAB.", "BLITAR", "dan", "kab.", "Kediri"]


def test_initials_and_glued_titles_stay_inside_the_sentence(nlp):
    text = "Sambutan dibacakan M. Yusuf dan H.M. Ridwan SE MMA. Setelah itu doa bersama."
    assert sentences(nlp, text) == [
        "Sambutan dibacakan M. Yusuf dan H.M. Ridwan SE MMA.",
        "Setelah itu doa bersama.",
    ]


@pytest.mark.parametrize("first_name", ["Moh.", "Moch.", "Muh.", "Abd.", "Ach."])
def test_abbreviated_first_name_is_one_token_inside_the_sentence(nlp, first_name):
    text = f"Santunan diserahkan {first_name} Ridwan Hakim kepada ahli waris."
    assert first_name in words(nlp, text)
    assert sentences(nlp, text + " Acara selesai.") == [text, "Acara selesai."]


def test_first_names_come_from_the_abbreviations_file():
    assert {"Moh.", "Moch.", "Abd."} <= load_abbreviations().first_names <= load_abbreviations().never_final


@pytest.mark.parametrize(
    "text, expected",
    [
        # a degree after a name and a comma, then a new clause
        (
            "Nota itu diteken Budi Santoso, M.Si. Penandatanganan disaksikan camat.",
            ["Nota itu diteken Budi Santoso, M.Si.", "Penandatanganan disaksikan camat."],
        ),
        (
            "Hadir Rina Lestari, S.H., M.H. Dalam sambutannya ia berpesan.",
            ["Hadir Rina Lestari, S.H., M.H.", "Dalam sambutannya ia berpesan."],
        ),
        (
            "Hadir Agus Salim, S.Pi. “Kami siap,” katanya.",
            ["Hadir Agus Salim, S.Pi.", "“Kami siap,” katanya."],
        ),
        # the name's office, another title or a lower-case word continue it
        (
            "Hadir Budi Santoso, M.Si. Kepala Dinas Sosial Kabupaten Tuban.",
            ["Hadir Budi Santoso, M.Si. Kepala Dinas Sosial Kabupaten Tuban."],
        ),
        ("Hadir Budi Santoso, S.Sos. M.Si. dari dinas.", ["Hadir Budi Santoso, S.Sos. M.Si. dari dinas."]),
        ("Hadir Agus Salim, S.Pi. dalam acara itu.", ["Hadir Agus Salim, S.Pi. dalam acara itu."]),
        # a title that opens a name is not a degree
        ("Hadir Wakil Bupati, K.H. Abdul Mujib di pendopo.", ["Hadir Wakil Bupati, K.H. Abdul Mujib di pendopo."]),
        # without the comma the degree stays inside (see SPECIAL_CASES)
        (
            "Sekretaris dinas, Agus Salim M.M. Kemudian memberi arahan.",
            ["Sekretaris dinas, Agus Salim M.M. Kemudian memberi arahan."],
        ),
    ],
)
def test_degree_after_a_name_ends_a_sentence_only_before_a_new_clause(nlp, text, expected):
    assert sentences(nlp, text) == expected


def test_plain_full_stops_question_and_exclamation_marks_end_sentences(nlp):
    text = "Program berjalan. Apakah cukup? Tentu saja! Semua senang."
    assert sentences(nlp, text) == ["Program berjalan.", "Apakah cukup?", "Tentu saja!", "Semua senang."]


def test_closing_quote_stays_with_its_sentence(nlp):
    text = '“Kami siap mendukung.” Bupati lalu menandatangani naskah. "Ini penting." Semua setuju.'
    assert sentences(nlp, text) == [
        "“Kami siap mendukung.”",
        "Bupati lalu menandatangani naskah.",
        '"Ini penting."',
        "Semua setuju.",
    ]


def test_every_newline_ends_a_sentence(nlp):
    text = "Judul Berita Tanpa Titik\nIsi paragraf pertama, tanpa titik juga\n\nParagraf kedua."
    assert sentences(nlp, text) == [
        "Judul Berita Tanpa Titik",
        "Isi paragraf pertama, tanpa titik juga",
        "Paragraf kedua.",
    ]


def test_dll_ends_a_sentence_only_before_a_capital(nlp):
    assert sentences(nlp, "Ada nelayan, petani, dll. Mereka rentan.") == ["Ada nelayan, petani, dll.", "Mereka rentan."]
    assert sentences(nlp, "Ada nelayan, petani, dll. yang rentan.") == ["Ada nelayan, petani, dll. yang rentan."]


def test_ellipsis_ends_a_sentence_only_before_a_capital(nlp):
    assert len(sentences(nlp, "Mereka menunggu... lalu pulang.")) == 1
    assert len(sentences(nlp, "Mereka menunggu... Lalu pulang.")) == 2


def test_abbreviation_lists_come_from_the_data_files():
    abbreviations = load_abbreviations()
    assert {"Kab.", "kab.", "KAB.", "Rp.", "Tbk."} <= abbreviations.never_final
    assert "Drs." in abbreviations.never_final  # from gazetteers/honorifics.txt
    assert "dll." in abbreviations.may_end_sentence


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_articles_split_at_newlines_and_never_after_an_abbreviation(nlp, path):
    text = path.read_text(encoding="utf-8")
    doc = nlp(text)
    never_final = load_abbreviations().never_final
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    sents = [s for s in doc.sents if s.text.strip()]
    assert len(sents) >= len(lines)
    for sent in sents:
        assert "\n" not in sent.text.strip(), "a sentence spans a line break"
        last_word = [t for t in sent if not t.is_space and not t.is_punct or t.text in never_final][-1]
        assert last_word.text not in never_final, f"sentence ends after an abbreviation: {sent.text!r}"
    # Every line is a run of whole sentences.
    starts = {s.start_char for s in sents}
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.lstrip()
        if stripped.strip():
            assert offset + (len(raw) - len(stripped)) in starts
        offset += len(raw) + 1


def test_seed_sentences_with_titles_and_initials_are_whole(nlp):
    def sentence_containing(name: str, words_: str) -> str:
        doc = nlp((SEEDS / name).read_text(encoding="utf-8"))
        return next(s.text for s in doc.sents if words_ in s.text)

    assert "Irsyad Yusuf SE MMA." in sentence_containing("003_3b8321fa42cc8242.txt", "mewakili Bupati Pasuruan H.M.")
    assert "Drs. Mikhael Hankam Indoro, M.Si selaku Plt Kepala Dinas Sosial" in sentence_containing(
        "002_2345e34aaa4aba23.txt", "Mikhael"
    )
    assert "M. Imam Saputra menambahkan" in sentence_containing("004_e270a23d485498bf.txt", "Imam Saputra")
