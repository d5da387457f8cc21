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
from collections.abc import Iterable, Iterator

from sqlite_utils import Database

from extract.model import Article, Facts, Provenance, Region
from extract.store.clean import http_url, plain
from extract.store.regions import load_gazetteer
from extract.store.schema import ARTICLE_FACT_TABLES, PROVENANCE_COLUMNS, apply_migrations, migrations
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
        _delete_facts(db, aid)
        _upsert(db, "articles", _article_row(aid, article, version), "id")
        if region_rows:
            _ensure_regions(db, region_rows)
        _insert_facts(db, aid, article, facts, main_region)
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


def fact_counts(db: Database, aid: str) -> dict[str, int]:
    """How many rows of each fact table belong to article `aid`."""
    counts = {}
    for table in ARTICLE_FACT_TABLES:
        if table in ("event_parties", "event_officials"):
            sql = f"select count(*) from [{table}] where event_id in (select id from events where article_id = ?)"
        else:
            sql = f"select count(*) from [{table}] where article_id = ?"
        counts[table] = db.execute(sql, [aid]).fetchone()[0]
    return counts


# -- helpers ---------------------------------------------------------------


def _facts_version(facts: Facts) -> str | None:
    for prov in _all_provenance(facts):
        if prov.extractor_version:
            return prov.extractor_version
    return None


def _all_provenance(facts: Facts) -> Iterable[Provenance]:
    for group in (
        facts.events,
        facts.payouts,
        facts.worker_counts,
        facts.percentages,
        facts.regulations,
        facts.regions,
    ):
        for item in group:
            if item.provenance is not None:
                yield item.provenance
    for official in facts.officials:
        yield from official.provenance


