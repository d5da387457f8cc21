"""The fact types, each declared once; the rest of the project derives from here.

A `FactType` says what a kind of fact is called (its `Facts` field and its
`ctx.results` key), its dataclass (extract/model.py), the extractor that
finds it, the gold lists it is projected onto, its table and columns, and how
its evidence is marked on the article page. Derived from `FACT_TYPES`:

- the extractors and their order (extract/facts/extractor.py);
- `Facts.to_gold`, `GOLD_LISTS` and what `extract run --json` prints beside them;
- the list specs `extract eval` scores with (extract/evaluate/scoring.py);
- the tables the store deletes and fills per article (extract/store/schema.py,
  extract/store/facts.py);
- the evidence marks of the article page (extract/publish/plugin.py).

The gold format (../shared/spec/gold-format.md, v1.1) is a contract of exactly
eight lists: a fact type outside it (budgets) has no `gold` lists, and is
printed by `extract run --json` under "more_facts" instead. Tables come from
the migrations in extract/store/schema.py, released ones never edited; a test
checks that every type's table and columns exist in a fresh database.

Nothing here imports an extractor: each is named as "module:function" and
imported when first run, so the store and the site read this module without
loading spaCy.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from extract.model import Budget, Event, Facts, Official, Payout, Percentage, Region, Regulation, WorkerCount

# How a gold list's match key reads an item: (field, normaliser); field None
# is the item itself (a date, a region name). The normalisers and the
# attribute comparisons are named here and defined in extract/evaluate/scoring.py.
KeyPart = tuple[str | None, str]


@dataclass(frozen=True)
class GoldList:
    """One list of the gold format: how a fact type's items project onto it and how it is scored."""

    name: str
    place: int  # its position in the gold format's "facts" object (v1.1), from 0
    project: Callable[[list], list]  # the fact type's items -> this list's items
    key: tuple[KeyPart, ...]  # a prediction matches a gold item when these agree
    attributes: tuple[tuple[str, str], ...] = ()  # (item field, comparison), scored over matched pairs


@dataclass(frozen=True)
class Evidence:
    """How the article page marks a fact's words: SQL expressions over the fact's row."""

    label: str  # a span label of extract/data/publish/labels.yaml, "'PAYOUT'" (or an expression)
    title: str  # the hover text


@dataclass(frozen=True)
class FactType:
    name: str  # the Facts field and the ctx.results key
    model: type  # its dataclass
    extractor: str  # "module:function", a function (ctx) -> list[model]
    table: str  # one row per fact (per mention, for officials), with article_id, seq and provenance
    columns: tuple[str, ...]  # the table's columns a fact fills besides those
    # Columns filled from the article rather than the fact: region_code (its
    # main region), date, month and year (of its publication).
    from_article: tuple[str, ...] = ()
    children: tuple[tuple[str, str], ...] = ()  # (table, column holding the id of this table's row)
    gold: tuple[GoldList, ...] = ()
    evidence: Evidence | None = None

    def extract(self, ctx: Any) -> list:
        return _function(self.extractor)(ctx)


@cache
def _function(path: str) -> Callable[[Any], list]:
    module, name = path.split(":")
    return getattr(importlib.import_module(module), name)


def _unique(items: list) -> list:
    seen: list = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _event_dates(events: list[Event]) -> list:
    """The days of every dated event, statements ("kata X, Rabu (8/11/2023)") included."""
    return _unique([e.date for e in events if e.date and e.date_precision == "day"])


def _agreements(events: list[Event]) -> list:
    return [
        {"date": e.date, "parties": list(e.parties), "workers": e.workers}
        for e in events
        if e.type == "agreement_signing"
    ]


