"""`extract reprocess`: stored articles get the current extractor's facts."""

import hashlib

import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.facts import EXTRACTOR_VERSION, extract_facts
from extract.ingest.cache import FetchedPage, HtmlCache
from extract.store.db import fact_counts, load_article, open_db, save_article
from extract.pipeline import reprocess

from store_fixtures import make_article

# A page of our own making, in the shape of a regional news article.
PAGE = """<!doctype html><html lang="id"><head><meta charset="utf-8">
<title>Pemkab Contoh teken kerja sama perlindungan pekerja rentan</title></head>
<body><article><h1>Pemkab Contoh teken kerja sama perlindungan pekerja rentan</h1>
<p>Pemerintah Kabupaten Blitar dan BPJS Ketenagakerjaan Cabang Blitar menandatangani perjanjian kerja sama
perlindungan jaminan sosial bagi pekerja rentan di Pendopo Kabupaten Blitar, Senin (14/4/2025).</p>
<p>Bupati Blitar Rijanto mengatakan, kerja sama ini menjamin 5.000 pekerja rentan yang iurannya dibayar dari APBD.
Menurut dia, perlindungan ini penting bagi petani, nelayan dan pedagang kecil yang selama ini belum terlindungi.</p>
<p>Kepala BPJS Ketenagakerjaan Cabang Blitar menyampaikan terima kasih atas dukungan pemerintah daerah
dalam memperluas kepesertaan jaminan sosial ketenagakerjaan di wilayah tersebut.</p>
</article></body></html>"""


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "extract.db"
    db = open_db(path, populate_regions=False)
    save_article(db, *make_article(1))
    save_article(db, *make_article(2, region=("35.72", "Kota Blitar", -8.1, 112.16)))
    db.close()
    return path


def test_reprocess_stores_what_the_current_extractor_finds(db_path):
    report = reprocess(db_path, progress=False)
    assert (report.selected, report.processed, report.failed) == (2, 2, [])
    assert report.version == EXTRACTOR_VERSION
    db = open_db(db_path, populate_regions=False)
    for row in db.table("articles").rows:
        assert row["extractor_version"] == EXTRACTOR_VERSION
        facts = extract_facts(load_article(db, row["id"]))
        counts = fact_counts(db, row["id"])
        assert counts["events"] == len(facts.events)
        assert counts["payouts"] == len(facts.payouts)
        assert counts["mentions"] == len(facts.mentions)
        assert counts["official_mentions"] == sum(max(1, len(o.provenance)) for o in facts.officials)


def test_outdated_only_skips_articles_already_current(db_path):
    assert reprocess(db_path, progress=False).processed == 2
    db = open_db(db_path, populate_regions=False)
    save_article(db, *make_article(3))  # extracted by the older "test-1" version
    db.close()
    report = reprocess(db_path, outdated_only=True, progress=False)
    assert (report.selected, report.processed) == (1, 1)
    assert reprocess(db_path, outdated_only=True, progress=False).selected == 0


def test_reprocess_rereads_the_cached_page(tmp_path):
    url = "https://example-news.test/berita/99/pks-blitar"
    body = PAGE.encode("utf-8")
    sha = hashlib.sha256(body).hexdigest()
    cache_dir = tmp_path / "html-cache"
    HtmlCache(cache_dir).put(FetchedPage(url, url, 200, {}, body, PAGE, "utf-8", "2025-04-14T05:00:00+00:00", sha))
    db_path = tmp_path / "extract.db"
    db = open_db(db_path, populate_regions=False)
    article, facts = make_article(99)
    article.url, article.html_sha256, article.text = url, sha, "Teks lama yang sudah usang."
    aid = save_article(db, article, facts)
    db.close()

    report = reprocess(db_path, cache_dir=cache_dir, progress=False)
    assert (report.processed, report.from_html) == (1, 1)
    db = open_db(db_path, populate_regions=False)
    stored = load_article(db, aid)
    assert "menandatangani perjanjian kerja sama" in stored.text
    assert stored.html_sha256 == sha and stored.url == url
    # The re-extracted events are placed on the timeline by their date, else the re-read article's.
    placed = db.execute("select date, timeline_date from events where article_id = ?", [aid]).fetchall()
    assert placed and all(t == (d if d is not None else stored.published) for d, t in placed)


def test_reprocess_command_reports_a_summary(db_path):
    result = CliRunner().invoke(cli, ["reprocess", "--db", str(db_path), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "2 of 2 articles re-extracted (0 from cached HTML), 0 failed" in result.output


def test_reprocess_command_without_database(tmp_path):
    result = CliRunner().invoke(cli, ["reprocess", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: database not found: {tmp_path / 'none.db'}"


def test_reprocess_over_worker_processes_stores_what_a_serial_reprocess_stores(tmp_path):
    url = "https://example-news.test/berita/99/pks-blitar"
    body = PAGE.encode("utf-8")
    sha = hashlib.sha256(body).hexdigest()
    results = {}
    for how in ("serial", "workers"):
        folder = tmp_path / how
        HtmlCache(folder / "html-cache").put(
            FetchedPage(url, url, 200, {}, body, PAGE, "utf-8", "2025-04-14T05:00:00+00:00", sha)
        )
        db = open_db(folder / "extract.db", populate_regions=False)
        save_article(db, *make_article(1))
        article, facts = make_article(99)
        article.url, article.html_sha256, article.text = url, sha, "Teks lama yang sudah usang."
        save_article(db, article, facts)
        db.close()
        workers = ["--workers", "2"] if how == "workers" else []
        result = CliRunner().invoke(cli, ["reprocess", "--db", str(folder / "extract.db"), "--quiet", *workers])
        assert result.exit_code == 0, result.output
        assert "2 of 2 articles re-extracted (1 from cached HTML), 0 failed" in result.output
        db = open_db(folder / "extract.db", populate_regions=False)
        results[how] = {
            table: db.execute(f"select * from {table} order by rowid").fetchall()
            for table in ("events", "payouts", "mentions", "stories")
        }
        results[how]["texts"] = db.execute("select id, text, extractor_version from articles order by id").fetchall()
        db.close()
    assert results["serial"]["events"], "the page should give events to compare"
    assert results["workers"] == results["serial"]
