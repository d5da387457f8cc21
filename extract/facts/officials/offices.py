"""Offices in a sentence: a token view of one sentence and where an office
that starts at an office head runs to ("Kepala Dinas Sosial Kabupaten
Blitar", "Kepala Kantor Cabang BPJS Ketenagakerjaan Pasuruan")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from extract.facts.context import Context
from extract.facts.officials.lexicon import Phrases, fold, lexicon_for
from extract.facts.officials.titles import is_acronym, is_cap, is_honorific
from extract.facts.places import place_words
from extract.facts.text import Sentence
from extract.nlp.regions import place_name_words


class OfficeView:
    """Token view of one sentence with the tests the patterns need: offices."""

    def __init__(
        self,
        ctx: Context,
        sentence: Sentence,
        toks: list[Token],
        known_names: frozenset[str],
        per_starts: set[int],
        common_words: frozenset[str] = frozenset(),
        places: frozenset[str] = frozenset(),
    ):
        self.ctx = ctx
        self.sentence = sentence
        self.toks = toks
        self.words = [t.text for t in self.toks]
        self.folded = [fold(w) for w in self.words]
        self.lex = lexicon_for(ctx.nlp)
        self.head_lengths = self._head_lengths()
        self.known_names = known_names
        self.per_starts = per_starts
        self.common_words = common_words
        self.places = places
        self.in_region = self._mark_regions()
        self._mark_named_after()

    def _mark_regions(self) -> list[bool]:
        """Which tokens belong to a capitalised place name: the NLP lexicon
        marks them on the Doc (`token._.bpjs_place`, `doc._.bpjs_places`)."""
        places = self.ctx.doc._.bpjs_places
        return [t.i in places and is_cap(t.text) for t in self.toks]

    def _mark_named_after(self) -> None:
        """A hospital or campus named after a person ("RSUD dr. Soetomo",
        "Universitas Dr. Soetomo"): the title and the name belong to the
        office, up to a comma, a lower-case word or where the NER model or
        the article starts a person."""
        i = 0
        while i < len(self.toks):
            n = self.match(i, self.lex.named_after)
            if not n or i + n >= len(self.toks) or not is_honorific(self.words[i + n]):
                i += 1
                continue
            k = i + n
            while k < len(self.toks) and is_honorific(self.words[k]):
                self.in_region[k] = True
                k += 1
            for m in range(k, min(k + 3, len(self.toks))):
                if not (is_cap(self.words[m]) and self.words[m].isalpha()):
                    break
                if m > k and (self.start(m) in self.per_starts or self.folded[m] in self.known_names):
                    break  # the person after the institution: "Universitas Dr. Soetomo Siti ..."
                self.in_region[m] = True
            i = k

    def __len__(self) -> int:
        return len(self.toks)

    def start(self, i: int) -> int:
        return self.toks[i].idx

    def end(self, i: int) -> int:
        return self.toks[i].idx + len(self.toks[i].text)

    def text(self, i: int, j: int) -> str:
        """Article text of tokens i..j-1."""
        return self.ctx.text[self.start(i) : self.end(j - 1)]

    def match(self, i: int, phrases: Phrases) -> int:
        """Length of the first (longest) phrase at token i, or 0."""
        if i >= len(self.folded):
            return 0
        for phrase in phrases.by_first.get(self.folded[i], ()):
            if tuple(self.folded[i : i + len(phrase)]) == phrase:
                return len(phrase)
        return 0

    def head_at(self, i: int) -> int:
        """Length of the office head (chained: "Plt Kepala") starting at i, or 0."""
        return self.head_lengths[i] if i < len(self.head_lengths) else 0

    def _head_lengths(self) -> list[int]:
        """head_at of every token, found once: from the end, a head at i
        chains on to the one right after it."""
        lengths = [0] * (len(self.toks) + 1)
        by_first = self.lex.heads.by_first
        for i in range(len(self.toks) - 1, -1, -1):
            if self.folded[i] in by_first:
                n = self.match(i, self.lex.heads)
                lengths[i] = n + lengths[i + n] if n else 0
        return lengths[:-1]

    def is_position_word(self, i: int) -> bool:
        word = self.words[i]
        if re.fullmatch(r"\w+(?:[/-]\w+)+", word):
            # "0810/Nganjuk", "RT-RW": every part an office word or a number
            return all(
                fold(part) in self.lex.position_words
                or part.isdigit()
                or is_acronym(part)
                or part.casefold() in place_name_words()
                for part in re.split(r"[/-]", word)
            )
        return (
            self.folded[i] in self.lex.position_words
            or self.in_region[i]
            or is_acronym(word)
            or word.isdigit()
            or re.fullmatch(r"[IVX]{2,}|V|X", word) is not None
            or (i > 0 and self.folded[i - 1] in self.lex.place_intro and is_cap(word) and word.isalpha())
            or self.folded[i] in self.lex.company_prefixes  # "Direktur Utama PT. Petrokimia Gresik"
            or self._numbered_unit_place(i)
            or bool(self.head_at(i))
        )

    def _numbered_unit_place(self, i: int) -> bool:
        """The place that ends a numbered unit: "SMPN 1 Mejayan", "Ramil
        0816/11 Tarik" (a known place's name; "Ketua RT 03 Budi" is a person)."""
        k = i - 1
        while k >= 0 and re.fullmatch(r"\d+(?:/\d+)*|/", self.words[k]):
            k -= 1
        return (
            0 <= k < i - 1
            and (self.folded[k] in self.lex.position_words or is_acronym(self.words[k]))
            and is_cap(self.words[i])
            and self.folded[i] in place_words()
        )

    def is_name_word(self, i: int) -> bool:
        word = self.words[i]
        return (
            is_cap(word)
            and re.search(r"\d", word) is None
            and self.folded[i] not in self.lex.stop_words
            and self.folded[i] not in self.lex.speech_verbs  # '" Jelas Edi, Babinsa ...'
            and not self.head_at(i)
            and (
                word.isalpha()
                or re.fullmatch(r"[A-Z][a-z]*\.|[A-Za-z]+['’-][A-Za-z]+|[A-Z][a-z]+\.[a-z]{1,5}", word) is not None
            )
        )

    # ---- runs -------------------------------------------------------------

    def position_run(self, i: int) -> int:
        """End (exclusive) of the office that starts with the head at i: the
        head, then office words, acronyms, bracketed abbreviations and
        connectors followed by an office word. A village or district head's
        office takes the place's name after it ("Sekcam Kerek", "Camat Dlanggu")."""
        j = i + self.head_at(i)
        place = self.match(i, self.lex.place_heads)
        if place and i + place == j and j < len(self) and self.is_name_word(j) and self.words[j].isalpha():
            j += 1
        while j < len(self):
            n = self.head_at(j)
            if n:
                j += n
            elif self.is_position_word(j):
                j += 1
            elif self.words[j] == "(":
                close = self._closing(j)
                if close is None:
                    break
                j = close + 1
            elif self.folded[j] in self.lex.connectors and j + 1 < len(self) and self.is_position_word(j + 1):
                j += 1
            else:
                break
        return j

    def _list_goes_on(self, k: int) -> bool:
        """After a comma inside an office: another unit word, or "dan"
        before one ("Tenaga Kerja, Perindustrian, dan Perdagangan")."""
        if k < len(self) and self.folded[k] in self.lex.connectors:
            k += 1
        return k < len(self) and self.is_position_word(k) and not self.head_at(k) and not self.in_region[k]

    def _closing(self, j: int) -> int | None:
        for k in range(j + 1, min(j + 8, len(self))):
            if self.words[k] == ")":
                inner = range(j + 1, k)
                if inner and all(is_cap(self.words[m]) or self.words[m].isdigit() for m in inner):
                    return k
                return None
        return None

    def office_prefix(self, i: int) -> int:
        """Start of the office whose head is at i, taking in acronyms just
        before it ("HRD Manager")."""
        k = i
        while k > 0 and is_acronym(self.words[k - 1]) and self.folded[k - 1] not in self.lex.stop_words:
            k -= 1
        if k < i and k > 0 and is_cap(self.words[k - 1]) and self.words[k - 1].isalpha():
            return i  # part of a longer capitalised name, not a prefix
        return k

    def office_name_run(self, i: int) -> int:
        """End of the capitalised run after an office head: office words,
        bracketed abbreviations, connectors between capitalised words, then
        possibly a name with its titles. Stops at a new office head once a
        non-office word was seen (the next person's office)."""
        j = i
        seen_other = False
        while j < len(self):
            word = self.words[j]
            if self.head_at(j):
                if seen_other:
                    break
                j += self.head_at(j)
            elif self.is_position_word(j):
                j += 1
            elif self.is_name_word(j) or is_honorific(word):
                seen_other = True
                j += 1
            elif word == "(" and self._closing(j) is not None:
                j = self._closing(j) + 1
            elif word == "," and not seen_other and self._list_goes_on(j + 1):
                j += 1  # "Kepala Dinas Perdagangan, Koperasi, UKM dan Tenaga Kerja ..."
            elif (
                self.folded[j] in self.lex.connectors
                and j + 1 < len(self)
                and ((is_cap(self.words[j + 1]) or self.words[j + 1].isdigit()) and not self.head_at(j + 1))
                and not seen_other
            ):
                j += 1
            else:
                break
        return j

    def after_building(self, i: int) -> bool:
        """The office head at i names a building ("di Kantor Bupati Toba")."""
        return any(i >= len(p) and tuple(self.folded[i - len(p) : i]) == p for p in self.lex.building_words)
