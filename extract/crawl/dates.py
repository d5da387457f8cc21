"""The dates feeds and sitemaps give their entries, which trafilatura's parsers drop.

RSS `<pubDate>` (RFC 822) or `<dc:date>`, Atom `<published>`/`<updated>`,
sitemap `<lastmod>` and Google News `<news:publication_date>` (W3C datetime),
read with lxml from the same document trafilatura parsed, keyed by the
entry's absolute URL. Also the document's own links (a feed's `<channel>
<link>`, an Atom feed's top-level `<link>`): the site, not an article.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree


@dataclass(frozen=True)
class DatedLinks:
    dates: dict[str, str] = field(default_factory=dict)  # absolute URL -> ISO date
    own_links: frozenset[str] = frozenset()


def read_dates(content: str, base: str) -> DatedLinks:
    """Each entry's date in a feed or sitemap at `base` (empty when the XML cannot be read at all)."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(content.strip().encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return DatedLinks()
    if root is None:
        return DatedLinks()
    dates: dict[str, str] = {}
    own: set[str] = set()
    for element in root.iter("{*}loc"):  # sitemaps: <url> and <sitemap> entries
        entry = element.getparent()
        day = _first_date(entry, ".//{*}publication_date", "{*}lastmod")
        _put(dates, base, element.text, day)
    for item in root.iter("{*}item"):  # RSS (and RDF)
        link = item.findtext("{*}link") or _permalink(item)
        _put(dates, base, link, _first_date(item, "{*}pubDate", "{*}date", "{*}published"))
    for entry in root.iter("{*}entry"):  # Atom
        day = _first_date(entry, "{*}published", "{*}updated")
        for link in entry.findall("{*}link"):
            if link.get("rel", "alternate") == "alternate":
                _put(dates, base, link.get("href"), day)
    for channel in (root, *root.findall("{*}channel")):
        for link in channel.findall("{*}link"):
            href = link.get("href") or link.text
            if href and href.strip():
                own.add(urljoin(base, href.strip()))
    return DatedLinks(dates, frozenset(own))


def parse_feed_date(value: str | None) -> str | None:
    """An ISO date from an RFC 822 date ("Tue, 03 Sep 2024 10:00:00 +0700") or a W3C one ("2024-09-03T10:00+07:00")."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


def _first_date(element, *paths: str) -> str | None:
    for path in paths:
        found = element.find(path)
        if found is not None and (day := parse_feed_date(found.text)):
            return day
    return None


def _permalink(item) -> str | None:
    guid = item.find("{*}guid")
    if guid is not None and guid.get("isPermaLink", "true") != "false":
        return guid.text
    return None


def _put(dates: dict[str, str], base: str, link: str | None, day: str | None) -> None:
    if link and link.strip() and day:
        dates.setdefault(urljoin(base, link.strip()), day)
