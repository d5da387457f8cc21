"""The one run path: tasks in, each executed (here, in local processes or on
a Dask cluster), each result stored by one writer, outcomes reported.

Workers turn sources (or stored articles) into articles and facts
(extract.scale.tasks); this process is the only one that writes to SQLite,
saving each result in its own transaction, in input order
(extract.scale.writer). So the database holds the same rows, with the same
ids, however the run was executed. `extract run`, `extract crawl` and
`extract reprocess` all come here through extract.pipeline.

URL sources are fetched by the workers. To keep each host's request rate
what `--delay` promises, each of N workers waits N × delay between two
requests to one host. File sources are read by the workers from their path,
so on a cluster every worker must see the same files (and the HTML cache).
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from extract.ingest.sources import Source, UrlSource
from extract.scale.backends import BackendError, DaskBackend, ProcessBackend, SerialBackend
from extract.scale.outcomes import DUPLICATE, Outcome, RunReport
from extract.scale.tasks import Result, Settings, Task
from extract.scale.writer import Pending, ProgressBar, write_results
from extract.store.db import open_db
from extract.urls import canonical_url

__all__ = ["BackendError", "DEFAULT_CHUNK_SIZE", "make_backend", "plan", "run_tasks"]

DEFAULT_CHUNK_SIZE = 8  # sources per piece of work: big enough to hide the messaging, small enough to balance


def make_backend(workers: int = 1, dask_address=None, settings: Settings | None = None):
    """The backend for `--workers N` / `--dask ADDRESS` (a context manager)."""
    if dask_address is not None:
        return DaskBackend(dask_address)
    if workers > 1:
        return ProcessBackend(workers, settings or Settings(cache_dir="."))
    return SerialBackend()


def run_tasks(
    slots: list[Outcome | Pending],
    tasks: Iterable[Task],
    db_path: str | Path,
    settings: Settings,
    *,
    workers: int = 1,
    dask_address=None,
    backend=None,
    chunk_size: int | None = None,
    json_out: TextIO | None = None,
    progress: Callable[[Outcome], None] | None = None,
    on_stored: Callable[[Result], None] | None = None,
    progress_bar: bool = False,
    bar_unit: str = "source",
    bar_desc: str | None = None,
    version: str | None = None,
) -> RunReport:
    """Execute `tasks` and store their results in the order of `slots` (see `plan`).

    The executor is `backend` when given (one already started, kept warm
    across runs; its owner stops it), else the one `make_backend(workers,
    dask_address)` starts. `chunk_size` defaults to one task at a time in
    this process (each article stored as soon as it is read) and to
    DEFAULT_CHUNK_SIZE elsewhere. Interrupted (Ctrl-C, SIGTERM), the report
    holds what was stored before and says so.
    """
    report = RunReport()
    try:
        with (
            contextlib.nullcontext(backend)
            if backend is not None
            else make_backend(workers, dask_address, settings) as backend
        ):
            if backend.workers > 1:
                # N workers share each host's request budget.
                policy = settings.policy
                settings = dataclasses.replace(
                    settings, policy=dataclasses.replace(policy, delay=policy.delay * backend.workers)
                )
            size = chunk_size or (1 if isinstance(backend, SerialBackend) else DEFAULT_CHUNK_SIZE)
            results = _flatten(backend.run(_chunks(tasks, size), settings))
            db = open_db(db_path)
            # WAL with synchronous=NORMAL: a commit no longer waits for the disk, and
            # the database still never corrupts; a power cut may lose the last commits.
            db.execute("PRAGMA synchronous = NORMAL")
            try:
                with ProgressBar(len(slots), progress, enabled=progress_bar, unit=bar_unit, desc=bar_desc) as bar:
                    return write_results(
                        slots,
                        results,
                        db,
                        json_out=json_out,
                        progress=bar.advance,
                        on_stored=on_stored,
                        report=report,
                        version=version,
                    )
            finally:
                db.close()
    except KeyboardInterrupt:  # the backend has ended its workers on the way out
        report.interrupted = True
        return report


def plan(sources: list[Source]) -> tuple[list[Outcome | Pending], list[Task]]:
    """One slot per source, in order: an Outcome known now (named twice), or the task to wait for."""
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


def _absolute(source: Source) -> Source:
    """Workers may run elsewhere (another directory, another machine with the same mounts)."""
    path = getattr(source, "path", None)
    if isinstance(path, Path) and not path.is_absolute():
        return dataclasses.replace(source, path=path.resolve())
    return source


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    """Consecutive pieces of `size` tasks; `tasks` may be a generator (read as the work goes)."""
    iterator = iter(tasks)
    while chunk := list(itertools.islice(iterator, max(1, size))):
        yield chunk


def _flatten(chunks: Iterator[list[Result]]) -> Iterator[Result]:
    for chunk in chunks:
        yield from chunk
