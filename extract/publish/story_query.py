"""The filters of the timeline of stories, and the one SQL that applies them.

The /timeline page, its CSV and JSON, and the Atom feeds all read stories
through `story_sql`, so a feed of a saved search lists what the page shows.
Only the filters given become conditions, so that SQLite reads stories in
timeline order from its index (m030) and stops once a page is full.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any
from collections.abc import Mapping

from extract.normalize.money import parse_rupiah
from extract.publish.guard import search_text

# Payout kinds that are money handed to someone: what the money views show
# unless asked for every kind (parts of a total, stated totals, statistics).
HANDOVER_KINDS = ("single",)
SORTS = ("newest", "oldest")


@dataclass(frozen=True)
class StoryFilters:
    region: str = ""  # a Kemendagri code, or part of a region's name
    type: str = ""  # an event type; "" hides statements; "all" shows every type
    year: str = ""
    programme: str = ""  # JKM, JKK, JHT, JP, JKP, beasiswa
    amount_min: str = ""  # rupiah, as typed: "100 juta", "100.000.000"
    amount_max: str = ""
    money: str = ""  # "" = hand-overs only, "all" = every kind of payout
    q: str = ""  # words, in the events' or the articles' text
    sort: str = "newest"

    @classmethod
    def from_args(cls, args: Mapping[str, Any]) -> StoryFilters:
        values = {f.name: str(args.get(f.name) or "").strip() for f in fields(cls)}
        if values["sort"] not in SORTS:
            values["sort"] = "newest"
        if values["money"] != "all":
            values["money"] = ""
        if not values["year"].isdigit():
            values["year"] = ""
        # Words a full-text query can take: control characters and quote-only
        # queries would be an FTS5 syntax error (extract.publish.guard).
        values["q"] = search_text(values["q"])
        return cls(**values)

    def args(self) -> dict[str, str]:
        """The filters that are set, for links (the default sort left out)."""
        return {k: v for k, v in asdict(self).items() if v and not (k == "sort" and v == "newest")}

    def amount_bounds(self) -> tuple[int | None, int | None]:
        return _rupiah(self.amount_min), _rupiah(self.amount_max)

    def payout_kinds(self) -> tuple[str, ...] | None:
        """The payout kinds the money views count; None for every kind."""
        return None if self.money == "all" else HANDOVER_KINDS


def _rupiah(text: str) -> int | None:
    if not text:
        return None
    return parse_rupiah(text) or parse_rupiah(f"Rp {text}")


def kinds_condition(kinds: tuple[str, ...] | None, column: str = "p.kind") -> str:
    if kinds is None:
        return "1"
    return f"{column} in ({', '.join(repr(k) for k in kinds)})"


STORY_COLUMNS = """
  s.id as story_id, s.type, s.date, s.year, s.region_code, coalesce(r.name, s.region_code) as region,
  s.title, s.event_count, s.article_count, s.source_count, s.sources, s.programmes,
  s.first_published, s.last_published
"""


# Words found in at least this many articles are checked story by story
# (matches come soon in timeline order); fewer, from the list of matches.
BROAD_WORDS = 10_000
BROAD_WORDS_SQL = (
    f"select count(*) from (select 1 from articles_fts where articles_fts match escape_fts(:q) limit {BROAD_WORDS})"
)


def story_sql(
    filters: StoryFilters, story_id: int | None = None, *, broad_words: bool = False, columns: str = STORY_COLUMNS
) -> tuple[str, dict[str, Any]]:
    """SELECT of the stories the filters match (or of one story), in the chosen order (no LIMIT).

    Stories are read in timeline order from idx_stories_newest/oldest, which
    hold date, type and region: type, region and year (as a date range) are
    checked inside the index ("+" keeps SQLite off the other indexes and the
    sort they need), and the scan stops once a page is full. `broad_words`: the words
    match at least BROAD_WORDS articles (BROAD_WORDS_SQL tells). `columns`:
    what to select ("s.id" to count).
    """
    where: list[str] = []
    params: dict[str, Any] = {}
    if story_id is not None:
        where.append("s.id = :story_id")
        params["story_id"] = story_id
    if filters.type == "":
        where.append("+s.type != 'statement'")
    elif filters.type != "all":
        where.append("+s.type = :type")
        params["type"] = filters.type
    if filters.region:
        where.append(
            "+s.region_code in (select code from regions where code = :region or name like '%' || :region || '%')"
        )
        params["region"] = filters.region
    if filters.year:
        where.append("+s.date >= :year_start and +s.date < :year_end")
        params.update(year_start=f"{int(filters.year):04d}", year_end=f"{int(filters.year) + 1:04d}")
    if filters.programme:
        where.append("s.programmes like '%\"' || :programme || '\"%'")
        params["programme"] = filters.programme
    low, high = filters.amount_bounds()
    if low is not None or high is not None:
        where.append(
            "exists (select 1 from payouts p where p.story_id = s.id"
            f" and {kinds_condition(filters.payout_kinds())}"
            + (" and p.amount_idr >= :amount_min" if low is not None else "")
            + (" and p.amount_idr <= :amount_max" if high is not None else "")
            + ")"
        )
        params.update({k: v for k, v in (("amount_min", low), ("amount_max", high)) if v is not None})
    if filters.q and broad_words:
        where.append(
            "(exists (select 1 from events e join articles a on a.id = e.article_id where e.story_id = s.id"
            " and (e.id in (select rowid from events_fts where events_fts match escape_fts(:q))"
            " or a.rowid in (select rowid from articles_fts where articles_fts match escape_fts(:q))))"
            # Its reports (articles with no event of their own) are read too.
            " or exists (select 1 from story_reports sr join articles a on a.id = sr.article_id where sr.story_id = s.id"
            " and a.rowid in (select rowid from articles_fts where articles_fts match escape_fts(:q))))"
        )
        params["q"] = filters.q
    elif filters.q:
        where.append(
            "s.id in (select story_id from events where id in"
            " (select rowid from events_fts where events_fts match escape_fts(:q))"
            " union select story_id from events where article_id in (select id from articles where rowid in"
            " (select rowid from articles_fts where articles_fts match escape_fts(:q)))"
            # Its reports (articles with no event of their own) are read too.
            " union select story_id from story_reports where article_id in (select id from articles where rowid in"
            " (select rowid from articles_fts where articles_fts match escape_fts(:q))))"
        )
        params["q"] = filters.q
    order = "s.date is null, s.date, s.id" if filters.sort == "oldest" else "s.date is null, s.date desc, s.id desc"
    sql = (
        f"select {columns} from stories s left join regions r on r.code = s.region_code"
        + (" where " + " and ".join(where) if where else "")
        + f" order by {order}"
    )
    return sql, params
