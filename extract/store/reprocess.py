"""Re-run extraction over stored articles, so a better extractor improves old data.

Each article is re-read from its cached HTML when the cache still has the page
(so improvements in cleaning apply too), else from its stored text; its facts
are then replaced through `save_article`, one transaction per article.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from extract.ingest.cache import default_cache_dir
from extract.model import Article, Facts
from extract.store.db import check_database_file, load_article, open_db, save_article
from extract.store.stories import rebuild_stories

ExtractFacts = Callable[[Article], Facts]


@dataclass
class ReprocessReport:
    selected: int = 0
    processed: int = 0
    from_html: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, reason)
    version: str | None = None


def select_articles(db: Database, version: str | None, outdated_only: bool) -> list[str]:
    """Ids of the articles to re-run: all, or those extracted by another (or no) version."""
    if outdated_only and version:
        rows = db.table("articles").rows_where(
            "extractor_version is null or extractor_version != ?", [version], select="id", order_by="rowid"
        )
    else:
        rows = db.table("articles").rows_where(select="id", order_by="rowid")
    return [row["id"] for row in rows]


def reread_article(stored: Article, cache_dir: Path | None) -> tuple[Article, bool]:
    """The article re-extracted from its cached page when there is one, else as stored.

    Returns (article, whether it came from HTML). Fetch details the page
    cannot tell (when it was fetched, the cache key) are kept from the stored row.
    """
    html = _cached_html(cache_dir, stored.url, stored.html_sha256) if cache_dir and stored.html_sha256 else None
    if html is None:
        return stored, False
    from extract.ingest.html import extract_article

    fresh = extract_article(html, stored.url)
    fresh.url = stored.url  # the article keeps its identity
    fresh.final_url = fresh.final_url or stored.final_url
    fresh.html_sha256 = stored.html_sha256
    fresh.fetched_at = stored.fetched_at
    return fresh, True


def reprocess(
    db_path: str | Path,
    *,
    outdated_only: bool = False,
    cache_dir: str | Path | None = None,
    progress: bool = True,
    extract_facts: ExtractFacts | None = None,
    version: str | None = None,
) -> ReprocessReport:
    """Re-extract the facts of every stored article (or only outdated ones).

    `extract_facts` and `version` default to the package's extractor and its
    EXTRACTOR_VERSION. One failing article is reported and the rest go on.
    """
    from tqdm import tqdm

    check_database_file(db_path, writable=True)  # DatabaseFileError: one line, before loading any model
    if extract_facts is None:
        from extract.facts import EXTRACTOR_VERSION
        from extract.facts import extract_facts as package_extract_facts

        extract_facts = package_extract_facts
        version = version or EXTRACTOR_VERSION
    cache = Path(cache_dir) if cache_dir else default_cache_dir(db_path)
    db = open_db(db_path)
    try:
        ids = select_articles(db, version, outdated_only)
        report = ReprocessReport(selected=len(ids), version=version)
        for aid in tqdm(ids, desc="reprocess", unit="article", disable=not progress):
            try:
                article, from_html = reread_article(load_article(db, aid), cache)
                facts = extract_facts(article)
                save_article(db, article, facts, extractor_version=version)
            except Exception as error:  # one bad article must not stop the rest
                report.failed.append((aid, f"{type(error).__name__}: {error}".splitlines()[0]))
                continue
            report.processed += 1
            report.from_html += from_html
        # Each save regrouped its own stories; a pass over all articles in
        # publication order gives the stories a run from scratch would.
        if report.processed:
            rebuild_stories(db)
        return report
    finally:
        db.close()


def _cached_html(cache_dir: Path, url: str | None, sha256: str) -> str | None:
    """The page cached for `url`, decoded, when it is the very page the article was read from."""
    if not url:
        return None
    from extract.ingest.cache import HtmlCache  # the cache layout belongs to ingestion

    page = HtmlCache(cache_dir).get(url)
    if page is None or page.sha256 != sha256:
        return None
    return page.html
