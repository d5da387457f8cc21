"""Counts of people: "8.125 tenaga kerja", "dua ahli waris", "empat juta
pekerja", and "jumlah peserta aktif ... mencapai 114.377".

A number (extract.normalize.numbers, digits or words) counts people when a
noun for people follows it (extract/data/facts/workers.yaml); "dua anak",
"19 desa", "1.275 klaim" do not. In "1 Desa 100 pekerja" the count is the
100 per village. Amounts, percentages, dates and regulation numbers are not
counts. The same value stated twice is one count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.text import Sentence, load_lexicon, overlaps, word_pattern
from extract.model import WorkerCount
from extract.normalize.dates import find_dates
from extract.normalize.money import find_money
from extract.normalize.numbers import find_numbers, find_per_unit
from extract.normalize.percent import find_percents


@lru_cache(maxsize=1)
def _lexicon():
    data = load_lexicon("workers")
    return {
        "nouns": re.compile(r"(?:" + word_pattern(data["person_nouns"]).pattern + r")", re.I),
        "totals": word_pattern(data["total_words"]),
        "verbs": word_pattern(data["total_verbs"]),
        "stops": {w.lower() for w in data["category_stops"]},
        "max_words": int(data["max_category_words"]),
        "vague": word_pattern(data["vague_words"]),
    }


def _taken(text: str, reference) -> list[tuple[int, int]]:
    """Spans that are amounts, percentages, dates or regulation numbers."""
    spans = [(m.start, m.end) for m in find_money(text)]
    spans += [(m.start, m.end) for m in find_percents(text)]
    spans += [(m.start, m.end) for m in find_dates(text, reference)]
    spans += [m.span() for m in re.finditer(r"\b(?:Nomor|No\.?)\s*\d[\w./-]*(?:\s+Tahun\s+\d{4})?", text)]
    spans += [m.span() for m in re.finditer(r"\b(?:tahun|Tahun)\s+\d{4}\b|\(\d{1,3}\)|\b\d{1,3}\s+tahun\b", text)]
    return spans


def category_after(text: str, end: int) -> str | None:
    """The people counted: the noun phrase right after a number, or None."""
    lex = _lexicon()
    rest = text[end:]
    head = lex["nouns"].match(rest.lstrip())
    if not head:
        return None
    words = []
    for match in re.finditer(r"[^\s,.;:!?\"“”()]+|[,.;:!?\"“”()]", rest):
        word = match.group(0)
        if not re.match(r"[\w-]", word) or word.lower() in lex["stops"]:
            break
        words.append(word)
        if len(words) >= lex["max_words"]:
            break
    return " ".join(words) or None


def _category_before(text: str, start: int) -> str | None:
    """"jumlah peserta aktif di Kabupaten Blitar mencapai <N>": the people
    named after "jumlah", when the number stands alone."""
    lex = _lexicon()
    clause = re.split(r"[,;:]", text[:start])[-1]
    total = None
    for total in lex["totals"].finditer(clause):
        pass
    if total is None:
        return None
    between = clause[total.end() :]
    verb = None
    for verb in lex["verbs"].finditer(between):
        pass
    if verb is None or len(between[verb.end() :].split()) > 1:
        return None  # the number must come right after "mencapai", "sebanyak" ...
    phrase = between[: verb.start()]
    if not lex["nouns"].match(phrase.strip()):
        return None
    return " ".join(phrase.split()) or None


def extract_worker_counts(ctx: Context) -> list[WorkerCount]:
    found: list[WorkerCount] = []
    seen: set[int] = set()
    for sentence in ctx.sentences:
        for value, start, end, category, rule in _counts(ctx, sentence):
            if value in seen:
                continue
            seen.add(value)
            found.append(
                WorkerCount(
                    value=value,
                    category=category,
                    provenance=ctx.provenance(sentence.start + start, sentence.start + end, rule),
                )
            )
    return found


def _counts(ctx: Context, sentence: Sentence):
    lex = _lexicon()
    text = sentence.text
    taken = _taken(text, ctx.reference)
    per_unit = find_per_unit(text)
    for match in per_unit:
        category = category_after(text, match.end) or match.unit
        yield int(match.value), match.start, match.end, category, "workers.per_unit"
    for match in find_numbers(text):
        if overlaps(match.start, match.end, taken) or any(
            p.start <= match.start and match.end <= p.end for p in per_unit
        ):
            continue
        if lex["vague"].fullmatch(match.text.strip()) or lex["vague"].search(match.text):
            continue
        value = match.value
        if not isinstance(value, (int, float)) or value != int(value) or value < 1:
            continue
        category = category_after(text, match.end)
        rule = "workers.number_noun"
        if category is None and re.fullmatch(r"(?:19|20)\d\d", match.text.strip()):
            continue  # a year
        if category is None:
            if re.match(r"\s*[\w-]", text[match.end :]) and not re.match(r"\s*(pada|per|di|hingga|sampai)\b", text[match.end :]):
                continue
            category = _category_before(text, match.start)
            rule = "workers.total_of"
        if category is None:
            continue
        yield int(value), match.start, match.end, category, rule
