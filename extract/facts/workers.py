"""Counts of people: "8.125 tenaga kerja", "dua ahli waris", "empat juta
pekerja", and "jumlah peserta aktif ... mencapai 114.377".

A number (extract.normalize.numbers, digits or words) counts people when a
noun for people follows it (extract/data/facts/workers.yaml); "dua anak",
"19 desa", "1.275 klaim" and vague "ribuan pedagang" do not. In "1 Desa 100
pekerja" the count is the 100 per village. Amounts, percentages, dates and
regulation numbers are not counts. The same value stated twice is one count.

The category is the group as the article names it: the noun phrase after
the number with its list of groups ("guru ngaji, marbot masjid dan pengurus
mushala"), its place after "di" when that is a place ("di Kota Batu", not
"di Balai Kota"), a short relative clause ("yang belum terlindungi") and
the short name in brackets of a long one ("anggota Linmas"). "N orang" takes
the group the sentence gives ("1.480 orang yang terdaftar sebagai peserta
aktif" -> "terdaftar sebagai peserta aktif"; "4.800 nelayan, tetapi yang
terdaftar baru 1.950 orang" -> "nelayan yang terdaftar"; "jumlah peserta
aktif di X tercatat N orang" -> "peserta aktif di X"). A count per unit says
so ("setiap desa mendaftarkan 25 warganya" -> "warga per desa"), and a
firm's workers are named with the firm ("PT X ... mempekerjakan 860
karyawan" -> "karyawan PT X"). What is said of the group right after it
belongs to it ("5.000 pekerja rentan kini resmi terlindungi"), and the counts
of a breakdown by region name their place and take what was said of the
total ("Nganjuk dengan 1.851 pekerja" -> "pekerja terkena PHK di Nganjuk").
A count is of two or more people: "1 orang" is not a count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.places import is_place_start
from extract.facts.text import (
    Sentence,
    has_verb_shape,
    last_match,
    load_lexicon,
    overlaps,
    phrase_alternation,
    word_pattern,
)
from extract.model import WorkerCount
from extract.facts.quantities import Quantity, numbers
from extract.normalize.lexicon import lexicon as normalize_lexicon


@dataclass(frozen=True)
class _Lexicon:
    nouns: re.Pattern[str]
    totals: re.Pattern[str]
    verbs: re.Pattern[str]
    stops: frozenset[str]
    max_words: int
    vague: re.Pattern[str]
    list_stops: frozenset[str]
    per_unit: re.Pattern[str]
    bare_people: frozenset[str]
    subject_openers: re.Pattern[str]
    subject_verbs: re.Pattern[str]
    subject_cuts: re.Pattern[str]
    employer: re.Pattern[str]
    not_people: frozenset[str]
    address_words: frozenset[str]
    predicate_adverbs: frozenset[str]
    predicate_dropped: frozenset[str]
    predicate_verbs: frozenset[str]
    predicate_ends: frozenset[str]
    predicate_words: int
    generic_people: frozenset[str]
    group_modifiers: frozenset[str]
    group_places: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_lexicon("workers")
    units = phrase_alternation(_longest_first(data["units"]))
    per_words = phrase_alternation(data["per_unit_words"])
    return _Lexicon(
        nouns=word_pattern(data["person_nouns"]),
        totals=word_pattern(data["total_words"]),
        verbs=word_pattern(data["total_verbs"]),
        stops=frozenset(w.lower() for w in data["category_stops"]),
        max_words=int(data["max_category_words"]),
        vague=word_pattern(data["vague_words"]),
        list_stops=frozenset(w.lower() for w in data["list_stops"]),
        per_unit=re.compile(rf"(?<![\w])(?:{per_words})\s+(?P<unit>{units})(?![\w])", re.I),
        bare_people=frozenset(w.lower() for w in data["bare_people"]),
        subject_openers=re.compile(
            r"^(?:" + phrase_alternation(_longest_first(data["subject_openers"])) + r")(?![\w])[\s,]*", re.I
        ),
        subject_verbs=re.compile(
            r"(?:^|\s)(?:" + phrase_alternation(_longest_first(data["subject_verbs"])) + r")\s*$", re.I
        ),
        subject_cuts=re.compile(r"\s(?:" + phrase_alternation(_longest_first(data["subject_cuts"])) + r")\s.*$", re.I),
        employer=word_pattern(data["employer_verbs"]),
        not_people=frozenset(w.lower() for w in data["not_people_nouns"]),
        address_words=frozenset(w.lower() for w in data["address_words"]),
        predicate_adverbs=frozenset(w.lower() for w in data["predicate_adverbs"] + data["predicate_dropped"]),
        predicate_dropped=frozenset(w.lower() for w in data["predicate_dropped"]),
        predicate_verbs=frozenset(w.lower() for w in data["predicate_verbs"]),
        predicate_ends=frozenset(w.lower() for w in data["predicate_ends"]),
        predicate_words=int(data["max_predicate_words"]),
        generic_people=frozenset(w.lower() for w in data["generic_people"]),
        group_modifiers=frozenset(w.lower() for w in data["group_modifiers"]),
        group_places=frozenset(w.lower() for w in data["group_places"]),
    )


def _longest_first(words: list[str]) -> list[str]:
    return sorted(words, key=len, reverse=True)


# Numbers that count no one: a regulation's number ("Nomor 5"), a year
# ("tahun 2024"), an age ("(45)", "12 tahun"). Amounts, percentages and dates
# are no CARDINAL spans in the first place.
_NUMBERED_BEFORE = re.compile(r"\b(?:Nomor|No\.?)\s*$")
_YEAR_BEFORE = re.compile(r"\b(?:tahun|Tahun)\s+$")
_AGE_AFTER = re.compile(r"\s+tahun\b")


def _counts_no_one(text: str, number: Quantity) -> bool:
    before, after, written = text[: number.start], text[number.end :], number.text
    short = re.fullmatch(r"\d{1,3}", written) is not None
    return bool(
        _NUMBERED_BEFORE.search(before)
        or (_YEAR_BEFORE.search(before) and re.fullmatch(r"\d{4}", written))
        or (short and before.endswith("(") and after.startswith(")"))
        or (short and _AGE_AFTER.match(after))
    )


def _numbers(ctx: Context, sentence: Sentence) -> list[Quantity]:
    return [n for n in numbers(ctx, sentence) if not _counts_no_one(sentence.text, n)]


@dataclass(frozen=True)
class _PerUnit:
    """ "1 Desa 100 Pekerja": `value` (100) per `unit` ("desa")."""

    start: int
    end: int
    text: str
    value: int | float
    unit: str


@lru_cache(maxsize=1)
def _unit_words() -> dict[str, str]:
    """Capitalised unit words of a count per unit ("Desa", "RT") -> the unit."""
    units = normalize_lexicon()["per_unit_words"]
    return {word: unit for unit, words in units.items() for word in words}


def _per_unit(text: str, found: list[Quantity]) -> list[_PerUnit]:
    """Two numbers with a unit word between them: "1 Desa 100 (pekerja)"."""
    matches = []
    for first, second in zip(found, found[1:]):
        if matches and matches[-1].end > first.start:
            continue
        gap = re.fullmatch(r"[ \t\u00a0]+(\S+)[ \t\u00a0]+", text[first.end : second.start])
        unit = _unit_words().get(gap.group(1)) if gap else None
        if unit is not None:
            matches.append(_PerUnit(first.start, second.end, text[first.start : second.end], second.value, unit))
    return matches


_TOKEN = re.compile(r"\((?P<bracket>[^()]{1,40})\)|(?P<word>[\w][\w'’/-]*)|(?P<mark>[^\w\s])")
_NUMBER_WORD = re.compile(r"\d")
MIN_GROUP = 2  # a count is of a group: "seorang", "satu", "1 orang" are not counts
RELATIVE_WORDS = 5  # words of a "yang ..." clause kept in a category
PLACE_WORDS = 4  # capitalised words of a place after "di"


def _tokens(text: str, start: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, start, min(len(text), start + 300)))


def _head(word: str) -> str:
    """ "karyawannya" -> "karyawan": a people noun with the possessive "-nya"."""
    lex = _lexicon()
    if word.lower().endswith("nya") and lex.nouns.fullmatch(word[:-3]):
        return word[:-3]
    return word


def category_after(text: str, end: int) -> str | None:
    """The people counted: the noun phrase right after a number, or None.

    It runs over the noun and its modifiers ("pekerja rentan"), lists of
    groups ("guru madrasah diniyah, guru ngaji dan marbot masjid"), a place
    after "di" ("di Kota Batu") and a short relative clause ("yang belum
    terlindungi"); a long name with its short name in brackets keeps the
    short one ("anggota Perlindungan Masyarakat (Linmas)" -> "anggota Linmas").
    """
    lex = _lexicon()
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
            return " ".join(words).strip(" ,") or None
        if lower == "dari" and words and next_word and lex.nouns.match(text, nxt.start()):
            words.append(word)  # "ahli waris dari pekerja yang meninggal"
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
        words += _predicate(tokens, i)
    return " ".join(words).strip(" ,") or None


def _predicate(tokens: list[re.Match[str]], at: int) -> list[str]:
    """What is said of the group right after it, when that says who they
    are ("22 ribu pekerja rentan sudah terlindungi" -> "terlindungi", "8.000
    pekerja terkena PHK di Kabupaten Kediri" -> "terkena PHK di Kabupaten
    Kediri"): adverbs, a verb and a few words of its object, to the end of
    the clause."""
    lex = _lexicon()
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
            if _is_verb(tokens[j].group("word")):
                words = [tokens[k].group() for k in range(i, j)]
                i = j
                break
    verb = tokens[i].group("word") if i < len(tokens) else None
    if not verb or not _is_verb(verb):
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
        if word.lower() == "di" and not (i + 1 < len(tokens) and is_place_start(tokens[i + 1].group("word") or "")):
            break
        words.append(word)
        taken += 1
        i += 1
    while words and words[-1].lower() in _TRAILING:
        words.pop()
    return words


def _is_verb(word: str) -> bool:
    return has_verb_shape(word.lower()) or word.lower() in _lexicon().predicate_verbs


def _continues_list(text: str, at: int) -> bool:
    """Does a list of groups go on at `at` ("..., ketua RW", "..., KSH")?"""
    lex = _lexicon()
    word = re.match(r"[\w'’/-]+", text[at:])
    if not word:
        return False
    return bool(lex.nouns.match(text, at) or lex.nouns.fullmatch(_head(word.group()))) or bool(
        re.fullmatch(r"[A-Z]{2,}", word.group())
    )


def _relative_clause(tokens: list[re.Match[str]], at: int) -> list[str]:
    """ "yang iurannya ditanggung APBD": up to a few words, to the next mark."""
    words = ["yang"]
    for token in tokens[at + 1 :]:
        word = token.group("word")
        if not word or _NUMBER_WORD.match(word) or len(words) > RELATIVE_WORDS:
            break
        if word.lower() in ("pada", "sejak", "selama", "mulai", "hingga", "sampai", "agar", "sehingga", "karena"):
            break
        if word.lower() in ("senilai", "sebesar", "berupa", "rp", "masing-masing"):
            break  # "peserta JKK memperoleh senilai Rp 85 juta": an amount follows
        if word.lower() in _lexicon().predicate_dropped:
            continue  # "yang sudah terdaftar" -> "yang terdaftar"
        words.append(word)
    while len(words) > 1 and words[-1].lower() in _TRAILING:
        words.pop()
    return words if len(words) > 1 else []


# words a relative clause cannot end with ("yang tersebar di")
_TRAILING = frozenset(["di", "ke", "dari", "pada", "untuk", "dengan", "oleh", "dalam", "dan", "atau", "serta"])


def _subject_before(text: str, start: int) -> str | None:
    """The subject of the clause ending at a number that names no group
    ("jumlah peserta aktif di Kabupaten Jember per Desember 2024 tercatat
    212.480 orang" -> "peserta aktif di Kabupaten Jember")."""
    lex = _lexicon()
    clauses = re.split(r"(?<!\d)[,;:]|[,;:](?!\d)|[\"“”]", text[:start])
    clause = clauses[-1].strip()
    if len(clauses) > 2 and re.match(r"(?i)baik\b", clauses[-2].strip()) and not lex.nouns.match(clause):
        clause = f"{clauses[-3].strip()} {clause}"  # "peserta yang tercover, baik ASN maupun TKD, mencapai"
    previous = None
    while previous != clause:
        previous = clause
        clause = lex.subject_verbs.sub("", clause).strip()
        clause = lex.subject_openers.sub("", clause).strip()
    clause = lex.subject_cuts.sub("", " " + clause).strip()
    if not clause or len(clause.split()) > 10:
        return None
    if not (lex.nouns.match(clause) or clause.lower().startswith("yang ")):
        return None
    return clause


def _category_before(text: str, start: int) -> str | None:
    """ "jumlah peserta aktif di Kabupaten Blitar mencapai <N>": the people
    named after "jumlah", when the number stands alone."""
    lex = _lexicon()
    clause = re.split(r"[,;:]", text[:start])[-1]
    total = last_match(lex.totals, clause)
    if total is None:
        return None
    between = clause[total.end() :]
    verb = last_match(lex.verbs, between)
    rest = re.sub(
        r"(?i)\b(?:lebih dari|kurang lebih|sekitar|hampir|sedikitnya|setidaknya)\b",
        "",
        between[verb.end() :] if verb else "",
    )
    if verb is None or len(rest.split()) > 1:
        return None  # the number must come right after "mencapai", "sebanyak" ...
    phrase = between[: verb.start()]
    if not lex.nouns.match(phrase.strip()):
        return None
    return " ".join(lex.subject_cuts.sub("", " " + phrase).split()) or None


_COMPANY = re.compile(r"\b(?:PT|CV|UD|Perum|PD)\.?\s+(?:[A-Z][\w&.-]*\s?){1,5}")


def _refine(
    ctx: Context,
    sentence: Sentence,
    text: str,
    start: int,
    category: str,
    antecedent: str | None,
    end: int | None = None,
    previous: str | None = None,
) -> str:
    """Name the group better where the words after the number do not: bare
    "orang", counts per village, a company's workers."""
    lex = _lexicon()
    words = category.split()
    named = _named_after_bare(text, end) if end is not None and words and words[0].lower() in lex.bare_people else None
    subject = _subject_before(text, start) if len(words) == 1 and words[0].lower() not in lex.bare_people else None
    if named:
        category = named
    elif (
        subject
        and not subject.lower().startswith("yang ")
        and (words[0].lower() in lex.generic_people or words[0].lower() in subject.lower().split())
    ):
        # "pekerja rentan yang kini dilindungi tercatat 54 ribu pekerja", "tenaga honorer di
        # seluruh dinas berjumlah 1.600 pegawai"
        category = subject
    elif len(words) > 1 and words[0].lower() in lex.bare_people and lex.nouns.match(" ".join(words[1:])):
        category = " ".join(words[1:])  # "5.000 orang pekerja rentan"
    elif words and words[0].lower() in lex.bare_people:
        rest = " ".join(words[1:])
        registered = re.search(r"\b(?:sebagai|menjadi)\b", rest)
        if rest.startswith("yang ") and registered:
            category = rest[len("yang ") :]  # "terdaftar sebagai peserta aktif"
        elif rest.startswith("yang ") and antecedent:
            category = f"{antecedent} {rest}"  # "pekerja yang terlindungi ..."
        elif not rest:
            subject = _subject_before(text, start)
            if subject and subject.lower().startswith("yang "):
                category = f"{antecedent} {subject}" if antecedent else category
            elif subject:
                category = subject
            elif previous and re.search(r"\bmenjadi\s*$", text[:start]):
                category = previous  # "terdata 18.240 orang, kemudian turun menjadi 17.905 orang"
    clause = re.split(r"(?<!\d)[,;:]|[,;:](?!\d)", text[:start])[-1]
    per = last_match(lex.per_unit, clause)
    if per is not None and " per " not in f" {category} ":
        category = f"{category} per {per.group('unit').lower()}"
    if len(category.split()) == 1 and lex.employer.search(text):
        company = _COMPANY.search(text) or _company_before(ctx, sentence)
        if company:
            category = f"{category} {company.group().strip()}"
    return category


# "N orang merupakan pekerja rentan", "N jiwa atau 100 persen penduduk X",
# "N orang sudah tercatat sebagai peserta aktif": the group is named further on.
_BARE_THEN_GROUP = re.compile(
    r"\s*(?:orang|jiwa)\s+(?:(?:merupakan|adalah|ialah|yakni|yaitu)"
    r"|atau\s+(?:sekitar\s+)?\d[\d.,]*\s*(?:persen|%)"
    r"|(?:(?:sudah|telah|kini)\s+)?(?:tercatat|terdaftar|menjadi)\s+(?:sebagai|menjadi)"
    r")(?=\s)",
    re.I,
)


def _named_after_bare(text: str, end: int) -> str | None:
    match = _BARE_THEN_GROUP.match(text, end)
    return category_after(text, match.end()) if match else None


def _company_before(ctx: Context, sentence: Sentence) -> re.Match[str] | None:
    position = ctx.sentences.index(sentence)
    if position == 0:
        return None
    return _COMPANY.search(ctx.sentences[position - 1].text)


BY_REGION = "workers.by_region"


def _said_of(category: str) -> str:
    """ "pekerja di 21 kabupaten terkena PHK" -> "terkena PHK": the category's
    predicate, from its first verb."""
    words = category.split()
    for i, word in enumerate(words[1:], start=1):
        if _is_verb(word) and not word[:1].isupper():
            return " ".join(words[i:])
    return ""


def extract_worker_counts(ctx: Context) -> list[WorkerCount]:
    found: list[WorkerCount] = []
    seen: set[int] = set()
    said: dict[str, str] = {}  # group noun -> what was last said of it
    for sentence in ctx.sentences:
        for value, start, end, category, rule in _counts(ctx, sentence):
            if value in seen:
                continue
            seen.add(value)
            head, _, rest = category.partition(" ")
            if rule == BY_REGION and head.lower() in said and not _said_of(category):
                # "8.394 pekerja ... terkena PHK. ... Nganjuk dengan 1.851 pekerja": the breakdown's
                # groups are the total's group
                category = f"{head} {said[head.lower()]} {rest}"
            elif _said_of(category):
                said[head.lower()] = _said_of(category)
            found.append(
                WorkerCount(
                    value=value,
                    category=category,
                    provenance=ctx.provenance(sentence.start + start, sentence.start + end, rule),
                )
            )
    return found


# A group named in a list of counts: lower-case words up to a mark, a number
# or a word that starts something else.
_LIST_ITEM = re.compile(r"\s+(?P<words>[a-z][\w'’/-]*(?:\s+[a-z][\w'’/-]*){0,2})")
_LIST_LINK = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|\s(?:dan|serta)\s+)$")
_ITEM_ENDS = frozenset(
    ["dari", "di", "ke", "yang", "dan", "serta", "atau", "untuk", "pada", "dengan", "itu", "ini", "tersebut"]
)


def _list_item(text: str, end: int) -> str | None:
    """The group after a number inside a list of counts ("600 kelian adat
    dari ..." -> "kelian adat"), or None when its noun counts no people."""
    lex = _lexicon()
    match = _LIST_ITEM.match(text, end)
    if not match:
        return None
    words = []
    for word in match.group("words").split():
        if word in _ITEM_ENDS or (has_verb_shape(word) and words):
            break
        words.append(word)
    if not words or words[0] in lex.not_people or has_verb_shape(words[0]) or lex.vague.fullmatch(words[0]):
        return None
    return " ".join(words)


def _in_list_of_counts(text: str, number: tuple[int, int], counts: list[tuple[int, int]]) -> bool:
    """Is the number joined to a count by a list link ("2.000 pecalang,
    1.180 pemangku dan <number>", "<number> modin, 2.300 guru ngaji")?"""
    start, end = number
    for other_start, other_end in counts:
        if other_end <= start:
            gap = text[other_end:start]
        elif other_start >= end:
            gap = text[end:other_start]
        else:
            continue
        if (
            len(gap.split()) <= 5
            and re.match(r"\s+[a-z]", gap)
            and _LIST_LINK.search(gap)
            and not re.search(r"[\d.;:()]", gap)
        ):
            return True
    return False


def _address(text: str, start: int, written: str) -> bool:
    """ "RT 04 RW 02": a zero-padded number, or one after an address word."""
    before = re.search(r"([\w.]+)\s*$", text[:start])
    return written.lstrip().startswith("0") or bool(
        before and before.group(1).lower().rstrip(".") in _lexicon().address_words
    )


# A place named right before a count, in a breakdown by region ("Ngawi
# dengan 640 pekerja, Kabupaten Lamongan 912 pekerja, dan Tuban 877").
_PLACE_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:di|dan|serta|ialah|adalah|yakni|yaitu|ada|lalu|kemudian|disusul)\s+)"
    r"(?P<place>(?:[A-Z][\w-]*\s+){0,3}?[A-Z][\w-]*)\s+(?:(?:dengan|sebanyak|mencapai|sekitar|ada)\s+)*$"
)


