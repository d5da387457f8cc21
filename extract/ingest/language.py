"""Which language a text is in, from the share of very common words.

News pages carry enough running text for function words to decide between
Indonesian and the languages the sites also publish in (English, Javanese);
a statistical language identifier would be one more model to ship for no gain
here. The word lists are data: extract/data/language_markers.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

MARKERS_PATH = Path(__file__).resolve().parent.parent / "data" / "language_markers.yaml"
MIN_WORDS = 20  # below this the counts say nothing
MIN_SHARE = 0.08  # share of marker words a text in that language reaches easily

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def _markers() -> dict[str, frozenset[str]]:
    data = yaml.safe_load(MARKERS_PATH.read_text(encoding="utf-8"))
    return {lang: frozenset(words.lower().split()) for lang, words in data.items()}


def language_shares(text: str) -> dict[str, float]:
    """For each known language, the share of `text`'s words that are its marker words."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return {lang: 0.0 for lang in _markers()}
    return {lang: sum(w in markers for w in words) / len(words) for lang, markers in _markers().items()}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language ("id", "en", "jv"), or None when it cannot tell."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    shares = language_shares(text)
    best = max(shares, key=shares.get)
    return best if shares[best] >= MIN_SHARE else None