def _month_year(date: str | None, precision: str | None = "day") -> tuple[str | None, int | None]:
    """("YYYY-MM", YYYY) of an ISO date, month only when the date is that precise."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None, None
    year = int(date[:4])
    month = date[:7] if len(date) >= 7 and precision in (None, "day", "month") else None
    return month, year


def _provenance_row(prov: Provenance | None) -> dict[str, Any]:
    if prov is None:
        return {column: None for column in PROVENANCE_COLUMNS}
    return {
        "sentence": prov.sentence,
        "span_start": prov.start,
        "span_end": prov.end,
        "rule": prov.rule,
        "extractor_version": prov.extractor_version,
        "field": prov.field,
    }


def _article_row(aid: str, article: Article, version: str | None) -> dict[str, Any]:
    month, year = _month_year(article.published)
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


def _delete_facts(db: Database, aid: str) -> None:
    event_ids = "select id from events where article_id = ?"
    # People and organisations only this article mentioned go with its facts.
    people = [
        key
        for (key,) in db.execute(
            "select official_key from official_mentions where article_id = ?"
            f" union select official_key from event_officials where event_id in ({event_ids})",
            [aid, aid],
        )
    ]
    organisations = [
        name for (name,) in db.execute(f"select organisation from event_parties where event_id in ({event_ids})", [aid])
    ]
    for table in ARTICLE_FACT_TABLES:
        if table in ("event_parties", "event_officials"):
            db.execute(f"delete from [{table}] where event_id in ({event_ids})", [aid])
        else:
            db.execute(f"delete from [{table}] where article_id = ?", [aid])
    for key in people:
        db.execute(
            "delete from officials where key = ?1"
            " and not exists (select 1 from official_mentions where official_key = ?1)"
            " and not exists (select 1 from event_officials where official_key = ?1)",
            [key],
        )
    for name in organisations:
        db.execute(
            "delete from organisations where name = ?1 and not exists (select 1 from event_parties where organisation = ?1)",
            [name],
        )


def _insert(db: Database, table: str, rows: Iterable[dict[str, Any]]) -> int | None:
    """Insert rows that share their keys; the last row's id.

    Plain SQL (through db.execute, so `db.tracer` still sees it) rather than
    sqlite-utils' insert_all, which re-reads the table's existence and columns
    on every call, about 15 calls per article.
    """
    rows = list(rows)
    if not rows:
        return None
    columns = list(rows[0])
    sql = _insert_sql(table, columns)
    last = None
    for row in rows:
        last = db.execute(sql, [row[c] for c in columns]).lastrowid
    return last


def _upsert(db: Database, table: str, row: dict[str, Any], pk: str) -> None:
    """Insert `row`, or update the columns it has when its `pk` exists."""
    columns = list(row)
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != pk)
    db.execute(f"{_insert_sql(table, columns)} on conflict([{pk}]) do update set {updates}", [row[c] for c in columns])


def _insert_sql(table: str, columns: list[str]) -> str:
    return f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' * len(columns))})"


def _insert_facts(db: Database, aid: str, article: Article, facts: Facts, main_region: str | None) -> None:
    article_month, article_year = _month_year(article.published)

    _insert(
        db,
        "article_regions",
        (
            {
                "article_id": aid,
                "seq": seq,
                "region_code": region.code,
                "region_name": region.name,
                "resolved_from": region.resolved_from,
                **_provenance_row(region.provenance),
            }
            for seq, region in enumerate(facts.regions)
        ),
    )

    # Officials: one row per person across articles, one mention per appearance.
    for official in facts.officials:
        key = official.key or official.name.casefold()
        _upsert(
            db,
            "officials",
            {
                "key": key,
                "name": official.name,
                "position": official.position,
                "organisation": official.organisation,
                "region_code": official.region_code,
                "titles": json.dumps(official.titles, ensure_ascii=False),
            },
            "key",
        )
    mention_rows = []
    for seq, official in enumerate(facts.officials):
        key = official.key or official.name.casefold()
        base = {
            "official_key": key,
            "article_id": aid,
            "seq": seq,
            "name": official.name,
            "position": official.position,
            "titles": json.dumps(official.titles, ensure_ascii=False),
            "organisation": official.organisation,
            "region_code": official.region_code,
        }
        for prov in official.provenance or [None]:
            mention_rows.append({**base, **_provenance_row(prov)})
    _insert(db, "official_mentions", mention_rows)

    payout_date = None
    for seq, event in enumerate(facts.events):
        # Facets want a month for every event: the event's own, else the article's.
        if event.date:
            month, year = _month_year(event.date, event.date_precision)
        else:
            month, year = article_month, article_year
        event_id = _insert(
            db,
            "events",
            [
                {
                    "article_id": aid,
                    "seq": seq,
                    "type": event.type,
                    "date": event.date,
                    "date_precision": event.date_precision,
                    # As the m005 migration computes it: the event's date, else the article's.
                    "timeline_date": event.date if event.date is not None else article.published,
                    "month": month,
                    "year": year,
                    "venue": event.venue,
                    "region_code": event.region_code,
                    "region_name": event.region_name,
                    "workers": event.workers,
                    "summary": event.summary,
                    **_provenance_row(event.provenance),
                }
            ],
        )
        if event.type == "benefit_payout" and event.date and payout_date is None:
            payout_date = (event.date, event.date_precision)
        for party in event.parties:
            db.execute("insert or ignore into organisations (name) values (?)", [party])
        # A person named only as an event's official still gets an officials row.
        for key in event.officials:
            db.execute("insert or ignore into officials (key, name, titles) values (?1, ?1, '[]')", [key])
        for table, column, values in (
            ("event_parties", "organisation", event.parties),
            ("event_officials", "official_key", event.officials),
        ):
            _insert(db, table, ({"event_id": event_id, "seq": seq, column: v} for seq, v in enumerate(values)))

    if payout_date is not None:
        p_date = payout_date[0]
        p_month, p_year = _month_year(*payout_date)
    else:
        p_date, p_month, p_year = article.published, article_month, article_year
    _insert(
        db,
        "payouts",
        (
            {
                "article_id": aid,
                "seq": seq,
                "amount_idr": payout.amount_idr,
                "beneficiary": payout.beneficiary,
                "heir": payout.heir,
                "programs": json.dumps(payout.programs, ensure_ascii=False),
                "kind": payout.kind,
                "region_code": payout.region_code or main_region,
                "date": p_date,
                "month": p_month,
                "year": p_year,
                **_provenance_row(payout.provenance),
            }
            for seq, payout in enumerate(facts.payouts)
        ),
    )
    dated = {
        "region_code": main_region,
        "date": article.published,
        "month": article_month,
        "year": article_year,
    }
    _insert(
        db,
        "worker_counts",
        (
            {
                "article_id": aid,
                "seq": seq,
                "value": wc.value,
                "category": wc.category,
                **dated,
                **_provenance_row(wc.provenance),
            }
            for seq, wc in enumerate(facts.worker_counts)
        ),
    )
    _insert(
        db,
        "percentages",
        (
            {
                "article_id": aid,
                "seq": seq,
                "value": pc.value,
                "about": pc.about,
                "measure": pc.measure,
                **dated,
                **_provenance_row(pc.provenance),
            }
            for seq, pc in enumerate(facts.percentages)
        ),
    )
    _insert(
        db,
        "regulations",
        (
            {
                "article_id": aid,
                "seq": seq,
                "kind": reg.kind,
                "number": reg.number,
                "year": reg.year,
                "title": reg.title,
                **_provenance_row(reg.provenance),
            }
            for seq, reg in enumerate(facts.regulations)
        ),
    )
    _insert(
        db,
        "mentions",
        (
            {
                "article_id": aid,
                "seq": seq,
                "label": m.label,
                "text": m.text,
                "span_start": m.start,
                "span_end": m.end,
                "sentence_index": m.sentence_index,
                "source": m.source,
            }
            for seq, m in enumerate(facts.mentions)
        ),
    )


__all__ = ["open_db", "save_article", "load_article", "article_id", "fact_counts"]
