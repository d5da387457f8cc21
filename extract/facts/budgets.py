"""Budgets: money set aside for a purpose, with its funding source and year.

Read from the MONEY spans the NLP pipeline put on the Doc (value in
`span.kb_id_`) and the words of the amount's clause:

* An amount is a budget when its clause has a budget word ("anggaran",
  "dialokasikan", "pagu"), or a funding word ("dana", "bersumber") beside a
  funding source ("dana CSR sebesar Rp 500 juta"); never when the clause hands
  money to someone ("santunan", "diserahkan", "ahli waris") or the amount is
  a rate ("Rp 16.800 per bulan").
* Source: the funding source named in the clause, else in the sentence, by
  its canonical name ("APBD Jatim" -> "APBD Provinsi").
* Purpose: the words after "untuk", "guna", "bagi" ... in the clause (else in
  the sentence when it has no other amount), up to the clause's end or a
  stop word ("dari", "sebesar").
* Year: a year-only DATE span in the clause ("tahun 2025"), or a number
  right after a source or "tahun anggaran" ("APBD 2024"); else in the sentence.
* One budget stated twice (same amount, source and year) is one.

The words are data: extract/data/facts/budgets.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span

from extract.facts.context import Context
from extract.facts.text import Sentence, collapse_spaces, load_lexicon, word_pattern
from extract.model import Budget

_PUNCTUATION_BREAK = r"[;:()\[\]]|,(?!\d)|\.(?=\s)"  # a full stop the sentence splitter kept ("RW. Jumlahnya")


@dataclass(frozen=True)
class _Lexicon:
    budget: re.Pattern[str]
    funding: re.Pattern[str]
    not_budget: re.Pattern[str]
    rate_after: re.Pattern[str]
    sources: list[tuple[re.Pattern[str], str]]  # one pattern per written form, longest first
    purpose_markers: re.Pattern[str]
    purpose_stops: re.Pattern[str]
    durations: re.Pattern[str]
    purpose_words: int
    clause_breaks: re.Pattern[str]
    year_before: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    data = load_lexicon("budgets")
    written = sorted(
        ((form, name) for name, forms in data["sources"].items() for form in forms),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    breaks = word_pattern(data["clause_breaks"]).pattern
    return _Lexicon(
        budget=word_pattern(data["budget_words"]),
        funding=word_pattern(data["funding_words"]),
        not_budget=word_pattern(data["not_budget_words"]),
        rate_after=re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in data["rate_after"]) + r")(?!\w)", re.I),
        sources=[(word_pattern([form]), name) for form, name in written],
        purpose_markers=word_pattern(data["purpose_markers"]),
        purpose_stops=word_pattern(data["purpose_stops"]),
        durations=word_pattern(data["durations"]),
        purpose_words=int(data["purpose_words"]),
        clause_breaks=re.compile(f"{_PUNCTUATION_BREAK}|{breaks}", re.IGNORECASE),
        year_before=re.compile(
            r"(?:" + word_pattern([*data["year_before"], *(form for form, _ in written)]).pattern + r")\s*$",
            re.IGNORECASE,
        ),
    )


def extract_budgets(ctx: Context) -> list[Budget]:
    """Every budget stated in the article's content sentences, each once."""
    lex = _lexicon()
    amounts = [s for s in ctx.rule_spans("MONEY") if ctx.sentence_at(s.start_char) is not None]
    found: list[Budget] = []
    for span in amounts:
        sentence = ctx.sentence_at(span.start_char)
        assert sentence is not None
        budget = _budget(ctx, lex, sentence, span, alone=_alone(amounts, sentence))
        if budget is not None and not any(_same(budget, other) for other in found):
            found.append(budget)
    return found


def _alone(amounts: list[Span], sentence: Sentence) -> bool:
    return sum(1 for s in amounts if sentence.contains(s.start_char, s.end_char)) == 1


def _budget(ctx: Context, lex: _Lexicon, sentence: Sentence, span: Span, alone: bool) -> Budget | None:
    text = sentence.text
    start, end = span.start_char - sentence.start, span.end_char - sentence.start
    if lex.rate_after.match(text, end):
        return None
    clause_from, clause_to = _clause(lex, text, start, end)
    clause = text[clause_from:clause_to]
    if lex.not_budget.search(clause):
        return None
    source = _source(lex, clause)
    if lex.budget.search(clause):
        rule = "budget.budget_word"
    elif source is not None and lex.funding.search(clause):
        rule = "budget.funding_source"
    else:
        return None
    whole = (0, len(text)) if alone else None
    return Budget(
        amount_idr=int(span.kb_id_),
        source=source or (_source(lex, text) if alone else None),
        purpose=_purpose(lex, text, (clause_from, clause_to), whole, span=(start, end)),
        year=_year(ctx, lex, sentence, (clause_from, clause_to)) or (_year(ctx, lex, sentence) if alone else None),
        provenance=ctx.provenance(span.start_char, span.end_char, rule),
    )


def _clause(lex: _Lexicon, text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: from the last break before it to the first after it."""
    before = [m.end() for m in lex.clause_breaks.finditer(text, 0, start)]
    after = lex.clause_breaks.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _source(lex: _Lexicon, text: str) -> str | None:
    """The canonical name of the first funding source written in `text` (longest form at a place)."""
    best: tuple[int, int, str] | None = None
    for pattern, name in lex.sources:
        match = pattern.search(text)
        if match and (best is None or (match.start(), -len(match.group())) < best[:2]):
            best = (match.start(), -len(match.group()), name)
    return best[2] if best else None


def _purpose(
    lex: _Lexicon, text: str, clause: tuple[int, int], whole: tuple[int, int] | None, span: tuple[int, int]
) -> str | None:
    """The words after a purpose marker, in the clause or else (when given) in the sentence."""
    names = [m.span() for pattern, _ in lex.sources for m in pattern.finditer(text)]
    for start, end in [clause] if whole is None else [clause, whole]:
        markers = lex.purpose_markers.finditer(text, start, end)
        marker = next((m for m in markers if not any(a <= m.start() < b for a, b in names)), None)
        if marker is None:
            continue
        stop = end
        for pattern in (lex.purpose_stops, lex.clause_breaks):
            found = pattern.search(text, marker.end(), stop)
            if found:
                stop = found.start()
        if marker.end() <= span[0] < stop:  # the amount ends the purpose ("untuk iuran Rp 5 miliar")
            stop = span[0]
        words = collapse_spaces(text[marker.end() : stop]).strip(" .,-").split()[: lex.purpose_words]
        if words and not any(lex.durations.fullmatch(word) for word in words[:2]):
            return " ".join(words)
    return None


def _year(ctx: Context, lex: _Lexicon, sentence: Sentence, within: tuple[int, int] | None = None) -> int | None:
    """The budget year in the sentence (or the part `within` of it): a year-only
    date ("tahun 2025"), or a year number right after a source ("APBD 2024")."""
    low, high = within or (0, len(sentence.text))
    for span in ctx.rule_spans("DATE", "CARDINAL"):
        start = span.start_char - sentence.start
        if not (low <= start and span.end_char - sentence.start <= high):
            continue
        value = span.kb_id_
        if not (len(value) == 4 and value.isdigit() and 1990 <= int(value) <= 2100):
            continue
        if span.label_ == "DATE" or lex.year_before.search(sentence.text, low, start):
            return int(value)
    return None


def _same(a: Budget, b: Budget) -> bool:
    return (a.amount_idr, a.source, a.year) == (b.amount_idr, b.source, b.year)
