"""URL identity: when two addresses are the same article, and the address
stored for it. Used by ingestion (the HTML cache), the store, the run path
and the crawler alike, so it depends on nothing else in the package."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track where a reader came from; they never
# change which article a URL points to.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "igshid", "amp", "_ga", "ref", "mc_cid", "mc_eid"})


def canonical_url(url: str) -> str:
    """The form of `url` used for identity: same article, same string.

    Scheme and host are lower-cased, "www." and the fragment dropped, tracking
    parameters removed, remaining parameters sorted, trailing slash removed.
    """
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "http").lower()
    if scheme == "http":
        scheme = "https"  # the same page is often linked both ways
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    host = host.removesuffix(":443").removesuffix(":80")
    path = parts.path.rstrip("/") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k))
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def without_tracking(url: str | None) -> str | None:
    """`url` as written, less its tracking parameters and fragment: the address stored as an article's."""
    if not url:
        return url
    parts = urlsplit(url.strip())
    if not any(_is_tracking(k) for k, _ in parse_qsl(parts.query, keep_blank_values=True)):
        return urlunsplit(parts._replace(fragment=""))
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    return urlunsplit(parts._replace(query=urlencode(query), fragment=""))


def _is_tracking(parameter: str) -> bool:
    return parameter.lower().startswith(_TRACKING_PREFIXES) or parameter.lower() in _TRACKING_PARAMS
