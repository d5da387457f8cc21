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
    text = ("MADIUN - BPJS Ketenagakerjaan menyerahkan santunan jaminan kematian kepada ahli waris seorang "
            "pekerja rentan yang terdaftar sebagai peserta bukan penerima upah.")
    assert topic(article("Santunan untuk Ahli Waris Petani", text)) is None


def test_football_and_health_insurance_are_off_the_topic_with_the_reason():
    topic = load_topic()
    football = article("Tim Tuan Rumah Menang Dua Gol", "Pemain dan pelatih merayakan kemenangan di depan suporter yang memadati stadion.")
    assert topic(football) == "off-topic (score 0 < 8: no topic words)"
    # another agency: health insurance counts against, even with a signing
    health = article("Pemkot Teken MoU dengan BPJS Kesehatan",
                     "Pemerintah kota menandatangani nota kesepahaman dengan BPJS Kesehatan agar seluruh warga menjadi peserta jaminan kesehatan.")
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
    custom.write_text("name: floods\nmin_score: 2\nterms:\n  - {term: banjir, weight: 2}\n  - 'air\\s+sungai'\n", encoding="utf-8")
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
