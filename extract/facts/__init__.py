"""From an article's text to typed events and facts, each tied to its words.

`extract_facts(article) -> Facts` is the entry point (`extract_facts_batch`
does many articles at once, faster); see extract/facts/extractor.py for how
the extractors are run, and extract/fact_types.py for the fact types.
"""

from __future__ import annotations

from typing import Any

__all__ = ["EXTRACTOR_VERSION", "extract_facts", "extract_facts_batch"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the store and the site read the fact-type
    # registry (extract.fact_types) without loading spaCy and the extractors.
    if name in __all__:
        from extract.facts import extractor

        return getattr(extractor, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
