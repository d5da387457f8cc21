"""The database schema, as an ordered list of sqlite-utils migrations.

Every change to the schema is a new migration appended at the end, never an
edit to one already released, so that an existing database upgrades in place
(`open_db` applies whatever is pending). Each migration runs in a transaction
together with the record that it was applied.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from extract.fact_types import FACT_TYPES

migrations = Migrations("bpjs-extract")

# Provenance of a fact, as columns of the fact's own row, as m002 created
# them (released migrations never change).
_M002_PROVENANCE_COLUMNS = {
    "sentence": str,
    "span_start": int,
    "span_end": int,
    "rule": str,
    "extractor_version": str,
}
# ... and as they are now: m004 added `field`, what span_start/span_end point
# into ("text" for articles.text, "caption:<n>" for the n-th caption).
PROVENANCE_COLUMNS = {**_M002_PROVENANCE_COLUMNS, "field": str}

# Tables whose rows carried the provenance columns when m004 added `field`
# (tables made later create it with the others).
PROVENANCE_TABLES = (
    "article_regions",
    "events",
    "official_mentions",
    "payouts",
    "worker_counts",
    "percentages",
    "regulations",
)

# Tables holding one article's facts: each fact type's table after its child
# tables (extract/fact_types.py), so that deleting in this order never
# trips a foreign key, and the NER and rule mentions.
ARTICLE_FACT_TABLES = (
    *(table for fact_type in FACT_TYPES for table in (*(c for c, _ in fact_type.children), fact_type.table)),
    "mentions",
)


@migrations(name="m001_articles")
def m001_articles(db: Database) -> None:
    db["articles"].create(
        {
            "id": str,
            "url": str,
            "final_url": str,
            "source": str,
            "title": str,
            "published": str,
            "published_month": str,
            "published_year": int,
            "author": str,
            "editor": str,
            "text": str,
            "categories": str,  # JSON list
            "language": str,
            "html_sha256": str,
            "fetched_at": str,
            "extractor_version": str,
            "saved_at": str,
        },
        pk="id",
    )
    articles = db.table("articles")
    articles.create_index(["url"], unique=False)
    articles.create_index(["source"])
    articles.create_index(["published"])
    articles.create_index(["published_month"])
    articles.create_index(["published_year"])
    articles.create_index(["extractor_version"])
    articles.enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")


@migrations(name="m002_facts")
def m002_facts(db: Database) -> None:
    db["regions"].create(
        {
            "code": str,
            "name": str,
            "province": str,
            "latitude": float,
            "longitude": float,
        },
        pk="code",
    )
    db.table("regions").create_index(["name"])
    db.table("regions").create_index(["province"])

    db["organisations"].create({"name": str}, pk="name")
    db["officials"].create(
        {
            "key": str,
            "name": str,
            "position": str,  # as last written
            "organisation": str,
            "region_code": str,
            "titles": str,  # JSON list
        },
        pk="key",
        foreign_keys=[("region_code", "regions", "code")],
    )

    db["article_regions"].create(
        {
            "id": int,
            "article_id": str,
            "seq": int,
            "region_code": str,
            "region_name": str,
            "resolved_from": str,
            **_M002_PROVENANCE_COLUMNS,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("region_code", "regions", "code")],
    )

    db["events"].create(
        {
            "id": int,
            "article_id": str,
            "seq": int,
            "type": str,
            "date": str,
            "date_precision": str,
            "month": str,  # "YYYY-MM", for facets
            "year": int,
            "venue": str,
            "region_code": str,
            "region_name": str,
            "workers": int,
            "summary": str,
            **_M002_PROVENANCE_COLUMNS,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("region_code", "regions", "code")],
    )
    db["event_parties"].create(
        {"id": int, "event_id": int, "seq": int, "organisation": str},
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("organisation", "organisations", "name")],
    )
    db["event_officials"].create(
        {"id": int, "event_id": int, "seq": int, "official_key": str},
        pk="id",
        foreign_keys=[("event_id", "events", "id"), ("official_key", "officials", "key")],
    )
    db["official_mentions"].create(
        {
            "id": int,
            "official_key": str,
            "article_id": str,
            "seq": int,
            "name": str,
            "position": str,
            "titles": str,  # JSON list
            "organisation": str,
            "region_code": str,
            **_M002_PROVENANCE_COLUMNS,
        },
        pk="id",
        foreign_keys=[
            ("official_key", "officials", "key"),
            ("article_id", "articles", "id"),
            ("region_code", "regions", "code"),
        ],
    )
    db["payouts"].create(
        {
            "id": int,
            "article_id": str,
            "seq": int,
            "amount_idr": int,
            "beneficiary": str,
            "heir": str,
            "programs": str,  # JSON list
            "kind": str,
            "region_code": str,
            "date": str,  # of the payout event, else the article's publication
            "month": str,
            "year": int,
            **_M002_PROVENANCE_COLUMNS,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("region_code", "regions", "code")],
    )
    db["worker_counts"].create(
        {
            "id": int,
            "article_id": str,
            "seq": int,
            "value": int,
            "category": str,
            "region_code": str,  # the article's main region
            "date": str,
            "month": str,
            "year": int,
            **_M002_PROVENANCE_COLUMNS,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("region_code", "regions", "code")],
    )
    db["percentages"].create(
        {
            "id": int,
            "article_id": str,
            "seq": int,
            "value": float,
            "about": str,
            "measure": str,
            "region_code": str,  # the article's main region
            "date": str,
            "month": str,
            "year": int,
            **_M002_PROVENANCE_COLUMNS,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("region_code", "regions", "code")],
    )
    db["regulations"].create(
        {
            "id": int,
            "article_id": str,
            "seq": int,
            "kind": str,
            "number": str,
            "year": int,
            "title": str,
            **_M002_PROVENANCE_COLUMNS,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["mentions"].create(
        {
            "id": int,
            "article_id": str,
            "seq": int,
            "label": str,
            "text": str,
            "span_start": int,
            "span_end": int,
            "sentence_index": int,
            "source": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )

    # Every foreign key column is indexed (deletes and joins), and so is every
    # column the timeline and facets filter or sort on.
    indexes = {
        "article_regions": [["article_id"], ["region_code"]],
        "events": [["article_id"], ["date"], ["type"], ["region_code"], ["month"], ["year"], ["type", "date"]],
        "event_parties": [["event_id"], ["organisation"]],
        "event_officials": [["event_id"], ["official_key"]],
        "official_mentions": [["official_key"], ["article_id"], ["region_code"]],
        "officials": [["region_code"], ["name"]],
        "payouts": [["article_id"], ["region_code", "month"], ["month"], ["year"], ["date"]],
        "worker_counts": [["article_id"], ["region_code", "month"], ["category"]],
        "percentages": [["article_id"], ["region_code", "month"], ["measure"]],
        "regulations": [["article_id"], ["kind", "number", "year"]],
        "mentions": [["article_id"], ["label"]],
    }
    for table, column_sets in indexes.items():
        for columns in column_sets:
            db.table(table).create_index(columns)

    db.table("events").enable_fts(
        ["summary", "sentence", "venue", "region_name"], create_triggers=True, tokenize="unicode61"
    )


@migrations(name="m003_region_source_and_map_view")
def m003_region_source_and_map_view(db: Database) -> None:
    # "kemendagri" for rows from the official list, "article" for codes first
    # seen in an article before the list was loaded.
    db.table("regions").add_column("source", str)
    db.create_view(
        "events_map",
        """
        select
          e.id as event_id,
          e.type,
          coalesce(e.date, a.published) as date,
          e.month,
          r.code as region_code,
          r.name as region,
          r.province,
          r.latitude,
          r.longitude,
          e.summary,
          a.title as article_title,
          e.article_id
        from events e
        join articles a on a.id = e.article_id
        join regions r on r.code = e.region_code
        where r.latitude is not null and r.longitude is not null
        """,
    )


@migrations(name="m004_captions_and_provenance_field")
def m004_captions_and_provenance_field(db: Database) -> None:
    # Photo captions of HTML pages (JSON list), kept apart from the text.
    db.table("articles").add_column("captions", str)
    # Officials may be read from a caption: offsets then point into it.
    for table in PROVENANCE_TABLES:
        db.table(table).add_column("field", str)
        db.execute(f"update [{table}] set field = 'text' where span_start is not null")


@migrations(name="m005_timeline_date")
def m005_timeline_date(db: Database) -> None:
    # The date the timeline orders and filters events by: the event's own,
    # else its article's publication date. Stored rather than computed in the
    # query, so that the timeline reads events in date order from an index and
    # stops after one page, at any size.
    db.table("events").add_column("timeline_date", str)
    db.execute(
        "update events set timeline_date ="
        " coalesce(date, (select published from articles where articles.id = events.article_id))"
    )
    # Keyed on the timeline's ORDER BY (undated events last, then date, then
    # id); type and region_code ride along so that the timeline's filters are
    # checked in the index without reading the event rows.
    db.execute(
        "create index idx_events_timeline on events(timeline_date is null, timeline_date, id, type, region_code)"
    )


@migrations(name="m006_stories")
def m006_stories(db: Database) -> None:
    # A story is one real event as reported by one or more articles: the
    # events of several outlets that report the same signing or hand-over
    # point to one story, so that the timeline, feeds and totals count it once.
    db["stories"].create(
        {
            "id": int,
            "type": str,
            "date": str,
            "region_code": str,
            "title": str,
            "event_count": int,
            "article_count": int,
            "source_count": int,
            "first_published": str,
            "last_published": str,
        },
        pk="id",
    )
    db.table("stories").create_index(["date"])
    db.table("stories").create_index(["type", "date"])
    db.table("stories").create_index(["region_code", "date"])
    db.table("events").add_column("story_id", int)
    db.table("events").create_index(["story_id"])


@migrations(name="m010_http_links_and_plain_metadata")
def m010_http_links_and_plain_metadata(db: Database) -> None:
    # What save_article now stores (extract.store.clean), applied to rows
    # stored before: no link that is not http(s), no direction overrides.
    from extract.store.clean import DIRECTION_CONTROLS

    for column in ("url", "final_url"):
        db.execute(
            f"update articles set [{column}] = null where [{column}] is not null"
            f" and not ([{column}] like 'http://_%' or [{column}] like 'https://_%')"
        )
    for column in ("source", "title", "author", "editor", "categories"):
        stripped = f"[{column}]"
        for char in DIRECTION_CONTROLS:
            stripped = f"replace({stripped}, char({ord(char)}), '')"
        db.execute(f"update articles set [{column}] = {stripped} where [{column}] is not null")


@migrations(name="m010_original_url")
def m010_original_url(db: Database) -> None:
    # articles.url is stored without tracking parameters (utm_*, fbclid ...);
    # the address as given is kept here. Rows stored before keep theirs in both.
    db.table("articles").add_column("original_url", str)
    db.execute("update articles set original_url = url")


@migrations(name="m020_crawl")
def m020_crawl(db: Database) -> None:
    # extract crawl: every article URL found in a site's feeds and sitemaps,
    # keyed by its canonical form, so that a later crawl fetches only new ones;
    # `status` says what became of it (stored, off-topic, failed, disallowed,
    # duplicate) and `reason` why.
    db["crawl_urls"].create(
        {
            "url": str,
            "fetch_url": str,
            "site": str,
            "found_in": str,
            "published": str,
            "first_seen": str,
            "last_seen": str,
            "status": str,
            "reason": str,
            "article_id": str,
            "attempts": int,
            "run_id": int,
        },
        pk="url",
    )
    db.table("crawl_urls").create_index(["site", "status"])
    # One row per site per crawl, for the site's "what came in" page.
    db["crawl_runs"].create(
        {
            "id": int,
            "site": str,
            "started": str,
            "finished": str,
            "status": str,
            "found": int,
            "new": int,
            "fetched": int,
            "stored": int,
            "off_topic": int,
            "failed": int,
        },
        pk="id",
    )
    db.table("crawl_runs").create_index(["site", "started"])


@migrations(name="m030_story_timeline")
def m030_story_timeline(db: Database) -> None:
    # What the timeline of stories shows and filters on, kept on the story
    # row: its year, the programmes its payouts name (JSON list) and the sites
    # that reported it ("jatimtimes.com; realita.co").
    db.table("stories").add_column("year", int)
    db.table("stories").add_column("programmes", str)
    db.table("stories").add_column("sources", str)
    # The story a payout belongs to, for the amount filter.
    db.table("payouts").add_column("story_id", int)
    db.execute("create index idx_payouts_story on payouts(story_id, kind, amount_idr)")
    # Stories read in either timeline order from an index (undated last), with
    # type and region checked inside it, as events are (m005).
    db.execute("create index idx_stories_newest on stories(date is null, date desc, id desc, type, region_code)")
    db.execute("create index idx_stories_oldest on stories(date is null, date, id, type, region_code)")
    db.execute("create index idx_stories_year on stories(year)")
    # The merger looks up the events of one type around a date.
    db.execute("create index idx_events_type_timeline on events(type, timeline_date, region_code)")
    # Setting an event's story_id must not re-index its text: the full-text
    # trigger sqlite-utils made fires on any update, so it fires now only
    # when an indexed column changes.
    db.execute("drop trigger if exists events_au")
    db.execute(
        'create trigger "events_au" after update of "summary", "sentence", "venue", "region_name" on "events" begin'
        ' insert into "events_fts" ("events_fts", rowid, "summary", "sentence", "venue", "region_name")'
        ' values(\'delete\', old.rowid, old."summary", old."sentence", old."venue", old."region_name");'
        ' insert into "events_fts" (rowid, "summary", "sentence", "venue", "region_name")'
        ' values (new.rowid, new."summary", new."sentence", new."venue", new."region_name");'
        " end"
    )


@migrations(name="m031_handovers_view")
def m031_handovers_view(db: Database) -> None:
    # Money handed over, each hand-over once: parts of a stated total and
    # programme-wide statistics left out, and a hand-over that several
    # articles of one story report counted from its first report only. Within
    # one article, equal amounts to unnamed heirs ("masing-masing") stay one
    # row each (nth), and so they do across reports.
    db.create_view(
        "handovers",
        """
        with ranked as (
          select p.*,
            row_number() over (partition by p.article_id, p.amount_idr, coalesce(p.beneficiary, '') order by p.id) as nth
          from payouts p
          where coalesce(p.kind, 'single') not in ('component', 'statistic') and p.amount_idr is not null
        ),
        reports as (
          select ranked.*,
            row_number() over (
              partition by coalesce(story_id, -id), amount_idr, coalesce(beneficiary, ''), nth order by id
            ) as report
          from ranked
        )
        select * from reports where report = 1
        """,
    )


@migrations(name="m040_budgets")
def m040_budgets(db: Database) -> None:
    # Money set aside for a purpose (extract/facts/budgets.py): amount, funding
    # source, purpose and year as the article states them; region_code is the
    # article's main region. Not payouts: nobody has received it.
    db["budgets"].create(
        {
            "id": int,
            "article_id": str,
            "seq": int,
            "amount_idr": int,
            "source": str,  # canonical: APBD, APBD Provinsi, APBDes/Dana Desa, APBN, DBHCHT, CSR ...
            "purpose": str,
            "year": int,
            "region_code": str,
            **PROVENANCE_COLUMNS,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("region_code", "regions", "code")],
    )
    for columns in (["article_id"], ["source"], ["year"], ["region_code"]):
        db.table("budgets").create_index(columns)


@migrations(name="m043_story_reports")
def m043_story_reports(db: Database) -> None:
    # An article in which no event was found (no dated signing or hand-over,
    # only statements) can still report a story: it is linked to the story
    # it shares most figures and names with (extract/store/story_reports.py).
    db["story_reports"].create(
        {"article_id": str, "story_id": int, "points": int},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("story_reports").create_index(["story_id"])
    # The articles of each story, whether through their events or as reports:
    # one place for the pages that list a story's sources. UNION ALL (a
    # report's link is never to a story of its own events) lets SQLite take
    # a filter on story_id or article_id into both halves and their indexes.
    db.create_view(
        "story_articles",
        """
        select distinct story_id, article_id from events where story_id is not null
        union all select story_id, article_id from story_reports
        """,
    )
    # Reports are found by the figures they share with other articles.
    db.execute("create index idx_worker_counts_value on worker_counts(value)")
    db.execute("create index idx_percentages_value on percentages(value)")
    db.execute("create index idx_payouts_amount on payouts(amount_idr)")
    db.execute("create index idx_events_workers on events(workers)")


def apply_migrations(db: Database) -> list[str]:
    """Apply pending migrations; return the names of those applied."""
    pending = [m.name for m in migrations.pending(db)]
    migrations.apply(db)
    return pending
