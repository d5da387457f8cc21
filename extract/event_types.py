"""The event types, declared once: the records of extract/data/facts/events.yaml.

Each record names a type's label on the site, its summary words, its
priority and what the one generic matcher (extract/facts/events_match.py)
needs to find it. The facts layer, the site's labels and the events scorer
all read the types from here. Loading checks every record: an unknown key or
a malformed value is an `EventTypeError` naming the file and the record,
never silently ignored. This module reads YAML only (no NLP), so the site
can import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

REQUIREMENTS = ("day", "held_word", "verb_form", "occasion")
ARGUMENTS = ("parties", "workers")
FINDERS = ("triggers", "speech")
# The sections of the file besides the records, each read by one module of
# extract/facts (events_*.py, date_context.py, parties.py).
SECTIONS = {
    "event_types",
    "held_words",
    "verb_prefixes",
    "passive_prefixes",
    "same_occasion",
    "not_done_words",
    "date_exclusion_words",
    "date_cutoff_words",
    "date_context",
    "exclusion_window",
    "date_exclusion_after",
    "exclusion_window_after",
    "statement_link_window",
    "interview_words",
    "party_venue",
    "coverage_words",
    "coverage_negations",
    "resident_words",
    "working_words",
    "ordinal_days",
}
_RECORD_KEYS = {
    "label",
    "summary",
    "priority",
    "found_by",
    "triggers",
    "not_with",
    "not_after",
    "with_in_neighbours",
    "told_before",
    "requires_any",
    "describing_words",
    "held_alone",
    "takes_held_mentions",
    "range_rest",
    "day_from_sentence_before",
    "lead_takes_first_day",
    "arguments",
}
_TRIGGER_KEYS = {"words", "with", "window", "passive_window", "other_senses"}


class EventTypeError(ValueError):
    """A malformed events file; the message is one line naming the file and record."""


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    summary: str
    found_by: str = "triggers"
    priority: int = 0
    words: tuple[str, ...] = ()
    with_words: tuple[str, ...] = ()
    window: int | None = None  # None: anywhere in the sentence
    passive_window: int | None = None
    other_senses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_with: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()
    with_in_neighbours: tuple[str, ...] = ()
    told_before: bool = False
    requires_any: tuple[str, ...] = ()
    describing_words: tuple[str, ...] = ()
    held_alone: bool = False
    takes_held_mentions: bool = False
    range_rest: str | None = None
    day_from_sentence_before: bool = False
    lead_takes_first_day: bool = False
    arguments: tuple[str, ...] = ()


def default_file() -> Path:
    return Path(str(resources.files("extract").joinpath("data/facts/events.yaml")))


@cache
def event_types(path: Path | None = None) -> dict[str, EventType]:
    """The records of the events file, by type name, in priority order
    (matched types first, then those found otherwise)."""
    path = path or default_file()
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise EventTypeError(f"{path}: cannot be read as YAML ({_one_line(error)})") from None
    return parse_event_types(data, str(path))


def parse_event_types(data: Any, where: str) -> dict[str, EventType]:
    if not isinstance(data, dict):
        raise EventTypeError(f"{where}: not a mapping of sections")
    unknown = sorted(set(data) - SECTIONS)
    if unknown:
        raise EventTypeError(f"{where}: unknown section {unknown[0]!r}")
    records = data.get("event_types")
    if not isinstance(records, dict) or not records:
        raise EventTypeError(f"{where}: 'event_types' must map type names to records")
    types = [_record(str(name), record, f"{where}: event type {name!r}") for name, record in records.items()]
    matched = [t for t in types if t.found_by == "triggers"]
    seen: dict[int, str] = {}
    for t in matched:
        if t.priority in seen:
            raise EventTypeError(
                f"{where}: event type {t.name!r}: priority {t.priority} is given twice (also {seen[t.priority]!r})"
            )
        seen[t.priority] = t.name
    names = {t.name for t in types}
    for t in types:
        if t.range_rest is not None and t.range_rest not in names:
            raise EventTypeError(f"{where}: event type {t.name!r}: range_rest names unknown type {t.range_rest!r}")
    ordered = sorted(matched, key=lambda t: t.priority) + [t for t in types if t.found_by != "triggers"]
    return {t.name: t for t in ordered}


def _record(name: str, record: Any, where: str) -> EventType:
    if not isinstance(record, dict):
        raise EventTypeError(f"{where}: a record must be a mapping of keys")
    unknown = sorted(set(record) - _RECORD_KEYS)
    if unknown:
        raise EventTypeError(f"{where}: unknown key {unknown[0]!r}")
    found_by = record.get("found_by", "triggers")
    if found_by not in FINDERS:
        raise EventTypeError(f"{where}: found_by must be one of {', '.join(FINDERS)}")
    fields: dict[str, Any] = {
        "name": name,
        "label": _text(record, "label", where),
        "summary": _text(record, "summary", where),
        "found_by": found_by,
    }
    if found_by == "speech":
        extra = sorted(set(record) - {"label", "summary", "found_by"})
        if extra:
            raise EventTypeError(f"{where}: a type found by speech takes no {extra[0]!r}")
        return EventType(**fields)
    priority = record.get("priority")
    if not isinstance(priority, int) or isinstance(priority, bool) or priority < 1:
        raise EventTypeError(f"{where}: priority must be a whole number from 1")
    fields["priority"] = priority
    fields.update(_triggers(record.get("triggers"), where))
    for key in ("not_with", "not_after", "with_in_neighbours", "describing_words"):
        if key in record:
            fields[key] = _words(record[key], f"{where}: {key}")
    for key in ("told_before", "held_alone", "takes_held_mentions", "day_from_sentence_before", "lead_takes_first_day"):
        if key in record:
            if not isinstance(record[key], bool):
                raise EventTypeError(f"{where}: {key} must be true or false")
            fields[key] = record[key]
    fields["requires_any"] = _choices(record.get("requires_any", []), REQUIREMENTS, f"{where}: requires_any")
    fields["arguments"] = _choices(record.get("arguments", []), ARGUMENTS, f"{where}: arguments")
    if "range_rest" in record:
        fields["range_rest"] = _text(record, "range_rest", where)
    for key in ("told_before", "with_in_neighbours"):
        if fields.get(key) and not fields.get("with_words"):
            raise EventTypeError(f"{where}: {key} needs triggers.with")
    return EventType(**fields)


def _triggers(triggers: Any, where: str) -> dict[str, Any]:
    where = f"{where}: triggers"
    if not isinstance(triggers, dict):
        raise EventTypeError(f"{where}: must be a mapping with 'words'")
    unknown = sorted(set(triggers) - _TRIGGER_KEYS)
    if unknown:
        raise EventTypeError(f"{where}: unknown key {unknown[0]!r}")
    if "words" not in triggers:
        raise EventTypeError(f"{where}: 'words' is missing")
    out: dict[str, Any] = {"words": _words(triggers["words"], f"{where}.words")}
    if "with" in triggers:
        out["with_words"] = _words(triggers["with"], f"{where}.with")
        window = triggers.get("window")
        if window != "sentence" and not (isinstance(window, int) and not isinstance(window, bool) and window >= 0):
            raise EventTypeError(f"{where}.window: a number of words or 'sentence'")
        out["window"] = None if window == "sentence" else window
    elif "window" in triggers or "passive_window" in triggers:
        raise EventTypeError(f"{where}: a window needs 'with' words")
    if "passive_window" in triggers:
        passive = triggers["passive_window"]
        if not isinstance(passive, int) or isinstance(passive, bool) or passive < 0:
            raise EventTypeError(f"{where}.passive_window: a number of words")
        out["passive_window"] = passive
    senses = triggers.get("other_senses", {})
    if not isinstance(senses, dict):
        raise EventTypeError(f"{where}.other_senses: must map a trigger word to the words around it")
    out["other_senses"] = {
        str(word).lower(): _words(around, f"{where}.other_senses.{word}") for word, around in senses.items()
    }
    return out


def _words(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise EventTypeError(f"{where}: must be a non-empty list of words")
    return tuple(value)


def _choices(value: Any, allowed: tuple[str, ...], where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EventTypeError(f"{where}: must be a list, of {', '.join(allowed)}")
    wrong = [v for v in value if v not in allowed]
    if wrong:
        raise EventTypeError(f"{where}: {wrong[0]!r} is not one of {', '.join(allowed)}")
    return tuple(value)


def _text(record: dict, key: str, where: str) -> str:
    value = record.get(key)
    if not isinstance(value, str) or not value.strip():
        raise EventTypeError(f"{where}: {key} must be a non-empty text")
    return value


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def event_label(event_type: str | None) -> str:
    """ "agreement_signing" -> "Agreement signed"; an unknown type is written out."""
    record = event_types().get(event_type or "")
    return record.label if record else (event_type or "event").replace("_", " ")


def matched_types() -> tuple[str, ...]:
    """The types the matcher finds (statements are found otherwise)."""
    return tuple(name for name, t in event_types().items() if t.found_by == "triggers")
