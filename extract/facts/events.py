"""Typed events: the happenings an article reports, then its dated statements.

* A sentence's event types come from the records of events.yaml, read by one
  matcher (extract/facts/events_match.py): a signing needs a signing word and
  an agreement word ("menandatangani kerja sama"), a payout a hand-over word
  near a payout noun, and every trigger must be reported as done.
* Its day is a day-precision date of the sentence that is an event's day
  (extract/facts/events_dates.py); undated, the nth day of a range ("pada
  hari kedua"), the day of the occasion it is placed in ("Pada kesempatan
  itu"), or what its record's options say.
* Mentions of one event are merged: same type and same date; an undated
  mention joins the dated event of its type. An event whose own sentence
  dates it only to a month keeps no date.
* Statements ("kata X, Rabu (8/11/2023)") come last
  (extract/facts/events_statements.py).
"""

from __future__ import annotations

import datetime as dt

from extract.event_types import event_types
from extract.facts.context import Context
from extract.facts.events_assemble import Candidate, build_event
from extract.facts.events_dates import (
    DatedMention,
    dated_mentions,
    day_before,
    day_of_occasion,
    inside_quote,
    neighbours,
    ordinal_day,
    unresolved_date,
)
from extract.facts.events_match import counts, on_same_occasion, sentence_types
from extract.facts.events_statements import extract_statements
from extract.model import Event

LEAD_SENTENCES = 2  # the lead of a news article: its first sentences


def extract_events(ctx: Context) -> list[Event]:
    """The article's events: the happenings it reports, then the dated
    statements (`extract_statements`)."""
    return extract_happenings(ctx) + extract_statements(ctx)


def extract_happenings(ctx: Context) -> list[Event]:
    records = event_types()
    dates = [d for d in dated_mentions(ctx) if not d.excluded and not d.statement]
    by_sentence: dict[int, list[DatedMention]] = {}
    for mention in dates:
        by_sentence.setdefault(mention.sentence.index, []).append(mention)
    month_only = {d.sentence.index for d in dated_mentions(ctx) if d.precision == "month" and not d.excluded}

    candidates: list[Candidate] = []
    for sentence in ctx.sentences:
        triggers = [
            t
            for t in sentence_types(sentence.text, neighbours(ctx, sentence))
            # words in a quote are what someone said, not what the article reports
            if not inside_quote(ctx.text, sentence.start + t.start)
        ]
        days = [d for d in by_sentence.get(sentence.index, []) if d.precision == "day"]
        if triggers and not days:
            days = ordinal_day(ctx, sentence, dates)
        if triggers and not days and on_same_occasion(sentence.text):
            days = day_of_occasion(ctx, sentence)
        triggers = [t for t in triggers if counts(t, sentence.text, bool(days))]
        if not days and any(records[t.type].day_from_sentence_before for t in triggers):
            days = day_before(ctx, sentence)
        used: set[int] = set()
        rest_type = None
        for trigger in triggers:
            # one signing is signed on one day: a range ("Kamis-Jumat
            # (3-4/10)") gives its first day unless another sentence says which
            ranged = records[trigger.type].range_rest is not None and len(days) > 1
            rest_type = rest_type or (records[trigger.type].range_rest if ranged else None)
            for day in (days[:1] if ranged else days) or [None]:
                if day is not None and not ranged:
                    used.add(id(day))
                candidates.append(
                    Candidate(
                        generic=trigger.alone,
                        type=trigger.type,
                        sentence=sentence,
                        trigger_start=sentence.start + trigger.start,
                        trigger_end=sentence.start + trigger.end,
                        date=day,
                        month_only=not days and (sentence.index in month_only or unresolved_date(ctx, sentence)),
                        from_range=ranged,
                    )
                )
        for day in days:
            if id(day) not in used and rest_type:
                # the other days of a range: the gathering the sentence reports
                candidates.append(Candidate(rest_type, sentence, sentence.start, sentence.start, date=day))
    merged = _merge(candidates)
    return [build_event(ctx, candidate) for candidate in merged]


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    """One event per type and day; undated mentions join their type's first
    dated event; an undated mention in the lead of a `lead_takes_first_day`
    type takes the article's first event day."""
    records = event_types()
    dated: dict[tuple[str, dt.date], Candidate] = {}
    first_of_type: dict[str, Candidate] = {}
    undated: list[Candidate] = []
    ranged = [c for c in candidates if c.from_range]
    for candidate in [c for c in candidates if not c.from_range] + ranged:
        if candidate.from_range and candidate.type in first_of_type:
            first_of_type[candidate.type].extra.append(candidate.sentence)
            continue
        if candidate.date is None:
            undated.append(candidate)
            continue
        key = (candidate.type, candidate.date.date)
        if key in dated:
            dated[key].extra.append(candidate.sentence)
            dated[key].generic = dated[key].generic and candidate.generic
            continue
        dated[key] = candidate
        first_of_type.setdefault(candidate.type, candidate)
    first_day = min((c for c in dated.values()), key=lambda c: c.date.start, default=None)
    kept_undated: dict[str, Candidate] = {}
    for candidate in undated:
        target = first_of_type.get(candidate.type)
        if target is not None and not candidate.month_only:
            target.extra.append(candidate.sentence)
            target.generic = target.generic and candidate.generic
            continue
        if candidate.type in kept_undated:
            kept_undated[candidate.type].extra.append(candidate.sentence)
            continue
        if (
            records[candidate.type].lead_takes_first_day
            and not candidate.month_only
            and candidate.sentence.index < LEAD_SENTENCES
            and first_day is not None
        ):
            candidate.date = first_day.date
            key = (candidate.type, candidate.date.date)
            dated[key] = candidate
            first_of_type[candidate.type] = candidate
            continue
        kept_undated[candidate.type] = candidate
    events = _held_mentions_joined(list(dated.values()) + list(kept_undated.values()))
    # "Acara berlangsung di ..., Senin (3/6)" in a hand-over report names the
    # hand-over's ceremony, not an event of its own
    days_of = {(c.type, c.date.date) for c in events if c.date is not None and not c.generic}
    events = [
        c
        for c in events
        if not (c.generic and c.date is not None and any(d == c.date.date and t != c.type for t, d in days_of))
    ]
    events.sort(key=lambda c: (c.sentence.index, c.trigger_start))
    return events


def _held_mentions_joined(events: list[Candidate]) -> list[Candidate]:
    """A sentence that only says something was held ("Kegiatan yang
    berlangsung pada Selasa ...", "Hadir dalam acara tersebut ...") is the
    occasion of the event of a `takes_held_mentions` type that has its day,
    else of one that has none (which it then dates)."""
    records = event_types()
    takers = sorted(
        (c for c in events if records[c.type].takes_held_mentions and not c.generic),
        key=lambda c: (c.sentence.index, c.trigger_start),
    )
    kept = []
    for held in events:
        if not held.generic or held.date is None:
            kept.append(held)
            continue
        others = [c for c in takers if c.type != held.type]
        target = next((c for c in others if c.date is not None and c.date.date == held.date.date), None)
        target = target or next((c for c in others if c.date is None and not c.month_only), None)
        if target is None:
            kept.append(held)
            continue
        target.date = target.date or held.date
        target.extra.extend([held.sentence, *held.extra])
    return kept
