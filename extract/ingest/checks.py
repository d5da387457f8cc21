"""Is this text an Indonesian news article? One check for HTML and plain text."""

from __future__ import annotations

import re

from extract.ingest.errors import ExtractionError
from extract.ingest.language import detect_language

ARTICLE_LANGUAGE = "id"
# An article has at least this much text and this many lines of prose; an
# index page or an error page has headlines and link lists instead.
MIN_TEXT_CHARS = 250
MIN_PROSE_LINES = 2

_PROSE_LINE = re.compile(r"\S+(\s+\S+){7,}.*[.!?\"”’)]\s*$")


def check_is_article(text: str) -> None:
    """Raise ExtractionError unless `text` reads as an Indonesian news article."""
    prose = [line for line in text.splitlines() if _PROSE_LINE.match(line.strip())]
    if len(text) < MIN_TEXT_CHARS or len(prose) < MIN_PROSE_LINES:
        raise ExtractionError("no article found (too little running text: an index, list or error page?)")
    language = detect_language(text)
    if language != ARTICLE_LANGUAGE:
        seems = f"looks like '{language}'" if language else "language not recognised"
        raise ExtractionError(f"the article is not in Indonesian ({seems})")
