"""Run the extractor over a gold folder and score it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from extract.evaluate.gold import GoldArticle, GoldFormatError, parse_gold, read_gold_folder, write_predictions
from extract.evaluate.ingestion import Ingest, IngestionRecord, IngestionReport, ingest_as_run
from extract.evaluate.scoring import GROUPINGS, EvalReport, score_articles, score_grouped
from extract.model import GOLD_LISTS

Predictor = Callable[[GoldArticle], dict[str, list]]


def predict_with_extractor(article: GoldArticle) -> dict[str, list]:
    """What the extractor finds in the article as given (`as_input`: the stored
    article after ingestion, else the gold text with published, title, url)."""
    from extract.facts import extract_facts  # imported late: loads the NLP pipeline

    return extract_facts(article.as_input()).to_gold()


def predictions_from_folder(folder: str | Path) -> Predictor:
    """Use predictions written earlier (same format) instead of running the extractor."""
    root = Path(folder)

    def predict(article: GoldArticle) -> dict[str, list]:
        path = root / f"{article.id}.json"
        if not path.exists():
            raise GoldFormatError(f"{path}: no prediction for article {article.id}")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise GoldFormatError(f"{path}: not valid UTF-8 JSON ({error})") from None
        return parse_gold(data, path.stem).facts

    return predict


def evaluate_folder(
    folder: str | Path,
    predict: Predictor = predict_with_extractor,
    write_to: str | Path | None = None,
    group_by: str | None = None,
    ingest: Ingest | None = ingest_as_run,
) -> EvalReport:
    """Score `predict` on every article of the folder, each first taken
    through `ingest` (what `extract run` would store; None: the text as is,
    as for predictions made elsewhere). An article the ingestion drops has
    every fact missed. With `group_by` (a key of GROUPINGS) the report also
    holds one report per group of articles."""
    if group_by is not None and group_by not in GROUPINGS:
        raise ValueError(f"unknown grouping {group_by!r}: one of {', '.join(GROUPINGS)}")
    from extract.ingest.errors import IngestError  # imported late: the ingest package loads trafilatura

    articles = read_gold_folder(folder)
    triples = []
    ingestion = IngestionReport()
    for article in articles:
        given = article
        if ingest is not None:
            try:
                given = ingest(article)
            except IngestError as error:
                ingestion.records.append(IngestionRecord(article.id, len(article.text), 0, error.reason))
                given = None
            else:
                ingestion.records.append(IngestionRecord(article.id, len(article.text), len(given.text)))
        predicted = predict(given) if given is not None else {name: [] for name in GOLD_LISTS}
        if write_to is not None:
            write_predictions(write_to, given or article, predicted)
        triples.append((article.id, article.facts, predicted))
    if not group_by:
        report = score_articles(triples)
    else:
        group_of = GROUPINGS[group_by]
        report = score_grouped(triples, group_of)
        if ingest is not None:
            for name, group in report.groups.items():
                group.ingestion = ingestion.only(lambda article_id, name=name: group_of(article_id) == name)
    report.ingestion = ingestion if ingest is not None else None
    return report
