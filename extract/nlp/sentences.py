"""Sentence boundaries for Indonesian news text (component "bpjs_sentences").

Rules, in order:
- every line break is a paragraph break: the first word after a newline
  starts a sentence, so no sentence spans a newline;
- ".", "!", "?" (alone or repeated) end a sentence, together with any closing
  quotes or brackets right after them (`... kerja." Venina` splits after the
  quote);
- an ellipsis ("...", "…") ends a sentence only before a capital letter;
- abbreviations are single tokens (see extract.nlp.tokenizer) and never end a
  sentence, except the few listed as `may_end_sentence` ("dll.", "dsb."),
  which do before a capital letter;
- a degree written after a name and a comma ends a sentence before a
  capitalised word that is neither a title nor an office: "..., M.Si.
  Penandatanganan dilakukan" is two sentences, "..., M.Si. Kepala Dinas
  Sosial" and "..., S.H. M.H." are not split.

Whitespace tokens (the newline itself) stay with the sentence before them, so
`sent.text` may end in "\\n"; strip it when showing a sentence.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.gazetteers import data_text, honorific_titles
from extract.nlp.tokenizer import load_abbreviations

_FULL_STOPS = frozenset(".!?")
_ELLIPSES = frozenset({"...", "…", "....", "…."})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})
_OPENERS = "\"“'‘(["


def _is_full_stop(text: str) -> bool:
    return bool(text) and all(ch in _FULL_STOPS for ch in text) and text not in _ELLIPSES


def _starts_capitalised(text: str) -> bool:
    first = text.lstrip(_OPENERS)[:1]
    return first.isupper() or first.isdigit()


def _fold_title(text: str) -> str:
    return re.sub(r"[.,()]", "", text).casefold()


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(_fold_title(t) for t in honorific_titles())


@lru_cache(maxsize=1)
def _office_openers() -> frozenset[str]:
    """First words of the offices in patterns/position.jsonl ("kepala",
    "bupati", "kadis"): after a name and its degree they continue the
    sentence (name, then office)."""
    words: set[str] = set()
    for line in data_text("patterns/position.jsonl").splitlines():
        if line.strip():
            first = json.loads(line)["pattern"][0].get("LOWER")
            words |= set(first["IN"]) if isinstance(first, dict) else {first}
    return frozenset(words)


def _degree_ends_sentence(doc: Doc, i: int, next_index: int) -> bool:
    """Whether the degree at i, after a name, closes the sentence: it follows
    a comma or another degree, and the next word opens a new clause."""
    degrees = load_abbreviations().degrees
    before = i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    if before < 0 or not (doc[before].text == "," or doc[before].text in degrees):
        return False
    if next_index >= len(doc):
        return False
    word = doc[next_index].text
    if word.strip(_OPENERS) == "" and next_index + 1 < len(doc):
        word = doc[next_index + 1].text  # an opening quote: the word inside it
    return (
        _starts_capitalised(word)
        and _fold_title(word) not in _titles()
        and word.lower().strip(_OPENERS) not in _office_openers()
    )


def sentence_starts(doc: Doc) -> list[bool]:
    """For each token, whether it starts a sentence."""
    abbreviations = load_abbreviations()
    may_end = abbreviations.may_end_sentence
    n = len(doc)
    starts = [False] * n
    if n:
        starts[0] = True

    def start_after(index: int, need_capital: bool) -> None:
        j = index + 1
        while j < n and doc[j].is_space:
            j += 1
        if j < n and (not need_capital or _starts_capitalised(doc[j].text)):
            starts[j] = True

    i = 0
    while i < n:
        token = doc[i]
        text = token.text
        if token.is_space:
            if "\n" in text:
                start_after(i, need_capital=False)
        elif _is_full_stop(text):
            # Closing quotes and brackets belong to the sentence they close.
            # A straight quote after a space opens the next sentence instead.
            while (
                i + 1 < n and doc[i + 1].text in _CLOSERS and not (doc[i + 1].text in {'"', "'"} and doc[i].whitespace_)
            ):
                i += 1
            start_after(i, need_capital=False)
        elif text in _ELLIPSES or text in may_end:
            start_after(i, need_capital=True)
        elif text in abbreviations.degrees:
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if _degree_ends_sentence(doc, i, j):
                starts[j] = True
        i += 1
    return starts


class SentenceSplitter:
    """Sets `is_sent_start` on every token (True or False), so later
    components and `doc.sents` see exactly these boundaries."""

    def __call__(self, doc: Doc) -> Doc:
        # One array write: setting token.is_sent_start token by token costs
        # eight times as much (each assignment re-checks the doc's annotation).
        starts = numpy.array([1 if start else -1 for start in sentence_starts(doc)], dtype="int64")
        doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
        return doc


@Language.factory("bpjs_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
