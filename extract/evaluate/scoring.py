"""Scoring predicted facts against gold facts, exactly as corpus/GOLD-FORMAT.md says.

Per list, a predicted item matches a gold item when their keys are equal; each
gold item matches at most one prediction (multiset matching). Among items with
the same key, pairs are chosen to agree best on the attributes, which are
scored over matched pairs only. `micro` pools the counts of all lists.
A ratio with an empty denominator counts as 1.0 (nothing to find, nothing wrong).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from collections.abc import Callable, Iterable

from extract.fact_types import GOLD, GOLD_LISTS
from extract.normalize.names import name_key

if TYPE_CHECKING:
    from extract.evaluate.ingestion import IngestionReport

_WORD = re.compile(r"\w+", re.UNICODE)


def tokens(text: Any) -> list[str]:
    return _WORD.findall(str(text).casefold()) if text else []


def token_f1(gold: Any, predicted: Any) -> float:
    """SQuAD-style token overlap F1 of two texts; two empty texts agree."""
    g, p = tokens(gold), tokens(predicted)
    if not g and not p:
        return 1.0
    common = sum((Counter(g) & Counter(p)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def best_overlap(gold_names: Any, predicted_names: Any) -> float:
    """Party names: each name scored by its best token-F1 on the other side, F1 of the two means."""
    gold = [n for n in (gold_names or []) if n]
    pred = [n for n in (predicted_names or []) if n]
    if not gold and not pred:
        return 1.0
    if not gold or not pred:
        return 0.0
    recall = sum(max(token_f1(g, p) for p in pred) for g in gold) / len(gold)
    precision = sum(max(token_f1(g, p) for g in gold) for p in pred) / len(pred)
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def _fold(value: Any) -> str | None:
    return None if value is None else " ".join(str(value).casefold().split())


def _int(value: Any) -> int | None:
    try:
        return None if value is None else int(round(float(value)))
    except (TypeError, ValueError):
        return None


def _two_decimals(value: Any) -> float | None:
    try:
        return None if value is None else round(float(value), 2)
    except (TypeError, ValueError):
        return None


def _equal(a: Any, b: Any) -> float:
    return 1.0 if a == b else 0.0


def _get(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, dict) else None


@dataclass(frozen=True)
class ListSpec:
    key: Callable[[Any], Any]
    attributes: dict[str, Callable[[Any, Any], float]] = field(default_factory=dict)


# The match keys and attribute comparisons the fact-type registry names
# (extract/fact_types.py, GoldList.key and .attributes).
NORMALISERS: dict[str, Callable[[Any], Any]] = {
    "raw": lambda value: value,
    "strip": lambda value: str(value).strip(),
    "fold": _fold,
    "name_key": lambda value: name_key(value or ""),
    "int": _int,
    "two_decimals": _two_decimals,
}
COMPARISONS: dict[str, Callable[[Any, Any], float]] = {
    "token_f1": token_f1,
    "best_overlap": best_overlap,
    "equal_int": lambda g, p: _equal(_int(g), _int(p)),
    "equal_folded": lambda g, p: _equal(_fold(g), _fold(p)),
    "same_folded_set": lambda g, p: _equal({_fold(x) for x in g or []}, {_fold(x) for x in p or []}),
}


def _key(parts: tuple[tuple[str | None, str], ...]) -> Callable[[Any], Any]:
    """An item's match key: each (field, normaliser) part; one part is its value alone."""
    readers = [
        (lambda item, n=NORMALISERS[norm]: n(item))
        if name is None
        else (lambda item, n=NORMALISERS[norm], f=name: n(_get(item, f)))
        for name, norm in parts
    ]
    if len(readers) == 1:
        return readers[0]
    return lambda item: tuple(read(item) for read in readers)


def _attribute(name: str, comparison: str) -> Callable[[Any, Any], float]:
    compare = COMPARISONS[comparison]
    return lambda g, p: compare(_get(g, name), _get(p, name))


# One entry per list of the gold format: its match key and its attribute scores.
LIST_SPECS: dict[str, ListSpec] = {
    gold.name: ListSpec(
        key=_key(gold.key),
        attributes={name: _attribute(name, comparison) for name, comparison in gold.attributes},
    )
    for _, gold in GOLD
}


def _ratio(num: float, den: float) -> float:
    return num / den if den else 1.0


