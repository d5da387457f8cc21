"""Names in a sentence: where a person's name runs, whether words make one,
and where a run of capitalised words after an office stops being the office
and starts being the name."""

from __future__ import annotations

import re

from extract.facts.officials.offices import OfficeView
from extract.facts.officials.titles import MAX_NAME_WORDS, is_cap, is_honorific, looks_like_degree
from extract.facts.places import place_words


class SentenceView(OfficeView):
    """A sentence's offices (see OfficeView) and names."""

    def name_run(self, i: int) -> int:
        """End (exclusive) of a name that starts at i (titles before and after
        included, "Drs. Mikhael Hankam Indoro, M.Si"), or i when none."""
        j = i
        words = 0
        closed = False  # a title after the name closes it: "Yoyok Hermawan, M.Si."
        while j < len(self):
            word = self.words[j]
            if is_honorific(word) and (
                words
                or j + 1 < len(self)
                and self.is_name_word(j + 1)
                or is_honorific(self.words[j + 1] if j + 1 < len(self) else "")
            ):
                closed = closed or words > 0
                j += 1
            elif words and looks_like_degree(word):
                closed = True
                j += 1
            elif self.is_name_word(j) and words < MAX_NAME_WORDS and not closed:
                words += 1
                j += 1
            elif (
                word == ","
                and words
                and j + 1 < len(self)
                and (is_honorific(self.words[j + 1]) or looks_like_degree(self.words[j + 1]))
            ):
                j += 1
            elif self.folded[j] in self.lex.particles and words and j + 1 < len(self) and self.is_name_word(j + 1):
                j += 1
            elif (
                word == "-"
                and words
                and not closed
                and self._glued(j)
                and j + 1 < len(self)
                and self.is_name_word(j + 1)
            ):
                j += 1  # a double name written "Haning- Bullu"
            elif (
                word == "."
                and words
                and not closed
                and self._glued(j)
                and re.fullmatch(r"[A-Z][a-z]?", self.words[j - 1])
                and (j + 1 == len(self) or self.words[j + 1] in {",", ")"})
            ):
                j += 1  # a closing initial the tokenizer cut from its dot: "Widayanti Kr."
                closed = True
            else:
                break
        while j > i and self.words[j - 1] == ",":
            j -= 1
        return j if words else i

    def _glued(self, j: int) -> bool:
        """Token j follows token j - 1 with no space between."""
        return j > 0 and self.start(j) == self.end(j - 1)

    def name_run_back(self, end: int) -> int:
        """Start of a name that ends just before `end`, or `end` when none."""
        i = end
        while i > 0:
            word = self.words[i - 1]
            if self.is_name_word(i - 1) or is_honorific(word):
                i -= 1
            elif word == "," and i < end and is_honorific(self.words[i]) and i >= 2 and self.is_name_word(i - 2):
                i -= 1  # "Drs. Mikhael Hankam Indoro, M.Si selaku ..."
            elif self.folded[i - 1] in self.lex.particles and i >= 2 and self.is_name_word(i - 2):
                i -= 1
            else:
                break
        # a name does not run on from a capitalised organisation or office,
        # but may follow a sentence's opening word ("Menurut Sigit Priyanto ...")
        opener = (i == 1 and self.folded[0] in self.lex.stop_words and not self.is_position_word(0)) or (
            i > 0 and self.folded[i - 1] in self.lex.speech_verbs
        )
        if i > 0 and is_cap(self.words[i - 1]) and self.words[i - 1].isalnum() and not opener:
            return end
        while i < end and not (self.is_name_word(i) or is_honorific(self.words[i])):
            i += 1
        return i

    def is_name(self, i: int, j: int) -> bool:
        """Tokens i..j-1 make a plausible person's name."""
        bare = [k for k in range(i, j) if not is_honorific(self.words[k]) and self.words[k] not in {",", "."}]
        if not bare or len(bare) > MAX_NAME_WORDS:
            return False
        if self.folded[bare[0]] in self.lex.stop_words or self.is_position_word(bare[0]):
            return False
        if 2 * sum(self.is_position_word(k) for k in bare) >= len(bare):
            return False
        # a word the article also writes in lower case is a common word
        if len(bare) == 1 and self.folded[bare[0]] in self.common_words:
            return False
        if all(self.folded[k] in self.common_words for k in bare):
            return False
        # a word the article uses as a place ("di Balige") is not a name
        if all(self.folded[k] in self.places for k in bare):
            return False
        if self._beneficiary_before(i, j) or self._deceased_after(j):
            return False
        return True

    def _beneficiary_before(self, i: int, j: int) -> bool:
        window = self.folded[max(0, i - 4) : j]
        for marker in self.lex.beneficiary_markers:
            n = len(marker)
            if any(tuple(window[k : k + n]) == marker for k in range(len(window) - n + 1)):
                return True
        return False

    def _deceased_after(self, j: int) -> bool:
        return tuple(self.folded[j : j + 3]) in {("(", "alm", ")"), ("(", "almh", ")")}

    def evidence(self, k: int) -> int:
        """How sure we are that a name starts at k: 3 an honorific opens it,
        2 the article uses the word alone as a name, 1 the NER model starts a
        person there, 0 nothing but the office vocabulary."""
        if is_honorific(self.words[k]) and k + 1 < len(self) and self.is_name_word(k + 1):
            return 3
        end = self.name_run(k)
        if any(self.folded[m] in self.known_names for m in range(k, max(end, k + 1))):
            return 2
        if self.start(k) in self.per_starts:
            return 1
        return 0

    def split_office_name(self, head: int, i: int, j: int) -> tuple[int, int]:
        """Where the name starts in the run i..j-1 after the office head at
        `head` (j when the run holds no name), and the evidence for it (see
        `evidence`)."""
        # 1. an honorific opens the name
        for k in range(i, j):
            if (
                is_honorific(self.words[k])
                and k + 1 < j
                and self.is_name_word(k + 1)
                and not self.is_position_word(k + 1)
            ):
                return k, 3
        # 2. a word the article uses alone as a name; 3. the NER model finds
        # a person: in the words after the last office word, which are the
        # name.
        tail_start = self._after_last_office_word(i, j)
        # a village or district head's office ends with the place's name
        # ("Camat Sumbersari Hadi Wijaya", "Kepala Desa Jimbe Suyanto")
        if self.match(head, self.lex.place_heads) and tail_start == i:
            if tail_start + 1 < j:
                tail_start += 1
            elif self.folded[i] in self.places or self.folded[i] in place_words():
                return j, 0  # "Camat Dlanggu" alone: the place, no name
        for strength, evidence in (
            (2, lambda k: self.folded[k] in self.known_names),
            (1, lambda k: self.start(k) in self.per_starts),
        ):
            if any(evidence(k) and self.is_name_word(k) for k in range(tail_start, j)):
                return tail_start, strength
        # 4. after the last office word
        return tail_start, 0

    def _after_last_office_word(self, i: int, j: int) -> int:
        last = i - 1
        company = False
        for k in range(i, j):
            # "Direktur Utama PT Gudang Garam Tbk": a company's name follows
            # PT or CV; a name after it needs evidence of its own
            company = company or self.folded[k] in self.lex.company_prefixes
            if company and not (self.folded[k] in self.known_names or self.start(k) in self.per_starts):
                last = k
                continue
            if company:
                break
            if self.is_position_word(k) or self.words[k] in {"(", ")"}:
                last = k
        return last + 1
