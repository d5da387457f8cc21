"""The launch/inspection event type, added as one record of events.yaml: a
programme launched, a spot check (sidak) or a monitoring visit (monev)
reported as a happening is an event of type launch_inspection, dated, stored
and shown on the site with its label. A programme named as launched some time
ago, or a launch still to come, is none. Texts are written for the test."""

import asyncio

import pytest

from extract.facts import extract_facts
from extract.model import Article
from extract.publish.app import make_datasette
from extract.store.db import open_db, save_article

LAUNCH = (
    "Pemerintah Kabupaten Lumajang meluncurkan program perlindungan bagi petani tebu di Pendopo Arya Wiraraja, "
    "Senin (20/5/2024).\n"
    "Pada kesempatan itu, Bupati menyerahkan santunan kematian kepada dua keluarga petani."
)


def facts_of(text: str, published: str | None = "2024-05-24"):
    article = Article(url=None, source=None, title="Uji", published=published, author=None, editor=None, text=text)
    return extract_facts(article)


def launches(facts) -> list[tuple[str | None, str | None]]:
    return [(e.date, e.venue) for e in facts.events if e.type == "launch_inspection"]


def test_a_dated_launch_is_an_event_with_its_day_venue_and_summary():
    facts = facts_of(LAUNCH)
    assert launches(facts) == [("2024-05-20", "Pendopo Arya Wiraraja")]
    launch = next(e for e in facts.events if e.type == "launch_inspection")
    assert launch.summary == "Peluncuran atau sidak di Pendopo Arya Wiraraja (2024-05-20)"
    assert LAUNCH[launch.provenance.start : launch.provenance.end].startswith("meluncurkan")
    assert launch.provenance.rule == "events.launch_inspection"
    # the hand-over on the same occasion is an event of its own, that day
    assert [(e.type, e.date) for e in facts.events] == [
        ("launch_inspection", "2024-05-20"),
        ("benefit_payout", "2024-05-20"),
    ]
    assert facts.to_gold()["event_dates"] == ["2024-05-20"]


def test_a_spot_check_and_a_monitoring_visit_are_dated_by_their_sentence():
    sidak = facts_of("Komisi B DPRD Kota Malang menggelar sidak ke gudang beras Bulog, Rabu (22/5/2024).")
    assert launches(sidak) == [("2024-05-22", None)]
    monev = facts_of("Monitoring dan evaluasi program jaminan sosial bagi nelayan berlangsung Selasa (21/5/2024).")
    assert [e.date for e in monev.events if e.type == "launch_inspection"] == ["2024-05-21"]


def test_a_gathering_said_to_be_held_gives_the_monitoring_visit_its_day():
    facts = facts_of(
        "Wakil Bupati membuka kegiatan monev perlindungan pekerja rentan di Aula Dinas Sosial.\n"
        "Kegiatan yang berlangsung pada Kamis (23/5/2024) itu diikuti para kepala desa."
    )
    assert [(e.type, e.date) for e in facts.events] == [("launch_inspection", "2024-05-23")]


@pytest.mark.parametrize(
    "text",
    [
        # a programme named as launched, not a launch reported
        "Program yang diluncurkan tahun lalu itu kini menjangkau 3.000 nelayan.",
        # planned
        "Pemkab akan meluncurkan program serupa bagi buruh tani pada Senin (10/6/2024).",
        "Peluncuran program itu dijadwalkan pada Senin (10/6/2024).",
        # an undated mention that reports no happening
        "Hasil monev menunjukkan sebagian besar desa sudah mendaftarkan perangkatnya.",
        "Sidak semacam itu perlu dilakukan secara rutin.",
    ],
)
def test_a_launch_or_check_that_is_not_reported_as_happening_is_no_event(text):
    facts = facts_of(text)
    assert launches(facts) == []
    assert facts.to_gold()["event_dates"] == []


def test_the_site_shows_the_launch_with_its_label(tmp_path):
    path = tmp_path / "extract.db"
    db = open_db(path, populate_regions=False)
    article = Article(
        url="https://www.example-news.test/berita/peluncuran",
        source="example-news.test",
        title="Petani tebu Lumajang terlindungi",
        published="2024-05-24",
        author=None,
        editor=None,
        text=LAUNCH,
    )
    save_article(db, article, extract_facts(article))
    stored = db.execute("select type, date, story_id from events where type = 'launch_inspection'").fetchall()
    db.close()
    assert [(t, d) for t, d, _ in stored] == [("launch_inspection", "2024-05-20")]
    story_id = stored[0][2]
    ds = make_datasette(path)

    def page(url: str) -> str:
        response = asyncio.run(ds.client.get(url))
        assert response.status_code == 200, url
        return response.text

    label = "Launch or inspection"
    assert '<option value="launch_inspection"' in page("/events")
    assert label in page("/events?type=launch_inspection")
    assert label in page("/timeline")  # the stories' type filter
    assert label in page(f"/story/{story_id}")
    assert label in page("/-/feed?type=launch_inspection")
