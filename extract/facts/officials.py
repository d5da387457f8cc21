"""Officials: named people with an office, one entity per person.

Patterns of Indonesian news prose, over spaCy tokens of each content sentence:

* office then name: "Bupati Trenggalek Mochamad Nur Arifin", "Kepala Kantor
  Cabang BPJS Ketenagakerjaan Pasuruan, Trioki Susanto, mengatakan";
* name then link then office: "Yuni Urinawati selaku Kepala Bidang ...";
* name then office: "ujar Eris Aprianto Kepala BPJS Ketenagakerjaan Blitar",
  "Hendra Elvian, Kepala BPJamsostek Cabang Blitar, menjelaskan".

Where a run of capitalised words after an office word stops being the office
and starts being the name is decided, in order, by an honorific ("Drs.",
"H.M.", "KH"), a PER entity of the NER model, a word the article elsewhere
uses alone as a name ("jelas Hendra"), and otherwise by the office vocabulary
(extract/data/facts/officials.yaml plus region names): the name is what
follows the last office word.

Mentions of one person are merged: same key (name without titles,
case-folded), or a short form whose words all belong to one longer name
("Gus Mujib" -> "Abdul Mujib Imron", "Bupati Rini" -> "Rini Syarifah").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.places import place_words
from extract.facts.text import Sentence, load_lexicon, phrase_alternation
from extract.model import Official, Provenance
from extract.normalize.names import load_honorifics, split_glued_initials, strip_titles

MAX_NAME_WORDS = 5


@dataclass
class _Mention:
    name: str  # as written, titles included
    start: int  # offsets of the name
    end: int
    position: str | None
    position_start: int | None
    position_end: int | None
    rule: str
    sentence: Sentence


class Phrases(tuple):
    """Word tuples, longest first, indexed by their first word: a sentence is
    matched against them at every token, so only the phrases that can start
    there are tried."""

    by_first: dict[str, tuple[tuple[str, ...], ...]]

    def __new__(cls, phrases) -> Phrases:
        self = super().__new__(cls, phrases)
        groups: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self:
            groups.setdefault(phrase[0], []).append(phrase)
        self.by_first = {first: tuple(group) for first, group in groups.items()}
        return self


@dataclass(frozen=True)
class _Lexicon:
    heads: Phrases
    position_words: frozenset[str]
    connectors: frozenset[str]
    links: Phrases
    stop_words: frozenset[str]
    particles: frozenset[str]
    speech_verbs: frozenset[str]
    beneficiary_markers: Phrases
    place_heads: Phrases
    place_intro: frozenset[str]
    company_prefixes: frozenset[str]
    nickname_titles: frozenset[str]
    alias_links: re.Pattern[str]
    building_words: Phrases
    named_after: Phrases
    street_words: frozenset[str]


def _fold(word: str) -> str:
    return word.casefold().rstrip(".")


def _phrases(words) -> Phrases:
    split = {tuple(_fold(w) for w in str(p).split()) for p in words}
    return Phrases(sorted(split, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = load_lexicon("officials")
    return _Lexicon(
        heads=_phrases(data["office_heads"]),
        position_words=frozenset(_fold(w) for w in data["position_words"]),
        connectors=frozenset(_fold(w) for w in data["position_connectors"]),
        links=_phrases(data["appositive_links"]),
        stop_words=frozenset(_fold(w) for w in data["name_stop_words"]),
        particles=frozenset(_fold(w) for w in data["name_particles"]),
        speech_verbs=frozenset(_fold(w) for w in data["speech_verbs"]),
        beneficiary_markers=_phrases(data["beneficiary_markers"]),
        place_heads=_phrases(data["place_heads"]),
        place_intro=frozenset(_fold(w) for w in data["place_intro_words"]),
        company_prefixes=frozenset(_fold(w) for w in data["company_prefixes"]),
        nickname_titles=frozenset(_fold(w) for w in data["nickname_titles"]),
        building_words=_phrases(data["building_words"]),
        named_after=_phrases(data["named_after_words"]),
        street_words=frozenset(_fold(w) for w in data["street_words"]),
        alias_links=re.compile(r"(?:,\s*)?\b(?:" + phrase_alternation(data["alias_links"]) + r")\s+", re.IGNORECASE),
    )


@lru_cache(maxsize=1)
def _region_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Names of kabupaten, kota and provinces as word tuples, by first word:
    part of an office's name ("Kepala Dinas Sosial Kabupaten Blitar",
    "Deputi Direktur Wilayah Jawa Timur")."""
    from extract.nlp.gazetteers import read_yaml
    from extract.nlp.regions import all_regencies, regency_aliases

    regencies = all_regencies()
    names = {re.sub(r"^(Kabupaten|Kota)\s+", "", r.name) for r in regencies}
    names |= {r.province for r in regencies if r.province}
    # short names of provinces: "Kepala Kanwil BPJS Ketenagakerjaan Jatim Arie Fianto"
    names |= {str(alias) for alias in read_yaml("regions/province_aliases.yaml")}
    names |= set(regency_aliases())  # "Bupati Kukar Edi Damansyah"
    phrases: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        words = tuple(_fold(w) for w in name.split())
        phrases.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in phrases.items()}


