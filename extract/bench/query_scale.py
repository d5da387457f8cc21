"""Query speed at scale: a synthetic database of 1M events, timed through Datasette.

`build_synthetic_db` fills a database created by the store's own schema
(`open_db`, every migration, index, FTS table and trigger) with synthetic
articles and events, inserted in bulk with sqlite-utils `insert_all`.
`time_queries` then asks Datasette's internal client (`datasette.client.get`,
the same code path as an HTTP request, without the socket) for the timeline
canned query, a facet and full-text searches, and keeps the median of
several warm runs beside the first (cold) one.

The text is generated from a small vocabulary written for this benchmark;
the figures (types, dates, regions, amounts) are drawn at random with a
fixed seed, so two builds of the same size are identical.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import io
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

GOAL_MS = 100.0

EVENT_TYPES = (  # type, share of events
    ("benefit_payout", 0.35),
    ("agreement_signing", 0.20),
    ("meeting", 0.20),
    ("statement", 0.15),
    ("award", 0.10),
)
SOURCES = (
    "jatimtimes.com",
    "realita.co",
    "timesindonesia.co.id",
    "beritajatim.com",
    "jatim.antaranews.com",
    "radarmadiun.test",
)
ORGANISATIONS = (
    "BPJS Ketenagakerjaan",
    "Dinas Tenaga Kerja",
    "Dinas Sosial",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Asosiasi Kepala Desa",
    "Badan Amil Zakat Nasional",
    "Kantor Kementerian Agama",
)
VENUES = (
    "Pendopo Kabupaten",
    "Balai Kota",
    "Gedung DPRD",
    "Kantor Cabang BPJS Ketenagakerjaan",
    "Aula Kecamatan",
    "Hotel",
)
# Sentences written for this benchmark: plausible news wording, no real article's.
SENTENCE_TEMPLATES = {
    "benefit_payout": (
        "BPJS Ketenagakerjaan menyerahkan santunan jaminan kematian sebesar Rp{amount} kepada ahli waris pekerja di {region}.",
        "Ahli waris peserta yang meninggal dunia di {region} menerima manfaat JKM dan beasiswa pendidikan anak senilai Rp{amount}.",
        "Santunan kecelakaan kerja sebesar Rp{amount} diberikan kepada keluarga pekerja rentan asal {region}.",
    ),
    "agreement_signing": (
        "Pemerintah {region} dan BPJS Ketenagakerjaan menandatangani perjanjian kerja sama perlindungan {workers} pekerja rentan.",
        "Nota kesepahaman tentang jaminan sosial bagi {workers} perangkat desa di {region} diteken di {venue}.",
    ),
    "meeting": (
        "Rapat koordinasi monitoring dan evaluasi program jaminan sosial ketenagakerjaan digelar di {venue} {region}.",
        "Sosialisasi perlindungan pekerja bukan penerima upah berlangsung di {venue} dan diikuti kepala desa se-{region}.",
    ),
    "statement": (
        "Cakupan kepesertaan pekerja di {region} baru mencapai {percent} persen dari seluruh angkatan kerja.",
        "Kepala dinas menyebut masih ada {workers} pekerja di {region} yang belum terlindungi.",
    ),
    "award": ("Pemerintah {region} menerima penghargaan Paritrana atas komitmen perlindungan pekerja rentan.",),
}
FILLER = (
    "Program ini diharapkan menjangkau pedagang kecil, nelayan, petani dan pengemudi ojek.",
    "Iuran peserta dibayarkan melalui anggaran daerah selama dua belas bulan.",
    "Pihaknya akan terus mendorong pelaku usaha mendaftarkan pekerjanya.",
    "Kegiatan dihadiri camat, kepala desa dan perwakilan organisasi perangkat daerah.",
    "Menurutnya, perlindungan jaminan sosial menjadi kebutuhan dasar setiap pekerja.",
)


@dataclass
class BuildReport:
    path: str
    events: int
    articles: int
    seconds: float
    size_mb: float


@dataclass
class QueryTiming:
    name: str
    path: str
    goal: bool  # one of the timings with a goal
    rows: int
    first_ms: float
    median_ms: float
    status: int
    note: str = ""

    @property
    def meets_goal(self) -> bool | None:
        if not self.goal:
            return None
        return self.status == 200 and self.median_ms <= GOAL_MS


@dataclass
class QueryBench:
    build: BuildReport | None
    timings: list[QueryTiming] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "build": asdict(self.build) if self.build else None,
            "goal_ms": GOAL_MS,
            "queries": [{**asdict(t), "meets_goal": t.meets_goal} for t in self.timings],
        }


# -- building the database --------------------------------------------------


def build_synthetic_db(
    path: str | Path,
    events: int = 1_000_000,
    *,
    events_per_article: int = 4,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
) -> BuildReport:
    """Create `path` (which must not exist) with `events` synthetic events through the store's schema."""
    from extract.store.db import open_db

    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists; the synthetic database is always built from scratch")
    started = time.perf_counter()
    db = open_db(path)
    # A throwaway database: durability buys nothing while it is built.
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -200000")
    rng = random.Random(seed)
    regions = [(r["code"], r["name"]) for r in db.query("select code, name from regions order by code")]
    if not regions:
        raise RuntimeError("the regions table is empty: the Kemendagri list is not available")
    east_java = [r for r in regions if r[0].startswith("35.")] or regions
    for name in ORGANISATIONS:
        db.table("organisations").insert({"name": name}, pk="name", ignore=True)

    n_articles = max(1, -(-events // events_per_article))
    article_rows: list[dict] = []
    event_rows: list[dict] = []
    party_rows: list[dict] = []
    payout_rows: list[dict] = []
    event_id = 0
    done = 0
    chunk = 20_000
    for a in range(n_articles):
        n_events = min(events_per_article, events - event_id)
        article, evs, parties, payouts = _synthetic_article(rng, a, n_events, event_id, regions, east_java)
        event_id += n_events
        article_rows.append(article)
        event_rows.extend(evs)
        party_rows.extend(parties)
        payout_rows.extend(payouts)
        if len(event_rows) >= chunk or a == n_articles - 1:
            with db.atomic():
                db.table("articles").insert_all(article_rows, pk="id", batch_size=2000)
                db.table("events").insert_all(event_rows, pk="id", batch_size=2000)
                db.table("event_parties").insert_all(party_rows, pk="id", batch_size=2000)
                db.table("payouts").insert_all(payout_rows, pk="id", batch_size=2000)
            done += len(event_rows)
            article_rows, event_rows, party_rows, payout_rows = [], [], [], []
            if progress is not None:
                progress(done)
    fill_synthetic_stories(db)
    db.close()
    return BuildReport(
        path=str(path),
        events=event_id,
        articles=n_articles,
        seconds=round(time.perf_counter() - started, 1),
        size_mb=round(path.stat().st_size / 2**20, 1),
    )


def fill_synthetic_stories(db) -> None:
    """One story per synthetic event, filled in bulk as the merger would fill it.

    Synthetic events are random and share nothing, so running the merger
    would give the same one-to-one stories at a far higher cost.
    """
    with db.atomic():
        db.execute("delete from stories")
        db.execute(
            "insert into stories (id, type, date, year, region_code, title, event_count, article_count,"
            " source_count, sources, programmes, first_published, last_published)"
            " select e.id, e.type, e.timeline_date, cast(substr(e.timeline_date, 1, 4) as integer), e.region_code,"
            " a.title, 1, 1, 1, a.source,"
            " case when e.type = 'benefit_payout' then"
            "  coalesce((select p.programs from payouts p where p.article_id = e.article_id order by p.id limit 1), '[]')"
            "  else '[]' end,"
            " a.published, a.published"
            " from events e join articles a on a.id = e.article_id"
        )
        db.execute("update events set story_id = id")
        # "+e.type": look events up by article, not by type (a scan of a quarter of them per payout).
        db.execute(
            "update payouts set story_id = (select min(e.id) from events e"
            " where e.article_id = payouts.article_id and +e.type = 'benefit_payout')"
        )


def _synthetic_article(rng: random.Random, index: int, n_events: int, first_event_id: int, regions, east_java):
    source = rng.choice(SOURCES)
    url = f"https://{source}/baca/{index}/berita-sintetis-{index}"
    aid = hashlib.sha256(url.encode()).hexdigest()[:16]
    published = _random_date(rng)
    region_code, region_name = rng.choice(east_java) if rng.random() < 0.85 else rng.choice(regions)
    short_region = region_name.removeprefix("Kabupaten ").removeprefix("Kota ")
    sentences: list[str] = []
    events, parties, payouts = [], [], []
    for seq in range(n_events):
        kind = _weighted(rng, EVENT_TYPES)
        venue = f"{rng.choice(VENUES)} {short_region}"
        sentence = rng.choice(SENTENCE_TEMPLATES[kind]).format(
            region=region_name,
            venue=venue,
            amount=f"{rng.randint(20, 300)}.000.000",
            workers=f"{rng.randint(100, 90000):,}".replace(",", "."),
            percent=rng.randint(10, 95),
        )
        text_so_far = " ".join(sentences)
        start = len(text_so_far) + (1 if sentences else 0)
        sentences.append(sentence)
        sentences.extend(rng.sample(FILLER, rng.randint(0, 2)))
        dated = rng.random() < 0.7
        date = _random_date(rng, around=published) if dated else None
        event_id = first_event_id + seq + 1
        month, year = (date or published)[:7], int((date or published)[:4])
        events.append(
            {
                "id": event_id,
                "article_id": aid,
                "seq": seq,
                "type": kind,
                "date": date,
                "date_precision": "day" if dated else None,
                "timeline_date": date or published,
                "month": month,
                "year": year,
                "venue": venue if kind in ("agreement_signing", "meeting") else None,
                "region_code": region_code,
                "region_name": region_name,
                "workers": rng.randint(100, 90000) if kind == "agreement_signing" else None,
                "summary": f"{kind.replace('_', ' ')} di {region_name}",
                "sentence": sentence,
                "span_start": start,
                "span_end": start + len(sentence),
                "rule": f"events.{kind}",
                "extractor_version": "synthetic",
            }
        )
        if kind == "agreement_signing":
            for p, org in enumerate(("BPJS Ketenagakerjaan", rng.choice(ORGANISATIONS[1:]))):
                parties.append({"event_id": event_id, "seq": p, "organisation": org})
        if kind == "benefit_payout":
            for _ in range(rng.randint(1, 3)):
                payouts.append(
                    {
                        "article_id": aid,
                        "seq": len(payouts),
                        "amount_idr": rng.randint(20, 300) * 1_000_000,
                        "beneficiary": None,
                        "programs": '["JKM"]',
                        "kind": "single",
                        "region_code": region_code,
                        "date": date or published,
                        "month": month,
                        "year": year,
                        "sentence": sentence,
                        "span_start": start,
                        "span_end": start + len(sentence),
                        "rule": "payouts.synthetic",
                        "extractor_version": "synthetic",
                    }
                )
    text = " ".join(sentences)
    article = {
        "id": aid,
        "url": url,
        "final_url": url,
        "source": source,
        "title": f"Berita sintetis {index}: jaminan sosial pekerja di {region_name}",
        "published": published,
        "published_month": published[:7],
        "published_year": int(published[:4]),
        "author": "Redaksi",
        "editor": None,
        "text": text,
        "categories": "[]",
        "language": "id",
        "html_sha256": None,
        "fetched_at": None,
        "extractor_version": "synthetic",
        "saved_at": "2025-01-01T00:00:00+00:00",
    }
    return article, events, parties, payouts


def _weighted(rng: random.Random, choices) -> str:
    x = rng.random()
    for value, share in choices:
        x -= share
        if x < 0:
            return value
    return choices[-1][0]


def _random_date(rng: random.Random, around: str | None = None) -> str:
    import datetime as dt

    if around:
        base = dt.date.fromisoformat(around)
        day = base - dt.timedelta(days=rng.randint(0, 10))
    else:
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 11))
    return day.isoformat()


