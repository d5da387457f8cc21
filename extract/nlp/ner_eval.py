"""Measure a spaCy NER pipeline against a CoNLL-style gold file.

The scoring is exact-span matching, as in CoNLL's conlleval: a predicted entity
counts only when its token span and label both equal a gold entity's. The
model sees the gold tokenisation, so tokeniser differences never count as NER
errors. `read_conll` is also what the training recipe (models/ner/) uses to
turn the source corpora into spaCy docs, so training and measuring read the
data the same way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from collections.abc import Iterable, Mapping

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.blas import multiply_with_numpy

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = REPO_ROOT / "models" / "id_ner"
DEFAULT_TEST_DATA = REPO_ROOT / "models" / "ner" / "assets" / "idner-news-2k" / "test.txt"
LABELS = ("PER", "ORG", "LOC")


class ConllFormatError(ValueError):
    """The gold file is not token-and-tag lines separated by blank lines."""


@dataclass(frozen=True)
class Sentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]  # IOB2, already mapped to our labels; "O" outside


def read_conll(
    path: str | Path,
    label_map: Mapping[str, str | None] | None = None,
    limit: int | None = None,
) -> list[Sentence]:
    """Read sentences from a CoNLL-style file: first column token, last column tag.

    Lines are tab-separated when they contain a tab (tokens may then hold
    spaces, as in NERP), otherwise whitespace-separated (idner-news-2k, with
    CRLF line ends). `label_map` renames entity types; a type mapped to None,
    or absent from a given map, becomes "O". Stray I- tags are repaired to B-.
    """
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for number, raw in enumerate(lines, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if words:
                    sentences.append(Sentence(tuple(words), tuple(_repair_iob(tags))))
                    words, tags = [], []
                    if limit is not None and len(sentences) >= limit:
                        return sentences
                continue
            columns = line.split("\t") if "\t" in line else line.split()
            if len(columns) < 2:
                raise ConllFormatError(f"{path}:{number}: expected a token and a tag, got {line!r}")
            token, tag = columns[0], columns[-1].strip()
            # A token holding spaces ("sementara itu") becomes several words.
            parts = token.split() or [token]
            for i, part in enumerate(parts):
                words.append(part)
                tags.append(_map_tag(tag if i == 0 else _inside(tag), label_map))
    if words:
        sentences.append(Sentence(tuple(words), tuple(_repair_iob(tags))))
    return sentences[:limit] if limit is not None else sentences


def _inside(tag: str) -> str:
    return "I-" + tag[2:] if tag.startswith("B-") else tag


def _map_tag(tag: str, label_map: Mapping[str, str | None] | None) -> str:
    if tag == "O":
        return "O"
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
        raise ConllFormatError(f"not an IOB2 tag: {tag!r}")
    label = tag[2:]
    if label_map is not None:
        mapped = label_map.get(label)
        if mapped is None:
            return "O"
        label = mapped
    return f"{tag[0]}-{label}"


def _repair_iob(tags: list[str]) -> list[str]:
    repaired: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        repaired.append(tag)
        previous = tag
    return repaired


def iob_spans(tags: Iterable[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, label), token offsets, end exclusive."""
    spans: set[tuple[int, int, str]] = set()
    start, label = None, None
    tags = list(tags)
    for i, tag in enumerate([*tags, "O"]):
        continues = tag.startswith("I-") and label == tag[2:]
        if start is not None and not continues:
            spans.add((start, i, label))
            start, label = None, None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, label = i, tag[2:]
    return spans


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f}


def score_spans(
    gold: Iterable[set[tuple[int, int, str]]],
    predicted: Iterable[set[tuple[int, int, str]]],
) -> dict[str, Any]:
    """Micro-averaged exact-match P/R/F1, overall and per entity type."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        for span in gold_spans:
            n_gold[span[2]] += 1
        for span in pred_spans:
            n_pred[span[2]] += 1
        for span in gold_spans & pred_spans:
            tp[span[2]] += 1
    labels = sorted(set(n_gold) | set(n_pred))
    per_type = {label: {**prf(tp[label], n_pred[label], n_gold[label]), "support": n_gold[label]} for label in labels}
    overall = prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {**overall, "support": sum(n_gold.values()), "per_type": per_type}


@lru_cache(maxsize=2)
def _load_for_scoring(model_path: str) -> Language:
    # Once per process and path. Scoring feeds gold tokens, so the saved
    # tokenizer (slow to build) is skipped. The model multiplies as it does
    # in the pipeline (extract.nlp.blas).
    return multiply_with_numpy(spacy.load(model_path, exclude=["tokenizer"]))


def evaluate_ner(
    model_path: str | Path = DEFAULT_MODEL,
    conll_path: str | Path = DEFAULT_TEST_DATA,
    limit: int | None = None,
    label_map: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """Run the pipeline at `model_path` over the gold sentences and score its entities.

    Returns {"p", "r", "f", "support", "per_type": {label: {p, r, f, support}},
    "sentences", "model", "data"}. Only the first `limit` sentences when given.
    """
    sentences = read_conll(conll_path, label_map=label_map, limit=limit)
    if not sentences:
        raise ConllFormatError(f"{conll_path}: no sentences")
    nlp = _load_for_scoring(str(Path(model_path).resolve()))
    docs = (Doc(nlp.vocab, words=list(s.words)) for s in sentences)
    predicted = [{(ent.start, ent.end, ent.label_) for ent in doc.ents} for doc in nlp.pipe(docs, batch_size=64)]
    scores = score_spans((iob_spans(s.tags) for s in sentences), predicted)
    return {**scores, "sentences": len(sentences), "model": str(model_path), "data": str(conll_path)}


def format_scores(scores: Mapping[str, Any]) -> str:
    """A small plain-text table: one row per entity type, then the overall row."""
    rows = [f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}"]
    for label, s in scores["per_type"].items():
        rows.append(f"{label:<8}{s['p']:>8.3f}{s['r']:>8.3f}{s['f']:>8.3f}{s['support']:>8}")
    rows.append(f"{'overall':<8}{scores['p']:>8.3f}{scores['r']:>8.3f}{scores['f']:>8.3f}{scores['support']:>8}")
    return "\n".join(rows)
