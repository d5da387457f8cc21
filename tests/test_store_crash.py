"""A writer killed mid-run leaves every stored article whole, and the file sound."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from extract.store.db import fact_counts, open_db

TESTS = Path(__file__).parent

# Saves article after article, each with thousands of mentions so that most
# of the wall time is spent inside a transaction; the kill lands there.
WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from extract.model import Mention
    from extract.store.db import open_db, save_article
    from store_fixtures import make_article

    db = open_db(sys.argv[1])
    for n in range(10_000):
        article, facts = make_article(n)
        facts.mentions = facts.mentions * 1500
        save_article(db, article, facts)
        print(n, flush=True)
    """
)


def test_killed_writer_leaves_no_half_written_article(tmp_path):
    db_path = tmp_path / "crash.db"
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(tests=str(TESTS)))
    child = subprocess.Popen(
        [sys.executable, str(script), str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Wait until a few articles are committed, then a little more, then kill.
        for _ in range(3):
            line = child.stdout.readline()
            assert line, child.stderr.read()
        time.sleep(0.13)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    db = open_db(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    ids = [row["id"] for row in db.table("articles").rows]
    assert len(ids) >= 3
    complete = {
        "event_parties": 3,
        "event_officials": 2,
        "events": 2,
        "official_mentions": 1,
        "payouts": 1,
        "worker_counts": 1,
        "percentages": 1,
        "regulations": 1,
        "article_regions": 1,
        "budgets": 0,
        "mentions": 4500,
    }
    for aid in ids:
        assert fact_counts(db, aid) == complete
    # No fact rows outside the stored articles.
    assert db.table("mentions").count == 4500 * len(ids)


# Saves three articles, then starts replacing the second one's facts and
# stops inside that transaction, just before the new mentions are written.
PAUSING_WRITER = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests!r})
    from extract.store.db import open_db, save_article
    from store_fixtures import make_article

    db = open_db(sys.argv[1])
    for n in range(3):
        save_article(db, *make_article(n))

    def pause_after_mentions(sql, params):
        if sql.lstrip().upper().startswith("INSERT") and "mentions" in sql and "official" not in sql:
            print("inside", flush=True)
            time.sleep(60)

    article, facts = make_article(1)
    facts.payouts = []
    with db.tracer(pause_after_mentions):
        save_article(db, article, facts)
    print("finished", flush=True)
    """
)


def test_kill_inside_a_replacing_save_keeps_the_previous_facts(tmp_path):
    db_path = tmp_path / "crash.db"
    script = tmp_path / "writer.py"
    script.write_text(PAUSING_WRITER.format(tests=str(TESTS)))
    child = subprocess.Popen(
        [sys.executable, str(script), str(db_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = child.stdout.readline()
        assert line == "inside\n", child.stderr.read()
        # Another connection sees the old version while the write is open.
        reader = open_db(db_path)
        assert reader.table("payouts").count == 3
        reader.close()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)

    db = open_db(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.table("articles").count == 3
    for aid in [row["id"] for row in db.table("articles").rows]:
        counts = fact_counts(db, aid)
        assert counts["payouts"] == 1 and counts["mentions"] == 3 and counts["events"] == 2


# Saves its share of articles (some shared with the other writers) as fast as it can.
CONCURRENT_WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from extract.store.db import open_db, save_article
    from store_fixtures import make_article

    db = open_db(sys.argv[1], populate_regions=False)
    first = int(sys.argv[2])
    for n in range(first, first + 30):
        save_article(db, *make_article(n % 30))
    print("done", flush=True)
    """
)


def test_writers_in_parallel_processes_wait_their_turn(tmp_path):
    db_path = tmp_path / "shared.db"
    open_db(db_path, populate_regions=False).close()
    script = tmp_path / "writer.py"
    script.write_text(CONCURRENT_WRITER.format(tests=str(TESTS)))
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), str(db_path), str(first)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for first in (0, 7, 13)
    ]
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0 and out == "done\n", err[-500:]
    db = open_db(db_path, populate_regions=False)
    assert db.table("articles").count == 30
    assert db.table("events").count == 60 and db.table("mentions").count == 90
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
