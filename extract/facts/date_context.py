"""What the words around a date say about it, before it is judged an event's
day (extract/facts/events_dates.py). Pure functions over the article text; the
words they read are in extract/data/facts/events.yaml (`date_context`).

* A page's time stamp ("Selasa, 11 November 2025 11:55 WIB" on a line of its
  own, after a byline) is when the article went online, not an event.
* Two dates joined as a period ("sejak 9 Mei hingga 20 Juni") that lasts
  longer than an event does are the bounds of a period (a registration
  window, a season), not days of events.
* A clause holding only the day of what the clause before it tells ("...
  wafat pada malam yang sama, tepatnya tanggal 3 Maret 2018",
  "Peristiwanya terjadi sekitar pukul 07.30 WIB, Rabu (4/9/2019)") belongs to that
  clause: the words that exclude a date are looked for there too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from extract.facts.text import clause_start, load_lexicon, word_pattern


@dataclass(frozen=True)
class _Words:
    clock: re.Pattern[str]
    stamp_line_words: int
    period_open: re.Pattern[str]
    period_join: re.Pattern[str]
    longest_event_days: int
    apposition: re.Pattern[str]
    quote_or_speech: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_lexicon("events")["date_context"]
    zones = "|".join(re.escape(z) for z in data["time_zones"])
    return _Words(
        clock=re.compile(rf"^\s*,?\s*(?:pukul\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*(?:{zones})\b)?", re.IGNORECASE),
        stamp_line_words=int(data["stamp_line_words"]),
        period_open=word_pattern(data["period_openers"]),
        period_join=re.compile(
            r"^\s*(?:" + word_pattern(data["period_joiners"]).pattern + r"|[-–—])\s*$", re.IGNORECASE
        ),
        longest_event_days=int(data["longest_event_days"]),
        apposition=word_pattern(data["apposition_words"]),
        quote_or_speech=re.compile(r"[\"“”]|" + speech_verbs().pattern, re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def speech_verbs() -> re.Pattern[str]:
    """The verbs that report speech ("kata", "ujar", ...; officials.yaml), also
    with "-nya" ("katanya"): what tells a statement's date from an event's."""
    return word_pattern([v + suffix for v in load_lexicon("officials")["speech_verbs"] for suffix in ("", "nya")])


def is_time_stamp(text: str, start: int, end: int) -> bool:
    """Is the date at text[start:end] a page's time stamp: followed at once by
    a clock time, on a short line of its own?"""
    words = _words()
    if not words.clock.match(text[end:]):
        return False
    if re.match(r"^\s*,?\s*pukul\b", text[end:], re.IGNORECASE):
        return False  # "Senin (3/6/2024) pukul 09.00 WIB": when something began
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(re.findall(r"\w+", line)) <= words.stamp_line_words


def period_bounds(text: str, spans: list[tuple[int, int, dt.date]]) -> set[int]:
    """Indexes of dates (start, end, date; in text order) that bound a
    period too long for an event: "sejak 9 Mei hingga 20 Juni"."""
    words = _words()
    out: set[int] = set()
    for i in range(len(spans) - 1):
        (s1, e1, d1), (s2, _, d2) = spans[i], spans[i + 1]
        if not words.period_join.match(text[e1:s2]):
            continue
        opener = re.findall(r"[\w-]+", text[max(0, s1 - 40) : s1])[-2:]
        if not any(words.period_open.fullmatch(w) for w in opener):
            continue
        if (d2 - d1).days > words.longest_event_days:
            out.update({i, i + 1})
    return out


def words_before(text: str, start: int, floor: int, window: int) -> str:
    """The last `window` words of the clause before the date at `start`; when
    that clause holds nothing but the date's apposition ("yakni tanggal",
    "Jumat,", "pukul 06.00 WIB"), the last words of the clause before it too,
    unless that clause is a quote or its tag."""
    words = _words()
    cut = clause_start(text, start, floor)
    before = _last(text[cut:start], window)
    while cut > floor:
        previous = clause_start(text, cut - 1, floor)
        clause = text[previous : cut - 1]
        tokens = re.findall(r"[\w.'’-]+", text[cut:start])
        # "..., yakni tanggal 29 Desember", "..., Jumat, (29/11)", or a bare
        # date after a clause ending in the time of day ("pukul 06.00 WIB,")
        apposition = tokens and all(words.apposition.fullmatch(t) for t in tokens)
        if not (apposition or (not tokens and _ends_in_time(clause))):
            break
        if words.quote_or_speech.search(clause):
            break
        before = _last(clause, window) + " " + before
        start, cut = cut, previous
    return before


def _ends_in_time(clause: str) -> bool:
    return (
        re.search(r"\b(?:pukul|jam)\s+\d{1,2}(?:[:.]\d{2})?(?:\s+[A-Z]{3,4})?\s*$", clause, re.IGNORECASE) is not None
    )


def _last(text: str, n: int) -> str:
    return " ".join(re.findall(r"[\w./-]+", text)[-n:])