def _is_honorific(text: str) -> bool:
    bare = re.sub(r"[.,()]", "", text).casefold()
    if bare in load_honorifics():
        return True
    if len(split_glued_initials(text)) == 2 and not text.endswith("."):
        return True  # "HM Sanusi": Haji + an initial
    # glued titles and initials: "H.M." (Haji + initial), "S.E."
    parts = re.findall(r"[A-Za-z]{1,3}\.", text)
    return len(parts) > 1 and "".join(parts) == text and re.sub(r"[.]", "", parts[0]).casefold() in load_honorifics()


def _looks_like_degree(text: str) -> bool:
    """An academic degree not in the list, by its shape: "S.Pi", "M.Kn."."""
    return re.fullmatch(r"(?:[A-Z][a-z]{0,3}\.){1,3}[A-Z][A-Za-z]{0,3}\.?", text) is not None and "." in text[:-1]


def _is_cap(text: str) -> bool:
    return text[:1].isupper()


def _is_acronym(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and text.isalpha() and not _is_honorific(text)


class _Sentence:
    """Token view of one sentence with the tests the patterns need."""

    def __init__(
        self,
        ctx: Context,
        sentence: Sentence,
        known_names: frozenset[str],
        per_starts: set[int],
        common_words: frozenset[str] = frozenset(),
        places: frozenset[str] = frozenset(),
    ):
        self.ctx = ctx
        self.sentence = sentence
        self.toks = ctx.tokens(sentence)
        self.words = [t.text for t in self.toks]
        self.folded = [_fold(w) for w in self.words]
        self.lex = lexicon()
        self.known_names = known_names
        self.per_starts = per_starts
        self.common_words = common_words
        self.places = places
        self.in_region = self._mark_regions()
        self._mark_named_after()

    def _mark_regions(self) -> list[bool]:
        """Which tokens belong to a capitalised region name."""
        marks = [False] * len(self.toks)
        phrases = _region_phrases()
        for i, word in enumerate(self.words):
            if not _is_cap(word):
                continue
            for phrase in phrases.get(self.folded[i], ()):
                if tuple(self.folded[i : i + len(phrase)]) == phrase and all(
                    _is_cap(w) for w in self.words[i : i + len(phrase)]
                ):
                    for k in range(i, i + len(phrase)):
                        marks[k] = True
                    break
        return marks

    def _mark_named_after(self) -> None:
        """A hospital or campus named after a person ("RSUD dr. Soetomo",
        "Universitas Dr. Soetomo"): the title and the name belong to the
        office, up to a comma, a lower-case word or where the NER model or
        the article starts a person."""
        i = 0
        while i < len(self.toks):
            n = self.match(i, self.lex.named_after)
            if not n or i + n >= len(self.toks) or not _is_honorific(self.words[i + n]):
                i += 1
                continue
            k = i + n
            while k < len(self.toks) and _is_honorific(self.words[k]):
                self.in_region[k] = True
                k += 1
            for m in range(k, min(k + 3, len(self.toks))):
                if not (_is_cap(self.words[m]) and self.words[m].isalpha()):
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
        if i >= len(self):
            return 0
        j = i
        while j < len(self):
            n = self.match(j, self.lex.heads)
            if not n:
                break
            j += n
        return j - i

    def is_position_word(self, i: int) -> bool:
        word = self.words[i]
        if re.fullmatch(r"\w+(?:[/-]\w+)+", word):
            # "0810/Nganjuk", "RT-RW": every part an office word or a number
            return all(
                _fold(part) in self.lex.position_words
                or part.isdigit()
                or _is_acronym(part)
                or (_fold(part),) in _region_phrases().get(_fold(part), ())
                for part in re.split(r"[/-]", word)
            )
        return (
            self.folded[i] in self.lex.position_words
            or self.in_region[i]
            or _is_acronym(word)
            or word.isdigit()
            or re.fullmatch(r"[IVX]{2,}|V|X", word) is not None
            or (i > 0 and self.folded[i - 1] in self.lex.place_intro and _is_cap(word) and word.isalpha())
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
            and (self.folded[k] in self.lex.position_words or _is_acronym(self.words[k]))
            and _is_cap(self.words[i])
            and self.folded[i] in place_words()
        )

    def is_name_word(self, i: int) -> bool:
        word = self.words[i]
        return (
            _is_cap(word)
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
                if inner and all(_is_cap(self.words[m]) or self.words[m].isdigit() for m in inner):
                    return k
                return None
        return None

    def office_prefix(self, i: int) -> int:
        """Start of the office whose head is at i, taking in acronyms just
        before it ("HRD Manager")."""
        k = i
        while k > 0 and _is_acronym(self.words[k - 1]) and self.folded[k - 1] not in self.lex.stop_words:
            k -= 1
        if k < i and k > 0 and _is_cap(self.words[k - 1]) and self.words[k - 1].isalpha():
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
            elif self.is_name_word(j) or _is_honorific(word):
                seen_other = True
                j += 1
            elif word == "(" and self._closing(j) is not None:
                j = self._closing(j) + 1
            elif word == "," and not seen_other and self._list_goes_on(j + 1):
                j += 1  # "Kepala Dinas Perdagangan, Koperasi, UKM dan Tenaga Kerja ..."
            elif (
                self.folded[j] in self.lex.connectors
                and j + 1 < len(self)
                and ((_is_cap(self.words[j + 1]) or self.words[j + 1].isdigit()) and not self.head_at(j + 1))
                and not seen_other
            ):
                j += 1
            else:
                break
        return j

    def name_run(self, i: int) -> int:
        """End (exclusive) of a name that starts at i (titles before and after
        included, "Drs. Mikhael Hankam Indoro, M.Si"), or i when none."""
        j = i
        words = 0
        closed = False  # a title after the name closes it: "Yoyok Hermawan, M.Si."
        while j < len(self):
            word = self.words[j]
            if _is_honorific(word) and (
                words
                or j + 1 < len(self)
                and self.is_name_word(j + 1)
                or _is_honorific(self.words[j + 1] if j + 1 < len(self) else "")
            ):
                closed = closed or words > 0
                j += 1
            elif words and _looks_like_degree(word):
                closed = True
                j += 1
            elif self.is_name_word(j) and words < MAX_NAME_WORDS and not closed:
                words += 1
                j += 1
            elif (
                word == ","
                and words
                and j + 1 < len(self)
                and (_is_honorific(self.words[j + 1]) or _looks_like_degree(self.words[j + 1]))
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
            if self.is_name_word(i - 1) or _is_honorific(word):
                i -= 1
            elif word == "," and i < end and _is_honorific(self.words[i]) and i >= 2 and self.is_name_word(i - 2):
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
        if i > 0 and _is_cap(self.words[i - 1]) and self.words[i - 1].isalnum() and not opener:
            return end
        while i < end and not (self.is_name_word(i) or _is_honorific(self.words[i])):
            i += 1
        return i

    def is_name(self, i: int, j: int) -> bool:
        """Tokens i..j-1 make a plausible person's name."""
        bare = [k for k in range(i, j) if not _is_honorific(self.words[k]) and self.words[k] not in {",", "."}]
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

    def after_building(self, i: int) -> bool:
        """The office head at i names a building ("di Kantor Bupati Toba")."""
        return any(i >= len(p) and tuple(self.folded[i - len(p) : i]) == p for p in self.lex.building_words)

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
        if _is_honorific(self.words[k]) and k + 1 < len(self) and self.is_name_word(k + 1):
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
                _is_honorific(self.words[k])
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


def _known_names(ctx: Context) -> frozenset[str]:
    """Words the article uses alone as a person's name: right after a speech
    verb ("jelas Hendra", "kata Gus Mujib") or as the subject of one
    ("Hendra menambahkan")."""
    lex = lexicon()
    found = set()
    for sentence in ctx.sentences:
        toks = [t.text for t in ctx.tokens(sentence)]
        folded = [_fold(t) for t in toks]
        for k, word in enumerate(folded):
            if word not in lex.speech_verbs:
                continue
            after = k + 1
            while after < len(toks) and _is_honorific(toks[after]):
                after += 1
            if after < len(toks) and _is_cap(toks[after]) and toks[after].isalpha():
                found.add(_fold(toks[after]))
            if k >= 1 and _is_cap(toks[k - 1]) and toks[k - 1].isalpha() and (k == 1 or not _is_cap(toks[k - 2])):
                found.add(_fold(toks[k - 1]))
    heads = {h[0] for h in lex.heads}
    return frozenset(found - lex.position_words - lex.stop_words - heads)


def _article_places(ctx: Context) -> frozenset[str]:
    """Words the article writes as a place: the capitalised words after "di"
    ("di Balige", "di Danau Toba"), not a building ("di Kantor Bupati") or a
    street, which may carry a person's name ("di Jalan Ahmad Yani")."""
    lex = lexicon()
    found: set[str] = set()
    for sentence in ctx.sentences:
        words = [t.text for t in ctx.tokens(sentence)]
        for k, word in enumerate(words[:-1]):
            if word.casefold() != "di":
                continue
            run = []
            for nxt in words[k + 1 : k + 4]:
                if not (_is_cap(nxt) and nxt.isalpha()):
                    break
                run.append(_fold(nxt))
            if (
                not run
                or run[0] in lex.street_words
                or run[0] in lex.stop_words
                or any(run[0] == p[0] for p in lex.building_words)
            ):
                continue
            found.update(w for w in run if w not in lex.stop_words and w not in lex.position_words)
    return frozenset(found)


def _find_mentions(view: _Sentence) -> list[_Mention]:
    mentions: list[_Mention] = []
    taken_until = -1
    n = len(view)
    i = 0
    while i < n:
        head = view.head_at(i)
        if not head or i < taken_until:
            link = view.match(i, view.lex.links) if i < n else 0
            if link and i + link < n and view.head_at(i + link):
                mention = _name_link_office(view, i, link)
                if mention:
                    mentions.append(mention)
                    taken_until = view.position_run(i + link)
                    i = taken_until
                    continue
            i += 1
            continue
        if view.after_building(i):
            taken_until = view.position_run(i)
            i = max(taken_until, i + head)
            continue
        mention, end = _office_then_name(view, i)
        if mention is None:
            mention = _name_then_office(view, i)
        if mention and view.words[i][:1].islower() and not _full_name(mention.name) and not _quoted(view, mention):
            # "anggota DPRD Kabupaten Blitar, Suwito Saren" is an office, but a
            # lower-case "anggota Bhabinkamtibmas" or "ketua RW" is a description:
            # it needs a full name (two words or a title), or a person the
            # article quotes ("terang Darmanto staf Biro Kesra"), to be one
            mention = None
        if mention:
            mentions.append(mention)
        taken_until = max(end, i + head)
        i = taken_until
    return mentions


def _quoted(view: _Sentence, mention: _Mention) -> bool:
    """The article quotes the mention's one-word name with a speech verb."""
    bare, _ = _clean_name(mention.name)
    return len(bare.split()) == 1 and _fold(bare) in view.known_names


def _full_name(written: str) -> bool:
    bare, titles = _clean_name(written)
    return len(bare.split()) >= 2 or bool(titles)


def _office_then_name(view: _Sentence, i: int) -> tuple[_Mention | None, int]:
    """ "Bupati Blitar Rini Syarifah", "Kepala Dinas X, Drs. Abu Hassan SH MM"."""
    head_end = i + view.head_at(i)
    run_end = view.office_name_run(head_end)
    split, strong = view.split_office_name(i, head_end, run_end)
    in_run = None
    if split < run_end:
        name_end = view.name_run(split)
        if name_end > split and view.is_name(split, name_end):
            in_run = (split, name_end)
    # "Kepala Kantor Cabang BPJS Ketenagakerjaan Pasuruan, Trioki Susanto, mengatakan"
    after_comma = None
    if run_end < len(view) and view.words[run_end] == ",":
        start = run_end + 1
        name_end = view.name_run(start)
        if name_end > start and view.is_name(start, name_end) and _closes_apposition(view, name_end):
            after_comma = (start, name_end)
    if in_run and after_comma and strong <= view.evidence(after_comma[0]):
        in_run = None  # "Ketua Rukun Nelayan Tamperan, Suparno, mengatakan"
    if in_run:
        office_start = view.office_prefix(i)
        return _mention(view, in_run[0], in_run[1], office_start, in_run[0], "officials.office_name"), in_run[1]
    if after_comma:
        office_start = view.office_prefix(i)
        return _mention(
            view, after_comma[0], after_comma[1], office_start, run_end, "officials.office_comma_name"
        ), after_comma[1]
    return None, view.position_run(i)


def _closes_apposition(view: _Sentence, j: int) -> bool:
    """An appositive name ends at a comma, a bracket, a lowercase word
    (a verb) or the end of the sentence, not at another capitalised word."""
    if j >= len(view):
        return True
    if j > 0 and view.words[j - 1].endswith(".") and _is_honorific(view.words[j - 1]):
        return True  # "..., Drs. H. Deden Rohman Sidik, M.Si. Dalam sambutannya"
    word = view.words[j]
    return word in {",", ")", ".", ";", ":", "(", '"', "”"} or word[:1].islower()


def _name_then_office(view: _Sentence, i: int) -> _Mention | None:
    """ "ujar Eris Aprianto Kepala BPJS ...", "Hendra Elvian, Kepala BPJamsostek ..."."""
    end = i
    if end > 0 and view.words[end - 1] == ",":
        end -= 1
    elif end > 0 and view.words[end - 1] == "(":
        # "Dewi Lestari (Kepala BPJS Ketenagakerjaan Cabang Jember)": the
        # office fills the brackets
        close = view.position_run(i)
        if close >= len(view) or view.words[close] != ")":
            return None
        start = view.name_run_back(end - 1)
        if start >= end - 1 or not view.is_name(start, end - 1):
            return None
        return _mention(view, start, end - 1, i, close, "officials.name_bracket_office")
    start = view.name_run_back(end)
    if start >= end or not view.is_name(start, end):
        return None
    if end > 0 and view.words[end - 1] == ",":
        return None
    return _mention(view, start, end, i, view.position_run(i), "officials.name_office")


def _name_link_office(view: _Sentence, link_at: int, link_len: int) -> _Mention | None:
    """ "Yuni Urinawati selaku Kepala Bidang Perlindungan Jaminan Sosial Dinsos"."""
    end = link_at
    if end > 0 and view.words[end - 1] == ",":
        end -= 1  # "Eko Santoso, M.Si, yang menjabat Sekretaris Daerah"
    start = view.name_run_back(end)
    if start >= end or not view.is_name(start, end):
        return None
    office = link_at + link_len
    return _mention(view, start, end, office, view.position_run(office), "officials.name_link_office")


def _mention(
    view: _Sentence, name_start: int, name_end: int, office_start: int, office_end: int, rule: str
) -> _Mention:
    while name_end > name_start and view.words[name_end - 1] == ",":
        name_end -= 1
    while office_end > office_start and view.words[office_end - 1] in {",", "("}:
        office_end -= 1
    return _Mention(
        name=view.text(name_start, name_end),
        start=view.start(name_start),
        end=view.end(name_end - 1),
        position=view.text(office_start, office_end) if office_end > office_start else None,
        position_start=view.start(office_start) if office_end > office_start else None,
        position_end=view.end(office_end - 1) if office_end > office_start else None,
        rule=rule,
        sentence=view.sentence,
    )


# ---- resolution ---------------------------------------------------------------


def _clean_name(written: str) -> tuple[str, list[str]]:
    bare, titles = strip_titles(written)
    nickname = _strip_nickname_title(bare)  # "Mas Dhito" -> "Dhito"
    if nickname != bare:
        titles.append(bare.split()[0])
        bare = nickname
    words = bare.split()
    kept = words[:1] + [w for w in words[1:] if not _looks_like_degree(w)]
    titles += [w for w in words[1:] if _looks_like_degree(w)]
    bare = " ".join(kept)
    # reporter initials glued to a closing name: "Mujib.gan"
    bare = re.sub(r"(?<=[a-z])\.[a-z]{1,5}$", "", bare)
    return " ".join(bare.split()), titles


def _words(key: str) -> set[str]:
    """The words of a key, hyphens and dots aside ("haning- bullu")."""
    return set(re.findall(r"\w+", key))


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def resolve(mentions: list[_Mention], ctx: Context) -> list[Official]:
    """Merge mentions of one person into one Official, in order of first mention."""
    groups: dict[str, list[tuple[_Mention, str, list[str]]]] = {}
    for mention in mentions:
        bare, titles = _clean_name(mention.name)
        if not bare:
            continue
        groups.setdefault(_key(bare), []).append((mention, bare, titles))
    # nicknames: "Hanindhito Himawan Pramana atau yang akrab disapa Mas Dhito"
    for before, alias in _aliases(ctx):
        full = next((k for k in groups if before.endswith(k) and k != alias), None)
        if alias in groups and full is not None:
            groups[full].extend(groups.pop(alias))
    # short forms: every word of the key belongs to exactly one longer key
    keys = sorted(groups, key=lambda k: len(k.split()), reverse=True)
    # longest short forms first, so "paulina haning" joins "paulina haning-
    # bullu" before "paulina" looks for its one longer name
    for short in sorted(groups, key=lambda k: len(k.split()), reverse=True):
        words = _words(short)
        longer = [k for k in keys if k in groups and k != short and len(_words(k)) > len(words) and words <= _words(k)]
        if len(longer) == 1 and short in groups:
            groups[longer[0]].extend(groups.pop(short))
    officials = []
    for key, items in groups.items():
        items.sort(key=lambda item: _order(item[0]))
        fullest = max(items, key=lambda item: len(item[1].split()))
        positions = [item[0] for item in items if item[0].position]
        best = max(positions, key=lambda m: len(m.position.split())) if positions else None
        titles = []
        for _, _, item_titles in items:
            titles.extend(t for t in item_titles if t not in titles)
        official = Official(
            name=fullest[1],
            position=" ".join(best.position.split()) if best else None,
            titles=titles,
            organisation=_organisation(best.position) if best else None,
            region_code=_region_code(best.position) if best else None,
            key=key,
            provenance=[_provenance(item[0]) for item in items],
        )
        officials.append((_order(items[0][0]), official))
    officials.sort(key=lambda pair: pair[0])
    return [official for _, official in officials]


def _order(mention: _Mention) -> tuple[int, int]:
    """Text first, then the captions in turn; by offset within each."""
    field = mention.sentence.field
    return (0 if field == "text" else 1 + int(field.partition(":")[2] or 0), mention.start)


def _aliases(ctx: Context) -> list[tuple[str, str]]:
    """(the folded text before the link, nickname key) for every "<Name>
    atau (yang akrab) disapa <Nickname>" in the content sentences."""
    lex = lexicon()
    found = []
    for sentence in ctx.sentences:
        for link in lex.alias_links.finditer(sentence.text):
            after = re.match(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)", sentence.text[link.end() :])
            if not after:
                continue
            nick, _ = _clean_name(after.group(1))
            before = " ".join(_clean_name(sentence.text[: link.start()])[0].casefold().split())
            if nick:
                found.append((before, _key(nick)))
    return found


def _strip_nickname_title(name: str) -> str:
    words = name.split()
    if len(words) > 1 and _fold(words[0]) in lexicon().nickname_titles:
        return " ".join(words[1:])
    return name


_ORG_START = re.compile(
    r"\b(BPJS|BPJamsostek|BPJAMSOSTEK|Dinas|Badan|Kantor|PT|CV|DPRD|Pemkab|Pemkot|Pemprov|Pemerintah|Kementerian|Bank|Polres|Kodim|RSUD|Universitas|Disnaker\w*|Dinsos|Bappeda)\b.*"
)


def _organisation(position: str) -> str | None:
    match = _ORG_START.search(position)
    if match:
        return match.group(0)
    regional = re.match(r"(?i)(wakil\s+)?(bupati|wali\s*kota)\s+(.+)", position)
    if regional:
        kind = "Kabupaten" if regional.group(2).lower() == "bupati" else "Kota"
        return f"Pemerintah {kind} {regional.group(3)}"
    return None


def _region_code(position: str) -> str | None:
    from extract.nlp.regions import resolve_region

    region = resolve_region(position)
    return region.code if region and region.resolved_from == "explicit" else None


def _provenance(mention: _Mention) -> Provenance:
    from extract.facts.provenance import provenance

    # "is None", not "or": an office may open a caption, at offset 0
    start = mention.start if mention.position_start is None else min(mention.start, mention.position_start)
    end = mention.end if mention.position_end is None else max(mention.end, mention.position_end)
    return provenance(mention.sentence, start, end, mention.rule)


def extract_officials(ctx: Context) -> list[Official]:
    """Officials of the text, then those of the photo captions (a person named
    only in a caption counts); one Official per person across both."""
    known = _known_names(ctx)
    common = _common_words(ctx.text)
    places = _article_places(ctx)
    mentions: list[_Mention] = []
    for part in [ctx, *ctx.captions]:
        per_starts = {e.start_char for e in part.entities("PER")}
        words = common if part is ctx else common | _common_words(part.text)
        for sentence in part.sentences:
            view = _Sentence(part, sentence, known, per_starts, words, places)
            mentions.extend(_find_mentions(view))
    return resolve(_drop_headline_guesses(mentions), ctx)


def _is_headline(text: str) -> bool:
    """A headline (the article's or a related one): most words capitalised,
    no closing full stop. Where an office ends and a name begins cannot be
    told there ("Wali Kota Binjai Lindungi Pekerja Rentan")."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    if len(words) < 4 or text.rstrip().endswith((".", '"', "”")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _drop_headline_guesses(mentions: list[_Mention]) -> list[_Mention]:
    """Mentions in a headline count only for a name the article also gives
    outside headlines (whole, or as a short form of it)."""
    body = [m for m in mentions if not _is_headline(m.sentence.text)]
    names = [set(_key(_clean_name(m.name)[0]).split()) for m in body]
    kept = []
    for mention in mentions:
        if mention in body or any(set(_key(_clean_name(mention.name)[0]).split()) <= words for words in names):
            kept.append(mention)
    return kept


def _common_words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in re.findall(r"(?<![\w.])[a-z][a-z-]+\b", text))


def link_across_articles(officials: list[Official]) -> dict[str, str]:
    """Key -> canonical key for officials found in many articles: a short
    form ("rini", from "Bupati Rini") is the one longer name whose words
    include all of its words and whose office shares its region or head word
    ("rini syarifah", Bupati Blitar). Keys that stay themselves are left out.
    For the store, which keeps one row per person."""
    by_key: dict[str, list[Official]] = {}
    for official in officials:
        by_key.setdefault(official.key, []).append(official)
    links: dict[str, str] = {}
    for short, group in by_key.items():
        words = set(short.split())
        candidates = [
            key
            for key, others in by_key.items()
            if key != short and words < set(key.split()) and any(_same_office(a, b) for a in group for b in others)
        ]
        if len(candidates) == 1:
            links[short] = candidates[0]
    return links


def _same_office(a: Official, b: Official) -> bool:
    if a.region_code and b.region_code:
        return a.region_code == b.region_code
    if not a.position or not b.position:
        return True
    return a.position.split()[0].casefold() == b.position.split()[0].casefold()
