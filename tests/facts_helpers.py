"""Helpers for the fact-extractor tests: run the real pipeline on a text.

`context_for(text)` builds the orchestrator's shared context with the real
NLP pipeline (loaded once per test process) and runs the extractors that the
one under test may read (regions, officials).
"""

from __future__ import annotations

import json
from pathlib import Path

from extract.facts.context import Context
from extract.facts.extractor import build_context, default_pipeline
from extract.facts.officials import extract_officials
from extract.facts.regions import extract_regions
from extract.model import GOLD_LISTS, Article


def article(text: str, published: str | None = "2024-05-20", source: str | None = None) -> Article:
    return Article(url=None, source=source, title=None, published=published, author=None, editor=None, text=text)


def context_for(text: str, published: str | None = "2024-05-20") -> Context:
    ctx = build_context(article(text, published), default_pipeline())
    ctx.results["regions"] = extract_regions(ctx)
    ctx.results["officials"] = extract_officials(ctx)
    return ctx


def write_gold(folder: Path, article_id: str, text: str, published: str | None = "2024-06-13", **facts) -> None:
    """`folder/<article_id>.json` in the gold format, with the given lists and the others empty."""
    data = {
        "id": article_id,
        "url": None,
        "source": None,
        "published": published,
        "title": None,
        "text": text,
        "facts": {name: facts.get(name, []) for name in GOLD_LISTS},
    }
    folder.mkdir(exist_ok=True)
    (folder / f"{article_id}.json").write_text(json.dumps(data), encoding="utf-8")
