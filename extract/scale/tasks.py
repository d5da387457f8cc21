"""The unit of work that runs in a worker: sources (or stored articles) in, articles and facts out.

`process_chunk(tasks, settings)` is a module-level function over small,
picklable inputs (a source: a URL or a file path, and an index), so one code
path serves the calling process, a process pool and a Dask cluster. Each
worker process keeps what is expensive to build at module level and builds
it once: the NLP pipeline (extract.nlp.pipeline.load_pipeline, itself cached)
and the fetcher (its connection pool, robots.txt and per-host clock).

Nothing is written to the database here: results go back to the single
writer (extract.scale.writer), which stores them in input order.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Callable

from extract.ingest.fetch import FetchPolicy
from extract.ingest.read import DEFAULT_MAX_CHARS, Skipped, cap_text, read_article, reread_article
from extract.ingest.sources import Source
from extract.model import Article, Facts
from extract.scale.outcomes import failure_reason

READ = "read"  # fetching or reading the source, HTML → article
FACTS = "facts"  # NLP and fact extraction

# One BLAS/OpenMP thread per worker: parallelism comes from the processes, and
# N workers × N threads on N cores only fight over the cores.
# Same name as extract.nlp.pipeline.NER_MODEL_ENV, read here without importing
# spaCy (keep_torch_out must run before spaCy is imported).
NER_MODEL_ENV = "EXTRACT_NER_MODEL"

SINGLE_THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


@dataclass(frozen=True)
class Settings:
    """What every worker needs to know; picklable."""

    cache_dir: str
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    refetch: bool = False
    facts: bool | Callable[[Article], Facts] = True  # True: the package's extractor; a function must be picklable
    timed: bool = False  # split the facts stage into NLP and the rest (extract bench)
    max_chars: int = DEFAULT_MAX_CHARS  # longest article text extracted (extract.ingest.read.cap_text)
    # Tells one run from the next in a worker kept warm across runs (duplicates are per run).
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    # Checked on each article once read, before any NLP: the reason to leave
    # it out (extract crawl's topic filter), or None to go on; picklable.
    keep: Callable[[Article], str | None] | None = None
    # The same, earlier and cheaper: on a fetched page's HTML, before extraction.
    screen: Callable[[str], str | None] | None = None
    # The NER model, decided where the run starts (--ner-model sets the
    # environment there, which Dask workers on other machines do not see).
    ner_model: str | None = field(default_factory=lambda: os.environ.get(NER_MODEL_ENV))


@dataclass(frozen=True)
class StoredArticle:
    """An article already stored, to extract again (extract reprocess): from its cached page, else as stored."""

    article: Article


@dataclass(frozen=True)
class Task:
    index: int  # position in the run: the writer stores results in this order
    source: Source | StoredArticle


@dataclass
class Result:
    index: int
    article: Article | None = None
    facts: Facts | None = None
    failed_at: str | None = None  # READ or FACTS
    reason: str | None = None  # one line, as `extract run` reports it
    note: str | None = None  # what to tell the user about a stored article (its text was cut)
    # The same article came from an earlier source of this run: no facts
    # extracted for it (the writer reports it as a duplicate).
    repeats_earlier: bool = False
    skipped: str | None = None  # why `Settings.keep` left the article out (no facts, not stored)
    from_html: bool = False  # a StoredArticle read again from its cached page
    seconds: dict[str, float] = field(default_factory=dict)  # wall clock: read, nlp, facts
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # this process's CPU time, same keys


def process_chunk(tasks: list[Task], settings: Settings) -> list[Result]:
    """Every task of a chunk, in order. Never raises for one bad source.

    The chunk's articles are read one by one, then go through the NLP
    pipeline together (`nlp.pipe` batches them; see extract_facts_batch).
    """
    results = [_read(task, settings) for task in tasks]
    readable = [
        result
        for result in results
        if result.article is not None and result.skipped is None and not _repeats_earlier(result, settings)
    ]
    extractor = _extractor(settings.facts)
    if extractor is None or not readable:
        return results
    if extractor is package_fact_extractor():
        _extract_batch(readable, settings)
    else:
        for result in readable:
            _extract_one(result, extractor)
    return results


def _read(task: Task, settings: Settings) -> Result:
    result = Result(task.index)
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        if isinstance(task.source, StoredArticle):
            # Stored text was capped when first read; a re-read page is taken whole, as before.
            result.article, result.from_html = reread_article(task.source.article, Path(settings.cache_dir))
            return result
        fetcher, cache = _fetcher(settings.cache_dir, settings.policy)
        result.article = read_article(task.source, fetcher, cache, settings.refetch, settings.screen)
        if settings.keep is not None:
            result.skipped = settings.keep(result.article)
        if result.skipped is None:
            result.note = cap_text(result.article, settings.max_chars)
    except Skipped as skipped:
        result.skipped = skipped.reason
    except Exception as error:
        result.failed_at, result.reason = READ, failure_reason(error)
    finally:
        result.seconds[READ] = time.perf_counter() - started
        result.cpu_seconds[READ] = time.process_time() - cpu_started
    return result


def _repeats_earlier(result: Result, settings: Settings) -> bool:
    """Whether this process already read the same article in this run (then marked, and NLP skipped).

    Chunks reach a worker in input order, so the earlier source is the one
    the writer stores; sources read by other workers are not seen here.
    """
    from extract.store.db import article_id

    aid = article_id(result.article)
    with _lock:
        if _seen_articles.get("run") != settings.run_id:
            _seen_articles.clear()
            _seen_articles["run"] = settings.run_id
            _seen_articles["ids"] = set()
        seen = _seen_articles["ids"]
        result.repeats_earlier = aid in seen
        seen.add(aid)
    return result.repeats_earlier


def _extract_batch(results: list[Result], settings: Settings) -> None:
    """The package's extractor over the articles of `results`, in one batch;
    when the batch fails, one by one, so only the bad article fails."""
    from extract.facts import extract_facts, extract_facts_batch

    nlp = pipeline(settings.ner_model)
    timed = TimedPipeline(nlp)
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        facts = extract_facts_batch([result.article for result in results], nlp=timed)
    except Exception:
        for result in results:
            _extract_one(result, extract_facts, nlp)
        return
    # The batch's time, shared evenly: the benchmark reports averages. The NLP
    # stage is reported apart only when asked (extract bench).
    share = 1 / len(results)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    nlp_seconds, nlp_cpu_seconds = (timed.seconds, timed.cpu_seconds) if settings.timed else (0.0, 0.0)
    for result, found in zip(results, facts):
        result.facts = found
        if settings.timed:
            result.seconds["nlp"], result.cpu_seconds["nlp"] = nlp_seconds * share, nlp_cpu_seconds * share
        result.seconds[FACTS] = (seconds - nlp_seconds) * share
        result.cpu_seconds[FACTS] = (cpu_seconds - nlp_cpu_seconds) * share


def _extract_one(result: Result, extractor: Callable[..., Facts], nlp=None) -> None:
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        result.facts = extractor(result.article, nlp=nlp) if nlp is not None else extractor(result.article)
    except Exception as error:
        result.failed_at, result.reason = FACTS, failure_reason(error)
    result.seconds[FACTS] = time.perf_counter() - started
    result.cpu_seconds[FACTS] = time.process_time() - cpu_started


def warm_up(settings: Settings | None = None, lean: bool = False, parent: int | None = None) -> None:
    """Load the pipeline now (worker start-up), not inside the first task's timing.

    `lean` (in processes of our own, never in a shared Dask worker) keeps
    torch out of the process first: see `keep_torch_out`; and the process
    exits when `parent` (the pid that started it) is gone: see `stay_with_parent`.
    """
    for name, value in SINGLE_THREAD_ENV.items():
        os.environ.setdefault(name, value)
    ner_model = settings.ner_model if settings is not None else os.environ.get(NER_MODEL_ENV)
    if lean:
        keep_torch_out(ner_model)
        stay_with_parent(parent or os.getppid())
        # Ctrl-C reaches the whole process group; the parent decides when
        # to stop (extract crawl: between two articles) and stops the pool.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if settings is None or settings.facts is True:
        pipeline(ner_model)


PARENT_CHECK_SECONDS = 0.5


def stay_with_parent(parent: int) -> None:
    """In a worker process of our own: leave stopping to the parent, and never outlive it.

    Ctrl-C reaches the whole process group; the parent alone decides (it
    stops between articles and ends its workers). A parent killed outright
    (SIGKILL) cannot: a watcher thread sees the process re-parented and exits,
    which also lets multiprocessing's resource tracker end. `parent` is the
    pid that started this process (it may be gone before this runs).
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def keep_torch_out(ner_model: str | None = None) -> bool:
    """Make `import torch` fail in this process, unless a transformers NER model is configured.

    thinc imports torch whenever it is installed, though a spaCy pipeline on
    thinc's own CPU ops never calls it; that costs each worker about 180 MB
    and 1.5 s. A None entry in sys.modules is Python's documented way to make
    an import raise ImportError, which thinc takes as "no torch". Returns
    whether torch was kept out (False when already imported or needed).
    """
    if "torch" in sys.modules or "spacy" in sys.modules:
        return False
    model = ner_model or os.environ.get(NER_MODEL_ENV)
    if model and (Path(model) / "config.json").is_file() and not (Path(model) / "config.cfg").is_file():
        return False  # a Hugging Face model: extract.nlp.hf_ner runs it with torch
    sys.modules["torch"] = None  # type: ignore[assignment]
    return True


