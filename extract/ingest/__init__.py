"""URL, HTML or text in; clean `Article` out (issue 2).

- `extract_article(html, url)`: one HTML page to an Article (html.py)
- `article_from_text(text, url, source)`: pasted plain text to an Article (text.py)
- `clean_text(text, source)` / `is_furniture_line(line, source)`: furniture removal (clean.py)
- `fetch(url, policy, cache)` / `Fetcher`: polite, bounded HTTP fetching (fetch.py)
- `HtmlCache(root)`: every fetched page kept, content-addressed (cache.py)
"""

from extract.ingest.cache import FetchedPage, HtmlCache
from extract.ingest.clean import CleanedText, clean_text, is_furniture_line
from extract.ingest.errors import ExtractionError, FetchError, IngestError, SourceError
from extract.ingest.fetch import Fetcher, FetchPolicy, fetch
from extract.ingest.html import extract_article
from extract.ingest.text import article_from_text

__all__ = [
    "CleanedText",
    "ExtractionError",
    "FetchError",
    "FetchPolicy",
    "FetchedPage",
    "Fetcher",
    "HtmlCache",
    "IngestError",
    "SourceError",
    "article_from_text",
    "clean_text",
    "extract_article",
    "fetch",
    "is_furniture_line",
]
