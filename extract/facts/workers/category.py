"""The group a count names right after its number: "8.125 pekerja rentan
yang belum terlindungi", "2.000 guru ngaji, marbot masjid dan pengurus
mushala", "150 pekerja terkena PHK di Kabupaten Kediri".
"""

from __future__ import annotations

import re

from extract.facts.places import is_place_start
from extract.facts.text import has_verb_shape
from extract.facts.workers.lexicon import lexicon


_TOKEN = re.compile(r"\((?P<bracket>[^()]{1,40})\)|(?P<word>[\w][\w'’/-]*)|(?P<mark>[^\w\s])")
_NUMBER_WORD = re.compile(r"\d")
RELATIVE_WORDS = 5  # words of a "yang ..." clause kept in a category
PLACE_WORDS = 4  # capitalised words of a place after "di"
ALTERNATIVE_WORDS = 5  # words of another name after "atau", before its short name


def _tokens(text: str, start: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, start, min(len(text), start + 300)))


def _head(word: str) -> str:
    """ "karyawannya" -> "karyawan": a people noun with the possessive "-nya"."""
    lex = lexicon()
    if word.lower().endswith("nya") and lex.nouns.fullmatch(word[:-3]):
        return word[:-3]
    return word


def category_after(text: str, end: int, people: frozenset[int] = frozenset()) -> str | None:
    """The people counted: the noun phrase right after a number, or None.

    It runs over the noun and its modifiers ("pekerja rentan"), lists of
    groups ("guru madrasah diniyah, guru ngaji dan marbot masjid"), a place
    after "di" ("di Kota Batu") and a short relative clause ("yang belum
    terlindungi"); a long name with its short name in brackets keeps the
    short one ("anggota Perlindungan Masyarakat (Linmas)" -> "anggota Linmas").
    `people`: offsets in `text` where a person or an office is named.
    """
    lex = lexicon()
    tokens = _tokens(text, end)
    if not tokens or not tokens[0].group("word"):
        return None
    start = tokens[0].start()
    if not lex.nouns.match(text, start) and not lex.nouns.fullmatch(_head(tokens[0].group("word"))):
        if not (re.fullmatch(r"(\w+)-\1", tokens[0].group("word") or "") and len(tokens) > 1):
            return None
    words: list[str] = []
    i = 0
    while i < len(tokens) and len(words) < lex.max_words + RELATIVE_WORDS:
        token = tokens[i]
        word, mark, bracket = token.group("word"), token.group("mark"), token.group("bracket")
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        next_word = nxt.group("word") if nxt else None
        if bracket is not None:
            if re.fullmatch(r"[A-Z][\w-]*", bracket.strip()):  # "Perlindungan Masyarakat (Linmas)"
                while words and words[-1][:1].isupper() and len(words) > 1:
                    words.pop()
                words.append(bracket.strip())
                i += 1
                continue
            if words and re.fullmatch(r"[a-z][a-z-]{1,15}", bracket.strip()):
                words.append(f"({bracket.strip()})")  # "pengemudi angkutan kota (angkot)": its short name
                i += 1
                continue
            break
        if mark is not None:
            if mark == "," and next_word and _continues_list(text, nxt.start()):
                words[-1] += ","
                i += 1
                continue
            break
        lower = word.lower()
        if _NUMBER_WORD.match(word):
            break
        if lower in ("dan", "serta"):
            if (
                next_word
                and not _NUMBER_WORD.match(next_word)
                and next_word.lower() not in lex.stops | lex.list_stops
                and not (has_verb_shape(next_word) and not lex.nouns.match(text, nxt.start()))
            ):
                words.append(word)
                i += 1
                continue
            break
        if lower == "di" and next_word and next_word.lower() in lex.group_places:
            # "pekerja rentan di daerah penghasil tembakau", "di sektor perkebunan"
            place = [word]
            j = i + 1
            while j < len(tokens) and len(place) <= PLACE_WORDS:
                following = tokens[j].group("word")
                if not following or not following[:1].islower() or following.lower() in lex.stops | _TRAILING:
                    break
                place.append(following)
                j += 1
            if j < len(tokens) and (tokens[j].group("word") or "").lower() in ("itu", "ini", "tersebut"):
                break  # "di wilayah itu": a place named before, not the group's
            words += place
            i = j
            continue
        if lower == "di":
            if not (next_word and next_word[:1].isupper() and is_place_start(next_word)):
                break  # "di kabupaten tersebut", "di Balai Kota Surabaya": not the group's place
            place = [word]
            j = i + 1
            while j < len(tokens) and tokens[j].group("word") and tokens[j].group("word")[:1].isupper():
                place.append(tokens[j].group("word"))
                j += 1
                if len(place) > PLACE_WORDS:
                    break
            words += place
            i = j
            continue
        if lower == "yang":
            words += _relative_clause(tokens, i)
            return " ".join(_nominalised(words)).strip(" ,") or None
        if lower == "dari" and words and next_word and lex.nouns.match(text, nxt.start()):
            i += 1  # "ahli waris dari pekerja" is "ahli waris pekerja": whose heirs they are
            continue
        if lower == "atau" and words:
            alternative = _alternative_name(tokens, i)
            if alternative:
                words += alternative  # "pekerja lepas atau tenaga harian lepas (THL)"
                i += len(alternative)
                continue
            if next_word and next_word[:1].islower() and lex.nouns.match(text, nxt.start()):
                words.append(word)  # "tiga staf atau perwakilan Dinas Sosial": another name of the same people
                i += 1
                continue
        if lower in lex.stops or lower in lex.list_stops:
            break
        if words and lower in ("kita", "kami", "mereka"):
            i += 1  # "63 ribu pekerja kita": whose they are does not say who they are
            continue
        if words and lower in lex.group_modifiers:
            words.append(word)  # "989 pekerja rentan lainnya"
            i += 1
            continue
        if words and lower.endswith("nya") and not lex.nouns.fullmatch(word[:-3]):
            break  # "20.000 pekerja rentan iurannya ditanggung ...": a new clause
        if words and has_verb_shape(word) and not lex.nouns.match(text, token.start()):
            break  # "2.150 anggota Satlinmas mengikuti apel": the predicate
        if len(words) >= lex.max_words:
            break
        words.append(_head(word) if not words else word)
        i += 1
    if words and not words[-1].endswith(","):
        words += _predicate(tokens, i, people)
    return " ".join(_nominalised(words)).strip(" ,") or None


