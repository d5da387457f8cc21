"""An Event assembled from the mentions of one happening: its date and
evidence, venue, region, officials present and the arguments its record asks
for (events.yaml `arguments`: the parties of a signing, the workers it
covers), and its one-line summary."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.event_types import event_types
from extract.facts.context import Context
from extract.facts.events_dates import DatedMention
from extract.facts.events_match import last_words
from extract.facts.parties import signing_parties
from extract.facts.text import Sentence, load_lexicon, word_pattern
from extract.model import Event


@dataclass
class Candidate:
    """A mention of an event of one type, before mentions are merged."""

    type: str
    sentence: Sentence
    trigger_start: int
    trigger_end: int
    date: DatedMention | None = None
    month_only: bool = False  # its sentence dates it to a month, not a day
    from_range: bool = False  # dated by the first day of a multi-day range
    generic: bool = False  # only said to be held ("Acara berlangsung ...")
    extra: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class _Words:
    coverage: re.Pattern[str]
    coverage_negations: re.Pattern[str]
    residents: re.Pattern[str]
    working: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_lexicon("events")
    return _Words(
        coverage=word_pattern(data["coverage_words"]),
        coverage_negations=word_pattern(data["coverage_negations"]),
        residents=word_pattern(data["resident_words"]),
        working=word_pattern(data["working_words"]),
    )


def build_event(ctx: Context, candidate: Candidate) -> Event:
    sentences = [candidate.sentence] + [s for s in candidate.extra if s.index != candidate.sentence.index]
    date = candidate.date
    venue = venue_of(ctx, sentences)
    region = region_of(ctx, sentences, venue)
    arguments = event_types()[candidate.type].arguments
    parties = signing_parties(ctx, sentences) if "parties" in arguments else []
    officials = _officials_present(ctx, sentences)
    workers = _workers(ctx, sentences, _about(candidate.type)) if "workers" in arguments else None
    evidence_start = min(candidate.trigger_start, date.start) if date else candidate.trigger_start
    evidence_end = max(candidate.trigger_end, date.end) if date else candidate.trigger_end
    if date and date.sentence.index != candidate.sentence.index:
        evidence_start, evidence_end = candidate.trigger_start, candidate.trigger_end
    event = Event(
        type=candidate.type,
        date=date.date.isoformat() if date else None,
        date_precision=date.precision if date else None,
        venue=venue,
        region_code=region.code if region else None,
        region_name=region.name if region else None,
        parties=parties,
        officials=officials,
        workers=workers,
        provenance=ctx.provenance(evidence_start, max(evidence_end, evidence_start + 1), f"events.{candidate.type}"),
    )
    event.summary = _summary(event)
    return event


_VENUE = re.compile(
    r"\b(?:di|bertempat\s+di|berlokasi\s+di)\s+"
    r"(?P<venue>(?:[A-Z][\w'’.-]*|\d+)(?:\s+(?:[A-Z][\w'’.-]*|\d+|dan|&|\([A-Za-z]+\)))*"
    r"(?:,\s+(?:Desa|Kelurahan|Kecamatan|Kabupaten|Kota|Kab\.)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*)"
)


def venue_of(ctx: Context, sentences: list[Sentence]) -> str | None:
    for sentence in sentences:
        for match in _VENUE.finditer(sentence.text):
            venue = match.group("venue").rstrip(".,")
            if len(venue) > 3 and not ctx.is_furniture(sentence.start + match.start(), sentence.start + match.end()):
                return venue
    return None


def region_of(ctx: Context, sentences: list[Sentence], venue: str | None):
    from extract.nlp.regions import resolve_region

    if venue:
        region = resolve_region(venue, ctx.text)
        if region is not None:
            return region
    regions = ctx.results.get("regions", [])
    indexes = {s.index for s in sentences}
    for region in regions:
        if region.provenance and (sentence := ctx.sentence_of(region.provenance)) and sentence.index in indexes:
            return region
    return regions[0] if regions else None


def _officials_present(ctx: Context, sentences: list[Sentence]) -> list[str]:
    indexes = {s.index for s in sentences}
    keys = []
    for official in ctx.results.get("officials", []):
        for prov in official.provenance:
            sentence = ctx.sentence_of(prov)  # None for a caption: present in the photo, not the sentence
            if sentence is not None and sentence.index in indexes and official.key not in keys:
                keys.append(official.key)
    return keys


@lru_cache
def _about(event_type: str) -> re.Pattern[str]:
    """What a sentence about an event of this type names: its `with` words."""
    return word_pattern(event_types()[event_type].with_words)


def _workers(ctx: Context, sentences: list[Sentence], about: re.Pattern[str]) -> int | None:
    """The workers an agreement covers: the largest count of people in a
    sentence about the agreement ("PKS perlindungan bagi 3.200 pekerja",
    "Lewat PKS tersebut, sebanyak 1.250 guru ngaji ..."); else the largest the
    article says are covered or registered. Counts of those "belum
    terdaftar" and totals coverage is measured against ("dari 95.000
    pekerja") are left out."""
    lex = _words()
    counts = []
    for count in ctx.results.get("worker_counts", []):
        sentence = ctx.sentence_of(count.provenance) if count.provenance else None
        if sentence is None:
            continue
        before = last_words(ctx.text[sentence.start : count.provenance.start], 3)
        after = ctx.text[count.provenance.end : sentence.end]
        if re.search(r"(?i)\b(dari|total)\b", before) or lex.coverage_negations.search(after[:40]):
            continue
        counts.append((count, sentence))
    about_it = [c.value for c, s in counts if about.search(s.text)]
    if about_it:
        return max(about_it)
    # residents insured for health ("163.342 jiwa", "14 ribu warga") are
    # not the workers an agreement covers
    covered = [c.value for c, s in counts if lex.coverage.search(s.text) and not _residents(c.category)]
    return max(covered) if covered else None


def _residents(category: str) -> bool:
    """ "163.342 jiwa", "warga Kota Batu"; not "jiwa pekerja rentan"."""
    lex = _words()
    return lex.residents.search(category) is not None and lex.working.search(category) is None


def _summary(event: Event) -> str:
    record = event_types().get(event.type)
    parts = [record.summary if record else event.type]
    if event.parties:
        parts.append(" – ".join(event.parties))
    where = event.venue or event.region_name
    if where:
        parts.append(f"di {where}")
    if event.date:
        parts.append(f"({event.date})")
    return " ".join(parts)
