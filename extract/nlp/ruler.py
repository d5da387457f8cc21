"""Domain rules beside the NER model: LAW, PROGRAM, POSITION and ORG spans.

The vocabulary is data: spaCy token patterns in extract/data/patterns/
(law.jsonl, program.jsonl, position.jsonl, org.jsonl), each with an `id`
naming what was found in a canonical form ("Perbup" for "Peraturan Bupati",
"JKM" for "Jaminan Kematian", "BPJS Ketenagakerjaan" for "BPJamsostek"), and
word lists in extract/data/gazetteers/. The code here is the grammar that
joins the pieces the way Indonesian news writes them:

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
  its number and year go to its `kb_id_` ("40|2004", see `law_kb_id`).

Components: "bpjs_lexicon" (marks place and agency words on tokens),
"bpjs_span_ruler" (spaCy's SpanRuler, indexed by first word, over the pattern files, writing to
doc.spans["rules"]) and "bpjs_span_grammar" (the joining above).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import groupby

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract.nlp.gazetteers import data_text, read_list, read_yaml

SPANS_KEY = "rules"
PATTERN_FILES = ("law.jsonl", "program.jsonl", "position.jsonl", "org.jsonl")
HEAD = "HEAD"  # internal label: an office word waiting for its organisation
ACTING = "ACTING"  # internal label: "Plt", "Penjabat (Pj)" waiting for its office

Token.set_extension("bpjs_place", default=False, force=True)
Token.set_extension("bpjs_agency", default=False, force=True)
Token.set_extension("bpjs_agency_part", default=False, force=True)  # agency word or "," "dan" "&"
# indices of the bpjs_place tokens, for readers of many tokens (one lookup, not one per token)
Doc.set_extension("bpjs_places", default=frozenset(), force=True)
_AGENCY_JOINERS = frozenset({",", "dan", "&", "serta"})


# ---------------------------------------------------------------- data


def load_patterns() -> list[dict]:
    """Every rule pattern from the pattern files, as spaCy SpanRuler patterns."""
    patterns: list[dict] = []
    for name in PATTERN_FILES:
        for line in data_text(f"patterns/{name}").splitlines():
            if line.strip():
                patterns.append(json.loads(line))
    return patterns


@lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    """Names that are places when capitalised: regencies (without "Kabupaten"/
    "Kota") and their short names ("Kutim"), provinces and their short names,
    Jawa Timur's kecamatan, and the extra list in gazetteers/places.txt."""
    from extract.nlp.regions import all_provinces, all_regencies, regency_aliases

    names: set[str] = set()
    for region in all_regencies():
        names.add(re.sub(r"^(?:Kabupaten|Kota)\s+(?:Administrasi\s+)?", "", region.name))
    names.update(p.name for p in all_provinces())
    names.update(read_yaml("regions/province_aliases.yaml"))
    names.update(regency_aliases())
    names.update(read_list("gazetteers/kecamatan_jatim.txt"))
    names.update(read_list("gazetteers/places.txt"))
    return tuple(sorted(names))


@lru_cache(maxsize=1)
def agency_words() -> frozenset[str]:
    return frozenset(word.lower() for word in read_list("gazetteers/agency_words.txt"))


# ---------------------------------------------------------------- components


class Lexicon:
    """Marks tokens: `token._.bpjs_place` (part of a capitalised place name;
    `doc._.bpjs_places` holds their indices),
    `token._.bpjs_agency` (a word of an agency's name) and
    `token._.bpjs_agency_part` (that, or a word joining two: "," "dan" "&")."""

    def __init__(self, nlp: Language):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = place_names()
        self.matcher.add("PLACE", list(nlp.tokenizer.pipe(names)))
        self.matcher.add("PLACE", list(nlp.tokenizer.pipe(n.upper() for n in names)))
        self.agency = agency_words()

    def __call__(self, doc: Doc) -> Doc:
        places: set[int] = set()
        for _, start, end in self.matcher(doc):
            places.update(range(start, end))
            for token in doc[start:end]:
                token._.bpjs_place = True
        doc._.bpjs_places = frozenset(places)
        for token in doc:
            if token.lower_ in self.agency:
                token._.bpjs_agency = True
                token._.bpjs_agency_part = True
            elif token.lower_ in _AGENCY_JOINERS:
                token._.bpjs_agency_part = True
        return doc


@Language.factory("bpjs_lexicon")
def make_lexicon(nlp: Language, name: str) -> Lexicon:
    return Lexicon(nlp)


@lru_cache(maxsize=1)
def _id_priority() -> dict[tuple[str, str], int]:
    """Where each (label, id) first appears in the pattern files: on the very
    same words, the earlier, more specific entry wins ("Permenaker" over the
    generic "Permen" for "Peraturan Menteri Ketenagakerjaan")."""
    priority: dict[tuple[str, str], int] = {}
    for index, pattern in enumerate(load_patterns()):
        priority.setdefault((pattern["label"], pattern.get("id", "")), index)
    return priority


