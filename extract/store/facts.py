"""One article's fact rows: delete, insert and count them, per fact type.

The tables and columns come from the fact-type registry
(extract/fact_types.py). A fact type whose columns are its dataclass's
fields (lists stored as JSON), plus columns filled from the article
(`FactType.from_article`), is written by `_write_plain`; regions, officials,
events and payouts, whose rows need more (a people table, child rows, a date
from the payout's event), have a writer of their own in `_WRITERS`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from extract.fact_types import FACT_TYPES, FactType
from extract.model import Article, Event, Facts, Official, Payout, Provenance, Region
from extract.store.rows import insert_rows, month_year, provenance_row, upsert_row

# Not a fact type: every NER and rule span of the article (Facts.mentions).
MENTIONS_TABLE = "mentions"


def fact_counts(db: Database, aid: str) -> dict[str, int]:
    """How many rows of each fact table belong to article `aid`."""
    counts = {}
    for fact_type in FACT_TYPES:
        parents = f"select id from [{fact_type.table}] where article_id = ?"
        for child, column in fact_type.children:
            sql = f"select count(*) from [{child}] where [{column}] in ({parents})"
            counts[child] = db.execute(sql, [aid]).fetchone()[0]
        counts[fact_type.table] = _count(db, fact_type.table, aid)
    counts[MENTIONS_TABLE] = _count(db, MENTIONS_TABLE, aid)
    return counts


def _count(db: Database, table: str, aid: str) -> int:
    return db.execute(f"select count(*) from [{table}] where article_id = ?", [aid]).fetchone()[0]


def all_provenance(facts: Facts) -> Iterable[Provenance]:
    """The provenance of every fact (an official has one per mention)."""
    for fact_type in FACT_TYPES:
        for item in getattr(facts, fact_type.name):
            evidence = item.provenance
            if isinstance(evidence, list):
                yield from evidence
            elif evidence is not None:
                yield evidence


def delete_facts(db: Database, aid: str) -> None:
    """Remove article `aid`'s fact rows, and the people and organisations only it named."""
    event_ids = "select id from events where article_id = ?"
    people = [
        key
        for (key,) in db.execute(
            "select official_key from official_mentions where article_id = ?"
            f" union select official_key from event_officials where event_id in ({event_ids})",
            [aid, aid],
        )
    ]
    organisations = [
        name for (name,) in db.execute(f"select organisation from event_parties where event_id in ({event_ids})", [aid])
    ]
    for fact_type in FACT_TYPES:
        for child, column in fact_type.children:
            db.execute(
                f"delete from [{child}] where [{column}] in (select id from [{fact_type.table}] where article_id = ?)",
                [aid],
            )
        db.execute(f"delete from [{fact_type.table}] where article_id = ?", [aid])
    db.execute(f"delete from [{MENTIONS_TABLE}] where article_id = ?", [aid])
    for key in people:
        db.execute(
            "delete from officials where key = ?1"
            " and not exists (select 1 from official_mentions where official_key = ?1)"
            " and not exists (select 1 from event_officials where official_key = ?1)",
            [key],
        )
    for name in organisations:
        db.execute(
            "delete from organisations where name = ?1 and not exists (select 1 from event_parties where organisation = ?1)",
            [name],
        )


@dataclass(frozen=True)
class _Article:
    """What the rows of one article's facts take from the article."""

    id: str
    article: Article
    main_region: str | None
    month: str | None
    year: int | None

    def columns(self, names: tuple[str, ...]) -> dict[str, Any]:
        values = {
            "region_code": self.main_region,
            "date": self.article.published,
            "month": self.month,
            "year": self.year,
        }
        return {name: values[name] for name in names}


def insert_facts(db: Database, aid: str, article: Article, facts: Facts, main_region: str | None) -> None:
    """Insert the rows of every fact of `facts` (the article's are deleted first, by `delete_facts`)."""
    month, year = month_year(article.published)
    about = _Article(aid, article, main_region, month, year)
    for fact_type in FACT_TYPES:
        write = _WRITERS.get(fact_type.name, _write_plain)
        write(db, about, fact_type, getattr(facts, fact_type.name), facts)
    insert_rows(
        db,
        MENTIONS_TABLE,
        (
            {
                "article_id": aid,
                "seq": seq,
                "label": m.label,
                "text": m.text,
                "span_start": m.start,
                "span_end": m.end,
                "sentence_index": m.sentence_index,
                "source": m.source,
            }
            for seq, m in enumerate(facts.mentions)
        ),
    )