def bench_queries(
    events: int = 1_000_000,
    db_path: str | Path | None = None,
    *,
    repeats: int = 5,
    progress: Callable[[int], None] | None = None,
) -> QueryBench:
    """Build the synthetic database (at `db_path`, or in a temporary directory;
    an existing `db_path` is reused, its schema upgraded first) and time the queries on it."""
    if db_path is not None and Path(db_path).exists():
        from extract.store.db import open_db

        # A database built by an older version gets the pending migrations,
        # as `extract serve` would give it, so the queries match the schema.
        db = open_db(db_path)
        if not db.execute("select exists (select 1 from stories)").fetchone()[0]:
            fill_synthetic_stories(db)  # built before stories existed
        db.close()
        return QueryBench(None, time_queries(db_path, repeats=repeats))
    if db_path is not None:
        build = build_synthetic_db(db_path, events, progress=progress)
        return QueryBench(build, time_queries(db_path, repeats=repeats))
    with tempfile.TemporaryDirectory(prefix="extract-bench-queries-") as tmp:
        path = Path(tmp) / "events.db"
        build = build_synthetic_db(path, events, progress=progress)
        return QueryBench(build, time_queries(path, repeats=repeats))


# -- timing the queries -----------------------------------------------------


# The SQL Datasette 0.65 runs for one column facet of a table page
# (datasette/facets.py, ColumnFacet), here for the events' type facet.
ONE_FACET_SQL = (
    "select type as value, count(*) as count from (select * from [events]) "
    "where type is not null group by type order by count desc, value limit 31"
)
# A phrase in a single synthetic article (its title), beside "paritrana", a
# word in a third of the articles: searches cost by how many rows match.
RARE_PHRASE = '"sintetis 12345"'


