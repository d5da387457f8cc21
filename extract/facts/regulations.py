"""Regulations cited: kind, number and year of each instrument, once.

The LAW rule spans of the NLP pipeline find the instruments. Their kind, in
order: the short name the article gives in brackets ("Keputusan Menteri
Ketenagakerjaan (Kepmen) Nomor 202 Tahun 2024" -> Kepmen), the span's own
words ("Peraturan Bupati Nomor 25 Tahun 2021" -> Perbup), the span's pattern
id; each normalised through the kinds and aliases of
extract/data/facts/regulations.yaml.

The number is the string after "Nomor"/"No." ("215/PMK.07/2021"), or the
"5" of "Permenaker 5/2021"; the year follows "Tahun", or ends the number
("No. 24/2011" -> 24 of 2011). The NLP grammar reads them from the span's
words into its `kb_id_` (extract.nlp.ruler.law_parts, the one reader).
Numbers the span stops short of ("Peraturan
Menteri Desa, ... (Permendes PDTT) Nomor 7 Tahun 2023") are read from the
words right after it.

An unnumbered instrument is listed (number and year null) when the article
makes it specific, by its issuer or subject ("Surat Edaran (SE) Bupati
Bangkalan tentang ..."), and no numbered one of its kind is cited (then it is
that one again: "Perbup itu"). A bare "Undang-Undang" is not listed.
Repeated mentions count once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.text import load_lexicon, word_pattern
from extract.model import Regulation
from extract.nlp.ruler import law_parts, read_law_kb_id

_SHORT_NUMBER = re.compile(r"^\D*?(?<![\w/])(?P<number>\d{1,4})\s*/\s*(?P<year>(?:19|20)\d\d)(?![\w/])")
_BRACKETED = re.compile(r"\(\s*(?P<short>[A-Z][A-Za-z.-]+)(?:\s+[A-Z][A-Za-z]*)*\s*\)")
_BARE_NUMBER = re.compile(r"^\D*?\s(?P<number>\d{1,4})\s+Tahun\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_ALSO_NUMBERED = re.compile(
    r"(?:\bNomor|\bNo\.?)\s*\d[\w./-]*\s+(?:dan|serta|&)\s+(?P<number>\d[\w./-]*\w)", re.IGNORECASE
)
_SUBJECT_END = re.compile(r"\b(?:tentang|perihal|mengenai)\s*$", re.IGNORECASE)
_TITLE = re.compile(r"^\s*(?:tentang|perihal|mengenai)\s+(?P<title>[^.,;\n\"”]+)", re.I)
LOOK_AHEAD = 100  # characters after a span searched for its number


@dataclass(frozen=True)
class _Lexicon:
    aliases: dict[str, str]  # folded alias -> kind
    numbered_only: frozenset[str]
    specific_kinds: frozenset[str]
    subject: re.Pattern[str]
    reference: re.Pattern[str]


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[-\s]+", " ", text.casefold()).split())


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = load_lexicon("regulations")
    aliases = {}
    for kind, names in data["kinds"].items():
        aliases[_fold(kind)] = kind
        for name in names:
            aliases[_fold(name)] = kind
    return _Lexicon(
        aliases=aliases,
        numbered_only=frozenset(data["numbered_only"]),
        specific_kinds=frozenset(data["specific_kinds"]),
        subject=word_pattern(data["subject_words"]),
        reference=word_pattern(data["reference_words"]),
    )


def kind_of(written: str) -> str | None:
    """The kind of a regulation as written ("Peraturan Wali Kota", "Perwal",
    "Undang-undang"): the longest known name it starts with."""
    folded = _fold(written)
    aliases = lexicon().aliases
    best = None
    for alias, kind in aliases.items():
        if (folded == alias or folded.startswith(alias + " ")) and (best is None or len(alias) > len(best[0])):
            best = (alias, kind)
    return best[1] if best else None


def number_and_year(text: str) -> tuple[str | None, int | None]:
    """The number after "Nomor"/"No." and the year after "Tahun" (or ending
    the number) in the words of a citation (extract.nlp.ruler.law_parts)."""
    return law_parts(text, bare_number=False)


def _following(ctx: Context, end: int, next_start: int | None) -> str:
    """The words after a span up to its sentence's end, the next span or its subject."""
    sentence = ctx.sentence_at(end - 1)
    stop = min(end + LOOK_AHEAD, sentence.end if sentence else end, next_start or len(ctx.text))
    text = ctx.text[end:stop]
    cut = re.search(r"[.;](?:\s|$)|\b(?:tentang|perihal|mengenai)\b", text)
    return text[: cut.start()] if cut else text


def _kind(span_text: str, span_id: str, bracketed: str | None) -> str | None:
    if bracketed:
        return kind_of(bracketed) or bracketed
    return kind_of(span_text) or kind_of(span_id) or (span_id or None)


