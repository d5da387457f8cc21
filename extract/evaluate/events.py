"""`extract eval-events`: score typed events against the events check set.

The check set (corpus/events/README.md) holds one `<id>.yaml` per gold
article: the events a journalist would put on a timeline, each a `type` and
a `date` (ISO or null). The article itself is read from the gold folder
(`<id>.json`). An event matches on (type, date), as a multiset, exactly like
a list of the gold format (extract/evaluate/scoring.py); counts are reported
per type and pooled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from extract.event_types import matched_types
from extract.evaluate.gold import GoldArticle, GoldFormatError, read_gold_folder
from extract.evaluate.ingestion import Ingest, IngestionRecord, IngestionReport, format_ingestion, ingest_as_run
from extract.evaluate.scoring import Error, ListScore

# The happenings the check set covers: every type the matcher finds
# (statements are no event there, corpus/events/README.md).
EVENT_TYPES = matched_types()

EventKey = tuple[str, str | None]  # (type, ISO date or None)
EventPredictor = Callable[[GoldArticle], list[EventKey]]


@dataclass
class EventsReport:
    types: dict[str, ListScore]
    errors: list[Error]
    articles: int
    ingestion: IngestionReport | None = None  # when the articles went through ingestion

    @property
    def total(self) -> ListScore:
        return ListScore.pooled(self.types.values())

    def to_dict(self) -> dict[str, Any]:
        data = {
            "articles": self.articles,
            "types": {name: score.to_dict() for name, score in self.types.items()},
            "all": self.total.to_dict(),
        }
        if self.ingestion is not None:
            data["ingestion"] = self.ingestion.to_dict()
        return data


def _event_key(item: Any, where: str) -> EventKey:
    if not isinstance(item, dict) or item.get("type") not in EVENT_TYPES:
        raise GoldFormatError(f"{where}: each event needs a type, one of {', '.join(EVENT_TYPES)}")
    date = item.get("date")
    return item["type"], None if date is None else str(date)


def read_event_set(folder: str | Path) -> dict[str, list[EventKey]]:
    """Every `<id>.yaml` of the folder: article id -> its annotated events."""
    path = Path(folder)
    if not path.is_dir():
        raise GoldFormatError(f"{folder}: not a folder")
    annotated: dict[str, list[EventKey]] = {}
    for file in sorted(path.glob("*.yaml")):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, yaml.YAMLError) as error:
            raise GoldFormatError(f"{file}: not valid UTF-8 YAML ({error})") from None
        if not isinstance(data, dict) or not isinstance(data.get("events"), list):
            raise GoldFormatError(f"{file}: needs an 'events' list")
        article = str(data.get("article") or file.stem)
        annotated[article] = [_event_key(item, str(file)) for item in data["events"]]
    if not annotated:
        raise GoldFormatError(f"{folder}: no .yaml event files in this folder")
    return annotated


def predict_events_with_extractor(article: GoldArticle) -> list[EventKey]:
    """The extractor's events of the types the check set covers, given what
    the gold format allows: text, published, title, url."""
    from extract.facts import extract_facts  # imported late: loads the NLP pipeline

    facts = extract_facts(article.as_input())
    return [(e.type, e.date) for e in facts.events if e.type in EVENT_TYPES]


def match_events(
    article_id: str, gold: list[EventKey], predicted: list[EventKey]
) -> tuple[dict[str, ListScore], list[Error]]:
    scores = {name: ListScore() for name in EVENT_TYPES}
    errors: list[Error] = []
    unmatched = list(predicted)
    for key in gold:
        if key in unmatched:
            unmatched.remove(key)
            scores[key[0]].tp += 1
        else:
            scores[key[0]].fn += 1
            errors.append(Error(article_id, key[0], "fn", {"type": key[0], "date": key[1]}))
    for key in unmatched:
        scores[key[0]].fp += 1
        errors.append(Error(article_id, key[0], "fp", {"type": key[0], "date": key[1]}))
    return scores, errors


def evaluate_events(
    events_folder: str | Path,
    gold_folder: str | Path | None = None,
    predict: EventPredictor = predict_events_with_extractor,
    ingest: Ingest | None = ingest_as_run,
) -> EventsReport:
    """Score `predict` on every article of the check set, each first taken
    through `ingest` as `extract eval` does (None: the text as is; a dropped
    article has all its events missed). The articles are read from
    `gold_folder` (default: the `gold` folder beside the check set)."""
    from extract.ingest.errors import IngestError  # imported late: the ingest package loads trafilatura

    annotated = read_event_set(events_folder)
    gold_folder = Path(events_folder).parent / "gold" if gold_folder is None else Path(gold_folder)
    articles = {a.id: a for a in read_gold_folder(gold_folder)}
    missing = sorted(set(annotated) - set(articles))
    if missing:
        raise GoldFormatError(f"{gold_folder}: no gold article for {', '.join(missing)}")
    types = {name: ListScore() for name in EVENT_TYPES}
    errors: list[Error] = []
    ingestion = IngestionReport()
    for article_id, gold in annotated.items():
        given: GoldArticle | None = articles[article_id]
        if ingest is not None:
            chars_in = len(given.text)
            try:
                given = ingest(given)
                ingestion.records.append(IngestionRecord(article_id, chars_in, len(given.text)))
            except IngestError as error:
                ingestion.records.append(IngestionRecord(article_id, chars_in, 0, error.reason))
                given = None
        scores, found = match_events(article_id, gold, predict(given) if given is not None else [])
        for name, score in scores.items():
            types[name].add(score)
        errors.extend(found)
    return EventsReport(
        types=types, errors=errors, articles=len(annotated), ingestion=ingestion if ingest is not None else None
    )


def format_events_report(report: EventsReport) -> str:
    lines = [
        f"{report.articles} articles",
        f"{'type':<18} {'tp':>5} {'fp':>5} {'fn':>5}  {'prec':>6} {'rec':>6} {'f1':>6}",
    ]
    for name, score in [*report.types.items(), ("all", report.total)]:
        lines.append(
            f"{name:<18} {score.tp:>5} {score.fp:>5} {score.fn:>5}  "
            f"{score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f}"
        )
    if report.ingestion is not None:
        lines.append(format_ingestion(report.ingestion))
    return "\n".join(lines)


def format_events_errors(report: EventsReport) -> str:
    return "\n".join(
        f"{e.article_id}  {e.kind.upper()}  {e.item['type']:<18} {e.item['date']}"
        for e in sorted(report.errors, key=lambda e: (e.article_id, e.kind, e.list_name, str(e.item["date"])))
    )
