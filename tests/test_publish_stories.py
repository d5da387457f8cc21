"""The timeline of stories as a journalist uses it: one row per happening, newest
first, Indonesian dates, who reported it, filters, and a CSV/JSON of what is shown."""

import asyncio
import csv
import io
import re

import pytest

from extract.publish.app import make_datasette
from extract.publish.story_query import StoryFilters

import stories_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("stories") / "extract.db"
    ids = stories_site.build(path)
    return make_datasette(path), ids


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def shown(html: str) -> list[tuple[str, str]]:
    """(date as written, type label) of each story on a timeline page, in order."""
    return re.findall(r'<time datetime="[^"]*">([^<]*)</time>\s*<span class="story-type">([^<]*)</span>', html)


def test_each_happening_is_one_row_newest_first_with_indonesian_dates(site):
    ds, _ = site
    html = get(ds, "/timeline").text
    assert shown(html) == [
        ("Senin, 10 Juni 2024", "Benefit paid"),
        ("Senin, 10 Juni 2024", "Agreement signed"),
        ("Kamis, 14 Maret 2024", "Benefit paid"),
        ("Kamis, 14 Maret 2024", "Agreement signed"),
        ("Rabu, 1 Februari 2023", "Benefit paid"),
        ("Rabu, 1 Februari 2023", "Agreement signed"),
    ]
    assert '<span id="story-count">6</span> stories' in html
    oldest = get(ds, "/timeline?sort=oldest").text
    assert [d for d, _ in shown(oldest)] == [d for d, _ in reversed(shown(html))]
    assert 'id="sort-switch" href="/timeline">newest first' in oldest


def test_a_story_reported_by_three_outlets_names_two_and_counts_the_rest(site):
    ds, ids = site
    html = get(ds, "/timeline?type=agreement_signing&region=35.05").text
    sources = re.search(r'<p class="story-sources">(.*?)</p>', html, re.S).group(1)
    text = re.sub(r"<[^>]+>", "", sources)
    assert " ".join(text.split()) == "reported by jatimtimes.com, realita.co, +1"
    assert f'href="/article/{ids["jatimtimes.com"]}"' in sources
    story_page = re.search(r'class="story-more" href="(/story/\d+)"', sources).group(1)
    page = get(ds, story_page).text
    assert "Reported by 3 sources" in page
    for outlet in stories_site.BLITAR_OUTLETS:
        assert f'<span class="story-source">{outlet}</span>' in page


def test_officials_regions_and_parties_link_to_their_pages(site):
    ds, _ = site
    html = get(ds, "/timeline?region=35.05&type=agreement_signing").text
    assert '<a class="story-region" href="/region/35.05">Kabupaten Blitar</a>' in html
    assert '<a href="/official/ahmad%20santoso">Ahmad Santoso</a>' in html
    assert '<a href="/organisation/Pemerintah%20Kabupaten%20Blitar">Pemerintah Kabupaten Blitar</a>' in html


def test_amount_filter_counts_hand_overs_unless_asked_for_every_kind(site):
    ds, _ = site
    # "Santunan over Rp 100 juta in 2024": the Malang hand-over of Rp150 juta.
    html = get(ds, "/timeline?amount_min=100+juta&year=2024").text
    assert shown(html) == [("Senin, 10 Juni 2024", "Benefit paid")]
    assert "Rp150.000.000" in html and "Rp200.000.000" not in html
    # The Rp200 juta is a stated total, not a hand-over: over Rp180 juta finds
    # nothing until every kind of amount is asked for.
    assert shown(get(ds, "/timeline?amount_min=180000000").text) == []
    every = get(ds, "/timeline?amount_min=180000000&money=all").text
    assert shown(every) == [("Senin, 10 Juni 2024", "Benefit paid")]
    assert "Rp200.000.000" in every
    assert len(shown(get(ds, "/timeline?amount_min=1+juta&amount_max=50+juta").text)) == 2  # the Rp42 juta ones


@pytest.mark.parametrize(
    "query, expected",
    [
        ("year=2023", 2),
        ("region=35.72", 2),
        ("region=Malang", 2),
        ("type=benefit_payout", 3),
        ("programme=JKK", 1),
        ("programme=JKM", 3),  # Malang's stated total names JKM too
        ("q=Inpres", 6),
        ("q=Hartono", 2),
        ("q=tidakadakatasemacamini", 0),
    ],
)
def test_filters(site, query, expected):
    ds, _ = site
    assert len(shown(get(ds, f"/timeline?{query}").text)) == expected


