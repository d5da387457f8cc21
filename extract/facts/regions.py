"""Which kabupaten and kota are regions of the article.

A region counts when its government acts or is a party, or when a reported
event happens there (extract/data/facts/events.yaml, `region_roles`). Only
explicit mentions count ("Kabupaten Blitar", "Pemkab Blitar", "Bupati
Blitar"): a bare "Blitar" can be the kabupaten or the kota, and a city named
only in the dateline is furniture. Lookups go through extract.nlp.regions.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.text import load_lexicon, word_pattern
from extract.model import Region


@lru_cache(maxsize=1)
def _roles() -> tuple[re.Pattern[str], re.Pattern[str], int, frozenset[str]]:
    roles = load_lexicon("events")["region_roles"]
    return (
        word_pattern(roles["institution_words"]),
        word_pattern(roles["locatives"]),
        int(roles["region_window"]),
        frozenset(roles["branch_words"]),
    )


def region_role(text: str, start: int, end: int, floor: int) -> str | None:
    """Why the region mention text[start:end] counts ("party" or "venue"), or None."""
    institution, locative, window, branch = _roles()
    mention = text[start:end]
    if institution.search(mention):
        return "party"
    before = text[floor:start]
    words = list(re.finditer(r"[\w\-]+|[(),]", before))[-window:]
    # walk back over the organisation's name: capitalised words, brackets,
    # a comma between place names ("di kawasan Ketapang, Kabupaten X")
    first_word = True
    for match in reversed(words):
        word = match.group(0)
        low = word.lower()
        if first_word and word not in "(),":
            first_word = False
            if low in branch:
                return None
        if institution.fullmatch(word):
            return "party"
        if locative.fullmatch(low.rstrip("-")) or low.startswith("se-"):
            return "venue"
        if word in "()," or word[:1].isupper() or low in {"dan", "&"}:
            continue
        break
    return None


def extract_regions(ctx: Context) -> list[Region]:
    from extract.nlp.regions import find_regions

    found: dict[str, Region] = {}
    for sentence in ctx.sentences:
        for start, end, region in find_regions(sentence.text, include_bare=True):
            if region.code in found:
                continue
            abs_start, abs_end = sentence.start + start, sentence.start + end
            role = region_role(ctx.text, abs_start, abs_end, sentence.start)
            # a bare name ("Dinas Sosial Bojonegoro") counts only as a party
            # and only when no kabupaten and kota share it
            if role is None or (region.resolved_from != "explicit" and (role != "party" or region.resolved_from != "name")):
                continue
            found[region.code] = replace(
                region, provenance=ctx.provenance(abs_start, abs_end, f"regions.{role}")
            )
    return list(found.values())
