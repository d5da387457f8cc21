"""`extract eval`: score the extractor against folders of gold articles."""

from extract.evaluate.gold import GoldArticle, GoldFormatError, read_gold_folder
from extract.evaluate.runner import evaluate_folder, predict_with_extractor, predictions_from_folder
from extract.evaluate.scoring import EvalReport, ListScore, score_articles, token_f1

__all__ = [
    "EvalReport",
    "GoldArticle",
    "GoldFormatError",
    "ListScore",
    "evaluate_folder",
    "predict_with_extractor",
    "predictions_from_folder",
    "read_gold_folder",
    "score_articles",
    "token_f1",
]
