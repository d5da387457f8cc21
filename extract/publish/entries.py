"""Stories (or lone events) and payout totals for a set of events: what the
home page and the entity pages list.

Functions take a plain sqlite3 connection, so that the pages run them through
Datasette's `execute_fn` and the tests run them on a database built by the
store. Events a story merger has not grouped yet stand alone as entries.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from extract.publish.formatting import format_date_id, format_rupiah_short
from extract.publish.highlight import format_rupiah
from extract.publish.labels import event_type_label

# The payouts that are money handed over: parts of a stated total and
# programme-wide statistics would count the same money twice or flatten a sum.


def rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def story_entries(conn: sqlite3.Connection, event_filter: str, params: dict, limit: int = 50) -> list[dict]:
    """Newest first, the stories the events matching `event_filter` (SQL over
    `events e`) belong to, and the matching events that have no story.

    Dated statements are left out, as on the timeline. Each entry carries its
    articles (id, title, source) for links.
    """
    sql = f"""
    with matched as (
      select e.id, e.story_id from events e where e.type != 'statement' and ({event_filter})
    )
    select * from (
    select 'story' as entry, s.id as story_id, null as event_id, s.type, s.date, null as date_precision,
           s.region_code, coalesce(r.name, s.region_code) as region, s.title, s.article_count, s.source_count
    from stories s left join regions r on r.code = s.region_code
    where s.id in (select story_id from matched)
    union all
    select 'event', null, e.id, e.type, e.timeline_date,
           case when e.date is null then 'day' else coalesce(e.date_precision, 'day') end,
           e.region_code, coalesce(r.name, e.region_name), coalesce(nullif(e.summary, ''), a.title), 1, 1
    from events e join articles a on a.id = e.article_id left join regions r on r.code = e.region_code
    where e.id in (select id from matched where story_id is null)
    )
    order by date is null, date desc, story_id desc, event_id desc
    limit :_limit
    """
    entries = rows(conn, sql, {**params, "_limit": limit})
    for entry in entries:
        if entry["entry"] == "story":
            entry["articles"] = rows(
                conn,
                "select a.id, a.title, a.source, a.published from story_articles sa join articles a on a.id = sa.article_id"
                " where sa.story_id = ? order by a.published, a.id",
                [entry["story_id"]],
            )
        else:
            entry["articles"] = rows(
                conn,
                "select a.id, a.title, a.source, a.published from events e join articles a on a.id = e.article_id"
                " where e.id = ?",
                [entry["event_id"]],
            )
        entry["type_label"] = event_type_label(entry["type"])
        entry["date_text"] = format_date_id(entry["date"], entry["date_precision"] or "day") or "date unknown"
        entry["sources"] = sorted({a["source"] for a in entry["articles"] if a["source"]})
    return entries


def payouts_per_year(conn: sqlite3.Connection, payout_filter: str, params: dict) -> list[dict]:
    """Hand-overs matching `payout_filter` (SQL over `handovers p`, each hand-over once): count and total per year, newest first."""
    found = rows(
        conn,
        f"select p.year, count(*) as payouts, sum(p.amount_idr) as total_idr from handovers p"
        f" where ({payout_filter})"
        f" group by p.year order by p.year is null, p.year desc",
        params,
    )
    for row in found:
        row["total_text"] = format_rupiah(row["total_idr"])
        row["total_short"] = format_rupiah_short(row["total_idr"])
    return found


def co_officials(
    conn: sqlite3.Connection, article_filter: str, params: dict, exclude: str | None = None, limit: int = 20
) -> list[dict]:
    """Officials named in the articles matching `article_filter` (SQL over `articles a`), most articles first."""
    return rows(
        conn,
        f"select o.key, o.name, o.position, count(distinct m.article_id) as articles"
        f" from official_mentions m join officials o on o.key = m.official_key"
        f" where m.article_id in (select a.id from articles a where {article_filter})"
        f" and o.key is not coalesce(:_exclude, '')"
        f" group by o.key order by articles desc, o.name limit {int(limit)}",
        {**params, "_exclude": exclude},
    )


def co_organisations(
    conn: sqlite3.Connection, article_filter: str, params: dict, exclude: str | None = None, limit: int = 20
) -> list[dict]:
    """Organisations taking part in events of the articles matching `article_filter`, most articles first."""
    return rows(
        conn,
        f"select ep.organisation as name, count(distinct e.article_id) as articles"
        f" from event_parties ep join events e on e.id = ep.event_id"
        f" where e.article_id in (select a.id from articles a where {article_filter})"
        f" and ep.organisation is not coalesce(:_exclude, '')"
        f" group by ep.organisation order by articles desc, ep.organisation limit {int(limit)}",
        {**params, "_exclude": exclude},
    )


def article_list(conn: sqlite3.Connection, article_filter: str, params: dict, limit: int = 50) -> list[dict]:
    """The articles matching `article_filter`, newest first."""
    found = rows(
        conn,
        f"select a.id, a.title, a.source, a.published from articles a where {article_filter}"
        f" order by a.published is null, a.published desc, a.id limit {int(limit)}",
        params,
    )
    for row in found:
        row["published_text"] = format_date_id(row["published"])
    return found
