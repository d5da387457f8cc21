"""From an article's text to typed events and facts, each tied to its words.

`extract_facts(article) -> Facts` is the entry point (`extract_facts_batch`
does many articles at once, faster); see extract/facts/extractor.py for how
the extractors are run.
"""

from extract.facts.extractor import EXTRACTOR_VERSION, extract_facts, extract_facts_batch

__all__ = ["EXTRACTOR_VERSION", "extract_facts", "extract_facts_batch"]