def standard_queries(database: str) -> list[tuple[str, str, bool]]:
    """(name, path, is a goal) of what is timed. The goals: the timeline canned
    query, one facet and a full-text search, each within GOAL_MS."""
    timeline = f"/{database}/timeline.json?_shape=objects&region=&type=&date_from=&date_to=&q="
    rare = quote(RARE_PHRASE)
    return [
        ("timeline canned query, no filter", timeline, True),
        ("timeline, type=award", timeline.replace("&type=", "&type=award"), False),
        ("timeline, region name 'Blitar'", timeline.replace("region=&", "region=Blitar&"), False),
        (
            "timeline, region+type+dates",
            timeline.replace(
                "region=&type=&date_from=&date_to=",
                "region=35.05&type=benefit_payout&date_from=2020-01-01&date_to=2022-12-31",
            ),
            False,
        ),
        ("full-text: timeline q=paritrana", timeline.replace("&q=", "&q=paritrana"), True),
        ("full-text: timeline q=rare phrase", timeline.replace("&q=", f"&q={rare}"), False),
        # One facet, as the table page computes it; the page computes three.
        ("one facet: events by type", f"/{database}.json?sql={quote(ONE_FACET_SQL)}&_shape=objects", True),
        # The events page's facets as configured (type, region_code, month) and its count, without rows.
        ("facets: events page, no rows", f"/{database}/events.json?_size=0", False),
        ("events table page", f"/{database}/events.json", False),
        ("full-text: events ?_search=", f"/{database}/events.json?_search=paritrana", False),
        ("full-text: events, rare phrase", f"/{database}/events.json?_search={rare}", False),
        ("/events page", "/events", False),
        ("/events page, q=paritrana", "/events?q=paritrana", False),
        ("/timeline page (stories)", "/timeline", False),
        ("/timeline page, q=paritrana", "/timeline?q=paritrana", False),
        ("/timeline page, amount >= Rp250 juta in 2020", "/timeline?amount_min=250+juta&year=2020", False),
        ("/timeline page, region+type", "/timeline?region=35.05&type=benefit_payout", False),
        ("/timeline page, oldest first", "/timeline?sort=oldest", False),
        ("/-/feed, region", "/-/feed?region=35.05", False),
    ]


