"""`extract eval-stories`: does the merger put the articles that report one event in one story?

A folder of gold-format articles, some carrying `event_cluster` (a key shared
by the articles that report one event; an article without it, or with null,
reports events no other article of the folder reports). Every article is
extracted and stored in a temporary database, as `extract run` would; then,
over every pair of articles, "same story" (the two share a story) is scored
against "same cluster": pairwise precision, recall and F1.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.evaluate.gold import GoldFormatError
from extract.ingest.errors import IngestError
from extract.ingest.text import article_from_json
from extract.model import Article

CLUSTER_KEY = "event_cluster"


@dataclass
class ClusterArticle:
    id: str
    article: Article | None  # None: ingestion dropped it
    cluster: str | None


@dataclass
class StoriesReport:
    articles: int
    clustered: int  # articles sharing a cluster key with another
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, id, id)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "clustered_articles": self.clustered,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def read_cluster_folder(folder: str | Path) -> list[ClusterArticle]:
    """Every `<id>.json` of the folder: its text, url, source, published, title and cluster key."""
    path = Path(folder)
    if not path.is_dir():
        raise GoldFormatError(f"{folder}: not a folder")
    out = []
    for file in sorted(path.glob("*.json")):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise GoldFormatError(f"{file}: not valid UTF-8 JSON ({error})") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise GoldFormatError(f"{file}: not an article object with a 'text' string")
        cluster = data.get(CLUSTER_KEY)
        if cluster is not None and not isinstance(cluster, str):
            raise GoldFormatError(f"{file}: '{CLUSTER_KEY}' must be a string or null")
        fields = {key: data.get(key) for key in ("text", "url", "source", "title", "published")}
        try:
            # As `extract run` stores it from a JSON file (cleaning, furniture, captions).
            article = article_from_json(fields)
        except IngestError:
            article = None  # dropped by ingestion, as run would: it is in no story
        out.append(ClusterArticle(str(data.get("id") or file.stem), article, cluster))
    if not out:
        raise GoldFormatError(f"{folder}: no .json articles in this folder")
    return out


def score_pairs(clusters: dict[str, str | None], stories: dict[str, set[int]]) -> StoriesReport:
    """Pairwise scores of predicted story sharing against gold cluster keys (pure)."""
    ids = sorted(clusters)
    report = StoriesReport(articles=len(ids), clustered=sum(c is not None for c in clusters.values()))
    for a, b in itertools.combinations(ids, 2):
        gold = clusters[a] is not None and clusters[a] == clusters[b]
        predicted = bool(stories.get(a, set()) & stories.get(b, set()))
        if gold and predicted:
            report.tp += 1
        elif predicted:
            report.fp += 1
            report.errors.append(("FP", a, b))
        elif gold:
            report.fn += 1
            report.errors.append(("FN", a, b))
    return report


def evaluate_stories(folder: str | Path) -> StoriesReport:
    """Extract and store every article of `folder` in a temporary database, then score its stories."""
    from extract.facts import extract_facts_batch
    from extract.store.db import open_db, save_article
    from extract.store.stories import stories_of_article

    items = read_cluster_folder(folder)
    kept = [item for item in items if item.article is not None]
    facts = extract_facts_batch([item.article for item in kept])
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "stories.db")
        try:
            stored = {item.id: save_article(db, item.article, f) for item, f in zip(kept, facts)}
            stories = {item.id: set(stories_of_article(db, stored.get(item.id))) for item in items}
        finally:
            db.close()
    return score_pairs({item.id: item.cluster for item in items}, stories)


def format_stories_report(report: StoriesReport, show_errors: bool = False) -> str:
    lines = [
        f"articles {report.articles}, of which {report.clustered} share an {CLUSTER_KEY} with another",
        f"pairs of articles in one story ({report.articles * (report.articles - 1) // 2} pairs scored):",
        f"  tp {report.tp}  fp {report.fp}  fn {report.fn}",
        f"  precision {report.precision:.3f}  recall {report.recall:.3f}  F1 {report.f1:.3f}",
    ]
    if show_errors and report.errors:
        lines.append("errors (FP = one story but not one event, FN = one event in separate stories):")
        lines += [f"  {kind} {a} {b}" for kind, a, b in report.errors]
    return "\n".join(lines)
