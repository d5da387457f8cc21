"""Names and titles: honorifics, degrees, nicknames, and a written name
cleaned to the bare name the key is made from."""

from __future__ import annotations

import re

from extract.facts.officials.lexicon import fold, lexicon
from extract.normalize.names import load_honorifics, split_glued_initials, strip_titles

MAX_NAME_WORDS = 5


def is_honorific(text: str) -> bool:
    bare = re.sub(r"[.,()]", "", text).casefold()
    if bare in load_honorifics():
        return True
    if len(split_glued_initials(text)) == 2 and not text.endswith("."):
        return True  # "HM Sanusi": Haji + an initial
    # glued titles and initials: "H.M." (Haji + initial), "S.E."
    parts = re.findall(r"[A-Za-z]{1,3}\.", text)
    return len(parts) > 1 and "".join(parts) == text and re.sub(r"[.]", "", parts[0]).casefold() in load_honorifics()


def looks_like_degree(text: str) -> bool:
    """An academic degree not in the list, by its shape: "S.Pi", "M.Kn."."""
    return re.fullmatch(r"(?:[A-Z][a-z]{0,3}\.){1,3}[A-Z][A-Za-z]{0,3}\.?", text) is not None and "." in text[:-1]


def is_cap(text: str) -> bool:
    return text[:1].isupper()


def is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and text.isalpha() and not is_honorific(text)


def clean_name(written: str) -> tuple[str, list[str]]:
    bare, titles = strip_titles(written)
    nickname = _strip_nickname_title(bare)  # "Mas Dhito" -> "Dhito"
    if nickname != bare:
        titles.append(bare.split()[0])
        bare = nickname
    words = bare.split()
    kept = words[:1] + [w for w in words[1:] if not looks_like_degree(w)]
    titles += [w for w in words[1:] if looks_like_degree(w)]
    bare = " ".join(kept)
    # reporter initials glued to a closing name: "Mujib.gan"
    bare = re.sub(r"(?<=[a-z])\.[a-z]{1,5}$", "", bare)
    return " ".join(bare.split()), titles


def _strip_nickname_title(name: str) -> str:
    words = name.split()
    if len(words) > 1 and fold(words[0]) in lexicon().nickname_titles:
        return " ".join(words[1:])
    return name


def full_name(written: str) -> bool:
    bare, titles = clean_name(written)
    return len(bare.split()) >= 2 or bool(titles)
