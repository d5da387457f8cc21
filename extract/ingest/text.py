"""Plain text in (as copied from a news site), one clean `Article` out.

Copied text carries the page's header lines (category, headline, "Penulis :
X - Editor : Y", ad headlines, captions) above the dateline and furniture
inside the body; `clean_text` removes both and reads the headline and byline
on the way. The dateline itself ("PASURUAN (Realita) - ") stays in the text.
"""

from __future__ import annotations

from extract.ingest.checks import ARTICLE_LANGUAGE, check_is_article
from extract.ingest.clean import captions_of, clean_text
from extract.ingest.errors import ExtractionError
from extract.ingest.siterules import rules_for, site_from_dateline, site_of
from extract.model import Article
from extract.normalize.dates import parse_published

MAX_DATE_LINE = 60  # a header line longer than this is a headline or caption, not a date


def article_from_json(data: object) -> Article:
    """An article given as JSON: its "text" cleaned like any plain text, its metadata taken as given."""
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise ExtractionError('a JSON article must be an object with a "text" string')
    url = data.get("url") or None
    article = article_from_text(data["text"], url=url, source=data.get("source") or None)
    for field in ("title", "author", "editor"):
        if data.get(field):
            setattr(article, field, str(data[field]))
    # the photo captions `extract run --json` printed for an HTML page
    captions = data.get("captions") or []
    if not isinstance(captions, list) or not all(isinstance(c, str) for c in captions):
        raise ExtractionError('"captions" must be a list of strings')
    given = [c for c in captions if c.strip()]
    article.captions = given + [c for c in article.captions if c not in given]
    if data.get("published"):
        published = parse_published(str(data["published"]))
        if published is None:
            raise ExtractionError(f"published {data['published']!r} is not a date")
        article.published = published.isoformat()
    return article


def article_from_text(text: str, url: str | None = None, source: str | None = None) -> Article:
    """The article in `text`; its site is `source`, else `url`'s host, else named by its dateline."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ExtractionError("the text is empty")
    site = source or site_of(url) or site_from_dateline(text)
    cleaned = clean_text(text, site)
    check_is_article(cleaned.text)
    published = next(
        (d for line in cleaned.header if len(line) <= MAX_DATE_LINE and (d := parse_published(line))),
        None,
    )
    return Article(
        url=url,
        source=site,
        title=cleaned.title,
        published=published.isoformat() if published else None,
        author=cleaned.author,
        editor=cleaned.editor,
        text=cleaned.text,
        categories=cleaned.categories,
        language=ARTICLE_LANGUAGE,
        # photo captions in the text (a caption line, or a caption above the dateline), as HTML pages keep theirs
        captions=list(dict.fromkeys(c for c in captions_of(cleaned, rules_for(site)) if c)),
    )
