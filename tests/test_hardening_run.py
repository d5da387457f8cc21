"""`extract run` against hostile input: malformed URLs, odd JSON, long texts,
racing runs, slow servers and kills. Each test reproduces a failure a hostile
test found (issue 14) against a real server on 127.0.0.1 or a real subprocess."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from http_fixtures import news_server  # noqa: F401  (fixture)

from extract.cli import cli

REPO = Path(__file__).resolve().parents[1]
ARTICLE = "/news/realita-gresik-pekerja-rentan.html"
FAST = ["--delay", "0", "--timeout", "2", "--retries", "0", "--no-facts"]

# An article written for these tests, long enough to pass the article checks.
ARTICLE_TEXT = (
    "MADIUN - BPJS Ketenagakerjaan Cabang Madiun menyerahkan santunan jaminan kematian kepada ahli waris "
    "seorang pedagang pasar yang meninggal dunia karena sakit, Selasa (3/9/2024).\n"
    "Kepala cabang mengatakan bahwa almarhum terdaftar sebagai peserta bukan penerima upah sejak awal tahun "
    "dan iurannya dibayarkan oleh pemerintah kota melalui anggaran daerah.\n"
    "Menurut dia, perlindungan bagi pekerja rentan akan terus diperluas pada tahun depan bersama pemerintah desa."
)


def run(*args, stdin: str | None = None):
    return CliRunner().invoke(cli, ["run", *args], input=stdin)


def stored_urls(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as conn:
        return [row[0] for row in conn.execute("select url from articles order by rowid")]


# -- 2. one bad source never ends the run ----------------------------------


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_malformed_url_in_a_list_fails_alone(news_server, tmp_path, workers):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"http://[::1/x\n{news_server.url(ARTICLE)}\n", encoding="utf-8")
    result = run(str(listing), "--db", str(tmp_path / "x.db"), "--workers", workers, *FAST)
    assert isinstance(result.exception, (SystemExit, type(None))), result.exception  # no traceback
    assert result.exit_code == 1
    assert "http://[::1/x: malformed URL" in result.stderr.splitlines()
    assert result.stderr.splitlines()[-1] == "1 stored, 1 failed"


@pytest.mark.parametrize(
    "payload, reason",
    [
        ({"text": ARTICLE_TEXT, "url": 12345}, '"url" must be a string'),
        ({"text": ARTICLE_TEXT, "title": {"a": 1}}, '"title" must be a string'),
        ({"text": ARTICLE_TEXT, "source": ["x"]}, '"source" must be a string'),
        ({"text": ARTICLE_TEXT, "url": "javascript:alert(1)"}, '"url" must be an http(s) URL'),
    ],
)
def test_a_json_article_with_fields_of_the_wrong_type_is_one_clear_line(tmp_path, payload, reason):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(payload), encoding="utf-8")
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"text": ARTICLE_TEXT, "url": "https://kabar.example/a/1"}), encoding="utf-8")
    result = run(str(bad), str(good), "--db", str(tmp_path / "x.db"), "--no-facts")
    assert result.exit_code == 1
    assert any(line.startswith(f"{bad}: {reason}") for line in result.stderr.splitlines())
    assert "internal error" not in result.stderr
    assert result.stderr.splitlines()[-1] == "1 stored, 1 failed"


def test_deeply_nested_json_is_refused_in_one_line(tmp_path):
    bad = tmp_path / "deep.json"
    bad.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run(str(bad), "--db", str(tmp_path / "x.db"), "--no-facts")
    assert result.exit_code == 1
    line = next(line for line in result.stderr.splitlines() if line.startswith(str(bad)))
    assert "nested too deeply" in line and "internal error" not in line


# -- 9. runs that start together on a new database -------------------------

OPEN_AT = """
import sys, time
from extract.store.db import open_db
start = float(sys.argv[2])
while time.time() < start:
    pass
