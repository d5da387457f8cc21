"""Which stored articles `extract reprocess` redoes (the run path, extract.pipeline.reprocess, redoes them)."""

from __future__ import annotations

from sqlite_utils import Database


def select_articles(db: Database, version: str | None, outdated_only: bool) -> list[str]:
    """Ids of the articles to re-run: all, or those extracted by another (or no) version."""
    if outdated_only and version:
        rows = db.table("articles").rows_where(
            "extractor_version is null or extractor_version != ?", [version], select="id", order_by="rowid"
        )
    else:
        rows = db.table("articles").rows_where(select="id", order_by="rowid")
    return [row["id"] for row in rows]