def longest_per_label(*groups: Iterable[Span]) -> list[Span]:
    """Within each label, the longest of overlapping spans (earliest on ties;
    on the very same words, the id listed first in the pattern files).
    Spans of different labels may overlap: an ORG inside a POSITION."""
    priority = _id_priority()
    unlisted = max(priority.values(), default=-1) + 1  # spans made by the grammar come after listed ones

    def rank(span: Span) -> int:
        return priority.get((span.label_, span.id_), unlisted)

    best: dict[tuple[int, int, str], Span] = {}
    for span in (span for group in groups for span in group):
        key = (span.start, span.end, span.label_)
        if key not in best or rank(span) < rank(best[key]):
            best[key] = span
    kept: list[Span] = []
    for _, same_label in groupby(sorted(best.values(), key=lambda s: s.label_), key=lambda s: s.label_):
        kept.extend(filter_spans(list(same_label)))
    return sorted(kept, key=lambda s: (s.start, -s.end, s.label_))


class IndexedSpanRuler(SpanRuler):
    """spaCy's SpanRuler, finding the same spans faster.

    spaCy's Matcher tries every pattern at every token, so its time grows with
    the number of patterns (~370 here). Every pattern of ours starts with a
    literal word (see `compiled_patterns`), and an article holds few of those
    words: the patterns are kept in one small Matcher per first word, and only
    the Matchers of words the doc contains are run.
    """

    def clear(self) -> None:
        super().clear()
        self._reset_index()

    def _reset_index(self) -> None:
        self._by_first_word: dict[tuple[int, int], Matcher] = {}
        self._reach: dict[tuple[int, int], float] = {}  # most tokens a match of that Matcher covers
        self._unindexed = Matcher(self.nlp.vocab, validate=self.validate)

    def add_patterns(self, patterns: list[dict]) -> None:
        super().add_patterns(patterns)
        self._index(patterns)

    def add_vocabulary(self, entries: list[dict]) -> None:
        """Add pattern-file entries, compiled (see `compiled_patterns`).
        `vocabulary` keeps them as written, so that the fact extractors read
        the very words the spans came from (the officials' office heads)."""
        self.vocabulary = [*getattr(self, "vocabulary", []), *entries]
        self.add_patterns(compiled_patterns(entries))

    def remove(self, label: str) -> None:
        super().remove(label)
        self._reindex()

    def remove_by_id(self, pattern_id: str) -> None:
        super().remove_by_id(pattern_id)
        self._reindex()

    def _reindex(self) -> None:
        self._reset_index()
        self._index(self.patterns)

    def _index(self, patterns: list[dict]) -> None:
        for entry in patterns:
            if not isinstance(entry["pattern"], list):
                continue  # phrase patterns: the PhraseMatcher is fast already
            key = repr((entry["label"], entry.get("id", "")))  # SpanRuler's own match key
            first = _first_word(entry["pattern"][0])
            if first is None:
                self._unindexed.add(key, [entry["pattern"]])
                continue
            attr, word = first
            index = (attr, self.nlp.vocab.strings.add(word))
            if index not in self._by_first_word:
                self._by_first_word[index] = Matcher(self.nlp.vocab, validate=self.validate)
            self._by_first_word[index].add(key, [entry["pattern"]])
            self._reach[index] = max(self._reach.get(index, 0), _reach(entry["pattern"]))

    def match(self, doc: Doc) -> list[Span]:
        self._require_patterns()
        words = doc.to_array([LOWER, ORTH])
        columns = {LOWER: words[:, 0], ORTH: words[:, 1]}
        present = {(attr, value) for attr, column in columns.items() for value in column.tolist()}
        matches = [
            match for matcher in (self._unindexed, self.phrase_matcher) if len(matcher) for match in matcher(doc)
        ]
        for index in present & self._by_first_word.keys():
            # Every match of this Matcher starts at its word, so it runs only
            # from the word's first occurrence to its reach past the last one
            # (the Matcher makes a Token per token it passes: on the whole
            # doc, that was most of the ruler's time).
            at = numpy.flatnonzero(columns[index[0]] == index[1])
            start, end = int(at[0]), int(min(len(doc), at[-1] + self._reach[index]))
            matches.extend((key, start + s, start + e) for key, s, e in self._by_first_word[index](doc[start:end]))
        # From here as SpanRuler.match does it.
        deduplicated = {
            Span(
                doc,
                start,
                end,
                label=self._match_label_id_map[key]["label"],
                span_id=self._match_label_id_map[key]["id"],
            )
            for key, start, end in matches
            if start != end
        }
        return sorted(deduplicated)


def _reach(pattern: list[dict]) -> float:
    """The most tokens a match of `pattern` can cover (inf when unbounded)."""
    reach = 0.0
    for token in pattern:
        op = token.get("OP", "")
        if op in ("*", "+"):
            return math.inf
        repeat = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)
        if repeat is None:
            reach += 1  # one token, "?" or "!"
        elif repeat.group(2):
            if not repeat.group(3):
                return math.inf
            reach += int(repeat.group(3))
        else:
            reach += int(repeat.group(1))
    return reach


