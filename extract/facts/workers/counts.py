"""Which numbers of a sentence count people, and the counts of an article.

The numbers are the Doc's CARDINAL spans (extract.facts.quantities); a
number counts people when a people noun follows it, when it stands alone
after "jumlah <people> ... mencapai", or when it is listed beside such a
count ("2.000 pecalang, 1.180 pemangku dan 600 kelian adat").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.places import is_place_start
from extract.facts.quantities import Quantity, numbers
from extract.facts.text import Sentence, has_verb_shape, is_headline, last_match, overlaps
from extract.facts.workers.category import as_label, category_after
from extract.facts.workers.lexicon import lexicon
from extract.facts.workers.naming import BY_REGION, category_before, refine, said_of
from extract.facts.workers.frame import frame_of
from extract.facts.workers.roles import acted_on, received
from extract.model import WorkerCount
from extract.normalize.lexicon import lexicon as normalize_lexicon


MIN_GROUP = 2  # a count is of a group: "seorang", "satu", "1 orang" are not counts

# Numbers that count no one: a regulation's number ("Nomor 5"), a year
# ("tahun 2024"), an age ("(45)", "12 tahun"). Amounts, percentages and dates
# are no CARDINAL spans in the first place.
_NUMBERED_BEFORE = re.compile(r"\b(?:Nomor|No\.?)\s*$")
_YEAR_BEFORE = re.compile(r"\b(?:tahun|Tahun)\s+$")
_AGE_AFTER = re.compile(r"\s+tahun\b")


def _counts_no_one(text: str, number: Quantity) -> bool:
    before, after, written = text[: number.start], text[number.end :], number.text
    short = re.fullmatch(r"\d{1,3}", written) is not None
    return bool(
        _NUMBERED_BEFORE.search(before)
        or (_YEAR_BEFORE.search(before) and re.fullmatch(r"\d{4}", written))
        or (short and before.endswith("(") and after.startswith(")"))
        or (short and _AGE_AFTER.match(after))
    )


def _numbers(ctx: Context, sentence: Sentence) -> list[Quantity]:
    return [n for n in numbers(ctx, sentence) if not _counts_no_one(sentence.text, n)]


@dataclass(frozen=True)
class _PerUnit:
    """ "1 Desa 100 Pekerja": `value` (100) per `unit` ("desa")."""

    start: int
    end: int
    text: str
    value: int | float
    unit: str


@lru_cache(maxsize=1)
def _unit_words() -> dict[str, str]:
    """Capitalised unit words of a count per unit ("Desa", "RT") -> the unit."""
    units = normalize_lexicon()["per_unit_words"]
    return {word: unit for unit, words in units.items() for word in words}


def _per_unit(text: str, found: list[Quantity]) -> list[_PerUnit]:
    """Two numbers with a unit word between them: "1 Desa 100 (pekerja)"."""
    matches = []
    for first, second in zip(found, found[1:]):
        if matches and matches[-1].end > first.start:
            continue
        gap = re.fullmatch(r"[ \t\u00a0]+(\S+)[ \t\u00a0]+", text[first.end : second.start])
        unit = _unit_words().get(gap.group(1)) if gap else None
        if unit is not None:
            matches.append(_PerUnit(first.start, second.end, text[first.start : second.end], second.value, unit))
    return matches


def extract_worker_counts(ctx: Context) -> list[WorkerCount]:
    found: list[WorkerCount] = []
    seen: dict[int, int] = {}  # value -> where in `found`
    in_headline: set[int] = set()  # values last found in a headline
    said: dict[str, str] = {}  # group noun -> what was last said of it
    for sentence in ctx.sentences:
        headline = is_headline(sentence.text)
        for value, start, end, category, rule, suffix in _counts(ctx, sentence):
            if value in seen and (headline or value not in in_headline):
                continue
            # a count of a headline stated again in the body is named as the body names it
            if headline:
                in_headline.add(value)
            else:
                in_headline.discard(value)
            head, _, rest = category.partition(" ")
            if rule == BY_REGION and head.lower() in said and not said_of(category):
                # "8.394 pekerja ... terkena PHK. ... Nganjuk dengan 1.851 pekerja": the breakdown's
                # groups are the total's group
                category = f"{head} {said[head.lower()]} {rest}"
            elif said_of(category):
                said[head.lower()] = said_of(category)
            count = WorkerCount(
                value=value,
                category=as_label(category) + suffix,
                provenance=ctx.provenance(sentence.start + start, sentence.start + end, rule),
            )
            if value in seen:
                found[seen[value]] = count
            else:
                seen[value] = len(found)
                found.append(count)
    return found


# A group named in a list of counts: lower-case words up to a mark, a number
# or a word that starts something else.
_LIST_ITEM = re.compile(r"\s+(?P<words>[a-z][\w'’/-]*(?:\s+[a-z][\w'’/-]*){0,2})")
_LIST_LINK = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s(?:dan|serta)\s+)$")
_ITEM_ENDS = frozenset(
    ["dari", "di", "ke", "yang", "dan", "serta", "atau", "untuk", "pada", "dengan", "itu", "ini", "tersebut"]
)


def _list_item(text: str, end: int) -> str | None:
    """The group after a number inside a list of counts ("600 kelian adat
    dari ..." -> "kelian adat"), or None when its noun counts no people."""
    lex = lexicon()
    match = _LIST_ITEM.match(text, end)
    if not match:
        return None
    words = []
    for word in match.group("words").split():
        if word in _ITEM_ENDS or (has_verb_shape(word) and words):
            break
        words.append(word)
    if not words or words[0] in lex.not_people or has_verb_shape(words[0]) or lex.vague.fullmatch(words[0]):
        return None
    return " ".join(words)


def _in_list_of_counts(text: str, number: tuple[int, int], counts: list[tuple[int, int]]) -> bool:
    """Is the number joined to a count by a list link ("2.000 pecalang,
    1.180 pemangku dan <number>", "<number> modin, 2.300 guru ngaji")?"""
    start, end = number
    for other_start, other_end in counts:
        if other_end <= start:
            gap = text[other_end:start]
        elif other_start >= end:
            gap = text[end:other_start]
        else:
            continue
        if (
            len(gap.split()) <= 5
            and re.match(r"\s+[a-z]", gap)
            and _LIST_LINK.search(gap)
            and not re.search(r"[\d.;:()]", gap)
        ):
            return True
    return False


def _address(text: str, start: int, written: str) -> bool:
    """ "RT 04 RW 02": a zero-padded number, or one after an address word."""
    before = re.search(r"([\w.]+)\s*$", text[:start])
    return written.lstrip().startswith("0") or bool(
        before and before.group(1).lower().rstrip(".") in lexicon().address_words
    )


# A place named right before a count, in a breakdown by region ("Ngawi
# dengan 640 pekerja, Kabupaten Lamongan 912 pekerja, dan Tuban 877").
_PLACE_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:di|dan|serta|ialah|adalah|yakni|yaitu|ada|lalu|kemudian|disusul)\s+)"
    r"(?P<place>(?:[A-Z][\w-]*\s+){0,3}?[A-Z][\w-]*)\s+(?:(?:dengan|sebanyak|mencapai|sekitar|ada)\s+)*$"
)


