"""What the counted people are in the event, for their category: the
recipients of a hand-over ("Bupati menyerahkan santunan JKM kepada 11 ahli
waris" -> "ahli waris penerima santunan JKM"; "insentif ... yang disalurkan
kepada 3.600 guru ngaji" -> "guru ngaji penerima insentif"), or the people
an act is done to ("Pemkab melindungi 1.500 pekerja sawit" -> "pekerja
sawit dilindungi").

The hand-over words and the benefit nouns are the trigger words of the
event type workers.yaml names (`recipient_of_event`), so a benefit is the
same thing here as in the events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.event_types import event_types
from extract.facts.text import has_verb_shape, load_lexicon, phrase_alternation, word_pattern
from extract.facts.workers.lexicon import lexicon


_CLAUSE_BREAK = re.compile(r"(?<!\d)[,;:]|[,;:](?!\d)")


@dataclass(frozen=True)
class _Words:
    handover: re.Pattern[str]
    benefits: re.Pattern[str]
    marker: re.Pattern[str]  # "kepada", "bagi", "untuk" right before the count
    ends: frozenset[str]
    max_words: int
    by_name: re.Pattern[str]
    acts: dict[str, str]  # active verb -> its passive
    act_before: re.Pattern[str]  # an active verb right before the count


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = load_lexicon("workers")
    record = event_types()[data["recipient_of_event"]]
    markers = phrase_alternation(data["recipient_markers"])
    return _Words(
        handover=word_pattern(record.words),
        benefits=word_pattern(record.with_words),
        marker=re.compile(rf"(?i)\b(?:{markers})\s+(?:(?:sebanyak|sejumlah|para)\s+)?$"),
        ends=frozenset(w.lower() for w in data["benefit_name_ends"]),
        max_words=int(data["max_benefit_words"]),
        by_name=word_pattern(data["recipients_by_name"]),
        acts={verb.lower(): passive for verb, passive in data["acts_on_people"].items()},
        act_before=re.compile(
            rf"(?i)\b(?P<verb>{phrase_alternation(data['acts_on_people'])})\s+"
            rf"(?:(?:{phrase_alternation(data['act_count_openers'])})\s+)?$"
        ),
    )


def received(text: str, start: int, category: str) -> str | None:
    """ "penerima santunan JKM" for the count at `start` of a sentence's
    `text` that a benefit is handed to, else None: the count follows
    "kepada/bagi/untuk", its clause has a hand-over word, and the benefit
    is named after it (active) or before it (passive). A group named as
    recipients already ("ahli waris") is left as it is."""
    words = _words()
    if not words.marker.search(text[:start]) or words.by_name.search(category):
        return None
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    handovers = [m for m in words.handover.finditer(text, clause, start)]
    if not handovers:
        return None
    handover = handovers[-1]
    after = words.benefits.search(text, handover.end(), start)
    if after is None:
        before = [m for m in words.benefits.finditer(text, 0, handover.start())]
        after = before[-1] if before else None
    if after is None:
        return None
    return "penerima " + _benefit_name(text, after.start(), start)


def _benefit_name(text: str, at: int, limit: int) -> str:
    """ "santunan JKM", "insentif": the benefit noun and the few words that
    name it, to a word that begins something else or a people noun."""
    words = _words()
    lex = lexicon()
    name: list[str] = []
    for match in re.finditer(r"[\w-]+|[^\w\s]", text[at:limit]):
        word = match.group()
        if not re.match(r"\w", word) or word.lower() in words.ends or len(name) >= words.max_words:
            break
        if name and (lex.nouns.fullmatch(word) or has_verb_shape(word)):
            break  # "insentif guru ngaji": the people come after
        name.append(word)
    if name and name[0][1:].islower():
        name[0] = name[0].lower()  # "Bantuan iuran ... diserahkan": a common noun opening the sentence
    return " ".join(name)


def acted_on(text: str, start: int, end: int) -> str | None:
    """ "dilindungi" for a count right after an act done to the people
    ("Pemkab melindungi 1.550 pekerja sawit"), with the act's complement
    ("mendaftarkan 4.500 nelayan sebagai peserta" -> "didaftarkan sebagai
    peserta"), else None; the verbs are those of workers.yaml
    (`acts_on_people`), with their passives."""
    words = _words()
    match = words.act_before.search(text[:start])
    if match is None:
        return None
    passive = words.acts[match.group("verb").lower()]
    complement = _COMPLEMENT.match(text, end)
    if complement:
        name = complement.group("name").split()
        while name and name[-1].lower() in words.ends:
            name.pop()
        return " ".join([passive, complement.group("as"), *name[: words.max_words]])
    return passive


# "... nelayan di pesisir selatan sebagai peserta BPJS": the role the act gives them, in the same clause
_COMPLEMENT = re.compile(r"[^,;:.\d\"“”()]{0,60}?\b(?P<as>sebagai|menjadi)\s+(?P<name>[\w-]+(?:\s+[\w-]+){0,5})")
