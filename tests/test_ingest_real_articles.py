"""Ingestion never drops a real article (issue 15).

The article check reads prose (sentences of running text), not line breaks,
so an article that arrives as one paragraph is kept while a list of
headlines, a tag list or an error page is still refused; an end-of-article
marker ("0 Komentar", "Berita Terkait") above the body is furniture, not the
end. Every text here is written for these tests; the people are fictional.
"""

import json

import pytest
from click.testing import CliRunner
from facts_helpers import write_gold

from extract.cli import cli
from extract.facts.furniture import furniture_spans
from extract.ingest.checks import check_is_article
from extract.ingest.errors import ExtractionError
from extract.ingest.html import extract_article
from extract.ingest.text import article_from_json, article_from_text
from extract.store.db import open_db

# About 1,500 characters of ordinary news prose, as plain text often arrives: no line break at all.
ONE_PARAGRAPH = (
    "KUDUS - BPJS Ketenagakerjaan Cabang Kudus bersama Pemerintah Kabupaten Kudus menyerahkan santunan "
    "jaminan kematian kepada ahli waris tiga pekerja rentan di Pendopo Kabupaten Kudus, Rabu (12/6/2024). "
    "Ketiga pekerja itu adalah seorang buruh tani, seorang pedagang sayur keliling dan seorang tukang parkir "
    "yang iurannya dibayarkan pemerintah daerah sejak awal tahun. Masing-masing ahli waris memperoleh santunan "
    "Rp42 juta yang langsung ditransfer ke rekening keluarga. Kepala BPJS Ketenagakerjaan Cabang Kudus "
    "Wahyu Pratama mengatakan, perlindungan bagi pekerja informal menjadi perhatian bersama karena risiko kerja "
    "bisa datang kapan saja. Menurut dia, hingga akhir Mei tercatat 18.400 pekerja rentan di Kudus yang sudah "
    "terdaftar sebagai peserta, namun jumlah itu baru sekitar sepertiga dari pekerja sektor informal yang ada. "
    "Bupati Kudus dalam sambutannya meminta para kepala desa ikut mendata warga yang bekerja sebagai petani, "
    "nelayan, buruh harian dan pedagang kecil agar bisa didaftarkan tahun depan. Pemerintah kabupaten, kata dia, "
    "sudah menyiapkan anggaran tambahan untuk iuran sekitar lima ribu peserta baru pada perubahan anggaran. "
    "Salah satu ahli waris, istri almarhum buruh tani dari Kecamatan Jekulo, mengaku tidak menyangka suaminya "
    "sudah terdaftar sebagai peserta. Ia berencana memakai santunan itu untuk biaya sekolah kedua anaknya. "
    "Penyerahan santunan ditutup dengan sosialisasi program jaminan sosial kepada perwakilan paguyuban "
    "pedagang pasar dan kelompok tani se-Kabupaten Kudus."
)

HEADLINES = "\n".join(
    f"{topic} di Kabupaten {place} Jadi Perhatian Warga"
    for topic in ("Banjir Rob", "Harga Cabai", "Jalan Rusak", "Pasar Murah", "Festival Budaya", "Vaksinasi Ternak")
    for place in ("Kudus", "Pati", "Jepara", "Rembang", "Demak")
)

TAG_LIST = "Tags: BPJS Ketenagakerjaan, santunan, Kudus, pekerja rentan, jaminan sosial\n" + "\n".join(
    f"#{word}" for word in ("bpjs", "kudus", "santunan", "pekerjarentan", "jkm", "jaminansosial") * 5
)

ERROR_PAGE = (
    "404\nHalaman tidak ditemukan\nMaaf, halaman yang Anda cari tidak tersedia atau sudah dipindahkan.\n"
    "Kembali ke Beranda\nBerita Terbaru\nIndeks Berita\nKontak Redaksi\nPedoman Media Siber\nTentang Kami"
)

