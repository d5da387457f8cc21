"""A small fake news site for the crawl tests, served by a real HTTP server on 127.0.0.1.

Written to a folder by the tests (pages in the layout of corpus/html, text
from extract.bench.news_site, written for this project) and served by
http.server, which logs every request path, so a test can check what was
and was never asked for. Its shape:

- robots.txt: `Disallow: /private/` and three `Sitemap:` lines (the index,
  a Google News sitemap, a broken sitemap);
- /sitemap_index.xml -> /sitemap-a.xml and /sitemap-b.xml.gz (gzip);
- /sitemap-news.xml: a Google News sitemap with <news:publication_date>;
- /sitemap-broken.xml: cut off in the middle of an entry;
- the home page links /rss.xml, /atom.xml and /feed-lama.xml (a 404);
- the feeds repeat sitemap URLs, the RSS feed with utm_ parameters;
- /private/ holds an article listed in a sitemap but disallowed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import threading
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from extract.bench.news_site import (
    FakeArticle,
    atom,
    home_page,
    make_articles,
    rss,
    sitemap_index,
    url_set,
    write_article,
)

NEWEST = dt.date(2025, 6, 30)
UTM = "?utm_source=rss&utm_medium=feed"


class FakeSite:
    def __init__(self, root: Path, base: str):
        self.root = root
        self.base = base
        self.requests: list[str] = []
        self.lock = threading.Lock()
        # eleven articles, one a day, newest first; three on the topic
        articles = make_articles(11, on_topic_share=3 / 11, seed=7)
        self.articles = [
            dataclasses.replace(a, published=NEWEST - dt.timedelta(days=i)) for i, a in enumerate(articles)
        ]
        private = make_articles(1, on_topic_share=1.0, seed=8)[0]
        self.private = dataclasses.replace(private, path="/private/1-internal.html", published=NEWEST)
        self.extra: list[FakeArticle] = []
        self.write()

    # what the tests check against
    @property
    def public(self) -> list[FakeArticle]:
        return self.articles + self.extra

    def on_topic(self, articles=None) -> list[FakeArticle]:
        return [a for a in (articles if articles is not None else self.public) if a.on_topic]

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(1 for p in self.requests if p.split("?")[0] == path)

    def article_requests(self) -> Counter[str]:
        with self.lock:
            return Counter(p.split("?")[0] for p in self.requests if p.startswith(("/berita/", "/private/")))

    def add_article(self) -> FakeArticle:
        """A new on-topic article, published the day after the others, in the RSS feed only."""
        new = make_articles(1, on_topic_share=1.0, seed=9)[0]
        new = dataclasses.replace(new, path="/berita/100-baru.html", published=NEWEST + dt.timedelta(days=1))
        self.extra.append(new)
        self.write()
        return new

    def write(self) -> None:
        a, base, root = self.articles, self.base, self.root
        for article in self.public + [self.private]:
            write_article(root, article)
        (root / "robots.txt").write_text(
            "User-agent: *\nDisallow: /private/\n"
            f"Sitemap: {base}/sitemap_index.xml\nSitemap: {base}/sitemap-news.xml\nSitemap: {base}/sitemap-broken.xml\n",
            encoding="utf-8",
        )
        (root / "sitemap_index.xml").write_text(
            sitemap_index(base, [("/sitemap-a.xml", a[0].published), ("/sitemap-b.xml.gz", a[4].published)]),
            encoding="utf-8",
        )
        (root / "sitemap-a.xml").write_text(url_set(base, a[0:4] + [self.private]), encoding="utf-8")
        (root / "sitemap-b.xml.gz").write_bytes(gzip.compress(url_set(base, a[4:8]).encode("utf-8")))
        (root / "sitemap-news.xml").write_text(url_set(base, a[0:2] + a[8:9], news=True), encoding="utf-8")
        broken = url_set(base, a[2:4])
        (root / "sitemap-broken.xml").write_text(broken[: broken.rindex("<loc>") + 5], encoding="utf-8")
        (root / "rss.xml").write_text(rss(base, self.extra + a[0:3] + a[9:10], extra_query=UTM), encoding="utf-8")
        (root / "atom.xml").write_text(atom(base, a[3:5] + a[10:11]), encoding="utf-8")
        feeds = [
            ("/rss.xml", "application/rss+xml"),
            ("/atom.xml", "application/atom+xml"),
            ("/feed-lama.xml", "application/rss+xml"),
        ]
        (root / "index.html").write_text(home_page(feeds, a[:5]), encoding="utf-8")


@pytest.fixture
def fake_site(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)
    host, port = server.server_address[:2]
    site = FakeSite(root, f"http://{host}:{port}")

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, *args):  # the log is kept in `site.requests`
            pass

        def send_head(self):
            with site.lock:
                site.requests.append(self.path)
            return super().send_head()

    server.RequestHandlerClass = partial(Handler, directory=str(root))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()
