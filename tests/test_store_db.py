import sqlite3

import pytest

from extract.model import Article, Provenance
from extract.store.db import article_id, fact_counts, load_article, open_db, save_article
from extract.urls import canonical_url
from extract.store.schema import migrations

from store_fixtures import make_article


@pytest.fixture
def db(tmp_path):
    # Regions come only from the articles here; the official list is tested below.
    database = open_db(tmp_path / "sub" / "extract.db", populate_regions=False)
    yield database
    database.close()


def test_open_db_creates_parent_dir_schema_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "deep" / "dir" / "x.db"
    db = open_db(path)
    assert path.exists()
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    expected = {
        "articles",
        "events",
        "event_parties",
        "event_officials",
        "officials",
        "official_mentions",
        "organisations",
        "payouts",
        "worker_counts",
        "percentages",
        "regulations",
        "regions",
        "mentions",
        "article_regions",
    }
    assert expected <= set(db.table_names())
    assert [m.name for m in migrations.pending(db)] == []
    # Events and articles are searchable.
    assert db.table("articles").detect_fts() == "articles_fts"
    assert db.table("events").detect_fts() == "events_fts"


def test_open_db_twice_is_harmless(tmp_path):
    path = tmp_path / "x.db"
    article, facts = make_article()
    aid = save_article(open_db(path), article, facts)
    db = open_db(path)
    assert db.table("articles").get(aid)["title"] == article.title


def test_article_id_is_stable_across_url_spellings():
    a = Article("https://www.jatimtimes.com/baca/1/x/?utm_source=fb#top", None, None, None, None, None, "t")
    b = Article("http://jatimtimes.com/baca/1/x", None, None, None, None, None, "other text")
    assert article_id(a) == article_id(b)
    assert len(article_id(a)) == 16
    assert canonical_url("https://Example.com/a?b=2&a=1") == "https://example.com/a?a=1&b=2"
    # Only tracking parameters go; a parameter that selects the article stays.
    assert canonical_url("https://x.test/read.php?id=7&ref=fb&amp=1") == "https://x.test/read.php?id=7"
    assert canonical_url("https://x.test/a?reference=3") == "https://x.test/a?reference=3"


def test_article_without_url_is_keyed_by_its_text():
    a = Article(None, None, None, None, None, None, "Satu teks.")
    b = Article(None, None, None, None, None, None, "Teks lain.")
    assert article_id(a) != article_id(b)
    assert article_id(a) == article_id(Article(None, None, "judul", None, None, None, "Satu teks."))


def test_save_article_stores_article_and_every_fact(db):
    article, facts = make_article()
    aid = save_article(db, article, facts)
    row = db.table("articles").get(aid)
    assert row["published_month"] == "2024-03" and row["published_year"] == 2024
    assert row["extractor_version"] == "test-1"
    assert fact_counts(db, aid) == {
        "event_parties": 3,
        "event_officials": 2,
        "events": 2,
        "official_mentions": 1,
        "payouts": 1,
        "worker_counts": 1,
        "percentages": 1,
        "regulations": 1,
        "article_regions": 1,
        "budgets": 0,
        "mentions": 3,
    }
    event = next(db.table("events").rows_where("type = ?", ["agreement_signing"]))
    assert article.text[event["span_start"] : event["span_end"]] == "menandatangani perjanjian kerja sama"
    assert event["month"] == "2024-03" and event["region_code"] == "35.05"
    payout = next(db.table("payouts").rows)
    assert payout["amount_idr"] == 42_000_000 and payout["month"] == "2024-03"
    region = db.table("regions").get("35.05")
    assert (region["name"], region["latitude"]) == ("Kabupaten Blitar", -8.13)
    assert db.table("officials").get("ahmad santoso")["position"] == "Bupati Blitar"
    assert {r["name"] for r in db.table("organisations").rows} == {
        "Pemerintah Kabupaten Blitar",
        "BPJS Ketenagakerjaan",
    }
    # Full-text search finds the article and its event.
    assert [r["id"] for r in db.table("articles").search("santunan")] == [aid]
    assert len(list(db.table("events").search("Pendopo"))) == 1


