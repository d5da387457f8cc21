"""Is this text an Indonesian news article? One check for HTML and plain text."""

from __future__ import annotations

from extract.ingest.errors import ExtractionError
from extract.ingest.language import detect_language
from extract.ingest.prose import measure_prose

ARTICLE_LANGUAGE = "id"
# An article has at least this much text, and this much of it running prose
# (prose.py: sentences, not lines, so a one-paragraph article passes); an
# index page, a tag list or an error page has headlines and links instead.
MIN_TEXT_CHARS = 250
MIN_SENTENCES = 2
MIN_PROSE_WORDS = 30


def check_is_article(text: str) -> None:
    """Raise ExtractionError unless `text` reads as an Indonesian news article."""
    prose = measure_prose(text)
    if len(text) < MIN_TEXT_CHARS or prose.sentences < MIN_SENTENCES or prose.words < MIN_PROSE_WORDS:
        raise ExtractionError("no article found (too little running text: an index, list or error page?)")
    language = detect_language(text)
    if language != ARTICLE_LANGUAGE:
        seems = f"looks like '{language}'" if language else "language not recognised"
        raise ExtractionError(f"the article is not in Indonesian ({seems})")
