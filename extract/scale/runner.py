"""`extract run --workers N` and `--dask ADDRESS`: extraction in parallel, one writer.

Workers (local processes or Dask workers) turn sources into articles and
facts (extract.scale.tasks); this process is the only one that writes to
SQLite, saving each result in its own transaction, in input order. So the
database holds the same rows, with the same ids, as after a serial
`extract run` of the same sources.

URL sources are fetched by the workers. To keep each host's request rate
what `--delay` promises, each of N workers waits N × delay between two
requests to one host. File sources are read by the workers from their path,
so on a cluster every worker must see the same files (and the HTML cache).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from extract.ingest.cache import default_cache_dir
from extract.ingest.fetch import FetchPolicy
from extract.ingest.sources import Source, UrlSource, expand_sources
from extract.model import Article, Facts
from extract.pipeline import (
    DEFAULT_DB,
    DEFAULT_MAX_CHARS,
    DUPLICATE,
    FAILED,
    SKIPPED,
    STORED,
    Outcome,
    RunReport,
    article_json,
    failure_reason,
)
from extract.scale.backends import BackendError, DaskBackend, ProcessBackend, SerialBackend
from extract.scale.tasks import READ, Result, Settings, Task

__all__ = ["BackendError", "run_sources_parallel", "make_backend", "DEFAULT_CHUNK_SIZE"]

DEFAULT_CHUNK_SIZE = 8  # sources per piece of work: big enough to hide the messaging, small enough to balance


@dataclass(frozen=True)
class Pending:
    """A source handed to the workers: its task's index and its label for the report."""

    index: int
    label: str


def make_backend(workers: int = 1, dask_address=None, settings: Settings | None = None):
    """The backend for `--workers N` / `--dask ADDRESS` (a context manager)."""
    if dask_address is not None:
        return DaskBackend(dask_address)
    if workers > 1:
        return ProcessBackend(workers, settings or Settings(cache_dir="."))
    return SerialBackend()


def run_sources_parallel(
    sources: Iterable[str],
    db_path: str | Path = DEFAULT_DB,
    *,
    workers: int = 2,
    dask_address=None,
    url: str | None = None,
    json_out: TextIO | None = None,
    cache_dir: str | Path | None = None,
    policy: FetchPolicy | None = None,
    refetch: bool = False,
    stdin: TextIO | None = None,
    facts: bool | Callable[[Article], Facts] = True,
    progress: Callable[[Outcome], None] | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    on_stored: Callable[[Result], None] | None = None,
    timed: bool = False,
    progress_bar: bool = False,
    backend=None,
    max_chars: int = DEFAULT_MAX_CHARS,
    keep: Callable[[Article], str | None] | None = None,
    screen: Callable[[str], str | None] | None = None,
) -> RunReport:
    """Like extract.pipeline.run_sources, with the work spread over `workers`
    local processes, or over the Dask cluster at `dask_address`.

    `on_stored(result)` sees every worker result once it is stored, with
    the time each stage took (store included) in `result.seconds` and
    `result.cpu_seconds`; with `timed`, NLP is timed apart from the rest of
    fact extraction (extract bench). `progress_bar` draws one on stderr
    (when it is a terminal), with `progress` lines printed above it.
    `backend` is one already started (extract.scale.backends), to reuse warm
    workers across runs; its owner stops it. `keep(article)` gives the reason
    to leave a read article out (no NLP, not stored: a SKIPPED outcome), or None;
    `screen(html)` the same for a fetched page, before its article is extracted.
    """
    expanded = expand_sources(sources, url=url, stdin=stdin)
    cache_dir = str(Path(cache_dir or default_cache_dir(db_path)).resolve())
    policy = policy or FetchPolicy()
    settings = Settings(
        cache_dir=cache_dir,
        policy=policy,
        refetch=refetch,
        facts=facts,
        timed=timed,
        max_chars=max_chars,
        keep=keep,
        screen=screen,
    )
    slots, tasks = plan(expanded)
    report = RunReport()
    try:
        with (
            contextlib.nullcontext(backend)
            if backend is not None
            else make_backend(workers, dask_address, settings) as backend
        ):
            if backend.workers > 1:
                # N workers share each host's request budget.
                settings = dataclasses.replace(
                    settings, policy=dataclasses.replace(policy, delay=policy.delay * backend.workers)
                )
            results = _flatten(backend.run(_chunks(tasks, chunk_size), settings))
            with _ProgressBar(len(slots), progress, enabled=progress_bar) as bar:
                return write_results(
                    slots, results, db_path, json_out=json_out, progress=bar.advance, on_stored=on_stored, report=report
                )
    except KeyboardInterrupt:  # the backend has ended its workers on the way out
        report.interrupted = True
        return report