def _specific(ctx: Context, span_text: str, end: int) -> bool:
    """Is an unnumbered instrument made specific by an issuer or place ("SE
    Bupati Bangkalan", "Perbup Ngawi") or by its subject ("... tentang ...")?"""
    lex = lexicon()
    words = _fold(re.sub(r"\([^()]*\)", " ", span_text))
    if not any(words == alias for alias in lex.aliases):
        return True  # the span holds more than the kind's name
    rest = ctx.text[end : end + 60]
    rest = re.sub(r"^\s*\([^()]*\)", "", rest)  # "(SE)"
    first = re.match(r"\s*([\w-]+)", rest)
    if not first:
        return False
    word = first.group(1)
    if lex.reference.fullmatch(word):
        return False
    return word[:1].isupper() or bool(lex.subject.fullmatch(word))


def _also_numbered(first: Regulation, after: str) -> list[Regulation]:
    """ "PMK Nomor 36 dan 37/PMK.010/2008": the second instrument, and the
    series and year they share given to the first."""
    match = _ALSO_NUMBERED.search(after)
    if not match or first.number is None:
        return []
    second, second_year = number_and_year("Nomor " + match.group("number"))
    suffix = re.match(r"\d+(?P<rest>/.+)$", second or "")
    if suffix and first.number.isdigit():
        first.number += suffix.group("rest")
        first.year = first.year or second_year
    return [
        Regulation(
            kind=first.kind,
            number=second,
            year=second_year or first.year,
            title=first.title,
            provenance=first.provenance,
        )
    ]


def extract_regulations(ctx: Context) -> list[Regulation]:
    lex = lexicon()
    numbered: list[Regulation] = []
    unnumbered: list[Regulation] = []
    spans = ctx.rule_spans("LAW")
    for index, span in enumerate(spans):
        later = [s.start_char for s in spans[index + 1 :] if s.start_char >= span.end_char]
        after = _following(ctx, span.end_char, later[0] if later else None)
        number, year = read_law_kb_id(span.kb_id_)  # what the NLP grammar read from the span's words
        if number is None and later and later[0] - span.end_char <= LOOK_AHEAD and after.rstrip().endswith("("):
            continue  # the long name of the short name in brackets that follows
        if number is None:
            number, year_after = number_and_year(after)
            year = year or year_after
        if number is None:
            short = _SHORT_NUMBER.match(span.text + after)  # "Permenaker 5/2021"
            if short:
                number, year = short.group("number"), int(short.group("year"))
        if number is None:
            bare = _BARE_NUMBER.match(span.text + after)  # "Undang-Undang 34 Tahun 1964"
            if bare:
                number, year = bare.group("number"), int(bare.group("year"))
        bracketed = _BRACKETED.search(span.text) or _BRACKETED.match(after.split("Nomor")[0].lstrip())
        short_name = bracketed.group("short") if bracketed else None
        if short_name is None and ctx.text[span.start_char - 1 : span.start_char] == "(":
            short_name = span.text  # "(Permendagri) Nomor 84 Tahun 2014"
        kind = _kind(span.text, span.id_, short_name)
        if not kind:
            continue
        subject = _SUBJECT_END.search(span.text)  # "peraturan bupati mengenai ..."
        title_from = span.start_char + subject.start() if subject else span.end_char
        title = _TITLE.match(ctx.text[title_from : title_from + 200])
        regulation = Regulation(
            kind=kind,
            number=number,
            year=year,
            title=" ".join(title.group("title").split()) if title else None,
            provenance=ctx.provenance(span.start_char, span.end_char, f"regulations.{span.id_ or 'law'}"),
        )
        if number:
            numbered.append(regulation)
            numbered.extend(_also_numbered(regulation, span.text + after))
        elif kind in lex.specific_kinds or (
            kind not in lex.numbered_only and (short_name is not None or _specific(ctx, span.text, span.end_char))
        ):
            # a long name given its short name in brackets ("Peraturan Bupati
            # (Perbup)") names one instrument
            unnumbered.append(regulation)
    found: list[Regulation] = []
    for regulation in numbered:
        if not any((r.kind, r.number, r.year) == (regulation.kind, regulation.number, regulation.year) for r in found):
            found.append(regulation)
    for regulation in unnumbered:
        # "Perbup itu" after a numbered Perbup is that one; unnumbered ones
        # of a kind are told apart by their subjects
        same_kind = [r for r in found if r.kind == regulation.kind]
        if any(
            r.number or r.title is None or regulation.title is None or r.title == regulation.title for r in same_kind
        ):
            continue
        found.append(regulation)
    found.sort(key=lambda r: r.provenance.start if r.provenance else 0)
    return found
