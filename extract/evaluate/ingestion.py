"""Gold articles through the ingestion `extract run` applies, and what it did to them.

`extract eval` scores what `extract run` would store: each gold article is
ingested as a JSON source of `extract run` (cleaning, furniture, the article
check) before the extractor sees it. An article the ingestion refuses is
dropped, and every one of its facts counts as missed; the report says which
and why, and how much text each article lost as furniture.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from statistics import median
from collections.abc import Callable
from typing import Any

from extract.evaluate.gold import GoldArticle

# The gold article as it would be stored; raises IngestError when it would be dropped.
Ingest = Callable[[GoldArticle], GoldArticle]


def ingest_as_run(article: GoldArticle) -> GoldArticle:
    """The gold article as `extract run` stores it from a JSON file holding it."""
    from extract.ingest.text import article_from_json  # imported late: the ingest package loads trafilatura

    stored = article_from_json(
        {
            "text": article.text,
            "url": article.url,
            "source": article.source,
            "title": article.title,
            "published": article.published,
        }
    )
    return replace(article, text=stored.text, title=stored.title, published=stored.published, stored=stored)


@dataclass(frozen=True)
class IngestionRecord:
    """One gold article's way through ingestion."""

    article_id: str
    chars_in: int
    chars_kept: int
    dropped: str | None = None  # the reason, when ingestion refused the article

    @property
    def chars_cut(self) -> int:
        return self.chars_in - self.chars_kept


@dataclass
class IngestionReport:
    records: list[IngestionRecord] = field(default_factory=list)

    @property
    def dropped(self) -> list[IngestionRecord]:
        return [r for r in self.records if r.dropped is not None]

    @property
    def kept(self) -> list[IngestionRecord]:
        return [r for r in self.records if r.dropped is None]

    def only(self, keep: Callable[[str], bool]) -> IngestionReport:
        return IngestionReport([r for r in self.records if keep(r.article_id)])

    def to_dict(self) -> dict[str, Any]:
        kept = self.kept
        chars_in = sum(r.chars_in for r in kept)
        chars_cut = sum(r.chars_cut for r in kept)
        return {
            "articles": len(self.records),
            "dropped": len(self.dropped),
            "dropped_articles": {r.article_id: r.dropped for r in self.dropped},
            "chars_in": chars_in,
            "chars_cut": chars_cut,
            "cut_share": round(chars_cut / chars_in, 4) if chars_in else 0.0,
            "cut_per_article": {r.article_id: r.chars_cut for r in kept},
        }


def format_ingestion(report: IngestionReport) -> str:
    """Two lines for people: dropped count and text cut as furniture; then each dropped article."""
    data = report.to_dict()
    cuts = [r.chars_cut for r in report.kept]
    lines = [f"ingestion: {data['articles']} articles, {data['dropped']} dropped"]
    if cuts:
        worst = max(report.kept, key=lambda r: r.chars_cut)
        lines.append(
            f"cut as furniture: {data['chars_cut']} of {data['chars_in']} characters ({data['cut_share']:.1%}); "
            f"per article median {median(cuts):.0f}, most {worst.chars_cut} ({worst.article_id})"
        )
    lines += [f"dropped by ingestion: {r.article_id}: {r.dropped}" for r in report.dropped]
    return "\n".join(lines)


def format_cuts(report: IngestionReport) -> str:
    """Every article that lost text to ingestion, most first."""
    kept = sorted((r for r in report.kept if r.chars_cut), key=lambda r: (-r.chars_cut, r.article_id))
    return "\n".join(
        f"{r.article_id}  cut {r.chars_cut} of {r.chars_in} characters ({r.chars_cut / r.chars_in:.0%})" for r in kept
    )
