"""The published site, through Datasette's own test client (ds.client)."""

import asyncio
import re
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.publish.app import make_datasette
from extract.publish.metadata import canned_query_names, metadata_for
from extract.store.db import open_db, save_article

from store_fixtures import make_article

XSS = "<script>alert(1)</script>"
BLITAR = ("35.05", "Kabupaten Blitar", -8.13, 112.22)
KOTA_BLITAR = ("35.72", "Kota Blitar", -8.1, 112.16)
MALANG = ("35.07", "Kabupaten Malang", -8.05, 112.6)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("site") / "extract.db"
    db = open_db(path, populate_regions=False)
    ids = {}
    ids["blitar"] = save_article(db, *make_article(1, region=BLITAR, published="2024-03-14"))
    ids["kota"] = save_article(db, *make_article(2, region=KOTA_BLITAR, published="2024-05-02"))
    article, facts = make_article(3, region=MALANG, published="2025-01-20", extra_text=XSS)
    article.title = f"Judul {XSS}"
    article.url = "javascript:alert(2)"
    facts.events = facts.events[1:]  # only the payout
    ids["malang"] = save_article(db, article, facts)
    db.close()
    return make_datasette(path), ids


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def rows(ds, path):
    response = get(ds, path)
    assert response.status_code == 200, response.text[:500]
    return response.json()


def test_home_page_has_title_licence_and_links(site):
    ds, _ = site
    html = get(ds, "/").text
    assert "BPJS Ketenagakerjaan and local governments" in html
    assert "article texts remain the property of their publishers" in html
    for link in ("/timeline", "/-/map", "/-/charts", "/-/feed"):
        assert f'href="{link}"' in html


def test_every_table_and_column_is_described(site):
    ds, _ = site
    tables = metadata_for("extract")["databases"]["extract"]["tables"]
    db = open_db(ds.get_database().path, populate_regions=False)
    names = [t for t in db.table_names() + db.view_names() if not t.startswith("_") and "_fts" not in t]
    for name in names:
        assert tables[name]["description"], name
        columns = db[name].columns_dict
        undocumented = set(columns) - set(tables[name].get("columns", {}))
        assert not undocumented, f"{name}: {sorted(undocumented)}"


def test_events_table_has_default_sort_and_facets(site):
    ds, _ = site
    data = rows(ds, "/extract/events.json")
    assert set(data["facet_results"]) >= {"type", "region_code", "month"}
    data = rows(ds, "/extract/events.json?_shape=objects")
    dates = [row["date"] for row in data["rows"]]
    assert dates == sorted(dates, reverse=True)
    assert "source" in rows(ds, "/extract/articles.json")["facet_results"]


def test_timeline_query_lists_events_in_date_order_with_details(site):
    ds, _ = site
    events = rows(ds, "/extract/timeline.json?_shape=array")
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert len(events) == 5
    signing = events[0]
    assert signing["type"] == "agreement_signing"
    assert signing["region"] == "Kabupaten Blitar"
    assert signing["parties"] == "Pemerintah Kabupaten Blitar; BPJS Ketenagakerjaan"
    assert signing["evidence"] == "menandatangani perjanjian kerja sama"
    payout = events[1]
    assert payout["amounts_idr"] == "42000000"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("region=35.72", {"Kota Blitar"}),
        ("region=Malang", {"Kabupaten Malang"}),
        ("type=agreement_signing", {"Kabupaten Blitar", "Kota Blitar"}),
        ("date_from=2024-04-01&date_to=2024-12-31", {"Kota Blitar"}),
        ("q=Pendopo+Malang", {"Kabupaten Malang"}),  # article text, not only event text
        ("q=%22no+such+phrase%22", set()),
    ],
)
def test_timeline_filters(site, query, expected):
    ds, _ = site
    events = rows(ds, f"/extract/timeline.json?_shape=array&{query}")
    assert {e["region"] for e in events} == expected


def test_timeline_text_filter_tolerates_search_syntax(site):
    ds, _ = site
    assert rows(ds, '/extract/timeline.json?_shape=array&q=santunan"+OR+(') == []


def test_payouts_by_region_and_month(site):
    ds, _ = site
    data = rows(ds, "/extract/payouts_by_region_month.json?_shape=array")
    assert [(r["region"], r["month"], r["total_idr"]) for r in data] == [
        ("Kabupaten Blitar", "2024-03", 42_000_000),
        ("Kota Blitar", "2024-05", 42_000_000),
        ("Kabupaten Malang", "2025-01", 42_000_000),
    ]


def test_officials_directory_lists_every_appearance(site):
    ds, _ = site
    data = rows(ds, "/extract/officials_directory.json?_shape=array")
    assert {r["name"] for r in data} == {"Ahmad Santoso"}
    assert [r["position_as_written"] for r in data] == ["Bupati Blitar", "Bupati Blitar", "Bupati Malang"]
    assert all(r["articles"] == 3 for r in data)
    assert rows(ds, "/extract/officials_directory.json?_shape=array&name=Malang")[0]["published"] == "2025-01-20"


def test_coverage_by_region_over_time(site):
    ds, _ = site
    data = rows(ds, "/extract/coverage_by_region.json?_shape=array&region=35.05")
    assert {(r["figure"], r["value"]) for r in data} == {("percent coverage", 45.5), ("workers", 1200)}
    assert all(r["month"] == "2024-03" for r in data)


def test_every_canned_query_answers_as_html_and_json(site):
    ds, _ = site
    for name in canned_query_names():
        assert get(ds, f"/extract/{name}").status_code == 200, name
        assert rows(ds, f"/extract/{name}.json?_shape=array"), name