def _place_before(text: str, start: int) -> str | None:
    before = text[:start]
    if len(before) > 80:
        before = "~ " + before[-80:]  # the cut is not the start of the sentence
    match = _PLACE_BEFORE.search(before)
    if not match:
        return None
    words = match.group("place").split()
    while words and not is_place_start(words[0]):
        words.pop(0)  # "Berikutnya Lamongan"
    return " ".join(words) or None


def _people(ctx: Context, sentence: Sentence) -> frozenset[int]:
    """Where the sentence names a person or an office (the Doc's PER
    entities and POSITION spans), in offsets into its text."""
    named = ctx.spans_in(sentence, "POSITION") + ctx.entities_in(sentence, "PER")
    return frozenset(span.start_char - sentence.start for span in named)


def _bound(text: str, number: Quantity) -> str:
    """ " (lebih dari 75 ribu)", " (4.100 lebih)": a count stated as a bound
    says so in its category; "sekitar 900" is an estimate and does not."""
    if not number.approximate:
        return ""
    before = last_match(lexicon().bounds_before, text[: number.start])
    if before is not None and not text[before.end() : number.start].strip():
        return f" ({before.group().lower()} {number.text})"
    if lexicon().bounds_after.search(number.text):
        return f" ({number.text})"
    return ""


