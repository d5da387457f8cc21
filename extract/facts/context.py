"""The shared context every fact extractor reads.

The orchestrator (extract/facts/extractor.py) builds one `Context` per
article: the text, the spaCy doc (run once), the article's content sentences
(page furniture left out), the reference date for relative dates, and the
results of the extractors that ran before (`ctx.results["officials"]`, ...).
An extractor is a function `(ctx) -> list[...]`.

Photo captions of an HTML page (`Article.captions`) are not in the text; each
has a context of its own in `ctx.captions` (offsets into the caption, its
sentences' `field` "caption:<n>"), which only the officials extractor reads.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.facts.provenance import provenance
from extract.facts.text import Sentence, overlaps
from extract.model import Article, Provenance
from extract.normalize.date_values import DateMatch, resolve_dates


@dataclass
class Context:
    article: Article
    text: str
    doc: Doc
    nlp: Language
    sentences: list[Sentence]  # content sentences, in order; furniture left out
    furniture: list[tuple[int, int]]  # (start, end) of furniture in the text
    reference: dt.date | None  # publication date: relative dates resolve against it
    results: dict[str, list[Any]] = field(default_factory=dict)
    captions: list[Context] = field(default_factory=list)  # one per Article.captions entry

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The content sentence holding `offset`, or None (furniture, gaps)."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_of(self, evidence: Provenance) -> Sentence | None:
        """The content sentence of the text that `evidence` points into; None
        for evidence in a caption (its offsets are not into the text)."""
        if evidence.field != "text":
            return None
        return self.sentence_at(evidence.start)

    def is_furniture(self, start: int, end: int) -> bool:
        return overlaps(start, end, self.furniture)

    def rule_spans(self, *labels: str) -> list[Span]:
        """Rule spans (doc.spans["rules"]) with one of `labels`, outside furniture."""
        group = self.doc.spans["rules"] if "rules" in self.doc.spans else []
        return [s for s in group if s.label_ in labels and not self.is_furniture(s.start_char, s.end_char)]

    def entities(self, *labels: str) -> list[Span]:
        """Model entities (doc.ents) with one of `labels`, outside furniture."""
        return [e for e in self.doc.ents if e.label_ in labels and not self.is_furniture(e.start_char, e.end_char)]

    def tokens(self, sentence: Sentence) -> list:
        """The sentence's spaCy tokens, whitespace tokens left out."""
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            return []
        return [t for t in span if not t.is_space]

    def provenance(self, start: int, end: int, rule: str) -> Provenance | None:
        sentence = self.sentence_at(start)
        if sentence is None:
            return None
        return provenance(sentence, start, end, rule)

    def spans_in(self, sentence: Sentence, *labels: str) -> list[Span]:
        """Rule spans with one of `labels` inside `sentence`, in text order
        (the spans of each set of labels are gathered once per article)."""
        return self._within(sentence, ("rules", labels), lambda: self.rule_spans(*labels))

    def entities_in(self, sentence: Sentence, *labels: str) -> list[Span]:
        """Model entities with one of `labels` inside `sentence`, in text
        order (gathered once per article, like `spans_in`)."""
        return self._within(sentence, ("ents", labels), lambda: self.entities(*labels))

    def _within(self, sentence: Sentence, key: tuple, gather) -> list[Span]:
        """The spans `gather()` gives that lie inside `sentence`; gathered once
        per article under `key`, then found by bisecting their starts."""
        gathered = self.__dict__.setdefault("_spans_gathered", {})
        if key not in gathered:
            spans = gather()
            gathered[key] = ([s.start_char for s in spans], spans)
        starts, spans = gathered[key]
        first = bisect_left(starts, sentence.start)
        last = bisect_left(starts, sentence.end, first)
        return [s for s in spans[first:last] if s.end_char <= sentence.end]

    def date_matches(self, sentence: Sentence, reference: dt.date | None = None) -> list[DateMatch]:
        """The dates of `sentence` as the NLP layer parsed them (`doc._.date_parts`,
        none on a doc made without its numeric component), resolved against
        `reference` (by default the publication date) as `find_dates` resolves
        them; offsets into the sentence."""
        parts = [p for p in self.doc._.date_parts or [] if sentence.start <= p.start and p.end <= sentence.end]
        return resolve_dates(parts, self.reference if reference is None else reference, offset=sentence.start)