open_db(sys.argv[1]).close()
"""


def test_processes_opening_a_new_database_together_all_succeed(tmp_path):
    import time

    for trial in range(3):
        path = tmp_path / f"new-{trial}.db"
        start = time.time() + 3  # time for every process to import the package first
        processes = [
            subprocess.Popen([sys.executable, "-c", OPEN_AT, str(path), str(start)], stderr=subprocess.PIPE, text=True)
            for _ in range(3)
        ]
        errors = [(p.wait(timeout=120), p.stderr.read()) for p in processes]
        for process in processes:
            process.stderr.close()
        assert all(code == 0 for code, _ in errors), [text.strip().splitlines()[-1] for code, text in errors if code]
        with sqlite3.connect(path) as conn:
            applied = [name for (name,) in conn.execute("select name from _sqlite_migrations")]
        assert len(applied) == len(set(applied))  # each migration applied once


# -- 8. long texts are cut, and the run says so ------------------------------


def long_text(chars: int) -> str:
    paragraphs = ARTICLE_TEXT.split("\n")
    out, size = [], 0
    while size < chars:
        paragraph = paragraphs[len(out) % len(paragraphs)]
        out.append(paragraph)
        size += len(paragraph) + 1
    return "\n".join(out)


@pytest.mark.parametrize("suffix", [".txt", ".json"])
def test_a_long_text_is_cut_at_a_paragraph_and_the_run_says_so(tmp_path, suffix):
    source = tmp_path / f"long{suffix}"
    text = long_text(60_000)
    source.write_text(text if suffix == ".txt" else json.dumps({"text": text}), encoding="utf-8")
    db_path = tmp_path / "x.db"
    result = run(str(source), "--db", str(db_path), "--no-facts", "--quiet", "--max-chars", "5000")
    assert result.exit_code == 0, result.stderr
    note = f"{source}: text cut to its first "
    assert any(line.startswith(note) and "(--max-chars 5,000)" in line for line in result.stderr.splitlines())
    with sqlite3.connect(db_path) as conn:
        (stored,) = conn.execute("select text from articles").fetchone()
    assert 2_500 < len(stored) <= 5_000 and text.startswith(stored) and text[len(stored)] == "\n"


def test_a_text_past_spacy_s_limit_is_extracted_within_the_default_cap(tmp_path):
    source = tmp_path / "huge.txt"
    source.write_text(long_text(1_100_000), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from extract.cli import cli; cli()",
            "run",
            str(source),
            "--db",
            str(tmp_path / "x.db"),
            "--quiet",
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    lines = result.stderr.splitlines()
    assert lines[-1] == "1 stored, 0 failed"
    assert any("text cut to its first" in line and "(--max-chars 50,000)" in line for line in lines)
    assert all(len(line) < 300 for line in lines)  # no spaCy internals


# -- 1. politeness never counts against a request's deadline ----------------


@pytest.mark.parametrize("workers, delay", [("1", "1.5"), ("2", "0.6")])  # with 2 workers, each waits 2 x delay
def test_a_delay_longer_than_the_timeout_still_fetches_every_page(news_server, tmp_path, workers, delay):
    pages = ["/news/realita-gresik-pekerja-rentan.html", "/news/jatimtimes-blitar-monev.html"]
    result = run(
        *[news_server.url(p) for p in pages],
        "--db",
        str(tmp_path / "x.db"),
        "--workers",
        workers,
        "--delay",
        delay,
        "--timeout",
        "1",
        "--retries",
        "0",
        "--no-facts",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == "2 stored, 0 failed"


# -- 3. --timeout is a deadline for the status line and headers too ----------


@pytest.fixture
def dripping_headers_server():
    """A server on 127.0.0.1 that sends its status line and headers one byte every 0.2 s (about 20 s)."""
    import socket
    import threading
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def drip(conn):
        with conn:
            try:
                conn.recv(65536)
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"a" * 60 + b"\r\n\r\n"
                for byte in head:
                    if stop.is_set():
                        return
                    conn.sendall(bytes([byte]))
                    time.sleep(0.2)
            except OSError:
                pass

    def serve():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=drip, args=(conn,), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def test_a_server_dripping_its_headers_times_out_on_time(dripping_headers_server, tmp_path):
    import time

    from extract.ingest.errors import FetchError
    from extract.ingest.fetch import Fetcher, FetchPolicy

    url = dripping_headers_server + "/news/1"
    policy = FetchPolicy(timeout=2, retries=0, delay=0, respect_robots=False)
    started = time.monotonic()
    with Fetcher(policy) as fetcher, pytest.raises(FetchError) as error:
        fetcher.fetch(url)
    assert time.monotonic() - started < 3.5
    assert error.value.reason == "timed out after 2 s"
    result = run(
        url,
        "--db",
        str(tmp_path / "x.db"),
        "--ignore-robots",
        "--delay",
        "0",
        "--timeout",
        "2",
        "--retries",
        "0",
        "--no-facts",
    )
    assert result.exit_code == 1
    assert f"{url}: timed out after 2 s" in result.stderr.splitlines()


# -- 4. stopping a run with workers stops everything -------------------------


def children_of(pid: int) -> set[int]:
    """Every live descendant of `pid` (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


def wait_until(condition, seconds: float) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


@pytest.fixture
def busy_run(news_server, tmp_path):
    """`extract run --workers 2` over slow pages, started and caught with its workers busy."""
    urls = [news_server.url(f"/slow-headers?n={n}") for n in range(40)]
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from extract.cli import cli; cli()",
            "run",
            *urls,
            "--db",
            str(tmp_path / "x.db"),
            "--workers",
            "2",
            "--no-facts",
            "--delay",
            "0",
            "--timeout",
            "10",
            "--ignore-robots",
            "--quiet",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group, for Ctrl-C
    )
    assert wait_until(lambda: len(children_of(process.pid)) >= 3, 90), (
        "the workers did not start"
    )  # 2 workers + resource tracker
    descendants = children_of(process.pid)
    yield process, descendants
    for pid in alive(descendants | {process.pid}):
        os.kill(pid, 9)
    process.wait()
    process.stderr.close()


