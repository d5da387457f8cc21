"""Whether two events are one story: pure decisions over plain data.

A story is one real happening as one or more articles report it. Two events
are the same story when they are of the same type, their dates agree (the
same or an adjacent day; or, for an event without a date of its own, its
article came out within a few days of the other) and they share enough
evidence: region, organisations, officials, amounts, number of workers, or
the very sentence. How much evidence each kind of date agreement needs, and
the thresholds, are data (extract/data/stories.yaml).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from collections.abc import Iterable

import yaml

SAME_DAY, NEAR, UNKNOWN, FAR = "same_day", "near", "unknown", "far"


@dataclass(frozen=True)
class StoryRules:
    adjacent_days: int
    report_lag_days: int
    min_evidence: dict[str, int]
    evidence: dict[str, int]
    generic_parties: frozenset[str]
    party_filler_words: frozenset[str]
    official_single_word_min_length: int
    standard_amounts: frozenset[int]


@functools.cache
def load_rules() -> StoryRules:
    data = yaml.safe_load(resources.files("extract").joinpath("data/stories.yaml").read_text("utf-8"))
    return StoryRules(
        adjacent_days=int(data["adjacent_days"]),
        report_lag_days=int(data["report_lag_days"]),
        min_evidence=dict(data["min_evidence"]),
        evidence=dict(data["evidence"]),
        generic_parties=frozenset(_plain(p) for p in data["generic_parties"]),
        party_filler_words=frozenset(data["party_filler_words"]),
        official_single_word_min_length=int(data["official_single_word_min_length"]),
        standard_amounts=frozenset(int(a) for a in data["standard_amounts"]),
    )


@dataclass(frozen=True)
class StoryEvent:
    """What the merger knows of one stored event."""

    id: int
    article_id: str
    type: str
    date: str | None = None  # the event's own date (ISO)
    precision: str | None = None  # day, month, year
    published: str | None = None  # its article's publication date
    region_code: str | None = None
    region_name: str | None = None
    parties: frozenset[str] = field(default_factory=frozenset)
    officials: frozenset[str] = field(default_factory=frozenset)
    amounts: frozenset[int] = field(default_factory=frozenset)
    workers: int | None = None
    sentence: str | None = None


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def party_key(name: str, rules: StoryRules, place_words: frozenset[str] = frozenset()) -> str | None:
    """The words of an organisation's name that tell it apart; None for a generic party.

    `place_words` are the words of the region's name, which the region
    itself already counts for.
    """
    plain = _plain(name)
    if not plain or plain in rules.generic_parties:
        return None
    words = [w for w in plain.split() if w not in rules.party_filler_words and w not in place_words]
    return " ".join(words) or None


def official_words(key: str) -> tuple[str, ...]:
    return tuple(_plain(key).split())


def officials_match(a: str, b: str, rules: StoryRules) -> bool:
    """One person: the same words, or one name's words all within the other's."""
    wa, wb = set(official_words(a)), set(official_words(b))
    if not wa or not wb:
        return False
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not short <= long:
        return False
    if len(short) == 1:
        return len(next(iter(short))) >= rules.official_single_word_min_length
    return True


def _day(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_agreement(a: StoryEvent, b: StoryEvent, rules: StoryRules) -> str:
    """How the dates of two events agree: same_day, near, unknown or far."""
    da = _day(a.date) if a.precision in (None, "day") else None
    db = _day(b.date) if b.precision in (None, "day") else None
    if da and db:
        return SAME_DAY if abs((da - db).days) <= rules.adjacent_days else FAR
    # A month or a year only: the same month (year) is as close as it can tell.
    for x, y in ((a, b), (b, a)):
        if x.date and x.precision in ("month", "year"):
            other = y.date or y.published
            if not other:
                return UNKNOWN
            width = 7 if x.precision == "month" else 4
            return NEAR if other[:width] == x.date[:width] else FAR
    # Undated events are placed at their article's publication, which comes
    # out on the day of the event or within report_lag_days after it.
    pa = da or _day(a.published)
    pb = db or _day(b.published)
    if pa is None or pb is None:
        return UNKNOWN
    if da and not db:
        lag = (pb - da).days
        return NEAR if -rules.adjacent_days <= lag <= rules.report_lag_days else FAR
    if db and not da:
        lag = (pa - db).days
        return NEAR if -rules.adjacent_days <= lag <= rules.report_lag_days else FAR
    return NEAR if abs((pa - pb).days) <= rules.report_lag_days else FAR


def shared_evidence(a: StoryEvent, b: StoryEvent, rules: StoryRules) -> int | None:
    """Points of evidence the two events share; None when their regions differ."""
    if a.region_code and b.region_code and a.region_code != b.region_code:
        return None
    weights = rules.evidence
    points = 0
    if a.sentence and a.sentence == b.sentence:
        points += weights["sentence"]
    if a.region_code and a.region_code == b.region_code:
        points += weights["region"]
    places = frozenset(_plain(f"{a.region_name or ''} {b.region_name or ''}").split())
    parties_a = {party_key(p, rules, places) for p in a.parties} - {None}
    parties_b = {party_key(p, rules, places) for p in b.parties} - {None}
    if parties_a & parties_b:
        points += weights["party"]
    elif len(a.parties) >= 2 and {_plain(p) for p in a.parties} == {_plain(p) for p in b.parties}:
        # The very same set of parties, generic ones included ("Pemkab Tegal"
        # and "BPJS Ketenagakerjaan" in both reports): one pair seldom signs
        # twice within the days the dates allow.
        points += weights["same_parties"]
    if any(officials_match(x, y, rules) for x in a.officials for y in b.officials):
        points += weights["official"]
    if (a.amounts & b.amounts) - rules.standard_amounts:
        points += weights["amount"]
    if a.workers and a.workers == b.workers:
        points += weights["workers"]
    return points


def same_story(a: StoryEvent, b: StoryEvent, rules: StoryRules | None = None) -> bool:
    """Whether two events report one happening."""
    rules = rules or load_rules()
    if a.type != b.type or a.id == b.id:
        return False
    agreement = date_agreement(a, b, rules)
    if agreement == FAR:
        return False
    points = shared_evidence(a, b, rules)
    return points is not None and points >= rules.min_evidence[agreement]


def cluster(events: Iterable[StoryEvent], rules: StoryRules | None = None) -> list[list[StoryEvent]]:
    """Events grouped into stories (single link), each group in input order, groups by first member."""
    rules = rules or load_rules()
    events = list(events)
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_type: dict[str, list[int]] = {}
    for i, event in enumerate(events):
        by_type.setdefault(event.type, []).append(i)
    for indices in by_type.values():
        for n, i in enumerate(indices):
            for j in indices[n + 1 :]:
                if find(i) != find(j) and same_story(events[i], events[j], rules):
                    parent[find(j)] = find(i)
    groups: dict[int, list[StoryEvent]] = {}
    for i, event in enumerate(events):  # a root's group is created at its first member
        groups.setdefault(find(i), []).append(event)
    return list(groups.values())


def candidate_window(event: StoryEvent, rules: StoryRules | None = None) -> tuple[str, str] | None:
    """The range of stored timeline dates an event's partners can have; None when it has no date at all."""
    rules = rules or load_rules()
    anchor = _day(event.date) or _day(event.published)
    if anchor is None:
        if event.date and event.precision in ("month", "year"):
            width = 7 if event.precision == "month" else 4
            return event.date[:width], event.date[:width] + "\uffff"
        return None
    reach = rules.adjacent_days + rules.report_lag_days
    return (anchor - dt.timedelta(days=reach)).isoformat(), (anchor + dt.timedelta(days=reach)).isoformat()
