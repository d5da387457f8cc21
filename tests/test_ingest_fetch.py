"""Fetching against a real HTTP server on 127.0.0.1: limits, politeness, cache, bad input."""

import gzip
import json
import time

import pytest

from http_fixtures import news_server, refused_url  # noqa: F401  (fixtures)

from extract.ingest.cache import HtmlCache
from extract.ingest.errors import FetchError
from extract.ingest.fetch import USER_AGENT_TOKEN, Fetcher, FetchPolicy, check_url

ARTICLE = "/news/realita-gresik-pekerja-rentan.html"
FAST = FetchPolicy(timeout=1.5, retries=0, backoff=0.01, delay=0.0, max_bytes=1_000_000)


def fetch_error(url: str, policy: FetchPolicy = FAST) -> str:
    with Fetcher(policy) as fetcher, pytest.raises(FetchError) as error:
        fetcher.fetch(url)
    reason = error.value.reason
    assert "\n" not in reason  # one line for the user
    return reason


def test_a_page_is_fetched_with_what_matters_about_the_fetch(news_server):
    with Fetcher(FAST) as fetcher:
        page = fetcher.fetch(news_server.url(ARTICLE))
    assert page.status == 200
    assert page.final_url == page.url == news_server.url(ARTICLE)
    assert page.headers["content-type"].startswith("text/html")
    assert "GRESIK (Realita)" in page.html
    assert len(page.sha256) == 64 and page.fetched_at.endswith("+00:00")


def test_redirects_are_followed_and_the_final_url_kept(news_server):
    with Fetcher(FAST) as fetcher:
        page = fetcher.fetch(news_server.url("/chain/3"))
    assert page.final_url == news_server.url(ARTICLE)
    assert page.url == news_server.url("/chain/3")


def test_too_many_redirects_is_an_error(news_server):
    policy = FetchPolicy(**{**FAST.__dict__, "max_redirects": 2})
    assert "too many redirects" in fetch_error(news_server.url("/chain/5"), policy)


def test_redirect_loop(news_server):
    reason = fetch_error(news_server.url("/loop/a"))
    assert reason.startswith("redirect loop")
    assert "/loop/a -> /loop/b -> /loop/a" in reason


