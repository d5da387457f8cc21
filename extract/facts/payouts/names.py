"""People named in a sentence: insured workers and plainly named recipients."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.facts.context import Context
from extract.facts.payouts.lexicon import lexicon
from extract.facts.text import Sentence
from extract.normalize.names import load_honorifics, name_key, strip_titles

# a word, an initial ("S."), or a bare initial closing a name ("Happy Rosdianan M (BPR ...)")
_NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?|[A-Z]\.|I|(?<=[a-z] )[A-Z](?=[ \t]*[(,;]))"
_NAME_RUN = re.compile(rf"(?<![\w]){_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,4}}(?![\w])")


@dataclass(frozen=True)
class _Person:
    name: str  # titles removed
    start: int  # offsets in the article text
    end: int
    insured: bool  # named with a marker: the insured worker


def _clean_name(run: str) -> str | None:
    """A written run of capitalised words as a person's name, or None when it
    is not one (a place, an office, a sentence opener)."""
    lex = lexicon()
    words = run.split()
    while words and (words[0].casefold().rstrip(".") in lex.clause_openers or _is_title(words[0])):
        words = words[1:]
    if not words:
        return None
    if any(w.casefold().rstrip(".") in lex.not_name_words for w in words):
        return None
    bare, _ = strip_titles(" ".join(words))
    if not bare or len(bare.replace(".", "")) < 3:
        return None
    return bare


def _is_title(word: str) -> bool:
    return re.sub(r"[.,()]", "", word).casefold() in load_honorifics()


def _names_after(text: str, pos: int, limit: int) -> list[tuple[int, int, str]]:
    """The name at `pos` and the names listed after it ("A (..), B (..) dan
    C"), as (start, end, name); honorifics before a name are skipped."""
    found = []
    while True:
        skip = lexicon().titles_before_name.match(text[pos:limit])
        start = pos + (skip.end() if skip else 0)
        match = _NAME_RUN.match(text, start, limit)
        if not match:
            break
        name = _clean_name(match.group())
        if name is None:
            break
        found.append((match.start(), match.end(), name))
        pos = match.end()
        paren = re.match(r"\s*\([^()]{0,80}\)", text[pos:limit])
        if paren:
            pos += paren.end()
        link = re.match(r"\s*(?:,\s*(?:dan\s+)?|\s+dan\s+)", text[pos:limit])
        if not link or not _NAME_RUN.match(text, pos + link.end(), limit):
            break
        pos += link.end()
    return found


def _persons(ctx: Context, sentence: Sentence) -> list[_Person]:
    """People named in a sentence: insured workers named with a marker, and
    plainly named people who are not officials or relatives."""
    lex = lexicon()
    text, lo, hi = ctx.text, sentence.start, sentence.end
    people: list[_Person] = []
    taken: list[tuple[int, int]] = []
    for marker in lex.insured_marker.finditer(text, lo, hi):
        pos = marker.end()
        intro = lex.list_intro.match(text, pos, hi)
        if intro:
            pos = intro.end()
        for start, end, name in _names_after(text, pos, hi):
            if not any(start < b and a < end for a, b in taken):
                people.append(_Person(name, start, end, True))
                taken.append((start, end))
    has_heirs = re.search(r"(?i)ahli\s+waris", text[lo:hi]) is not None
    for match in _NAME_RUN.finditer(text, lo, hi):
        if any(match.start() < b and a < match.end() for a, b in taken):
            continue
        suffix = lex.insured_suffix.match(text, match.end(), hi)
        honoured = has_heirs and (
            lex.person_honorific.search(text[max(lo, match.start() - 8) : match.start()])
            or lex.person_honorific.match(match.group().split()[0] + " ")
        )
        if suffix or honoured:
            name = _clean_name(match.group())
            if name:
                people.append(_Person(name, match.start(), match.end(), True))
                taken.append((match.start(), match.end()))
            continue
        handed_to = re.search(r"(?i)\bkepada\s+$", text[lo : match.start()])  # "klaim JHT ... kepada Kasno"
        if not (handed_to or _plain_name_context(text, match.end(), hi)) or _modifies_noun(text, lo, match.start()):
            continue
        if lex.relative_after.match(text, match.end(), hi):
            continue
        name = _clean_name(match.group())
        if not name or _is_official(ctx, name):
            continue
        if not text[lo : match.start()].strip(" \t\"“'") and not _named_mid_sentence(ctx, name, match.start()):
            continue
        people.append(_Person(name, match.start(), match.end(), False))
        taken.append((match.start(), match.end()))
    people.sort(key=lambda p: p.start)
    return people


class People:
    """The people named in each content sentence (`_persons`), found the
    first time a sentence is asked about: most articles' amounts need only
    the sentences up to them."""

    def __init__(self, ctx: Context):
        self._ctx = ctx
        self._found: dict[int, list[_Person]] = {}

    def of(self, sentence: Sentence) -> list[_Person]:
        if sentence.index not in self._found:
            self._found[sentence.index] = _persons(self._ctx, sentence)
        return self._found[sentence.index]

    def everyone(self) -> list[_Person]:
        """The people of every content sentence, in text order."""
        return [person for sentence in self._ctx.sentences for person in self.of(sentence)]


def _named_mid_sentence(ctx: Context, name: str, other_than: int) -> bool:
    """A sentence's first word is capitalised anyway: it reads as a name only
    when the article also writes it capitalised inside a sentence."""
    for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", ctx.text):
        if m.start() == other_than:
            continue
        before = ctx.text[: m.start()].rstrip(" \t\"“'")
        if before and before[-1] not in ".!?\n":
            return True
        if re.match(r"\s*\(\d{1,3}\)", ctx.text[m.end() :]):  # "Murni (45)": a person's age
            return True
    return False


_VERB = re.compile(r"(?:me(?:ng|ny|m|n)?|di|ber|ter|se)[a-z]{3,}$")
_BEFORE_NAMES = frozenset(
    "kepada oleh untuk bagi dengan dan atau adalah yakni yaitu ialah seperti termasuk bernama "
    "saudara saudari sdr almarhum almarhumah mendiang".split()
)


def _modifies_noun(text: str, lo: int, start: int) -> bool:
    """ "perajin gerabah Kasongan", "pedagang sayur Pasar Srago": a capitalised
    word right after a common noun names a place or a thing, not a person
    (after a verb or a preposition it may be a name: "mencontohkan Sugiyono")."""
    before = re.search(r"([a-z]+)\s+$", text[lo:start])
    if not before:
        return False
    word = before.group(1)
    return not (_VERB.match(word) or word in _BEFORE_NAMES)


def _plain_name_context(text: str, end: int, limit: int) -> bool:
    """A capitalised run reads as a person's name when it is followed by an
    appositive ("Sutrisno, peternak"), a list ("Sugianto dan Marlina"), a
    relative clause ("Sugianto yang bekerja") or an age ("Sulastri (41)")."""
    rest = text[end:limit]
    return bool(
        re.match(r"\s*,\s*(?:seorang\s+)?[a-z]", rest)
        or re.match(rf"\s+dan\s+{_NAME_WORD}", rest)
        or re.match(r"\s+yang\b", rest)
        or re.match(r"\s*\(\d{1,3}\)", rest)
        or re.match(r"\s+(?:menerima|mendapat|mendapatkan|memperoleh|mencairkan)\b", rest)
    )


def _is_official(ctx: Context, name: str) -> bool:
    key = set(name_key(name).split())
    for official in ctx.results.get("officials", []):
        official_words = set((official.key or name_key(official.name)).split())
        if key and key <= official_words:
            return True
    return False
