"""Provenance: tie a fact to the exact words it came from."""

from __future__ import annotations

from extract.facts.text import Sentence
from extract.model import Provenance

EXTRACTOR_VERSION = "facts-0.5.0"


def provenance(sentence: Sentence, start: int, end: int, rule: str) -> Provenance:
    """Evidence `start:end` inside `sentence`: offsets in the article text, or
    in the caption the sentence belongs to (`sentence.field`)."""
    return Provenance(
        sentence=sentence.text,
        start=start,
        end=end,
        rule=rule,
        extractor_version=EXTRACTOR_VERSION,
        field=sentence.field,
    )
