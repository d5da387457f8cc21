"""The bundled corpus, run through the real pipeline, published: every page answers with content."""

import asyncio
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from extract.pipeline import run_sources
from extract.publish.app import make_datasette
from extract.publish.metadata import canned_query_names

CORPUS = Path(__file__).parent.parent / "corpus" / "html"


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    db_path = tmp_path_factory.mktemp("corpus") / "extract.db"
    report = run_sources([str(CORPUS)], db_path)
    assert not report.failed and len(report.stored) == len(list(CORPUS.glob("*.html"))), report.summary()
    return make_datasette(db_path)


def get(ds, path):
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, (path, response.text[:300])
    return response


def test_every_corpus_article_has_a_page_with_highlights(corpus_site):
    articles = get(corpus_site, "/extract/articles.json?_shape=array&_col=title").json()
    assert len(articles) == len(list(CORPUS.glob("*.html")))
    for article in articles:
        html = get(corpus_site, f"/article/{article['id']}").text
        assert '<mark class="hl' in html, article["title"]


def test_timeline_map_chart_and_feed_answer_with_corpus_events(corpus_site):
    events = get(corpus_site, "/extract/timeline.json?_shape=array").json()
    assert events
    assert get(corpus_site, "/events").text.count('class="timeline-event ') == min(len(events), 100)
    points = get(corpus_site, "/extract/events_map.json?_shape=array").json()
    assert points and all(p["latitude"] and p["longitude"] for p in points)
    assert get(corpus_site, "/extract/events_per_month.json?_shape=array").json()
    feed = ET.fromstring(get(corpus_site, "/extract/newest_events.atom").text)
    assert feed.findall("{http://www.w3.org/2005/Atom}entry")


def test_every_canned_query_answers_on_the_corpus(corpus_site):
    for name in canned_query_names():
        get(corpus_site, f"/extract/{name}")
        get(corpus_site, f"/extract/{name}.json")
