"""Parallel extraction: `extract run --workers N` and `--dask ADDRESS` store
exactly what a serial run stores, in the same order, through one writer."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.model import Article, Facts, Payout
from extract.pipeline import run_sources
from extract.scale.backends import WORKER_DIED, BackendError, DaskBackend, ProcessBackend, _ordered
from extract.scale.tasks import NER_MODEL_ENV, Result, Settings, Task

REPO = Path(__file__).resolve().parents[1]
CORPUS_HTML = REPO / "corpus" / "html"
SEED_TEXT = sorted((REPO / "corpus" / "seeds").glob("*.txt"))[0]
GOLD_JSON = sorted((REPO / "corpus" / "gold").glob("gold-a-*.json"))[0]

# Columns whose value is the time of the run, not its result.
TIMESTAMP_COLUMNS = {"saved_at", "fetched_at", "applied_at"}


def mixed_sources(tmp_path: Path) -> list[str]:
    """Pages, a plain-text article, a JSON article, a file that does not exist and a page named twice."""
    return [
        str(CORPUS_HTML),
        str(SEED_TEXT),
        str(GOLD_JSON),
        str(tmp_path / "missing.html"),
        str(CORPUS_HTML / "jatimtimes-blitar-monev.html"),
    ]


def table_rows(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (FTS shadow tables left out), timestamps blanked."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [
            name
            for (name,) in conn.execute("select name from sqlite_master where type = 'table' order by name")
            if "_fts" not in name and not name.startswith("sqlite_")
        ]
        rows = {}
        for table in tables:
            cursor = conn.execute(f"select * from [{table}] order by rowid")
            names = [d[0] for d in cursor.description]
            rows[table] = [
                tuple(None if name in TIMESTAMP_COLUMNS else value for name, value in zip(names, row)) for row in cursor
            ]
        return rows
    finally:
        conn.close()


def outcomes(report) -> list[tuple]:
    return [(o.source, o.status, o.reason, o.article_id) for o in report.outcomes]


@pytest.fixture(scope="module")
def serial_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("serial")
    db = root / "serial.db"
    report = run_sources(mixed_sources(root), db, cache_dir=root / "cache")
    return root, db, report


def assert_same_database(serial_db: Path, other_db: Path) -> None:
    serial, other = table_rows(serial_db), table_rows(other_db)
    assert serial.keys() == other.keys()
    for table in serial:
        assert other[table] == serial[table], f"table {table} differs from the serial run"


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    """Two worker processes, started once for the tests that use them."""
    with ProcessBackend(2, Settings(cache_dir=str(tmp_path_factory.mktemp("pool")))) as backend:
        yield backend


def test_workers_store_exactly_what_a_serial_run_stores(serial_run, pool, tmp_path):
    root, serial_db, serial_report = serial_run
    db = tmp_path / "parallel.db"
    report = run_sources(mixed_sources(root), db, cache_dir=tmp_path / "cache", chunk_size=3, backend=pool)
    assert outcomes(report) == outcomes(serial_report)
    assert {o.status for o in report.outcomes} == {"stored", "failed", "duplicate"}
    assert len(report.stored) == 10  # eight pages, the text and the JSON article
    assert table_rows(serial_db)["events"], "the corpus should give events to compare"
    assert_same_database(serial_db, db)


def test_extract_run_takes_workers(tmp_path):
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(
        cli, ["run", str(CORPUS_HTML), "--db", str(db), "--workers", "2", "--no-facts", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert "8 stored, 0 failed" in result.output
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 8


def test_a_dask_cluster_stores_exactly_what_a_serial_run_stores(serial_run, tmp_path):
    distributed = pytest.importorskip("distributed")
    root, serial_db, serial_report = serial_run
    db = tmp_path / "dask.db"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        report = run_sources(
            mixed_sources(root), db, dask_address=cluster.scheduler_address, cache_dir=tmp_path / "cache", chunk_size=2
        )
    assert outcomes(report) == outcomes(serial_report)
    assert_same_database(serial_db, db)


def test_an_unreachable_scheduler_is_one_clear_error():
    with pytest.raises(BackendError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with DaskBackend("tcp://127.0.0.1:9", connect_timeout=1):
            pass


def test_workers_and_dask_together_are_a_usage_error(tmp_path):
    result = CliRunner().invoke(
        cli,
        ["run", str(CORPUS_HTML), "--db", str(tmp_path / "x.db"), "--workers", "2", "--dask", "tcp://127.0.0.1:8786"],
    )
    assert result.exit_code == 2
    assert "--workers and --dask do not go together" in result.output


def test_results_are_yielded_in_input_order_when_later_chunks_finish_first():
    def work(chunk):
        time.sleep(0.02 * (5 - chunk[0].index))  # the first chunk is the slowest
        return [Result(task.index) for task in chunk]

    chunks = [[Task(i, None)] for i in range(5)]
    with ThreadPoolExecutor(4) as pool:
        from concurrent.futures import FIRST_COMPLETED, wait

        def wait_any(pending):
            return wait(pending, return_when=FIRST_COMPLETED)[0]

        finished = [
            r.index for chunk in _ordered(lambda c: pool.submit(work, c), chunks, 4, wait_any=wait_any) for r in chunk
        ]
    assert finished == [0, 1, 2, 3, 4]


def die_on_gresik(article: Article) -> Facts:
    """A fact extractor that kills its worker process on one article (a stand-in
    for a crash in a C library or the out-of-memory killer)."""
    if "Gresik" in (article.title or ""):
        os._exit(3)
    return Facts(payouts=[Payout(amount_idr=len(article.text))])


def test_a_source_that_kills_its_worker_fails_alone_and_the_run_goes_on(pool, tmp_path):
    db = tmp_path / "crash.db"
    report = run_sources(
        [str(CORPUS_HTML)], db, cache_dir=tmp_path / "cache", facts=die_on_gresik, chunk_size=3, backend=pool
    )
    failed = [(Path(o.source).name, o.reason) for o in report.failed]
    assert failed == [("realita-gresik-pekerja-rentan.html", WORKER_DIED)]
    assert len(report.stored) == 7
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from payouts").fetchone()[0] == 7


def test_worker_processes_run_the_spacy_model_without_torch():
    """thinc imports torch when installed; our workers keep it out (about 180 MB each)
    and the pipeline still works."""
    code = (
        "import sys\n"
        "from extract.scale.tasks import keep_torch_out\n"
        "assert keep_torch_out()\n"
        "from extract.nlp.pipeline import load_pipeline\n"
        "doc = load_pipeline()('Bupati Blitar Rini Syarifah menyerahkan santunan di Kabupaten Blitar.')\n"
        "print(sys.modules.get('torch') is None, len(doc.ents) > 0)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != NER_MODEL_ENV}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]


def test_torch_stays_available_for_a_transformers_model(tmp_path):
    (tmp_path / "config.json").write_text("{}")
    code = f"from extract.scale.tasks import keep_torch_out; print(keep_torch_out({str(tmp_path)!r}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.stdout.strip() == "False", done.stderr


def test_the_ner_model_variable_is_the_pipeline_s_own():
    from extract.nlp import pipeline

    assert NER_MODEL_ENV == pipeline.NER_MODEL_ENV


def test_an_article_that_breaks_the_extractor_fails_alone_in_its_batch(monkeypatch, tmp_path):
    """Workers run a chunk's articles through the pipeline as one batch; an
    error in one article fails that article only."""
    import extract.facts.extractor as extractor

    def broken_on_gresik(ctx):
        if "Gresik" in (ctx.article.title or ""):
            raise ValueError("unreadable table")
        return []

    monkeypatch.setattr(extractor, "EXTRACTORS", [*extractor.EXTRACTORS, ("broken", broken_on_gresik)])
    db = tmp_path / "batch.db"
    report = run_sources([str(CORPUS_HTML)], db, cache_dir=tmp_path / "cache", workers=1, chunk_size=4)
    failed = [(Path(o.source).name, o.reason) for o in report.failed]
    assert failed == [("realita-gresik-pekerja-rentan.html", "internal error: ValueError: unreadable table")]
    assert len(report.stored) == 7
    conn = sqlite3.connect(db)
    assert conn.execute("select count(distinct article_id) from events").fetchone()[0] >= 5
