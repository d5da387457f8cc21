"""The topic check `extract crawl` runs before the NLP: words and weights from a data file."""

import json
from pathlib import Path

import pytest

from extract.crawl.topic import TopicError, load_topic
from extract.model import Article

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def article(title: str, text: str) -> Article:
    return Article(url=None, source=None, title=title, published=None, author=None, editor=None, text=text)


def test_an_article_about_a_benefit_payout_is_on_the_topic():
    topic = load_topic()
    text = (
        "MADIUN - BPJS Ketenagakerjaan menyerahkan santunan jaminan kematian kepada ahli waris seorang "
        "pekerja rentan yang terdaftar sebagai peserta bukan penerima upah."
    )
    assert topic(article("Santunan untuk Ahli Waris Petani", text)) is None


def test_football_and_health_insurance_are_off_the_topic_with_the_reason():
    topic = load_topic()
    football = article(
        "Tim Tuan Rumah Menang Dua Gol",
        "Pemain dan pelatih merayakan kemenangan di depan suporter yang memadati stadion.",
    )
    assert topic(football) == "off-topic (score 0 < 8: no topic words)"
    # another agency: health insurance counts against, even with a signing
    health = article(
        "Pemkot Teken MoU dengan BPJS Kesehatan",
        "Pemerintah kota menandatangani nota kesepahaman dengan BPJS Kesehatan agar seluruh warga menjadi peserta jaminan kesehatan.",
    )
    reason = topic(health)
    assert reason is not None and reason.startswith("off-topic (score")


def test_words_count_once_whole_words_only_and_more_in_the_title():
    topic = load_topic()
    once = topic.score(None, "pekerja pekerja pekerja")
    assert once.value == 1
    assert topic.score(None, "Jamsosteknya").value == 0  # not a whole word
    assert topic.score("Pekerja", "").value == 2  # title_factor 2


def test_every_annotated_article_of_the_corpus_is_on_the_topic():
    topic = load_topic()
    files = sorted((CORPUS / "gold").glob("*.json")) + sorted((CORPUS / "heldout").glob("*.json"))
    assert len(files) > 70
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert topic(article(data.get("title"), data["text"])) is None, path.name


def test_a_users_topic_file_replaces_the_default(tmp_path):
    custom = tmp_path / "banjir.yaml"
    custom.write_text(
        "name: floods\nmin_score: 2\nterms:\n  - {term: banjir, weight: 2}\n  - 'air\\s+sungai'\n", encoding="utf-8"
    )
    topic = load_topic(custom)
    assert topic.name == "floods"
    assert topic(article("Banjir Rendam Desa", "Air sungai meluap.")) is None
    assert topic(article("BPJS Ketenagakerjaan", "Santunan jaminan kematian.")) is not None


@pytest.mark.parametrize(
    "content, message",
    [
        ("terms: []\n", "needs a list of `terms`"),
        ("terms:\n  - {term: '(unclosed', weight: 1}\n", "not a valid pattern"),
        ("terms:\n  - {term: banjir, weight: heavy}\n", "must be a number"),
        ("terms: [banjir\n", "not valid YAML"),
    ],
)
def test_a_bad_topic_file_is_one_clear_error(tmp_path, content, message):
    path = tmp_path / "topic.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TopicError, match=message):
        load_topic(path)
    with pytest.raises(TopicError, match="cannot read"):
        load_topic(tmp_path / "missing.yaml")


CORPUS_PAGES = sorted((CORPUS / "html").glob("*.html"))


def test_the_page_screen_never_leaves_out_a_page_whose_article_is_on_the_topic():
    from extract.ingest.html import extract_article

    topic = load_topic()
    assert CORPUS_PAGES
    for page in CORPUS_PAGES:
        html = page.read_text(encoding="utf-8")
        assert topic(extract_article(html, None)) is None, page.name
        assert topic.screen_page(html) is None, page.name


def test_the_page_screen_reads_words_split_by_markup_or_written_as_references():
    topic = load_topic()
    split = (
        "<html><body><p>BPJS <b>Ketenagakerjaan</b> menyerahkan santunan jaminan kematian kepada ahli waris "
        "pekerja rentan.</p></body></html>"
    )
    assert topic.screen_page(split) is None
    referenced = split.replace("BPJS", "&#66;PJS").replace("Ketenagakerjaan", "Ketenaga&#107;erjaan")
    assert topic.screen_page(referenced) is None


def test_the_page_screen_leaves_out_a_page_without_the_topics_words():
    topic = load_topic()
    page = "<html><head><title>Banjir di Desa</title></head><body><p>Air sungai meluap dan merendam rumah warga.</p></body></html>"
    assert topic.screen_page(page) == "off-topic (the page's words score at most 0 < 8)"