def _counts(ctx: Context, sentence: Sentence):
    found = list(_listed_counts(ctx, sentence))
    return sorted(found, key=lambda count: count[1])


def _listed_counts(ctx: Context, sentence: Sentence):
    """The counts of `_noun_counts`, and the numbers listed beside them whose
    noun is not in the vocabulary."""
    text = sentence.text
    counts = list(_noun_counts(ctx, sentence))
    yield from counts
    spans = [(start, end) for _, start, end, *_ in counts]
    for match in _numbers(ctx, sentence):
        if overlaps(match.start, match.end, spans) or not isinstance(match.value, int) or match.value < MIN_GROUP:
            continue
        if lexicon().vague.search(match.text) or not _in_list_of_counts(text, (match.start, match.end), spans):
            continue
        category = _list_item(text, match.end)
        if category:
            yield match.value, match.start, match.end, category, "workers.list_item", ""


def _noun_counts(ctx: Context, sentence: Sentence):
    lex = lexicon()
    text = sentence.text
    found = _numbers(ctx, sentence)
    people = _people(ctx, sentence) if found else frozenset()
    per_unit = [m for m in _per_unit(text, found) if not _address(text, m.start, m.text)]
    for match in per_unit:
        if match.value < MIN_GROUP:
            continue
        noun = category_after(text, match.end)
        category = f"{noun} per {match.unit}" if noun else f"per {match.unit}"
        yield int(match.value), match.start, match.end, category, "workers.per_unit", ""
    antecedent = None
    previous = None  # the category of the sentence's last count
    for match in found:
        if any(p.start <= match.start and match.end <= p.end for p in per_unit):
            continue
        if lex.vague.fullmatch(match.text.strip()) or lex.vague.search(match.text):
            continue
        value = match.value
        if not isinstance(value, (int, float)) or value != int(value) or value < MIN_GROUP:
            continue
        category = category_after(text, match.end, people)
        rule = "workers.number_noun"
        if category is None and re.fullmatch(r"(?:19|20)\d\d", match.text.strip()):
            continue  # a year
        if category is None:
            if re.match(r"\s*[\w-]", text[match.end :]) and not re.match(
                r"\s*(pada|per|di|hingga|sampai|lebih)\b", text[match.end :]
            ):
                continue
            category = category_before(text, match.start)
            rule = "workers.total_of"
        if category is None:
            continue
        first, *others = category.lower().split()
        if first in lex.bare_people and others and others[0] in lex.not_people:
            continue  # "2 orang anak": family, not a counted group
        category = refine(ctx, sentence, text, match.start, category, antecedent, end=match.end, previous=previous)
        previous = category
        place = _place_before(text, match.start)
        if place and " di " not in f" {category} ":
            category = f"{category} di {place}"  # "Nganjuk dengan 1.851 pekerja"
            rule = BY_REGION
        if category.split()[0].lower() not in lex.bare_people:
            antecedent = category.split()[0]
        benefit = received(text, match.start, category)
        if benefit:
            category = f"{category} {benefit}"  # "ahli waris penerima santunan"
        act = acted_on(text, match.start, match.end)
        if act and not said_of(category) and "yang" not in category.lower().split():
            category = f"{category} {act}"  # "pekerja sawit dilindungi"
        # "pengangguran di Kota X pada tahun 2015 (lebih dari ...)": said of this count, not of its group
        frame = frame_of(ctx, sentence, match.start, match.end, category)
        yield int(value), match.start, match.end, category, rule, frame + _bound(text, match)