def as_label(category: str) -> str:
    """ "pekerja yang belum terlindungi" -> "pekerja belum terlindungi": a
    category reads the same whether the article says what the group is in a
    relative clause or as its predicate. A category that is only a clause
    ("yang terdaftar") keeps its "yang"; a last "itu" or "tersebut" points
    back to something and names nothing."""
    words = category.split(" ")
    while len(words) > 1 and words[-1].lower() in ("itu", "tersebut"):
        words.pop()
    kept = [
        word
        for i, word in enumerate(words)
        if not (
            word.lower() == "yang"
            and 0 < i < len(words) - 1
            and (is_verb(words[i + 1]) or words[i + 1].lower() in lexicon().predicate_adverbs)
        )
    ]
    return " ".join(kept)


def _nominalised(words: list[str]) -> list[str]:
    """ "pekerja (yang) menerima klaim" -> "pekerja penerima klaim": a verb
    that says what the group is has a noun of its own (workers.yaml)."""
    nouns = lexicon().nominal_forms
    out: list[str] = []
    for word in words:
        noun = nouns.get(word.lower())
        if noun and out and out[-1].lower() == "yang":
            out.pop()
        out.append(noun or word)
    return out


def _predicate(tokens: list[re.Match[str]], at: int, people: frozenset[int]) -> list[str]:
    """What is said of the group right after it, when that says who they
    are ("22 ribu pekerja rentan sudah terlindungi" -> "terlindungi", "8.000
    pekerja terkena PHK di Kabupaten Kediri" -> "terkena PHK di Kabupaten
    Kediri"): adverbs, a verb and a few words of its object, to the end of
    the clause, or to a person or an office (`people`: where they start),
    who acts on the group and is not part of it ("didaftarkan Bupati X")."""
    lex = lexicon()
    words: list[str] = []
    i = at
    while i < len(tokens) and (tokens[i].group("word") or "").lower() in lex.predicate_adverbs:
        word = tokens[i].group("word")
        if word.lower() not in lex.predicate_dropped:
            words.append(word)
        i += 1
    if not words and i < len(tokens) and (tokens[i].group("word") or "").lower() == "di":
        # "206 karyawan di empat perusahaan terkena PHK": a short place, then the verb
        for j in range(i + 2, min(i + 2 + PLACE_WORDS, len(tokens))):
            if not tokens[j].group("word"):
                break
            if is_verb(tokens[j].group("word")):
                words = [tokens[k].group() for k in range(i, j)]
                i = j
                break
    verb = tokens[i].group("word") if i < len(tokens) else None
    if not verb or not is_verb(verb):
        return []
    taken = 0
    while i < len(tokens) and (
        taken < lex.predicate_words
        or tokens[i].group("bracket")
        or (
            words[-1][:1].isupper()
            and (tokens[i].group("word") or "")[:1].isupper()
            and taken < 2 * lex.predicate_words
        )
    ):  # a name is not cut in two ("warga Kota Blitar")
        word, bracket = tokens[i].group("word"), tokens[i].group("bracket")
        if word and word.lower() in ("dan", "serta") and i + 1 < len(tokens):
            following = tokens[i + 1].group("word") or ""
            if following[:1].isupper() and not _NUMBER_WORD.match(following):
                words.append(word)  # "mendapat JKK dan JKM"
                i += 1
                continue
        if bracket is not None and re.fullmatch(r"[A-Z][\w-]*", bracket.strip()):
            while len(words) > 1 and words[-1][:1].isupper():
                words.pop()  # "terkena Pemutusan Hubungan Kerja (PHK)" -> "terkena PHK"
                taken -= 1
            words.append(bracket.strip())
            taken += 1
            i += 1
            continue
        if not word or _NUMBER_WORD.match(word) or (taken and word.lower() in lex.predicate_ends):
            break
        if taken and tokens[i].start() in people:
            complement = _complement_after_agent(tokens, i)
            if complement is None:
                break
            i = complement  # "didaftarkan Bupati X menjadi peserta": who acts is left out
            continue
        if word.lower() == "di" and not (i + 1 < len(tokens) and is_place_start(tokens[i + 1].group("word") or "")):
            break
        words.append(word)
        taken += 1
        i += 1
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    return words


