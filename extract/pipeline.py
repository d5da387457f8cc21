"""The package's run path, as a Python API: `run_sources` (extract run, extract crawl)
and `reprocess` (extract reprocess).

For each SOURCE: fetch (through the HTML cache) or read the file, extract the
article, extract its facts, save it in its own transaction. A source that
fails is reported with a one-line reason and the run goes on; what was
stored stays stored. Reprocessing is the same path over stored articles:
each is read again from its cached page (else as stored), its facts
extracted again and saved.

Both build tasks and hand them to extract.scale.runner.run_tasks, whose
executor is this process (the default), `workers` local processes or a Dask
cluster: one loop, several ways to execute it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from extract.ingest.cache import default_cache_dir
from extract.ingest.fetch import FetchPolicy
from extract.ingest.read import DEFAULT_MAX_CHARS, Skipped, cap_text, check_json_fields, read_article
from extract.ingest.sources import BadSource, expand_sources
from extract.model import Article, Facts
from extract.scale.outcomes import DUPLICATE, FAILED, SKIPPED, STORED, Outcome, RunReport, failure_reason
from extract.scale.runner import DEFAULT_CHUNK_SIZE, BackendError, plan, run_tasks
from extract.scale.tasks import Result, Settings, StoredArticle, Task, package_fact_extractor
from extract.scale.writer import Pending, article_json

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DEFAULT_DB",
    "DEFAULT_MAX_CHARS",
    "DUPLICATE",
    "FAILED",
    "SKIPPED",
    "STORED",
    "BackendError",
    "Outcome",
    "ReprocessReport",
    "RunReport",
    "Skipped",
    "article_json",
    "cap_text",
    "check_json_fields",
    "failure_reason",
    "package_fact_extractor",
    "read_article",
    "reprocess",
    "run_sources",
]

DEFAULT_DB = Path("data/extract.db")

FactExtractor = Callable[[Article], Facts]


def run_sources(
    sources: Iterable[str],
    db_path: str | Path = DEFAULT_DB,
    *,
    url: str | None = None,
    json_out: TextIO | None = None,
    cache_dir: str | Path | None = None,
    policy: FetchPolicy | None = None,
    refetch: bool = False,
    stdin: TextIO | None = None,
    facts: bool | FactExtractor | None = True,
    progress: Callable[[Outcome], None] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    workers: int = 1,
    dask_address=None,
    backend=None,
    chunk_size: int | None = None,
    on_stored: Callable[[Result], None] | None = None,
    timed: bool = False,
    progress_bar: bool = False,
    keep: Callable[[Article], str | None] | None = None,
    screen: Callable[[str], str | None] | None = None,
) -> RunReport:
    """Ingest every SOURCE into the database at `db_path`.

    `facts` is True for the package's fact extractor, False/None for none, or
    a function (picklable, for workers). With `json_out`, each stored article
    is written there as one JSON line (the fields of `Article`, its `id`, and
    `facts` in the gold shape). An article text longer than `max_chars` is
    cut (see `cap_text`).

    The work runs in this process, or over `workers` local processes, or on
    the Dask cluster at `dask_address`, or on `backend`, one already started
    (extract.scale.backends) to reuse warm workers across runs; the stored
    rows are the same. `on_stored(result)` sees every worker result once it
    is stored, with the time each stage took in `result.seconds` and
    `result.cpu_seconds`; with `timed`, NLP is timed apart from the rest of
    fact extraction (extract bench). `progress_bar` draws one on stderr (when
    it is a terminal), with `progress` lines printed above it. `keep(article)`
    gives the reason to leave a read article out (no NLP, not stored: a
    SKIPPED outcome), or None; `screen(html)` the same for a fetched page,
    before its article is extracted.
    """
    expanded = expand_sources(sources, url=url, stdin=stdin)
    settings = Settings(
        cache_dir=str(Path(cache_dir or default_cache_dir(db_path)).resolve()),
        policy=policy or FetchPolicy(),
        refetch=refetch,
        facts=True if facts is True else (facts or False),
        timed=timed,
        max_chars=max_chars,
        keep=keep,
        screen=screen,
    )
    slots, tasks = plan(expanded)
    return run_tasks(
        slots,
        tasks,
        db_path,
        settings,
        workers=workers,
        dask_address=dask_address,
        backend=backend,
        chunk_size=chunk_size,
        json_out=json_out,
        progress=progress,
        on_stored=on_stored,
        progress_bar=progress_bar,
    )


@dataclass
class ReprocessReport:
    selected: int = 0
    processed: int = 0
    from_html: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)
    version: str | None = None
    interrupted: bool = False


def reprocess(
    db_path: str | Path,
    *,
    outdated_only: bool = False,
    cache_dir: str | Path | None = None,
    progress: bool = True,
    extract_facts: FactExtractor | None = None,
    version: str | None = None,
    workers: int = 1,
    dask_address=None,
) -> ReprocessReport:
    """Re-extract the facts of every stored article (or only outdated ones), so a better extractor improves old data.

    Each article is read again from its cached HTML when the cache still has
    the very page (so improvements in cleaning apply too), else taken as
    stored; its facts are replaced, one transaction per article, and the
    stories are then regrouped from scratch. `extract_facts` and `version`
    default to the package's extractor and its EXTRACTOR_VERSION. One
    failing article is reported and the rest go on.
    """
    from extract.store.db import check_database_file, open_db
    from extract.store.reprocess import select_articles
    from extract.store.stories import rebuild_stories

    check_database_file(db_path, writable=True)  # DatabaseFileError: one line, before loading any model
    if extract_facts is None:
        from extract.facts import EXTRACTOR_VERSION

        version = version or EXTRACTOR_VERSION
    cache = Path(cache_dir) if cache_dir else default_cache_dir(db_path)
    settings = Settings(cache_dir=str(cache), facts=extract_facts or True)
    db = open_db(db_path)
    try:
        ids = select_articles(db, version, outdated_only)
        slots = [Pending(index, aid) for index, aid in enumerate(ids)]
        from_html: dict[int, bool] = {}
        run = run_tasks(
            slots,
            _stored_tasks(db, ids),
            db_path,
            settings,
            workers=workers,
            dask_address=dask_address,
            on_stored=lambda result: from_html.__setitem__(result.index, result.from_html),
            progress_bar=progress,
            bar_unit="article",
            bar_desc="reprocess",
            version=version,
        )
        report = ReprocessReport(selected=len(ids), version=version, interrupted=run.interrupted)
        for index, outcome in enumerate(run.outcomes):
            if outcome.status == STORED:
                report.processed += 1
                report.from_html += from_html.get(index, False)
            else:
                report.failed.append((outcome.source, outcome.reason or outcome.status))
        # Each save regrouped its own stories; a pass over all articles in
        # publication order gives the stories a run from scratch would.
        if report.processed:
            rebuild_stories(db)
        return report
    finally:
        db.close()


def _stored_tasks(db, ids: list[str]) -> Iterator[Task]:
    """A task per stored article, loaded as the work reaches it (not all at once)."""
    from extract.store.db import load_article

    for index, aid in enumerate(ids):
        try:
            source = StoredArticle(load_article(db, aid))
        except Exception as error:  # one unreadable row fails alone
            source = BadSource(aid, f"{type(error).__name__}: {error}".splitlines()[0])
        yield Task(index, source)
