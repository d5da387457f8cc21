"""The frame a count holds in, said at the end of its category: its year
("Sepanjang tahun 2025, BPJS mencatat 4.165 pekerja menerima klaim" ->
"... sepanjang tahun 2025") or the field the sentence opens with ("Di bidang
sosial, ada 400 orang yang terdaftar" -> "... di bidang sosial").

Years are read from the dates the NLP layer parsed (`Context.date_matches`),
keeping the years written out ("2024", "tahun 2025"); a full date ("Senin
(3/2/2025)") is when something happened, not the period a count is of.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.text import Sentence, phrase_alternation
from extract.facts.workers.lexicon import lexicon

# clause breaks: a comma, semicolon or colon not inside a number ("42.065", "1,2")
_CLAUSE_BREAK = re.compile(r"(?<!\d)[,;:]|[,;:](?!\d)|[\"“”]")


def frame_of(ctx: Context, sentence: Sentence, start: int, end: int, category: str) -> str:
    """ " pada tahun 2015", " di bidang sosial", or "": what to say after the
    count's category of the frame it holds in."""
    said = (field_of(sentence.text, start), period_of(ctx, sentence, start, end, category))
    return "".join(f" {phrase}" for phrase in said if phrase and phrase not in category)


def field_of(text: str, start: int) -> str | None:
    """ "di bidang sosial" when the sentence opens with it, before the count."""
    match = _field().match(text)
    return " ".join(match.group("field").split()).lower() if match and match.end() <= start else None


@lru_cache(maxsize=1)
def _field() -> re.Pattern[str]:
    lex = lexicon()
    openers = phrase_alternation(lex.field_openers)
    fields = phrase_alternation(lex.field_words)
    return re.compile(
        rf"(?i)\s*(?:(?:{openers})\s+)?(?P<field>di\s+(?:{fields})\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}})\s*,"
    )


def period_of(ctx: Context, sentence: Sentence, start: int, end: int, category: str) -> str | None:
    """The year phrase of the count at `start`-`end` of `sentence` (offsets
    into its text), as written ("pada tahun 2015"), or None: the nearest
    one in the count's own clause, else one in the clause that opens the
    sentence before the count; never a year the category names already."""
    text = sentence.text
    # a year written out: "tahun ini" depends on the publication date, and says less than "2025"
    years = [m for m in ctx.date_matches(sentence) if m.value.precision == "year" and not m.relative]
    if not years:
        return None
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    clause_start = max([b for b in breaks if b < start], default=-1)
    clause_end = min([b for b in breaks if b >= end], default=len(text))
    opening_end = breaks[0] if breaks else len(text)
    own = [m for m in years if clause_start < m.start and m.end <= clause_end]
    opening = [m for m in years if m.end <= opening_end < start]
    chosen = min(own, key=lambda m: abs(m.start - start), default=None) or (opening[0] if opening else None)
    if chosen is None:
        return None
    phrase = _as_written(text, chosen.start, chosen.end)
    if phrase is None or any(y in category for y in re.findall(r"\d{4}", phrase)):
        return None
    return phrase


def _as_written(text: str, start: int, end: int) -> str | None:
    """The year with the word that makes it a period ("pada 2024", "tahun
    ini"), lower-cased; None when no such word goes with it."""
    words = lexicon().period_words
    written = text[start:end]
    first = written.split()[0].lower()
    before = re.search(r"(\w+)\s+$", text[:start])
    if before and before.group(1).lower() in words and first not in words:
        return f"{before.group(1).lower()} {written}"
    if first in words or not text[:start].strip():
        return written[0].lower() + written[1:]
    return None
