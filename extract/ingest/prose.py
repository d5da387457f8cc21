"""Running text, measured: sentences of several words that end like sentences.

An article is told from an index page, a tag list or an error page by its
prose, not by its line breaks: plain text often arrives as one paragraph,
and a list of headlines has many lines but no sentence. A sentence here is
a stretch of one line closed by ".", "!" or "?" (a closing quote or bracket
may follow), holding at least MIN_SENTENCE_WORDS words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_SENTENCE_WORDS = 6

_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s|$)")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class Prose:
    sentences: int  # running sentences
    words: int  # words inside them


def running_sentences(text: str) -> list[str]:
    """The sentences of running text in `text`, line by line."""
    found: list[str] = []
    for line in text.splitlines():
        start = 0
        for end in _SENTENCE_END.finditer(line):
            piece = line[start : end.end()]
            start = end.end()
            if len(_WORD.findall(piece)) >= MIN_SENTENCE_WORDS:
                found.append(piece.strip())
    return found


def measure_prose(text: str) -> Prose:
    sentences = running_sentences(text)
    return Prose(sentences=len(sentences), words=sum(len(_WORD.findall(s)) for s in sentences))


def is_prose(line: str) -> bool:
    """True when `line` holds at least one running sentence."""
    return bool(running_sentences(line))
