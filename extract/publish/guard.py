"""Datasette plugin: what hostile requests must not break, kept apart from the site's pages.

- Errors keep their status: Datasette's default handler prints each error
  with `rich` when it is installed, which fails outside an `except` block
  (every 404 it handles) and turns a "not found" into a bare 500.
- A sort on a column that does not exist is the client's mistake: 400, not 500.
- Search words and page numbers from the query string are made safe before
  they reach SQL (`search_text`, `page_number`).
- Every response carries security headers (`SECURITY_HEADERS`).
- In public mode (`extract serve --public`, the default off loopback) nobody
  runs SQL of their own (one query could fill memory), nothing is
  downloaded whole, and the introspection pages that show file paths and
  versions answer 404; tables, canned queries and the site's pages still work.
"""

from __future__ import annotations

import unicodedata

from datasette import hookimpl
from datasette.utils import escape_fts
from datasette.views.base import DatasetteError

# No listing has more pages than this; a larger number is the last page asked for.
MAX_PAGE = 1_000_000

PLUGIN_NAME = "extract-guard"

# Scripts and styles come from this site only (inline ones included: Datasette
# and its plugins write some; Vega compiles chart expressions with Function,
# hence 'unsafe-eval'); map tiles are images from anywhere over https.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: https:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}

# Settings for a site anyone may reach: no SQL of their own, no whole-database
# downloads or unbounded CSV streams.
PUBLIC_SETTINGS = {"default_allow_sql": False, "allow_download": False, "allow_csv_stream": False}
# Pages that show the database's path, the plugins' paths, versions and threads.
PUBLIC_HIDDEN_PATHS = ("/-/databases", "/-/plugins", "/-/versions", "/-/threads")


def public_metadata(metadata: dict) -> dict:
    """`metadata` with SQL of one's own refused everywhere and the guard in public mode."""
    plugins = {**metadata.get("plugins", {}), PLUGIN_NAME: {"public": True}}
    return {**metadata, "allow_sql": False, "plugins": plugins}


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
    if (
        isinstance(exception, DatasetteError)
        and exception.status == 500
        and exception.message.startswith("Cannot sort")
    ):
        exception.status = 400
    # No response of our own: the default handler renders the page, with the status set here.


@hookimpl
def asgi_wrapper(datasette):
    public = bool((datasette.plugin_config(PLUGIN_NAME) or {}).get("public"))

    def wrap(app):
        async def guarded(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            if public and _hidden(scope.get("path", "")):
                return await _not_found(send)

            async def send_with_headers(message):
                if message["type"] == "http.response.start":
                    names = {name.lower() for name, _ in message.get("headers", [])}
                    extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in names]
                    message = {**message, "headers": [*message.get("headers", []), *extra]}
                await send(message)

            return await app(scope, receive, send_with_headers)

        return guarded

    return wrap


def _hidden(path: str) -> bool:
    return any(path == hidden or path.startswith((hidden + ".", hidden + "/")) for hidden in PUBLIC_HIDDEN_PATHS)


async def _not_found(send) -> None:
    body = b"Not found"
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
    await send({"type": "http.response.start", "status": 404, "headers": headers})
    await send({"type": "http.response.body", "body": body})
