"""Run the extractor over a gold folder and score it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

from extract.evaluate.gold import GoldArticle, GoldFormatError, parse_gold, read_gold_folder, write_predictions
from extract.evaluate.scoring import GROUPINGS, EvalReport, score_articles, score_grouped

Predictor = Callable[[GoldArticle], dict[str, list]]


def predict_with_extractor(article: GoldArticle) -> dict[str, list]:
    """What the extractor finds, given only what the spec allows: text, published, title, url."""
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
) -> EvalReport:
    """Score `predict` on every article of the folder; with `group_by` (a key
    of GROUPINGS) the report also holds one report per group of articles."""
    if group_by is not None and group_by not in GROUPINGS:
        raise ValueError(f"unknown grouping {group_by!r}: one of {', '.join(GROUPINGS)}")
    articles = read_gold_folder(folder)
    triples = []
    for article in articles:
        predicted = predict(article)
        if write_to is not None:
            write_predictions(write_to, article, predicted)
        triples.append((article.id, article.facts, predicted))
    return score_grouped(triples, GROUPINGS[group_by]) if group_by else score_articles(triples)
