"""The single writer of a run: each worker result stored in input order, one transaction per article.

Workers never write to SQLite; this process does, so the database holds the
same rows, with the same ids, however the work was executed.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TextIO

from sqlite_utils import Database

from extract.model import Article, Facts
from extract.scale.outcomes import DUPLICATE, FAILED, SKIPPED, STORED, Outcome, RunReport, failure_reason
from extract.scale.tasks import READ, Result
from extract.store.db import article_id, save_article


@dataclass(frozen=True)
class Pending:
    """A source handed to the workers: its task's index and its label for the report."""

    index: int
    label: str


def write_results(
    slots: list[Outcome | Pending],
    results: Iterator[Result],
    db: Database,
    *,
    json_out: TextIO | None = None,
    progress: Callable[[Outcome], None] | None = None,
    on_stored: Callable[[Result], None] | None = None,
    report: RunReport | None = None,
    version: str | None = None,
) -> RunReport:
    """Store each result in order, one transaction per article.

    Outcomes go into `report` (a new one by default) as they come, so that a
    caller interrupted part way still has those stored before. `version` is
    the extractor version recorded (default: the one in the facts' provenance).
    """
    report = report if report is not None else RunReport()
    seen_articles: set[str] = set()
    for slot in slots:
        if isinstance(slot, Outcome):
            outcome = slot
        else:
            result = next(results)
            assert result.index == slot.index, "results out of order"
            started, cpu_started = time.perf_counter(), time.process_time()
            outcome = _store(db, slot.label, result, seen_articles, json_out, version)
            result.seconds["store"] = time.perf_counter() - started
            result.cpu_seconds["store"] = time.process_time() - cpu_started
            if on_stored is not None:
                on_stored(result)
        report.outcomes.append(outcome)
        if progress is not None:
            progress(outcome)
    return report


def _store(
    db: Database, label: str, result: Result, seen_articles: set[str], json_out: TextIO | None, version: str | None
) -> Outcome:
    if result.skipped is not None:
        article = result.article
        return Outcome(label, SKIPPED, result.skipped, None, article and article.url, article and article.title)
    if result.failed_at == READ or result.article is None:
        return Outcome(label, FAILED, result.reason)
    article = result.article
    aid = article_id(article)
    if aid in seen_articles:
        return Outcome(label, DUPLICATE, "same article as an earlier source", aid, article.url, article.title)
    if result.failed_at is not None:
        return Outcome(label, FAILED, result.reason)
    if result.repeats_earlier:  # no facts were extracted: the earlier source has them, but it failed
        return Outcome(label, FAILED, "same article as an earlier source, which failed")
    try:
        aid = save_article(db, article, result.facts, extractor_version=version)
    except Exception as error:
        return Outcome(label, FAILED, failure_reason(error))
    seen_articles.add(aid)
    if json_out is not None:
        json_out.write(json.dumps(article_json(aid, article, result.facts), ensure_ascii=False) + "\n")
        json_out.flush()
    return Outcome(label, STORED, None, aid, article.url, article.title, result.note)


def article_json(aid: str, article: Article, facts: Facts | None) -> dict:
    """A stored article as `extract run --json` prints it: its fields, its id, its facts in the gold shape, and `more_facts`."""
    data = {"id": aid, **article.to_dict()}
    if facts is not None:
        data["facts"] = facts.to_gold()
        data["more_facts"] = facts.beyond_gold()  # fact types the gold format does not hold (budgets)
    return data


class ProgressBar:
    """A tqdm bar over the sources, with each `progress` line printed above it."""

    def __init__(
        self,
        total: int,
        progress: Callable[[Outcome], None] | None,
        enabled: bool,
        unit: str = "source",
        desc: str | None = None,
    ):
        from tqdm import tqdm

        self._progress = progress
        # disable=None: drawn only when stderr is a terminal.
        self._bar = tqdm(
            total=total,
            unit=unit,
            desc=desc,
            file=sys.stderr,
            disable=None if enabled else True,
            dynamic_ncols=True,
        )

    def advance(self, outcome: Outcome) -> None:
        if self._progress is not None:
            with self._bar.external_write_mode(file=sys.stderr):
                self._progress(outcome)
        self._bar.update(1)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.close()
