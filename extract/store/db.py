"""Open the database and save (or load) one article with its facts.

`save_article` is the one way facts get into the database: one transaction
deletes what the article had before, upserts the article row and inserts the
new facts, so extracting the same URL again replaces its facts and a crash
never leaves an article half-written.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
from pathlib import Path
from typing import Any
from collections.abc import Iterator

from sqlite_utils import Database

from extract.model import Article, Facts, Region
from extract.store.clean import http_url, plain
from extract.store.facts import all_provenance, delete_facts, fact_counts, insert_facts
from extract.store.regions import load_gazetteer
from extract.store.rows import month_year, upsert_row
from extract.store.schema import apply_migrations, migrations
from extract.store.stories import assign_article_stories, stories_of_article
from extract.urls import canonical_url, without_tracking

SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseFileError(Exception):
    """A database file that cannot be used as asked (missing, not SQLite, read-only); one line."""


def check_database_file(path: str | Path, *, writable: bool = False) -> None:
    """Raise DatabaseFileError unless `path` is an SQLite file we can read (and write, when asked)."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseFileError(f"database not found: {path}")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise DatabaseFileError(f"cannot read the database {path}: {error.strerror}") from None
    if head and head != SQLITE_HEADER:  # an empty file is an empty database
        raise DatabaseFileError(f"not an SQLite database: {path}")
    if writable and not is_writable(path):
        raise DatabaseFileError(f"the database {path} is read-only")


