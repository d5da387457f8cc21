"""`extract crawl` against a fake news site on 127.0.0.1: what is found, fetched, kept, and never asked for."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from crawl_site import fake_site  # noqa: F401  (fixture)

from extract.cli import cli
from extract.crawl import CrawlOptions, crawl, load_topic
from extract.ingest.fetch import FetchPolicy
from extract.store.db import open_db

FAST = FetchPolicy(delay=0, timeout=5, retries=0)


def options(**changes) -> CrawlOptions:
    return CrawlOptions(**{"topic": load_topic(), "policy": FAST, **changes})


def rows(db_path, sql: str, params=()) -> list[tuple]:
    db = open_db(db_path)
    try:
        return db.execute(sql, params).fetchall()
    finally:
        db.close()


def test_first_crawl_finds_every_article_once_and_keeps_those_on_the_topic(fake_site, tmp_path):
    db_path = tmp_path / "extract.db"
    report = crawl([fake_site.url("/")], db_path, options())
    site = report.sites[0]
    on_topic = fake_site.on_topic()
    # eleven public articles and one under /private/, across two sitemaps of an
    # index (one gzipped), a Google News sitemap, a broken one, RSS and Atom
    assert (site.found, site.new, site.fetched) == (12, 11, 11)
    assert (site.stored, site.off_topic, site.failed, site.disallowed) == (len(on_topic), 11 - len(on_topic), 0, 1)
    assert len(on_topic) == 3
    failing = dict(site.document_failures)
    assert "404" in failing[fake_site.url("/feed-lama.xml")]
    assert "malformed sitemap" in failing[fake_site.url("/sitemap-broken.xml")]
    assert report.exit_code == 1  # a feed and a sitemap failed; the crawl went on
    # each article was asked for once, without its utm_ copy; /private/ never
    requests = fake_site.article_requests()
    assert sorted(requests) == sorted(a.path for a in fake_site.articles)
    assert set(requests.values()) == {1}
    assert fake_site.hits(fake_site.private.path) == 0
    assert not any("utm_" in path for path in fake_site.requests if path.startswith("/berita/"))
    # stored: the on-topic articles, with facts; everything seen is recorded
    stored = rows(db_path, "select title from articles order by title")
    assert [r[0] for r in stored] == sorted(a.title for a in on_topic)
    assert rows(db_path, "select count(*) from events")[0][0] >= len(on_topic)
    statuses = dict(rows(db_path, "select status, count(*) from crawl_urls group by status"))
    assert statuses == {"stored": 3, "off-topic": 8, "disallowed": 1}
    reasons = [r[0] for r in rows(db_path, "select reason from crawl_urls where status = 'off-topic'")]
    assert all(reason.startswith("off-topic (") for reason in reasons)
    run = rows(db_path, "select site, status, found, new, fetched, stored, off_topic, failed from crawl_runs")
    assert run == [(fake_site.base.removeprefix("http://"), "done", 12, 11, 11, 3, 8, 2)]  # 2: the feed and the sitemap


def test_second_crawl_fetches_nothing_and_a_third_picks_up_a_new_article(fake_site, tmp_path):
    db_path = tmp_path / "extract.db"
    crawl([fake_site.url("/")], db_path, options())
    before = sum(fake_site.article_requests().values())

    second = crawl([fake_site.url("/")], db_path, options()).sites[0]
    assert (second.found, second.new, second.fetched, second.stored) == (12, 0, 0, 0)
    assert sum(fake_site.article_requests().values()) == before

    new = fake_site.add_article()
    third = crawl([fake_site.url("/")], db_path, options()).sites[0]
    assert (third.found, third.new, third.fetched, third.stored) == (13, 1, 1, 1)
    assert fake_site.hits(new.path) == 1
    assert rows(db_path, "select count(*) from articles where title = ?", [new.title])[0][0] == 1
    assert rows(db_path, "select count(*) from crawl_runs")[0][0] == 3
    assert fake_site.hits(fake_site.private.path) == 0


def test_all_keeps_off_topic_articles_too(fake_site, tmp_path):
    db_path = tmp_path / "extract.db"
    site = crawl([fake_site.url("/")], db_path, options(topic=None)).sites[0]
    assert (site.stored, site.off_topic) == (11, 0)
    assert rows(db_path, "select count(*) from articles")[0][0] == 11


def test_since_leaves_out_entries_dated_before_it(fake_site, tmp_path):
    db_path = tmp_path / "extract.db"
    since = fake_site.articles[4].published  # the five newest articles are on or after it
    site = crawl([fake_site.url("/")], db_path, options(since=since)).sites[0]
    fetched = set(fake_site.article_requests())
    assert fetched == {a.path for a in fake_site.articles[:5]}
    assert site.fetched == 5 and site.older > 0
    # the older ones were not recorded: a crawl without --since still gets them
    later = crawl([fake_site.url("/")], db_path, options()).sites[0]
    assert later.fetched == 6


def test_max_articles_takes_the_newest_and_leaves_the_rest_for_the_next_crawl(fake_site, tmp_path):
    db_path = tmp_path / "extract.db"
    first = crawl([fake_site.url("/")], db_path, options(max_articles=3)).sites[0]
    assert (first.new, first.fetched, first.deferred) == (11, 3, 8)
    assert set(fake_site.article_requests()) == {a.path for a in fake_site.articles[:3]}
    second = crawl([fake_site.url("/")], db_path, options(max_articles=3)).sites[0]
    assert (second.new, second.fetched) == (8, 3)
    assert set(fake_site.article_requests()) == {a.path for a in fake_site.articles[:6]}
    assert set(fake_site.article_requests().values()) == {1}


def test_an_interrupted_crawl_resumes_without_fetching_or_storing_twice(fake_site, tmp_path):
    db_path = tmp_path / "extract.db"
    handled = []

    def progress(status, what, detail):
        if status != "document-failed":
            handled.append(what)

    report = crawl([fake_site.url("/")], db_path, options(), progress=progress, should_stop=lambda: len(handled) >= 4)
    site = report.sites[0]
    assert report.interrupted and site.fetched == 4
    assert rows(db_path, "select status from crawl_runs") == [("interrupted",)]
    assert rows(db_path, "select count(*) from crawl_urls where status in ('stored', 'off-topic')")[0][0] == 4

    resumed = crawl([fake_site.url("/")], db_path, options()).sites[0]
    assert (resumed.new, resumed.fetched) == (7, 7)
    assert set(fake_site.article_requests().values()) == {1}
    assert rows(db_path, "select count(*) from articles")[0][0] == 3
    assert rows(db_path, "select count(distinct url), count(*) from crawl_urls") == [(12, 12)]


def test_a_feed_or_sitemap_given_directly_is_read_alone(fake_site, tmp_path):
    db_path = tmp_path / "extract.db"
    feed = crawl([fake_site.url("/atom.xml")], db_path, options(dry_run=True)).sites[0]
    assert sorted(e.url for e in feed.new_entries) == sorted(
        fake_site.url(a.path) for a in fake_site.articles[3:5] + fake_site.articles[10:11]
    )
    news = crawl([fake_site.url("/sitemap-news.xml")], db_path, options(dry_run=True)).sites[0]
    assert {e.published for e in news.new_entries} == {
        a.published.isoformat() for a in fake_site.articles[0:2] + fake_site.articles[8:9]
    }
    # a dry run fetches no article and records nothing
    assert fake_site.article_requests() == {}
    assert rows(db_path, "select count(*) from crawl_urls")[0][0] == 0


def test_cli_crawl_prints_a_line_per_article_and_the_summary(fake_site, tmp_path):
    db_path = tmp_path / "extract.db"
    result = CliRunner().invoke(cli, ["crawl", fake_site.url("/"), "--db", str(db_path), "--delay", "0", "--json"])
    assert result.exit_code == 1, result.output  # the 404 feed and the broken sitemap
    lines = result.stderr.splitlines()
    assert sum(line.startswith("off-topic ") for line in lines) == 8
    assert sum(line.startswith("stored ") for line in lines) == 3
    assert any(line.startswith(fake_site.url("/feed-lama.xml") + ": HTTP 404") for line in lines)
    assert "found 12, new 11, fetched 11, stored 3, off-topic 8, failed 2" in lines[-1]
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["title"] for o in out[:-1]] == [a.title for a in fake_site.on_topic()]
    assert "facts" in out[0] and out[-1]["crawl"]["stored"] == 3


def test_cli_usage_errors_are_one_line_and_exit_2(tmp_path):
    bad_topic = tmp_path / "topic.yaml"
    bad_topic.write_text("terms: nothing\n", encoding="utf-8")
    for args in (
        ["crawl", "not-a-url"],
        ["crawl", "http://127.0.0.1:9/", "--topic", str(bad_topic)],
        ["crawl", "http://127.0.0.1:9/", "--watch", "soon"],
    ):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2
        assert "Traceback" not in result.output


def test_ctrl_c_stops_between_two_articles_and_the_next_crawl_finishes(fake_site, tmp_path):
    db_path = tmp_path / "extract.db"
    command = [
        sys.executable,
        "-c",
        "from extract.cli import cli; cli()",
        "crawl",
        fake_site.url("/"),
        "--db",
        str(db_path),
        "--delay",
        "0.3",
    ]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    lines = []
    for line in process.stderr:
        lines.append(line)
        if line.startswith(("stored ", "off-topic ")):
            process.send_signal(signal.SIGINT)
            break
    lines.extend(process.stderr)
    assert process.wait(timeout=60) in (0, 1)
    assert any("stopping after the current article" in line for line in lines)
    assert "interrupted" in lines[-1]
    recorded = rows(db_path, "select count(*) from crawl_urls where status in ('stored', 'off-topic')")[0][0]
    assert 1 <= recorded < 11
    assert rows(db_path, "select status from crawl_runs") == [("interrupted",)]

    resumed = crawl([fake_site.url("/")], db_path, options()).sites[0]
    assert resumed.fetched == 11 - recorded
    assert set(fake_site.article_requests().values()) == {1}


def test_watch_crawls_again_after_each_interval_until_asked_to_stop(fake_site, tmp_path):
    from extract.crawl import watch

    db_path = tmp_path / "extract.db"
    reports, slept = [], []

    def on_report(report):
        reports.append(report.sites[0])
        if len(reports) == 1:
            fake_site.add_article()  # published while the crawler waits

    watch(
        [fake_site.url("/")],
        db_path,
        options(),
        90.0,
        on_report=on_report,
        should_stop=lambda: len(reports) >= 2,
        sleep=slept.append,
    )
    assert [(r.new, r.fetched) for r in reports] == [(11, 11), (1, 1)]
    assert sum(slept) == 90.0  # one interval between the two crawls, in steps of at most a second
    assert max(slept) <= 1.0
    assert rows(db_path, "select count(*) from crawl_runs where status = 'done'")[0][0] == 2


def test_workers_store_the_same_articles_as_a_serial_crawl(fake_site, tmp_path):
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    crawl([fake_site.url("/")], serial, options(cache_dir=tmp_path / "cache-1"))
    site = crawl([fake_site.url("/")], parallel, options(workers=2, cache_dir=tmp_path / "cache-2")).sites[0]
    assert (site.stored, site.off_topic, site.failed) == (3, 8, 0)
    query = "select id, title, text from articles order by id"
    assert rows(parallel, query) == rows(serial, query)
    query = "select url, status, reason, article_id from crawl_urls order by url"
    assert rows(parallel, query) == rows(serial, query)


def test_a_site_that_cannot_be_reached_is_one_line_and_exit_1(tmp_path):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db_path = tmp_path / "extract.db"
    result = CliRunner().invoke(
        cli, ["crawl", f"http://127.0.0.1:{port}/", "--db", str(db_path), "--delay", "0", "--retries", "0"]
    )
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"http://127.0.0.1:{port}/: connection refused",
        f"127.0.0.1:{port}: found 0, new 0, fetched 0, stored 0, off-topic 0, failed 1",
    ]
    assert rows(db_path, "select status, failed from crawl_runs") == [("done", 1)]