def test_killing_the_parent_ends_its_workers(busy_run):
    process, descendants = busy_run
    process.kill()
    process.wait()
    assert wait_until(lambda: not alive(descendants), 15), f"left running: {alive(descendants)}"


@pytest.mark.parametrize("how", ["SIGTERM to the run", "Ctrl-C to the terminal's process group"])
def test_sigterm_or_ctrl_c_stops_the_run_between_articles_with_a_summary(busy_run, how):
    import signal

    process, descendants = busy_run
    if how.startswith("SIGTERM"):
        process.send_signal(signal.SIGTERM)
        expected = 128 + signal.SIGTERM
    else:
        os.killpg(process.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the run and its workers
        expected = 128 + signal.SIGINT
    assert process.wait(timeout=20) == expected
    last = process.stderr.read().strip().splitlines()[-1]
    assert "interrupted" in last and "failed" in last and "Traceback" not in last
    assert wait_until(lambda: not alive(descendants), 15), f"left running: {alive(descendants)}"


# -- smaller cases -------------------------------------------------------------


def test_empty_standard_input_is_a_usage_error(tmp_path):
    result = run("-", "--db", str(tmp_path / "x.db"), "--no-facts", stdin="\n# nothing here\n\n")
    assert result.exit_code == 2
    assert "standard input, which held no source" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_a_huge_source_name_gives_a_short_line(tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"http://[::1/{'y' * 100_000}\n", encoding="utf-8")
    result = run(str(listing), "--db", str(tmp_path / "x.db"), "--no-facts", "--retries", "0")
    assert result.exit_code == 1
    assert all(len(line) < 400 for line in result.stderr.splitlines())
    assert any(
        line.startswith("http://[::1/yyy") and line.endswith(": malformed URL") for line in result.stderr.splitlines()
    )


def test_ten_redirects_are_followed_as_the_readme_says(news_server, tmp_path):
    result = run(news_server.url("/chain/10"), "--db", str(tmp_path / "x.db"), *FAST)
    assert result.exit_code == 0, result.stderr
    result = run(news_server.url("/chain/3"), "--db", str(tmp_path / "y.db"), "--max-redirects", "2", *FAST)
    assert result.exit_code == 1 and "too many redirects (more than 2)" in result.stderr


@pytest.mark.parametrize(
    "start, target, refused",
    [
        ("http://93.184.215.14/berita/1", "http://127.0.0.1:8001/", True),
        ("http://93.184.215.14/berita/1", "http://10.0.0.5/admin", True),
        ("http://93.184.215.14/berita/1", "http://169.254.169.254/latest/meta-data", True),
        ("http://93.184.215.14/berita/1", "http://[::1]/", True),
        ("http://93.184.215.14/berita/1", "http://localhost/", True),
        ("http://127.0.0.1:8001/a", "http://127.0.0.1:8001/b", False),  # the user asked for this machine
        ("http://93.184.215.14/berita/1", "https://93.184.215.15/berita/1", False),
    ],
)
def test_a_public_page_cannot_redirect_the_crawler_into_a_private_network(start, target, refused):
    from extract.ingest.fetch import private_redirect

    reason = private_redirect(start, target)
    assert bool(reason) is refused
    if refused:
        assert reason.startswith("redirect to a private address refused: ")


def test_a_redirect_on_this_machine_is_followed_when_the_run_started_here(news_server, tmp_path):
    result = run(news_server.url("/moved"), "--db", str(tmp_path / "x.db"), *FAST)
    assert result.exit_code == 0, result.stderr


def test_the_stored_url_has_no_tracking_parameters_and_the_original_is_kept(tmp_path):
    given = "https://kabar.example/berita/7?utm_source=wa&id=3&fbclid=abc#komentar"
    source = tmp_path / "a.json"
    source.write_text(json.dumps({"text": ARTICLE_TEXT, "url": given}), encoding="utf-8")
    db_path = tmp_path / "x.db"
    result = run(str(source), "--db", str(db_path), "--no-facts")
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db_path) as conn:
        row = conn.execute("select url, original_url from articles").fetchone()
    assert row == ("https://kabar.example/berita/7?id=3", given)


