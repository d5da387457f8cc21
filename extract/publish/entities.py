"""What the pages /official/<key>, /region/<code> and /organisation/<name> show.

Each function returns a dict for the page's template, or None when the
database has no such official, region or organisation.
"""

from __future__ import annotations

import json
import sqlite3

from extract.publish.entries import (
    article_list,
    co_officials,
    co_organisations,
    payouts_per_year,
    rows,
    story_entries,
)
from extract.publish.formatting import format_date_id, format_number_id

# Articles that mention the official.
_OFFICIAL_ARTICLES = "a.id in (select article_id from official_mentions where official_key = :key)"
# Articles in which the organisation is a party to an event.
_ORGANISATION_ARTICLES = (
    "a.id in (select e.article_id from events e join event_parties ep on ep.event_id = e.id"
    " where ep.organisation = :name)"
)
# Articles about the region, or with an event placed there.
_REGION_ARTICLES = (
    "a.id in (select article_id from article_regions where region_code = :code"
    " union select article_id from events where region_code = :code)"
)


def official(conn: sqlite3.Connection, key: str) -> dict | None:
    found = rows(
        conn,
        "select o.*, r.name as region_name from officials o left join regions r on r.code = o.region_code where o.key = ?",
        [key],
    )
    if not found:
        return None
    person = found[0]
    person["titles_list"] = json.loads(person["titles"] or "[]")
    params = {"key": key}
    positions = rows(
        conn,
        "select m.position, count(distinct m.article_id) as articles, min(a.published) as first, max(a.published) as last"
        " from official_mentions m join articles a on a.id = m.article_id"
        " where m.official_key = :key and m.position is not null and m.position != ''"
        " group by m.position order by last desc, articles desc",
        params,
    )
    for position in positions:
        position["first_text"] = format_date_id(position["first"])
        position["last_text"] = format_date_id(position["last"])
    return {
        "official": person,
        "positions": positions,
        # Events they took part in, and the events of the articles naming them.
        "entries": story_entries(
            conn,
            "e.id in (select event_id from event_officials where official_key = :key)"
            " or e.article_id in (select article_id from official_mentions where official_key = :key)",
            params,
        ),
        "payouts": payouts_per_year(
            conn, f"p.article_id in (select a.id from articles a where {_OFFICIAL_ARTICLES})", params
        ),
        "officials": co_officials(conn, _OFFICIAL_ARTICLES, params, exclude=key),
        "organisations": co_organisations(conn, _OFFICIAL_ARTICLES, params),
        "articles": article_list(conn, _OFFICIAL_ARTICLES, params),
    }


def region(conn: sqlite3.Connection, code: str) -> dict | None:
    found = rows(conn, "select * from regions where code = ?", [code])
    if not found:
        return None
    params = {"code": code}
    figures = rows(
        conn,
        "select 'workers' as figure, w.value, w.category as about, w.date, w.article_id from worker_counts w"
        " where w.region_code = :code"
        " union all select 'percent', p.value, p.about, p.date, p.article_id from percentages p"
        " where p.region_code = :code"
        " order by date desc limit 10",
        params,
    )
    for figure in figures:
        figure["value_text"] = (
            f"{format_number_id(figure['value'], 1 if figure['value'] % 1 else 0)}%"
            if figure["figure"] == "percent"
            else f"{format_number_id(figure['value'])} workers"
        )
        figure["date_text"] = format_date_id(figure["date"])
    return {
        "region": found[0],
        "entries": story_entries(conn, "e.region_code = :code", params),
        "payouts": payouts_per_year(conn, "p.region_code = :code", params),
        "officials": co_officials(conn, _REGION_ARTICLES, params),
        "organisations": co_organisations(conn, _REGION_ARTICLES, params),
        "figures": figures,
        "articles": article_list(conn, _REGION_ARTICLES, params),
    }


def organisation(conn: sqlite3.Connection, name: str) -> dict | None:
    params = {"name": name}
    known = rows(conn, "select name from organisations where name = :name", params) or rows(
        conn, "select distinct organisation as name from event_parties where organisation = :name", params
    )
    if not known:
        return None
    regions = rows(
        conn,
        "select e.region_code as code, coalesce(r.name, e.region_name) as name, count(*) as events"
        " from events e join event_parties ep on ep.event_id = e.id left join regions r on r.code = e.region_code"
        " where ep.organisation = :name and e.region_code is not null"
        " group by e.region_code order by events desc, name",
        params,
    )
    return {
        "organisation": known[0],
        "entries": story_entries(
            conn, "e.id in (select event_id from event_parties where organisation = :name)", params
        ),
        "payouts": payouts_per_year(
            conn, f"p.article_id in (select a.id from articles a where {_ORGANISATION_ARTICLES})", params
        ),
        "officials": co_officials(conn, _ORGANISATION_ARTICLES, params),
        "organisations": co_organisations(conn, _ORGANISATION_ARTICLES, params, exclude=name),
        "regions": regions,
        "articles": article_list(conn, _ORGANISATION_ARTICLES, params),
    }
