"""`extract run` end to end: corpus pages served over HTTP, bad input, the database, JSON lines."""

import io
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from http_fixtures import news_server, refused_url  # noqa: F401  (fixtures)

from extract.cli import cli
from extract.ingest.fetch import FetchPolicy
from extract.pipeline import run_sources
from extract.store.db import open_db

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "html"
PAGES = sorted(CORPUS.glob("*.html"))
FAST = ["--delay", "0", "--timeout", "1", "--retries", "0", "--no-facts", "--max-bytes", "1000000"]


def expected(page: Path) -> dict:
    return yaml.safe_load((CORPUS / "expected" / f"{page.stem}.yaml").read_text(encoding="utf-8"))


def run(*args, stdin: str | None = None):
    return CliRunner().invoke(cli, ["run", *args], input=stdin)


def articles(db_path) -> list[dict]:
    db = open_db(db_path)
    try:
        return list(db["articles"].rows)
    finally:
        db.close()


def test_every_corpus_page_served_over_http_is_stored_clean(news_server, tmp_path):
    db_path = tmp_path / "extract.db"
    urls = [news_server.url(f"/news/{page.name}") for page in PAGES]
    result = run(*urls, "--db", str(db_path), *FAST)
    assert result.exit_code == 0, result.output
    assert f"{len(PAGES)} stored, 0 failed" in result.stderr
    rows = {row["url"]: row for row in articles(db_path)}
    assert len(rows) == len(PAGES)
    for page, url in zip(PAGES, urls):
        want = expected(page)
        row = rows[want["url"]]  # stored under the page's canonical URL
        for field in ("source", "title", "published", "author", "editor"):
            assert row[field] == want[field], (page.name, field)
        assert row["final_url"] == url
        assert row["html_sha256"] and row["fetched_at"] and row["language"] == "id"
        assert row["text"].split("\n") == want["body"], page.name
        for furniture in want["must_not_contain"]:
            assert furniture not in row["text"], (page.name, furniture)


def test_json_lines_on_stdout_one_per_article(news_server, tmp_path):
    pages = [news_server.url("/news/realita-gresik-pekerja-rentan.html"), str(PAGES[0])]
    result = run(*pages, "--db", str(tmp_path / "x.db"), "--json", *FAST)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    for obj in lines:
        assert {"id", "url", "source", "title", "published", "author", "editor", "text"} <= obj.keys()
    assert lines[0]["published"] == "2023-01-26" and lines[0]["editor"] == "Redaksi"


BAD_INPUTS = [
    ("/status/404", "HTTP 404 Not Found"),
    ("/status/500", "HTTP 500 Internal Server Error"),
    ("/slow-headers", "timed out after 1 s"),
    ("/trickle", "timed out after 1 s"),
    ("/huge", "page larger than the 1,000,000-byte limit"),
    ("/empty", "empty response body"),
    ("/pdf", "not an HTML page (Content-Type application/pdf)"),
    ("/pdf-as-html", "not an HTML page (a PDF document)"),
    ("/image.png", "not an HTML page (Content-Type image/png)"),
    ("/plain.txt", "not an HTML page (Content-Type text/plain)"),
    ("/plain-as-html", "not an HTML page (no HTML markup in the body)"),
    ("/private/realita-gresik-pekerja-rentan.html", "disallowed by the site's robots.txt"),
    ("/loop/a", "redirect loop: /loop/a -> /loop/b -> /loop/a"),
    ("/index", "no article found"),
    ("/english", "the article is not in Indonesian (looks like 'en')"),
]


@pytest.mark.parametrize("path, reason", BAD_INPUTS, ids=[p for p, _ in BAD_INPUTS])
def test_bad_input_is_one_clear_line_and_a_failing_exit(news_server, tmp_path, path, reason):
    url = news_server.url(path)
    result = run(url, "--db", str(tmp_path / "x.db"), *FAST)
    assert result.exit_code == 1
    failure_lines = [line for line in result.stderr.splitlines() if line.startswith(url + ": ")]
    assert len(failure_lines) == 1 and reason in failure_lines[0]
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[-1] == "0 stored, 1 failed"


def test_connection_refused_is_reported(refused_url, tmp_path):
    result = run(refused_url, "--db", str(tmp_path / "x.db"), *FAST)
    assert result.exit_code == 1
    assert f"{refused_url}: connection refused" in result.stderr.splitlines()


