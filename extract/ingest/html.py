"""One HTML page in, one clean `Article` out.

trafilatura finds the main text and the page's metadata; this module adds
what Indonesian regional sites need on top: the site's furniture rules
(XPaths pruned before extraction, line patterns dropped after), photo
captions kept apart from the text (`Article.captions`), bylines of
the form "Penulis : X - Editor : Y", and publication dates written the
Indonesian way ("Rabu, 14 Des 2022 19:45 WIB"), which htmldate can miss.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from extract.ingest.clean import CAPTION, CleanedText, caption_text, clean_text, parse_byline
from extract.ingest.errors import ExtractionError
from extract.ingest.checks import ARTICLE_LANGUAGE, check_is_article
from extract.ingest.siterules import SiteRules, rules_for, site_from_dateline, site_of
from extract.model import Article
from extract.normalize.dates import parse_published


# Structured publication dates, most explicit first.
_DATE_META = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='publish-date' or @name='date' or @name='dc.date']/@content",
    "//*[@itemprop='datePublished']/@datetime",
)


@dataclass
class PageMetadata:
    """What the page says about itself, before the body text is read."""

    url: str | None
    site: str | None
    bylines: list[str]
    dates: list[str]
    categories: list[str]


def extract_article(html: str | bytes, url: str | None = None) -> Article:
    """The article on an HTML page, cleaned of furniture.

    `url` is where the page came from (or None for a file); the article's own
    URL is the page's canonical URL when it declares one. Raises
    ExtractionError when the page holds no article in Indonesian.
    """
    tree = _parse(html)
    meta = read_page_metadata(tree, url)
    rules = rules_for(meta.site)
    doc = bare_extraction(
        wrap_loose_text(copy.deepcopy(tree)),
        url=meta.url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        prune_xpath=list(rules.prune_xpaths + rules.caption_xpaths) or None,
        # htmldate's extensive search hands stray date strings to dateparser:
        # a second per process and a few ms a page, for a guess we rarely use
        # (the page's metadata and its shown date come first, see _published).
        date_extraction_params=set_date_params(extensive=False),
    )
    if doc is None or not (doc.text or "").strip():
        raise ExtractionError("no article text found on the page")

    site = meta.site or site_from_dateline(doc.text)
    cleaned = clean_text(doc.text, site)
    title = _title(doc.title, cleaned, rules, doc.sitename)
    text = _without_headline(cleaned.text, title)
    check_is_article(text)

    author, editor = _byline(meta.bylines, cleaned, rules)
    return Article(
        url=meta.url,
        source=site,
        title=title,
        published=_published(tree, meta.dates, doc.date, cleaned),
        author=author or _clean_author(doc.author),
        editor=editor,
        text=text,
        categories=_unique(meta.categories + list(doc.categories or []) + cleaned.categories),
        language=ARTICLE_LANGUAGE,
        captions=page_captions(tree, cleaned, rules),
    )


def page_captions(tree: HtmlElement, cleaned: CleanedText, rules: SiteRules) -> list[str]:
    """The page's photo captions, credit removed: caption elements (in page
    order), then caption lines cleaning dropped from the text."""
    elements = [e for xpath in rules.caption_xpaths for e in tree.xpath(xpath) if hasattr(e, "text_content")]
    chosen = set(elements)
    # a caption inside another caption element ("<div class=caption><figcaption>") is read once
    outermost = [e for e in elements if not any(a in chosen for a in e.iterancestors())]
    order = {e: i for i, e in enumerate(tree.iter())}
    found = [e.text_content() for e in sorted(set(outermost), key=order.__getitem__)]
    found += [line.text for line in cleaned.dropped if line.kind == CAPTION]
    return _unique([caption_text(c, rules) for c in found])


def read_page_metadata(tree: HtmlElement, url: str | None) -> PageMetadata:
    canonical = canonical_url_of(tree, url)
    site = site_of(canonical) or site_of(url)
    rules = rules_for(site)
    return PageMetadata(
        url=canonical or url,
        site=site,
        bylines=_texts(tree, rules.byline_xpaths),
        dates=_texts(tree, rules.date_xpaths),
        categories=[c for c in _texts(tree, rules.category_xpaths) if len(c) <= 40],
    )


def canonical_url_of(tree: HtmlElement, url: str | None) -> str | None:
    """The page's own URL: <link rel=canonical> or og:url, made absolute against `url`.

    A canonical that points at the site's home page while the page itself
    has a path is a template mistake, and is ignored.
    """
    for value in tree.xpath(
        "//link[translate(@rel, 'CANONICAL', 'canonical')='canonical']/@href | //meta[@property='og:url']/@content"
    ):
        candidate = urljoin(url or "", value.strip()) if value and value.strip() else None
        if not candidate or urlsplit(candidate).scheme not in ("http", "https"):
            continue
        if urlsplit(candidate).path in ("", "/") and url and urlsplit(url).path not in ("", "/"):
            continue
        return candidate
    return None


_BLOCKS = frozenset(
    "p div section article aside figure blockquote ul ol table h1 h2 h3 h4 h5 h6 header footer form".split()
)


def wrap_loose_text(tree: HtmlElement) -> HtmlElement:
    """Put text that follows a block element directly (its "tail") into a <p> of its own.

    Sites that separate paragraphs with <br><br> leave the paragraph after an
    inline "Baca juga" <p> as bare text, which trafilatura drops with it.
    """
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS:
            continue
        if not (element.tail and element.tail.strip()) or element.getparent() is None:
            continue
        paragraph = element.makeelement("p", {})
        paragraph.text = element.tail.strip()
        element.tail = None
        element.addnext(paragraph)
    return tree


# -- helpers ---------------------------------------------------------------


def _parse(html: str | bytes) -> HtmlElement:
    if isinstance(html, str) and not html.strip() or isinstance(html, bytes) and not html.strip():
        raise ExtractionError("the page is empty")
    tree = load_html(html)
    if tree is None:
        raise ExtractionError("not an HTML page (could not be parsed)")
    return tree


def _texts(tree: HtmlElement, xpaths: tuple[str, ...]) -> list[str]:
    found: list[str] = []
    for xpath in xpaths:
        for element in tree.xpath(xpath):
            text = " ".join(element.text_content().split()) if hasattr(element, "text_content") else str(element)
            for attribute in ("datetime", "content"):
                if hasattr(element, "get") and element.get(attribute):
                    found.append(element.get(attribute))
            if text:
                found.append(text)
    return found


def _byline(bylines: list[str], cleaned: CleanedText, rules: SiteRules) -> tuple[str | None, str | None]:
    """Author and editor: the page's byline element first, then byline lines in the text."""
    author = editor = None
    for line in bylines:
        found_author, found_editor = parse_byline(line, rules)
        author = author or found_author
        editor = editor or found_editor
    return author or cleaned.author, editor or cleaned.editor


