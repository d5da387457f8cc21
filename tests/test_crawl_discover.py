"""Reading feeds and sitemaps: trafilatura's parsers, our choice of links, the dates they give."""

import pytest

from extract.crawl.dates import parse_feed_date
from extract.crawl.discover import (
    document_kind,
    feed_entries,
    feeds_in_page,
    same_site,
    sitemap_links,
)

NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://10.0.0.5:8080/baca/1/pemkab-daftarkan-pekerja</loc>
  <news:news><news:publication_date>2025-03-04T08:30:00+07:00</news:publication_date></news:news></url>
<url><loc>http://10.0.0.5:8080/baca/2/santunan-jkm</loc><lastmod>2025-03-02</lastmod></url>
<url><loc>https://other.example/baca/3/elsewhere</loc></url>
<url><loc>/baca/4/relative</loc></url>
</urlset>"""

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>http://localhost:8000/sitemap-2025-03.xml</loc><lastmod>2025-03-31</lastmod></sitemap>
<sitemap><loc>http://localhost:8000/sitemap-2025-02.xml.gz</loc></sitemap>
<sitemap><loc>http://localhost:8000/sitemap/2025/01</loc></sitemap>
</sitemapindex>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar</title><link>http://192.168.1.9/</link>
<item><title>Satu</title><link>http://192.168.1.9/berita/satu?id=1&amp;utm_source=rss</link><pubDate>Tue, 04 Mar 2025 10:00:00 +0700</pubDate></item>
<item><title>Dua</title><link>http://192.168.1.9/berita/dua</link><pubDate>bukan tanggal</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Kabar</title>
<link rel="self" href="http://127.0.0.1:9000/atom.xml"/><link rel="alternate" href="http://127.0.0.1:9000/"/>
<entry><title>Tiga</title><link rel="alternate" href="http://127.0.0.1:9000/berita/tiga"/><updated>2025-03-05T01:00:00Z</updated></entry>
</feed>"""


def test_sitemap_links_of_a_site_at_an_ip_address_are_kept_with_their_dates():
    children, pages = sitemap_links("http://10.0.0.5:8080/sitemap-news.xml", NEWS_SITEMAP)
    assert children == []
    assert [(p.url, p.published) for p in pages] == [
        ("http://10.0.0.5:8080/baca/1/pemkab-daftarkan-pekerja", "2025-03-04"),  # <news:publication_date>
        ("http://10.0.0.5:8080/baca/2/santunan-jkm", "2025-03-02"),  # <lastmod>
    ]  # another site's link is left out; trafilatura reads only absolute locations


def test_a_sitemap_index_on_localhost_lists_its_child_sitemaps():
    children, pages = sitemap_links("http://localhost:8000/sitemap.xml", INDEX)
    assert pages == []
    assert [(c.url, c.published) for c in children] == [
        ("http://localhost:8000/sitemap-2025-03.xml", "2025-03-31"),
        ("http://localhost:8000/sitemap-2025-02.xml.gz", None),
        ("http://localhost:8000/sitemap/2025/01", None),  # no ".xml": still a sitemap, in an index
    ]


def test_rss_links_are_unescaped_dated_and_the_channel_link_left_out():
    entries = feed_entries("http://192.168.1.9/rss", RSS)
    assert [(e.url, e.published) for e in entries] == [
        ("http://192.168.1.9/berita/satu?id=1&utm_source=rss", "2025-03-04"),
        ("http://192.168.1.9/berita/dua", None),  # an unreadable date is no date
    ]


def test_atom_entries_without_the_feeds_own_links():
    entries = feed_entries("http://127.0.0.1:9000/atom.xml", ATOM)
    assert [(e.url, e.published) for e in entries] == [("http://127.0.0.1:9000/berita/tiga", "2025-03-05")]


def test_feeds_linked_from_a_home_page_at_an_ip_address():
    page = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        '<link rel="alternate" type="application/atom+xml" href="http://elsewhere.example/atom.xml"></head><body></body></html>'
    )
    assert feeds_in_page("http://127.0.0.1:9000/", page) == ["http://127.0.0.1:9000/rss.xml"]


@pytest.mark.parametrize(
    "content, kind",
    [
        (NEWS_SITEMAP, "sitemap"),
        (INDEX, "sitemap"),
        (RSS, "feed"),
        (ATOM, "feed"),
        ('{"items": []}', "feed"),
        ("<!DOCTYPE html><html><body>Beranda</body></html>", "page"),
    ],
)
def test_document_kind(content, kind):
    assert document_kind(content) == kind


@pytest.mark.parametrize(
    "value, day",
    [
        ("Tue, 04 Mar 2025 23:30:00 +0700", "2025-03-04"),
        ("2025-03-04T08:30:00Z", "2025-03-04"),
        ("2025-03-04", "2025-03-04"),
        ("2025-03", None),
        ("", None),
        ("kemarin", None),
    ],
)
def test_feed_dates(value, day):
    assert parse_feed_date(value) == day


def test_same_site_ignores_www_and_accepts_subdomains():
    assert same_site("https://www.kabar.example/a", "https://kabar.example/")
    assert same_site("https://jatim.kabar.example/a", "https://kabar.example/")
    assert not same_site("https://kabar.example.evil/a", "https://kabar.example/")
    assert same_site("http://127.0.0.1:8000/a", "http://127.0.0.1:8000/")
