"""People's names: strip honorifics, titles and ranks; build the matching key.

"Drs. Mikhael Hankam Indoro, M.Si" -> name "Mikhael Hankam Indoro", titles
["Drs.", "M.Si"]. "H.M. Irsyad Yusuf SE MMA" -> "M. Irsyad Yusuf": a glued
"H.M." is Haji + the initial M., and an initial is part of the name.
The list of titles is data: extract/data/gazetteers/honorifics.txt.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_TOKEN = re.compile(r"\S+")


def _fold(word: str) -> str:
    """Case- and dot-insensitive form of a title: "S.H." == "SH" == "s.h"."""
    return re.sub(r"[.,()]", "", word).casefold()


@lru_cache(maxsize=1)
def load_honorifics() -> frozenset[str]:
    text = resources.files("extract").joinpath("data/gazetteers/honorifics.txt").read_text("utf-8")
    words = (line.strip() for line in text.splitlines())
    return frozenset(_fold(w) for w in words if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def load_leading_honorifics() -> frozenset[str]:
    """Titles that are also initials ("R." Raden, "R.A."): a title only
    when they open a name of two more words ("R Djoni Sudjatmoko")."""
    text = resources.files("extract").joinpath("data/gazetteers/honorifics_leading.txt").read_text("utf-8")
    words = (line.strip() for line in text.splitlines())
    return frozenset(_fold(w) for w in words if w and not w.startswith("#"))


def split_glued_initials(token: str) -> list[str]:
    """ "H.M." and "HM" are Haji + the initial M.: split when the first part is
    a title. "S.H." or "S.I.K." stay whole (titles themselves, or initials
    of a name)."""
    if _fold(token) in load_honorifics():
        return [token]
    parts = re.findall(r"[A-Za-z]{1,2}\.", token)
    if len(parts) > 1 and "".join(parts) == token and _fold(parts[0]) in load_honorifics():
        return parts
    if re.fullmatch(r"H[A-Z]", token):
        return [token[0], token[1]]
    return [token]


def strip_titles(name: str) -> tuple[str, list[str]]:
    """Split a written name into the bare name and the titles removed from it."""
    titles: list[str] = []
    kept: list[str] = []
    tokens = [t for raw in _TOKEN.findall(name.replace(",", " ")) for t in split_glued_initials(raw)]
    for k, token in enumerate(tokens):
        if _fold(token) in load_honorifics():
            titles.append(token)
        elif not kept and _fold(token) in load_leading_honorifics() and len(tokens) - k > 2:
            titles.append(token)
        else:
            kept.append(token)
    return " ".join(kept), titles


def name_key(name: str) -> str:
    """The matching key of a name: titles removed, case-folded, whitespace collapsed."""
    bare, _ = strip_titles(name)
    return " ".join(bare.casefold().split())