def is_writable(path: str | Path) -> bool:
    """Whether this process may write `path` and, for the WAL and shared-memory files, its folder."""
    path = Path(path)
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def open_db(path: str | Path, *, populate_regions: bool = True) -> Database:
    """Open (creating if needed) the database at `path`, with the schema up to date.

    Foreign keys are enforced and the journal is in WAL mode, so a reader
    (Datasette) and a writer (`extract run`) can work at once. The `regions`
    table is filled from the Kemendagri list the first time (when available).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    db.enable_wal()
    # Two runs may start together on a new database: each step takes the write
    # lock first (BEGIN IMMEDIATE, waiting up to busy_timeout) and looks again
    # under it, so the second waits and then finds the work done.
    if migrations.pending(db):
        with write_transaction(db):
            apply_migrations(db)
    if populate_regions and not _has_gazetteer(db):
        with write_transaction(db):
            if not _has_gazetteer(db):
                load_gazetteer(db)
    return db


def _has_gazetteer(db: Database) -> bool:
    return bool(db.table("regions").count_where("source = 'kemendagri'"))


def article_id(article: Article) -> str:
    """sha256 of the canonical URL (first 16 hex digits), or of the text when there is no URL."""
    url = http_url(article.url) or http_url(article.final_url)
    key = canonical_url(url) if url else article.text
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def save_article(
    db: Database,
    article: Article,
    facts: Facts | None = None,
    extractor_version: str | None = None,
) -> str:
    """Store `article` and its `facts`, replacing what that article had; return its id.

    `extractor_version` defaults to the version recorded in the facts'
    provenance. When `facts` is None the article's previous facts are removed
    too: the article is stored as not (yet) extracted.
    """
    aid = article_id(article)
    facts = facts or Facts()
    version = extractor_version or _facts_version(facts)
    region_rows, main_region = _region_rows(facts)
    with write_transaction(db):
        previous_stories = stories_of_article(db, aid)
        delete_facts(db, aid)
        upsert_row(db, "articles", _article_row(aid, article, version), "id")
        if region_rows:
            _ensure_regions(db, region_rows)
        insert_facts(db, aid, article, facts, main_region)
        # Incrementally, in the same transaction: the article's events join
        # (or start) stories, and the stories it was in are regrouped.
        assign_article_stories(db, aid, previous_stories)
    return aid


@contextlib.contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One transaction that takes the write lock up front (BEGIN IMMEDIATE).

    With a deferred BEGIN, two processes saving at once can both read and then
    fail to upgrade to writing ("database is locked") without waiting; taking
    the lock first makes the second writer wait its turn (busy timeout) instead.
    Inside an open transaction it nests as a savepoint.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def load_article(db: Database, aid: str) -> Article:
    """The stored article `aid` (raises sqlite_utils.db.NotFoundError when absent)."""
    row = db.table("articles").get(aid)
    return Article(
        url=row.get("original_url") or row["url"],  # as given: saving it again stores the same row
        source=row["source"],
        title=row["title"],
        published=row["published"],
        author=row["author"],
        editor=row["editor"],
        text=row["text"] or "",
        categories=json.loads(row["categories"] or "[]"),
        language=row["language"],
        final_url=row["final_url"],
        html_sha256=row["html_sha256"],
        fetched_at=row["fetched_at"],
        captions=json.loads(row.get("captions") or "[]"),
    )


# -- helpers ---------------------------------------------------------------


def _facts_version(facts: Facts) -> str | None:
    for prov in all_provenance(facts):
        if prov.extractor_version:
            return prov.extractor_version
    return None


def _article_row(aid: str, article: Article, version: str | None) -> dict[str, Any]:
    month, year = month_year(article.published)
    return {
        "id": aid,
        # Only http(s) links, and metadata that cannot reorder how the page reads (extract.store.clean).
        "url": without_tracking(http_url(article.url)),
        "original_url": http_url(article.url),  # as given, tracking parameters included
        "final_url": http_url(article.final_url),
        "source": plain(article.source),
        "title": plain(article.title),
        "published": article.published,
        "published_month": month,
        "published_year": year,
        "author": plain(article.author),
        "editor": plain(article.editor),
        "text": article.text,
        "categories": json.dumps([plain(c) for c in article.categories], ensure_ascii=False),
        "captions": json.dumps(article.captions, ensure_ascii=False),
        "language": article.language,
        "html_sha256": article.html_sha256,
        "fetched_at": article.fetched_at,
        "extractor_version": version,
        "saved_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
    }


def _region_rows(facts: Facts) -> tuple[dict[str, dict[str, Any]], str | None]:
    """Rows for every region the facts refer to, and the article's main region.

    The main region is the first one named explicitly ("Kabupaten Blitar"),
    else the first one found at all.
    """
    rows: dict[str, dict[str, Any]] = {}

    def add(code: str | None, name: str | None, region: Region | None = None) -> None:
        if not code:
            return
        row = rows.setdefault(code, {"code": code, "name": name})
        if region is not None:
            for column in ("name", "province", "latitude", "longitude"):
                value = getattr(region, column)
                if value is not None:
                    row[column] = value
        elif not row.get("name"):
            row["name"] = name

    for region in facts.regions:
        add(region.code, region.name, region)
    for event in facts.events:
        add(event.region_code, event.region_name)
    for item in (*facts.officials, *facts.payouts):
        add(item.region_code, None)
    explicit = [r.code for r in facts.regions if r.code and r.resolved_from == "explicit"]
    anywhere = [r.code for r in facts.regions if r.code]
    main = (explicit or anywhere or [None])[0]
    return rows, main


def _ensure_regions(db: Database, rows: dict[str, dict[str, Any]]) -> None:
    """Make sure every referenced region exists; fill in what is missing, never overwrite."""
    regions = db.table("regions")
    for code, row in rows.items():
        known = {k: v for k, v in row.items() if v is not None}
        existing = db.execute(
            "select name, province, latitude, longitude from regions where code = ?", [code]
        ).fetchone()
        if existing is None:
            regions.insert({"name": code, "source": "article", **known}, pk="code")
            continue
        current = dict(zip(("name", "province", "latitude", "longitude"), existing))
        missing = {k: v for k, v in known.items() if k != "code" and current.get(k) is None}
        if missing:
            regions.update(code, missing)


__all__ = ["open_db", "save_article", "load_article", "article_id", "fact_counts"]