def test_saving_again_replaces_facts_instead_of_adding(db):
    article, facts = make_article()
    aid = save_article(db, article, facts)
    first = fact_counts(db, aid)
    facts.payouts = []
    facts.events = facts.events[:1]
    assert save_article(db, article, facts) == aid
    second = fact_counts(db, aid)
    assert second["payouts"] == 0 and second["events"] == 1
    assert second["official_mentions"] == first["official_mentions"]
    assert db.table("articles").count == 1
    # The organisation only the removed event mentioned is gone too.
    assert db.table("organisations").count == 2
    save_article(db, article, None)
    assert sum(fact_counts(db, aid).values()) == 0
    assert db.table("officials").count == 0


def test_same_official_across_articles_is_one_person(db):
    a1, f1 = make_article(1)
    a2, f2 = make_article(2, region=("35.72", "Kota Blitar", -8.1, 112.16))
    save_article(db, a1, f1)
    save_article(db, a2, f2)
    assert db.table("officials").count == 1
    assert db.table("official_mentions").count == 2
    assert db.table("regions").count == 2


def test_a_person_stays_while_another_article_still_mentions_them(db):
    a1, f1 = make_article(1)
    a2, f2 = make_article(2)
    save_article(db, a1, f1)
    save_article(db, a2, f2)
    f1.officials, f1.events = [], []
    save_article(db, a1, f1)
    assert db.table("officials").count == 1
    assert db.table("organisations").count > 0
    save_article(db, a2, None)
    assert db.table("officials").count == 0
    assert db.table("organisations").count == 0


def test_failed_save_leaves_previous_version_intact(db):
    article, facts = make_article()
    aid = save_article(db, article, facts)
    before = fact_counts(db, aid)
    facts.payouts[0].amount_idr = object()  # not storable: the insert fails mid-way
    with pytest.raises((sqlite3.Error, TypeError, ValueError)):
        save_article(db, article, facts)
    assert fact_counts(db, aid) == before
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_known_region_coordinates_are_not_overwritten(db):
    db.table("regions").insert(
        {"code": "35.05", "name": "Kabupaten Blitar", "province": "Jawa Timur", "latitude": -8.1, "longitude": 112.3}
    )
    article, facts = make_article()
    facts.regions[0].latitude = None
    save_article(db, article, facts)
    assert db.table("regions").get("35.05")["latitude"] == -8.1


def test_load_article_round_trips(db):
    article, facts = make_article()
    aid = save_article(db, article, facts)
    assert load_article(db, aid) == article


def test_event_region_unknown_elsewhere_still_satisfies_foreign_key(db):
    article, facts = make_article()
    facts.regions = []
    facts.events[0].region_code = "35.99"
    facts.events[0].region_name = "Kabupaten Contoh"
    save_article(db, article, facts)
    assert db.table("regions").get("35.99")["name"] == "Kabupaten Contoh"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_database_from_an_older_schema_upgrades_in_place(tmp_path):
    from sqlite_utils import Database

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m002_facts")
    old.table("articles").insert({"id": "abc", "url": "https://x.test/a", "text": "Teks lama."})
    old.close()

    db = open_db(path)
    assert [m.name for m in migrations.pending(db)] == []
    assert db.table("articles").get("abc")["text"] == "Teks lama."
    article, facts = make_article()
    aid = save_article(db, article, facts)
    assert fact_counts(db, aid)["events"] == 2


def test_stored_provenance_says_what_its_offsets_point_into(tmp_path):
    from sqlite_utils import Database

    # A database from before captions: the offsets it holds are into the text.
    path = tmp_path / "m003.db"
    old = Database(path)
    migrations.apply(old, stop_before="m004_captions_and_provenance_field")
    old.table("articles").insert({"id": "abc", "text": "Bupati Blitar Ahmad Santoso hadir."})
    old.table("officials").insert({"key": "ahmad santoso", "name": "Ahmad Santoso"})
    mentions = old.table("official_mentions")
    mentions.insert({"official_key": "ahmad santoso", "article_id": "abc", "seq": 0, "span_start": 14, "span_end": 27})
    mentions.insert({"official_key": "ahmad santoso", "article_id": "abc", "seq": 1})  # no provenance
    old.close()

    db = open_db(path, populate_regions=False)
    assert [r["field"] for r in db.table("official_mentions").rows_where(order_by="id")] == ["text", None]
    assert db.table("articles").get("abc")["captions"] is None  # not collected then
    assert load_article(db, "abc").captions == []

    # Now an official read from a caption says so, and the captions are kept.
    article, facts = make_article()
    article.captions = ["Bupati Blitar Ahmad Santoso menyerahkan santunan."]
    facts.officials[0].provenance.append(Provenance(article.captions[0], 0, 26, "test.caption", "test-1", "caption:0"))
    aid = save_article(db, article, facts)
    rows = db.table("official_mentions").rows_where("article_id = ?", [aid], order_by="id")
    assert [(r["field"], r["span_start"]) for r in rows] == [
        ("text", article.text.index("Ahmad Santoso")),
        ("caption:0", 0),
    ]
    assert load_article(db, aid).captions == article.captions


