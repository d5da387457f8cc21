"""The span grammar: joins the rule spans the way Indonesian news writes them.

- an organisation runs on over an aside and its branch or place:
  "BPJS Ketenagakerjaan (BPJAMSOSTEK) Gresik", "BPJamsostek Cabang Blitar",
  "Dinas Sosial Kabupaten Blitar", "Pemerintah Kabupaten (Pemkab) Trenggalek";
- an office takes its place or the organisation it heads: "Bupati
  Trenggalek", "Sekretaris Daerah Kabupaten Pasuruan", "Kepala" + "Dinas
  Sosial Kabupaten Blitar", "Kepala Kantor Cabang" + "BPJS Ketenagakerjaan
  Pasuruan"; a bare "Kepala" or "Ketua" (label HEAD while matching) is an
  office only with an organisation after it; an office inside a law's name
  ("Peraturan Bupati") is not a POSITION;
- a law takes its issuer, "Nomor ..." and "Tahun ...": "Surat Edaran (SE)
  Bupati Pasuruan", "Undang-undang Nomor 40 Tahun 2004", "UU No. 24/2011";
  its number and year go to its `kb_id_` ("40|2004", see
  extract.nlp.laws.law_kb_id).

Component "bpjs_span_grammar", run after "bpjs_span_ruler" (extract.nlp.ruler)
over doc.spans["rules"].
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.nlp.laws import law_kb_id
from extract.nlp.ruler import ACTING, HEAD, SPANS_KEY, load_patterns, longest_per_label


_ASIDE_MAX = 6
_BRANCH_WORDS = (
    ("kantor", "cabang", "perintis"),
    ("kantor", "cabang"),
    ("cabang", "perintis"),
    ("cabang",),
    ("kantor", "wilayah"),
    ("kanwil",),
    ("kcp",),
    ("deputi", "wilayah"),
    ("wilayah",),
)
_REGION_MARKERS = frozenset({"kabupaten", "kab", "kab.", "kota", "provinsi", "prov", "prov.", "kotamadya"})
_LAW_ISSUERS = (
    ("wali", "kota"),
    ("walikota",),
    ("bupati",),
    ("gubernur",),
    ("menteri",),
    ("menaker",),
    ("mendagri",),
    ("sekda",),
    ("presiden",),
    ("bersama",),
    ("direksi",),
)
_NUMBER_WORDS = frozenset({"nomor", "no", "no.", "nomer", "nmr", "nomor:", "no:"})
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _words_at(doc: Doc, i: int, sequences: Iterable[tuple[str, ...]]) -> int | None:
    """End of the first word sequence that starts at token i, or None."""
    for words in sequences:
        end = i + len(words)
        if end <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            return end
    return None


def _place_run(doc: Doc, i: int) -> int | None:
    j = i
    while j < len(doc) and doc[j]._.bpjs_place:
        j += 1
    return j if j > i else None


def _aside(doc: Doc, i: int) -> int | None:
    """End of "(BPJAMSOSTEK)" / "(Pemkab)" starting at token i, or None."""
    if i >= len(doc) or doc[i].text != "(":
        return None
    for j in range(i + 1, min(i + 2 + _ASIDE_MAX, len(doc))):
        if doc[j].text == ")":
            inner = doc[i + 1 : j]
            if len(inner) and inner[0].text[:1].isupper() and not any(t.is_space for t in inner):
                return j + 1
            return None
    return None


def _unit_number(doc: Doc, i: int) -> int | None:
    """End of a unit number with its place, "0807/Tulungagung" (Kodim, Korem)."""
    if (
        i + 2 < len(doc)
        and doc[i].is_digit
        and not doc[i].whitespace_
        and doc[i + 1].text == "/"
        and not doc[i + 1].whitespace_
    ):
        return _place_run(doc, i + 2)
    return None


def _tail(doc: Doc, i: int, with_places: bool = True) -> int:
    """Extend from token i over asides followed by more tail, branch words
    with a place (an aside may come between: "Kantor Cabang Perintis (KCP)
    Situbondo"), region markers with a place, unit numbers and places."""
    while i < len(doc):
        after_aside = _aside(doc, i)
        start = after_aside if after_aside is not None else i
        end = None
        branch = _words_at(doc, start, _BRANCH_WORDS)
        if branch is not None:
            branch = _aside(doc, branch) or branch
            end = _place_run(doc, branch)
        if end is None:
            end = _unit_number(doc, start)
        if end is None and start < len(doc) and doc[start].lower_ in _REGION_MARKERS:
            end = _place_run(doc, start + 1)
        if end is None and with_places:
            end = _place_run(doc, start)
        if end is None:
            return i
        i = end
    return i


def _number_run(doc: Doc, i: int) -> int | None:
    """End of a number written without spaces ("40", "24/2011",
    "300.2.2-2430") starting at token i, or None."""
    if i >= len(doc) or not any(ch.isdigit() for ch in doc[i].text):
        return None
    j = i
    while (
        j + 1 < len(doc)
        and not doc[j].whitespace_
        and not doc[j + 1].is_space
        and doc[j + 1].text not in {",", ")", ";"}
    ):
        if doc[j + 1].text == "." and (
            j + 2 >= len(doc) or not doc[j + 2].text[:1].isalnum() or doc[j + 1].whitespace_
        ):
            break  # the full stop after the number
        j += 1
    return j + 1


@lru_cache(maxsize=1)
def _law_short_forms() -> dict[str, str]:
    """One-word names of kinds of law ("perbup" -> "Perbup", "pmk" -> "PMK")."""
    forms: dict[str, str] = {}
    for pattern in load_patterns():
        tokens = pattern["pattern"]
        if pattern["label"] == "LAW" and len(tokens) == 1:
            value = tokens[0].get("LOWER", tokens[0].get("ORTH"))
            for word in value["IN"] if isinstance(value, dict) else [value]:
                forms.setdefault(word.lower(), pattern["id"])
    return forms


def _law_tail(doc: Doc, span: Span) -> tuple[int, str]:
    """End of a LAW span and its kind. The kind is the pattern's id, or the
    short name the article itself gives in brackets: "Peraturan Menteri
    Keuangan (PMK) Nomor ..." is a "PMK"."""
    kind = span.id_
    i = span.end
    if span[-1].text[:1].isdigit() and not span[-1].whitespace_:
        i = _number_run(doc, span.end - 1) or i  # "PP 44/2015": the pattern took "44"
    after_aside = _aside(doc, i)
    if after_aside is not None:
        kind = _law_short_forms().get(doc[i + 1].lower_, kind)
    j = after_aside if after_aside is not None else i
    issuer = _words_at(doc, j, _LAW_ISSUERS)
    if issuer is not None:
        while issuer < len(doc) and doc[issuer]._.bpjs_agency:
            issuer += 1
        i = _tail(doc, issuer)
    else:
        extended = _tail(doc, j)  # "Perda Kabupaten Blitar", "Perbup Blitar"
        if extended > j:
            i = extended
        elif after_aside is not None and j < len(doc) and doc[j].lower_ in _NUMBER_WORDS:
            i = j  # "Peraturan Menteri Ketenagakerjaan (Permenaker) Nomor 5"
    if i < len(doc) and doc[i].lower_ in _NUMBER_WORDS:
        k = i + 1
        if k < len(doc) and doc[k].text == ":":
            k += 1
        i = _number_run(doc, k) or i
    elif i == span.end and i < len(doc) and doc[i].text[:1].isdigit() and span.label_ == "LAW":
        i = _number_run(doc, i) or i  # "UU 24/2011"
    if i + 1 < len(doc) and doc[i].lower_ == "tahun" and _YEAR.match(doc[i + 1].text):
        i += 2
    return i, kind


def apply_grammar(doc: Doc, spans: list[Span]) -> list[Span]:
    """Extend and join rule spans as described in the module docstring."""
    out: list[Span] = []
    for span in spans:
        kind = span.id_
        if span.label_ in ("ORG", "POSITION", HEAD):
            end = _tail(doc, span.end)
        elif span.label_ == "LAW":
            end, kind = _law_tail(doc, span)
        else:
            end = span.end
        unchanged = end == span.end and kind == span.id_
        out.append(span if unchanged else Span(doc, span.start, end, span.label_, span_id=kind))
    out = longest_per_label(out)

    orgs_by_start: dict[int, Span] = {}
    for span in out:
        if span.label_ == "ORG" and (span.start not in orgs_by_start or len(span) > len(orgs_by_start[span.start])):
            orgs_by_start[span.start] = span
    acting_by_end = {span.end: span for span in out if span.label_ == ACTING}
    laws = [span for span in out if span.label_ == "LAW"]
    joined: list[Span] = []
    for span in out:
        if span.label_ == ACTING:
            continue
        if span.label_ in ("POSITION", HEAD):
            if any(law.start <= span.start and span.end <= law.end for law in laws):
                continue  # the issuer named in a law ("Peraturan Bupati"), not an office holder
            start = acting_by_end[span.start].start if span.start in acting_by_end else span.start
            # "Kepala Bidang Pelayanan" + "Kantor Wilayah" + "BPJS Ketenagakerjaan Jawa Timur"
            org_start = _words_at(doc, span.end, _BRANCH_WORDS) or span.end
            org = orgs_by_start.get(org_start) or orgs_by_start.get(span.end)
            if org is not None:
                joined.append(Span(doc, start, org.end, "POSITION", span_id=span.id_))
                continue
            if span.label_ == HEAD:
                continue
            if start != span.start:
                span = Span(doc, start, span.end, span.label_, span_id=span.id_)
        joined.append(span)
    return [_with_law_parts(span) if span.label_ == "LAW" else span for span in longest_per_label(joined)]


def _with_law_parts(span: Span) -> Span:
    return Span(span.doc, span.start, span.end, span.label_, span_id=span.id_, kb_id=law_kb_id(span.text))


class SpanGrammar:
    def __call__(self, doc: Doc) -> Doc:
        group = doc.spans.get(SPANS_KEY)
        if group is None:
            doc.spans[SPANS_KEY] = []
            return doc
        doc.spans[SPANS_KEY] = apply_grammar(doc, list(group))
        return doc


@Language.factory("bpjs_span_grammar")
def make_span_grammar(nlp: Language, name: str) -> SpanGrammar:
    return SpanGrammar()