# A headline, a date and a comment counter above a body that opens without a dateline.
COMMENT_COUNTER_ON_TOP = (
    "Baznas Salurkan Bantuan Modal Usaha untuk Pedagang Kecil\n"
    "Kamis, 13 Juni 2024 09:15 WIB\n"
    "0 Komentar\n"
    "Badan Amil Zakat Nasional (Baznas) Kabupaten Kudus menyalurkan bantuan modal usaha kepada 120 pedagang "
    "kecil di halaman kantor Baznas, Kamis (13/6/2024).\n"
    "Setiap pedagang menerima bantuan sebesar Rp1,5 juta yang diharapkan dapat menambah barang dagangan.\n"
    "Ketua Baznas Kabupaten Kudus Ahmad Fauzi mengatakan, penerima bantuan dipilih dari usulan pemerintah "
    "desa dan sudah diverifikasi petugas di lapangan selama dua pekan terakhir.\n"
    "Ia berharap bantuan ini membantu para pedagang bangkit setelah sepi pembeli beberapa bulan terakhir."
)

# The whole article in its first paragraph, then the site's tag, category and related-list furniture.
BODY_THEN_FURNITURE = (
    ONE_PARAGRAPH + "\n"
    "Santunan Jaminan Kematian Diserahkan di Pendopo Kudus\n"
    "Rabu 12-06-2024,14:05 WIB\n"
    "Reporter : Dimas Saputra\n"
    "Editor : Dimas Saputra\n"
    "Tags :\n"
    "Kategori :\n"
    "Terkait\n"
    "Harga Gabah di Tingkat Petani Kudus Naik Lagi\n"
    "Rabu 12-06-2024,10:11 WIB\n"
    "Jalan Desa di Jekulo Mulai Diperbaiki\n"
    "Terpopuler\n"
    "Pasar Kliwon Kudus Ramai Jelang Iduladha"
)


def test_a_one_paragraph_article_is_an_article():
    check_is_article(ONE_PARAGRAPH)
    article = article_from_text(ONE_PARAGRAPH)
    assert article.text == ONE_PARAGRAPH


@pytest.mark.parametrize("closing", [" (ist)", " (Foto: Humas Pemkab Kudus)"])
def test_a_one_paragraph_article_closed_by_a_photo_credit_is_not_taken_for_a_caption(closing):
    article = article_from_text(ONE_PARAGRAPH + closing)
    assert article.text.startswith(ONE_PARAGRAPH)
    assert article.captions == []


@pytest.mark.parametrize("text", [HEADLINES, TAG_LIST, ERROR_PAGE], ids=["30 headlines", "tag list", "error page"])
def test_lists_and_error_pages_are_not_articles(text):
    with pytest.raises(ExtractionError) as error:
        article_from_text(text)
    assert "no article found" in error.value.reason


def test_a_list_of_30_headlines_is_long_enough_to_need_the_prose_rule():
    assert len(HEADLINES.splitlines()) == 30 and len(HEADLINES) > 1000


def test_a_comment_counter_under_the_headline_is_dropped_not_the_end():
    article = article_from_text(COMMENT_COUNTER_ON_TOP)
    assert "0 Komentar" not in article.text
    assert "bangkit setelah sepi pembeli" in article.text  # the last sentence survives
    assert article.text.count("\n") >= 3


def test_a_related_news_heading_above_the_body_is_dropped_not_the_end():
    text = COMMENT_COUNTER_ON_TOP.replace("0 Komentar", "Berita Terkait")
    article = article_from_text(text)
    assert "Berita Terkait" not in article.text
    assert "bangkit setelah sepi pembeli" in article.text


def test_the_page_tail_after_the_body_is_still_cut():
    article = article_from_text(COMMENT_COUNTER_ON_TOP + "\nKomentar\nBelum ada komentar untuk berita ini.")
    assert article.text.endswith("beberapa bulan terakhir.")


def test_a_comment_counter_at_the_top_of_a_page_is_not_the_end():
    page = (
        "<html lang='id'><head><title>Baznas Salurkan Bantuan Modal Usaha</title></head><body><article>"
        "<h1>Baznas Salurkan Bantuan Modal Usaha untuk Pedagang Kecil</h1>"
        + "".join(f"<p>{line}</p>" for line in COMMENT_COUNTER_ON_TOP.splitlines()[1:])
        + "</article></body></html>"
    )
    article = extract_article(page, "https://kabar-contoh.test/baznas-modal-usaha")
    assert "0 Komentar" not in article.text
    assert "bangkit setelah sepi pembeli" in article.text


