"""Find a site's article URLs in its feeds and sitemaps.

Parsing is trafilatura's (`trafilatura.feeds`, `trafilatura.sitemaps`):
feeds linked from a page, links in RSS/Atom/JSON feeds, `Sitemap:` lines of
robots.txt, sitemap indexes and URL sets. Two things are ours:

- fetching, through our fetch layer (robots.txt, per-host delay, retries,
  size cap), given as a function `get(url) -> (final_url, body)`;
- deciding which links to keep. trafilatura's helpers filter links with
  courlan, which drops every URL whose host is an IP address or localhost;
  sites served at an IP address are real too, so the links are taken from
  trafilatura's lower-level parsers and kept when they are http(s) URLs on
  the same site.

trafilatura drops the dates feeds and sitemaps give (`<pubDate>`, Atom
`<published>`, `<lastmod>`, Google News `<news:publication_date>`); `--since`
needs them, so extract.crawl.dates reads them from the same documents.
"""

from __future__ import annotations

import gzip
import html
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import yaml
from trafilatura.feeds import (
    FeedParameters,
    determine_feed,
    find_links,
    is_potential_feed,
)
from trafilatura.settings import MAX_SITEMAPS_SEEN
from trafilatura.sitemaps import (
    DETECT_SITEMAP_LINK,
    GUESSES,
    SitemapObject,
    extract_robots_sitemaps,
    is_plausible_sitemap,
)

from extract.crawl.dates import DatedLinks, read_dates
from extract.ingest.errors import IngestError

CRAWL_DATA = Path(__file__).resolve().parent.parent / "data" / "crawl.yaml"
MAX_DOCUMENT_BYTES = 50_000_000  # the sitemap protocol's limit, uncompressed
_SITEMAP_ROOT = re.compile(r"<(?:[\w.-]+:)?(?:urlset|sitemapindex)\b")
_SITEMAP_INDEX = re.compile(r"<(?:[\w.-]+:)?sitemapindex\b")

# get(url) -> (final URL, body): a document fetched through the fetch layer
Getter = Callable[[str], tuple[str, bytes]]


@dataclass(frozen=True)
class Entry:
    """An article URL as a feed or sitemap lists it."""

    url: str
    found_in: str  # the feed or sitemap
    published: str | None = None  # ISO date, when the document gives one


@dataclass
class Discovery:
    entries: list[Entry] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # feeds and sitemaps read
    failures: list[tuple[str, str]] = field(default_factory=list)  # (document, one-line reason)
    older: int = 0  # entries left out by `since`


def discover(
    target: str, get: Getter, since: date | None = None, should_stop: Callable[[], bool] = lambda: False
) -> Discovery:
    """The article URLs that `target` (a site's page, a feed or a sitemap) leads to.

    A page leads to the feeds it links (else the usual feed paths) and to the
    site's sitemaps (robots.txt `Sitemap:` lines, else the usual paths). A
    document that fails is listed in `failures` and the others are still read;
    guessed paths that do not exist are not failures.
    """
    found = Discovery()
    try:
        final_url, body = get(target)
    except IngestError as error:
        found.failures.append((target, error.reason))
        return found
    content = _text(body)
    kind = document_kind(content)
    if kind == "sitemap":
        _read_sitemaps([(target, True)], get, since, found, should_stop, first=(target, content))
        return found
    if kind == "feed":
        _read_feed(target, content, since, found)
        return found
    site = _site_root(final_url)
    sitemaps = [(url, True) for url in _robots_sitemaps(site, get)]
    if not sitemaps:
        sitemaps = [(f"{site}/{path}", False) for path in GUESSES]
    _read_sitemaps(sitemaps, get, since, found, should_stop)
    feeds = [(url, True) for url in feeds_in_page(final_url, content)]
    if not feeds:
        feeds = [(site + path, False) for path in feed_paths()]
    for feed_url, declared in feeds:
        if should_stop():
            break
        try:
            _, feed_body = get(feed_url)
        except IngestError as error:
            if declared:
                found.failures.append((feed_url, error.reason))
            continue
        feed_text = _text(feed_body)
        if document_kind(feed_text) != "feed":
            if declared:
                found.failures.append((feed_url, "not an RSS, Atom or JSON feed"))
            continue
        _read_feed(feed_url, feed_text, since, found)
    return found


def document_kind(content: str) -> str:
    """ "sitemap", "feed" or "page"."""
    head = content.lstrip()[:2000]
    if _SITEMAP_ROOT.search(head):
        return "sitemap"
    if is_potential_feed(head) or head.startswith("{"):
        return "feed"
    return "page"


def feeds_in_page(url: str, html: str) -> list[str]:
    """The feeds a page links with <link rel="alternate"> (or, failing that, <a href>), on its site."""
    params = FeedParameters(_site_root(url), urlsplit(url).hostname or "", url)
    return [link for link in determine_feed(html, params) if same_site(link, url)]


def feed_entries(feed_url: str, content: str) -> list[Entry]:
    """The article links of an RSS, Atom or JSON feed, with their dates."""
    params = FeedParameters(_site_root(feed_url), urlsplit(feed_url).hostname or "", feed_url)
    dated = read_dates(content, feed_url)
    # trafilatura reads feeds with regular expressions: "&amp;" in a link stays escaped
    raw = [html.unescape(link) for link in find_links(content.strip(), params)]
    links = _keep_links(feed_url, raw, exclude=dated.own_links)
    return [Entry(link, feed_url, dated.dates.get(link)) for link in links]