AGENT_WORDS = 12  # words of a person and their office between a verb and its complement


def _complement_after_agent(tokens: list[re.Match[str]], at: int) -> int | None:
    """Where the verb's complement ("menjadi peserta", "sebagai peserta")
    goes on after the person or office acting on the group, in the same
    clause; None when it does not."""
    for j in range(at + 1, min(len(tokens), at + AGENT_WORDS)):
        word = tokens[j].group("word")
        if word is None:
            return None
        if word.lower() in lexicon().clause_complements:
            return j
    return None


def is_verb(word: str) -> bool:
    return has_verb_shape(word.lower()) or word.lower() in lexicon().predicate_verbs


def _continues_list(text: str, at: int) -> bool:
    """Does a list of groups go on at `at` ("..., ketua RW", "..., KSH")?"""
    lex = lexicon()
    word = re.match(r"[\w'’/-]+", text[at:])
    if not word:
        return False
    return bool(lex.nouns.match(text, at) or lex.nouns.fullmatch(_head(word.group()))) or bool(
        re.fullmatch(r"[A-Z]{2,}", word.group())
    )


def _alternative_name(tokens: list[re.Match[str]], at: int) -> list[str]:
    """ "atau tenaga harian lepas (THL)": another name of the group, a few
    lower-case words closed by its short name in brackets; else []."""
    words = ["atau"]
    for token in tokens[at + 1 : at + 2 + ALTERNATIVE_WORDS]:
        word, bracket = token.group("word"), token.group("bracket")
        if bracket is not None and len(words) > 1 and re.fullmatch(r"[A-Z]{2,}", bracket.strip()):
            return [*words, f"({bracket.strip()})"]
        if not word or not word[:1].islower():
            return []
        words.append(word)
    return []


def _time_adverb(tokens: list[re.Match[str]], at: int) -> int:
    """How many tokens from `at` make a time adverb ("baru-baru ini"), or 0."""
    for phrase in lexicon().time_adverbs:
        words = phrase.split()
        found = [(t.group("word") or "").lower() for t in tokens[at : at + len(words)]]
        if found == words:
            return len(words)
    return 0


def _relative_clause(tokens: list[re.Match[str]], at: int) -> list[str]:
    """ "yang iurannya ditanggung APBD": up to a few words, to the next mark.
    "yang tergolong rentan" says what the group is: "rentan"."""
    following = [t.group("word") or "" for t in tokens[at + 1 : at + 3]]
    if len(following) == 2 and following[0].lower() in lexicon().classifying_words and not is_verb(following[1]):
        return _relative_clause(tokens, at + 1)[1:]
    words = ["yang"]
    verb = False  # the clause's verb has come
    skip = 0
    for n, token in enumerate(tokens[at + 1 :], start=at + 1):
        if skip:
            skip -= 1
            continue
        word = token.group("word")
        if not word or _NUMBER_WORD.match(word) or len(words) > RELATIVE_WORDS:
            break
        adverb = _time_adverb(tokens, n)
        if adverb:
            skip = adverb - 1  # "yang baru-baru ini meninggal": when, not who
            continue
        if has_verb_shape(word):
            if (
                verb
                and words[-1].lower() not in lexicon().verb_joins
                and word.lower() not in lexicon().clause_complements
            ):
                break  # "yang meninggal diberikan oleh ...": the sentence's own verb
            verb = True
        if word.lower() in ("pada", "sejak", "selama", "mulai", "hingga", "sampai", "agar", "sehingga", "karena"):
            break
        if word.lower() in ("senilai", "sebesar", "berupa", "rp", "masing-masing"):
            break  # "peserta JKK memperoleh senilai Rp 85 juta": an amount follows
        if word.lower() in lexicon().predicate_dropped:
            continue  # "yang sudah terdaftar" -> "yang terdaftar"
        words.append(word)
    if len(words) > 3 and words[-1].lower() in _DEMONSTRATIVES and words[-3].lower() == "di":
        del words[-3:]  # "yang belum terlindungi di kabupaten itu": a place named before
    while len(words) > 1 and words[-1].lower() in _TRAILING | _DEMONSTRATIVES:
        words.pop()  # "yang menerima bantuan itu": "itu" points back, it names nothing
    return words if len(words) > 1 else []


_DEMONSTRATIVES = frozenset(["itu", "ini", "tersebut"])
# words a relative clause cannot end with ("yang tersebar di")
_TRAILING = frozenset(["di", "ke", "dari", "pada", "untuk", "dengan", "oleh", "dalam", "dan", "atau", "serta"])
