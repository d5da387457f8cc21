"""The timeline of stories (/timeline, .csv and .json of exactly what it shows) and a story's page.

A story is one happening as one or more outlets reported it (extract/store/stories.py);
the timeline lists each once, newest first unless asked otherwise, with who
reported it, its parties, officials, region and the amounts handed over.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from urllib.parse import quote, urlencode

from datasette.utils.asgi import NotFound, Response

from extract.normalize.written import format_tanggal
from extract.publish.guard import page_number
from extract.publish.highlight import format_rupiah
from extract.publish.labels import event_type_label
from extract.publish.story_query import BROAD_WORDS, BROAD_WORDS_SQL, StoryFilters, kinds_condition, story_sql
from extract.store.stories import site_of

PAGE_SIZE = 50
# Counting every story a broad filter matches means reading them all; the
# page counts this far and then says "10,000+".
COUNT_CAP = 10_000
COUNT_CAP_BROAD_WORDS = 1_000
# Sources named on a timeline row before "+N" stands for the rest.
SOURCES_SHOWN = 2

PROGRAMMES = ("JKM", "JKK", "JHT", "JP", "JKP", "beasiswa")
EXPORT_COLUMNS = (
    "story_id",
    "date",
    "type",
    "region_code",
    "region",
    "title",
    "sources",
    "article_count",
    "parties",
    "officials",
    "amounts_idr",
    "programmes",
    "story_url",
)


async def _rows(db, sql: str, params: Any = None) -> list[dict]:
    return [dict(row) for row in (await db.execute(sql, params or [])).rows]


def _in(ids: list) -> str:
    return ",".join("?" for _ in ids)


def distinct_sql(table: str, column: str) -> str:
    """The distinct non-null values of an indexed column, one index lookup each
    (a plain DISTINCT reads the whole index: a third of a second at a million stories)."""
    return f"""
    with recursive t(value) as (
      select min([{column}]) from [{table}]
      union all
      select (select min([{column}]) from [{table}] where [{column}] > t.value) from t where t.value is not null
    )
    select value from t where value is not null
    """


def reported_by(sources: list[dict], shown: int = SOURCES_SHOWN) -> tuple[list[dict], int]:
    """The first `shown` distinct sites (each with its first article) and how many more there are."""
    sites: dict[str, dict] = {}
    for article in sources:
        sites.setdefault(article["source"] or article["id"], article)
    ordered = list(sites.values())
    return ordered[:shown], max(0, len(ordered) - shown)


async def story_details(db, story_ids: list[int], kinds: tuple[str, ...] | None) -> dict[int, dict]:
    """Parties, officials, amounts, articles and a summary of each story, by id."""
    out: dict[int, dict] = {
        sid: {"parties": [], "officials": [], "amounts": [], "articles": [], "summary": ""} for sid in story_ids
    }
    if not story_ids:
        return out
    marks = _in(story_ids)
    for row in await _rows(
        db,
        f"select e.story_id, p.organisation from events e join event_parties p on p.event_id = e.id"
        f" where e.story_id in ({marks}) group by e.story_id, p.organisation order by e.story_id, min(e.id), min(p.seq)",
        story_ids,
    ):
        out[row["story_id"]]["parties"].append(row["organisation"])
    for row in await _rows(
        db,
        f"select e.story_id, o.official_key as key, coalesce(f.name, o.official_key) as name"
        f" from events e join event_officials o on o.event_id = e.id left join officials f on f.key = o.official_key"
        f" where e.story_id in ({marks}) group by e.story_id, o.official_key order by e.story_id, min(e.id), min(o.seq)",
        story_ids,
    ):
        out[row["story_id"]]["officials"].append({"key": row["key"], "name": row["name"]})
    for row in await _rows(
        db,
        f"select p.story_id, p.amount_idr from payouts p where p.story_id in ({marks}) and {kinds_condition(kinds)}"
        f" group by p.story_id, p.amount_idr order by p.story_id, min(p.id)",
        story_ids,
    ):
        out[row["story_id"]]["amounts"].append(row["amount_idr"])
    for row in await _rows(
        db,
        # Through story_articles: the reports with no event of their own are sources too.
        f"select sa.story_id, a.id, a.url, a.source, a.title, a.published,"
        f" (select min(e.id) from events e where e.story_id = sa.story_id and e.article_id = a.id) as first_event"
        f" from story_articles sa join articles a on a.id = sa.article_id where sa.story_id in ({marks})"
        f" order by sa.story_id, a.published is null, a.published, first_event is null, first_event, a.id",
        story_ids,
    ):
        sid = row.pop("story_id")
        row["source"] = site_of(row["source"], row["url"])
        out[sid]["articles"].append(row)
    for row in await _rows(
        db,
        # SQLite gives the bare column from the row holding min(id): the first event's summary.
        f"select story_id, summary, min(id) from events where story_id in ({marks}) and summary != '' group by story_id",
        story_ids,
    ):
        out[row["story_id"]]["summary"] = row["summary"]
    return out


def decorate(story: dict, details: dict) -> dict:
    """A story row as the page shows it."""
    shown, more = reported_by(details["articles"])
    return {
        **story,
        **details,
        "type_label": event_type_label(story["type"]),
        "date_text": format_tanggal(story["date"]) or "date unknown",
        "amounts_text": [format_rupiah(a) for a in details["amounts"]],
        "programmes_list": json.loads(story.get("programmes") or "[]"),
        "sources_shown": shown,
        "sources_more": more,
        "story_page": f"/story/{story['story_id']}",
        "region_page": f"/region/{quote(story['region_code'])}" if story.get("region_code") else None,
        "official_links": [
            {"name": o["name"], "href": f"/official/{quote(o['key'], safe='')}"} for o in details["officials"]
        ],
        "party_links": [{"name": p, "href": f"/organisation/{quote(p, safe='')}"} for p in details["parties"]],
    }


def export_row(story: dict, base_url: str) -> dict:
    return {
        "story_id": story["story_id"],
        "date": story["date"],
        "type": story["type"],
        "region_code": story["region_code"],
        "region": story["region"],
        "title": story["title"],
        "sources": story["sources"],
        "article_count": story["article_count"],
        "parties": "; ".join(story["parties"]),
        "officials": "; ".join(o["name"] for o in story["officials"]),
        "amounts_idr": "; ".join(str(a) for a in story["amounts"]),
        "programmes": "; ".join(story["programmes_list"]),
        "story_url": base_url + story["story_page"],
    }


def base_url(request) -> str:
    return f"{request.scheme}://{request.host}"


async def words_are_broad(db, filters: StoryFilters) -> bool:
    """Whether the words match so many articles that stories are checked one by one."""
    if not filters.q:
        return False
    return (await db.execute(BROAD_WORDS_SQL, {"q": filters.q})).first()[0] >= BROAD_WORDS


async def select_stories(
    db, filters: StoryFilters, page: int, page_size: int = PAGE_SIZE, broad_words: bool | None = None
) -> tuple[list[dict], bool]:
    """One page of decorated stories and whether a later page exists."""
    if broad_words is None:
        broad_words = await words_are_broad(db, filters)
    sql, params = story_sql(filters, broad_words=broad_words)
    rows = await _rows(db, f"{sql} limit {page_size + 1} offset {(page - 1) * page_size}", params)
    has_next = len(rows) > page_size
    rows = rows[:page_size]
    details = await story_details(db, [r["story_id"] for r in rows], filters.payout_kinds())
    return [decorate(r, details[r["story_id"]]) for r in rows], has_next


async def timeline_page(datasette, request) -> Response:
    db = datasette.get_database()
    filters = StoryFilters.from_args(request.args)
    page = page_number(request.args.get("page"))
    broad = await words_are_broad(db, filters)
    stories, has_next = await select_stories(db, filters, page, broad_words=broad)
    fmt = request.url_vars.get("format")
    if fmt:
        rows = [export_row(s, base_url(request)) for s in stories]
        if fmt == ".json":
            return Response.json(rows)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
        return Response(out.getvalue(), content_type="text/csv; charset=utf-8")
    sql, params = story_sql(filters, broad_words=broad, columns="s.id")
    # Words in many articles are checked story by story: counting is dearer.
    cap = COUNT_CAP_BROAD_WORDS if broad else COUNT_CAP
    counted = (await db.execute(f"select count(*) from (select 1 from ({sql}) limit {cap + 1})", params)).first()[0]
    capped = counted > cap
    total = min(counted, cap)
    pages = max(1, -(-total // PAGE_SIZE))
    args = filters.args()
    query = urlencode({**args, **({"page": page} if page > 1 else {})})

    def url(path: str, **changes: Any) -> str:
        merged = {**args, **{k: v for k, v in changes.items() if v not in (None, "")}}
        for k, v in changes.items():
            if v in (None, ""):
                merged.pop(k, None)
        return path + ("?" + urlencode(merged) if merged else "")

    regions = await _rows(
        db,
        "select code, name from regions r where exists (select 1 from stories where region_code = r.code) order by name",
    )
    types = [r["value"] for r in await _rows(db, distinct_sql("stories", "type"))]
    years = sorted((r["value"] for r in await _rows(db, distinct_sql("stories", "year"))), reverse=True)
    html = await datasette.render_template(
        "stories_timeline.html",
        {
            "stories": stories,
            "filters": filters,
            "total": total,
            "total_text": f"{total:,}" + ("+" if capped else ""),
            "page": page,
            "pages_text": f"{pages:,}" + ("+" if capped else ""),
            "has_next": has_next,
            "first_number": (page - 1) * PAGE_SIZE + 1,
            "prev_url": url("/timeline", page=page - 1 if page > 2 else None),
            "next_url": url("/timeline", page=page + 1),
            "sort_url": url("/timeline", sort=None if filters.sort == "oldest" else "oldest", page=None),
            "money_url": url("/timeline", money=None if filters.money == "all" else "all", page=None),
            "csv_url": "/timeline.csv" + ("?" + query if query else ""),
            "json_url": "/timeline.json" + ("?" + query if query else ""),
            "feed_url": url("/-/feed", sort=None, page=None),
            "regions": regions,
            "types": [(t, event_type_label(t)) for t in types],
            "years": years,
            "programmes": PROGRAMMES,
        },
        request=request,
    )
    return Response.html(html)


async def story_page(datasette, request) -> Response:
    db = datasette.get_database()
    try:
        story_id = int(request.url_vars["story_id"])
    except ValueError:
        raise NotFound("No such story") from None
    sql, params = story_sql(StoryFilters(type="all"), story_id=story_id)
    found = await _rows(db, sql, params)
    if not found:
        raise NotFound(f"No story with id {story_id}")
    money_all = request.args.get("money") == "all"
    kinds = None if money_all else StoryFilters().payout_kinds()
    details = await story_details(db, [story_id], kinds)
    story = decorate(found[0], details[story_id])
    events = await _rows(
        db,
        "select e.id, e.type, e.date, e.date_precision, e.summary, e.sentence, e.venue, e.article_id, a.source, a.url"
        " from events e join articles a on a.id = e.article_id where e.story_id = ? order by a.published, e.id",
        [story_id],
    )
    for event in events:
        event["date_text"] = format_tanggal(event["date"], event["date_precision"]) or "no date of its own"
        event["source"] = site_of(event["source"], event["url"])
    payouts = await _rows(
        db,
        f"select p.amount_idr, p.kind, p.beneficiary, p.heir, p.programs, p.article_id from payouts p"
        f" where p.story_id = ? and {kinds_condition(kinds)} order by p.article_id, p.seq",
        [story_id],
    )
    for payout in payouts:
        payout["amount_text"] = format_rupiah(payout["amount_idr"])
        payout["programs_text"] = ", ".join(json.loads(payout["programs"] or "[]"))
    html = await datasette.render_template(
        "story.html",
        {
            "story": story,
            "events": events,
            "payouts": payouts,
            "money_all": money_all,
            "feed_url": f"/-/feed?{urlencode({'region': story['region_code'], 'type': story['type']})}"
            if story["region_code"]
            else f"/-/feed?type={story['type']}",
        },
        request=request,
    )
    return Response.html(html)
