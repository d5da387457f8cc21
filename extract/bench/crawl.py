"""`extract bench-crawl`: `extract crawl` over a fake news site of N articles on 127.0.0.1.

The site (extract.bench.news_site: a sitemap index with gzipped children, an
RSS feed, about a tenth of the articles on the topic, as at a regional
outlet) is served by http.server in another process, with `--delay 0`. The
crawl is the real one: discovery, the seen-URL table, the fetch layer and
HTML cache, extraction, the topic check, NLP and facts for the articles on
the topic, one transaction per article.

Figures: articles per second end to end, and the CPU an off-topic article
costs (fetch, HTML -> article, topic check, its row in crawl_urls) against
trafilatura's extraction alone on the same pages, measured in the same run.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from extract.bench.machine import Machine, this_machine

GOAL_OFF_TOPIC_RATIO = 1.5  # an off-topic article costs at most this × trafilatura alone


@dataclass
class CrawlBench:
    machine: Machine
    articles: int
    on_topic: int
    workers: int
    seconds: float  # the crawl, wall clock (the NLP pipeline loaded before)
    discovery_seconds: float
    articles_per_second: float
    stored: int
    off_topic: int
    failed: int
    off_topic_cpu_ms: float  # per off-topic article: fetch + HTML -> article + topic check + store step + bookkeeping
    off_topic_read_cpu_ms: float  # of which fetch + HTML -> article + topic check
    bookkeeping_cpu_ms: float  # per URL: discovery, seen-URL table, progress (this process, outside the stages)
    on_topic_cpu_ms: float  # per on-topic article, all stages
    trafilatura_cpu_ms: float  # trafilatura alone, per off-topic page
    off_topic_ratio: float
    second_crawl_seconds: float  # the same site again: nothing new

    def to_dict(self) -> dict:
        data = asdict(self)
        data["goal_off_topic_ratio"] = GOAL_OFF_TOPIC_RATIO
        return data


def bench_crawl(
    articles: int = 10_000,
    *,
    on_topic_share: float = 0.1,
    workers: int = 1,
    seed: int = 0,
    workdir: str | Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CrawlBench:
    """Build the fake site, serve it, crawl it twice, and measure."""
    if workdir is not None:
        Path(workdir).mkdir(parents=True, exist_ok=True)
        return _bench_in(Path(workdir), articles, on_topic_share, workers, seed, progress)
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        return _bench_in(Path(tmp), articles, on_topic_share, workers, seed, progress)


def _bench_in(root: Path, count: int, share: float, workers: int, seed: int, progress) -> CrawlBench:
    from extract.bench.news_site import (
        build_site,
        free_port,
        make_articles,
        serve_directory,
    )
    from extract.bench.throughput import time_trafilatura
    from extract.crawl import CrawlOptions, crawl, load_topic
    from extract.ingest.fetch import FetchPolicy
    from extract.scale.tasks import pipeline, warm_up

    machine = this_machine()
    port = free_port()
    site = make_articles(count, share, seed)
    build_site(root / "site", f"http://127.0.0.1:{port}", site)
    db_path, cache_dir = root / "crawl.db", root / "html-cache"
    for old in (db_path, root / "crawl.db-wal", root / "crawl.db-shm"):
        old.unlink(missing_ok=True)
    options = CrawlOptions(
        topic=load_topic(),
        policy=FetchPolicy(delay=0, retries=0, timeout=30),
        workers=workers,
        cache_dir=cache_dir,
        facts=True,
    )
    warm_up()  # the pipeline's load (a few seconds, once per process) stays out of the figures
    pipeline()
    results = []
    done = [0]

    def on_stored(result) -> None:
        results.append(result)

    def tell(status, what, detail) -> None:
        if status != "document-failed":
            done[0] += 1
            if progress is not None:
                progress(done[0], count)

    with serve_directory(root / "site", port) as base:
        cpu_started, started = time.process_time(), time.perf_counter()
        report = crawl([base + "/"], db_path, options, progress=tell, on_stored=on_stored)
        seconds, cpu_main = time.perf_counter() - started, time.process_time() - cpu_started
        again = time.perf_counter()
        crawl([base + "/"], db_path, options)
        second_seconds = time.perf_counter() - again
    crawled = report.sites[0]
    skipped = [r for r in results if r.skipped is not None]
    kept = [r for r in results if r.skipped is None and r.failed_at is None]
    stage_cpu = sum(sum(r.cpu_seconds.values()) for r in results)
    # In this process: the stages of a serial run, only the store step of a parallel one.
    in_process = stage_cpu if workers == 1 else sum(r.cpu_seconds.get("store", 0.0) for r in results)
    bookkeeping = max(0.0, cpu_main - in_process) / max(1, crawled.found)
    read_cpu = _mean([r.cpu_seconds.get("read", 0.0) for r in skipped])
    off_topic_cpu = _mean([sum(r.cpu_seconds.values()) for r in skipped]) + bookkeeping
    off_topic_urls = [f"http://127.0.0.1:{port}{a.path}" for a in site if not a.on_topic]
    _, trafilatura_cpu = time_trafilatura(off_topic_urls, str(cache_dir.resolve()), 1)
    trafilatura_ms = 1000 * trafilatura_cpu / max(1, len(off_topic_urls))
    return CrawlBench(
        machine=machine,
        articles=count,
        on_topic=sum(a.on_topic for a in site),
        workers=workers,
        seconds=round(seconds, 2),
        discovery_seconds=round(_discovery_seconds(seconds, results), 2),
        articles_per_second=round(crawled.fetched / seconds, 1) if seconds else 0.0,
        stored=crawled.stored,
        off_topic=crawled.off_topic,
        failed=crawled.failed,
        off_topic_cpu_ms=round(1000 * off_topic_cpu, 2),
        off_topic_read_cpu_ms=round(1000 * read_cpu, 2),
        bookkeeping_cpu_ms=round(1000 * bookkeeping, 2),
        on_topic_cpu_ms=round(1000 * _mean([sum(r.cpu_seconds.values()) for r in kept]) + 1000 * bookkeeping, 2),
        trafilatura_cpu_ms=round(trafilatura_ms, 2),
        off_topic_ratio=round(1000 * off_topic_cpu / trafilatura_ms, 2) if trafilatura_ms else 0.0,
        second_crawl_seconds=round(second_seconds, 2),
    )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _discovery_seconds(total: float, results: list) -> float:
    """Wall clock outside the articles' stages (serial run): discovery, mostly."""
    return max(0.0, total - sum(sum(r.seconds.values()) for r in results))