def test_csv_and_json_give_exactly_what_is_shown(site):
    ds, _ = site
    html = get(ds, "/timeline?year=2024&sort=oldest").text
    ids = re.findall(r'data-story-id="(\d+)"', html)
    csv_link = re.search(r'id="export-csv" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    json_link = re.search(r'id="export-json" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert csv_link == "/timeline.csv?year=2024&sort=oldest"
    rows = list(csv.DictReader(io.StringIO(get(ds, csv_link).text)))
    assert [r["story_id"] for r in rows] == ids
    data = get(ds, json_link).json()
    assert [str(r["story_id"]) for r in data] == ids
    assert data[0]["sources"] == "jatimtimes.com; realita.co; timesindonesia.co.id"
    assert data[0]["date"] == "2024-03-14"


def test_bad_filter_values_are_ignored_not_errors(site):
    ds, _ = site
    for query in ("year=abc", "sort=sideways", "amount_min=banyak", "page=-3", "q=%22unclosed"):
        assert get(ds, f"/timeline?{query}").status_code == 200
    assert get(ds, "/story/99999").status_code == 404


def test_filters_read_amounts_as_journalists_type_them():
    assert StoryFilters.from_args({"amount_min": "100 juta"}).amount_bounds() == (100_000_000, None)
    assert StoryFilters.from_args({"amount_max": "Rp1,5 miliar"}).amount_bounds() == (None, 1_500_000_000)
    assert StoryFilters.from_args({"amount_min": "100.000.000"}).amount_bounds() == (100_000_000, None)
    assert StoryFilters.from_args({"money": "everything", "sort": "x"}).args() == {}


@pytest.mark.parametrize(
    "iso, precision, written",
    [
        ("2025-04-14", "day", "Senin, 14 April 2025"),
        ("2024-08-17", None, "Sabtu, 17 Agustus 2024"),
        ("2024-05", "month", "Mei 2024"),
        ("2024-05-01", "month", "Mei 2024"),
        ("2023", "year", "2023"),
        (None, "day", ""),
    ],
)
def test_dates_are_written_the_indonesian_way(iso, precision, written):
    from extract.normalize.written import format_tanggal

    assert format_tanggal(iso, precision) == written


@pytest.mark.parametrize("words", ["Inpres", "Hartono", "santunan", "tidakadakatasemacamini"])
def test_broad_and_narrow_words_find_the_same_stories(tmp_path, words):
    # Words in many articles are checked story by story, rare ones from the
    # list of matches: two plans, one answer.
    import sqlite3

    from datasette.utils import escape_fts

    from extract.publish.story_query import story_sql

    path = tmp_path / "x.db"
    stories_site.build(path)
    conn = sqlite3.connect(path)
    conn.create_function("escape_fts", 1, escape_fts)
    filters = StoryFilters.from_args({"q": words})
    found = [conn.execute(*story_sql(filters, broad_words=broad)).fetchall() for broad in (False, True)]
    assert found[0] == found[1]


@pytest.mark.parametrize("broad", [False, True])
def test_a_report_with_no_event_is_a_source_of_its_story_and_its_words_find_it(tmp_path, broad):
    # A second outlet in which no event was found, sharing the first's count
    # of workers, Bupati and regency the next day: the timeline lists it
    # among the story's sources, and a word only it uses finds the story.
    import sqlite3

    from datasette.utils import escape_fts

    from extract.publish.story_query import story_sql
    from extract.store.db import open_db, save_article

    path = tmp_path / "x.db"
    db = open_db(path, populate_regions=False)
    save_article(db, *stories_site.outlet(1, "jatimtimes.com", published="2024-03-14"))
    article, facts = stories_site.outlet(
        2, "kabarblitar.test", published="2024-03-15", extra_text="Warga Desa Wulungsari ikut hadir."
    )
    facts.events = []
    save_article(db, article, facts)
    db.close()
    conn = sqlite3.connect(path)
    conn.create_function("escape_fts", 1, escape_fts)
    found = conn.execute(*story_sql(StoryFilters.from_args({"q": "Wulungsari"}), broad_words=broad)).fetchall()
    assert len(found) == 1
    html = get(make_datasette(path), "/timeline?q=Wulungsari").text
    assert "kabarblitar.test" in html and "jatimtimes.com" in html
