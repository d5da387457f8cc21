"""`extract bench-queries`: a synthetic database built through the store's
schema, and the site's queries timed on it through Datasette."""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from extract.bench.query_scale import build_synthetic_db, time_queries
from extract.cli import cli


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("queries") / "events.db"
    report = build_synthetic_db(path, 2_000, seed=5)
    return path, report


def test_the_synthetic_database_has_the_events_asked_for(small_db):
    path, report = small_db
    assert (report.events, report.articles) == (2_000, 500)
    conn = sqlite3.connect(path)
    assert conn.execute("select count(*) from events").fetchone()[0] == 2_000
    # Every event belongs to a stored article, and full-text search finds them.
    assert (
        conn.execute("select count(*) from events where article_id not in (select id from articles)").fetchone()[0] == 0
    )
    assert conn.execute("select count(*) from events_fts where events_fts match 'santunan'").fetchone()[0] > 0
    types = {t for (t,) in conn.execute("select distinct type from events")}
    assert {"benefit_payout", "agreement_signing"} <= types
    # The timeline's date is filled as the store fills it: the event's, else the article's.
    wrong = conn.execute(
        "select count(*) from events e join articles a on a.id = e.article_id"
        " where e.timeline_date is not coalesce(e.date, a.published)"
    ).fetchone()[0]
    assert wrong == 0 and conn.execute("select count(*) from events where date is null").fetchone()[0] > 0


def test_each_query_answers_through_datasette(small_db):
    path, _ = small_db
    timings = time_queries(path, repeats=1)
    assert {t.status for t in timings} == {200}
    by_name = {t.name: t for t in timings}
    assert by_name["timeline canned query, no filter"].rows > 0
    assert by_name["full-text: timeline q=paritrana"].rows > 0
    assert sum(t.goal for t in timings) == 3  # the timeline, a facet, a full-text search


def test_bench_queries_reuses_an_existing_database_and_prints_json(small_db):
    path, _ = small_db
    result = CliRunner().invoke(cli, ["bench-queries", "--db", str(path), "--repeats", "1", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["build"] is None  # reused, not rebuilt
    assert data["goal_ms"] == 100
    assert len(data["queries"]) >= 3


def test_a_database_from_an_older_schema_is_upgraded_before_it_is_timed(tmp_path):
    from sqlite_utils import Database

    from extract.bench.query_scale import bench_queries
    from extract.store.schema import migrations

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m005_timeline_date")
    old.table("articles").insert({"id": "a1", "published": "2024-05-02", "title": "Berita", "text": "Teks."}, pk="id")
    old.table("events").insert({"id": 1, "article_id": "a1", "seq": 0, "type": "meeting"}, pk="id")
    old.close()

    bench = bench_queries(db_path=path, repeats=1)
    assert bench.build is None
    assert {t.status for t in bench.timings} == {200}
    timeline = next(t for t in bench.timings if t.name == "timeline canned query, no filter")
    assert timeline.rows == 1