# -- per-process caches ----------------------------------------------------

_lock = threading.Lock()  # Dask may run several tasks of one worker in threads
_fetchers: dict[tuple[str, FetchPolicy], Any] = {}
_seen_articles: dict[str, Any] = {}  # "run": the run's id, "ids": the article ids read in it


def pipeline(ner_model: str | None = None):
    """The NLP pipeline, loaded once in this process (extract.nlp.pipeline caches it)."""
    from extract.nlp.pipeline import load_pipeline

    with _lock:
        return load_pipeline(ner_model)


def _fetcher(cache_dir: str, policy: FetchPolicy):
    from extract.ingest.cache import HtmlCache
    from extract.ingest.fetch import Fetcher

    key = (cache_dir, policy)
    with _lock:
        if key not in _fetchers:
            cache = HtmlCache(cache_dir)
            _fetchers[key] = (Fetcher(policy, cache), cache)
        return _fetchers[key]


def package_fact_extractor() -> Callable[[Article], Facts] | None:
    """The facts stage, when the package has one. This is where facts plug into a run."""
    try:
        from extract.facts import extract_facts
    except ImportError:
        return None
    return extract_facts


def _extractor(facts: bool | Callable[[Article], Facts]):
    if facts is True:
        return package_fact_extractor()
    return facts or None


class TimedPipeline:
    """A spaCy pipeline that adds up the time spent in its calls (the NLP stage)."""

    def __init__(self, nlp):
        self._nlp = nlp
        self.seconds = 0.0
        self.cpu_seconds = 0.0

    def __call__(self, *args, **kwargs):
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            return self._nlp(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started
            self.cpu_seconds += time.process_time() - cpu_started

    def pipe(self, texts, **kwargs):
        docs = self._nlp.pipe(texts, **kwargs)
        while True:
            started, cpu_started = time.perf_counter(), time.process_time()
            try:
                doc = next(docs)
            except StopIteration:
                return
            finally:
                self.seconds += time.perf_counter() - started
                self.cpu_seconds += time.process_time() - cpu_started
            yield doc

    def __getattr__(self, name: str):
        return getattr(self._nlp, name)
