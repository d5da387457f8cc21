"""The percentages of an article: each value once, named where it is said in full."""

from __future__ import annotations

from extract.facts.context import Context
from extract.facts.percentages.lexicon import CLAUSE_BREAK
from extract.facts.percentages.phrases import measure_of
from extract.facts.percentages.subjects import Found, about_of, place_of
from extract.facts.quantities import numbers, percents
from extract.facts.text import is_headline
from extract.model import Percentage


def extract_percentages(ctx: Context) -> list[Percentage]:
    found: list[Found] = []
    seen: dict[float, int] = {}  # value -> where in `found`
    weak: set[float] = set()  # values first stated in a headline or with next to nothing said of them
    counts = []
    for count in ctx.results.get("worker_counts", []):
        where = ctx.sentence_at(count.provenance.start) if count.provenance else None
        if where is not None:
            counts.append((where.index, count.provenance.start - where.start, count.category))
    for sentence in ctx.sentences:
        text = sentence.text
        matches = percents(ctx, sentence)
        found_numbers = [(n.start, n.end) for n in numbers(ctx, sentence)] if matches else []
        headline = is_headline(text)
        for index, match in enumerate(matches):
            value = round(float(match.value), 2)
            if value in seen and value not in weak:
                continue
            place = place_of(text, matches, index, sentence.index, counts, found_numbers)
            about = about_of(place, found)
            breaks = list(CLAUSE_BREAK.finditer(text, 0, match.start))
            clause = text[breaks[-1].end() if breaks else 0 : match.end]
            measure = measure_of(clause) or measure_of(about)
            stated = Found(
                value, about, measure, sentence.start + match.start, sentence.start + match.end, sentence.index
            )
            says_little = headline or len(about.split()) < 2
            if value in seen:
                # "antara 4 hingga 4,5 persen ... kenaikannya 4,5 persen": named where it is said in full
                if not says_little:
                    found[seen[value]] = stated
                    weak.discard(value)
                continue
            seen[value] = len(found)
            found.append(stated)
            if says_little:
                weak.add(value)
    return [
        Percentage(
            value=int(f.value) if f.value == int(f.value) else f.value,
            about=f.about,
            measure=f.measure,
            provenance=ctx.provenance(f.start, f.end, "percentages.stated"),
        )
        for f in found
    ]
