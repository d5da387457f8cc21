"""`extract serve` against hostile requests and hostile data, through a real
server process on 127.0.0.1 (issue 14: feed links, 500s, read-only files,
public mode and security headers)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from http_fixtures import free_port
from store_fixtures import make_article

from extract.store.db import open_db, save_article

EXTRACT = [sys.executable, "-c", "from extract.cli import cli; cli()"]


class Site:
    def __init__(self, process: subprocess.Popen, base: str):
        self.process = process
        self.base = base

    def get(self, path: str) -> tuple[int, dict[str, str], str]:
        """Status, headers (lower-cased names) and body of GET `path`; no redirect followed."""

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(self.base + path, timeout=30) as response:
                return (
                    response.status,
                    {k.lower(): v for k, v in response.headers.items()},
                    response.read().decode("utf-8", "replace"),
                )
        except urllib.error.HTTPError as error:
            return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read().decode("utf-8", "replace")


def as_nobody() -> None:
    """In a child about to exec: let file permissions hold even for root.

    Root ignores them through two capabilities; dropped from the bounding
    set, the program exec'd next never has them (prctl PR_CAPBSET_DROP).
    """
    if os.geteuid() == 0:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "cannot drop a capability")


ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PYTHONDONTWRITEBYTECODE": "1"}


def start_serve(db_path: Path, *options: str, unprivileged: bool = False) -> Site:
    port = free_port()
    process = subprocess.Popen(
        [*EXTRACT, "serve", "--db", str(db_path), "--port", str(port), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        preexec_fn=as_nobody if unprivileged else None,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited {process.returncode}: {process.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return Site(process, f"http://127.0.0.1:{port}")
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError("serve did not start")


def stop(site: Site) -> None:
    site.process.terminate()
    try:
        site.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        site.process.kill()
        site.process.wait()
    for stream in (site.process.stdout, site.process.stderr):
        stream.close()


def hostile_database(path: Path) -> None:
    db = open_db(path, populate_regions=False)
    save_article(db, *make_article(1, published="2024-03-14"))
    article, facts = make_article(2, published="2025-01-20")
    article.url = "javascript:alert(document.domain)"
    article.source = "evil\u202emoc.elpmaxe"
    article.title = "Judul \u202egnilat"
    save_article(db, article, facts)
    db.close()


def add_events(path: Path, copies: int) -> None:
    """`copies` more copies of the first article's events: a timeline over 10,000 events."""
    db = open_db(path, populate_regions=False)
    columns = [c for c in db["events"].columns_dict if c not in ("id", "seq")]
    names = ", ".join(columns)
    with db.conn:
        db.execute(
            f"with recursive n(k) as (select 1 union all select k + 1 from n where k < ?)"
            f" insert into events (seq, {names}) select 1000 * n.k + e.seq, {names.replace('article_id', 'e.article_id')}"
            f" from events e, n where e.article_id = (select id from articles order by rowid limit 1)",
            [copies],
        )
    db.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("site") / "extract.db"
    hostile_database(path)
    add_events(path, 5_100)
    running = start_serve(path)
    yield running
    stop(running)


# -- 5. only http(s) links, no direction overrides -------------------------


def test_the_atom_feed_never_links_to_javascript(site):
    status, _, feed = site.get("/-/feed")
    assert status == 200 and "<feed" in feed
    assert "javascript:" not in feed
    assert "example-news.test" in feed  # the honest article keeps its link


def test_direction_overrides_never_reach_the_pages(site):
    for path in ("/extract/articles.json?_shape=array", "/timeline", "/-/feed"):
        _, headers, body = site.get(path)
        if "location" in headers:
            _, _, body = site.get(headers["location"])
        assert "\u202e" not in body and "\\u202e" not in body.lower(), path
    _, _, rows = site.get("/extract/articles.json?_shape=array")
    assert "evilmoc.elpmaxe" in {row["source"] for row in json.loads(rows)}


def test_links_stored_before_the_upgrade_are_cleaned_by_the_migration(tmp_path):
    path = tmp_path / "old.db"
    hostile_database(path)
    db = open_db(path, populate_regions=False)
    db.execute("update articles set url = 'javascript:alert(1)', source = 'evil' || char(8238) || 'moc.elpmaxe'")
    db.execute("delete from _sqlite_migrations where name like 'm010_http_links%'")
    db.conn.commit()
    db.close()
    db = open_db(path, populate_regions=False)  # the migration runs again, as on an old database
    rows = list(db.query("select url, source from articles"))
    db.close()
    assert all(row["url"] is None and row["source"] == "evilmoc.elpmaxe" for row in rows)


# -- 7. no 500 for a hostile query string or path ------------------------


