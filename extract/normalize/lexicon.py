"""The word lists of extract/data/normalize/lexicon.yaml, loaded once."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "normalize" / "lexicon.yaml"


@cache
def lexicon() -> dict[str, Any]:
    with LEXICON_PATH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation of literal words, longest first so that the longest wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def month_numbers() -> dict[str, int]:
    """Every month name and abbreviation (lower-cased) -> month number."""
    out: dict[str, int] = {}
    for number, entry in lexicon()["months"].items():
        for word in entry["names"] + entry["abbreviations"]:
            out[word.lower()] = int(number)
    return out


@cache
def month_full_names() -> list[str]:
    return [w for entry in lexicon()["months"].values() for w in entry["names"]]


@cache
def month_all_names() -> list[str]:
    return [w for e in lexicon()["months"].values() for w in e["names"] + e["abbreviations"]]


@cache
def weekday_numbers() -> dict[str, int]:
    """Every weekday name (lower-cased) -> datetime weekday (Monday = 0)."""
    return {word.lower(): int(number) for number, words in lexicon()["weekdays"].items() for word in words}
