"""`extract bench`: synthetic pages from the corpus, and the figures it reports.

No timing is asserted here: speed is what the benchmark measures, not what
a test can promise on a shared machine.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys

import lxml.html
import pytest
from click.testing import CliRunner

from extract.bench.machine import PeakRss
from extract.bench.synth import CORPUS_HTML, Template, east_java_names, synthesise, synthetic_page
from extract.cli import cli
from extract.ingest.cache import HtmlCache
from extract.ingest.charset import decode_html
from extract.ingest.html import canonical_url_of, extract_article


@pytest.fixture(scope="module")
def templates():
    """The corpus pages, with the person-name words given by hand (no model needed)."""
    pages = []
    for path in sorted(CORPUS_HTML.glob("*.html")):
        html, _ = decode_html(path.read_bytes())
        url = canonical_url_of(lxml.html.document_fromstring(html), None)
        pages.append(Template(path.stem, html, url, {"Venina", "Rini", "Syarifah"}))
    return pages


def test_synthetic_pages_are_distinct_articles_with_their_own_urls(templates, tmp_path):
    cache = HtmlCache(tmp_path / "cache")
    urls = synthesise(24, cache, templates=templates, seed=1)
    assert len(set(urls)) == 24
    texts = set()
    for url in urls:
        page = cache.get(url)
        assert page is not None, "each page is in the cache under its URL"
        article = extract_article(page.html, url)
        assert article.url == url
        assert len(article.text) > 500
        texts.add(article.text)
    assert len(texts) == 24, "no two synthetic articles have the same text"
    originals = {extract_article(t.html, t.url).text for t in templates}
    assert not texts & originals


def test_names_regions_and_numbers_are_varied_consistently(templates):
    monev = next(t for t in templates if t.name == "jatimtimes-blitar-monev")
    pool = [(0, p) for p in lxml.html.document_fromstring(monev.html).iter("p")]
    regions = east_java_names()
    _, html = synthetic_page(monev, 0, 7, pool, regions, random.Random(7))
    text = extract_article(html, None).text
    assert "Venina" not in text and "Syarifah" not in text
    assert "Rp111.000.000" not in text
    original_regions = {name for name in regions if name in extract_article(monev.html, None).text}
    new_regions = {name for name in regions if name in text}
    assert new_regions and new_regions != original_regions


def test_the_same_seed_gives_the_same_pages(templates, tmp_path):
    first = synthesise(5, HtmlCache(tmp_path / "a"), templates=templates, seed=3)
    second = synthesise(5, HtmlCache(tmp_path / "b"), templates=templates, seed=3)
    assert first == second
    assert [HtmlCache(tmp_path / "a").get(u).body for u in first] == [
        HtmlCache(tmp_path / "b").get(u).body for u in second
    ]


def test_peak_rss_counts_worker_processes():
    with PeakRss(interval=0.05) as rss:
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import time; x = bytearray(300 * 2**20); x[::4096] = b'1' * len(x[::4096]); time.sleep(1)",
            ],
            check=True,
        )
    assert rss.peak_mb >= 300


def test_bench_prints_its_figures_as_json_on_the_last_line(tmp_path):
    result = CliRunner().invoke(cli, ["bench", "--articles", "20", "--json", "--quiet", "--keep", str(tmp_path)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    for key in ("articles", "articles_per_s", "ratio_to_trafilatura", "peak_rss_mb", "stage_ms", "goals", "machine"):
        assert key in figures
    assert figures["articles"] == 20
    assert figures["stored"] == 20, figures.get("failures")
    assert set(figures["stage_ms"]) == {"read", "nlp", "facts", "store"}
    assert figures["peak_rss_mb"] > 0 and figures["articles_per_s"] > 0 and figures["ratio_to_trafilatura"] > 0
    assert "end to end / trafilatura alone" in result.stderr


def test_profile_goes_with_one_worker_only(tmp_path):
    result = CliRunner().invoke(
        cli, ["bench", "--articles", "5", "--workers", "2", "--profile", str(tmp_path / "p.html")]
    )
    assert result.exit_code == 2
    assert "--profile" in result.output
