"""Reports in the database: articles with no event of their own, linked to the story they tell of.

`story_reports` holds one row per linked report (article id, story id,
points of evidence). A report is looked for among the articles that share a
figure with it (a number of workers, an amount, percentages), since it needs
one to be linked (extract.stories.reports). The link is recomputed whenever
the report is stored, an article sharing its figures is stored, or its story
changes, so that it depends on what is stored, not on the order of storing.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from extract.stories.match import StoryEvent, StoryRules, load_rules
from extract.stories.reports import ArticleEvidence, ReportRules, best_report_event, load_report_rules

_MAX_PARTNERS = 500


def is_report(db: Database, aid: str) -> bool:
    """Whether the article has no event other than statements (and so is matched as a whole)."""
    return (
        db.execute("select 1 from events where article_id = ? and type != 'statement' limit 1", [aid]).fetchone()
        is None
    )


def article_evidence(db: Database, aid: str) -> ArticleEvidence:
    """What the stored article `aid` says as a whole: places, people, bodies and figures."""

    def values(sql: str) -> set:
        return {row[0] for row in db.execute(sql, [aid]) if row[0] is not None and row[0] != ""}

    row = db.execute("select published from articles where id = ?", [aid]).fetchone()
    occasion = db.execute(
        "select date from events where article_id = ? and type = 'statement' and date_precision = 'day'"
        " and date is not null order by seq limit 1",
        [aid],
    ).fetchone()
    return ArticleEvidence(
        article_id=aid,
        published=row[0] if row else None,
        occasion=occasion[0] if occasion else None,
        regions=frozenset(
            values("select region_code from article_regions where article_id = ?1")
            | values("select region_code from official_mentions where article_id = ?1")
            | values("select region_code from events where article_id = ?1")
        ),
        region_names=frozenset(
            values("select region_name from article_regions where article_id = ?1")
            | values("select region_name from events where article_id = ?1")
        ),
        officials=frozenset(
            values("select official_key from official_mentions where article_id = ?1")
            | values(
                "select o.official_key from event_officials o join events e on e.id = o.event_id"
                " where e.article_id = ?1"
            )
        ),
        parties=frozenset(
            values("select organisation from official_mentions where article_id = ?1")
            | values(
                "select p.organisation from event_parties p join events e on e.id = p.event_id where e.article_id = ?1"
            )
        ),
        amounts=frozenset(int(v) for v in values("select amount_idr from payouts where article_id = ?1")),
        workers=frozenset(
            int(v)
            for v in values("select value from worker_counts where article_id = ?1")
            | values("select workers from events where article_id = ?1")
        ),
        percentages=frozenset(float(v) for v in values("select value from percentages where article_id = ?1")),
    )


def sharing_figures(db: Database, aid: str, rules: StoryRules, report_rules: ReportRules) -> list[str]:
    """Other articles that share a figure with `aid`: a number of workers, a non-standard amount, percentages."""
    standard = {f"s{i}": amount for i, amount in enumerate(sorted(rules.standard_amounts))}
    sql = f"""
        with mine(value) as (
          select value from worker_counts where article_id = :aid and value >= :min_workers
          union select workers from events where article_id = :aid and workers >= :min_workers
        )
        select article_id from worker_counts where value in (select value from mine)
        union select article_id from events where workers in (select value from mine)
        union select article_id from payouts where amount_idr in
          (select amount_idr from payouts where article_id = :aid and amount_idr not in ({",".join(":" + k for k in standard)}))
        union select article_id from percentages where value in
          (select value from percentages where article_id = :aid)
          group by article_id having count(distinct value) >= :min_pct
    """
    params = {
        "aid": aid,
        "min_pct": report_rules.min_shared_percentages,
        "min_workers": report_rules.min_workers_figure,
        **standard,
    }
    rows = db.execute(
        f"select article_id from ({sql}) where article_id != :aid order by article_id limit {_MAX_PARTNERS}", params
    )
    return sorted({row[0] for row in rows})


def _candidates(db: Database, partners: list[str]) -> list[tuple[StoryEvent, ArticleEvidence]]:
    from extract.store.stories import load_story_events

    if not partners:
        return []
    marks = ",".join("?" * len(partners))
    events = load_story_events(
        db, f"e.article_id in ({marks}) and e.type != 'statement' and e.story_id is not null order by e.id", partners
    )
    # Only the articles with an event to report are read as a whole.
    sources = {aid: article_evidence(db, aid) for aid in sorted({event.article_id for event, _ in events})}
    return [(event, sources[event.article_id]) for event, _ in events]


def relink_report(db: Database, aid: str, rules: StoryRules, report_rules: ReportRules) -> set[int]:
    """Link article `aid` to the story it reports, if it is a report and tells of one; the stories touched."""
    touched = {sid for (sid,) in db.execute("select story_id from story_reports where article_id = ?", [aid])}
    db.execute("delete from story_reports where article_id = ?", [aid])
    if not is_report(db, aid):
        return touched
    partners = sharing_figures(db, aid, rules, report_rules)
    best = best_report_event(article_evidence(db, aid), _candidates(db, partners), rules, report_rules)
    if best is None:
        return touched
    event, points = best
    (story_id,) = db.execute("select story_id from events where id = ?", [event.id]).fetchone()
    db.execute("insert into story_reports (article_id, story_id, points) values (?, ?, ?)", [aid, story_id, points])
    return touched | {story_id}


def update_reports(db: Database, aid: str, touched: Iterable[int]) -> set[int]:
    """Relink the reports that storing `aid` may have changed; the stories touched.

    Those are `aid` itself, the reports of the stories that changed, and,
    when `aid` has events, the reports that share a figure with it.
    """
    rules, report_rules = load_rules(), load_report_rules()
    touched = sorted(set(touched))
    reports = {aid}
    for start in range(0, len(touched), 500):
        chunk = touched[start : start + 500]
        reports |= {
            r
            for (r,) in db.execute(
                f"select article_id from story_reports where story_id in ({','.join('?' * len(chunk))})", chunk
            )
        }
    if not is_report(db, aid):
        reports |= {other for other in sharing_figures(db, aid, rules, report_rules) if is_report(db, other)}
    changed: set[int] = set()
    for report in sorted(reports):
        changed |= relink_report(db, report, rules, report_rules)
    return changed
