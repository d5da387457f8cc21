"""Statements given on a known day ("kata X, Rabu (8/11/2023)"): events of
the type found by speech (events.yaml, `found_by: speech`), one per day, with
the officials who spoke. They come after the happenings in an article's list."""

from __future__ import annotations

import datetime as dt
import re

from extract.event_types import event_types
from extract.facts.context import Context
from extract.facts.events_assemble import region_of, venue_of
from extract.facts.events_dates import DatedMention, dated_mentions, speech_verb_before
from extract.model import Event
from extract.normalize.names import name_key


def _statement_type() -> str:
    return next(name for name, t in event_types().items() if t.found_by == "speech")


def extract_statements(ctx: Context) -> list[Event]:
    """One event per day someone spoke, its provenance the first sentence
    dating it, its officials those who spoke."""
    by_day: dict[dt.date, Event] = {}
    for mention in dated_mentions(ctx):
        if not mention.statement or mention.excluded or mention.precision != "day":
            continue
        speakers = _speakers(ctx, mention)
        event = by_day.get(mention.date)
        if event is not None:
            event.officials.extend(k for k in speakers if k not in event.officials)
            continue
        sentences = [mention.sentence]
        venue = venue_of(ctx, sentences)
        region = region_of(ctx, sentences, venue)
        verb = speech_verb_before(ctx.text, mention.sentence, mention.start)
        start = verb.start() + mention.sentence.start if verb else mention.start
        by_day[mention.date] = Event(
            type=_statement_type(),
            date=mention.date.isoformat(),
            date_precision="day",
            venue=venue,
            region_code=region.code if region else None,
            region_name=region.name if region else None,
            officials=speakers,
            provenance=ctx.provenance(start, mention.end, f"events.{_statement_type()}"),
        )
    events = list(by_day.values())
    for event in events:
        event.summary = _statement_summary(ctx, event)
    return events


def _speakers(ctx: Context, mention: DatedMention) -> list[str]:
    """Keys of the officials who gave the statement: the one named between
    the speech verb and the date ("kata Gus Mujib, Rabu ..."), else the one
    official the sentence names ("Ditemui di kantornya, Jumat (8/3/2024),
    Teguh Santoso menyebut ..."); nobody when that is not clear."""
    officials = ctx.results.get("officials", [])
    verb = speech_verb_before(ctx.text, mention.sentence, mention.start)
    if verb:
        between = ctx.text[mention.sentence.start + verb.end() : mention.start]
        named = {name_key(w) for w in re.findall(r"[A-Z][\w'’-]*", between)} - {""}
        overlap = {o.key: len(named & set(o.key.split())) for o in officials}
        best = max(overlap.values(), default=0)
        if best and list(overlap.values()).count(best) == 1:
            return [k for k, n in overlap.items() if n == best]
    sentence = mention.sentence
    in_sentence = [
        o.key
        for o in officials
        if any((s := ctx.sentence_of(p)) is not None and s.index == sentence.index for p in o.provenance)
        or re.search(r"(?<!\w)" + re.escape(o.name) + r"(?!\w)", sentence.text, re.IGNORECASE)
    ]
    return in_sentence if len(in_sentence) == 1 else []


def _statement_summary(ctx: Context, event: Event) -> str:
    """ "Pernyataan Rudi Hartono (Kepala Dinas Sosial Tuban) (2024-05-22)"."""
    names = {o.key: o for o in ctx.results.get("officials", [])}
    parts = [event_types()[event.type].summary]
    for key in event.officials:
        official = names.get(key)
        if official is not None:
            parts.append(official.name + (f" ({official.position})" if official.position else ""))
    if event.date:
        parts.append(f"({event.date})")
    return " ".join(parts)
