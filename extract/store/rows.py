"""Row helpers the store's modules share: plain-SQL inserts and upserts,
provenance columns, and the month and year facets of a date."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from extract.model import Provenance
from extract.store.schema import PROVENANCE_COLUMNS


def insert_rows(db: Database, table: str, rows: Iterable[dict[str, Any]]) -> int | None:
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


def upsert_row(db: Database, table: str, row: dict[str, Any], pk: str) -> None:
    """Insert `row`, or update the columns it has when its `pk` exists."""
    columns = list(row)
    updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != pk)
    db.execute(f"{_insert_sql(table, columns)} on conflict([{pk}]) do update set {updates}", [row[c] for c in columns])


def _insert_sql(table: str, columns: list[str]) -> str:
    return f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) values ({', '.join('?' * len(columns))})"


def month_year(date: str | None, precision: str | None = "day") -> tuple[str | None, int | None]:
    """("YYYY-MM", YYYY) of an ISO date, month only when the date is that precise."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None, None
    year = int(date[:4])
    month = date[:7] if len(date) >= 7 and precision in (None, "day", "month") else None
    return month, year


def provenance_row(prov: Provenance | None) -> dict[str, Any]:
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
