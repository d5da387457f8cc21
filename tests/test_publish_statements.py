"""Dated statements on the published site: stored as events of type
"statement", kept off the timeline, the map and the feed unless asked for.

A statement ("kata X, Rabu (8/11/2023)") is not a happening of its own: a
journalist browsing the timeline wants signings, payouts, meetings and
awards; the type filter brings statements back.
"""

import asyncio
import re

import pytest

from extract.model import Event
from extract.publish.app import make_datasette
from extract.store.db import open_db, save_article

from store_fixtures import make_article, span

SPOKE = "Menurut Ahmad Santoso, Rabu (20/3/2024), pendaftaran masih dibuka."


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("statements") / "extract.db"
    db = open_db(path, populate_regions=False)
    article, facts = make_article(1, extra_text=SPOKE)
    facts.events.append(
        Event(
            type="statement",
            date="2024-03-20",
            date_precision="day",
            region_code="35.05",
            region_name="Kabupaten Blitar",
            officials=["ahmad santoso"],
            summary="Pernyataan Ahmad Santoso (Bupati Blitar) (2024-03-20)",
            provenance=span(article.text, "Rabu (20/3/2024)", "events.statement"),
        )
    )
    aid = save_article(db, article, facts)
    stored = db.execute(
        "select e.type, e.date, o.official_key from events e join event_officials o on o.event_id = e.id"
        " where e.article_id = ? and e.type = 'statement'",
        [aid],
    ).fetchall()
    db.close()
    assert stored == [("statement", "2024-03-20", "ahmad santoso")]  # stored like any event, with who spoke
    return make_datasette(path)


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def types(ds, query: str = "") -> list[str]:
    response = get(ds, f"/extract/timeline.json?_shape=array&region=&date_from=&date_to=&q=&{query}")
    assert response.status_code == 200, response.text[:300]
    return [row["type"] for row in response.json()]


def test_timeline_leaves_statements_out_by_default(site):
    assert types(site, "type=") == ["agreement_signing", "benefit_payout"]


def test_type_filter_shows_statements_or_everything(site):
    assert types(site, "type=statement") == ["statement"]
    assert sorted(types(site, "type=all")) == ["agreement_signing", "benefit_payout", "statement"]


def test_timeline_page_offers_statements_in_its_type_filter(site):
    default = get(site, "/events").text
    assert default.count('class="timeline-event ') == 2
    assert '<option value="statement">Statement</option>' in default
    shown = get(site, "/events?type=statement").text
    assert shown.count('class="timeline-event ') == 1
    assert "Pernyataan Ahmad Santoso" in shown and "Rabu (20/3/2024)" in shown


def test_map_and_feed_show_happenings_only(site):
    html = get(site, "/-/map").text
    # The region's row counts the signing and the payout, not the statement.
    assert re.search(r'<a href="/region/35.05">Kabupaten Blitar</a></td><td>[^<]*</td><td>2</td><td>2</td>', html)
    location = re.search(r'href="(/extract/events_map\?[^"]+)"', html).group(1)  # the events as a table
    points = get(site, location.replace("events_map?", "events_map.json?_shape=array&")).json()
    assert sorted(p["type"] for p in points) == ["agreement_signing", "benefit_payout"]
    feed = get(site, "/extract/newest_events.json?_shape=array").json()
    assert "statement" not in {row["type"] for row in feed}
