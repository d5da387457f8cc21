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
  which do before a capital letter.

Whitespace tokens (the newline itself) stay with the sentence before them, so
`sent.text` may end in "\\n"; strip it when showing a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.tokenizer import load_abbreviations

_FULL_STOPS = frozenset(".!?")
_ELLIPSES = frozenset({"...", "…", "....", "…."})
_CLOSERS = frozenset({'"', "”", "’", "'", ")", "]", "»"})


def _is_full_stop(text: str) -> bool:
    return bool(text) and all(ch in _FULL_STOPS for ch in text) and text not in _ELLIPSES


def _starts_capitalised(text: str) -> bool:
    first = text.lstrip("\"“'‘([")[:1]
    return first.isupper() or first.isdigit()


def sentence_starts(doc: Doc) -> list[bool]:
    """For each token, whether it starts a sentence."""
    may_end = load_abbreviations().may_end_sentence
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
            while i + 1 < n and doc[i + 1].text in _CLOSERS and not (
                doc[i + 1].text in {'"', "'"} and doc[i].whitespace_
            ):
                i += 1
            start_after(i, need_capital=False)
        elif text in _ELLIPSES or text in may_end:
            start_after(i, need_capital=True)
        i += 1
    return starts


class SentenceSplitter:
    """Sets `is_sent_start` on every token (True or False), so later
    components and `doc.sents` see exactly these boundaries."""

    def __call__(self, doc: Doc) -> Doc:
        for token, start in zip(doc, sentence_starts(doc)):
            token.is_sent_start = start
        return doc


@Language.factory("bpjs_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()
