"""Percentages stated in the article, each with what it is about.

Values come from extract.normalize.percent ("17,60%" = 17.6, "di bawah 20
persen" = 20). What a percentage is about is the clause before it, trimmed
of the verbs and qualifiers that lead to the number ("cakupan kepesertaan
(UCJ) Kabupaten Malang saat ini baru 34,7 persen" -> "cakupan kepesertaan
(UCJ) Kabupaten Malang"); when that leaves nothing, the words after it. The
same value stated twice is one percentage.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.text import load_lexicon, word_pattern
from extract.model import Percentage
from extract.normalize.percent import find_percents


@lru_cache(maxsize=1)
def _speech() -> re.Pattern[str]:
    return word_pattern(load_lexicon("officials")["speech_verbs"] + ["menyebut", "mencatat", "memaparkan", "melaporkan"])


@lru_cache(maxsize=1)
def _lexicon():
    data = load_lexicon("percentages")
    trailing = sorted(data["trailing_verbs"], key=len, reverse=True)
    return {
        "trailing": re.compile(r"(?:\s+|^)(?:" + "|".join(re.escape(w) for w in trailing) + r")\s*$", re.I),
        "leading": re.compile(r"^(?:" + "|".join(re.escape(w) for w in data["leading_words"]) + r")\b[\s,]*", re.I),
        "measures": {name: word_pattern(words) for name, words in data["measures"].items()},
        "max_words": int(data["max_about_words"]),
    }


def about_before(clause: str) -> str:
    """The subject of a percentage: its clause without the lead-in verbs."""
    lex = _lexicon()
    about = clause.strip(" \"“”'")
    # "Ia menyebut cakupan ...": what was said, not who said it
    speech = None
    for speech in _speech().finditer(about):
        pass
    if speech is not None:
        about = about[speech.end() :]
    about = re.sub(r"^\s*bahwa\b", "", about)
    while True:
        trimmed = lex["trailing"].sub("", about).strip(" ,")
        trimmed = lex["leading"].sub("", trimmed).strip(" ,")
        if trimmed == about:
            break
        about = trimmed
    words = about.split()
    return " ".join(words[-lex["max_words"] :])


# a comma that is not a decimal comma ("17,9 persen"), or ; : and quotes
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:\"“”]")


def _about_after(text: str) -> str:
    words = re.split(r"(?<!\d)[,.]|[,.](?!\d)|[;:\"“”]", text, maxsplit=1)[0].split()
    return " ".join(words[: _lexicon()["max_words"]])


def extract_percentages(ctx: Context) -> list[Percentage]:
    lex = _lexicon()
    found: list[Percentage] = []
    seen: set[float] = set()
    for sentence in ctx.sentences:
        text = sentence.text
        for match in find_percents(text):
            value = round(float(match.value), 2)
            if value in seen:
                continue
            seen.add(value)
            clauses = _CLAUSE_BREAK.split(text[: match.start])
            about = ""
            while clauses and not about:
                # "Tingkat kepatuhan perusahaan, lanjutnya, baru 76,5 persen"
                about = about_before(clauses.pop())
                if about and _speech().fullmatch(about.split()[0].rstrip("nya")) and len(about.split()) == 1:
                    about = ""
            breaks = list(_CLAUSE_BREAK.finditer(text, 0, match.start))
            clause_from = breaks[-1].start() if breaks else -1
            if not about:
                about = _about_after(text[match.end :])
            clause = text[clause_from + 1 : match.end]
            measure = next((name for name, pattern in lex["measures"].items() if pattern.search(clause)), None)
            found.append(
                Percentage(
                    value=int(value) if value == int(value) else value,
                    about=about,
                    measure=measure,
                    provenance=ctx.provenance(sentence.start + match.start, sentence.start + match.end, "percentages.stated"),
                )
            )
    return found