def time_queries(
    db_path: str | Path,
    queries: list[tuple[str, str, bool]] | None = None,
    *,
    repeats: int = 5,
) -> list[QueryTiming]:
    """Time each query through Datasette's internal client: first run and median of `repeats` more."""
    from extract.publish.app import make_datasette

    ds = make_datasette(db_path)
    database = ds.get_database().name
    queries = queries or standard_queries(database)
    return asyncio.run(_time_all(ds, queries, repeats))


async def _time_all(ds, queries, repeats: int) -> list[QueryTiming]:
    await ds.invoke_startup()
    timings = []
    for name, path, goal in queries:
        runs = []
        response = None
        for _ in range(1 + repeats):
            started = time.perf_counter()
            # Datasette prints a full traceback for a query over its time
            # limit; the status code says enough here.
            with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
                response = await ds.client.get(path)
            runs.append((time.perf_counter() - started) * 1000)
        timings.append(_timing(name, path, goal, response, runs))
    return timings


def _timing(name: str, path: str, goal: bool, response, runs: list[float]) -> QueryTiming:
    rows = 0
    note = ""
    if response.status_code == 200 and "json" in response.headers.get("content-type", ""):
        data = response.json()
        rows = len(data.get("rows", []))
        notes = []
        if data.get("filtered_table_rows_count") is not None:
            notes.append(f"{data['filtered_table_rows_count']:,} matching")
        if data.get("facet_results"):
            notes.append("facets " + ", ".join(data["facet_results"]))
        if data.get("facets_timed_out"):
            notes.append("facet timed out: " + ", ".join(data["facets_timed_out"]))
        if data.get("suggested_facets"):
            notes.append(f"{len(data['suggested_facets'])} facets suggested")
        note = "; ".join(notes)
    elif response.status_code != 200:
        note = f"HTTP {response.status_code}" + (" (over the SQL time limit)" if "too long" in response.text else "")
    return QueryTiming(
        name=name,
        path=path,
        goal=goal,
        rows=rows,
        first_ms=round(runs[0], 1),
        median_ms=round(statistics.median(runs[1:] or runs), 1),
        status=response.status_code,
        note=note,
    )


def format_query_bench(bench: QueryBench) -> str:
    lines = []
    if bench.build:
        b = bench.build
        lines.append(f"built {b.events:,} events in {b.articles:,} articles in {b.seconds:.0f} s ({b.size_mb:,.0f} MB)")
    lines.append(f"{'request':34s} {'first ms':>9s} {'median ms':>10s} {'goal ms':>8s} {'':6s} {'rows':>5s}  note")
    for t in bench.timings:
        goal = f"≤{GOAL_MS:.0f}" if t.goal else "-"
        verdict = {True: "met", False: "MISSED", None: ""}[t.meets_goal]
        lines.append(
            f"{t.name:34s} {t.first_ms:9.1f} {t.median_ms:10.1f} {goal:>8s} {verdict:6s} {t.rows:5d}  {t.note}".rstrip()
        )
    return "\n".join(lines)
