"""Regulations cited: kind, number and year of each instrument, once.

The LAW rule spans of the NLP pipeline find the instruments; their kind is
the acronym the article gives in brackets ("Keputusan Menteri
Ketenagakerjaan (Kepmen) Nomor 202 Tahun 2024" -> Kepmen), else the span's
kind. A number or year the span stops short of ("Peraturan Menteri Dalam
Negeri (Permendagri) Nomor 84 Tahun 2014") is read from the words right after
it. An unnumbered instrument ("Surat Edaran (SE) Bupati") is listed with
number and year null, unless a numbered one of its kind is cited (then it is
that one again); a bare "Undang-Undang" is not listed.
"""

from __future__ import annotations

import re

from extract.facts.context import Context
from extract.model import Regulation

_NUMBER = re.compile(r"(?:\bNomor|\bNo\.?|\bNomer|\bNmr)\s*:?\s*(?P<number>\d[\w./-]*\w|\d)", re.I)
_YEAR = re.compile(r"\bTahun\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_ACRONYM = re.compile(r"\((?P<acronym>[A-Z][A-Za-z]+)(?:\s+[A-Z]+)?\)")
_TITLE = re.compile(r"^\s*tentang\s+(?P<title>[^.,;\n\"”]+)", re.I)
LOOK_AHEAD = 100  # characters after a span searched for its number


def _number_and_year(text: str) -> tuple[str | None, int | None]:
    number_match = _NUMBER.search(text)
    number = number_match.group("number") if number_match else None
    year_match = _YEAR.search(text)
    year = int(year_match.group("year")) if year_match else None
    if number and year is None:
        tail = re.search(r"/((?:19|20)\d\d)$", number)
        if tail:
            year = int(tail.group(1))
            if re.fullmatch(r"\d+/(?:19|20)\d\d", number):
                number = number.split("/")[0]  # "24/2011": number 24 of 2011
    return number, year


def _following(ctx: Context, end: int, next_start: int | None) -> str:
    """The words after a span up to its sentence's end or the next span."""
    sentence = ctx.sentence_at(end - 1)
    stop = min(end + LOOK_AHEAD, sentence.end if sentence else end, next_start or len(ctx.text))
    text = ctx.text[end:stop]
    cut = re.search(r"[.;](?:\s|$)|\btentang\b", text)
    return text[: cut.start()] if cut else text


def extract_regulations(ctx: Context) -> list[Regulation]:
    numbered: list[Regulation] = []
    unnumbered: list[Regulation] = []
    spans = ctx.rule_spans("LAW")
    for index, span in enumerate(spans):
        later = [s.start_char for s in spans[index + 1 :] if s.start_char >= span.end_char]
        after = _following(ctx, span.end_char, later[0] if later else None)
        number, year = _number_and_year(span.text)
        if number is None and later and later[0] - span.end_char <= LOOK_AHEAD and after.rstrip().endswith("("):
            continue  # the long name of the acronym in brackets that follows
        if number is None:
            number, year_after = _number_and_year(after)
            year = year or year_after
        acronym = _ACRONYM.search(span.text) or _ACRONYM.search(after.split("Nomor")[0])
        if acronym:
            kind = acronym.group("acronym")
        elif re.fullmatch(r"[A-Z][A-Za-z]+", span.text) and ctx.text[span.start_char - 1 : span.start_char] == "(":
            kind = span.text  # "(Permendagri) Nomor 84 Tahun 2014"
        else:
            kind = span.id_
        if not kind:
            continue
        title = _TITLE.match(ctx.text[span.end_char : span.end_char + 200])
        regulation = Regulation(
            kind=kind,
            number=number,
            year=year,
            title=" ".join(title.group("title").split()) if title else None,
            provenance=ctx.provenance(span.start_char, span.end_char, f"regulations.{span.id_ or 'law'}"),
        )
        (numbered if number else unnumbered).append(regulation)
    found: list[Regulation] = []
    for regulation in numbered:
        if not any((r.kind, r.number, r.year) == (regulation.kind, regulation.number, regulation.year) for r in found):
            found.append(regulation)
    for regulation in unnumbered:
        if regulation.kind == "UU" or any(r.kind == regulation.kind for r in found):
            continue
        found.append(regulation)
    found.sort(key=lambda r: r.provenance.start if r.provenance else 0)
    return found
