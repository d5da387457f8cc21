"""Stories in the database: events.story_id, the stories rows, and their upkeep.

`assign_article_stories` runs inside `save_article`'s transaction, after the
article's events are written: stories that lost events are regrouped, then
each new event joins the stories of the stored events it matches (merging
them when it matches several) or starts one; then the reports it may concern
(articles with no event of their own) are relinked (extract.store.story_reports).
`rebuild_stories` recomputes every story from scratch (`extract reprocess`).
The decisions themselves are the pure functions of extract.stories.match and
extract.stories.reports.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any
from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from sqlite_utils import Database

from extract.stories.match import StoryEvent, StoryRules, candidate_window, cluster, load_rules, same_story
from extract.store.story_reports import update_reports

# Events of one type with no date at all, or one region with any date, are
# compared one by one; past this many the oldest are not looked at.
_MAX_CANDIDATES = 5000
_CHUNK = 500

_EVENT_SQL = (
    "select e.id, e.article_id, e.type, e.date, e.date_precision, a.published, e.region_code, e.region_name,"
    " e.workers, e.sentence, e.story_id"
    " from events e join articles a on a.id = e.article_id where {where}"
)


def _chunks(values: list, size: int = _CHUNK) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def load_story_events(db: Database, where: str, params: Iterable[Any] = ()) -> list[tuple[StoryEvent, int | None]]:
    """The events matching `where` (over `events e` joined to `articles a`), each with its story id."""
    rows = db.execute(_EVENT_SQL.format(where=where), list(params)).fetchall()
    if not rows:
        return []
    ids = [row[0] for row in rows]
    parties: dict[int, set[str]] = {}
    officials: dict[int, set[str]] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for event_id, name in db.execute(
            f"select event_id, organisation from event_parties where event_id in ({marks})", chunk
        ):
            parties.setdefault(event_id, set()).add(name)
        for event_id, key in db.execute(
            f"select event_id, official_key from event_officials where event_id in ({marks})", chunk
        ):
            officials.setdefault(event_id, set()).add(key)
    # Amounts belong to the article; they tell payouts apart, not signings.
    amounts: dict[str, set[int]] = {}
    payout_articles = sorted({row[1] for row in rows if row[2] == "benefit_payout"})
    for chunk in _chunks(payout_articles):
        marks = ",".join("?" * len(chunk))
        for aid, amount in db.execute(
            f"select article_id, amount_idr from payouts where article_id in ({marks})", chunk
        ):
            if amount:
                amounts.setdefault(aid, set()).add(int(amount))
    out = []
    for eid, aid, etype, date, precision, published, region, region_name, workers, sentence, story_id in rows:
        event = StoryEvent(
            id=eid,
            article_id=aid,
            type=etype,
            date=date,
            precision=precision,
            published=published,
            region_code=region,
            region_name=region_name,
            parties=frozenset(parties.get(eid, ())),
            officials=frozenset(officials.get(eid, ())),
            amounts=frozenset(amounts.get(aid, ())) if etype == "benefit_payout" else frozenset(),
            workers=workers,
            sentence=sentence,
        )
        out.append((event, story_id))
    return out


def _candidates(db: Database, event: StoryEvent, rules: StoryRules) -> list[tuple[StoryEvent, int | None]]:
    """Stored events (already in a story) that could be `event`'s partners."""
    window = candidate_window(event, rules)
    clauses, params = [], []
    if window is not None and event.region_code:
        # Events in another region never match: only this region's, or none.
        clauses.append(
            "(e.type = ? and e.timeline_date between ? and ? and (e.region_code = ? or e.region_code is null))"
        )
        params += [event.type, *window, event.region_code]
    elif window is not None:
        clauses.append("(e.type = ? and e.timeline_date between ? and ?)")
        params += [event.type, *window]
    # Events with no date at all can only be told by what they share.
    if event.region_code:
        clauses.append("(e.type = ? and e.timeline_date is null and e.region_code = ?)")
        params += [event.type, event.region_code]
    clauses.append("(e.type = ? and e.timeline_date is null and e.region_code is null)")
    params.append(event.type)
    if window is None and event.region_code:
        clauses.append("(e.type = ? and e.region_code = ?)")
        params += [event.type, event.region_code]
    elif window is None and event.sentence:
        # Neither a date nor a region: only the very same sentence can tell
        # (pasted text of a stored page). Rare, so a scan of the type is fine.
        clauses.append("(e.type = ? and e.sentence = ?)")
        params += [event.type, event.sentence]
    where = (
        f"({' or '.join(clauses)}) and e.id != ? and e.story_id is not null order by e.id desc limit {_MAX_CANDIDATES}"
    )
    return load_story_events(db, where, [*params, event.id])


