"""What the map on /-/map shows: every region with events, at its centre,
over the shipped coordinates of all regencies and cities (drawn as dots, so
the archipelago's shape shows without map tiles)."""

from __future__ import annotations

import json
import sqlite3

from markupsafe import Markup

from extract.publish.entries import rows
from extract.publish.highlight import format_rupiah


def map_regions(conn: sqlite3.Connection) -> list[dict]:
    """Regions with events (statements left out): place, counts and the money handed over."""
    found = rows(
        conn,
        "select r.code, r.name, r.province, r.latitude, r.longitude,"
        " count(*) as events,"
        " count(distinct coalesce('s' || e.story_id, 'e' || e.id)) as stories,"
        " count(distinct e.article_id) as articles,"
        " sum(e.type = 'agreement_signing') as signings,"
        " sum(e.type = 'benefit_payout') as payout_events,"
        " (select sum(p.amount_idr) from handovers p where p.region_code = r.code) as paid_idr"
        " from events e join regions r on r.code = e.region_code"
        " where e.type != 'statement' and r.latitude is not null and r.longitude is not null"
        " group by r.code order by events desc, r.name",
    )
    for row in found:
        row["paid_text"] = format_rupiah(row["paid_idr"]) if row["paid_idr"] else ""
        row["url"] = f"/region/{row['code']}"
    return found


def background_points(conn: sqlite3.Connection) -> list[list[float]]:
    """[latitude, longitude] of every region the database knows."""
    return [
        [r["latitude"], r["longitude"]]
        for r in rows(
            conn, "select latitude, longitude from regions where latitude is not null and longitude is not null"
        )
    ]


def json_for_script(value: object) -> Markup:
    """`value` as JSON safe inside <script type="application/json">: no "<" can close the element."""
    text = json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
