"""Atom feeds of stories (RFC 4287): one overall, and one per filter of the timeline.

`/-/feed` takes the timeline's filters (`/-/feed?region=35.05&type=agreement_signing`),
so a feed exists for every region, type and saved search. Each entry is a
story: its page as the link, the outlets that reported it as authors, and its
date (an undated story takes its first article's date; one with no date at
all, the day it was stored) as `updated`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from datasette.utils.asgi import Response
from lxml import etree

from extract.publish.story_query import StoryFilters
from extract.publish.labels import event_type_label
from extract.publish.timeline import PAGE_SIZE, base_url, select_stories

ATOM = "http://www.w3.org/2005/Atom"
FEED_AUTHOR = "bpjs-extract"
# Ids stay the same whichever host serves the feed.
ID_PREFIX = "tag:bpjs-extract,2025:"


@dataclass
class Entry:
    id: str
    title: str
    updated: str  # RFC 3339
    link: str
    authors: list[str]
    summary: str
    related: list[str] = field(default_factory=list)


def rfc3339(date: str | None) -> str | None:
    """ "2024-03-12" (or a longer ISO timestamp) -> "2024-03-12T00:00:00Z"; None when not a date."""
    if not date:
        return None
    try:
        if len(date) <= 10:
            return dt.date.fromisoformat(date).isoformat() + "T00:00:00Z"
        parsed = dt.datetime.fromisoformat(date)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def feed_title(filters: StoryFilters, region_name: str | None) -> str:
    parts = []
    if filters.type and filters.type != "all":
        parts.append(event_type_label(filters.type))
    if filters.region:
        parts.append(region_name or filters.region)
    if filters.year:
        parts.append(filters.year)
    if filters.programme:
        parts.append(filters.programme)
    if filters.q:
        parts.append(f'"{filters.q}"')
    return "Stories" + (": " + ", ".join(parts) if parts else "") + " - BPJS Ketenagakerjaan in regional news"


def atom_xml(*, feed_id: str, title: str, self_url: str, alternate_url: str, entries: list[Entry], now: str) -> bytes:
    """An Atom 1.0 document; `updated` is the newest entry's, else `now`."""

    def E(tag: str) -> str:  # noqa: N802 - reads as the element it names
        return f"{{{ATOM}}}{tag}"

    feed = etree.Element(E("feed"), nsmap={None: ATOM})
    etree.SubElement(feed, E("id")).text = feed_id
    etree.SubElement(feed, E("title")).text = title
    etree.SubElement(feed, E("updated")).text = max((e.updated for e in entries), default=now)
    author = etree.SubElement(feed, E("author"))
    etree.SubElement(author, E("name")).text = FEED_AUTHOR
    etree.SubElement(feed, E("link"), rel="self", type="application/atom+xml", href=self_url)
    etree.SubElement(feed, E("link"), rel="alternate", type="text/html", href=alternate_url)
    etree.SubElement(feed, E("generator")).text = "bpjs-extract"
    for item in entries:
        entry = etree.SubElement(feed, E("entry"))
        etree.SubElement(entry, E("id")).text = item.id
        etree.SubElement(entry, E("title")).text = item.title
        etree.SubElement(entry, E("updated")).text = item.updated
        for name in item.authors:
            etree.SubElement(etree.SubElement(entry, E("author")), E("name")).text = name
        etree.SubElement(entry, E("link"), rel="alternate", type="text/html", href=item.link)
        for href in item.related:
            etree.SubElement(entry, E("link"), rel="related", href=href)
        etree.SubElement(entry, E("summary")).text = item.summary
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8")


def story_entry(story: dict, site: str, stored_at: str) -> Entry:
    """One story as a feed entry."""
    updated = rfc3339(story["date"]) or rfc3339(story["first_published"]) or stored_at
    lines = [f"{story['type_label']}, {story['date_text']}"]
    if story.get("region"):
        lines[0] += f", {story['region']}"
    if story["parties"]:
        lines.append("Parties: " + "; ".join(story["parties"]))
    if story["officials"]:
        lines.append("Officials: " + "; ".join(o["name"] for o in story["officials"]))
    if story["amounts_text"]:
        lines.append("Amounts: " + "; ".join(story["amounts_text"]))
    sources = [a["source"] for a in story["articles"] if a["source"]]
    lines.append("Reported by " + ", ".join(dict.fromkeys(sources)) if sources else "Reported by one article")
    return Entry(
        id=f"{ID_PREFIX}story:{story['story_id']}",
        title=f"{story['type_label']} - {story.get('region') or 'region unknown'}: {story['title'] or story['summary'] or 'story'}",
        updated=updated,
        link=site + story["story_page"],
        authors=list(dict.fromkeys(sources)) or [FEED_AUTHOR],
        summary=". ".join(lines),
        related=[a["url"] for a in story["articles"] if (a.get("url") or "").startswith(("http://", "https://"))],
    )


async def feed_page(datasette, request) -> Response:
    db = datasette.get_database()
    filters = replace(StoryFilters.from_args(request.args), sort="newest")  # a feed is newest first
    stories, _ = await select_stories(db, filters, 1, PAGE_SIZE)
    stored = {}
    ids = [s["story_id"] for s in stories]
    if ids:
        # A story with no date at all is dated by when its first article was stored.
        rows = await db.execute(
            "select e.story_id, min(a.saved_at) from events e join articles a on a.id = e.article_id"
            f" where e.story_id in ({','.join('?' for _ in ids)}) group by e.story_id",
            ids,
        )
        stored = {sid: rfc3339(saved) for sid, saved in rows.rows}
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    site = base_url(request)
    args = filters.args()
    query = ("?" + urlencode(args)) if args else ""
    region_name = None
    if filters.region:
        found = (await db.execute("select name from regions where code = ?", [filters.region])).rows
        region_name = found[0][0] if found else None
    body = atom_xml(
        feed_id=f"{ID_PREFIX}stories{query}",
        title=feed_title(filters, region_name),
        self_url=f"{site}/-/feed{query}",
        alternate_url=f"{site}/timeline{query}",
        entries=[story_entry(s, site, stored.get(s["story_id"]) or now) for s in stories],
        now=now,
    )
    return Response(body.decode("utf-8"), content_type="application/atom+xml; charset=utf-8")
