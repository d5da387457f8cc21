"""Datasette plugin: the timeline page, the article page and the feed shortcut
(the home, search, entity, chart and map pages are in `site`).

Registered by `extract.publish.app.make_datasette`. Pages read the first
database Datasette serves; the timeline runs the `timeline` canned query's
own SQL, so the page and the query always agree.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode, urlsplit

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

from extract.fact_types import FACT_TYPES
from extract.publish.guard import page_number, search_text
from extract.publish.crawl import crawl_page
from extract.publish.highlight import Span, format_rupiah, highlight, highlight_in_sentence
from extract.publish.labels import event_type_label, fact_headings, span_label
from extract.publish.metadata import canned_query_sql

TIMELINE_FILTERS = ("region", "type", "date_from", "date_to", "q")
TIMELINE_PAGE_SIZE = 100
# Counting every event a broad filter matches means reading them all (seconds
# at a million); the page counts this far and then says "10,000+".
TIMELINE_COUNT_CAP = 10_000

# The distinct event types by index lookups, one per type, rather than a pass
# over the whole type index.
DISTINCT_EVENT_TYPES_SQL = """
with recursive t(type) as (
  select min(type) from events
  union all
  select (select min(type) from events where type > t.type) from t where t.type is not null
)
select type from t where type is not null
"""

# Facts whose evidence the article page marks, with the label shown for each
# (from the fact-type registry); evidence in a photo caption (field
# "caption:<n>") has no place in the text.
FACT_SPAN_QUERIES = {
    t.name: (
        f"select span_start, span_end, {t.evidence.label} as label, {t.evidence.title} as title"
        f" from [{t.table}] where article_id = ? and coalesce(field, 'text') = 'text'"
    )
    for t in FACT_TYPES
    if t.evidence is not None
}

# The article page lists each fact type's rows of the article: `select *`
# from its table, in order, unless it needs more than its own row.
FACT_ROWS_QUERIES = {
    "events": (
        "select e.*, (select group_concat(organisation, '; ') from event_parties where event_id = e.id) as parties"
        " from events e where article_id = ? order by seq"
    ),
    "regions": (
        "select ar.*, r.name, r.province from article_regions ar left join regions r on r.code = ar.region_code"
        " where ar.article_id = ? order by ar.seq"
    ),
}


def safe_link(url: str | None) -> str | None:
    """`url` when it is an http(s) address, else None: scraped URLs never become javascript: links."""
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def _split(value: str | None) -> list[str]:
    return [part for part in (value or "").split("; ") if part]


async def _rows(db, sql: str, params: Any = None) -> list[dict]:
    results = await db.execute(sql, params or [])
    return [dict(row) for row in results.rows]


async def timeline_page(datasette, request) -> Response:
    db = datasette.get_database()
    filters = {name: (request.args.get(name) or "").strip() for name in TIMELINE_FILTERS}
    filters["q"] = search_text(filters["q"])
    page = page_number(request.args.get("page"))
    # The canned query's own SQL, paged here so that any number of events can be browsed.
    sql = canned_query_sql("timeline")
    counted = (
        await db.execute(f"select count(*) from (select 1 from ({sql}) limit {TIMELINE_COUNT_CAP + 1})", filters)
    ).first()[0]
    capped = counted > TIMELINE_COUNT_CAP
    total = min(counted, TIMELINE_COUNT_CAP)
    pages = max(1, -(-total // TIMELINE_PAGE_SIZE))
    if not capped:
        page = min(page, pages)
    # The query's own order, which its index gives without sorting; one row
    # more than a page tells whether a later page exists.
    rows = await _rows(
        db,
        f"select * from ({sql}) order by date is null, date, event_id limit :_limit offset :_offset",
        {**filters, "_limit": TIMELINE_PAGE_SIZE + 1, "_offset": (page - 1) * TIMELINE_PAGE_SIZE},
    )
    has_next = len(rows) > TIMELINE_PAGE_SIZE
    rows = rows[:TIMELINE_PAGE_SIZE]
    texts = {}
    article_ids = sorted({row["article_id"] for row in rows})
    for chunk in range(0, len(article_ids), 500):
        ids = article_ids[chunk : chunk + 500]
        placeholders = ",".join("?" for _ in ids)
        for row in await _rows(db, f"select id, text from articles where id in ({placeholders})", ids):
            texts[row["id"]] = row["text"] or ""
    events = []
    for row in rows:
        label = event_type_label(row["type"])
        sentence_html = highlight_in_sentence(
            row["sentence"] or "",
            texts.get(row["article_id"], ""),
            row["span_start"] if row["span_start"] is not None else -1,
            row["span_end"] if row["span_end"] is not None else -1,
            label,
        )
        events.append(
            {
                **row,
                "type_label": label,
                "parties_list": _split(row["parties"]),
                "amounts": [format_rupiah(a) for a in _split(row["amounts_idr"])],
                "workers_text": f"{row['workers']:,}".replace(",", ".") if row["workers"] else "",
                "sentence_html": sentence_html,
                "article_page": f"/article/{row['article_id']}",
                "source_link": safe_link(row["article_url"]),
            }
        )
    # One index lookup per region, rather than the distinct codes of every event.
    regions = await _rows(
        db,
        "select code, name from regions r where exists (select 1 from events where region_code = r.code) order by name",
    )
    types = [r["type"] for r in await _rows(db, DISTINCT_EVENT_TYPES_SQL)]
    html = await datasette.render_template(
        "timeline.html",
        {
            "events": events,
            "total": total,
            "total_text": f"{total:,}" + ("+" if capped else ""),
            "page": page,
            "pages": pages,
            "pages_text": f"{pages:,}" + ("+" if capped else ""),
            "has_next": has_next,
            "first_number": (page - 1) * TIMELINE_PAGE_SIZE + 1,
            "page_url": lambda number: (
                "/events?" + urlencode({**{k: v for k, v in filters.items() if v}, "page": number})
            ),
            "filters": filters,
            "regions": regions,
            "types": [(t, event_type_label(t)) for t in types],
            "query_url": datasette.urls.query(db.name, "timeline"),
            "database": db.name,
        },
        request=request,
    )
    return Response.html(html)


async def article_page(datasette, request) -> Response:
    db = datasette.get_database()
    article_id = request.url_vars["article_id"]
    found = await _rows(db, "select * from articles where id = ?", [article_id])
    if not found:
        raise NotFound(f"No article with id {article_id}")
    article = found[0]
    text = article["text"] or ""
    spans = [
        Span(
            m["span_start"],
            m["span_end"],
            span_label(m["label"]),
            "entity",
            f"{span_label(m['label'])} ({m['source']})",
        )
        for m in await _rows(
            db, "select label, span_start, span_end, source from mentions where article_id = ?", [article_id]
        )
        if m["span_start"] is not None and m["span_end"] is not None
    ]
    for sql in FACT_SPAN_QUERIES.values():
        for row in await _rows(db, sql, [article_id]):
            if row["span_start"] is not None and row["span_end"] is not None:
                spans.append(
                    Span(row["span_start"], row["span_end"], span_label(row["label"]), "fact", str(row["title"] or ""))
                )
    facts = {
        t.name: await _rows(
            db,
            FACT_ROWS_QUERIES.get(t.name, f"select * from [{t.table}] where article_id = ? order by seq"),
            [article_id],
        )
        for t in FACT_TYPES
    }
    for payout in facts["payouts"]:
        payout["amount_text"] = format_rupiah(payout["amount_idr"])
        payout["programs_text"] = ", ".join(json.loads(payout["programs"] or "[]"))
    for budget in facts["budgets"]:
        budget["amount_text"] = format_rupiah(budget["amount_idr"])
    labels = sorted({s.label for s in spans})
    for official in facts["officials"]:
        official["read_from"] = "photo caption" if (official.get("field") or "text").startswith("caption") else "text"
    html = await datasette.render_template(
        "article.html",
        {
            "article": article,
            "captions": json.loads(article.get("captions") or "[]"),
            "source_link": safe_link(article["url"]),
            "text_html": highlight(text, spans),
            "span_count": len(spans),
            "labels": labels,
            "facts": facts,
            "headings": fact_headings(),
            "row_url": datasette.urls.row(db.name, "articles", article_id),
            "database": db.name,
        },
        request=request,
    )
    return Response.html(html)


# Read the database file through memory-mapped I/O, up to this many bytes:
# queries that visit many rows (a facet, a count, a full-text search matching
# a tenth of a million events) then skip a read() call per page.
MMAP_SIZE = 1 << 30


@hookimpl
def prepare_connection(conn, database, datasette):
    conn.execute(f"PRAGMA mmap_size = {MMAP_SIZE}")


@hookimpl
def register_routes(datasette):
    return [
        # Every event with its sentence; /timeline (stories_plugin) lists stories.
        (r"^/events$", timeline_page),
        (r"^/article/(?P<article_id>[0-9A-Za-z_-]+)$", article_page),
        (r"^/-/crawl$", crawl_page),
    ]


@hookimpl
def menu_links(datasette, actor, request):
    return [
        {"href": "/timeline", "label": "Timeline"},
        {"href": "/-/map", "label": "Map of events"},
        {"href": "/-/charts", "label": "Charts"},
        {"href": "/-/feed", "label": "Atom feed"},
        {"href": "/-/crawl", "label": "Crawls"},
    ]


@hookimpl
def render_cell(value, column, table, database, datasette):
    # Every article id in a table or query leads to its highlighted article page.
    if column == "article_id" and isinstance(value, str) and value:
        return Markup('<a href="/article/{0}">{0}</a>').format(value)
    if table == "articles" and column == "id" and isinstance(value, str):
        return Markup('<a href="/article/{0}">{0}</a>').format(value)
    return None


@hookimpl
def extra_css_urls(datasette):
    return ["/extract-static/extract.css"]