def _place_before(text: str, start: int) -> str | None:
    before = text[:start]
    if len(before) > 80:
        before = "~ " + before[-80:]  # the cut is not the start of the sentence
    match = _PLACE_BEFORE.search(before)
    if not match:
        return None
    words = match.group("place").split()
    while words and not is_place_start(words[0]):
        words.pop(0)  # "Berikutnya Lamongan"
    return " ".join(words) or None


def _counts(ctx: Context, sentence: Sentence):
    found = list(_listed_counts(ctx, sentence))
    return sorted(found, key=lambda count: count[1])


def _listed_counts(ctx: Context, sentence: Sentence):
    """The counts of `_noun_counts`, and the numbers listed beside them whose
    noun is not in the vocabulary."""
    text = sentence.text
    counts = list(_noun_counts(ctx, sentence))
    yield from counts
    spans = [(start, end) for _, start, end, _, _ in counts]
    for match in _numbers(ctx, sentence):
        if overlaps(match.start, match.end, spans) or not isinstance(match.value, int) or match.value < MIN_GROUP:
            continue
        if _lexicon().vague.search(match.text) or not _in_list_of_counts(text, (match.start, match.end), spans):
            continue
        category = _list_item(text, match.end)
        if category:
            yield match.value, match.start, match.end, category, "workers.list_item"


