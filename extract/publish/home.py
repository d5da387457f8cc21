"""What the home page and the search page show."""

from __future__ import annotations

import sqlite3
import unicodedata

from extract.publish.entries import (
    article_list,
    payouts_per_year,
    rows,
    story_entries,
)
from extract.publish.formatting import format_number_id


def figures(conn: sqlite3.Connection) -> dict:
    """Articles, outlets, stories and events stored, and hand-overs paid per year."""
    counts = rows(
        conn,
        "select (select count(*) from articles) as articles,"
        " (select count(distinct source) from articles) as outlets,"
        " (select count(*) from stories) as stories,"
        " (select count(*) from events where type != 'statement') as events,"
        " (select count(*) from events where type != 'statement' and story_id is null) as loose_events,"
        " (select count(*) from handovers) as payouts",
    )[0]
    return {
        **counts,
        "texts": {name: format_number_id(value) for name, value in counts.items()},
        "payouts_by_year": payouts_per_year(conn, "1", {}),
    }


# Up to this many events without a story are sorted by date; with more (no
# merger has run) the newest are read from the timeline index instead.
FEW_LONE_EVENTS = 10_000


def latest_stories(conn: sqlite3.Connection, limit: int = 10) -> list[dict]:
    """The newest stories and events in no story, each read by index: fast at a million events."""
    story_ids = [r[0] for r in conn.execute("select id from stories order by date desc, id desc limit ?", [limit])]
    lone = conn.execute(
        "select count(*) from (select 1 from events where story_id is null limit ?)", [FEW_LONE_EVENTS + 1]
    ).fetchone()[0]
    if lone <= FEW_LONE_EVENTS:
        order = "coalesce(e.timeline_date, '') desc, e.id desc"  # from the story_id index, then sorted
        dated = ""
    else:
        order = "e.timeline_date desc, e.id desc"  # idx_events_timeline read backwards
        dated = "and (e.timeline_date is null) = 0"
    event_ids = [
        r[0]
        for r in conn.execute(
            f"select e.id from events e where e.story_id is null and e.type != 'statement' {dated}"
            f" order by {order} limit ?",
            [limit],
        )
    ]
    return story_entries(
        conn, f"e.story_id in ({_id_list(story_ids)}) or e.id in ({_id_list(event_ids)})", {}, limit=limit
    )


def _id_list(values: list[int]) -> str:
    """Integer ids read from the database, as an SQL list."""
    return ",".join(str(int(v)) for v in values) or "null"


def search_words(text: str) -> str:
    """What a reader typed, without control characters (FTS5 reads a NUL as the end of the query)."""
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text).strip()


def fts_query(text: str) -> str:
    """Words as an FTS5 query of quoted terms: what a reader types is never search syntax."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


# A word in a third of a million articles would have every match sorted by
# date; the results are drawn from the most recently stored matches instead.
SEARCH_SCOPE = 500


def search(conn: sqlite3.Connection, text: str, limit: int = 20) -> dict:
    """Articles, stories, officials, organisations and regions matching `text`."""
    text = search_words(text)
    if not text:
        return {"articles": [], "stories": [], "officials": [], "organisations": [], "regions": []}
    params = {"fts": fts_query(text), "like": f"%{text}%", "scope": SEARCH_SCOPE}
    return {
        "articles": article_list(
            conn,
            "a.rowid in (select rowid from articles_fts where articles_fts match :fts order by rowid desc limit :scope)",
            params,
            limit=limit,
        ),
        "stories": story_entries(
            conn,
            "e.id in (select rowid from events_fts where events_fts match :fts order by rowid desc limit :scope)"
            " or e.story_id in (select id from stories where title like :like)",
            params,
            limit=limit,
        ),
        "officials": rows(
            conn,
            "select o.key, o.name, o.position, r.name as region,"
            " (select count(distinct article_id) from official_mentions where official_key = o.key) as articles"
            " from officials o left join regions r on r.code = o.region_code"
            f" where o.name like :like or o.position like :like order by articles desc, o.name limit {int(limit)}",
            params,
        ),
        "organisations": rows(
            conn,
            "select name, (select count(*) from event_parties where organisation = o.name) as events"
            f" from organisations o where name like :like order by events desc, name limit {int(limit)}",
            params,
        ),
        "regions": rows(
            conn,
            "select r.code, r.name, r.province, (select count(*) from events where region_code = r.code) as events"
            f" from regions r where r.name like :like or r.code = :text order by events desc, r.name limit {int(limit)}",
            {**params, "text": text},
        ),
    }
