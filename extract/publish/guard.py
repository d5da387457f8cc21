"""Datasette plugin: what hostile requests must not break, kept apart from the site's pages.

- Errors keep their status: Datasette's default handler prints each error
  with `rich` when it is installed, which fails outside an `except` block
  (every 404 it handles) and turns a "not found" into a bare 500.
- A sort on a column that does not exist is the client's mistake: 400, not 500.
- Search words and page numbers from the query string are made safe before
  they reach SQL (`search_text`, `page_number`).
"""

from __future__ import annotations

import unicodedata

from datasette import hookimpl
from datasette.utils import escape_fts
from datasette.views.base import DatasetteError

# No listing has more pages than this; a larger number is the last page asked for.
MAX_PAGE = 1_000_000


def quiet_default_error_handler() -> None:
    """Stop Datasette's default error handler from calling rich (see the module's docstring)."""
    import datasette.handle_exception as default_handler

    default_handler.rich = None


def search_text(q: str) -> str:
    """The words of `q` a full-text query can take, or "" when there are none.

    Control characters go. The index holds letters and digits only, so a
    query without any ('"', '""', punctuation) can match nothing, and some
    of those escape to an empty query that SQLite's FTS5 rejects as a syntax
    error: no search then.
    """
    q = "".join(" " if unicodedata.category(c) == "Cc" else c for c in q).strip()
    return q if any(c.isalnum() for c in q) and escape_fts(q).strip() else ""


def page_number(raw: str | None) -> int:
    """The page asked for, between 1 and MAX_PAGE (an OFFSET past 2**63 is an error in SQLite)."""
    try:
        return min(max(1, int(raw or 1)), MAX_PAGE)
    except ValueError:  # not a number, or more digits than Python converts
        return 1


@hookimpl(tryfirst=True)
def handle_exception(datasette, request, exception):
    # Datasette raises its generic error, status 500, for a sort on an unknown column.
    if isinstance(exception, DatasetteError) and exception.status == 500 and exception.message.startswith("Cannot sort"):
        exception.status = 400
    return None  # the default handler renders the page, with the status set here
