"""The dates of an article's events: every resolved date in its content
sentences, judged.

Every day-precision date is the day of a reported event unless its clause
says it is a death, an accident, a data cut-off, the day a rule takes effect,
or something planned (events.yaml, `date_exclusion_words`). A date right
after a speech clause ("kata X, Rabu (8/11/2023)"), or the day of an
interview in a sentence that reports no event, is the day of a statement
(extract/facts/events_statements.py). The helpers at the end find the day of
an undated mention: the day of the occasion it is placed in, of the sentence
before, or the nth day of a range.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.date_context import is_time_stamp, period_bounds, speech_verbs, words_before
from extract.facts.events_match import sentence_types
from extract.facts.text import Sentence, load_lexicon, word_pattern
from extract.normalize.dates import DateMatch


@dataclass
class DatedMention:
    start: int  # offsets of the date expression in the article text
    end: int
    date: dt.date
    precision: str
    sentence: Sentence
    excluded: str | None = None  # why it is not an event's day
    statement: bool = False


@dataclass(frozen=True)
class _Words:
    exclusions: re.Pattern[str]
    cutoffs: re.Pattern[str]
    window: int
    exclusions_after: re.Pattern[str]
    window_after: int
    speech: re.Pattern[str]
    interview: re.Pattern[str]
    statement_window: int
    ordinal_days: dict[str, int]
    ordinals: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_lexicon("events")
    return _Words(
        exclusions=word_pattern(data["date_exclusion_words"]),
        cutoffs=word_pattern(data["date_cutoff_words"]),
        window=int(data["exclusion_window"]),
        exclusions_after=word_pattern(data["date_exclusion_after"]),
        window_after=int(data["exclusion_window_after"]),
        speech=speech_verbs(),
        interview=word_pattern(data["interview_words"]),
        statement_window=int(data["statement_link_window"]),
        ordinal_days={" ".join(k.split()).lower(): int(v) for k, v in data["ordinal_days"].items()},
        ordinals=word_pattern(data["ordinal_days"]),
    )


def dated_mentions(ctx: Context) -> list[DatedMention]:
    """Every resolved date in the content sentences, each judged: an event's
    day, a statement's day, or excluded (with the reason)."""
    if "dated_mentions" in ctx.results:
        return ctx.results["dated_mentions"]
    found = []
    for sentence in ctx.sentences:
        matches = ctx.date_matches(sentence)
        spans = [(m.start, m.end, m.value.date) for m in matches]
        period = period_bounds(sentence.text, spans) if len(spans) > 1 else set()
        for index, match in enumerate(matches):
            mention = _judge(ctx, sentence, match)
            if index in period and not mention.excluded:
                mention.excluded = "period"
            found.append(mention)
    ctx.results["dated_mentions"] = found
    return found


def _judge(ctx: Context, sentence: Sentence, match: DateMatch) -> DatedMention:
    lex = _words()
    start, end = sentence.start + match.start, sentence.start + match.end
    mention = DatedMention(start, end, match.value.date, match.value.precision, sentence)
    if is_time_stamp(ctx.text, start, end):
        mention.excluded = "time stamp"
        return mention
    before = words_before(ctx.text, start, sentence.start, lex.window)
    hit = lex.exclusions.search(before)
    if hit:
        mention.excluded = hit.group(0).lower()
        return mention
    hit = lex.cutoffs.search(before)
    typed = sentence_types(sentence.text, neighbours(ctx, sentence))
    if hit and not typed:
        mention.excluded = hit.group(0).lower()
        return mention
    after = " ".join(re.findall(r"[\w-]+", ctx.text[end : sentence.end])[: lex.window_after])
    hit = lex.exclusions_after.search(after)
    if hit:
        mention.excluded = hit.group(0).lower()
        return mention
    if not typed and (
        lex.interview.search(ctx.text[sentence.start : start]) or _quote_tag_before(ctx.text, sentence, start)
    ):
        # the day someone spoke or was interviewed: "ucap Bupati saat
        # berkunjung, Kamis (11/9/2025)", "Ditemui di kantornya, Jumat
        # (8/3/2024), X menyebut ..."; any other dated happening that is no
        # event (an arrest, a flood) is not a day of the timeline
        mention.statement = True
    if match.relative and inside_quote(ctx.text, start):
        # "today" in a quote is the day someone spoke, not a dated event
        mention.excluded = "quoted relative date"
        return mention
    # "kata X, Rabu (8/11/2023)": the day of a statement, unless the event
    # the sentence reports comes after the date ("Ia menambahkan, pada 2
    # April 2024 pihaknya telah menandatangani ...")
    event_after = any(t.start >= end - sentence.start for t in typed)
    mention.statement = mention.statement or (_after_speech(ctx.text, sentence, start) and not event_after)
    return mention


