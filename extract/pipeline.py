"""`extract run`: sources in, articles (and their facts) stored, one report out.

For each SOURCE: fetch (through the HTML cache) or read the file, extract the
article, extract its facts, save it in its own transaction. A source that
fails is reported with a one-line reason and the run goes on; what was
stored stays stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from extract.ingest.cache import FetchedPage, HtmlCache, default_cache_dir
from extract.ingest.charset import decode_html
from extract.ingest.errors import ExtractionError, IngestError
from extract.ingest.fetch import Fetcher, FetchPolicy
from extract.ingest.html import extract_article
from extract.ingest.sources import (
    BadSource,
    HtmlFileSource,
    JsonArticleSource,
    Source,
    TextFileSource,
    UrlSource,
    expand_sources,
    url_problem,
)
from extract.ingest.text import article_from_json, article_from_text
from extract.model import Article, Facts

DEFAULT_DB = Path("data/extract.db")
# Longest article text extracted: NLP time and memory grow faster than the
# text, and spaCy refuses a text over 1,000,000 characters. News articles are
# a few thousand characters; a longer text is cut at a paragraph (`cap_text`).
DEFAULT_MAX_CHARS = 50_000

STORED = "stored"
FAILED = "failed"
DUPLICATE = "duplicate"
SKIPPED = "skipped"  # read, then left out by a filter (extract crawl's topic check)

FactExtractor = Callable[[Article], Facts]


@dataclass
class Outcome:
    """What became of one source."""

    source: str  # as the user named it
    status: str  # STORED, FAILED or DUPLICATE
    reason: str | None = None
    article_id: str | None = None
    url: str | None = None
    title: str | None = None
    note: str | None = None  # what the user should know about a stored article (its text was cut)


@dataclass
class RunReport:
    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False  # stopped (Ctrl-C, SIGTERM) between two articles; the rest not processed

    @property
    def stored(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == STORED]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == FAILED]

    @property
    def duplicates(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == DUPLICATE]

    @property
    def skipped(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == SKIPPED]

    @property
    def exit_code(self) -> int:
        """0 when every source succeeded, 1 when any failed."""
        return 1 if self.failed else 0

    def summary(self) -> str:
        line = f"{len(self.stored)} stored, {len(self.failed)} failed"
        if self.duplicates:
            line += f", {len(self.duplicates)} duplicate{'s' if len(self.duplicates) > 1 else ''} skipped"
        if self.interrupted:
            line += ", interrupted (the sources after these were not processed)"
        return line


def failure_reason(error: BaseException) -> str:
    """The one-line reason `extract run` gives for a source that failed."""
    if isinstance(error, IngestError):
        return error.reason
    if isinstance(error, OSError):
        return f"cannot read: {error.strerror or error}"
    first = str(error).splitlines()[0] if str(error) else ""
    return f"internal error: {type(error).__name__}: {first}"


def package_fact_extractor() -> FactExtractor | None:
    """The facts stage, when the package has one. This is where facts plug into `run`."""
    try:
        from extract.facts import extract_facts
    except ImportError:
        return None
    return extract_facts


def run_sources(
    sources: Iterable[str],
    db_path: str | Path = DEFAULT_DB,
    *,
    url: str | None = None,
    json_out: TextIO | None = None,
    cache_dir: str | Path | None = None,
    policy: FetchPolicy | None = None,
    refetch: bool = False,
    stdin: TextIO | None = None,
    facts: FactExtractor | None | bool = True,
    progress: Callable[[Outcome], None] | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> RunReport:
    """Ingest every SOURCE into the database at `db_path`.

    `facts` is True for the package's fact extractor, False/None for none, or
    a function. With `json_out`, each stored article is written there as one
    JSON line (the fields of `Article`, its `id`, and `facts` in the gold shape).
    An article text longer than `max_chars` is cut (see `cap_text`).
    """
    from extract.store.db import open_db

    extractor = package_fact_extractor() if facts is True else (facts or None)
    cache = HtmlCache(cache_dir or default_cache_dir(db_path))
    report = RunReport()
    seen_inputs: set[str] = set()
    seen_articles: set[str] = set()
    db = open_db(db_path)
    try:
        with Fetcher(policy, cache) as fetcher:
            for source in expand_sources(sources, url=url, stdin=stdin):
                outcome = _ingest(
                    source, db, fetcher, cache, extractor, refetch, seen_inputs, seen_articles, json_out, max_chars
                )
                report.outcomes.append(outcome)
                if progress is not None:
                    progress(outcome)
    except KeyboardInterrupt:  # an article being saved is rolled back whole (save_article)
        report.interrupted = True
    finally:
        db.close()
    return report


def _ingest(
    source, db, fetcher, cache, extractor, refetch, seen_inputs, seen_articles, json_out, max_chars=DEFAULT_MAX_CHARS
) -> Outcome:
    from extract.store.db import article_id, save_article
    from extract.urls import canonical_url

    label = source.label
    try:
        key = canonical_url(source.url) if isinstance(source, UrlSource) else label
        if key in seen_inputs:
            return Outcome(label, DUPLICATE, "given twice")
        seen_inputs.add(key)
        article = read_article(source, fetcher, cache, refetch)
        note = cap_text(article, max_chars)
        aid = article_id(article)
        if aid in seen_articles:
            return Outcome(label, DUPLICATE, "same article as an earlier source", aid, article.url, article.title)
        fact_set = extractor(article) if extractor is not None else None
        aid = save_article(db, article, fact_set)
    except Exception as error:  # a bug in one article's processing must not lose the others
        return Outcome(label, FAILED, failure_reason(error))
    seen_articles.add(aid)
    if json_out is not None:
        json_out.write(json.dumps(article_json(aid, article, fact_set), ensure_ascii=False) + "\n")
        json_out.flush()
    return Outcome(label, STORED, None, aid, article.url, article.title, note)


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


# The metadata a JSON article may carry, each a string when present.
JSON_STRING_FIELDS = ("url", "title", "published", "source", "author", "editor")


def check_json_fields(data: object) -> None:
    """Refuse a JSON article whose metadata is not text, rather than storing a Python repr."""
    if not isinstance(data, dict):
        return  # article_from_json says what a JSON article must be
    for name in JSON_STRING_FIELDS:
        if data.get(name) is not None and not isinstance(data[name], str):
            raise ExtractionError(f'"{name}" must be a string, not {type(data[name]).__name__}')
    if data.get("url") and url_problem(data["url"]):
        raise ExtractionError(f'"url" must be an http(s) URL ({url_problem(data["url"])})')


def article_json(aid: str, article: Article, facts: Facts | None) -> dict:
    data = {"id": aid, **article.to_dict()}
    if facts is not None:
        data["facts"] = facts.to_gold()
        data["more_facts"] = facts.beyond_gold()  # fact types the gold format does not hold (budgets)
    return data


def _keep_under_article_url(cache: HtmlCache, page: FetchedPage, article: Article) -> None:
    """Also file the page under the article's canonical URL, where re-extraction looks it up."""
    if article.url and article.url not in (page.url, page.final_url):
        cache.put(page, also_under=article.url)


def _keep_file(cache: HtmlCache, raw: bytes, html: str, article: Article) -> str:
    """Keep an HTML file's bytes in the cache like a fetched page; returns its sha256."""
    import datetime as dt

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