def _first_word(token: dict) -> tuple[int, str] | None:
    """(LOWER or ORTH, word) when a pattern token requires one literal word."""
    if "OP" in token:
        return None
    for name, attr in (("LOWER", LOWER), ("ORTH", ORTH)):
        if isinstance(token.get(name), str):
            return attr, token[name]
    return None


@Language.factory("bpjs_span_ruler")
def make_span_ruler(nlp: Language, name: str) -> IndexedSpanRuler:
    """A span ruler (spaCy's, indexed) fed from the pattern files."""
    component = IndexedSpanRuler(
        nlp,
        name,
        spans_key=SPANS_KEY,
        spans_filter=longest_per_label,
        annotate_ents=False,
        overwrite=False,
        validate=True,
    )
    component.add_vocabulary(load_patterns())
    return component


def compiled_patterns(patterns: list[dict]) -> list[dict]:
    """The patterns as spaCy's Matcher runs them fastest, matching the same.

    The Matcher tries every pattern's first token at every token of the doc,
    and reads every custom attribute a pattern names on every token: a literal
    is a C comparison, but a word set or a custom attribute is a Python call.
    So a first token `{"LOWER": {"IN": [...]}}` (or ORTH) becomes one pattern per word,
    and the purely lexical marks `bpjs_agency` / `bpjs_agency_part` (see
    `Lexicon`) become the word sets they stand for.
    """
    marks = {
        "bpjs_agency": {"LOWER": {"IN": sorted(agency_words())}},
        "bpjs_agency_part": {"LOWER": {"IN": sorted(agency_words() | _AGENCY_JOINERS)}},
    }
    compiled: list[dict] = []
    for pattern in patterns:
        tokens = [_lexical(token, marks) for token in pattern["pattern"]]
        first, rest = tokens[0], tokens[1:]
        attr = next((a for a in ("LOWER", "ORTH") if isinstance(first.get(a), dict)), None)
        words = first.get(attr) if attr else None
        if not (isinstance(words, dict) and set(words) == {"IN"} and "OP" not in first):
            compiled.append({**pattern, "pattern": tokens})
            continue
        for word in dict.fromkeys(words["IN"]):
            compiled.append({**pattern, "pattern": [{**first, attr: word}, *rest]})
    return compiled


def _lexical(token: dict, marks: dict[str, dict]) -> dict:
    """`token` with a lone `{"_": {mark: true}}` written as its word set."""
    extension = token.get("_")
    if not (isinstance(extension, dict) and len(extension) == 1 and set(token) <= {"_", "OP"}):
        return token
    ((name, value),) = extension.items()
    if value is not True or name not in marks:
        return token
    return {**marks[name], **({"OP": token["OP"]} if "OP" in token else {})}


# ---------------------------------------------------------------- grammar

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


# ---------------------------------------------------------------- reading LAW spans

_LAW_NUMBER = re.compile(r"(?:\bNomor|\bNo\.?|\bNomer|\bNmr)\s*:?\s*(\d[\w./-]*\w|\d)", re.IGNORECASE)
_LAW_BARE_NUMBER = re.compile(r"^\S+(?:\s+(?!(?i:tahun)\b)\S+)??\s+(\d[\w./-]*\w|\d)")
_LAW_YEAR = re.compile(r"\bTahun\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_NUMBER_WITH_YEAR = re.compile(r"^(.+?)/((?:19|20)\d\d)$")


def law_parts(text: str, bare_number: bool = True) -> tuple[str | None, int | None]:
    """Number and year of a law as written: the string after "Nomor"/"No."
    (or, with `bare_number`, a number right after the kind) and the year
    after "Tahun" or ending the number.

    "Undang-undang Nomor 40 Tahun 2004" -> ("40", 2004); "UU No. 24/2011" ->
    ("24", 2011): number 24 of 2011; "Nomor 215/PMK.07/2021" ->
    ("215/PMK.07/2021", 2021), kept whole as the gold format takes the string
    after "Nomor"; "Surat Edaran (SE) Bupati Pasuruan" -> (None, None). The
    kind is the span's `id_` ("UU", "Perbup", "SE", ...); the grammar writes
    a LAW span's parts into its `kb_id_` (see `law_kb_id`).
    """
    number = None
    match = _LAW_NUMBER.search(text) or (_LAW_BARE_NUMBER.search(text) if bare_number else None)
    if match:
        number = match.group(1)
    year_match = _LAW_YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    if number and year is None:
        split = _NUMBER_WITH_YEAR.match(number)
        if split:
            year = int(split.group(2))
            if split.group(1).isdigit():
                number = split.group(1)  # "24/2011": number 24 of 2011
    return number, year


def law_kb_id(text: str) -> str:
    """A LAW span's `kb_id_`: "<number>|<year>" of `law_parts`, each part
    empty when the text does not give it ("40|2004", "|2021"), "" for none."""
    number, year = law_parts(text)
    if number is None and year is None:
        return ""
    return f"{number or ''}|{year or ''}"


def read_law_kb_id(kb_id: str) -> tuple[str | None, int | None]:
    """(number, year) back from a LAW span's `kb_id_`."""
    number, _, year = kb_id.partition("|")
    return number or None, int(year) if year else None