def _noun_counts(ctx: Context, sentence: Sentence):
    lex = _lexicon()
    text = sentence.text
    found = _numbers(ctx, sentence)
    per_unit = [m for m in _per_unit(text, found) if not _address(text, m.start, m.text)]
    for match in per_unit:
        if match.value < MIN_GROUP:
            continue
        noun = category_after(text, match.end)
        category = f"{noun} per {match.unit}" if noun else f"per {match.unit}"
        yield int(match.value), match.start, match.end, category, "workers.per_unit"
    antecedent = None
    previous = None  # the category of the sentence's last count
    for match in found:
        if any(p.start <= match.start and match.end <= p.end for p in per_unit):
            continue
        if lex.vague.fullmatch(match.text.strip()) or lex.vague.search(match.text):
            continue
        value = match.value
        if not isinstance(value, (int, float)) or value != int(value) or value < MIN_GROUP:
            continue
        category = category_after(text, match.end)
        rule = "workers.number_noun"
        if category is None and re.fullmatch(r"(?:19|20)\d\d", match.text.strip()):
            continue  # a year
        if category is None:
            if re.match(r"\s*[\w-]", text[match.end :]) and not re.match(
                r"\s*(pada|per|di|hingga|sampai|lebih)\b", text[match.end :]
            ):
                continue
            category = _category_before(text, match.start)
            rule = "workers.total_of"
        if category is None:
            continue
        first, *others = category.lower().split()
        if first in lex.bare_people and others and others[0] in lex.not_people:
            continue  # "2 orang anak": family, not a counted group
        category = _refine(ctx, sentence, text, match.start, category, antecedent, end=match.end, previous=previous)
        previous = category
        place = _place_before(text, match.start)
        if place and " di " not in f" {category} ":
            category = f"{category} di {place}"  # "Nganjuk dengan 1.851 pekerja"
            rule = BY_REGION
        if category.split()[0].lower() not in lex.bare_people:
            antecedent = category.split()[0]
        yield int(value), match.start, match.end, category, rule
