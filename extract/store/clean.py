"""What the store accepts from outside: http(s) links only, metadata without direction overrides.

Article metadata comes from pages and JSON files anyone can write, and the
site turns it into links and feed entries: a `javascript:` URL must never be
stored as a link, and a right-to-left override (U+202E) in a title or site
name would make "evil\u202emoc.elpmaxe" read as "evilexample.com".
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Explicit embeddings, overrides and isolates: they reorder the text that
# follows them; ordinary right-to-left letters are left alone.
DIRECTION_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DIRECTION_CONTROLS = re.compile(f"[{DIRECTION_CONTROLS}]")


def http_url(url: str | None) -> str | None:
    """`url` when it is an absolute http(s) URL with a host, else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url.strip()


def plain(value: str | None) -> str | None:
    """`value` without the characters that reorder how text is displayed."""
    return _DIRECTION_CONTROLS.sub("", value) if value else value
