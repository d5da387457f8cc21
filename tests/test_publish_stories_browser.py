"""The timeline of stories in Debian's headless Chromium, served by `extract serve`:
a story with three sources, the amount filter, and the page on a 390-px phone."""

import pytest

import stories_site
from http_fixtures import serving
from test_publish_browser import CHROMIUM, CHROMIUM_ARGS, browser, page  # noqa: F401 - fixtures

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (make test installs it: apt-get install chromium)"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories-browser") / "extract.db"
    stories_site.build(path)
    with serving(path) as base:
        yield base


def test_a_story_with_three_sources(server, page):  # noqa: F811 - the imported fixture
    page.goto(server + "/timeline")
    page.select_option("#filter-region", "35.05")
    page.select_option("#filter-type", "agreement_signing")
    with page.expect_navigation():
        page.click("#filter-submit")
    stories = page.locator("li.story")
    assert stories.count() == 1
    story = stories.first
    assert story.locator("time").inner_text() == "Kamis, 14 Maret 2024"
    assert (
        " ".join(story.locator(".story-sources").inner_text().split()) == "reported by jatimtimes.com, realita.co, +1"
    )
    with page.expect_navigation():
        story.locator(".story-more").click()
    assert "/story/" in page.url
    assert page.locator("h2", has_text="Reported by 3 sources").count() == 1
    assert page.locator(".story-articles li").count() == 3
    with page.expect_navigation():
        page.locator(".story-articles a").nth(2).click()
    assert "/article/" in page.url


def test_amount_filter(server, page):  # noqa: F811 - the imported fixture
    page.goto(server + "/timeline")
    page.fill("#filter-amount-min", "100 juta")
    page.select_option("#filter-year", "2024")
    with page.expect_navigation():
        page.click("#filter-submit")
    stories = page.locator("li.story")
    assert stories.count() == 1
    assert stories.first.locator(".story-amounts").inner_text() == "Rp150.000.000"
    assert page.locator("#filter-amount-min").input_value() == "100 juta"
    # The stated total shows once every kind of amount is asked for.
    with page.expect_navigation():
        page.click("#money-switch")
    assert stories.first.locator(".story-amounts").inner_text() == "Rp150.000.000 · Rp200.000.000"
    page.fill("#filter-amount-min", "180 juta")
    with page.expect_navigation():
        page.click("#filter-submit")
    assert stories.count() == 1 and "money=all" in page.url


def test_phone_layout_at_390_px(server, browser):  # noqa: F811 - the imported fixture
    phone = browser.new_page(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    try:
        phone.goto(server + "/timeline")
        # Nothing wider than the screen: no sideways scrolling.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        for selector in (
            "#filter-q",
            "#filter-region",
            "#filter-type",
            "#filter-year",
            "#filter-amount-min",
            "#filter-submit",
        ):
            box = phone.locator(selector).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, selector
            assert box["height"] >= 24, selector  # big enough to tap
            assert box["width"] >= 150, selector  # and to read what is typed or chosen
        phone.select_option("#filter-region", "35.07")
        with phone.expect_navigation():
            phone.tap("#filter-submit")
        assert phone.locator("li.story").count() == 2
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        phone.goto(server + phone.locator("li.story .story-title a").first.get_attribute("href"))
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        phone.close()