@dataclass
class ListScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attribute_sums: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    attribute_pairs: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def attributes(self) -> dict[str, float | None]:
        return {
            name: (total / self.attribute_pairs if self.attribute_pairs else None)
            for name, total in self.attribute_sums.items()
        }

    @classmethod
    def pooled(cls, scores: Iterable[ListScore]) -> ListScore:
        """Counts of several scores summed (micro averaging); attributes are not pooled."""
        total = cls()
        for score in scores:
            total.tp += score.tp
            total.fp += score.fp
            total.fn += score.fn
        return total

    def add(self, other: ListScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.attribute_pairs += other.attribute_pairs
        for name, total in other.attribute_sums.items():
            self.attribute_sums[name] += total

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }
        attributes = self.attributes()
        if attributes:
            data["attributes"] = {k: (None if v is None else round(v, 4)) for k, v in attributes.items()}
        return data


@dataclass
class Error:
    article_id: str
    list_name: str
    kind: str  # "fp" or "fn"
    item: Any


@dataclass
class ListMatch:
    score: ListScore
    errors: list[Error]


def match_list(list_name: str, gold: list, predicted: list, article_id: str = "") -> ListMatch:
    """Multiset matching of one list of one article."""
    spec = LIST_SPECS[list_name]
    score = ListScore()
    for name in spec.attributes:
        score.attribute_sums[name] += 0.0
    gold_by_key: dict[Any, list] = defaultdict(list)
    pred_by_key: dict[Any, list] = defaultdict(list)
    for item in gold:
        gold_by_key[spec.key(item)].append(item)
    for item in predicted:
        pred_by_key[spec.key(item)].append(item)
    errors: list[Error] = []
    for key in list(gold_by_key) + [k for k in pred_by_key if k not in gold_by_key]:
        golds, preds = gold_by_key.get(key, []), pred_by_key.get(key, [])
        pairs = _pair_best(golds, preds, spec)
        score.tp += len(pairs)
        for g, p in pairs:
            score.attribute_pairs += 1
            for name, scorer in spec.attributes.items():
                score.attribute_sums[name] += scorer(g, p)
        paired_g = {id(g) for g, _ in pairs}
        paired_p = {id(p) for _, p in pairs}
        for g in golds:
            if id(g) not in paired_g:
                score.fn += 1
                errors.append(Error(article_id, list_name, "fn", g))
        for p in preds:
            if id(p) not in paired_p:
                score.fp += 1
                errors.append(Error(article_id, list_name, "fp", p))
    return ListMatch(score, errors)


def _pair_best(golds: list, preds: list, spec: ListSpec) -> list[tuple[Any, Any]]:
    """Pair same-key items, best attribute agreement first."""
    if not golds or not preds:
        return []
    candidates = sorted(
        (
            (-sum(scorer(g, p) for scorer in spec.attributes.values()), gi, pi)
            for gi, g in enumerate(golds)
            for pi, p in enumerate(preds)
        )
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((golds[gi], preds[pi]))
    return pairs


@dataclass
class EvalReport:
    lists: dict[str, ListScore]
    errors: list[Error]
    articles: int
    groups: dict[str, EvalReport] = field(default_factory=dict)
    ingestion: IngestionReport | None = None  # when the articles went through ingestion

    @property
    def micro(self) -> ListScore:
        return ListScore.pooled(self.lists.values())

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "articles": self.articles,
            "lists": {name: score.to_dict() for name, score in self.lists.items()},
            "micro": self.micro.to_dict(),
        }
        if self.ingestion is not None:
            data["ingestion"] = self.ingestion.to_dict()
        if self.groups:
            data["groups"] = {name: group.to_dict() for name, group in self.groups.items()}
        return data


def score_articles(pairs: list[tuple[str, dict[str, list], dict[str, list]]]) -> EvalReport:
    """Score (article id, gold facts, predicted facts) triples."""
    lists = {name: ListScore() for name in GOLD_LISTS}
    errors: list[Error] = []
    for article_id, gold, predicted in pairs:
        for name in GOLD_LISTS:
            result = match_list(name, gold.get(name) or [], predicted.get(name) or [], article_id)
            lists[name].add(result.score)
            errors.extend(result.errors)
    return EvalReport(lists=lists, errors=errors, articles=len(pairs))


_NUMBERED = re.compile(r"-\d+$")


def id_prefix(article_id: str) -> str:
    """The id without its trailing dash-number: real-a-001 -> real-a (an id without one is its own group)."""
    return _NUMBERED.sub("", article_id) or article_id


# The ways `extract eval --group-by` can split a folder: name -> article id to group name.
GROUPINGS: dict[str, Callable[[str], str]] = {"prefix": id_prefix}


def score_grouped(
    pairs: list[tuple[str, dict[str, list], dict[str, list]]], group_of: Callable[[str], str]
) -> EvalReport:
    """The overall report, with one report per group (in sorted group order) in `groups`."""
    by_group: dict[str, list] = defaultdict(list)
    for pair in pairs:
        by_group[group_of(pair[0])].append(pair)
    report = score_articles(pairs)
    report.groups = {name: score_articles(by_group[name]) for name in sorted(by_group)}
    return report
