"""HTML page in, clean article out: every corpus page against its expectations."""

from pathlib import Path

import pytest
import yaml

from extract.ingest.errors import ExtractionError
from extract.ingest.html import extract_article, wrap_loose_text
from trafilatura.utils import load_html

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "html"
PAGES = sorted(CORPUS.glob("*.html"))


def expected(page: Path) -> dict:
    return yaml.safe_load((CORPUS / "expected" / f"{page.stem}.yaml").read_text(encoding="utf-8"))


def test_the_corpus_has_pages_of_five_outlets():
    sources = " ".join(expected(page)["source"] for page in PAGES)
    for outlet in ("jatimtimes", "realita", "timesindonesia", "antaranews", "beritajatim"):
        assert outlet in sources
    assert len(PAGES) >= 8


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_corpus_page_gives_its_article(page):
    want = expected(page)
    article = extract_article(page.read_text(encoding="utf-8"), None)
    for field in ("url", "source", "title", "published", "author", "editor"):
        assert getattr(article, field) == want[field], field
    # every body paragraph, in order, and nothing else
    assert article.text.split("\n") == want["body"]
    # photo captions apart from the text, without their credit
    assert article.captions == want.get("captions", [])
    for furniture in want["must_not_contain"]:
        assert furniture not in article.text
    assert article.language == "id"


def test_the_url_a_page_was_fetched_from_is_used_when_it_declares_none():
    page = (CORPUS / "realita-gresik-pekerja-rentan.html").read_text(encoding="utf-8")
    page = page.replace('<link rel="canonical"', '<link rel="alternate"').replace(
        'property="og:url"', 'property="og:x"'
    )
    article = extract_article(page, "https://www.realita.co/baca-1-gresik")
    assert article.url == "https://www.realita.co/baca-1-gresik"
    assert article.source == "realita.co"


def test_without_any_url_the_site_comes_from_the_dateline():
    page = (CORPUS / "realita-gresik-pekerja-rentan.html").read_text(encoding="utf-8")
    page = page.replace('<link rel="canonical"', '<link rel="alternate"').replace(
        'property="og:url"', 'property="og:x"'
    )
    article = extract_article(page, None)
    assert article.url is None
    assert article.source == "realita.co"
    assert article.text.endswith("pungkas Imam.")


def test_paragraph_after_a_block_in_br_separated_text_is_kept():
    tree = load_html("<html><body><div>Satu.<br><br><p>Baca juga: x</p>Dua kalimat.<br><br>Tiga.</div></body></html>")
    wrap_loose_text(tree)
    assert "Dua kalimat." in [p.text for p in tree.iter("p")]


def test_a_bare_template_title_suffix_is_removed():
    page = (CORPUS / "beritajatim-blitar-santunan.html").read_text(encoding="utf-8")
    assert " - beritajatim.com" in page  # og:title carries it
    assert extract_article(page, None).title == "BPJS Ketenagakerjaan Santuni Ahli Waris Petugas Kebersihan Kota Blitar"


@pytest.mark.parametrize(
    "html, reason",
    [
        ("", "empty"),
        ("<html><body><nav><a href='/a'>Beranda</a> <a href='/b'>Berita</a></nav></body></html>", "no article"),
    ],
)
def test_pages_without_an_article_are_refused(html, reason):
    with pytest.raises(ExtractionError) as error:
        extract_article(html, "https://example.co.id/")
    assert reason in error.value.reason


# Written for these tests: a page with no dateline, no structured date and
# the date shown only the Indonesian way.
NO_DATELINE_PAGE = """<!DOCTYPE html><html lang="id"><head><title>Petani Tembakau Terlindungi Jaminan Sosial</title></head>
<body><div class="artikel"><h1>Petani Tembakau Terlindungi Jaminan Sosial</h1>
<div class="info"><span class="tanggal">Senin, 14 April 2025 10:00 WIB</span></div>
<p>Sebanyak 1.250 petani tembakau di Kabupaten Bojonegoro kini terdaftar sebagai peserta BPJS Ketenagakerjaan melalui dana bagi hasil cukai.</p>
<p>Kepala dinas setempat mengatakan iuran para petani dibayarkan selama enam bulan ke depan dan akan dievaluasi pada akhir tahun.</p>
<p>Para petani diharapkan tidak lagi khawatir ketika mengalami kecelakaan saat bekerja di ladang maupun di gudang pengeringan.</p>
</div></body></html>"""


def test_a_date_shown_only_in_indonesian_is_the_publication_date():
    article = extract_article(NO_DATELINE_PAGE, "https://kabar.example.id/berita/petani-tembakau")
    assert article.published == "2025-04-14"


def test_the_headline_is_not_repeated_as_the_first_line_of_the_text():
    article = extract_article(NO_DATELINE_PAGE, "https://kabar.example.id/berita/petani-tembakau")
    assert article.title == "Petani Tembakau Terlindungi Jaminan Sosial"
    assert article.text.startswith("Sebanyak 1.250 petani tembakau")
    assert "Senin, 14 April 2025" not in article.text
