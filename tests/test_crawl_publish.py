"""The /-/crawl page lists the last crawl runs of each site."""

import asyncio

from extract.crawl import state
from extract.publish.app import make_datasette
from extract.store.db import open_db


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def test_crawl_page_lists_the_last_runs_per_site_newest_first(tmp_path):
    path = tmp_path / "extract.db"
    db = open_db(path, populate_regions=False)
    for number in range(12):
        run = state.start_run(db, "kabarjatim.example")
        state.finish_run(
            db,
            run,
            {
                "found": 100 + number,
                "new": number,
                "fetched": number,
                "stored": 1,
                "off_topic": number - 1,
                "failed": 0,
            },
            "done",
        )
    other = state.start_run(db, "<b>berita</b>.example")
    state.finish_run(
        db, other, {"found": 7, "new": 7, "fetched": 3, "stored": 2, "off_topic": 1, "failed": 4}, "interrupted"
    )
    db.close()

    response = get(make_datasette(path), "/-/crawl")
    assert response.status_code == 200
    html = response.text
    # ten runs of the first site (its latest first), one of the other; names escaped
    assert html.count("<td>done</td>") == 10
    assert "<td>111</td>" in html and "<td>101</td>" not in html
    assert html.index("<td>111</td>") < html.index("<td>110</td>")
    assert "&lt;b&gt;berita&lt;/b&gt;.example" in html and "<b>berita</b>" not in html
    assert "<td>interrupted</td>" in html
    assert 'href="/-/crawl"' in get(make_datasette(path), "/").text


def test_crawl_page_of_a_database_never_crawled_says_so(tmp_path):
    path = tmp_path / "extract.db"
    open_db(path, populate_regions=False).close()
    html = get(make_datasette(path), "/-/crawl").text
    assert "No crawl yet" in html