def format_crawl_bench(bench: CrawlBench) -> str:
    met = "yes" if bench.off_topic_ratio <= GOAL_OFF_TOPIC_RATIO else "no"
    return "\n".join(
        [
            f"machine: {bench.machine.describe()}",
            f"site: {bench.articles:,} articles, {bench.on_topic:,} on the topic; workers: {bench.workers}",
            f"  crawl, seconds                     {bench.seconds:10.1f}  (of which outside the articles: {bench.discovery_seconds:.1f})",
            f"  articles/s, end to end             {bench.articles_per_second:10.1f}",
            f"  stored / off-topic / failed        {bench.stored:,} / {bench.off_topic:,} / {bench.failed:,}",
            f"  CPU per off-topic article, ms      {bench.off_topic_cpu_ms:10.2f}  (fetch, HTML -> article, topic: {bench.off_topic_read_cpu_ms:.2f}; bookkeeping per URL: {bench.bookkeeping_cpu_ms:.2f})",
            f"  trafilatura alone, CPU ms per page {bench.trafilatura_cpu_ms:10.2f}",
            f"  off-topic / trafilatura alone      {bench.off_topic_ratio:10.2f}×  (goal ≤ {GOAL_OFF_TOPIC_RATIO}×: {met})",
            f"  CPU per on-topic article, ms       {bench.on_topic_cpu_ms:10.2f}",
            f"  second crawl (nothing new), s      {bench.second_crawl_seconds:10.1f}",
        ]
    )