@pytest.mark.parametrize(
    "query", ['q="', 'q=""', "q=%00", "q=%22%00%22", "page=99999999999999999999", "page=" + "9" * 5000, "page=-3"]
)
def test_the_timeline_answers_any_query_string(site, query):
    status, _, html = site.get(f"/timeline?{query}")  # of stories
    assert status == 200, html[-500:]
    assert "Timeline of stories" in html
    status, _, html = site.get(f"/events?{query}")  # every event
    assert status == 200, html[-500:]
    assert "10,000+" in html  # over ten thousand events: the count is capped


def test_the_timeline_search_still_finds_words(site):
    status, _, html = site.get("/timeline?q=santunan")
    assert status == 200 and "Timeline" in html


@pytest.mark.parametrize(
    "path", ["/a/b/c/d", "/extract/events/1/x/y", "/article/../../etc/passwd", "/article/%2e%2e/%2e%2e/etc/passwd"]
)
def test_unknown_paths_are_not_found_and_disclose_nothing(site, path):
    import http.client

    connection = http.client.HTTPConnection(site.base.removeprefix("http://"), timeout=30)
    connection.request("GET", path)  # sent as written: no client-side normalisation of ".."
    response = connection.getresponse()
    body = response.read().decode("utf-8", "replace")
    connection.close()
    assert response.status in (404, 302), (response.status, body[:300])
    assert "Traceback" not in body and "root:" not in body and str(Path.cwd()) not in body


@pytest.mark.parametrize("path", ["/extract/articles?_sort=nope", "/extract/events.json?_sort_desc=nope"])
def test_sorting_on_an_unknown_column_is_a_bad_request(site, path):
    status, _, body = site.get(path)
    assert status == 400 and "Cannot sort" in body


# -- 6. files that are not SQLite, databases that are read-only ---------------


def run_extract(*args: str, unprivileged: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*EXTRACT, *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env=ENV,
        preexec_fn=as_nobody if unprivileged else None,
    )


@pytest.mark.parametrize("command", ["serve", "reprocess"])
def test_a_file_that_is_not_sqlite_is_one_line(tmp_path, command):
    notes = tmp_path / "notes.db"
    notes.write_text("catatan rapat, bukan basis data\n" * 200)
    result = run_extract(command, "--db", str(notes))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"Error: not an SQLite database: {notes}"


@pytest.fixture
def read_only_db():
    """A database in a folder nobody but root may write, the file itself read-only."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="extract-ro-"))
    path = folder / "extract.db"
    hostile_database(path)
    path.chmod(0o444)
    folder.chmod(0o555)
    yield path
    folder.chmod(0o755)
    shutil.rmtree(folder)


def test_a_read_only_database_is_served_as_it_is(read_only_db):
    running = start_serve(read_only_db, unprivileged=True)
    try:
        status, _, html = running.get("/timeline")
        assert status == 200 and "Timeline" in html
        status, _, rows = running.get("/extract/articles.json?_shape=array")
        assert status == 200 and len(json.loads(rows)) == 2
    finally:
        stop(running)
    assert sorted(p.name for p in read_only_db.parent.iterdir()) == ["extract.db"]  # nothing written beside it


def test_reprocess_of_a_read_only_database_is_one_line(read_only_db):
    result = run_extract("reprocess", "--db", str(read_only_db), "--quiet", unprivileged=True)
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: the database {read_only_db} is read-only"


# -- 10. public mode and security headers ------------------------------------


@pytest.fixture(scope="module")
def public_site(tmp_path_factory):
    path = tmp_path_factory.mktemp("public") / "extract.db"
    hostile_database(path)
    running = start_serve(path, "--public")
    running.db_path = path
    yield running
    stop(running)


def test_public_mode_refuses_sql_of_one_s_own(public_site):
    status, _, _ = public_site.get("/extract.json?sql=select+length(randomblob(700000000))")
    assert status == 403
    status, _, _ = public_site.get("/extract/articles.json?_where=1%3D1")
    assert status == 403


@pytest.mark.parametrize(
    "path", ["/", "/timeline", "/extract/articles", "/extract/newest_events", "/extract/events.json", "/-/feed"]
)
def test_public_mode_keeps_tables_canned_queries_and_pages(public_site, path):
    status, _, _ = public_site.get(path)
    assert status in (200, 302)


def test_public_mode_shows_no_file_paths(public_site):
    for path in ("/-/databases.json", "/-/databases", "/-/plugins.json", "/-/versions.json"):
        status, _, body = public_site.get(path)
        assert status == 404 and str(public_site.db_path) not in body, path
    for path in ("/", "/extract", "/extract/articles"):
        assert str(public_site.db_path.parent) not in public_site.get(path)[2]


def test_local_mode_still_runs_sql(site):
    status, _, body = site.get("/extract.json?sql=select+1+as+one&_shape=array")
    assert status == 200 and json.loads(body) == [{"one": 1}]


@pytest.mark.parametrize(
    "path", ["/", "/timeline", "/extract/articles", "/extract/articles.json", "/no/such/page/here", "/-/feed"]
)
def test_every_response_carries_security_headers(site, public_site, path):
    for server in (site, public_site):
        _, headers, _ = server.get(path)
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