def sitemap_links(sitemap_url: str, content: str) -> tuple[list[Entry], list[Entry]]:
    """(child sitemaps, article links) of a sitemap or sitemap index, with their dates."""
    reader = _SitemapReader(sitemap_url)
    reader.content = content
    reader.current_url = sitemap_url
    reader.process()
    dated: DatedLinks = read_dates(content, sitemap_url)
    children = [Entry(url, sitemap_url, dated.dates.get(url)) for url in dict.fromkeys(reader.sitemap_urls)]
    pages = [Entry(url, sitemap_url, dated.dates.get(url)) for url in dict.fromkeys(reader.urls)]
    if _SITEMAP_INDEX.search(content[:2000]):
        # trafilatura tells sitemaps by their ".xml" ending; in an index every entry is one
        return children + pages, []
    return children, pages


def same_site(url: str, other: str) -> bool:
    """Same host, "www." aside, or a subdomain of it."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    site = (urlsplit(other).hostname or "").removeprefix("www.")
    return bool(host) and (host == site or host.endswith("." + site))


@lru_cache(maxsize=1)
def feed_paths() -> tuple[str, ...]:
    data = yaml.safe_load(CRAWL_DATA.read_text(encoding="utf-8")) or {}
    return tuple(data.get("feed_paths") or ())


# -- inside ------------------------------------------------------------------


class _SitemapReader(SitemapObject):
    """trafilatura's sitemap parsing, with our choice of links (see the module docstring)."""

    def __init__(self, sitemap_url: str):
        super().__init__(_site_root(sitemap_url), urlsplit(sitemap_url).hostname or "", [])

    def handle_link(self, link: str) -> None:
        kept = _keep_links(self.current_url, [link])
        if not kept:
            return
        (self.sitemap_urls if DETECT_SITEMAP_LINK.search(kept[0]) else self.urls).append(kept[0])


def _read_sitemaps(queue, get: Getter, since, found: Discovery, should_stop, first=None) -> None:
    """Read the sitemaps in `queue` ((url, declared) pairs) and the child sitemaps they list."""
    seen: set[str] = set()
    queue = list(queue)
    while queue and len(seen) < MAX_SITEMAPS_SEEN and not should_stop():
        url, declared = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        if first is not None and url == first[0]:
            content = first[1]
        else:
            try:
                _, body = get(url)
            except IngestError as error:
                if declared:
                    found.failures.append((url, error.reason))
                continue
            content = _text(body)
        if document_kind(content) != "sitemap" or not is_plausible_sitemap(url, content):
            if declared:
                found.failures.append((url, "not a sitemap (no <urlset> or <sitemapindex>)"))
            continue
        found.documents.append(url)
        children, pages = sitemap_links(url, content)
        problem = malformed(content)
        if problem:
            found.failures.append((url, f"malformed sitemap ({problem}); {len(children) + len(pages)} links read"))
        for child in children:
            if since is not None and child.published and child.published < since.isoformat():
                continue  # a sitemap last changed before `since` lists nothing newer
            queue.append((child.url, True))
        _add(found, pages, since)


def _read_feed(url: str, content: str, since, found: Discovery) -> None:
    found.documents.append(url)
    problem = malformed(content) if not content.lstrip().startswith("{") else None
    entries = feed_entries(url, content)
    if problem:
        found.failures.append((url, f"malformed feed ({problem}); {len(entries)} links read"))
    _add(found, entries, since)


def _add(found: Discovery, entries: list[Entry], since: date | None) -> None:
    for entry in entries:
        if since is not None and entry.published and entry.published < since.isoformat():
            found.older += 1
        else:
            found.entries.append(entry)


def malformed(content: str) -> str | None:
    """The XML error of a document that is not well-formed, else None."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        etree.fromstring(content.strip().encode("utf-8"), parser)
    except etree.XMLSyntaxError as error:
        return str(error).splitlines()[0][:120]
    return None


def _keep_links(base: str, links: list[str], exclude: frozenset[str] = frozenset()) -> list[str]:
    """Absolute http(s) links on `base`'s site, not its home page nor the document's own links."""
    kept = []
    for link in links:
        absolute = urljoin(base, link.strip())
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not same_site(absolute, base):
            continue
        if parts.path in ("", "/") and not parts.query:
            continue  # the site's home page
        if absolute == base or absolute in exclude:
            continue
        kept.append(urlunsplit(parts._replace(fragment="")))
    return list(dict.fromkeys(kept))


def _robots_sitemaps(site: str, get: Getter) -> list[str]:
    try:
        _, body = get(site + "/robots.txt")
    except IngestError:
        return []  # no robots.txt: the usual paths are tried
    return [url for url in extract_robots_sitemaps(_text(body), site) if same_site(url, site)]


def _site_root(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "", "", ""))


def _text(body: bytes) -> str:
    """A document's text; gzip-compressed sitemaps (.xml.gz) are opened."""
    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as stream:
                body = stream.read(MAX_DOCUMENT_BYTES)
        except (OSError, EOFError):
            return ""
    return body.decode("utf-8", errors="replace").lstrip("\ufeff")