def test_workers_extract_facts_once_for_an_article_given_twice(tmp_path):
    from extract.ingest.sources import JsonArticleSource
    from extract.model import Facts
    from extract.scale.tasks import Settings, Task, process_chunk

    extracted = []

    def count(article):
        extracted.append(article.url)
        return Facts()

    paths = []
    for n, url in enumerate(
        ["https://kabar.example/a/1", "https://kabar.example/a/2", "https://kabar.example/a/1?utm_source=x"]
    ):
        path = tmp_path / f"{n}.json"
        path.write_text(json.dumps({"text": ARTICLE_TEXT, "url": url}), encoding="utf-8")
        paths.append(path)
    settings = Settings(cache_dir=str(tmp_path / "cache"), facts=count)
    first = process_chunk([Task(0, JsonArticleSource(paths[0])), Task(1, JsonArticleSource(paths[1]))], settings)
    second = process_chunk([Task(2, JsonArticleSource(paths[2]))], settings)  # a later chunk of the same run
    assert extracted == ["https://kabar.example/a/1", "https://kabar.example/a/2"]
    assert [r.repeats_earlier for r in first + second] == [False, False, True]
    again = process_chunk(
        [Task(0, JsonArticleSource(paths[2]))], Settings(cache_dir=str(tmp_path / "cache"), facts=count)
    )
    assert not again[0].repeats_earlier  # a new run starts afresh


def test_a_duplicate_under_workers_is_reported_as_in_a_serial_run(tmp_path):
    paths = []
    for n, url in enumerate(["https://kabar.example/a/1", "https://kabar.example/a/1?utm_source=x"]):
        path = tmp_path / f"{n}.json"
        path.write_text(json.dumps({"text": ARTICLE_TEXT, "url": url}), encoding="utf-8")
        paths.append(str(path))
    for workers in ("1", "2"):
        result = run(*paths, "--db", str(tmp_path / f"x{workers}.db"), "--no-facts", "--workers", workers)
        assert result.exit_code == 0, result.stderr
        assert result.stderr.splitlines()[-1] == "1 stored, 0 failed, 1 duplicate skipped"


def test_sigterm_stops_a_serial_run_and_keeps_what_was_stored(news_server, tmp_path):
    import signal

    db_path = tmp_path / "x.db"
    urls = [news_server.url("/news/realita-gresik-pekerja-rentan.html")] + [
        news_server.url(f"/slow-headers?s={n}") for n in range(20)
    ]
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from extract.cli import cli; cli()",
            "run",
            *urls,
            "--db",
            str(db_path),
            "--no-facts",
            "--delay",
            "0",
            "--timeout",
            "10",
            "--ignore-robots",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert wait_until(lambda: db_path.exists() and stored_count(db_path) == 1, 60)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 128 + signal.SIGTERM
        last = process.stderr.read().strip().splitlines()[-1]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    assert last.startswith("1 stored, 0 failed") and "interrupted" in last
    assert stored_count(db_path) == 1


def stored_count(db_path: Path) -> int:
    try:
        with sqlite3.connect(db_path, timeout=5) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0
