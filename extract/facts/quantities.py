"""The numbers and percentages of a sentence, as the NLP layer found them.

extract.nlp puts CARDINAL, PERCENT, MONEY and DATE spans on the Doc with
their normalised values (`span.kb_id_`); the extractors read them here, in
offsets into the sentence's text, instead of scanning the text again. A
CARDINAL is a number that is no part of an amount, a percentage or a date.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from extract.facts.context import Context
from extract.facts.text import Sentence

Number = int | float


@dataclass(frozen=True)
class Quantity:
    start: int  # offsets into the sentence's text
    end: int
    text: str
    value: Number
    approximate: bool  # "sekitar 8.000", "ribuan", "280 juta lebih"


def _value(written: str) -> Number:
    return float(written) if any(mark in written for mark in ".eE") else int(written)


def _quantity(span: Span, sentence: Sentence) -> Quantity:
    start, end = span._.exact_chars or (span.start_char, span.end_char)
    start, end = start - sentence.start, end - sentence.start
    return Quantity(start, end, sentence.text[start:end], _value(span.kb_id_), span.id_ == "approximate")


def numbers(ctx: Context, sentence: Sentence) -> list[Quantity]:
    """The sentence's CARDINAL numbers ("8.125", "dua", "ribuan"), in order."""
    return [_quantity(span, sentence) for span in ctx.spans_in(sentence, "CARDINAL")]


def percents(ctx: Context, sentence: Sentence) -> list[Quantity]:
    """The sentence's percentages ("17,60%" = 17.6), in order; a range
    ("10-15 persen") gives one per end, on the same words."""
    return [_quantity(span, sentence) for span in ctx.spans_in(sentence, "PERCENT")]


def taken(ctx: Context, sentence: Sentence, *labels: str) -> list[tuple[int, int]]:
    """(start, end) in the sentence of its spans with one of `labels`."""
    found = []
    for span in ctx.spans_in(sentence, *labels):
        start, end = span._.exact_chars or (span.start_char, span.end_char)
        found.append((start - sentence.start, end - sentence.start))
    return found
