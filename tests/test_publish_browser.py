"""End to end: `extract serve` on 127.0.0.1, driven by Debian's headless Chromium."""

import shutil

import pytest

from extract.store.db import open_db, save_article

from http_fixtures import serving
from store_fixtures import make_article

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it: apt-get install chromium)"
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "extract.db"
    db = open_db(path, populate_regions=False)
    save_article(db, *make_article(1, region=("35.05", "Kabupaten Blitar", -8.13, 112.22), published="2024-03-14"))
    save_article(db, *make_article(2, region=("35.72", "Kota Blitar", -8.1, 112.16), published="2024-05-02"))
    article, facts = make_article(
        3,
        region=("35.07", "Kabupaten Malang", -8.05, 112.6),
        published="2025-01-20",
        extra_text="<script>alert(1)</script><img src=x onerror=alert(2)>",
    )
    save_article(db, article, facts)
    db.close()
    with serving(path) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    page.close()


def test_timeline_renders_events_and_region_filter_works(server, page):
    page.goto(server + "/events")
    events = page.locator("li.timeline-event")
    assert events.count() == 6
    first = events.first
    assert first.locator(".event-type").inner_text() == "Agreement signed"
    assert first.locator(".event-region").inner_text() == "Kabupaten Blitar"
    assert first.locator(".event-sentence mark").first.inner_text().startswith("menandatangani perjanjian kerja sama")
    assert "Rp42.000.000" in events.nth(1).locator(".event-amounts").inner_text()

    page.select_option("#filter-region", "35.72")
    with page.expect_navigation():
        page.click("#filter-submit")
    assert "region=35.72" in page.url
    assert events.count() == 2
    assert set(events.evaluate_all("els => els.map(e => e.dataset.regionCode)")) == {"35.72"}
    assert page.locator("#filter-region").input_value() == "35.72"

    page.fill("#filter-q", "santunan")
    page.select_option("#filter-region", "")
    page.select_option("#filter-type", "benefit_payout")
    with page.expect_navigation():
        page.click("#filter-submit")
    assert events.count() == 3


def test_article_link_leads_to_highlighted_text_and_scripts_never_run(server, page):
    page.goto(server + "/events?region=35.07")
    with page.expect_navigation():
        page.locator("li.timeline-event .event-source a").first.click()
    assert "/article/" in page.url
    text = page.locator(".article-text")
    assert "<script>alert(1)</script>" in text.inner_text()  # shown as text
    assert text.locator("script, img").count() == 0
    assert text.locator("mark").count() >= 9
    page.wait_for_timeout(200)
    assert page.dialogs == []


def test_events_table_map_and_vega_chart_render(server, page):
    page.goto(server + "/extract/events_map")
    page.wait_for_selector(".leaflet-container", timeout=15000)
    page.wait_for_selector(".leaflet-marker-icon", timeout=15000)  # a pin or a cluster of pins
    assert page.locator(".leaflet-marker-icon").count() >= 1

    page.goto(server + "/-/charts")
    with page.expect_navigation():
        page.locator(".chart-links a").first.click()
    chart = page.wait_for_selector(".vega-embed canvas", timeout=15000)
    assert chart.bounding_box()["width"] > 100 and chart.bounding_box()["height"] > 100


def test_home_page_search_leads_to_an_official(server, page):
    page.goto(server + "/")
    assert page.locator("#figure-articles").inner_text() == "3"
    page.fill("#site-search-q", "Santoso")
    with page.expect_navigation():
        page.click("#site-search-submit")
    assert "/-/search?q=Santoso" in page.url
    with page.expect_navigation():
        page.locator(".officials-list a", has_text="Ahmad Santoso").click()
    assert page.url.endswith("/official/ahmad+santoso")
    assert page.locator("h1.entity-name").inner_text() == "Ahmad Santoso"
    assert page.locator(".story-entry").count() == 6  # two events in each of three articles, no stories yet


def test_entity_page_reached_from_an_article_page(server, page):
    page.goto(server + "/events?region=35.72")
    with page.expect_navigation():
        page.locator("li.timeline-event .event-source a").first.click()
    with page.expect_navigation():
        page.locator("a.region-link").first.click()
    assert page.url.endswith("/region/35.72")
    assert page.locator("h1.entity-name").inner_text() == "Kota Blitar"
    assert "Rp42.000.000" in page.locator(".payouts-per-year").inner_text()
    with page.expect_navigation():
        page.locator(".organisations-list a", has_text="BPJS Ketenagakerjaan").click()
    assert page.locator("h1.entity-name").inner_text() == "BPJS Ketenagakerjaan"
    assert page.locator(".entity-regions a").count() == 3


def test_chart_page_draws_bars(server, page):
    page.goto(server + "/-/charts")
    chart = page.locator("#chart-payouts-by-region svg.chart")
    box = chart.bounding_box()
    assert box["width"] > 300 and box["height"] > 100
    bars = chart.locator("rect.bar")
    assert bars.count() == 3  # one payout in each of three months and regions
    heights = [bars.nth(i).bounding_box()["height"] for i in range(3)]
    assert all(h > 20 for h in heights) and max(heights) - min(heights) < 1  # the same amount each
    # Every month from March 2024 to January 2025 has its place, most of them empty.
    assert chart.locator("text.x-tick").count() == 11
    assert "Rp42.000.000" in bars.first.locator("title").text_content()
    assert page.locator("#chart-workers-covered rect.bar").count() == 3


def test_map_page_without_tiles_links_regions_to_their_pages(server, page):
    page.route("**/*.tile.openstreetmap.org/**", lambda route: route.abort())  # offline
    page.goto(server + "/-/map")
    page.wait_for_selector("path.region-marker", timeout=15000)
    assert page.locator("path.region-marker").count() == 3
    assert page.locator("path.leaflet-interactive").count() == 3  # background dots take no clicks
    page.locator("path.region-35-07").click()
    link = page.wait_for_selector(".leaflet-popup-content a", timeout=5000)
    assert link.inner_text() == "Kabupaten Malang"
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/region/35.07")