def test_events_keep_the_date_the_timeline_places_them_at(db):
    article, facts = make_article(published="2024-03-14")
    facts.events[0].date, facts.events[0].date_precision = "2024-03-10", "day"
    facts.events[1].date, facts.events[1].date_precision = None, None  # the article's date stands in
    aid = save_article(db, article, facts)
    rows = db.execute("select date, timeline_date from events where article_id = ? order by seq", [aid]).fetchall()
    assert rows == [("2024-03-10", "2024-03-10"), (None, "2024-03-14")]

    # Saved again with another publication date (as reprocess does): the stand-in follows it.
    article.published = "2024-03-15"
    aid = save_article(db, article, facts)
    rows = db.execute("select date, timeline_date from events where article_id = ? order by seq", [aid]).fetchall()
    assert rows == [("2024-03-10", "2024-03-10"), (None, "2024-03-15")]


def test_database_at_m004_gets_timeline_dates_and_their_index(tmp_path):
    from sqlite_utils import Database

    path = tmp_path / "m004.db"
    old = Database(path)
    migrations.apply(old, stop_before="m005_timeline_date")
    old.table("articles").insert_all(
        [{"id": "dated", "published": "2024-05-02"}, {"id": "undated", "published": None}], pk="id"
    )
    old.table("events").insert_all(
        [
            {"id": 1, "article_id": "dated", "seq": 0, "type": "meeting", "date": "2024-04-30"},
            {"id": 2, "article_id": "dated", "seq": 1, "type": "meeting", "date": None},
            {"id": 3, "article_id": "undated", "seq": 0, "type": "meeting", "date": "2023-01-09"},
            {"id": 4, "article_id": "undated", "seq": 1, "type": "meeting", "date": None},
        ],
        pk="id",
    )
    old.close()

    db = open_db(path, populate_regions=False)
    assert [m.name for m in migrations.pending(db)] == []
    assert db.execute("select id, timeline_date from events order by id").fetchall() == [
        (1, "2024-04-30"),
        (2, "2024-05-02"),
        (3, "2023-01-09"),
        (4, None),
    ]
    # The timeline's order (undated last, then date, then id) comes from the index, unsorted.
    sql = "select id from events order by timeline_date is null, timeline_date, id"
    assert [r[0] for r in db.execute(sql)] == [3, 1, 2, 4]
    plan = " | ".join(row[3] for row in db.execute("explain query plan " + sql))
    assert "idx_events_timeline" in plan and "TEMP B-TREE" not in plan


def test_regions_table_holds_the_official_list_with_coordinates(tmp_path):
    db = open_db(tmp_path / "x.db")
    assert db.table("regions").count > 500  # every regency and city of Indonesia
    blitar = db.table("regions").get("35.05")
    assert (blitar["name"], blitar["province"], blitar["source"]) == ("Kabupaten Blitar", "Jawa Timur", "kemendagri")
    assert abs(blitar["latitude"] - -8.1) < 0.3 and abs(blitar["longitude"] - 112.2) < 0.3
    assert db.table("regions").count_where("latitude is null or longitude is null") == 0
    # An article's own copy of a region never overrides the official row.
    article, facts = make_article(region=("35.05", "Kab. Blitar", 0.0, 0.0))
    save_article(db, article, facts)
    assert db.table("regions").get("35.05")["latitude"] == blitar["latitude"]
