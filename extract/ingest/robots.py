"""robots.txt rules for one site, read the way RFC 9309 describes.

A robots.txt that is missing (404 and other 4xx) allows everything; 401/403
forbids everything. When the file cannot be had at all (5xx, network error)
this crawler proceeds: it fetches single articles a user asked for, not a
whole site.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))


def site_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def rules_from_response(status: int | None, body: bytes) -> RobotFileParser:
    """The rules a robots.txt response sets; `status` None when it could not be fetched."""
    parser = RobotFileParser()
    if status == 200:
        parser.parse(body.decode("utf-8", errors="replace").splitlines())
    elif status in (401, 403):
        parser.disallow_all = True
    else:
        parser.allow_all = True
    return parser


def allowed(parser: RobotFileParser, user_agent: str, url: str) -> bool:
    return parser.can_fetch(user_agent, url)
