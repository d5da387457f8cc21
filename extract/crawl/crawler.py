"""`extract crawl`: a site's new articles, found in its feeds and sitemaps, fetched once, kept when on the topic.

For each site: discover the article URLs (extract.crawl.discover), leave out
those already seen (extract.crawl.state), those robots.txt disallows and
those older than `since`; then fetch, extract and store the rest newest
first through `extract run`'s own path (extract.pipeline.run_sources: the same fetch
layer and HTML cache, one transaction per article, `workers` processes),
with the topic check between extraction and NLP. Every URL handled is
recorded with what became of it, as soon as it is, so an interrupted crawl
resumes where it stopped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO
from urllib.parse import parse_qsl, urlsplit

from extract.crawl import state
from extract.crawl.discover import Entry, discover
from extract.crawl.topic import Topic
from extract.ingest.fetch import Fetcher, FetchPolicy
from extract.pipeline import DEFAULT_DB, DUPLICATE, FAILED, SKIPPED, STORED, Outcome

# progress(status, what, detail): one line's worth for each article and each failing document
Progress = Callable[[str, str, str | None], None]

DOCUMENT_FAILED = "document-failed"


@dataclass(frozen=True)
class CrawlOptions:
    since: date | None = None  # leave out entries dated before this
    max_articles: int | None = None  # fetch at most this many articles in the whole crawl
    topic: Topic | None = None  # None: keep every article (--all)
    dry_run: bool = False  # discover and list, fetch no article, record nothing
    workers: int = 1
    cache_dir: str | Path | None = None
    policy: FetchPolicy = field(default_factory=FetchPolicy)
    facts: bool = True


@dataclass
class SiteReport:
    site: str
    run_id: int | None = None
    found: int = 0  # distinct article URLs in the feeds and sitemaps
    new: int = 0  # not seen before (or failed before and due another try)
    fetched: int = 0
    stored: int = 0
    off_topic: int = 0
    failed: int = 0  # articles
    duplicates: int = 0  # another URL of an article already stored
    older: int = 0  # left out by `since`
    disallowed: int = 0  # by robots.txt, never requested
    deferred: int = 0  # beyond `max_articles`, left for the next crawl
    documents: int = 0  # feeds and sitemaps read
    document_failures: list[tuple[str, str]] = field(default_factory=list)
    new_entries: list[Entry] = field(default_factory=list)  # what a dry run would fetch
    interrupted: bool = False

    def counts(self) -> dict[str, int]:
        """The counts a crawl run records; `failed` counts feeds and sitemaps too, as the summary does."""
        counts = {name: getattr(self, name) for name in state.RUN_COUNTS}
        counts["failed"] += len(self.document_failures)
        return counts

    def summary(self) -> str:
        line = (
            f"{self.site}: found {self.found}, new {self.new}, fetched {self.fetched}, stored {self.stored},"
            f" off-topic {self.off_topic}, failed {self.failed + len(self.document_failures)}"
        )
        extra = [
            f"{self.deferred} left for the next crawl" if self.deferred else "",
            f"{self.older} older than --since" if self.older else "",
            f"{self.disallowed} disallowed by robots.txt" if self.disallowed else "",
            f"{self.duplicates} duplicate{'s' if self.duplicates != 1 else ''}" if self.duplicates else "",
            "interrupted" if self.interrupted else "",
        ]
        extra = [part for part in extra if part]
        return line + (f" ({', '.join(extra)})" if extra else "")

    def to_dict(self) -> dict:
        data = {name: value for name, value in vars(self).items() if name not in ("new_entries", "document_failures")}
        data["failed_documents"] = [{"url": url, "reason": reason} for url, reason in self.document_failures]
        return data


@dataclass
class CrawlReport:
    sites: list[SiteReport] = field(default_factory=list)

    @property
    def interrupted(self) -> bool:
        return any(site.interrupted for site in self.sites)

    @property
    def exit_code(self) -> int:
        """0 when nothing failed, 1 when an article, a feed or a sitemap did (as `extract run`)."""
        return 1 if any(site.failed or site.document_failures for site in self.sites) else 0

    def total(self, name: str) -> int:
        return sum(getattr(site, name) for site in self.sites)


class _Stop(Exception):
    """Raised between two articles when the crawl is asked to stop."""


def crawl(
    targets: Iterable[str],
    db_path: str | Path = DEFAULT_DB,
    options: CrawlOptions | None = None,
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    json_out: TextIO | None = None,
    progress_bar: bool = False,
    backend=None,
    on_stored: Callable | None = None,
) -> CrawlReport:
    """Crawl each site named in `targets` (a site's page, a feed or a sitemap; targets on one host make one run).

    `json_out`, `progress_bar`, `backend` and `on_stored` go to the run path
    (extract.pipeline.run_sources).
    """
    from extract.store.db import open_db

    options = options or CrawlOptions()
    report = CrawlReport()
    budget = [options.max_articles]
    run_args = {"json_out": json_out, "progress_bar": progress_bar, "backend": backend, "on_stored": on_stored}
    db = open_db(db_path)
    # As the run path's writer does: a commit no longer waits for the disk; a
    # power cut may lose the last URLs recorded, which the next crawl sees again.
    db.execute("PRAGMA synchronous = NORMAL")
    try:
        for site, site_targets in group_by_site(targets).items():
            if should_stop():
                break
            report.sites.append(
                _crawl_site(site, site_targets, db, db_path, options, budget, progress, should_stop, run_args)
            )
    finally:
        db.close()
    return report


def group_by_site(targets: Iterable[str]) -> dict[str, list[str]]:
    sites: dict[str, list[str]] = {}
    for target in targets:
        sites.setdefault(site_of(target), []).append(target.strip())
    return sites


def site_of(url: str) -> str:
    return (urlsplit(url.strip()).netloc or url).lower().removeprefix("www.")


def _crawl_site(
    site, targets, db, db_path, options: CrawlOptions, budget, progress, should_stop, run_args
) -> SiteReport:
    report = SiteReport(site)
    tell = progress or (lambda status, what, detail: None)
    if not options.dry_run:
        report.run_id = state.start_run(db, site)
    try:
        chosen = _choose(site, targets, db, options, budget, report, tell, should_stop)
        if options.dry_run:
            report.new_entries = chosen
            return report
        # A stop asked for during discovery leaves every article for the next crawl.
        report.interrupted = should_stop() and bool(chosen)
        if chosen and not report.interrupted:
            time.sleep(options.policy.delay)  # discovery's last request was to this host too
            _fetch_articles(chosen, site, db, db_path, options, report, tell, should_stop, run_args)
    except _Stop:
        report.interrupted = True
    except BaseException:  # a second Ctrl-C, or a failure of the run itself: the run is still closed
        state.finish_run(db, report.run_id, report.counts(), "interrupted")
        raise
    state.finish_run(db, report.run_id, report.counts(), "interrupted" if report.interrupted else "done")
    return report


def _choose(site, targets, db, options: CrawlOptions, budget, report: SiteReport, tell, should_stop) -> list[Entry]:
    """The site's article URLs to fetch now: found, not seen (or due another try), allowed, newest first, within budget."""
    from extract.urls import canonical_url, without_tracking

    with Fetcher(options.policy) as fetcher:
        entries: dict[str, Entry] = {}
        for target in targets:
            found = discover(target, fetcher.fetch_document, options.since, should_stop)
            report.documents += len(found.documents)
            report.older += found.older
            for url, reason in found.failures:
                report.document_failures.append((url, reason))
                tell(DOCUMENT_FAILED, url, reason)
            for entry in found.entries:
                entry = Entry(without_tracking(entry.url), entry.found_in, entry.published)
                key = canonical_url(entry.url)
                entries[key] = _better(entries.get(key), entry)
        report.found = len(entries)
        seen = state.seen_urls(db, entries)
        allowed = []
        for key, entry in entries.items():
            if key in seen and seen[key].done:
                continue
            if fetcher.allowed(entry.url):
                allowed.append(entry)
                continue
            report.disallowed += 1
            if not options.dry_run:
                state.record_url(
                    db,
                    entry.url,
                    site=site,
                    found_in=entry.found_in,
                    published=entry.published,
                    status=state.DISALLOWED,
                    reason="disallowed by the site's robots.txt",
                    run_id=report.run_id,
                    attempted=False,
                )
    # Newest first: with --max-articles, the latest news comes in first.
    allowed.sort(key=lambda entry: entry.published or "", reverse=True)
    report.new = len(allowed)
    chosen = allowed if budget[0] is None else allowed[: max(0, budget[0])]
    report.deferred = len(allowed) - len(chosen)
    if budget[0] is not None:
        budget[0] -= len(chosen)
    return chosen


def _fetch_articles(chosen, site, db, db_path, options, report: SiteReport, tell, should_stop, run_args) -> None:
    from extract.pipeline import DEFAULT_CHUNK_SIZE, run_sources

    by_url = {entry.url: entry for entry in chosen}

    def on_outcome(outcome: Outcome) -> None:
        entry = by_url.get(outcome.source)
        if entry is None:
            return
        report.fetched += 1
        status, reason = _crawl_status(outcome)
        if status == state.STORED:
            report.stored += 1
        elif status == state.OFF_TOPIC:
            report.off_topic += 1
        elif status == state.DUPLICATE:
            report.duplicates += 1
        else:
            report.failed += 1
        state.record_url(
            db,
            entry.url,
            site=site,
            found_in=entry.found_in,
            published=entry.published,
            status=status,
            reason=reason,
            article_id=outcome.article_id,
            run_id=report.run_id,
        )
        tell(status, entry.url, outcome.title if status == state.STORED else reason)
        if should_stop():
            raise _Stop  # between two articles: this one is stored and recorded, the next not begun

    run_sources(
        [entry.url for entry in chosen],
        db_path,
        workers=options.workers,
        cache_dir=options.cache_dir,
        policy=options.policy,
        facts=options.facts,
        keep=options.topic,
        screen=options.topic.screen_page if options.topic is not None else None,
        progress=on_outcome,
        chunk_size=DEFAULT_CHUNK_SIZE,
        **run_args,
    )


def _crawl_status(outcome: Outcome) -> tuple[str, str | None]:
    if outcome.status == STORED:
        return state.STORED, None
    if outcome.status == SKIPPED:
        return state.OFF_TOPIC, outcome.reason
    if outcome.status == DUPLICATE:
        return state.DUPLICATE, outcome.reason
    assert outcome.status == FAILED, outcome.status
    return state.FAILED, outcome.reason


def _better(current: Entry | None, other: Entry) -> Entry:
    """Of two URLs of one article, the one to fetch: fewer query parameters (no utm_ tags), the dated one."""
    if current is None:
        return other
    if len(parse_qsl(urlsplit(other.url).query)) < len(parse_qsl(urlsplit(current.url).query)):
        return Entry(other.url, other.found_in, other.published or current.published)
    if current.published is None and other.published is not None:
        return Entry(current.url, current.found_in, other.published)
    return current


def parse_interval(text: str) -> float:
    """Seconds in "90", "90s", "30m", "6h" or "1d"; ValueError otherwise."""
    text = text.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (text[:-1], text[-1]) if text and text[-1] in units else (text, "s")
    seconds = float(number) * units[unit]
    if not seconds > 0:
        raise ValueError(f"not a positive interval: {text}")
    return seconds


def watch(
    targets: list[str],
    db_path: str | Path,
    options: CrawlOptions,
    interval: float,
    *,
    on_report: Callable[[CrawlReport], None],
    should_stop: Callable[[], bool],
    sleep: Callable[[float], None] = time.sleep,
    **crawl_args,
) -> None:
    """Crawl, wait `interval` seconds, crawl again, until `should_stop()`."""
    while not should_stop():
        on_report(crawl(targets, db_path, options, should_stop=should_stop, **crawl_args))
        waited = 0.0
        while waited < interval and not should_stop():
            step = min(1.0, interval - waited)
            sleep(step)
            waited += step
