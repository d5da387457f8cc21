"""Typed events and the dates of reported happenings.

* Every day-precision date in the content sentences is the day of a reported
  event unless its clause says it is a death, an accident, a data cut-off,
  the day a rule takes effect, or something planned (events.yaml,
  `date_exclusion_words`). A date right after a speech clause ("kata X,
  Rabu (8/11/2023)"), or a dated sentence that reports no event, is the day
  of a statement: an Event of type "statement", with who spoke when the
  sentence names them (`extract_statements`). Statements come after the
  other events in the list.
* A sentence's event type comes from trigger words (events.yaml,
  `event_types`): a signing needs a signing word and an agreement word
  ("menandatangani kerja sama", "penandatanganan MoU") and must be reported
  as done. A dated sentence without a trigger takes the article's lead type.
* Mentions of one event are merged: same type and same date; an undated
  mention joins the dated event of its type. A signing keeps no date when its
  own sentence dates it only to a month ("Oktober lalu ... telah
  menandatangani"); an undated signing in the article's lead takes the
  article's first event date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.date_context import is_time_stamp, period_bounds, words_before
from extract.facts.parties import signing_parties
from extract.facts.text import Sentence, clause_start, load_lexicon, word_pattern
from extract.model import Event
from extract.normalize.dates import DateMatch, find_dates
from extract.normalize.names import name_key

LEAD_SENTENCES = 2  # the lead of a news article: its first sentences


@dataclass
class DatedMention:
    start: int  # offsets of the date expression in the article text
    end: int
    date: dt.date
    precision: str
    sentence: Sentence
    excluded: str | None = None  # why it is not an event's day
    statement: bool = False


@dataclass
class _Candidate:
    type: str
    sentence: Sentence
    trigger_start: int
    trigger_end: int
    date: DatedMention | None = None
    month_only: bool = False  # its sentence dates it to a month, not a day
    from_range: bool = False  # dated by the first day of a multi-day range
    generic: bool = False  # a meeting only said to be held ("Acara berlangsung ...")
    extra: list[Sentence] = field(default_factory=list)


@dataclass(frozen=True)
class _Lexicon:
    triggers: dict[str, re.Pattern[str]]
    signing: re.Pattern[str]
    agreement: re.Pattern[str]
    priority: tuple[str, ...]
    not_done: re.Pattern[str]
    exclusions: re.Pattern[str]
    cutoffs: re.Pattern[str]
    window: int
    exclusions_after: re.Pattern[str]
    window_after: int
    speech: re.Pattern[str]
    interview: re.Pattern[str]
    statement_window: int
    labels: dict[str, str]
    coverage: re.Pattern[str]
    coverage_negations: re.Pattern[str]
    residents: re.Pattern[str]
    working: re.Pattern[str]
    ordinal_days: dict[str, int]
    ordinals: re.Pattern[str]
    handover: dict[str, re.Pattern[str]]  # per type: hand-over words and nouns
    nouns: dict[str, re.Pattern[str]]
    activity: re.Pattern[str]
    held: re.Pattern[str]
    other_senses: dict[str, re.Pattern[str]]
    trigger_window: int
    passive_window: int
    period: re.Pattern[str]
    contribution: re.Pattern[str]
    same_occasion: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = load_lexicon("events")
    types = data["event_types"]
    signing = types["agreement_signing"]
    return _Lexicon(
        triggers={name: word_pattern(words) for name, words in types.items() if isinstance(words, list)},
        handover={name: word_pattern(types[name]["handover_words"]) for name in ("benefit_payout", "award")},
        nouns={name: word_pattern(types[name]["payout_words"]) for name in ("benefit_payout", "award")},
        activity=word_pattern(types["meeting"]["activity_words"]),
        held=word_pattern(types["meeting"]["held_words"]),
        other_senses={w.lower(): word_pattern(ctx) for w, ctx in types["meeting"]["other_senses"].items()},
        trigger_window=int(data["trigger_window"]),
        passive_window=int(data["passive_window"]),
        period=word_pattern(data["period_words"]),
        contribution=word_pattern(data["contribution_words"]),
        same_occasion=re.compile(
            word_pattern(data["same_occasion"]["openers"]).pattern
            + r"\s+(?:\w+\s+)?"
            + word_pattern(data["same_occasion"]["referents"]).pattern,
            re.IGNORECASE,
        ),
        signing=word_pattern(signing["signing_words"]),
        agreement=word_pattern(signing["agreement_words"]),
        priority=tuple(data["type_priority"]),
        not_done=word_pattern(data["not_done_words"]),
        exclusions=word_pattern(data["date_exclusion_words"]),
        cutoffs=word_pattern(data["date_cutoff_words"]),
        window=int(data["exclusion_window"]),
        exclusions_after=word_pattern(data["date_exclusion_after"]),
        window_after=int(data["exclusion_window_after"]),
        speech=word_pattern([v + suffix for v in load_lexicon("officials")["speech_verbs"] for suffix in ("", "nya")]),
        interview=word_pattern(data["interview_words"]),
        statement_window=int(data["statement_link_window"]),
        labels=dict(data["summary_labels"]),
        coverage=word_pattern(data["coverage_words"]),
        coverage_negations=word_pattern(data["coverage_negations"]),
        residents=word_pattern(data["resident_words"]),
        working=word_pattern(data["working_words"]),
        ordinal_days={" ".join(k.split()).lower(): int(v) for k, v in data["ordinal_days"].items()},
        ordinals=word_pattern(data["ordinal_days"]),
    )


# ---- dates ------------------------------------------------------------------


def dated_mentions(ctx: Context) -> list[DatedMention]:
    """Every resolved date in the content sentences, each judged: an event's
    day, a statement's day, or excluded (with the reason)."""
    if "dated_mentions" in ctx.results:
        return ctx.results["dated_mentions"]
    found = []
    for sentence in ctx.sentences:
        matches = find_dates(sentence.text, ctx.reference)
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
    lex = lexicon()
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
    typed = sentence_types(sentence.text, _neighbours(ctx, sentence))
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
    if match.relative and _inside_quote(ctx.text, start):
        # "today" in a quote is the day someone spoke, not a dated event
        mention.excluded = "quoted relative date"
        return mention
    # "kata X, Rabu (8/11/2023)": the day of a statement, unless the event
    # the sentence reports comes after the date ("Ia menambahkan, pada 2
    # April 2024 pihaknya telah menandatangani ...")
    event_after = any(t_start >= end - sentence.start for _, t_start, _ in typed)
    mention.statement = mention.statement or (_after_speech(ctx.text, sentence, start) and not event_after)
    return mention


