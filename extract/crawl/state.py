"""What a crawl remembers, in the same database as the articles.

`crawl_urls`: every article URL found, keyed by its canonical form
(extract.urls.canonical_url, so "?utm_source=..." copies are one URL),
with when and where it was found and what became of it. `crawl_runs`: one
row per site per crawl, with its counts. Each write is its own small
transaction, so an interrupted crawl keeps what it recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from extract.store.db import write_transaction
from extract.urls import canonical_url

STORED = "stored"
OFF_TOPIC = "off-topic"
FAILED = "failed"
DISALLOWED = "disallowed"
DUPLICATE = "duplicate"

# A URL that failed is tried again by later crawls, this many times in all
# (a site down for a day should not lose its articles).
MAX_ATTEMPTS = 3

RUN_COUNTS = ("found", "new", "fetched", "stored", "off_topic", "failed")


@dataclass(frozen=True)
class Seen:
    status: str
    attempts: int

    @property
    def done(self) -> bool:
        """Whether a crawl should leave this URL alone."""
        return self.status != FAILED or self.attempts >= MAX_ATTEMPTS


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def seen_urls(db: Database, urls: Iterable[str]) -> dict[str, Seen]:
    """What is known of each of `urls` (canonical forms), for those already seen."""
    keys = list(dict.fromkeys(urls))
    found: dict[str, Seen] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        placeholders = ",".join("?" for _ in chunk)
        for url, status, attempts in db.execute(
            f"select url, status, attempts from crawl_urls where url in ({placeholders})", chunk
        ).fetchall():
            found[url] = Seen(status, attempts or 0)
    return found


def record_url(
    db: Database,
    url: str,
    *,
    site: str,
    found_in: str,
    published: str | None,
    status: str,
    reason: str | None = None,
    article_id: str | None = None,
    run_id: int | None = None,
    attempted: bool = True,
) -> None:
    """Record what became of one article URL (`url` as fetched; stored under its canonical form)."""
    key = canonical_url(url)
    stamp = now()
    with write_transaction(db):
        db.execute(
            "insert into crawl_urls (url, fetch_url, site, found_in, published, first_seen, last_seen, status, reason,"
            " article_id, attempts, run_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " on conflict(url) do update set last_seen = excluded.last_seen, status = excluded.status,"
            " reason = excluded.reason, article_id = coalesce(excluded.article_id, article_id),"
            " attempts = attempts + excluded.attempts, run_id = excluded.run_id,"
            " published = coalesce(published, excluded.published)",
            [key, url, site, found_in, published, stamp, stamp, status, reason, article_id, int(attempted), run_id],
        )


def start_run(db: Database, site: str) -> int:
    with write_transaction(db):
        cursor = db.execute(
            "insert into crawl_runs (site, started, status, found, new, fetched, stored, off_topic, failed)"
            " values (?, ?, 'running', 0, 0, 0, 0, 0, 0)",
            [site, now()],
        )
    return cursor.lastrowid


def finish_run(db: Database, run_id: int, counts: dict[str, int], status: str) -> None:
    """Close a run with its counts; `status` is "done" or "interrupted"."""
    with write_transaction(db):
        db.execute(
            "update crawl_runs set finished = ?, status = ?, "
            + ", ".join(f"{name} = ?" for name in RUN_COUNTS)
            + " where id = ?",
            [now(), status, *(counts.get(name, 0) for name in RUN_COUNTS), run_id],
        )