def inside_quote(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1


def _after_speech(text: str, sentence: Sentence, start: int) -> bool:
    """Is the date at `start` the day of a statement: "kata Gus Mujib, Rabu
    (8/11/2023)", "ujar Kepala Dinas X, Budi, Senin (3/6)"? Between the speech
    verb and the date there is only a name, an office and commas."""
    lex = _words()
    before = text[sentence.start : start]
    verbs = list(lex.speech.finditer(before))
    if not verbs:
        return False
    between = before[verbs[-1].end() :]
    words = re.findall(r"[\w.'’-]+", between)
    if not between.rstrip().endswith(",") and not re.search(r",\s*(pada\s+)?$", between):
        return False
    if len(words) > lex.statement_window:
        return False
    # the speaker is named ("kata Gus Mujib,") or in the verb ("ujarnya,")
    if not verbs[-1].group(0).lower().endswith("nya") and not any(w[:1].isupper() for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in {"pada", "dan", "nya"} for w in words)


def _quote_tag_before(text: str, sentence: Sentence, start: int) -> bool:
    """Is there a quote tag before the date in its sentence: "kata X",
    "ujarnya", "tutur Kepala Sekolah Y"? The verb-first forms tag what was
    said; "X menjelaskan, tim patroli ... pada Kamis (26/10)" reports what
    happened on that day, and so does a tag followed by a new clause."""
    verb = speech_verb_before(text, sentence, start)
    if verb is None:
        return False
    if not verb.group(0).lower().startswith(("me", "ber")):
        return True
    return _after_speech(text, sentence, start)


def speech_verb_before(text: str, sentence: Sentence, start: int) -> re.Match[str] | None:
    verbs = list(_words().speech.finditer(text[sentence.start : start]))
    return verbs[-1] if verbs else None


def neighbours(ctx: Context, sentence: Sentence) -> str:
    """The sentences just before and after `sentence` in its paragraph; the
    one before also across a paragraph break, since a paragraph may open by
    referring back ("Penyerahan dilakukan di ..." after the hand-over)."""
    out = []
    for index in (sentence.index - 1, sentence.index + 1):
        if 0 <= index < len(ctx.sentences):
            other = ctx.sentences[index]
            between = ctx.text[min(other.end, sentence.end) : max(other.start, sentence.start)]
            if "\n" not in between or index < sentence.index:
                out.append(other.text)
    return " ".join(out)


def day_of_occasion(ctx: Context, sentence: Sentence) -> list[DatedMention]:
    """ "Pada kesempatan itu, ... menyerahkan santunan": the last day given
    before the sentence (of an event or of a statement)."""
    before = [d for d in dated_mentions(ctx) if d.start < sentence.start and d.precision == "day" and not d.excluded]
    return before[-1:] if before else []


def unresolved_date(ctx: Context, sentence: Sentence) -> bool:
    """A date the sentence gives but that cannot be resolved: "Rabu (3/12)"
    with no publication date. Such a signing keeps no date rather than
    borrowing another event's."""
    if ctx.reference is not None:
        return False
    return bool(ctx.date_matches(sentence, reference=dt.date(2000, 6, 15)))


def day_before(ctx: Context, sentence: Sentence) -> list[DatedMention]:
    """The day given by the sentence just before in the same paragraph:
    "Keesokan harinya, Kamis (20/6/2024), ... . Di Kantor Kecamatan Arjasa,
    lembaga itu meneken PKS terpisah ..."."""
    if sentence.index == 0:
        return []
    previous = ctx.sentences[sentence.index - 1]
    if "\n" in ctx.text[previous.end : sentence.start]:
        return []
    days = [
        d for d in dated_mentions(ctx) if d.sentence.index == previous.index and d.precision == "day" and not d.excluded
    ]
    return days[:1] if len(days) == 1 else []


def ordinal_day(ctx: Context, sentence: Sentence, dates: list[DatedMention]) -> list[DatedMention]:
    """ "... diteken pada hari kedua": that day of the last date range before."""
    lex = _words()
    hit = lex.ordinals.search(sentence.text)
    if not hit:
        return []
    spans: dict[tuple[int, int], list[DatedMention]] = {}
    for mention in dates:
        if mention.precision == "day" and mention.start < sentence.start + hit.start():
            spans.setdefault((mention.start, mention.end), []).append(mention)
    ranges = [days for days in spans.values() if len(days) > 1]
    if not ranges:
        return []
    days = sorted(ranges[-1], key=lambda d: d.date)
    n = lex.ordinal_days[" ".join(hit.group(0).split()).lower()]
    if n > len(days):
        return []
    chosen = days[n - 1] if n > 0 else days[-1]
    return [chosen]
