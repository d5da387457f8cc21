"""spaCy components that put the normalisers' and the region finder's
matches on the Doc, as spans in doc.spans["rules"].

Number, money, percent and date logic lives in extract.normalize only; these
components call its finders and align the matches to tokens. Each span's
`kb_id_` carries the normalised value as text, so a consumer need not parse
again:

| label    | kb_id_                               | id_                            |
|----------|--------------------------------------|--------------------------------|
| MONEY    | rupiah as an integer, "42000000"     | "approximate" or ""            |
| PERCENT  | the number, "17.6"                   | ""                             |
| DATE     | ISO at its precision, "2024-01-30", "2024-01", "2024" | "relative" or "" |
| CARDINAL | the number, "8125", "1200000"        | "approximate" or ""            |
| REGION   | Kemendagri code, "35.05"             | how resolved: "explicit", "name" or "context" |

"bpjs_person_repair" then trims the NER model's PER entities that took in a
neighbouring office, organisation or place ("Jatim Budi Santoso" after
"Kakanwil BPJS Ketenagakerjaan", "Sigit Priyanto Kadisnakertrans Jatim"):
a person's name neither begins nor ends with a rule span (POSITION, ORG,
REGION), a region's or province's name or an acronym, and stops at its first
lower-case word ("Darmanto staf Biro Kesra").

A span covers whole tokens; where the match is glued to a word the
tokenizer kept whole ("2025.Berikutnya"), `span._.exact_chars` holds the
match's own (start, end) character offsets (None when they are the span's).

A date range ("3-4/10/2024") gives one DATE span per day, on the same words.
Relative dates ("Rabu lalu") are resolved against `doc._.reference_date`
(the article's publication date) and left out when it is None;
`doc._.date_parts` keeps every date expression as parsed, to be resolved
later against another reference (`Context.date_matches`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.nlp.gazetteers import honorific_titles
from extract.nlp.regions import find_regions, place_name_words
from extract.nlp.ruler import SPANS_KEY, longest_per_label

Doc.set_extension("reference_date", default=None, force=True)
# Every date expression of the text as parsed, before a reference date
# resolves it (extract.normalize.date_values.DateParts, in priority order):
# the facts resolve them against the article's publication date, which docs
# made with `nlp.pipe` do not have.
Doc.set_extension("date_parts", default=None, force=True)
Span.set_extension("exact_chars", default=None, force=True)


def _number_text(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _span(doc: Doc, start: int, end: int, label: str, value: str, flag: str = "") -> Span | None:
    span = doc.char_span(start, end, label=label, kb_id=value, span_id=flag, alignment_mode="expand")
    if span is not None and (span.start_char, span.end_char) != (start, end):
        span._.exact_chars = (start, end)  # glued to a word: "2025.Berikutnya", "Redaksi)11"
    return span


def _reference(doc: Doc) -> dt.date | None:
    value = doc._.reference_date
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def numeric_spans(doc: Doc) -> list[Span]:
    """MONEY, PERCENT, DATE and CARDINAL spans from the normalisers' finders."""
    from extract.normalize.dates import find_dates
    from extract.normalize.money import find_money
    from extract.normalize.numbers import find_numbers
    from extract.normalize.percent import find_percents

    text = doc.text
    spans: list[Span | None] = []
    taken: list[tuple[int, int]] = []
    for m in find_money(text):
        spans.append(_span(doc, m.start, m.end, "MONEY", str(m.value), "approximate" if m.approximate else ""))
        taken.append((m.start, m.end))
    for m in find_percents(text):
        spans.append(_span(doc, m.start, m.end, "PERCENT", _number_text(m.value)))
        taken.append((m.start, m.end))
    for m in find_dates(text, _reference(doc)):
        spans.append(_span(doc, m.start, m.end, "DATE", m.value.iso(), "relative" if m.relative else ""))
        taken.append((m.start, m.end))
    for m in find_numbers(text):
        # A number inside an amount, a percentage or a date is not a count.
        if any(m.start < t_end and t_start < m.end for t_start, t_end in taken):
            continue
        spans.append(
            _span(doc, m.start, m.end, "CARDINAL", _number_text(m.value), "approximate" if m.approximate else "")
        )
    return [s for s in spans if s is not None]


def region_spans(doc: Doc) -> list[Span]:
    """REGION spans: explicit mentions and bare names resolved in the doc."""
    spans = []
    for start, end, region in find_regions(doc.text, include_bare=True):
        span = _span(doc, start, end, "REGION", region.code, region.resolved_from)
        if span is not None:
            spans.append(span)
    return spans


def _add_spans(doc: Doc, new: list[Span]) -> None:
    existing = list(doc.spans.get(SPANS_KEY, []))
    merged = existing + new
    doc.spans[SPANS_KEY] = sorted(merged, key=lambda s: (s.start, -s.end, s.label_))


class NumericSpans:
    def __call__(self, doc: Doc) -> Doc:
        from extract.normalize.dates import parse_dates

        doc._.date_parts = parse_dates(doc.text)  # parsed once: find_dates below reuses it
        # Dates of a range share their words; keep them all (one per day).
        _add_spans(doc, numeric_spans(doc))
        return doc


class RegionSpans:
    def __call__(self, doc: Doc) -> Doc:
        _add_spans(doc, longest_per_label(region_spans(doc)))
        return doc


# lower-case words inside a name: "Ahmad bin Said", "Abdullah al Habsyi"
_NAME_PARTICLES = frozenset(["bin", "binti", "van", "de", "al", "el"])
_EDGE_LABELS = frozenset(["POSITION", "ORG", "REGION"])


def _foreign_to_names(doc: Doc, covered: set[int]) -> Callable[[int], bool]:
    titles = {t.casefold().strip(".") for t in honorific_titles()}
    places = place_name_words()

    def foreign(i: int) -> bool:
        text = doc[i].text
        acronym = len(text) >= 2 and text.isalpha() and text.isupper() and text.casefold() not in titles
        return i in covered or text.casefold() in places or acronym or not text[:1].isalnum()

    return foreign


def repair_person_spans(doc: Doc) -> list[Span]:
    """doc.ents with each PER entity trimmed to the person's name (see the
    module docstring); a PER entity with no name left is dropped."""
    covered = {
        i for span in doc.spans.get(SPANS_KEY, []) if span.label_ in _EDGE_LABELS for i in range(span.start, span.end)
    }
    foreign = _foreign_to_names(doc, covered)
    ents = []
    for ent in doc.ents:
        if ent.label_ != "PER":
            ents.append(ent)
            continue
        start, end = ent.start, ent.end
        while start < end and foreign(start):
            start += 1
        for i in range(start + 1, end):
            if doc[i].text[:1].islower() and doc[i].text not in _NAME_PARTICLES:
                end = i
                break
        while end > start and foreign(end - 1):
            end -= 1
        if start < end:
            ents.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label="PER"))
    return ents


class PersonRepair:
    def __call__(self, doc: Doc) -> Doc:
        doc.ents = repair_person_spans(doc)
        return doc


@Language.factory("bpjs_person_repair")
def make_person_repair(nlp: Language, name: str) -> PersonRepair:
    return PersonRepair()


@Language.factory("bpjs_numeric_spans")
def make_numeric_spans(nlp: Language, name: str) -> NumericSpans:
    return NumericSpans()


@Language.factory("bpjs_region_spans")
def make_region_spans(nlp: Language, name: str) -> RegionSpans:
    return RegionSpans()
