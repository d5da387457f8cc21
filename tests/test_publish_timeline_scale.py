"""The timeline built to stay fast at a million events: it orders and filters on
the stored events.timeline_date through its index, checks words one of two ways
depending on how many articles match, and the /timeline page caps its count."""

import asyncio
import re
import sqlite3

import pytest
from datasette.utils import escape_fts

from extract.publish import plugin
from extract.publish.app import make_datasette
from extract.publish.metadata import canned_query_sql
from extract.store.db import open_db, save_article

from store_fixtures import make_article

FILTERS = {"region": "", "type": "", "date_from": "", "date_to": "", "q": ""}
# The literal in the timeline SQL that decides how words are checked: with
# fewer matching articles, from a list of the matching events.
MANY_ARTICLES = "10000"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("timeline") / "extract.db"
    db = open_db(path, populate_regions=False)
    # Blitar: a signing on its own date, a payout dated by the article.
    article, facts = make_article(1, published="2024-03-14")
    facts.events[0].date = "2024-03-10"
    facts.events[1].date = facts.events[1].date_precision = None
    save_article(db, article, facts)
    # Malang, no publication date: the undated payout has no date at all.
    article, facts = make_article(2, region=("35.07", "Kabupaten Malang", -8.05, 112.6), published=None)
    facts.events[0].date = "2023-06-01"
    facts.events[1].date = facts.events[1].date_precision = None
    save_article(db, article, facts)
    # A place without a code: found by the name it was given.
    article, facts = make_article(3, region=("35.72", "Kota Blitar", -8.1, 112.16), published="2024-01-05")
    facts.events[0].region_code, facts.events[0].region_name = None, "Kabupaten Contoh"
    save_article(db, article, facts)
    # A region no event is in is not offered by the page's region filter.
    db.table("regions").insert({"code": "35.99", "name": "Kabupaten Tanpa Peristiwa"}, pk="code")
    db.close()
    return path


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def timeline(path, sql: str | None = None, **filters) -> list[dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    conn.create_function("escape_fts", 1, escape_fts)  # as Datasette registers it
    return [dict(row) for row in conn.execute(sql or canned_query_sql("timeline"), {**FILTERS, **filters})]


def test_events_are_placed_at_their_date_else_their_articles_and_undated_last(site):
    rows = timeline(site)
    assert [(r["date"], r["date_precision"], r["region"]) for r in rows] == [
        ("2023-06-01", "day", "Kabupaten Malang"),
        ("2024-01-05", "day", "Kabupaten Contoh"),
        ("2024-01-05", "day", "Kota Blitar"),
        ("2024-03-10", "day", "Kabupaten Blitar"),
        ("2024-03-14", "article", "Kabupaten Blitar"),
        (None, "article", "Kabupaten Malang"),
    ]
    assert [r["date"] for r in timeline(site, date_from="2024-01-05", date_to="2024-03-10")] == [
        "2024-01-05",
        "2024-01-05",
        "2024-03-10",
    ]


@pytest.mark.parametrize(
    "region, expected",
    [
        ("35.07", {"Kabupaten Malang"}),
        ("Blitar", {"Kabupaten Blitar", "Kota Blitar"}),
        ("contoh", {"Kabupaten Contoh"}),  # no code: its own name
        ("35.99", set()),
    ],
)
def test_region_filter_takes_a_code_or_part_of_a_name(site, region, expected):
    assert {r["region"] for r in timeline(site, region=region)} == expected


@pytest.mark.parametrize("q", ["santunan", "Pendopo Malang", "Contoh", "nomor 2", '"no such phrase"', 'santunan" OR ('])
def test_words_find_the_same_events_whichever_way_they_are_checked(site, q):
    sql = canned_query_sql("timeline")
    assert sql.count(MANY_ARTICLES) == 4
    few = timeline(site, q=q)
    # Every word then counts as matching many articles: checked event by event.
    many = timeline(site, sql.replace(MANY_ARTICLES, "1"), q=q)
    assert [r["event_id"] for r in many] == [r["event_id"] for r in few]
    if q == "Pendopo Malang":
        assert {r["region"] for r in few} == {"Kabupaten Malang"}  # article text, not only event text


def test_timeline_reads_events_in_order_from_its_index(site):
    conn = sqlite3.connect(site)
    conn.create_function("escape_fts", 1, escape_fts)
    plan = conn.execute("explain query plan " + canned_query_sql("timeline"), FILTERS).fetchall()
    top = [detail for _, parent, _, detail in plan if parent == 0]
    assert top[0] == "SCAN e USING INDEX idx_events_timeline"
    assert not any("TEMP B-TREE" in detail for detail in top)  # no sort of every event


def test_timeline_page_caps_its_count_and_pages_past_it(site, monkeypatch):
    monkeypatch.setattr(plugin, "TIMELINE_COUNT_CAP", 3)
    monkeypatch.setattr(plugin, "TIMELINE_PAGE_SIZE", 2)
    ds = make_datasette(site)
    first = get(ds, "/events?type=all").text
    assert '<span id="event-count">3+</span> events' in first
    assert "page 1 of 2+" in first
    assert 'href="/events?type=all&amp;page=2"' in first
    # Past the counted events the pages go on while there are events.
    third = get(ds, "/events?type=all&page=3").text
    assert third.count('class="timeline-event ') == 2
    assert "page 3 of 2+" in third and 'class="page-next"' not in third
    assert "No events on this page" in get(ds, "/events?type=all&page=9").text


def test_timeline_page_counts_exactly_under_the_cap(site):
    html = get(make_datasette(site), "/events?type=all").text
    assert '<span id="event-count">6</span> events' in html
    assert 'class="timeline-pages"' not in html


def test_timeline_page_offers_regions_and_types_that_have_events(site):
    html = get(make_datasette(site), "/events").text
    regions = re.findall(r'<option value="(\d\d\.\d\d)"', html)
    assert sorted(regions) == ["35.05", "35.07", "35.72"]
    types = re.findall(r'<option value="([a-z_]+)"', html[html.index('id="filter-type"') :])
    assert types == ["all", "agreement_signing", "benefit_payout"]