def plan(sources: list[Source]) -> tuple[list[Outcome | Pending], list[Task]]:
    """One slot per source, in order: an Outcome known now (named twice), or the task to wait for."""
    from extract.urls import canonical_url

    slots: list[Outcome | Pending] = []
    tasks: list[Task] = []
    seen: set[str] = set()
    for source in sources:
        label = source.label
        key = canonical_url(source.url) if isinstance(source, UrlSource) else label
        if key in seen:
            slots.append(Outcome(label, DUPLICATE, "given twice"))
            continue
        seen.add(key)
        slots.append(Pending(len(tasks), label))
        tasks.append(Task(len(tasks), _absolute(source)))
    return slots, tasks


def write_results(
    slots: list[Outcome | Pending],
    results: Iterator[Result],
    db_path: str | Path,
    *,
    json_out: TextIO | None = None,
    progress: Callable[[Outcome], None] | None = None,
    on_stored: Callable[[Result], None] | None = None,
    report: RunReport | None = None,
) -> RunReport:
    """The single writer: store each result in order, one transaction per article.

    Outcomes go into `report` (a new one by default) as they come, so that a
    caller interrupted part way still has those stored before.
    """
    from extract.store.db import open_db

    report = report if report is not None else RunReport()
    seen_articles: set[str] = set()
    db = open_db(db_path)
    # WAL with synchronous=NORMAL: a commit no longer waits for the disk, and
    # the database still never corrupts; a power cut may lose the last commits.
    db.execute("PRAGMA synchronous = NORMAL")
    try:
        for slot in slots:
            if isinstance(slot, Outcome):
                outcome = slot
            else:
                result = next(results)
                assert result.index == slot.index, "results out of order"
                started, cpu_started = time.perf_counter(), time.process_time()
                outcome = _store(db, slot.label, result, seen_articles, json_out)
                result.seconds["store"] = time.perf_counter() - started
                result.cpu_seconds["store"] = time.process_time() - cpu_started
                if on_stored is not None:
                    on_stored(result)
            report.outcomes.append(outcome)
            if progress is not None:
                progress(outcome)
    finally:
        db.close()
    return report


def _store(db, label: str, result: Result, seen_articles: set[str], json_out: TextIO | None) -> Outcome:
    from extract.store.db import article_id, save_article

    if result.skipped is not None:
        article = result.article
        return Outcome(label, SKIPPED, result.skipped, None, article and article.url, article and article.title)
    if result.failed_at == READ or result.article is None:
        return Outcome(label, FAILED, result.reason)
    article = result.article
    aid = article_id(article)
    if aid in seen_articles:
        return Outcome(label, DUPLICATE, "same article as an earlier source", aid, article.url, article.title)
    if result.failed_at is not None:
        return Outcome(label, FAILED, result.reason)
    if result.repeats_earlier:  # no facts were extracted: the earlier source has them, but it failed
        return Outcome(label, FAILED, "same article as an earlier source, which failed")
    try:
        aid = save_article(db, article, result.facts)
    except Exception as error:
        return Outcome(label, FAILED, failure_reason(error))
    seen_articles.add(aid)
    if json_out is not None:
        json_out.write(json.dumps(article_json(aid, article, result.facts), ensure_ascii=False) + "\n")
        json_out.flush()
    return Outcome(label, STORED, None, aid, article.url, article.title, result.note)


def _absolute(source: Source) -> Source:
    """Workers may run elsewhere (another directory, another machine with the same mounts)."""
    path = getattr(source, "path", None)
    if isinstance(path, Path) and not path.is_absolute():
        return dataclasses.replace(source, path=path.resolve())
    return source


def _chunks(tasks: list[Task], size: int) -> Iterator[list[Task]]:
    for start in range(0, len(tasks), max(1, size)):
        yield tasks[start : start + size]


def _flatten(chunks: Iterator[list[Result]]) -> Iterator[Result]:
    for chunk in chunks:
        yield from chunk


class _ProgressBar:
    """A tqdm bar over the sources, with each `progress` line printed above it."""

    def __init__(self, total: int, progress: Callable[[Outcome], None] | None, enabled: bool):
        from tqdm import tqdm

        self._progress = progress
        # disable=None: drawn only when stderr is a terminal.
        self._bar = tqdm(
            total=total, unit="source", file=sys.stderr, disable=None if enabled else True, dynamic_ncols=True
        )

    def advance(self, outcome: Outcome) -> None:
        if self._progress is not None:
            with self._bar.external_write_mode(file=sys.stderr):
                self._progress(outcome)
        self._bar.update(1)

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.close()
