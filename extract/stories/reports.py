"""Whether an article with no event of its own reports a story: pure decisions over plain data.

Some reports of a happening yield no event: the outlet left out the year of
the day ("Senin (8/12)") and gave no publication date, or told it as a
speech, so the extractors found nothing dated to call a signing or a
hand-over, or only a statement. Such an article (a *report*) is matched with
the events of other articles on what the two articles share as a whole:
region, officials, organisations, and above all the figures they repeat
(the number of workers, amounts, percentages), which two different
happenings seldom share. The thresholds are data (extract/data/stories.yaml,
`reports`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

import yaml

from extract.stories.match import (
    FAR,
    StoryEvent,
    StoryRules,
    _plain,
    date_agreement,
    load_rules,
    officials_match,
    party_key,
)


@dataclass(frozen=True)
class ReportRules:
    min_evidence: dict[str, int]
    min_shared_percentages: int
    min_workers_figure: int


@functools.cache
def load_report_rules() -> ReportRules:
    data = yaml.safe_load(resources.files("extract").joinpath("data/stories.yaml").read_text("utf-8"))["reports"]
    return ReportRules(
        min_evidence=dict(data["min_evidence"]),
        min_shared_percentages=int(data["min_shared_percentages"]),
        min_workers_figure=int(data["min_workers_figure"]),
    )


@dataclass(frozen=True)
class ArticleEvidence:
    """What one stored article says as a whole, beyond its events."""

    article_id: str
    published: str | None = None
    occasion: str | None = None  # the day its first dated statement was made
    regions: frozenset[str] = field(default_factory=frozenset)  # region codes
    region_names: frozenset[str] = field(default_factory=frozenset)
    officials: frozenset[str] = field(default_factory=frozenset)  # official keys
    parties: frozenset[str] = field(default_factory=frozenset)
    amounts: frozenset[int] = field(default_factory=frozenset)
    workers: frozenset[int] = field(default_factory=frozenset)
    percentages: frozenset[float] = field(default_factory=frozenset)


def _regions_agree(a: str, b: str) -> bool:
    """One region, or one within the other ("61" holds "61.71")."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def report_points(
    report: ArticleEvidence,
    event: StoryEvent,
    source: ArticleEvidence,
    rules: StoryRules,
    report_rules: ReportRules,
) -> int | None:
    """Evidence that `report` tells of `event` (of the article `source`); None when it cannot.

    A report names no event to compare types on, so a shared figure is
    required: a region, a Bupati and a week in common are what two
    happenings of one regency share too.
    """
    own = StoryEvent(
        id=-1,
        article_id=report.article_id,
        type=event.type,
        date=report.occasion,
        precision="day" if report.occasion else None,
        published=report.published,
    )
    agreement = date_agreement(own, event, rules)
    if agreement == FAR:
        return None
    regions = (source.regions | {event.region_code}) - {None}
    if report.regions and regions and not any(_regions_agree(a, b) for a in report.regions for b in regions):
        return None
    weights = rules.evidence
    specific = 0
    workers = {w for w in report.workers if w >= report_rules.min_workers_figure}
    if workers & (source.workers | {event.workers}):
        specific += weights["workers"]
    if (report.amounts & (source.amounts | event.amounts)) - rules.standard_amounts:
        specific += weights["amount"]
    if len(report.percentages & source.percentages) >= report_rules.min_shared_percentages:
        specific += weights["percentages"]
    if not specific:
        return None
    points = specific
    if report.regions & regions:
        points += weights["region"]
    if any(officials_match(x, y, rules) for x in report.officials for y in source.officials | event.officials):
        points += weights["official"]
    names = report.region_names | source.region_names | {event.region_name or ""}
    places = frozenset(_plain(" ".join(names)).split())
    mine = {party_key(p, rules, places) for p in report.parties} - {None}
    theirs = {party_key(p, rules, places) for p in source.parties | event.parties} - {None}
    if mine & theirs:
        points += weights["party"]
    return points if points >= report_rules.min_evidence[agreement] else None


def best_report_event(
    report: ArticleEvidence,
    candidates: list[tuple[StoryEvent, ArticleEvidence]],
    rules: StoryRules | None = None,
    report_rules: ReportRules | None = None,
) -> tuple[StoryEvent, int] | None:
    """The event the report tells of, with its points: the most evidence, then the earliest report of it.

    The choice depends only on the events, not on the order they were
    stored, so that storing articles in any order gives the same stories.
    """
    rules = rules or load_rules()
    report_rules = report_rules or load_report_rules()
    best: tuple[tuple, StoryEvent, int] | None = None
    for event, source in candidates:
        if event.type == "statement" or event.article_id == report.article_id:
            continue
        points = report_points(report, event, source, rules, report_rules)
        if points is None:
            continue
        rank = (-points, source.published or "\uffff", event.article_id, event.date or "", event.id)
        if best is None or rank < best[0]:
            best = (rank, event, points)
    return (best[1], best[2]) if best else None
