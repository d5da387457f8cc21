"""The home, search, entity, chart and map pages: their queries on a database
built by the store (stories grouped by the story merger), and the pages
through Datasette's own client."""

import asyncio
import re
import sqlite3

import pytest
from store_fixtures import make_article, span

from extract.model import Official, Payout
from extract.publish import charts, entities, home, mapview
from extract.publish.app import make_datasette
from extract.publish.entries import payouts_per_year, story_entries
from extract.publish.formatting import (
    format_date_id,
    format_month_id,
    format_rupiah_short,
)
from extract.store.db import open_db, save_article

BLITAR = ("35.05", "Kabupaten Blitar", -8.13, 112.22)
MALANG = ("35.07", "Kabupaten Malang", -8.05, 112.6)


def second_official(article, facts, name="Dewi Lestari", position="Kepala Dinas Sosial"):
    """Adds a second official to an article's facts; the name is written into the text first."""
    article.text += f" Hadir pula {position} {name}."
    facts.officials.append(
        Official(name=name, position=position, key=name.lower(), provenance=[span(article.text, name)])
    )


def add_payout(article, facts, amount, kind, words):
    article.text += f" {words}."
    facts.payouts.append(
        Payout(
            amount_idr=amount,
            programs=["JKK"],
            kind=kind,
            region_code=facts.regions[0].code,
            provenance=span(article.text, words),
        )
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Two outlets report one signing and one hand-over in Blitar (one story each); a Malang article has a
    component and a programme-wide statistic beside its hand-over."""
    path = tmp_path_factory.mktemp("pages") / "berita-jatim.db"  # not "extract.db": served as "extract" anyway
    db = open_db(path, populate_regions=False)
    ids = {}
    first, facts = make_article(1, region=BLITAR, published="2024-03-14")
    second_official(first, facts)
    ids["first"] = save_article(db, first, facts)
    second, facts = make_article(2, region=BLITAR, published="2024-03-15")
    second.source = "other-outlet.test"
    second.url = "https://other-outlet.test/read/2"
    for event in facts.events:
        event.date = "2024-03-14"
    ids["second"] = save_article(db, second, facts)
    third, facts = make_article(3, region=MALANG, published="2025-01-20")
    add_payout(third, facts, 10_000_000, "component", "di antaranya Rp10 juta biaya pemakaman")
    add_payout(third, facts, 7_800_000_000_000, "statistic", "secara nasional Rp7,8 triliun telah dibayarkan")
    facts.events[0].parties = ["PT Kereta/Api Nusantara", "BPJS Ketenagakerjaan"]
    ids["third"] = save_article(db, third, facts)
    signings = [
        r[0]
        for r in db.execute(
            "select id from events where type = 'agreement_signing' and region_code = '35.05' order by id"
        ).fetchall()
    ]
    # The story merger (extract.store.stories) groups the two reports of the signing.
    stories = {
        r[0] for r in db.execute(f"select story_id from events where id in ({','.join(map(str, signings))})").fetchall()
    }
    assert len(stories) == 1
    ids["signing_story"] = stories.pop()
    db.conn.commit()
    db.close()
    conn = sqlite3.connect(path)
    yield conn, path, ids
    conn.close()


def test_a_story_reported_twice_is_one_entry_with_both_articles(built):
    conn, _, ids = built
    entries = story_entries(conn, "e.region_code = :code", {"code": "35.05"})
    stories = {e["type"]: e for e in entries if e["entry"] == "story"}
    assert set(stories) == {"agreement_signing", "benefit_payout"}  # one story each, both outlets in each
    story = stories["agreement_signing"]
    assert story["story_id"] == ids["signing_story"]
    assert story["title"] == "Perlindungan pekerja rentan di Kabupaten Blitar (1)"  # its first article's headline
    assert {a["id"] for a in story["articles"]} == {ids["first"], ids["second"]}
    assert story["sources"] == ["example-news.test", "other-outlet.test"]
    assert story["date_text"] == "Kamis, 14 Maret 2024"
    assert story["type_label"] == "Agreement signed"
    assert {a["id"] for a in stories["benefit_payout"]["articles"]} == {ids["first"], ids["second"]}
    assert not [e for e in entries if e["entry"] == "event"]  # every event is in a story
    assert [e["date"] for e in entries] == sorted((e["date"] for e in entries), reverse=True)


def test_money_views_count_handovers_only(built):
    conn, _, _ = built
    per_year = payouts_per_year(conn, "1", {})
    assert [(r["year"], r["payouts"], r["total_idr"]) for r in per_year] == [
        (2025, 1, 42_000_000),
        (2024, 1, 42_000_000),
    ]  # two reports of one hand-over
    assert per_year[1]["total_text"] == "Rp42.000.000"  # one hand-over that two outlets report


def test_official_page_data(built):
    conn, _, _ = built
    data = entities.official(conn, "ahmad santoso")
    assert data["official"]["name"] == "Ahmad Santoso"
    assert {p["position"] for p in data["positions"]} == {"Bupati Blitar", "Bupati Malang"}
    assert [o["key"] for o in data["officials"]] == ["dewi lestari"]  # never himself
    assert {o["name"] for o in data["organisations"]} >= {"BPJS Ketenagakerjaan", "Pemerintah Kabupaten Blitar"}
    assert [(p["year"], p["total_idr"]) for p in data["payouts"]] == [(2025, 42_000_000), (2024, 42_000_000)]
    assert len(data["articles"]) == 3
    assert entities.official(conn, "nobody at all") is None


def test_region_page_data(built):
    conn, _, _ = built
    data = entities.region(conn, "35.07")
    assert data["region"]["name"] == "Kabupaten Malang"
    assert [(p["year"], p["payouts"], p["total_idr"]) for p in data["payouts"]] == [(2025, 1, 42_000_000)]
    assert [o["key"] for o in data["officials"]] == ["ahmad santoso"]
    assert {f["value_text"] for f in data["figures"]} == {"1.200 workers", "45,5%"}
    assert entities.region(conn, "99.99") is None


def test_organisation_page_data(built):
    conn, _, _ = built
    data = entities.organisation(conn, "BPJS Ketenagakerjaan")
    assert [(r["name"], r["events"]) for r in data["regions"]] == [("Kabupaten Blitar", 4), ("Kabupaten Malang", 2)]
    names = [o["name"] for o in data["organisations"]]
    assert "BPJS Ketenagakerjaan" not in names and "PT Kereta/Api Nusantara" in names
    assert entities.organisation(conn, "No Such Body") is None


def test_home_figures_and_latest_stories(built):
    conn, _, _ = built
    figures = home.figures(conn)
    # Stories: the Blitar signing and hand-over (two reports each), the Malang signing and hand-over;
    # hand-overs: the Blitar one once, the Malang one (its component and statistic left out).
    assert (figures["articles"], figures["outlets"], figures["stories"], figures["payouts"]) == (3, 2, 4, 2)
    assert figures["loose_events"] == 0
    latest = home.latest_stories(conn, limit=2)
    assert [e["date"] for e in latest] == ["2025-01-20", "2025-01-20"]


def test_search_finds_articles_stories_and_officials_and_tolerates_syntax(built):
    conn, _, ids = built
    ids_signing = ids["signing_story"]
    found = home.search(conn, "Dewi")
    assert [o["key"] for o in found["officials"]] == ["dewi lestari"]
    found = home.search(conn, "Perlindungan")
    assert ids_signing in [s["story_id"] for s in found["stories"]]
    found = home.search(conn, "Pendopo Malang")
    assert len(found["articles"]) == 1
    assert [r["code"] for r in home.search(conn, "Blitar")["regions"]] == ["35.05"]
    for text in ('santunan" OR (', "NEAR(", '"', "*", "\x00", "santunan\x00x"):
        home.search(conn, text)  # no FTS syntax error


def test_month_range_includes_empty_months():
    assert charts.month_range("2023-11", "2024-02") == ["2023-11", "2023-12", "2024-01", "2024-02"]


def test_monthly_series_keeps_the_largest_groups_and_puts_the_rest_in_others():
    found = [{"month": "2024-01", "region": f"R{i}", "total_idr": 100 - i} for i in range(9)]
    found.append({"month": "2024-03", "region": "R0", "total_idr": 5})
    series = charts.monthly_series(found, "region", top=3)
    assert series.groups == ["R0", "R1", "R2", "others"]
    assert series.months == ["2024-01", "2024-02", "2024-03"]
    assert series.values["others"] == {"2024-01": sum(100 - i for i in range(3, 9))}
    assert series.total("2024-02") == 0
    # Seven groups fit: no "others" made of one group.
    assert "others" not in charts.monthly_series(found[:7], "region", top=6).groups


def test_stacked_bars_are_drawn_in_rupiah_with_every_month_labelled(built):
    conn, _, _ = built
    series = charts.monthly_chart_data(conn, charts.MONTHLY_CHARTS[1])
    assert series.months[0] == "2024-03" and series.months[-1] == "2025-01" and len(series.months) == 11
    svg = str(charts.stacked_bars_svg(series, "Payouts"))
    bars = re.findall(r'<rect class="bar" data-month="([^"]+)" data-group="([^"]+)"', svg)
    assert bars == [("2024-03", "Kabupaten Blitar"), ("2025-01", "Kabupaten Malang")]
    assert "Maret 2024, Kabupaten Blitar: Rp42.000.000" in svg
    assert "Rp7,8 triliun" not in svg  # the statistic is not a hand-over
    assert ">Jul 24<" in svg  # an empty month keeps its place
    assert re.search(r">Rp\d+ juta<", svg)


def test_workers_covered_by_region_takes_each_regions_latest_figure(built):
    conn, _, _ = built
    found = charts.coverage_data(conn)
    assert [(r["region"], r["workers"], r["date"]) for r in found] == [
        ("Kabupaten Blitar", 1200, "2024-03-15"),
        ("Kabupaten Malang", 1200, "2025-01-20"),
    ]


def test_vega_lite_spec_reads_the_query_json():
    spec = charts.vega_lite_spec(charts.MONTHLY_CHARTS[0], "/extract/payouts_per_month_by_programme.json?_shape=array")
    assert spec["data"]["url"].startswith("/extract/payouts_per_month_by_programme.json")
    assert spec["encoding"]["color"]["field"] == "programme"


def test_map_regions_count_stories_once(built):
    conn, _, _ = built
    regions = {r["code"]: r for r in mapview.map_regions(conn)}
    assert (
        regions["35.05"]["events"] == 4 and regions["35.05"]["stories"] == 2
    )  # a signing and a hand-over, two reports each
    assert regions["35.05"]["url"] == "/region/35.05"
    assert regions["35.05"]["paid_text"] == "Rp42.000.000"  # one hand-over, reported twice, counted once
    assert "<" not in str(mapview.json_for_script({"name": "</script><script>alert(1)</script>"}))


def test_indonesian_dates_and_amounts():
    assert format_date_id("2025-04-14") == "Senin, 14 April 2025"
    assert format_date_id("2024-05-01", "month") == "Mei 2024"
    assert format_month_id("2023-08") == "Agustus 2023"
    assert format_rupiah_short(7_800_000_000_000) == "Rp7,8 triliun"
    assert format_rupiah_short(42_000_000) == "Rp42 juta"
    assert format_rupiah_short(1_500_000_000) == "Rp1,5 miliar"


def get(ds, path):
    return asyncio.run(ds.client.get(path))


@pytest.fixture(scope="module")
def ds(built):
    return make_datasette(built[1])


def test_database_is_served_as_extract_whatever_the_file_is_called(ds):
    assert ds.get_database().name == "extract"
    assert get(ds, "/extract/timeline.json?_shape=array").status_code == 200
    assert get(ds, "/extract/stories").status_code == 200


def test_pages_answer_and_unknown_entities_are_404(ds):
    for path in (
        "/",
        "/-/search?q=santunan",
        "/official/ahmad+santoso",
        "/official/ahmad%20santoso",
        "/region/35.05",
        "/organisation/BPJS+Ketenagakerjaan",
        "/organisation/PT+Kereta~2FApi+Nusantara",
        "/-/charts",
        "/-/charts/payouts-by-region.vl.json",
        "/-/map",
        "/extract",
    ):
        assert get(ds, path).status_code == 200, path
    for path in ("/official/nobody", "/region/99.99", "/organisation/Nobody", "/-/charts/nothing.vl.json"):
        assert get(ds, path).status_code == 404, path


def test_every_link_of_an_entity_page_answers(ds):
    # The region's stored row among them: Datasette reads "35.05" as row 35
    # in format 05 unless the dot is tilde-encoded.
    for page in ("/region/35.05", "/official/ahmad+santoso", "/organisation/BPJS+Ketenagakerjaan"):
        links = set(re.findall(r'href="(/[^"#]*)"', get(ds, page).text))
        assert links, page
        for link in sorted(links):
            assert get(ds, link.replace("&amp;", "&")).status_code == 200, (page, link)


def test_home_page_links_to_everything(ds):
    html = get(ds, "/").text
    for link in (
        'href="/-/map"',
        'href="/-/charts"',
        'href="/-/feed"',
        'href="/timeline"',
        'href="/extract"',
        'href="/extract/payouts_per_month_by_region"',
        'action="/-/search"',
    ):
        assert link in html, link
    assert '<strong id="figure-stories">4</strong>' in html
    assert "Rp42.000.000" in html
    assert "<title>BPJS Ketenagakerjaan and local governments" in html


def test_entity_pages_link_to_each_other(ds, built):
    _, _, ids = built
    html = get(ds, "/official/ahmad+santoso").text
    assert 'href="/official/dewi+lestari"' in html
    assert 'href="/organisation/BPJS+Ketenagakerjaan"' in html
    assert 'href="/region/35.05"' in html
    assert f'href="/article/{ids["second"]}"' in html
    assert "reported by example-news.test, other-outlet.test" in html
    html = get(ds, "/organisation/BPJS+Ketenagakerjaan").text
    # "/" stays inside the segment, tilde-encoded as Datasette does (it redirects %2F there).
    assert 'href="/organisation/PT+Kereta~2FApi+Nusantara"' in html
    assert "<h1" in get(ds, "/organisation/PT+Kereta~2FApi+Nusantara").text


def test_article_page_links_officials_regions_and_parties(ds, built):
    _, _, ids = built
    html = get(ds, f"/article/{ids['first']}").text
    assert '<a class="official-link" href="/official/ahmad+santoso">Ahmad Santoso</a>' in html
    assert '<a class="region-link" href="/region/35.05">' in html
    assert '<a class="organisation-link" href="/organisation/Pemerintah+Kabupaten+Blitar">' in html


def test_table_cells_naming_an_entity_link_to_its_page(ds, built):
    _, _, ids = built
    assert 'href="/official/ahmad+santoso"' in get(ds, "/extract/official_mentions").text
    assert 'href="/region/35.05"' in get(ds, "/extract/events").text
    # A filtered table of payouts leads to the articles they were read from.
    html = get(ds, "/extract/payouts?year=2025&amount_idr__gt=1000000&kind__notin=component,statistic").text
    assert re.findall(r'href="/article/([0-9a-f]+)"', html) == [ids["third"]]


def test_search_page_escapes_what_is_typed(ds):
    html = get(ds, "/-/search?q=%3Cscript%3Ealert(1)%3C/script%3E").text
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_figures_follow_the_database_as_articles_are_added(tmp_path):
    path = tmp_path / "extract.db"
    db = open_db(path, populate_regions=False)
    save_article(db, *make_article(1))
    ds = make_datasette(path)
    assert '<strong id="figure-articles">1</strong>' in get(ds, "/").text
    assert '<strong id="figure-articles">1</strong>' in get(ds, "/").text  # computed once, the same
    save_article(db, *make_article(2, region=MALANG))
    html = get(ds, "/").text
    assert '<strong id="figure-articles">2</strong>' in html
    assert 'href="/region/35.07"' in get(ds, "/-/map").text
    db.close()