@pytest.mark.parametrize(
    "status, words", [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"), (410, "HTTP 410 Gone")]
)
def test_http_errors(news_server, status, words):
    assert fetch_error(news_server.url(f"/status/{status}")) == words


def test_server_errors_are_retried_with_backoff_and_can_then_succeed(news_server):
    slept = []
    policy = FetchPolicy(**{**FAST.__dict__, "retries": 2, "backoff": 0.05})
    with Fetcher(policy, sleep=lambda s: (slept.append(s), time.sleep(s))) as fetcher:
        page = fetcher.fetch(news_server.url(f"/flaky/2/{ARTICLE.rsplit('/', 1)[-1]}"))
    assert "GRESIK (Realita)" in page.html
    assert slept == [0.05, 0.1]  # doubled each time


def test_retries_give_up_with_the_last_reason(news_server):
    policy = FetchPolicy(**{**FAST.__dict__, "retries": 1, "backoff": 0.01})
    assert fetch_error(news_server.url("/status/503"), policy) == "HTTP 503 Service Unavailable"
    assert news_server.count("/status/503") >= 2


def test_connection_refused(refused_url):
    assert fetch_error(refused_url) == "connection refused"


def test_a_server_that_never_answers_times_out(news_server):
    started = time.monotonic()
    assert (
        fetch_error(news_server.url("/slow-headers"), FetchPolicy(**{**FAST.__dict__, "timeout": 0.5}))
        == "timed out after 0.5 s"
    )
    assert time.monotonic() - started < 2


def test_a_server_trickling_bytes_meets_the_deadline(news_server):
    started = time.monotonic()
    assert (
        fetch_error(news_server.url("/trickle"), FetchPolicy(**{**FAST.__dict__, "timeout": 1.0}))
        == "timed out after 1 s"
    )
    assert time.monotonic() - started < 2.5


def test_a_page_over_the_size_limit_is_refused_while_reading(news_server):
    assert "larger than the 1,000,000-byte limit" in fetch_error(news_server.url("/huge"))


def test_a_page_declaring_a_size_over_the_limit_is_refused_before_reading(news_server):
    reason = fetch_error(news_server.url("/huge-declared"))
    assert reason == "page larger than the 1,000,000-byte limit (50,000,000 bytes)"


def test_empty_body(news_server):
    assert fetch_error(news_server.url("/empty")) == "empty response body"


@pytest.mark.parametrize(
    "path, words",
    [
        ("/pdf", "not an HTML page (Content-Type application/pdf)"),
        ("/pdf-as-html", "not an HTML page (a PDF document)"),
        ("/image.png", "not an HTML page (Content-Type image/png)"),
        ("/plain.txt", "not an HTML page (Content-Type text/plain)"),
        ("/plain-as-html", "not an HTML page (no HTML markup in the body)"),
    ],
)
def test_binary_and_non_html_bodies_are_refused(news_server, path, words):
    assert fetch_error(news_server.url(path)) == words


@pytest.mark.parametrize("path", ["/cp1252/wrong-charset", "/cp1252/no-charset"])
def test_windows_1252_bytes_are_decoded_whatever_the_charset_header_says(news_server, path):
    with Fetcher(FAST) as fetcher:
        page = fetcher.fetch(news_server.url(path))
    assert page.encoding == "cp1252"
    assert "ahli waris André Setiawan" in page.html
    assert "“Kami berharap" in page.html and "JEMBER – BPJS" in page.html
    assert "\ufffd" not in page.html


def test_robots_txt_disallow_is_honoured_and_can_be_overridden(news_server):
    url = news_server.url("/private/realita-gresik-pekerja-rentan.html")
    assert fetch_error(url) == "disallowed by the site's robots.txt (--ignore-robots to override)"
    assert news_server.count("/private/realita-gresik-pekerja-rentan.html") == 0
    with Fetcher(FetchPolicy(**{**FAST.__dict__, "respect_robots": False})) as fetcher:
        assert "GRESIK (Realita)" in fetcher.fetch(url).html


def test_requests_to_one_host_are_spaced_by_the_delay(news_server):
    with Fetcher(FetchPolicy(**{**FAST.__dict__, "delay": 0.3})) as fetcher:
        started = time.monotonic()
        fetcher.fetch(news_server.url("/news/jatimtimes-blitar-monev.html"))
        fetcher.fetch(news_server.url("/news/jatimtimes-trenggalek-kerja-sama.html"))
        elapsed = time.monotonic() - started
    # robots.txt, then two pages: two waits of 0.3 s
    assert elapsed >= 0.6


def test_the_user_agent_names_the_crawler(news_server):
    with Fetcher(FAST) as fetcher:
        fetcher.fetch(news_server.url(ARTICLE))
    assert any(agent.startswith(USER_AGENT_TOKEN + "/") for agent in news_server.user_agents)
    assert all(agent.startswith(USER_AGENT_TOKEN + "/") for agent in news_server.user_agents)


def test_fetched_pages_are_cached_and_never_fetched_twice(news_server, tmp_path):
    path = "/news/antara-surabaya-pekerja-rentan.html"
    cache = HtmlCache(tmp_path / "cache")
    with Fetcher(FAST, cache) as fetcher:
        first = fetcher.fetch(news_server.url(path))
    hits = news_server.count(path)
    with Fetcher(FAST, HtmlCache(tmp_path / "cache")) as fetcher:
        again = fetcher.fetch(news_server.url(path))
    assert news_server.count(path) == hits
    assert again.from_cache and not first.from_cache
    assert again.html == first.html and again.sha256 == first.sha256
    # content-addressed, compressed raw bytes and a JSON record per URL
    stored = tmp_path / "cache" / first.sha256[:2] / f"{first.sha256}.html.gz"
    assert gzip.decompress(stored.read_bytes()) == first.body
    records = list((tmp_path / "cache" / "urls").rglob("*.json"))
    record = json.loads(records[0].read_text())
    assert record["url"] == news_server.url(path) and record["status"] == 200
    assert record["sha256"] == first.sha256 and "content-type" in record["headers"]


def test_refetch_goes_to_the_server_again(news_server, tmp_path):
    path = "/news/beritajatim-blitar-santunan.html"
    with Fetcher(FAST, HtmlCache(tmp_path)) as fetcher:
        fetcher.fetch(news_server.url(path))
        hits = news_server.count(path)
        assert not fetcher.fetch(news_server.url(path), refetch=True).from_cache
    assert news_server.count(path) == hits + 1


def test_a_redirected_url_is_cached_under_its_final_url_too(news_server, tmp_path):
    cache = HtmlCache(tmp_path)
    with Fetcher(FAST, cache) as fetcher:
        fetcher.fetch(news_server.url("/moved"))
    assert cache.get(news_server.url(ARTICLE)) is not None


def test_a_damaged_cache_entry_is_fetched_again(news_server, tmp_path):
    cache = HtmlCache(tmp_path)
    path = "/news/timesindonesia-malang-santunan.html"
    with Fetcher(FAST, cache) as fetcher:
        page = fetcher.fetch(news_server.url(path))
    cache.body_path(page.sha256).write_bytes(b"not gzip")
    with Fetcher(FAST, cache) as fetcher:
        assert not fetcher.fetch(news_server.url(path)).from_cache


@pytest.mark.parametrize("url", ["ftp://example.com/x", "example.com/berita", "http://", "file:///etc/passwd"])
def test_only_http_urls_are_fetched(url):
    with pytest.raises(FetchError) as error:
        check_url(url)
    assert error.value.reason.startswith("not an http(s) URL")
