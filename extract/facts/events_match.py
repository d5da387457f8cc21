"""The one matcher of event types: which types a sentence reports.

It reads the records of extract/data/facts/events.yaml (extract/event_types.py)
and knows no type by name: a record's trigger words, the words they need
nearby (`with`, within `window` words or anywhere in the sentence), the words
that rule them out, and its named options (`with_in_neighbours`,
`told_before`, `held_alone`, `requires_any`) say what counts. A trigger
reported as not done ("akan menandatangani", "diharapkan menerima") or inside
a quote does not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from extract.event_types import EventType, event_types
from extract.facts.text import clause_start, load_lexicon, word_pattern


class Trigger(NamedTuple):
    type: str
    start: int  # offsets of the trigger word in the sentence text
    end: int
    alone: bool = False  # a `held_alone` event: only said to be held ("Acara berlangsung ...")


@dataclass(frozen=True)
class _Rules:
    """One record's words, compiled."""

    record: EventType
    words: re.Pattern[str]
    with_words: re.Pattern[str] | None
    other_senses: dict[str, re.Pattern[str]]
    not_with: re.Pattern[str] | None
    not_after: re.Pattern[str] | None
    with_in_neighbours: re.Pattern[str] | None
    describing: re.Pattern[str] | None


@dataclass(frozen=True)
class _Matcher:
    rules: tuple[_Rules, ...]  # in priority order
    held: re.Pattern[str]
    not_done: re.Pattern[str]
    same_occasion: re.Pattern[str]
    verb_prefixes: tuple[str, ...]
    passive_prefixes: tuple[str, ...]