@pytest.mark.parametrize("path", ["/cp1252/wrong-charset", "/cp1252/no-charset"])
def test_mis_declared_charset_still_gives_the_right_text(news_server, tmp_path, path):
    result = run(news_server.url(path), "--db", str(tmp_path / "x.db"), "--json", *FAST)
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)
    assert "ahli waris André Setiawan" in article["text"]
    assert "“Kami berharap santunan ini" in article["text"]


def test_malformed_html_still_gives_the_article(news_server, tmp_path):
    result = run(news_server.url("/malformed"), "--db", str(tmp_path / "x.db"), "--json", *FAST)
    assert result.exit_code == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["title"].startswith("Pemkab Ngawi")
    assert article["text"].startswith("NGAWI - Pemerintah Kabupaten Ngawi mendaftarkan 3.000 pekerja rentan")
    assert "berpihak kepada pekerja kecil." in article["text"]
    assert "Baca Juga" not in article["text"] and "Pasar Murah" not in article["text"]


def test_a_batch_with_failures_stores_the_rest_and_names_each_failure(news_server, tmp_path):
    db_path = tmp_path / "x.db"
    good = [
        news_server.url("/news/jatimtimes-blitar-monev.html"),
        news_server.url("/news/antara-surabaya-pekerja-rentan.html"),
    ]
    bad = [news_server.url("/status/404"), news_server.url("/english")]
    result = run(good[0], bad[0], good[1], bad[1], "--db", str(db_path), *FAST)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "2 stored, 2 failed"
    assert f"{bad[0]}: HTTP 404 Not Found" in lines
    assert any(line.startswith(f"{bad[1]}: the article is not in Indonesian") for line in lines)
    assert {row["final_url"] for row in articles(db_path)} == set(good)


def test_failures_never_lose_what_was_stored_before(news_server, tmp_path):
    db_path = tmp_path / "x.db"
    assert (
        run(news_server.url("/news/realita-pasuruan-pekerja-rentan.html"), "--db", str(db_path), *FAST).exit_code == 0
    )
    result = run(news_server.url("/status/500"), news_server.url("/index"), "--db", str(db_path), *FAST)
    assert result.exit_code == 1 and result.stderr.splitlines()[-1] == "0 stored, 2 failed"
    assert [row["source"] for row in articles(db_path)] == ["realita.co"]


def test_the_same_url_twice_is_one_article(news_server, tmp_path):
    db_path = tmp_path / "x.db"
    url = news_server.url("/news/timesindonesia-malang-santunan.html")
    result = run(
        url,
        url,
        news_server.url("/moved"),
        news_server.url("/news/realita-gresik-pekerja-rentan.html"),
        "--db",
        str(db_path),
        *FAST,
    )
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == "2 stored, 0 failed, 2 duplicates skipped"
    assert len(articles(db_path)) == 2


def test_running_again_uses_the_cache_and_keeps_one_row_per_article(news_server, tmp_path):
    db_path = tmp_path / "x.db"
    path = "/news/jatimtimes-trenggalek-kerja-sama.html"
    assert run(news_server.url(path), "--db", str(db_path), *FAST).exit_code == 0
    hits = news_server.count(path)
    assert run(news_server.url(path), "--db", str(db_path), *FAST).exit_code == 0
    assert news_server.count(path) == hits
    assert len(articles(db_path)) == 1
    assert list((tmp_path / "html-cache").rglob("*.html.gz"))  # beside the db by default
    assert run(news_server.url(path), "--db", str(db_path), "--refetch", *FAST).exit_code == 0
    assert news_server.count(path) == hits + 1


def test_ignore_robots_overrides_a_disallow(news_server, tmp_path):
    url = news_server.url("/private/realita-gresik-pekerja-rentan.html")
    assert run(url, "--db", str(tmp_path / "x.db"), "--ignore-robots", *FAST).exit_code == 0