def _clean_author(value: str | None) -> str | None:
    """trafilatura's author guess, without the label some templates put in it."""
    if not value:
        return None
    value = re.sub(r"^(penulis|reporter|pewarta|oleh|by)\b\s*:?\s*", "", value.strip(), flags=re.IGNORECASE)
    return value or None


_TITLE_SUFFIX = re.compile(r"\s+[-|–—:]\s+([^-|–—]{2,60})$")


def _title(found: str | None, cleaned: CleanedText, rules: SiteRules, sitename: str | None) -> str | None:
    """The headline, without the " - SiteName" that templates append to it."""
    title = (found or "").strip() or cleaned.title
    if not title:
        return None
    match = _TITLE_SUFFIX.search(title)
    if match:
        names = {n.lower() for n in rules.names if n}
        if rules.site:
            names |= {rules.site.lower(), rules.site.split(".")[-2].lower() if "." in rules.site else rules.site}
        if sitename:
            names.add(sitename.lower())
        suffix = match.group(1).lower()
        if any(name and name in suffix for name in names):
            title = title[: match.start()].strip()
    return title


def _published(tree: HtmlElement, shown: list[str], guessed: str | None, cleaned: CleanedText) -> str | None:
    """ISO publication date: structured metadata, then the date shown to readers, then htmldate's guess."""
    candidates = [*tree.xpath(" | ".join(_DATE_META)), *_json_ld_dates(tree), *shown, guessed or "", *cleaned.header]
    for candidate in candidates:
        date = parse_published(str(candidate))
        if date is not None:
            return date.isoformat()
    return None


def _without_headline(text: str, title: str | None) -> str:
    """The text without the headline trafilatura keeps as its first line (when no dateline cut it off)."""
    first, _, rest = text.partition("\n")
    if title and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest.lstrip("\n")
    return text


def _json_ld_dates(tree: HtmlElement) -> list[str]:
    dates: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    dates.append(item["datePublished"])
                stack.extend(v for v in item.values() if isinstance(v, (list, dict)))
    return dates


def _unique(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen
