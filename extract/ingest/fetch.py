"""Fetch news pages politely, within limits, and keep every page fetched.

One `Fetcher` per run: it holds the connection pool, the time of the last
request to each host (for the per-host delay), each site's robots.txt and the
HTML cache. Every failure is a `FetchError` with a one-line reason.

Limits: a deadline for the whole request (slow-drip servers included), a
size cap, a redirect limit with loop detection, retries with exponential
backoff for failures that may pass (connection errors, 429, 5xx), and only
HTML accepted.
"""

from __future__ import annotations

import datetime as dt
import re
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationParseError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from extract import __version__
from extract.ingest import robots
from extract.ingest.cache import FetchedPage, HtmlCache, body_sha256
from extract.ingest.charset import charset_from_content_type, decode_html
from extract.ingest.errors import FetchError
from extract.ingest.sources import url_problem

USER_AGENT_TOKEN = "bpjs-extract"
USER_AGENT = f"{USER_AGENT_TOKEN}/{__version__} (news research crawler; honours robots.txt)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
# worth keeping with a page: how to read it and when it changed
KEPT_HEADERS = ("content-type", "content-length", "content-language", "last-modified", "etag", "date", "server")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_RETRY_AFTER = 30.0  # seconds; a server asking for more is treated as failing
ROBOTS_MAX_BYTES = 500_000

_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a media file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
)
_HTML_SNIFF = re.compile(rb"<\s*(!doctype\s+html|html|head|body|title|meta|div|p|article)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0  # seconds for a whole request, body included
    retries: int = 2  # extra attempts after a failure that may pass
    backoff: float = 1.0  # seconds before the first retry, doubled for each next one
    delay: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = 5_000_000
    max_redirects: int = 10
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass
class _Response:
    status: int
    headers: dict[str, str]
    body: bytes
    final_url: str


class _Retryable(FetchError):
    """A failure worth another attempt; `wait` is what the server asked for (Retry-After)."""

    def __init__(self, reason: str, wait: float | None = None):
        super().__init__(reason)
        self.wait = wait


class _WholeHeaderTimeout:
    """A connection whose read timeout bounds the status line and headers in all.

    http.client reads them a line at a time and each socket read has the
    timeout to itself, so a server sending one header byte a second never
    times out. A timer shuts the socket when the time is up; urllib3 has set
    the read timeout to what is left of the request's deadline.
    """

    def getresponse(self):
        budget, sock = self.timeout, self.sock
        timer = None
        if isinstance(budget, (int, float)) and sock is not None:
            timer = threading.Timer(budget, _shut, args=(sock,))
            timer.daemon = True
            timer.start()
        try:
            return super().getresponse()
        finally:
            if timer is not None:
                timer.cancel()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:  # already closed
        pass


class _HTTPConnection(_WholeHeaderTimeout, urllib3.connection.HTTPConnection):
    pass


class _HTTPSConnection(_WholeHeaderTimeout, urllib3.connection.HTTPSConnection):
    pass


class _HTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class Fetcher:
    def __init__(
        self,
        policy: FetchPolicy | None = None,
        cache: HtmlCache | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.policy = policy or FetchPolicy()
        self.cache = cache
        self._sleep = sleep
        self._clock = clock
        self._pool = urllib3.PoolManager(num_pools=20, headers={"User-Agent": self.policy.user_agent})
        self._pool.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
        self._next_request_at: dict[str, float] = {}
        self._robots: dict[str, object] = {}

    def fetch(self, url: str, *, refetch: bool = False) -> FetchedPage:
        """The page at `url`: from the cache when it was fetched before (unless `refetch`), else from the web."""
        url = check_url(url)
        if self.cache is not None and not refetch:
            cached = self.cache.get(url)
            if cached is not None:
                return cached
        response = self._with_retries(url, self._page_request)
        page = _page(url, response)
        if self.cache is not None:
            self.cache.put(page)
        return page

    def fetch_document(self, url: str) -> tuple[str, bytes]:
        """(final URL, body) of a feed, sitemap or other non-page document, with
        the same robots.txt, delay, retries, deadline and size cap as a page.
        Never cached: feeds and sitemaps change between two crawls."""

        def request(current: str) -> _Response:
            response = self._get(current, max_bytes=self.policy.max_bytes)
            if response.status in RETRY_STATUSES:
                raise _Retryable(_status_reason(response.status), _retry_after(response.headers))
            if response.status != 200:
                raise FetchError(_status_reason(response.status))
            return response

        response = self._with_retries(check_url(url), request)
        return response.final_url, response.body

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt lets this crawler fetch `url` (always, with robots ignored)."""
        if not self.policy.respect_robots:
            return True
        try:
            self._check_robots(url)
        except FetchError:
            return False
        return True

    def close(self) -> None:
        self._pool.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one page ----------------------------------------------------------

    def _page_request(self, url: str) -> _Response:
        response = self._get(url, max_bytes=self.policy.max_bytes, check=_check_headers)
        if response.status in RETRY_STATUSES:
            raise _Retryable(_status_reason(response.status), _retry_after(response.headers))
        if response.status != 200:
            raise FetchError(_status_reason(response.status))
        _check_body(response)
        return response

    def _with_retries(self, url: str, request: Callable[[str], _Response]) -> _Response:
        attempt = 0
        while True:
            try:
                return request(url)
            except _Retryable as failure:
                if attempt >= self.policy.retries or (failure.wait or 0) > MAX_RETRY_AFTER:
                    raise FetchError(failure.reason) from None
                pause = self.policy.backoff * 2**attempt
                self._sleep(max(pause, failure.wait or 0))
                attempt += 1

    # -- HTTP ----------------------------------------------------------------

    def _get(
        self, url: str, *, max_bytes: int, check: Callable[[int, dict], None] | None = None, obey_robots: bool = True
    ) -> _Response:
        """GET `url`, following redirects; the deadline covers every hop and the body.

        The deadline starts once this host's turn has come (`--delay`), and
        moves on by each later wait: politeness never counts as the server's time.
        """
        deadline: float | None = None
        visited = [url]
        current = url
        for _ in range(self.policy.max_redirects + 1):
            if obey_robots and self.policy.respect_robots:
                self._check_robots(current)
            waited = self._wait_for_turn(current)
            deadline = self._clock() + self.policy.timeout if deadline is None else deadline + waited
            response = self._open(current, deadline)
            complete = False
            try:
                if response.status in REDIRECT_STATUSES:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(f"{_status_reason(response.status)} without a Location header")
                    target = urljoin(current, location.strip())
                    if target in visited:
                        raise FetchError("redirect loop: " + " -> ".join(_short(u) for u in visited + [target]))
                    visited.append(target)
                    current = check_url(target)
                    refused = private_redirect(url, current)
                    if refused:
                        raise FetchError(refused)
                    continue
                headers = {k.lower(): v for k, v in response.headers.items()}
                if check is not None and response.status == 200:
                    check(max_bytes, headers)
                body = self._read(response, deadline, max_bytes) if response.status == 200 else b""
                complete = response.status == 200
                return _Response(response.status, headers, body, current)
            finally:
                if not complete:
                    response.close()  # unread body: the connection cannot be reused
                response.release_conn()
        raise FetchError(f"too many redirects (more than {self.policy.max_redirects})")

    def _open(self, url: str, deadline: float) -> urllib3.BaseHTTPResponse:
        remaining = self._remaining(deadline)
        try:
            return self._pool.request(
                "GET",
                url,
                redirect=False,
                retries=False,
                preload_content=False,
                timeout=urllib3.Timeout(connect=remaining, read=remaining),
            )
        except (
            NewConnectionError,
            ConnectTimeoutError,
            NameResolutionError,
            ProtocolError,
            ReadTimeoutError,
            SSLError,
            LocationParseError,
            HTTPError,
        ) as error:
            if self._clock() >= deadline:  # cut off by the deadline (_WholeHeaderTimeout), whatever the error says
                raise FetchError(f"timed out after {self.policy.timeout:g} s") from None
            raise _connection_failure(error, self.policy.timeout) from None

    def _read(self, response: urllib3.BaseHTTPResponse, deadline: float, max_bytes: int) -> bytes:
        """The body, chunk by chunk, so that a server trickling bytes still meets the deadline."""
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                _set_read_timeout(response, self._remaining(deadline))
                chunk = response.read1(65536)
                if not chunk:
                    return b"".join(chunks)
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"page larger than the {max_bytes:,}-byte limit")
                chunks.append(chunk)
        except (ReadTimeoutError, TimeoutError):
            raise FetchError(f"timed out after {self.policy.timeout:g} s") from None
        except (ProtocolError, HTTPError) as error:
            raise _Retryable(f"connection broken while reading: {_first_line(error)}") from None

    def _remaining(self, deadline: float) -> float:
        remaining = deadline - self._clock()
        if remaining <= 0:
            raise FetchError(f"timed out after {self.policy.timeout:g} s")
        return remaining

    def _wait_for_turn(self, url: str) -> float:
        """Keep `policy.delay` seconds between two requests to the same host; returns the seconds waited."""
        host = (urlsplit(url).hostname or "").lower()
        now = self._clock()
        ready_at = self._next_request_at.get(host, now)
        if ready_at > now:
            self._sleep(ready_at - now)
        self._next_request_at[host] = max(now, ready_at) + self.policy.delay
        return max(0.0, ready_at - now)

    # -- robots.txt ----------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        key = robots.site_key(url)
        if key not in self._robots:
            self._robots[key] = self._read_robots(url)
        if not robots.allowed(self._robots[key], self.policy.user_agent, url):
            raise FetchError("disallowed by the site's robots.txt (--ignore-robots to override)")

    def _read_robots(self, url: str):
        try:
            response = self._get(robots.robots_url(url), max_bytes=ROBOTS_MAX_BYTES, obey_robots=False)
        except FetchError:
            return robots.rules_from_response(None, b"")
        return robots.rules_from_response(response.status, response.body)


def check_url(url: str) -> str:
    """`url` when it is an absolute http(s) URL with a host; FetchError otherwise."""
    url = url.strip()
    problem = url_problem(url)
    if problem:
        raise FetchError(f"{problem}: {url}")
    return url


def private_redirect(start_url: str, target_url: str) -> str | None:
    """Why a redirect from `start_url` to `target_url` is refused, or None.

    A public site must not send the crawler to this machine or its network
    (a loopback, private or link-local address): only a start URL that is
    itself such an address may lead there.
    """
    target_host = urlsplit(target_url).hostname or ""
    if not _is_private_host(target_host) or _is_private_host(urlsplit(start_url).hostname or ""):
        return None
    return f"redirect to a private address refused: {target_host}"


def _is_private_host(host: str) -> bool:
    """Whether `host` is, or resolves to, an address of this machine or its private network."""
    import ipaddress

    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (OSError, UnicodeError):
        return False  # unresolvable: the request itself fails with its own reason
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_unspecified:
            return True
    return False


def _page(url: str, response: _Response) -> FetchedPage:
    html, encoding = decode_html(response.body, charset_from_content_type(response.headers.get("content-type")))
    return FetchedPage(
        url=url,
        final_url=response.final_url,
        status=response.status,
        headers={k: v for k, v in response.headers.items() if k in KEPT_HEADERS},
        body=response.body,
        html=html,
        encoding=encoding,
        fetched_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        sha256=body_sha256(response.body),
    )


def _check_headers(max_bytes: int, headers: dict[str, str]) -> None:
    """Refuse, before reading the body, what the headers already show is not a page to read."""
    media_type = headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type and media_type not in HTML_TYPES and media_type != "application/octet-stream":
        raise FetchError(f"not an HTML page (Content-Type {media_type})")
    length = headers.get("content-length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise FetchError(f"page larger than the {max_bytes:,}-byte limit ({int(length):,} bytes)")


def _check_body(response: _Response) -> None:
    """Refuse bodies that are empty, binary or plain text whatever the headers claimed."""
    body = response.body
    if not body.strip():
        raise FetchError("empty response body")
    for magic, kind in _BINARY_MAGIC:
        if body.startswith(magic):
            raise FetchError(f"not an HTML page ({kind})")
    if b"\x00" in body[:4096]:
        raise FetchError("not an HTML page (binary content)")
    if not _HTML_SNIFF.search(body[:8192]):
        raise FetchError("not an HTML page (no HTML markup in the body)")


def _connection_failure(error: Exception, timeout: float) -> FetchError:
    if isinstance(error, NameResolutionError):
        return FetchError("host not found")
    if isinstance(error, NewConnectionError):  # a subclass of ConnectTimeoutError in urllib3
        if "refused" in str(error).lower():
            return _Retryable("connection refused")
        return _Retryable(f"connection failed: {_first_line(error)}")
    if isinstance(error, (ConnectTimeoutError, ReadTimeoutError)):
        return FetchError(f"timed out after {timeout:g} s")
    if isinstance(error, LocationParseError):
        return FetchError("malformed URL")
    if isinstance(error, SSLError):
        return FetchError(f"TLS error: {_first_line(error)}")
    return _Retryable(f"connection failed: {_first_line(error)}")


def _set_read_timeout(response: urllib3.BaseHTTPResponse, seconds: float) -> None:
    """Shrink the socket timeout to what is left of the deadline (urllib3 fixes it per request)."""
    sock = getattr(getattr(response, "connection", None), "sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.001))


def _retry_after(headers: dict[str, str]) -> float | None:
    value = headers.get("retry-after", "").strip()
    return float(value) if value.isdigit() else None


def _status_reason(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _short(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "") or "/"


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def fetch(
    url: str, policy: FetchPolicy | None = None, cache: HtmlCache | None = None, *, refetch: bool = False
) -> FetchedPage:
    """Fetch one page (see `Fetcher` for fetching many with one politeness budget)."""
    with Fetcher(policy, cache) as fetcher:
        return fetcher.fetch(url, refetch=refetch)
