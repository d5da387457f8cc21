"""One source in, one Article out: a page fetched (through the HTML cache), an
HTML, text or JSON file read, or a stored article read again from its cached page.

No facts and nothing stored here: the run path (extract.pipeline) does that.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from extract.ingest.cache import FetchedPage, HtmlCache
from extract.ingest.charset import decode_html
from extract.ingest.errors import ExtractionError, IngestError
from extract.ingest.fetch import Fetcher
from extract.ingest.html import extract_article
from extract.ingest.sources import (
    BadSource,
    HtmlFileSource,
    JsonArticleSource,
    Source,
    TextFileSource,
    UrlSource,
    url_problem,
)
from extract.ingest.text import article_from_json, article_from_text
from extract.model import Article

# Longest article text extracted: NLP time and memory grow faster than the
# text, and spaCy refuses a text over 1,000,000 characters. News articles are
# a few thousand characters; a longer text is cut at a paragraph (`cap_text`).
DEFAULT_MAX_CHARS = 50_000

# The metadata a JSON article may carry, each a string when present.
JSON_STRING_FIELDS = ("url", "title", "published", "source", "author", "editor")


class Skipped(Exception):
    """A page left out before its article was extracted (see `read_article`'s `screen`)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_article(
    source: Source,
    fetcher: Fetcher,
    cache: HtmlCache,
    refetch: bool = False,
    screen: Callable[[str], str | None] | None = None,
) -> Article:
    """The article behind one source (no facts, nothing stored).

    `screen(html)`, for a fetched page, gives a reason to leave it out before
    extracting its article (raised as Skipped), or None.
    """
    if isinstance(source, BadSource):
        raise IngestError(source.reason)
    if isinstance(source, UrlSource):
        page = fetcher.fetch(source.url, refetch=refetch)
        if screen is not None and (reason := screen(page.html)) is not None:
            raise Skipped(reason)
        article = extract_article(page.html, page.final_url)
        _keep_under_article_url(cache, page, article)
        article.final_url = page.final_url
        article.html_sha256 = page.sha256
        article.fetched_at = page.fetched_at
        return article
    raw = source.path.read_bytes()
    if isinstance(source, HtmlFileSource):
        html, _ = decode_html(raw)
        article = extract_article(html, source.url)
        article.html_sha256 = _keep_file(cache, raw, html, article)
        return article
    if isinstance(source, TextFileSource):
        text, _ = decode_html(raw)  # same charset repair as pages
        return article_from_text(text, url=source.url)
    if isinstance(source, JsonArticleSource):
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ExtractionError(f"not valid UTF-8 JSON ({error})") from None
        except RecursionError:
            raise ExtractionError("JSON nested too deeply") from None
        check_json_fields(data)
        return article_from_json(data)
    raise TypeError(f"unknown source {source!r}")


def reread_article(stored: Article, cache_dir: Path | None) -> tuple[Article, bool]:
    """A stored article extracted again from its cached page when there is one, else as stored.

    Returns (article, whether it came from HTML). Fetch details the page
    cannot tell (when it was fetched, the cache key) are kept from the stored row.
    """
    html = _cached_html(cache_dir, stored.url, stored.html_sha256) if cache_dir and stored.html_sha256 else None
    if html is None:
        return stored, False
    fresh = extract_article(html, stored.url)
    fresh.url = stored.url  # the article keeps its identity
    fresh.final_url = fresh.final_url or stored.final_url
    fresh.html_sha256 = stored.html_sha256
    fresh.fetched_at = stored.fetched_at
    return fresh, True


def cap_text(article: Article, max_chars: int) -> str | None:
    """Cut `article.text` to at most `max_chars` characters, at a paragraph (else a word) end.

    Returns the one line that says so, or None when the text was short enough.
    Captions are left alone: they are short, and their offsets are their own.
    """
    text = article.text
    if len(text) <= max_chars:
        return None
    cut = text.rfind("\n", 0, max_chars + 1)
    if cut < max_chars // 2:
        cut = text.rfind(" ", 0, max_chars + 1)
    if cut < max_chars // 2:
        cut = max_chars
    article.text = text[:cut].rstrip()
    return f"text cut to its first {len(article.text):,} of {len(text):,} characters (--max-chars {max_chars:,})"


def check_json_fields(data: object) -> None:
    """Refuse a JSON article whose metadata is not text, rather than storing a Python repr."""
    if not isinstance(data, dict):
        return  # article_from_json says what a JSON article must be
    for name in JSON_STRING_FIELDS:
        if data.get(name) is not None and not isinstance(data[name], str):
            raise ExtractionError(f'"{name}" must be a string, not {type(data[name]).__name__}')
    if data.get("url") and url_problem(data["url"]):
        raise ExtractionError(f'"url" must be an http(s) URL ({url_problem(data["url"])})')


def _keep_under_article_url(cache: HtmlCache, page: FetchedPage, article: Article) -> None:
    """Also file the page under the article's canonical URL, where re-extraction looks it up."""
    if article.url and article.url not in (page.url, page.final_url):
        cache.put(page, also_under=article.url)


def _keep_file(cache: HtmlCache, raw: bytes, html: str, article: Article) -> str:
    """Keep an HTML file's bytes in the cache like a fetched page; returns its sha256."""
    sha = cache.put_body(raw)
    if article.url:
        page = FetchedPage(
            url=article.url,
            final_url=article.url,
            status=200,
            headers={},
            body=raw,
            html=html,
            encoding=decode_html(raw)[1],
            fetched_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            sha256=sha,
        )
        cache.put(page)
    return sha


def _cached_html(cache_dir: Path, url: str | None, sha256: str) -> str | None:
    """The page cached for `url`, decoded, when it is the very page the article was read from."""
    if not url:
        return None
    page = HtmlCache(cache_dir).get(url)
    if page is None or page.sha256 != sha256:
        return None
    return page.html