def _inside_quote(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    return (before.count('"') + before.count("“") + before.count("”")) % 2 == 1


def _last_words(text: str, n: int) -> str:
    return " ".join(re.findall(r"[\w./-]+", text)[-n:])


def _after_speech(text: str, sentence: Sentence, start: int) -> bool:
    """Is the date at `start` the day of a statement: "kata Gus Mujib, Rabu
    (8/11/2023)", "ujar Kepala Dinas X, Budi, Senin (3/6)"? Between the speech
    verb and the date there is only a name, an office and commas."""
    lex = lexicon()
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
    verb = _speech_verb_before(text, sentence, start)
    if verb is None:
        return False
    if not verb.group(0).lower().startswith(("me", "ber")):
        return True
    return _after_speech(text, sentence, start)


def extract_statements(ctx: Context) -> list[Event]:
    """Statements given on a known day ("kata X, Rabu (8/11/2023)"): one
    event per day, its provenance the first sentence dating it, its officials
    those who spoke."""
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
        venue = _venue(ctx, sentences)
        region = _region(ctx, sentences, venue)
        verb = _speech_verb_before(ctx.text, mention.sentence, mention.start)
        start = verb.start() + mention.sentence.start if verb else mention.start
        by_day[mention.date] = Event(
            type="statement",
            date=mention.date.isoformat(),
            date_precision="day",
            venue=venue,
            region_code=region.code if region else None,
            region_name=region.name if region else None,
            officials=speakers,
            provenance=ctx.provenance(start, mention.end, "events.statement"),
        )
    events = list(by_day.values())
    for event in events:
        event.summary = _statement_summary(ctx, event)
    return events


def _speech_verb_before(text: str, sentence: Sentence, start: int) -> re.Match[str] | None:
    verbs = list(lexicon().speech.finditer(text[sentence.start : start]))
    return verbs[-1] if verbs else None


def _speakers(ctx: Context, mention: DatedMention) -> list[str]:
    """Keys of the officials who gave the statement: the one named between
    the speech verb and the date ("kata Gus Mujib, Rabu ..."), else the one
    official the sentence names ("Ditemui di kantornya, Jumat (8/3/2024),
    Teguh Santoso menyebut ..."); nobody when that is not clear."""
    officials = ctx.results.get("officials", [])
    verb = _speech_verb_before(ctx.text, mention.sentence, mention.start)
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
    parts = [lexicon().labels.get("statement", "statement")]
    for key in event.officials:
        official = names.get(key)
        if official is not None:
            parts.append(official.name + (f" ({official.position})" if official.position else ""))
    if event.date:
        parts.append(f"({event.date})")
    return " ".join(parts)


# ---- event types -------------------------------------------------------------


def sentence_types(text: str, neighbours: str = "") -> list[tuple[str, int, int]]:
    """The event types a sentence reports, as (type, trigger start, end), in
    priority order. "meeting" only when nothing more specific is there. A
    signing word needs an agreement word in the sentence or in `neighbours`
    (the sentences around it in its paragraph: "Penandatanganan dilakukan
    Rabu lalu." after "... menjalin nota kesepahaman (MoU)")."""
    lex = lexicon()
    found: list[tuple[str, int, int]] = []
    signing = lex.signing.search(text)
    agreed = lex.agreement.search(text) or (lex.agreement.search(neighbours) and _is_signing_noun(signing))
    if signing and agreed and not _not_done(text, signing.start()):
        found.append(("agreement_signing", signing.start(), signing.end()))
    for name in ("benefit_payout", "award"):
        hit = _handed_over(text, name)
        if hit is None and not any(lex.nouns[other].search(text) for other in lex.nouns):
            # "Penyerahan dilakukan di ..., Kamis (13/6/2024)." after "Ahli
            # waris ... menerima manfaat ...": the hand-over told before
            verb = lex.handover[name].search(text)
            if verb and not _not_done(text, verb.start()) and _handed_over(neighbours, name):
                hit = verb
        if hit:
            found.append((name, hit.start(), hit.end()))
    activity = next((m for m in lex.activity.finditer(text) if _is_activity(text, m)), None)
    if activity and not _not_done(text, activity.start()):
        found.append(("meeting", activity.start(), activity.end()))
    elif not found:
        # "Acara berlangsung di ...": a gathering held, of no named kind
        held = lex.held.search(text)
        if held and not _not_done(text, held.start()):
            found.append(("meeting", held.start(), held.end()))
    order = {name: i for i, name in enumerate(lex.priority)}
    return sorted(found, key=lambda f: order.get(f[0], len(order)))


def _handed_over(text: str, name: str) -> re.Match[str] | None:
    """A payout (or award) noun handed over or received: the hand-over word
    within a few words of the noun, reported as done, not over a period."""
    lex = lexicon()
    if lex.period.search(text):
        return None
    nouns = [(m.start(), m.end()) for m in lex.nouns[name].finditer(text)]
    for verb in lex.handover[name].finditer(text):
        if _not_done(text, verb.start()) or lex.contribution.search(_last_words(text[: verb.start()], 2)):
            continue
        for n_start, n_end in nouns:
            between = text[min(verb.end(), n_end) : max(verb.start(), n_start)]
            words = len(re.findall(r"[\w-]+", between))
            if words <= lex.trigger_window:
                return verb
            # "Santunan untuk ... yang meninggal dunia diserahkan oleh ...":
            # the noun is the subject of a passive hand-over in one clause
            passive = (
                n_end <= verb.start() and verb.group(0).lower().startswith("di") and not re.search(r"[,;:]", between)
            )
            if passive and words <= lex.passive_window:
                return verb
    return None


def _is_activity(text: str, match: re.Match[str]) -> bool:
    """Not the word in another sense: "kebun apel", "Ruang Rapat"."""
    senses = lexicon().other_senses.get(match.group(0).lower())
    if senses is None:
        return True
    before = re.findall(r"[\w-]+", text[: match.start()])[-1:]
    after = re.findall(r"[\w-]+", text[match.end() :])[:1]
    return not any(senses.fullmatch(w) for w in before + after)


def _is_generic(text: str) -> bool:
    """A meeting trigger that only says something was held ("acara", "berlangsung")."""
    return lexicon().held.fullmatch(text) is not None


def _meeting_reported(ctx: Context, sentence: Sentence, t_start: int, t_end: int, dated: bool) -> bool:
    """An activity is reported as a happening when dated, said to be held,
    named by a verb ("meluncurkan"), or the setting of something else."""
    lex = lexicon()
    word = ctx.text[t_start:t_end].lower()
    return (
        dated
        or lex.held.search(sentence.text) is not None
        or word.startswith(("me", "di"))
        or lex.same_occasion.search(sentence.text) is not None
    )


def _is_signing_noun(signing: re.Match[str] | None) -> bool:
    """ "Penandatanganan", "diteken": a signing that refers back to an agreement."""
    return signing is not None and signing.group(0).lower().startswith(("penandatangan", "diteken", "ditandatangani"))


def _not_done(text: str, at: int) -> bool:
    """A planned or hoped-for signing: "akan menandatangani", "rencananya ..."."""
    lex = lexicon()
    before = _last_words(text[clause_start(text, at) : at], 4)
    return bool(lex.not_done.search(before))


# ---- events -----------------------------------------------------------------


def extract_events(ctx: Context) -> list[Event]:
    """The article's events: the happenings it reports, then the dated
    statements (`extract_statements`)."""
    return extract_happenings(ctx) + extract_statements(ctx)


def extract_happenings(ctx: Context) -> list[Event]:
    dates = [d for d in dated_mentions(ctx) if not d.excluded and not d.statement]
    by_sentence: dict[int, list[DatedMention]] = {}
    for mention in dates:
        by_sentence.setdefault(mention.sentence.index, []).append(mention)
    month_only = {d.sentence.index for d in dated_mentions(ctx) if d.precision == "month" and not d.excluded}

    candidates: list[_Candidate] = []
    for sentence in ctx.sentences:
        types = [
            t
            for t in sentence_types(sentence.text, _neighbours(ctx, sentence))
            # words in a quote are what someone said, not what the article reports
            if not _inside_quote(ctx.text, sentence.start + t[1])
        ]
        days = [d for d in by_sentence.get(sentence.index, []) if d.precision == "day"]
        if types and not days:
            days = _ordinal_day(ctx, sentence, dates)
        if types and not days and lexicon().same_occasion.search(sentence.text):
            days = _day_of_occasion(ctx, sentence)
        types = [
            t
            for t in types
            if t[0] != "meeting"
            or (
                not _is_generic(sentence.text[t[1] : t[2]])
                and _meeting_reported(ctx, sentence, sentence.start + t[1], sentence.start + t[2], bool(days))
            )
            or (_is_generic(sentence.text[t[1] : t[2]]) and days)
        ]
        if not days and any(name == "agreement_signing" for name, _, _ in types):
            days = _day_before(ctx, sentence)
        used: set[int] = set()
        for name, t_start, t_end in types:
            # one signing is signed on one day: a range ("Kamis-Jumat
            # (3-4/10)") gives its first day unless another sentence says which
            ranged = name == "agreement_signing" and len(days) > 1
            for day in (days[:1] if ranged else days) or [None]:
                if day is not None and not ranged:
                    used.add(id(day))
                candidates.append(
                    _Candidate(
                        generic=name == "meeting" and _is_generic(sentence.text[t_start:t_end]),
                        type=name,
                        sentence=sentence,
                        trigger_start=sentence.start + t_start,
                        trigger_end=sentence.start + t_end,
                        date=day,
                        month_only=not days and (sentence.index in month_only or _unresolved_date(ctx, sentence)),
                        from_range=ranged,
                    )
                )
        for day in days:
            if id(day) not in used and types:
                # the other days of a range: the gathering the sentence reports
                candidates.append(_Candidate("meeting", sentence, sentence.start, sentence.start, date=day))
    merged = _merge(candidates, ctx)
    return [_event(ctx, candidate) for candidate in merged]


def _day_of_occasion(ctx: Context, sentence: Sentence) -> list[DatedMention]:
    """ "Pada kesempatan itu, ... menyerahkan santunan": the last day given
    before the sentence (of an event or of a statement)."""
    before = [d for d in dated_mentions(ctx) if d.start < sentence.start and d.precision == "day" and not d.excluded]
    return before[-1:] if before else []


def _unresolved_date(ctx: Context, sentence: Sentence) -> bool:
    """A date the sentence gives but that cannot be resolved: "Rabu (3/12)"
    with no publication date. Such a signing keeps no date rather than
    borrowing another event's."""
    if ctx.reference is not None:
        return False
    return bool(find_dates(sentence.text, dt.date(2000, 6, 15)))


def _day_before(ctx: Context, sentence: Sentence) -> list[DatedMention]:
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


def _ordinal_day(ctx: Context, sentence: Sentence, dates: list[DatedMention]) -> list[DatedMention]:
    """ "... diteken pada hari kedua": that day of the last date range before."""
    lex = lexicon()
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


def _neighbours(ctx: Context, sentence: Sentence) -> str:
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


def _merge(candidates: list[_Candidate], ctx: Context) -> list[_Candidate]:
    """One event per type and day; undated mentions join their type's first
    dated event; an undated signing in the lead takes the article's first
    event day."""
    dated: dict[tuple[str, dt.date], _Candidate] = {}
    first_of_type: dict[str, _Candidate] = {}
    undated: list[_Candidate] = []
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
    kept_undated: dict[str, _Candidate] = {}
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
            candidate.type == "agreement_signing"
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
    events = list(dated.values()) + list(kept_undated.values())
    # "Acara berlangsung di ..., Senin (3/6)" in a hand-over report names the
    # hand-over's ceremony, not a meeting of its own
    days_of_others = {c.date.date for c in events if c.date is not None and not c.generic and c.type != "meeting"}
    events = [c for c in events if not (c.generic and c.date is not None and c.date.date in days_of_others)]
    events.sort(key=lambda c: (c.sentence.index, c.trigger_start))
    return events


def _event(ctx: Context, candidate: _Candidate) -> Event:
    sentences = [candidate.sentence] + [s for s in candidate.extra if s.index != candidate.sentence.index]
    date = candidate.date
    venue = _venue(ctx, sentences)
    region = _region(ctx, sentences, venue)
    parties = signing_parties(ctx, sentences) if candidate.type == "agreement_signing" else []
    officials = _officials_present(ctx, sentences)
    workers = _workers(ctx, sentences) if candidate.type == "agreement_signing" else None
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


def _venue(ctx: Context, sentences: list[Sentence]) -> str | None:
    for sentence in sentences:
        for match in _VENUE.finditer(sentence.text):
            venue = match.group("venue").rstrip(".,")
            if len(venue) > 3 and not ctx.is_furniture(sentence.start + match.start(), sentence.start + match.end()):
                return venue
    return None


def _region(ctx: Context, sentences: list[Sentence], venue: str | None):
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


def _workers(ctx: Context, sentences: list[Sentence]) -> int | None:
    """The workers an agreement covers: the largest count of people in a
    sentence about the agreement ("PKS perlindungan bagi 3.200 pekerja",
    "Lewat PKS tersebut, sebanyak 1.250 guru ngaji ..."); else the largest the
    article says are covered or registered. Counts of those "belum
    terdaftar" and totals coverage is measured against ("dari 95.000
    pekerja") are left out."""
    lex = lexicon()
    counts = []
    for count in ctx.results.get("worker_counts", []):
        sentence = ctx.sentence_of(count.provenance) if count.provenance else None
        if sentence is None:
            continue
        before = _last_words(ctx.text[sentence.start : count.provenance.start], 3)
        after = ctx.text[count.provenance.end : sentence.end]
        if re.search(r"(?i)\b(dari|total)\b", before) or lex.coverage_negations.search(after[:40]):
            continue
        counts.append((count, sentence))
    about_it = [c.value for c, s in counts if lex.agreement.search(s.text)]
    if about_it:
        return max(about_it)
    # residents insured for health ("163.342 jiwa", "14 ribu warga") are
    # not the workers an agreement covers
    covered = [c.value for c, s in counts if lex.coverage.search(s.text) and not _residents(c.category)]
    return max(covered) if covered else None


def _residents(category: str) -> bool:
    """ "163.342 jiwa", "warga Kota Batu"; not "jiwa pekerja rentan"."""
    lex = lexicon()
    return lex.residents.search(category) is not None and lex.working.search(category) is None


def _summary(event: Event) -> str:
    label = lexicon().labels.get(event.type, event.type)
    parts = [label]
    if event.parties:
        parts.append(" – ".join(event.parties))
    where = event.venue or event.region_name
    if where:
        parts.append(f"di {where}")
    if event.date:
        parts.append(f"({event.date})")
    return " ".join(parts)