def test_an_article_followed_by_tag_and_related_furniture_keeps_its_body_only():
    article = article_from_text(BODY_THEN_FURNITURE)
    assert article.text == ONE_PARAGRAPH


def test_facts_read_raw_text_past_a_comment_counter_on_top():
    spans = furniture_spans(COMMENT_COUNTER_ON_TOP)
    last = COMMENT_COUNTER_ON_TOP.index("Ia berharap")
    counter = COMMENT_COUNTER_ON_TOP.index("0 Komentar")
    assert any(start <= counter < end for start, end in spans)
    assert not any(start <= last < end for start, end in spans)


def test_photo_captions_in_plain_text_are_kept_as_captions():
    text = (
        "Pj Bupati Kudus Hasan Basri (kanan) menyerahkan santunan kepada ahli waris pekerja di Pendopo Kabupaten Kudus.\n"
        + ONE_PARAGRAPH
        + "\nSuasana sosialisasi program di Pendopo Kabupaten Kudus. (Foto: Humas Pemkab Kudus)"
    )
    article = article_from_json({"text": text, "url": "https://kabar-contoh.test/santunan-kudus"})
    assert article.text == ONE_PARAGRAPH
    assert article.captions == [
        "Pj Bupati Kudus Hasan Basri (kanan) menyerahkan santunan kepada ahli waris pekerja di Pendopo Kabupaten Kudus.",
        "Suasana sosialisasi program di Pendopo Kabupaten Kudus.",
    ]


def test_run_stores_every_real_shaped_article_given_as_json(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    tail = BODY_THEN_FURNITURE.replace("Kudus", "Pati").replace("KUDUS", "PATI")  # another story, not a duplicate
    for name, text in {"one": ONE_PARAGRAPH, "counter": COMMENT_COUNTER_ON_TOP, "tail": tail}.items():
        (folder / f"{name}.json").write_text(json.dumps({"text": text, "published": "2024-06-13"}), encoding="utf-8")
    db_path = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["run", str(folder), "--db", str(db_path), "--no-facts", "--quiet"])
    assert result.exit_code == 0, result.output
    assert open_db(db_path)["articles"].count == 3


def test_eval_scores_what_run_would_store_and_lists_dropped_articles(tmp_path):
    gold = tmp_path / "gold"
    write_gold(
        gold,
        "news-001",
        ONE_PARAGRAPH.replace(" dan seorang tukang parkir", "") + "\nBaca juga: Harga Cabai Turun di Pasar Kudus",
    )
    write_gold(gold, "list-001", HEADLINES, event_dates=["2024-06-12"])
    runner = CliRunner()

    as_json = runner.invoke(cli, ["eval", str(gold), "--json", "--show-errors"])
    assert as_json.exit_code == 0, as_json.output
    report = json.loads(as_json.output)
    ingestion = report["ingestion"]
    assert ingestion["dropped"] == 1
    assert list(ingestion["dropped_articles"]) == ["list-001"]
    assert ingestion["cut_per_article"] == {"news-001": len("\nBaca juga: Harga Cabai Turun di Pasar Kudus")}
    # the dropped article's facts are all missed
    assert {"article": "list-001", "list": "event_dates", "kind": "fn", "item": "2024-06-12"} in report["errors"]

    text = runner.invoke(cli, ["eval", str(gold), "--group-by", "prefix"])
    assert "dropped by ingestion: list-001: no article found" in text.output
    assert "ingestion: 2 articles, 1 dropped" in text.output.split("== all ==")[1]
    assert "ingestion: 1 articles, 0 dropped" in text.output.split("== news ==")[1]

    as_is = json.loads(runner.invoke(cli, ["eval", str(gold), "--json", "--text-as-is"]).output)
    assert "ingestion" not in as_is
