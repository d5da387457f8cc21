"""Atom feeds of stories that a feed reader accepts: feedparser reads them without
complaint (bozo 0), they follow RFC 4287's schema and its rules, and there is one
per region, per type and per saved search."""

import asyncio
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from extract.publish.app import make_datasette
from extract.publish.feeds import rfc3339

import stories_site

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "schemas" / "atom.rng")))


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    path = tmp_path_factory.mktemp("feeds") / "extract.db"
    stories_site.build(path)
    return make_datasette(path)


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def check_valid(body: bytes) -> etree._Element:
    """The feed parses, matches the RFC 4287 schema and the rules the schema cannot say."""
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    root = etree.fromstring(body)
    assert SCHEMA.validate(root), SCHEMA.error_log
    entries = root.findall(f"{ATOM}entry")
    # An author for the feed, or one in every entry.
    assert root.find(f"{ATOM}author") is not None or all(e.find(f"{ATOM}author") is not None for e in entries)
    # A link to itself; every entry links somewhere (it has no content).
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    for entry in entries:
        alternate = entry.find(f"{ATOM}link[@rel='alternate']")
        assert alternate is not None and alternate.get("href").startswith("http://")
        assert entry.find(f"{ATOM}link[@href='']") is None
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids))
    return root


def test_the_overall_feed_is_valid_atom_with_a_story_per_entry(ds):
    response = get(ds, "/-/feed")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = check_valid(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 6
    assert root.findtext(f"{ATOM}updated") == "2024-06-10T00:00:00Z"  # the newest story, not the time of asking
    first = feedparser.parse(response.content).entries[0]
    assert first.link.startswith("http://localhost/story/")
    assert first.author == "jatimtimes.com"
    signing = next(
        e
        for e in feedparser.parse(response.content).entries
        if "Kabupaten Blitar" in e.title and "Agreement" in e.title
    )
    assert [a.name for a in signing.authors] == list(stories_site.BLITAR_OUTLETS)
    assert "Kamis, 14 Maret 2024" in signing.summary


def test_an_undated_story_takes_its_articles_date_not_today(ds):
    root = check_valid(get(ds, "/-/feed?region=35.72").content)
    assert [e.findtext(f"{ATOM}updated") for e in root.findall(f"{ATOM}entry")] == ["2023-02-01T00:00:00Z"] * 2


@pytest.mark.parametrize(
    "query, count, title",
    [
        ("region=35.05", 2, "Stories: Kabupaten Blitar"),
        ("type=agreement_signing", 3, "Stories: Agreement signed"),
        ("region=35.05&type=agreement_signing", 1, "Stories: Agreement signed, Kabupaten Blitar"),
        ("amount_min=100+juta&year=2024", 1, "Stories: 2024"),
        ("q=tidakadakatasemacamini", 0, 'Stories: "tidakadakatasemacamini"'),
    ],
)
def test_a_feed_per_region_type_and_saved_search(ds, query, count, title):
    root = check_valid(get(ds, f"/-/feed?{query}").content)
    assert len(root.findall(f"{ATOM}entry")) == count
    assert root.findtext(f"{ATOM}title").startswith(title)
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link.startswith("http://localhost/-/feed?")
    alternate = root.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate.replace("/timeline", "/-/feed") == self_link  # the timeline page showing the same stories


def test_the_timeline_links_to_the_feed_of_what_it_shows(ds):
    html = get(ds, "/timeline?region=35.05&type=agreement_signing").text
    assert 'id="feed-link" href="/-/feed?region=35.05&amp;type=agreement_signing"' in html
    assert 'type="application/atom+xml"' in html


def test_the_schema_check_catches_what_readers_reject():
    # A feed without an id, and one with a bare date, fail the check.
    good = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:x,2025:f</id><title>t</title>'
        b"<updated>2025-01-01T00:00:00Z</updated><author><name>a</name></author></feed>"
    )
    assert SCHEMA.validate(etree.fromstring(good))
    assert not SCHEMA.validate(etree.fromstring(good.replace(b"<id>tag:x,2025:f</id>", b"")))
    assert not SCHEMA.validate(etree.fromstring(good.replace(b"2025-01-01T00:00:00Z", b"2025-01-01")))


def test_dates_are_written_as_rfc3339():
    assert rfc3339("2024-03-12") == "2024-03-12T00:00:00Z"
    assert rfc3339("2024-03-15T01:00:00+07:00") == "2024-03-14T18:00:00Z"
    assert rfc3339("2024") is None and rfc3339(None) is None