def test_timeline_page_shows_events_with_highlighted_sentence_and_links(site):
    ds, ids = site
    html = get(ds, "/events").text
    assert html.count('class="timeline-event ') == 5
    assert "Agreement signed" in html and "Benefit paid" in html
    assert "Pendopo Blitar" in html
    assert "Pemerintah Kabupaten Blitar · BPJS Ketenagakerjaan" in html
    assert "Rp42.000.000" in html
    assert re.search(r'<mark class="hl hl-fact"[^>]*>menandatangani perjanjian kerja sama<', html)
    assert f'href="/article/{ids["blitar"]}"' in html


def test_timeline_page_filters(site):
    ds, _ = site
    html = get(ds, "/events?region=35.72&type=benefit_payout").text
    assert html.count('class="timeline-event ') == 1
    assert 'data-region-code="35.72"' in html
    assert '<option value="35.72" selected>' in html
    assert "No events match" in get(ds, "/events?date_from=2030-01-01").text


def test_article_page_highlights_every_extracted_span(site):
    ds, ids = site
    html = get(ds, f"/article/{ids['blitar']}").text
    text = html[
        html.index('<div class="article-text">') : html.index("</div>", html.index('<div class="article-text">'))
    ]
    # Labels are words, one per span end; where a fact's evidence is also an
    # entity (the official's name, the amount), the fact's word is shown.
    for label in (
        "organisation",
        "official",
        "payout",
        "workers",
        "percentage",
        "regulation",
        "region",
        "agreement signed",
    ):
        assert f'<span class="hl-label">{label}</span>' in text, label
    # The tooltip still names every span under the mark.
    assert re.search(
        r'<mark[^>]*title="amount \(rule\); 42000000[^"]*">Rp42 juta<span class="hl-label">payout</span></mark>', text
    )
    assert not re.search(r'(<span class="hl-label">[a-z ]+</span>)\1', text)  # never "ORG ORG"
    assert "Rp42.000.000" in html  # the payouts table under the text
    assert get(ds, "/article/0000000000000000").status_code == 404


def test_scraped_text_is_escaped_everywhere(site):
    ds, ids = site
    for path in (
        f"/article/{ids['malang']}",
        "/events",
        "/timeline",
        f"/extract/articles/{ids['malang']}",
        "/extract/timeline",
        "/",
        "/-/search?q=Judul",
        "/region/35.07",
        "/official/ahmad%20santoso",
        "/-/map",
    ):
        html = get(ds, path).text
        assert "<script>alert(1)" not in html, path
    html = get(ds, f"/article/{ids['malang']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html
    assert 'href="javascript:' not in get(ds, "/events?region=Malang").text


def test_map_of_events_by_region(site):
    ds, _ = site
    html = get(ds, "/-/map").text
    assert 'href="/region/35.05"' in html and "Kabupaten Blitar" in html
    assert "/-/static-plugins/datasette-leaflet/leaflet-v1.7.1.js" in html  # shipped, not from a CDN
    html = get(ds, "/extract/events_map").text
    assert "datasette-cluster-map.js" in html
    points = rows(ds, "/extract/events_map.json?_shape=array")
    assert {(p["region"], p["latitude"], p["longitude"]) for p in points} == {
        ("Kabupaten Blitar", -8.13, 112.22),
        ("Kota Blitar", -8.1, 112.16),
        ("Kabupaten Malang", -8.05, 112.6),
    }


def test_charts_page_links_to_chartable_queries(site):
    ds, _ = site
    html = get(ds, "/-/charts").text
    links = re.findall(r'href="(/extract/[^"#]+)#g\.mark=bar[^"]*"', html)
    assert set(links) == {"/extract/payouts_per_month_by_programme", "/extract/payouts_per_month_by_region"}
    assert "datasette_vega" in get(ds, links[0]).text
    per_month = rows(ds, "/extract/events_per_month.json?_shape=array")
    assert {"month": "2024-03", "type": "agreement_signing", "events": 1} in per_month


def test_atom_feed_of_newest_stories(site):
    ds, _ = site
    feed = get(ds, "/-/feed")
    assert feed.status_code == 200
    assert "xml" in feed.headers["content-type"]
    root = ET.fromstring(feed.text)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    stories = rows(ds, "/extract.json?sql=select+id+from+stories+where+type+!%3D+'statement'&_shape=array")
    assert len(entries) == len(stories) > 0
    titles = [e.find("a:title", ns).text for e in entries]
    assert any(t.startswith("Agreement signed - Kabupaten Blitar") for t in titles)


def test_article_ids_link_to_article_pages(site):
    ds, ids = site
    assert f'<a href="/article/{ids["kota"]}">' in get(ds, "/extract/timeline").text
    assert f'<a href="/article/{ids["kota"]}">' in get(ds, f"/extract/articles/{ids['kota']}").text


def test_serve_without_database_is_one_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: database not found: {tmp_path / 'missing.db'} (build it with `extract run corpus/html --db {tmp_path / 'missing.db'}`)"
    ]


def test_timeline_page_is_paged_and_keeps_filters(tmp_path):
    path = tmp_path / "extract.db"
    db = open_db(path, populate_regions=False)
    for n in range(55):  # two events each
        save_article(db, *make_article(n, published=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"))
    db.close()
    ds = make_datasette(path)
    first = get(ds, "/events?region=35.05").text
    assert first.count('class="timeline-event ') == 100
    assert '<span id="event-count">110</span>' in first
    assert 'href="/events?region=35.05&amp;page=2"' in first
    second = get(ds, "/events?region=35.05&page=2").text
    assert second.count('class="timeline-event ') == 10
    dates = re.findall(r'<time datetime="([^"]+)"', first + second)
    assert dates == sorted(dates) and len(dates) == 110
    assert get(ds, "/events?page=abc").status_code == 200
