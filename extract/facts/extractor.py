"""The facts orchestrator: from an article to typed facts with provenance.

One pass: run the NLP pipeline once, find the page furniture to ignore
("Baca Juga" lines, bylines, photo credits, the dateline), cut the rest into
content sentences, then run each extractor in `EXTRACTORS` in order over the
shared `Context`. Each extractor is a function `(ctx) -> list[...]`; later
ones may read what earlier ones found in `ctx.results` (events read the
officials, regions, payouts and worker counts). The extractors, their order
and the `Facts` fields they fill come from the fact-type registry
(extract/fact_types.py). The photo captions of an HTML
page are run through the pipeline too, each in a context of its own
(`ctx.captions`); only officials are read from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from extract.facts import furniture
from extract.facts.context import Context
from extract.facts.provenance import EXTRACTOR_VERSION
from extract.fact_types import FACT_TYPES
from extract.facts.text import Sentence, split_lines
from extract.model import Article, Facts, Mention

Extractor = Callable[[Context], list]

# Run in the registry's order; the name is the key in ctx.results and the
# Facts field the list lands in.
EXTRACTORS: list[tuple[str, Extractor]] = [(t.name, t.extract) for t in FACT_TYPES]

__all__ = ["EXTRACTOR_VERSION", "EXTRACTORS", "build_context", "extract_facts", "extract_facts_batch"]


def extract_facts(article: Article, nlp: Language | None = None) -> Facts:
    """Every fact the extractors find in the article, each with its provenance."""
    return _extract(build_context(article, nlp if nlp is not None else default_pipeline()))


def extract_facts_batch(articles: Sequence[Article], nlp: Language | None = None, batch_size: int = 16) -> list[Facts]:
    """`extract_facts` of each article, with every text and caption going
    through the NLP pipeline in batches (`nlp.pipe`), which is faster than one
    doc at a time; the facts are the same."""
    nlp = nlp if nlp is not None else default_pipeline()
    fields = [[article.text or "", *article.captions] for article in articles]
    docs = iter(nlp.pipe((text for texts in fields for text in texts), batch_size=batch_size))
    return [
        _extract(build_context(article, nlp, [next(docs) for _ in texts])) for article, texts in zip(articles, fields)
    ]


def _extract(ctx: Context) -> Facts:
    for name, extractor in EXTRACTORS:
        ctx.results[name] = extractor(ctx)
    return _assemble(ctx)


def default_pipeline() -> Language:
    from extract.nlp.pipeline import load_pipeline  # cached: one load per process

    return load_pipeline()


def build_context(article: Article, nlp: Language, docs: Sequence[Doc] | None = None) -> Context:
    """The article's context; `docs` are the pipeline's docs of its text and
    captions when they were made already (else they are made here)."""
    text = article.text or ""
    site = article.source or _site(article.url)
    docs = list(docs) if docs is not None else [nlp(text), *(nlp(caption) for caption in article.captions)]
    ctx = _context(article, nlp, text, docs[0], furniture.furniture_spans(text, site), "text")
    ctx.captions = [
        _context(article, nlp, caption, doc, furniture.caption_credits(caption, site), f"caption:{n}")
        for n, (caption, doc) in enumerate(zip(article.captions, docs[1:]))
    ]
    return ctx


def _context(
    article: Article, nlp: Language, text: str, doc: Doc, ignored: list[tuple[int, int]], field: str
) -> Context:
    """The context of one field of the article (its text, or one caption) and its doc."""
    if doc.has_annotation("SENT_START"):
        ranges = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        ranges = [(0, len(text))]
    pieces = _subtract(split_lines(ranges, text), ignored)
    sentences = [Sentence(i, start, end, text[start:end], field) for i, (start, end) in enumerate(pieces)]
    return Context(
        article=article,
        text=text,
        doc=doc,
        nlp=nlp,
        sentences=sentences,
        furniture=ignored,
        reference=_reference_date(article.published),
    )


def _assemble(ctx: Context) -> Facts:
    return Facts(**{t.name: ctx.results.get(t.name, []) for t in FACT_TYPES}, mentions=_mentions(ctx))


def _mentions(ctx: Context) -> list[Mention]:
    """Every model entity and rule span in the content sentences."""
    found = [(span, "model") for span in ctx.doc.ents]
    if "rules" in ctx.doc.spans:
        found += [(span, "rule") for span in ctx.doc.spans["rules"]]
    mentions = []
    for span, source in found:
        sentence = ctx.sentence_at(span.start_char)
        if sentence is None or not sentence.contains(span.start_char, span.end_char):
            continue
        mentions.append(Mention(span.label_, span.text, span.start_char, span.end_char, sentence.index, source))
    mentions.sort(key=lambda m: (m.start, m.end, m.label))
    return mentions


def _subtract(ranges: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of `ranges` outside every hole, each trimmed of whitespace-only ends."""
    out = []
    for start, end in ranges:
        pieces = [(start, end)]
        for hole_start, hole_end in holes:
            next_pieces = []
            for a, b in pieces:
                if hole_end <= a or b <= hole_start:
                    next_pieces.append((a, b))
                    continue
                if a < hole_start:
                    next_pieces.append((a, hole_start))
                if hole_end < b:
                    next_pieces.append((hole_end, b))
            pieces = next_pieces
        out.extend(p for p in pieces if p[1] > p[0])
    return out


def _reference_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _site(url: str | None) -> str | None:
    from extract.ingest.siterules import site_of

    return site_of(url)