def assign_article_stories(db: Database, aid: str, previous_stories: Iterable[int] = ()) -> set[int]:
    """Put the events of article `aid` into stories; return the ids of the stories touched.

    `previous_stories` are the stories the article's earlier events were in
    (before `save_article` replaced them): they are regrouped, as what held
    them together may be gone.
    """
    rules = load_rules()
    touched = set(previous_stories)
    touched |= _regroup(db, touched, rules)
    for event, _ in load_story_events(db, "e.article_id = ? order by e.seq", [aid]):
        matched = sorted({sid for other, sid in _candidates(db, event, rules) if same_story(event, other, rules)})
        if not matched:
            story_id = _new_story(db, event.type)
        else:
            story_id = matched[0]
            for other in matched[1:]:  # the event bridges stories: one story now
                db.execute("update events set story_id = ? where story_id = ?", [story_id, other])
                touched.add(other)
        db.execute("update events set story_id = ? where id = ?", [story_id, event.id])
        touched.add(story_id)
    # Articles with no event of their own join the story they tell of.
    touched |= update_reports(db, aid, touched)
    for story_id in sorted(touched):
        refresh_story(db, story_id)
    return touched


def _new_story(db: Database, event_type: str) -> int:
    return db.execute("insert into stories (type, event_count) values (?, 0)", [event_type]).lastrowid


def _regroup(db: Database, story_ids: Iterable[int], rules: StoryRules) -> set[int]:
    """Split stories whose remaining events no longer hold together; the new story ids."""
    created = set()
    for story_id in sorted(story_ids):
        events = [event for event, _ in load_story_events(db, "e.story_id = ? order by e.id", [story_id])]
        groups = cluster(events, rules)
        for group in groups[1:]:
            new_id = _new_story(db, group[0].type)
            for chunk in _chunks([event.id for event in group]):
                db.execute(
                    f"update events set story_id = ? where id in ({','.join('?' * len(chunk))})", [new_id, *chunk]
                )
            created.add(new_id)
    return created


