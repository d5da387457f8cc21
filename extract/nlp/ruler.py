"""Domain rules beside the NER model: LAW, PROGRAM, POSITION and ORG spans.

The vocabulary is data: spaCy token patterns in extract/data/patterns/
(law.jsonl, program.jsonl, position.jsonl, org.jsonl), each with an `id`
naming what was found in a canonical form ("Perbup" for "Peraturan Bupati",
"JKM" for "Jaminan Kematian", "BPJS Ketenagakerjaan" for "BPJamsostek"), and
word lists in extract/data/gazetteers/.

Components: "bpjs_lexicon" (marks place and agency words on tokens) and
"bpjs_span_ruler" (spaCy's SpanRuler, indexed by first word, over the pattern
files, writing to doc.spans["rules"]) here; "bpjs_span_grammar" (joining the
pieces the way Indonesian news writes them) is extract.nlp.grammar, and
reading a LAW span's number and year is extract.nlp.laws (`law_parts`,
`law_kb_id`, `read_law_kb_id`, importable from here as before).
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
from extract.nlp.laws import law_kb_id, law_parts, read_law_kb_id  # noqa: F401  (importable from here)

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