def _value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def _write_plain(db: Database, about: _Article, fact_type: FactType, items: list, facts: Facts) -> None:
    insert_rows(
        db,
        fact_type.table,
        (
            {
                "article_id": about.id,
                "seq": seq,
                **{column: _value(getattr(item, column)) for column in fact_type.columns},
                **about.columns(fact_type.from_article),
                **provenance_row(item.provenance),
            }
            for seq, item in enumerate(items)
        ),
    )


def _write_regions(db: Database, about: _Article, fact_type: FactType, regions: list[Region], facts: Facts) -> None:
    insert_rows(
        db,
        fact_type.table,
        (
            {
                "article_id": about.id,
                "seq": seq,
                "region_code": region.code,
                "region_name": region.name,
                "resolved_from": region.resolved_from,
                **provenance_row(region.provenance),
            }
            for seq, region in enumerate(regions)
        ),
    )


def _write_officials(
    db: Database, about: _Article, fact_type: FactType, officials: list[Official], facts: Facts
) -> None:
    # One row per person across articles, one mention per appearance.
    for official in officials:
        key = official.key or official.name.casefold()
        upsert_row(
            db,
            "officials",
            {
                "key": key,
                "name": official.name,
                "position": official.position,
                "organisation": official.organisation,
                "region_code": official.region_code,
                "titles": json.dumps(official.titles, ensure_ascii=False),
            },
            "key",
        )
    mention_rows = []
    for seq, official in enumerate(officials):
        base = {
            "official_key": official.key or official.name.casefold(),
            "article_id": about.id,
            "seq": seq,
            "name": official.name,
            "position": official.position,
            "titles": json.dumps(official.titles, ensure_ascii=False),
            "organisation": official.organisation,
            "region_code": official.region_code,
        }
        for prov in official.provenance or [None]:
            mention_rows.append({**base, **provenance_row(prov)})
    insert_rows(db, fact_type.table, mention_rows)


def _write_events(db: Database, about: _Article, fact_type: FactType, events: list[Event], facts: Facts) -> None:
    for seq, event in enumerate(events):
        # Facets want a month for every event: the event's own, else the article's.
        if event.date:
            month, year = month_year(event.date, event.date_precision)
        else:
            month, year = about.month, about.year
        event_id = insert_rows(
            db,
            fact_type.table,
            [
                {
                    "article_id": about.id,
                    "seq": seq,
                    "type": event.type,
                    "date": event.date,
                    "date_precision": event.date_precision,
                    # As the m005 migration computes it: the event's date, else the article's.
                    "timeline_date": event.date if event.date is not None else about.article.published,
                    "month": month,
                    "year": year,
                    "venue": event.venue,
                    "region_code": event.region_code,
                    "region_name": event.region_name,
                    "workers": event.workers,
                    "summary": event.summary,
                    **provenance_row(event.provenance),
                }
            ],
        )
        for party in event.parties:
            db.execute("insert or ignore into organisations (name) values (?)", [party])
        # A person named only as an event's official still gets an officials row.
        for key in event.officials:
            db.execute("insert or ignore into officials (key, name, titles) values (?1, ?1, '[]')", [key])
        for table, column, values in (
            ("event_parties", "organisation", event.parties),
            ("event_officials", "official_key", event.officials),
        ):
            insert_rows(db, table, ({"event_id": event_id, "seq": seq, column: v} for seq, v in enumerate(values)))


def _write_payouts(db: Database, about: _Article, fact_type: FactType, payouts: list[Payout], facts: Facts) -> None:
    # Dated by the article's first dated payout event, else by its publication.
    dated = next((e for e in facts.events if e.type == "benefit_payout" and e.date), None)
    if dated is not None:
        date, (month, year) = dated.date, month_year(dated.date, dated.date_precision)
    else:
        date, month, year = about.article.published, about.month, about.year
    insert_rows(
        db,
        fact_type.table,
        (
            {
                "article_id": about.id,
                "seq": seq,
                "amount_idr": payout.amount_idr,
                "beneficiary": payout.beneficiary,
                "heir": payout.heir,
                "programs": json.dumps(payout.programs, ensure_ascii=False),
                "kind": payout.kind,
                "region_code": payout.region_code or about.main_region,
                "date": date,
                "month": month,
                "year": year,
                **provenance_row(payout.provenance),
            }
            for seq, payout in enumerate(payouts)
        ),
    )


_Writer = Callable[[Database, _Article, FactType, list, Facts], None]
_WRITERS: dict[str, _Writer] = {
    "regions": _write_regions,
    "officials": _write_officials,
    "events": _write_events,
    "payouts": _write_payouts,
}