# In the order the extractors run: a later one may read what an earlier one
# found in ctx.results (events read officials, regions, payouts and worker
# counts; percentages read worker counts; payouts read officials).
FACT_TYPES: tuple[FactType, ...] = (
    FactType(
        name="regions",
        model=Region,
        extractor="extract.facts.regions:extract_regions",
        table="article_regions",
        columns=("region_code", "region_name", "resolved_from"),
        gold=(GoldList("regions", 1, lambda regions: _unique([r.name for r in regions]), ((None, "fold"),)),),
        evidence=Evidence("'REGION'", "region_code || ' ' || coalesce(region_name, '')"),
    ),
    FactType(
        name="officials",
        model=Official,
        extractor="extract.facts.officials:extract_officials",
        table="official_mentions",
        columns=("official_key", "name", "position", "titles", "organisation", "region_code"),
        gold=(
            GoldList(
                "officials",
                2,
                lambda officials: [{"name": o.name, "position": o.position} for o in officials],
                (("name", "name_key"),),
                (("position", "token_f1"),),
            ),
        ),
        evidence=Evidence("'OFFICIAL'", "name || coalesce(' - ' || position, '')"),
    ),
    FactType(
        name="regulations",
        model=Regulation,
        extractor="extract.facts.regulations:extract_regulations",
        table="regulations",
        columns=("kind", "number", "year", "title"),
        gold=(
            GoldList(
                "regulations",
                7,
                lambda regulations: [{"kind": r.kind, "number": r.number, "year": r.year} for r in regulations],
                (("kind", "fold"), ("number", "fold"), ("year", "int")),
            ),
        ),
        evidence=Evidence("'REGULATION'", "kind || coalesce(' ' || number, '') || coalesce('/' || year, '')"),
    ),
    FactType(
        name="worker_counts",
        model=WorkerCount,
        extractor="extract.facts.workers:extract_worker_counts",
        table="worker_counts",
        columns=("value", "category"),
        from_article=("region_code", "date", "month", "year"),
        gold=(
            GoldList(
                "worker_counts",
                5,
                lambda counts: [{"value": w.value, "category": w.category} for w in counts],
                (("value", "int"),),
                (("category", "token_f1"),),
            ),
        ),
        evidence=Evidence("'WORKERS'", "value || ' ' || category"),
    ),
    FactType(
        name="percentages",
        model=Percentage,
        extractor="extract.facts.percentages:extract_percentages",
        table="percentages",
        columns=("value", "about", "measure"),
        from_article=("region_code", "date", "month", "year"),
        gold=(
            GoldList(
                "percentages",
                6,
                lambda percentages: [{"value": p.value, "about": p.about} for p in percentages],
                (("value", "two_decimals"),),
                (("about", "token_f1"),),
            ),
        ),
        evidence=Evidence("'PERCENTAGE'", "value || '% ' || about"),
    ),
    FactType(
        name="payouts",
        model=Payout,
        extractor="extract.facts.payouts:extract_payouts",
        table="payouts",
        columns=("amount_idr", "beneficiary", "heir", "programs", "kind", "region_code", "date", "month", "year"),
        gold=(
            GoldList(
                "payouts",
                4,
                lambda payouts: [
                    {"amount_idr": p.amount_idr, "beneficiary": p.beneficiary, "programs": list(p.programs)}
                    for p in payouts
                ],
                (("amount_idr", "int"),),
                (("beneficiary", "equal_folded"), ("programs", "same_folded_set")),
            ),
        ),
        evidence=Evidence("'PAYOUT'", "amount_idr || ' ' || programs"),
    ),
    FactType(
        name="events",
        model=Event,
        extractor="extract.facts.events:extract_events",
        table="events",
        columns=(
            "type",
            "date",
            "date_precision",
            "timeline_date",
            "month",
            "year",
            "venue",
            "region_code",
            "region_name",
            "workers",
            "summary",
        ),
        children=(("event_parties", "event_id"), ("event_officials", "event_id")),
        gold=(
            GoldList("event_dates", 0, _event_dates, ((None, "strip"),)),
            GoldList(
                "agreements",
                3,
                _agreements,
                (("date", "raw"),),
                (("parties", "best_overlap"), ("workers", "equal_int")),
            ),
        ),
        evidence=Evidence("'EVENT ' || type", "summary"),
    ),
    FactType(
        name="budgets",
        model=Budget,
        extractor="extract.facts.budgets:extract_budgets",
        table="budgets",
        columns=("amount_idr", "source", "purpose", "year"),
        from_article=("region_code",),
        evidence=Evidence("'BUDGET'", "amount_idr || coalesce(' ' || source, '') || coalesce(' - ' || purpose, '')"),
    ),
)

FACT_TYPES_BY_NAME: dict[str, FactType] = {t.name: t for t in FACT_TYPES}

# The gold format's lists, in its order.
GOLD: tuple[tuple[FactType, GoldList], ...] = tuple(
    sorted(((t, g) for t in FACT_TYPES for g in t.gold), key=lambda pair: pair[1].place)
)
GOLD_LISTS: tuple[str, ...] = tuple(g.name for _, g in GOLD)


def to_gold(facts: Facts) -> dict[str, list]:
    """The eight lists of the gold format, each fact once."""
    return {g.name: g.project(getattr(facts, t.name)) for t, g in GOLD}


def beyond_gold(facts: Facts) -> dict[str, list]:
    """Each fact type without a gold list: its items as dicts, provenance left out."""
    return {
        t.name: [{k: v for k, v in asdict(item).items() if k != "provenance"} for item in getattr(facts, t.name)]
        for t in FACT_TYPES
        if not t.gold
    }