def test_sources_from_stdin_and_from_a_file_of_urls(news_server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# BPJS news\n{news_server.url('/news/beritajatim-blitar-santunan.html')}\n\n")
    stdin = f"{news_server.url('/news/realita-gresik-pekerja-rentan.html')}\n{PAGES[0]}\n"
    result = run(str(listing), "-", "--db", str(tmp_path / "x.db"), *FAST, stdin=stdin)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[-1] == "3 stored, 0 failed"


def test_a_directory_of_pages_needs_no_urls(tmp_path):
    db_path = tmp_path / "x.db"
    result = run(str(CORPUS), "--db", str(db_path), *FAST)
    assert result.exit_code == 0, result.output
    assert {row["url"] for row in articles(db_path)} == {expected(page)["url"] for page in PAGES}


def test_an_html_file_with_its_url(tmp_path):
    page = tmp_path / "saved.html"
    html = (CORPUS / "realita-gresik-pekerja-rentan.html").read_text(encoding="utf-8")
    page.write_text(
        html.replace('rel="canonical"', 'rel="x"').replace('property="og:url"', 'property="x"'), encoding="utf-8"
    )
    result = run(
        str(page), "--url", "https://realita.co/baca-1-gresik", "--db", str(tmp_path / "x.db"), "--json", *FAST
    )
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["url"] == "https://realita.co/baca-1-gresik" and article["source"] == "realita.co"


def test_a_plain_text_file(tmp_path):
    seed = Path(__file__).resolve().parent.parent / "corpus" / "seeds"
    result = run(str(next(seed.glob("002_*.txt"))), "--db", str(tmp_path / "x.db"), "--json", *FAST)
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["source"] == "jatimtimes.com" and article["author"] == "Aunur Rofiq" and article["url"] is None
    assert article["text"].startswith("JATIMTIMES BPJS Ketenagakerjaan Blitar")


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["a.html", "b.html", "--url", "https://realita.co/x"],
        ["https://realita.co/x", "--url", "https://realita.co/y"],
        ["a.html", "--url", "not-a-url"],
        [str(CORPUS), "--url", "https://realita.co/x"],
        ["a.html", "--timeout", "0"],
        ["a.html", "--retries", "-1"],
    ],
)
def test_usage_errors_exit_2(args, tmp_path):
    result = run(*args, "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_missing_file_fails_that_source_only(tmp_path):
    result = run(str(tmp_path / "missing.html"), str(PAGES[0]), "--db", str(tmp_path / "x.db"), *FAST)
    assert result.exit_code == 1
    assert f"{tmp_path / 'missing.html'}: no such file, and not an http(s) URL" in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1] == "1 stored, 1 failed"


def test_an_unusable_database_is_one_line(tmp_path):
    (tmp_path / "notes.db").write_text("not a database, just notes " * 100)
    result = run(str(PAGES[0]), "--db", str(tmp_path / "notes.db"), *FAST)
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.stderr.strip().startswith("Error: cannot use the database")


def test_the_python_api_reports_each_source(news_server, tmp_path):
    out = io.StringIO()
    report = run_sources(
        [news_server.url("/news/beritajatim-blitar-santunan.html"), news_server.url("/status/404")],
        tmp_path / "x.db",
        json_out=out,
        policy=FetchPolicy(timeout=1, retries=0, delay=0),
        facts=False,
    )
    assert [o.status for o in report.outcomes] == ["stored", "failed"]
    assert report.exit_code == 1 and report.summary() == "1 stored, 1 failed"
    assert json.loads(out.getvalue())["id"] == report.stored[0].article_id


def test_a_fetched_page_is_found_in_the_cache_under_its_canonical_url(news_server, tmp_path):
    from extract.ingest.cache import HtmlCache

    db_path = tmp_path / "x.db"
    assert run(news_server.url("/news/antara-surabaya-pekerja-rentan.html"), "--db", str(db_path), *FAST).exit_code == 0
    (row,) = articles(db_path)
    assert row["url"].startswith("https://jatim.antaranews.com/")
    cached = HtmlCache(tmp_path / "html-cache").get(row["url"])  # where re-extraction looks
    assert cached is not None and cached.sha256 == row["html_sha256"]


def test_json_lines_carry_the_facts_in_the_gold_shape(tmp_path):
    from extract.model import GOLD_LISTS

    page = CORPUS / "realita-gresik-pekerja-rentan.html"
    result = run(str(page), "--db", str(tmp_path / "x.db"), "--json", "--quiet")
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert set(article["facts"]) == set(GOLD_LISTS)
    assert "Kabupaten Gresik" in article["facts"]["regions"]
