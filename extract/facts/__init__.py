"""From an article's text to typed events and facts, each tied to its words.

`extract_facts(article) -> Facts` is the one entry point; see
extract/facts/extractor.py for how the extractors are run.
"""

from extract.facts.extractor import EXTRACTOR_VERSION, extract_facts

__all__ = ["EXTRACTOR_VERSION", "extract_facts"]