def _optional(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return word_pattern(words) if words else None


@lru_cache(maxsize=1)
def matcher() -> _Matcher:
    data = load_lexicon("events")
    rules = tuple(
        _Rules(
            record=t,
            words=word_pattern(t.words),
            with_words=_optional(t.with_words),
            other_senses={w: word_pattern(around) for w, around in t.other_senses.items()},
            not_with=_optional(t.not_with),
            not_after=_optional(t.not_after),
            with_in_neighbours=_optional(t.with_in_neighbours),
            describing=_optional(t.describing_words),
        )
        for t in event_types().values()
        if t.found_by == "triggers"
    )
    occasion = data["same_occasion"]
    return _Matcher(
        rules=rules,
        held=word_pattern(data["held_words"]),
        not_done=word_pattern(data["not_done_words"]),
        same_occasion=re.compile(
            word_pattern(occasion["openers"]).pattern + r"\s+(?:\w+\s+)?" + word_pattern(occasion["referents"]).pattern,
            re.IGNORECASE,
        ),
        verb_prefixes=tuple(data["verb_prefixes"]),
        passive_prefixes=tuple(data["passive_prefixes"]),
    )


def last_words(text: str, n: int) -> str:
    return " ".join(re.findall(r"[\w./-]+", text)[-n:])


def not_done(text: str, at: int) -> bool:
    """A planned or hoped-for happening: "akan menandatangani", "rencananya ..."."""
    before = last_words(text[clause_start(text, at) : at], 4)
    return bool(matcher().not_done.search(before))


def on_same_occasion(text: str) -> bool:
    """ "Pada kesempatan itu", "Usai penandatanganan": placed in another event."""
    return matcher().same_occasion.search(text) is not None


def sentence_types(text: str, neighbours: str = "") -> list[Trigger]:
    """The event types a sentence reports, one trigger each, in priority
    order. `neighbours` are the sentences around it in its paragraph, read by
    the `with_in_neighbours` and `told_before` options."""
    m = matcher()
    found: list[Trigger] = []
    for rules in m.rules:
        hit = _reported(rules, text, neighbours)
        if hit is None and rules.record.told_before and not _names_a_told_noun(text):
            hit = _told_before(rules, text, neighbours)
        if hit is not None:
            found.append(Trigger(rules.record.name, hit.start(), hit.end()))
    if not found:
        # "Acara berlangsung di ...": something held, of no named kind
        held = m.held.search(text)
        alone = next((r.record.name for r in m.rules if r.record.held_alone), None)
        if held and alone and not not_done(text, held.start()):
            found.append(Trigger(alone, held.start(), held.end(), alone=True))
    return found


def counts(trigger: Trigger, sentence: str, dated: bool) -> bool:
    """Is the trigger's event reported as a happening: does the sentence hold
    what its record `requires_any` of (or a day, for an event only said to be
    held)?"""
    if trigger.alone:
        return dated
    rules = next(r for r in matcher().rules if r.record.name == trigger.type)
    needs = rules.record.requires_any
    if not needs:
        return True
    return (
        ("day" in needs and dated)
        or ("held_word" in needs and matcher().held.search(sentence) is not None)
        or ("verb_form" in needs and _verb_form(rules, sentence, trigger))
        or ("occasion" in needs and on_same_occasion(sentence))
    )


def _verb_form(rules: _Rules, sentence: str, trigger: Trigger) -> bool:
    """ "meluncurkan", "disosialisasikan"; not "program yang diluncurkan"."""
    if not sentence[trigger.start : trigger.end].lower().startswith(matcher().verb_prefixes):
        return False
    return rules.describing is None or not rules.describing.search(last_words(sentence[: trigger.start], 1))


def _candidates(rules: _Rules, text: str):
    """The record's trigger words in the text that may report a happening:
    in their sense, not planned, not after a word that rules them out."""
    for hit in rules.words.finditer(text):
        if not _in_sense(rules, text, hit) or not_done(text, hit.start()):
            continue
        if rules.not_after is not None and rules.not_after.search(last_words(text[: hit.start()], 2)):
            continue
        yield hit


def _reported(rules: _Rules, text: str, neighbours: str) -> re.Match[str] | None:
    """The first trigger of the record whose `with` words are where they must be."""
    if rules.not_with is not None and rules.not_with.search(text):
        return None
    for hit in _candidates(rules, text):
        if rules.with_words is None or _with_found(rules, text, hit):
            return hit
        if (
            rules.with_in_neighbours is not None
            and rules.with_in_neighbours.fullmatch(hit.group(0))
            and rules.with_words.search(neighbours)
        ):
            return hit
    return None


def _with_found(rules: _Rules, text: str, hit: re.Match[str]) -> bool:
    assert rules.with_words is not None
    window, passive_window = rules.record.window, rules.record.passive_window
    if window is None:
        return rules.with_words.search(text) is not None
    passive_verb = hit.group(0).lower().startswith(matcher().passive_prefixes)
    for noun in rules.with_words.finditer(text):
        between = text[min(hit.end(), noun.end()) : max(hit.start(), noun.start())]
        words = len(re.findall(r"[\w-]+", between))
        if words <= window:
            return True
        # "Santunan untuk ... yang meninggal dunia diserahkan oleh ...": the
        # noun is the subject of a passive trigger in one clause
        passive = noun.end() <= hit.start() and passive_verb and not re.search(r"[,;:]", between)
        if passive and passive_window is not None and words <= passive_window:
            return True
    return False


def _names_a_told_noun(text: str) -> bool:
    return any(r.record.told_before and r.with_words is not None and r.with_words.search(text) for r in matcher().rules)


def _told_before(rules: _Rules, text: str, neighbours: str) -> re.Match[str] | None:
    """ "Penyerahan dilakukan di ..., Kamis (13/6/2024)." after "Ahli waris ...
    menerima manfaat ...": the trigger alone, the happening told around it."""
    hit = rules.words.search(text)
    if hit and not not_done(text, hit.start()) and _reported(rules, neighbours, ""):
        return hit
    return None


def _in_sense(rules: _Rules, text: str, hit: re.Match[str]) -> bool:
    """Not the word in another sense: "kebun apel", "Ruang Rapat"."""
    senses = rules.other_senses.get(hit.group(0).lower())
    if senses is None:
        return True
    before = re.findall(r"[\w-]+", text[: hit.start()])[-1:]
    after = re.findall(r"[\w-]+", text[hit.end() :])[:1]
    return not any(senses.fullmatch(w) for w in before + after)
