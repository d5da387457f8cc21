"""Furniture removal on plain text: what a user pasting an article relies on."""

from pathlib import Path

import pytest

from extract.ingest.clean import BYLINE, CAPTION, TAIL, TRAILING, clean_text, is_furniture_line
from extract.ingest.siterules import site_from_dateline
from extract.ingest.text import article_from_text

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"

# Written for this test: an article with no furniture at all.
CLEAN_ARTICLE = """MADIUN (Realita) - BPJS Ketenagakerjaan Cabang Madiun menyerahkan santunan kepada dua ahli waris peserta, Senin (3/6/2024).  

Penyerahan dilakukan di kantor cabang dan disaksikan pejabat Dinas Tenaga Kerja setempat. Baca juga tidak selalu berarti tautan, misalnya saat kepala cabang berkata "baca juga aturannya".

"Santunan ini hak peserta. Foto: dokumen lengkap sudah kami terima," kata kepala cabang.
Kegiatan ditutup dengan sosialisasi program kepada 40 pekerja rentan."""


def seed(name_prefix: str) -> str:
    return next(SEEDS.glob(f"{name_prefix}_*.txt")).read_text(encoding="utf-8")


def test_a_clean_article_comes_out_unchanged():
    assert clean_text(CLEAN_ARTICLE, "realita.co").text == CLEAN_ARTICLE
    assert clean_text(CLEAN_ARTICLE, None).text == CLEAN_ARTICLE


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_cleaning_twice_changes_nothing(prefix):
    once = clean_text(seed(prefix), site_from_dateline(seed(prefix))).text
    assert clean_text(once, site_from_dateline(once)).text == once


@pytest.mark.parametrize(
    "line",
    [
        "Baca Juga : Kota Malang Siap Tumbuh Menjadi Startup City",
        "Baca juga: Beli Rumah Pakai BPJS Ketenagakerjaan, Begini Caranya!",
        "BACA JUGA: Harga Cabai Turun",
        "Scroll untuk baca artikel",
        "Scroll ke bawah untuk melanjutkan membaca",
        "free web hit counter",
        "Share this article",
        "13",
        "×",
        "Penulis : Aunur Rofiq - Editor : A Yahya",
        "Editor : Redaksi",
        "Pewarta: Dewi Kartika",
        "Berita Terbaru",
        "Copyright © ANTARA 2024",
        "Penyerahan santunan di kantor cabang, Senin (3/6/2024). (Foto: Humas BPJS Ketenagakerjaan)",
        "*) Ikuti berita terbaru TIMES Indonesia di Google News klik link ini dan jangan lupa di follow.",
    ],
)
def test_furniture_lines_are_recognised(line):
    source = "timesindonesia.co.id" if line.startswith("*)") else None
    assert is_furniture_line(line, source)


@pytest.mark.parametrize("line", CLEAN_ARTICLE.splitlines())
def test_article_lines_are_not_furniture(line):
    assert not is_furniture_line(line, "realita.co")


def test_header_lines_of_a_copied_page_become_metadata_not_text():
    result = clean_text(seed("002"), "jatimtimes.com")
    assert (
        result.title
        == "BPJS Ketenagakerjaan dan Pemkab Blitar Teken Perjanjian Kerja Sama Lindungi 8.125 Pekerja Rentan"
    )
    assert (result.author, result.editor) == ("Aunur Rofiq", "A Yahya")
    assert result.categories == ["Peristiwa"]
    assert result.text.startswith("JATIMTIMES BPJS Ketenagakerjaan Blitar bersama")
    for furniture in ("hit counter", "Scroll untuk", "PlayStation", "Share this", "(Foto:", "Baca Juga", "Penulis"):
        assert furniture not in result.text
    assert "Kegiatan ini dihadiri oleh jajaran Dinas Sosial Kabupaten Blitar" in result.text
    assert any(d.kind == CAPTION for d in result.dropped)
    assert any(d.kind == BYLINE for d in result.dropped)


def test_every_body_line_of_a_seed_survives_and_no_related_link_does():
    raw = seed("001")
    result = clean_text(raw, "jatimtimes.com")
    body = [line for line in raw.splitlines() if line.strip() and not line.startswith("Baca Juga")]
    assert result.text.splitlines() == body


def test_reporter_initials_glued_to_the_last_sentence_are_cut():
    result = clean_text(seed("003"), "realita.co")
    assert result.text.endswith('prioritas Pemerintah," tegas Gus Mujib.')
    assert [d.text for d in result.dropped if d.kind == TRAILING] == ["gan"]
    assert result.editor == "Redaksi"
    assert "Berita Terbaru" not in result.text and "Editor" not in result.text


def test_the_page_tail_after_a_related_news_heading_is_dropped():
    text = CLEAN_ARTICLE + "\n\nBerita Terkait\nPemkab Madiun Gelar Pasar Murah\nJalan Rusak Segera Diperbaiki"
    result = clean_text(text, "realita.co")
    assert result.text == CLEAN_ARTICLE
    assert [d.text for d in result.dropped if d.kind == TAIL][0] == "Berita Terkait"


def test_plain_text_site_is_inferred_from_the_dateline():
    assert site_from_dateline(seed("000")) == "jatimtimes.com"
    assert site_from_dateline(seed("004")) == "realita.co"
    assert site_from_dateline("Surabaya (ANTARA) - Pemerintah kota ...") == "antaranews.com"
    assert site_from_dateline("Sebuah teks tanpa dateline.") is None


def test_a_text_file_article_has_its_metadata():
    article = article_from_text(seed("003"))
    assert article.source == "realita.co"
    assert article.title.startswith("BPJAMSOSTEK Pasuruan Sosialisasikan SE Bupati")
    assert article.editor == "Redaksi" and article.author is None
    assert article.text.startswith("PASURUAN (Realita) - BPJS Ketenagakerjaan Pasuruan")
    assert article.language == "id"


def test_a_date_line_in_the_header_of_a_text_becomes_the_publication_date():
    text = "Judul Berita Tentang Santunan Pekerja Rentan\nSenin, 14 April 2025 10:00 WIB\n\n" + CLEAN_ARTICLE
    article = article_from_text(text)
    assert article.published == "2025-04-14"
    assert article.title == "Judul Berita Tentang Santunan Pekerja Rentan"
    assert article.text == CLEAN_ARTICLE


@pytest.mark.parametrize("closing", [" (ted/kun)", " (jun/han)", " (*)", "(ant)"])
def test_closing_initials_in_brackets_are_cut_on_any_site(closing):
    text = CLEAN_ARTICLE + closing
    assert clean_text(text, None).text == CLEAN_ARTICLE
    assert clean_text(text, "beritajatim.com").text == CLEAN_ARTICLE


def test_brackets_inside_the_text_are_left_alone():
    first, rest = CLEAN_ARTICLE.split("\n", 1)
    text = first + "\nProgram ini berlaku bagi pekerja bukan penerima upah (bpu)\n" + rest
    assert clean_text(text, None).text == text