def refresh_story(db: Database, story_id: int) -> None:
    """Recompute a story's row from its events and articles; delete it when it has none."""
    rows = db.execute(
        "select e.type, e.date, e.date_precision, e.region_code, e.summary, a.id, a.published, a.title, a.source, a.url"
        " from events e join articles a on a.id = e.article_id where e.story_id = ? order by e.id",
        [story_id],
    ).fetchall()
    db.execute("update payouts set story_id = null where story_id = ?", [story_id])
    if not rows:
        db.execute("delete from stories where id = ?", [story_id])
        return
    # Reports (articles with no event of their own) count among its articles.
    reports = db.execute(
        "select null, null, null, null, null, a.id, a.published, a.title, a.source, a.url"
        " from story_reports r join articles a on a.id = r.article_id where r.story_id = ? order by a.id",
        [story_id],
    ).fetchall()
    story_type = rows[0][0]
    day_dates = Counter(r[1] for r in rows if r[1] and r[2] in (None, "day"))
    if day_dates:
        # The date most reports give; of equals, the earliest.
        date = min(day_dates, key=lambda d: (-day_dates[d], d))
    else:
        dated = sorted(r[1] for r in rows if r[1]) or sorted(r[6] for r in rows if r[6])
        date = dated[0] if dated else None
    regions = Counter(r[3] for r in rows if r[3])
    region = min(regions, key=lambda c: (-regions[c], c)) if regions else None
    articles: dict[str, tuple] = {}
    # Articles by publication, then in the order they were stored (rows are by event id).
    for r in sorted(rows, key=lambda r: (r[6] is None, r[6] or "")) + reports:
        articles.setdefault(r[5], r)
    published = sorted(r[6] for r in articles.values() if r[6])
    sources: list[str] = []
    for r in articles.values():
        site = site_of(r[8], r[9])
        if site and site not in sources:
            sources.append(site)
    title = next((r[7] for r in articles.values() if r[7]), None) or next((r[4] for r in rows if r[4]), None)
    programmes: set[str] = set()
    if story_type == "benefit_payout":
        ids = list(articles)
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            db.execute(f"update payouts set story_id = ? where article_id in ({marks})", [story_id, *chunk])
            for (programs,) in db.execute(f"select programs from payouts where article_id in ({marks})", chunk):
                programmes.update(json.loads(programs or "[]"))
    db.execute(
        "update stories set type = ?, date = ?, year = ?, region_code = ?, title = ?, event_count = ?,"
        " article_count = ?, source_count = ?, sources = ?, programmes = ?, first_published = ?, last_published = ?"
        " where id = ?",
        [
            story_type,
            date,
            int(date[:4]) if date and date[:4].isdigit() else None,
            region,
            title,
            len(rows),
            len(articles),
            len(sources),
            "; ".join(sources),
            json.dumps(sorted(programmes), ensure_ascii=False),
            published[0] if published else None,
            published[-1] if published else None,
            story_id,
        ],
    )


def site_of(source: str | None, url: str | None) -> str | None:
    """The site an article came from: its `source`, else its URL's host without "www."."""
    if source:
        return source
    if not url:
        return None
    return urlsplit(url).netloc.lower().removeprefix("www.") or None


def stories_of_article(db: Database, aid: str) -> list[int]:
    """The stories the article tells of: those of its events, or the one it reports."""
    return [
        sid
        for (sid,) in db.execute("select story_id from story_articles where article_id = ? order by story_id", [aid])
    ]


def rebuild_stories(db: Database) -> int:
    """Group every stored event into stories again, articles in publication order; the number of stories."""
    from extract.store.db import write_transaction

    with write_transaction(db):
        db.execute("update payouts set story_id = null where story_id is not null")
        db.execute("update events set story_id = null where story_id is not null")
        db.execute("delete from story_reports")
        db.execute("delete from stories")
        for (aid,) in db.execute("select id from articles order by published is null, published, rowid").fetchall():
            assign_article_stories(db, aid)
    return db.execute("select count(*) from stories").fetchone()[0]


def story_records(db: Database) -> Iterator[dict[str, Any]]:
    """Every story with its events and articles, newest first, as `extract stories` prints them."""
    region_names = dict(db.execute("select code, name from regions").fetchall())
    for row in db.execute(
        "select id, type, date, region_code, title, event_count, article_count, source_count, sources"
        " from stories order by date is null, date desc, id desc"
    ).fetchall():
        story_id = row[0]
        events = [
            {"id": eid, "article_id": aid, "type": etype, "date": date, "summary": summary}
            for eid, aid, etype, date, summary in db.execute(
                "select id, article_id, type, date, summary from events where story_id = ? order by id", [story_id]
            )
        ]
        articles = [
            {"id": aid, "url": url, "source": site_of(source, url), "title": title, "published": published}
            for aid, url, source, title, published in db.execute(
                "select a.id, a.url, a.source, a.title, a.published from articles a"
                " join (select article_id, min(id) as first_event from events where story_id = ?1 group by article_id"
                " union all select article_id, null from story_reports where story_id = ?1) e"
                " on e.article_id = a.id order by a.published is null, a.published, e.first_event is null,"
                " e.first_event, a.id",
                [story_id],
            )
        ]
        yield {
            "story_id": story_id,
            "type": row[1],
            "date": row[2],
            "region": row[3],
            "region_name": region_names.get(row[3]),
            "title": row[4],
            "event_count": row[5],
            "article_count": row[6],
            "source_count": row[7],
            "articles": articles,
            "events": events,
        }
