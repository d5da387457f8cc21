"""Percentages stated in the article, each with what it is about.

Values come from extract.normalize.percent ("17,60%" = 17.6, "di bawah 20
persen" = 20). What a percentage is about, in order:

* the share named right after it: "baru sekitar 12 persen nelayan di
  Kabupaten Sumenep yang terlindungi ...", "40 persen DBHCHT untuk ...";
* the subject of its clause, trimmed of the verbs and qualifiers that lead to
  the number ("cakupan kepesertaan (UCJ) Kabupaten Malang saat ini baru 34,7
  persen" -> "cakupan kepesertaan (UCJ) Kabupaten Malang"), with the whole it
  is a share of ("... 58,2 persen dari total angkatan kerja"). A change is
  named as one ("kasus kecelakaan kerja naik 12 persen dibanding 2023" ->
  "kenaikan kasus kecelakaan kerja dibanding 2023"); a target or gap whose
  subject is implied takes the measure's noun ("menargetkan angka itu naik
  menjadi 70 persen pada akhir tahun" -> "target cakupan akhir tahun",
  "masih ada gap sekitar 7,3 persen" -> "gap cakupan"); a figure pointed back
  to ("angka itu", "cakupannya") is the previous percentage's subject;
* otherwise the words after it ("3,7 persen ditanggung pemberi kerja").

`measure` is "gap", "target" or "coverage" by the words of the clause. The
same value stated twice is one percentage. The words are data:
extract/data/facts/percentages.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.text import has_verb_shape, is_headline, last_match, load_lexicon, phrase_alternation, word_pattern
from extract.model import Percentage
from extract.facts.quantities import Quantity, numbers, percents

# a comma that is not a decimal comma ("17,9 persen"), or ; : and quotes
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d)|[;:\"“”]")
_PHRASE_END = re.compile(r"(?<!\d)[,.]|[,.](?!\d)|[;:\"“”()]")
TIME_WORDS = 4  # words of a time phrase after a target ("pada akhir tahun")
WHOLE_WORDS = 6  # words of "dari <whole>" kept


@lru_cache(maxsize=1)
def _speech() -> re.Pattern[str]:
    return word_pattern(
        load_lexicon("officials")["speech_verbs"] + ["menyebut", "mencatat", "memaparkan", "melaporkan"]
    )


@dataclass(frozen=True)
class _Lexicon:
    trailing: re.Pattern[str]
    leading: re.Pattern[str]
    measures: dict[str, re.Pattern[str]]
    max_words: int
    after_stops: frozenset[str]
    anaphor: re.Pattern[str]
    measure_noun: re.Pattern[str]
    default_noun: str
    changes: dict[str, re.Pattern[str]]
    comparison: re.Pattern[str]
    estimate: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = load_lexicon("percentages")
    trailing = sorted(data["trailing_verbs"], key=len, reverse=True)
    leading = sorted(data["leading_words"], key=len, reverse=True)
    anaphors = sorted(data["anaphors"], key=len, reverse=True)
    return _Lexicon(
        trailing=re.compile(r"(?:\s+|^)(?:" + phrase_alternation(trailing) + r")\s*$", re.I),
        leading=re.compile(r"^(?:" + phrase_alternation(leading) + r")\b[\s,]*", re.I),
        measures={name: word_pattern(words) for name, words in data["measures"].items()},
        max_words=int(data["max_about_words"]),
        after_stops=frozenset(w.lower() for w in data["after_stops"]),
        anaphor=re.compile(r"^(?:" + phrase_alternation(anaphors) + r")$", re.I),
        measure_noun=word_pattern(data["measure_nouns"]),
        default_noun=str(data["default_measure_noun"]),
        changes={name: word_pattern(words) for name, words in data["changes"].items()},
        comparison=word_pattern(data["comparisons"]),
        estimate=word_pattern(data["estimates"]),
    )


def about_before(clause: str) -> str:
    """The subject of a percentage: its clause without the lead-in verbs."""
    lex = _lexicon()
    about = clause.strip(" \"“”'")
    # "Ia menyebut cakupan ...": what was said, not who said it
    speech = last_match(_speech(), about)
    if speech is not None:
        about = about[speech.end() :]
    about = re.sub(r"^\s*bahwa\b", "", about)
    while True:
        trimmed = lex.trailing.sub("", about).strip(" ,")
        trimmed = lex.leading.sub("", trimmed).strip(" ,")
        if trimmed == about:
            break
        about = trimmed
    # "cakupan kepesertaan atau Universal Coverage Jamsostek (UCJ)": the short name
    about = re.sub(r"\s+atau\s+(?:[A-Z][\w-]*\s+){1,6}(\([A-Z]+\))", r" \1", about)
    words = about.split()
    return " ".join(words[-lex.max_words :])


def _share_after(text: str) -> str:
    """ "12 persen nelayan di Kabupaten Sumenep yang terlindungi": the group a
    percentage is a share of, when a noun follows it."""
    lex = _lexicon()
    phrase = _PHRASE_END.split(text, maxsplit=1)[0]
    words = phrase.split()
    if not words:
        return ""
    first = words[0]
    if first.lower() in lex.after_stops or has_verb_shape(first) or not re.match(r"[\w-]+$", first):
        return ""
    return " ".join(words[: lex.max_words])


def _words_after(text: str) -> str:
    phrase = _PHRASE_END.split(text, maxsplit=1)[0]
    words = phrase.split()
    while words and words[0].lower() in ("dan", "atau", "serta"):
        words = words[1:]
    return " ".join(words[: _lexicon().max_words])


def _whole_after(text: str, numbers: list[tuple[int, int]], limit: int = WHOLE_WORDS) -> str:
    """ "58,2 persen dari total angkatan kerja": " dari total angkatan kerja".
    `numbers`: (start, end) in `text` of its numbers, which are left out."""
    match = re.match(r"\s*dari\s+(?P<whole>.*)", text)
    if not match:
        return ""
    whole = _PHRASE_END.split(match.group("whole"), maxsplit=1)[0]
    at = match.start("whole")
    for start, end in reversed(numbers):  # "1,19 juta angkatan kerja" -> "angkatan kerja"
        if at <= start and end <= at + len(whole):
            whole = whole[: start - at] + whole[end - at :]
    whole = re.sub(r"\b(?:sekitar|kurang lebih|lebih dari|hampir)\s+", "", whole)
    whole = re.sub(r"\s+di\s+\w+\s+(?:tersebut|itu|ini)\s*$", "", whole)  # "... di kabupaten tersebut"
    words = whole.split()[:limit]
    while words and (words[-1].lower() in ("di", "ke", "yang", "dan") or words[-1][0].isdigit()):
        words.pop()
    return " dari " + " ".join(words) if words else ""


_TIME_AT_END = re.compile(r"\s+(?:(?:akhir|awal|pertengahan)\s+)?(?:tahun\s+)?(?:ini|depan|(?:19|20)\d\d)$")


def _time_after(text: str) -> str:
    """ "70 persen pada akhir tahun" -> "akhir tahun"."""
    match = re.match(
        r"\s*(?:pada\s+|di\s+)?(?P<time>(?:akhir|awal|pertengahan)\s+tahun(?:\s+\d{4})?|tahun\s+(?:depan|ini|\d{4})|(?:19|20)\d\d\b)",
        text,
    )
    return match.group("time") if match else ""


@dataclass
class _Found:
    value: float
    about: str
    measure: str | None
    start: int
    end: int
    sentence: int


def _measure(clause: str) -> str | None:
    lex = _lexicon()
    return next((name for name, pattern in lex.measures.items() if pattern.search(clause)), None)


@dataclass
class _Place:
    """Where a percentage stands in its sentence."""

    text: str  # the sentence
    match: Quantity
    own: str  # its clause up to it (from the previous percentage in the clause)
    after: str  # the words after it, up to the next percentage
    same_clause: bool  # another percentage came before it in its clause
    sentence: int
    counts: list[tuple[int, int, str]]  # (sentence index, offset in it, group) of worker counts
    numbers: list[tuple[int, int]]  # (start, end) of the sentence's numbers

    def numbers_from(self, at: int) -> list[tuple[int, int]]:
        """The numbers from offset `at` on, in offsets from `at`."""
        return [(start - at, end - at) for start, end in self.numbers if start >= at]


def _place(
    text: str,
    matches: list[Quantity],
    index: int,
    sentence: int,
    counts: list[tuple[int, int, str]],
    found: list[tuple[int, int]],
) -> _Place:
    match = matches[index]
    previous = matches[index - 1] if index else None
    following = matches[index + 1] if index + 1 < len(matches) else None
    breaks = list(_CLAUSE_BREAK.finditer(text, 0, match.start))
    clause_from = breaks[-1].end() if breaks else 0
    same_clause = previous is not None and previous.end > clause_from
    own = text[max(clause_from, previous.end if same_clause else 0) : match.start]
    after = text[match.end : following.start if following else len(text)]
    after = re.sub(r"\s+(?:dan|atau|serta)(?:\s+(?:paling\s+banyak|sekitar|hampir|maksimal))?\s*$", "", after)
    return _Place(text, match, own, after, same_clause, sentence, counts, found)


def _about(place: _Place, earlier: list[_Found]) -> str:
    lex = _lexicon()
    own, after = place.own, place.after
    restated = re.match(r"\s*atau\s+(?:sekitar\s+|hampir\s+|lebih\s+dari\s+)?\d", after)
    if restated:
        # "61,2% atau 40.118 warga kini terdaftar sebagai peserta": the count's group
        at = place.match.end + restated.end() - 1
        groups = [group for index, start, group in place.counts if index == place.sentence and start == at]
        if groups:
            return groups[0]
        restated_as = re.match(r"\s*[\d.,]+\s+(?P<what>[a-z].*)", after[restated.end() - 1 :])
        if restated_as and not about_before(own):
            # "sisanya 12 persen atau kira-kira 95 dusun belum terlindungi": what the figure counts
            return _words_after(restated_as.group("what"))
    share = _share_after(after)
    if share:
        return share
    relative = re.match(r"\s*yang\s+(?P<what>[^,.;:\"“”()]+)", after)
    if relative and not about_before(own):
        # "dari 450.000 angkatan kerja, baru 27 persen yang terdaftar sebagai peserta"
        of = "" if place.same_clause else _whole_before(place)
        return " ".join(relative.group("what").split()[: lex.max_words]) + of
    time = _time_after(after)
    own_words = re.sub(r"^\s*(?:pada\s+)?(?:tahun\s+)?(?:19|20)\d\d\b", "", own)  # "pada 2015 menjadi"
    if time and earlier and earlier[-1].sentence == place.sentence and not about_before(own_words):
        # "47,3 persen pada 2024, lalu 52 persen pada 2025": the same figure, another year
        return f"{_TIME_AT_END.sub('', earlier[-1].about)} {time}"
    if place.same_clause:
        # "dari 38,9 persen menjadi 44,6 persen": the same subject, now
        if re.fullmatch(r"\s*menjadi\s*", own) and earlier and earlier[-1].about.endswith(" sebelumnya"):
            return earlier[-1].about[: -len(" sebelumnya")] + " saat ini"
        # "3,7 persen ditanggung pemberi kerja dan 2 persen dipotong dari upah"
        return _words_after(after) or about_before(own)
    subject = about_before(own)
    noun = _noun_named(place.text[: place.match.start]) or _implied_noun(earlier)
    measure = _measure(own)
    if measure == "target":
        return _target(own, after, noun)
    if measure == "gap" and len(subject.split()) <= 1:
        return f"{subject or 'gap'} {noun}"
    if re.search(r"\bdari\s*$", own) and re.match(r"\s*(?:pada\s+)?(?:tahun\s+)?(?:(?:19|20)\d\d\s+)?menjadi\b", after):
        before = about_before(re.sub(r"\s*dari\s*$", "", own))  # "naik dari 38,9 persen menjadi ..."
        before = _drop_change_verb(before)
        return f"{before} {time or 'sebelumnya'}".strip()  # "... dari 9,45% pada tahun 2021 menjadi ..."
    if lex.estimate.search(own):
        return f"perkiraan {noun}"
    if subject and lex.anaphor.match(subject):
        subject = _antecedent(place, earlier) or subject
    elif re.fullmatch(r"[a-z]{4,}nya", subject):
        subject = _owner(place, subject[: -len("nya")])
    change = _change(own, after)
    if subject and change:
        return f"{change[0]} {_drop_change_verb(subject)} {change[1]}".strip()
    if subject:
        return subject + _whole_after(after, place.numbers_from(place.match.end))
    if re.match(r"\s*(?:untuk|bagi)\s+\S", after) or (after.split() and has_verb_shape(after.split()[0])):
        return _words_after(after)  # "10 persen untuk persiapan masa pensiun", "... ditanggung pemberi kerja"
    earlier_subject = _earlier_clause_subject(place)
    if earlier_subject:
        return earlier_subject + _whole_after(after, place.numbers_from(place.match.end))
    whole = _whole_after(after, place.numbers_from(place.match.end), limit=_lexicon().max_words)
    if whole:
        return whole[len(" dari ") :]  # "Ia menyebut baru 38,6 persen dari 560 ribu pekerja di X yang terlindungi"
    return _words_after(after)


def _whole_before(place: _Place) -> str:
    """ "dari 450.000 angkatan kerja, baru 27 persen yang ...": the whole named
    in the last clause before the percentage that opens with "dari"."""
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(place.text, 0, place.match.start)]
    for start, end in reversed(list(zip(starts, starts[1:]))):
        clause = place.text[start : end - 1]
        if re.match(r"\s*dari\s", clause, re.IGNORECASE):
            at = start + len(clause) - len(clause.lstrip()) + len("dari")  # "Dari" is read as "dari"
            rest = place.text[at : end - 1]
            return _whole_after(" dari " + rest, [(s + 6, e + 6) for s, e in place.numbers_from(at)])
    return ""


def _noun_named(text: str) -> str | None:
    """The last measure noun of the sentence before a percentage ("Untuk
    UCJ, Pemprov memasang target 60 persen" -> "UCJ")."""
    named = last_match(_lexicon().measure_noun, text)
    if named is None:
        return None
    noun = named.group()
    return noun if noun.isupper() else noun.lower()


def _implied_noun(earlier: list[_Found]) -> str:
    lex = _lexicon()
    implied = lex.measure_noun.search(earlier[-1].about) if earlier else None
    if not implied:
        return lex.default_noun
    noun = implied.group()
    return noun if noun.isupper() else noun.lower()


def _target(own: str, after: str, noun: str) -> str:
    """ "target tahun ini 40 persen" -> "target tahun ini"; "menargetkan angka
    itu naik menjadi 70 persen pada akhir tahun" -> "target cakupan akhir tahun"."""
    lex = _lexicon()
    named = re.search(r"(?i)\btarget\b(?P<rest>.*)$", own)
    if named:
        rest = about_before(named.group("rest"))
        if rest and not lex.anaphor.search(rest) and not re.search(r"\b(?:naik|menjadi|mendekati)\b", rest):
            return about_before(own[named.start() :])
    return " ".join(w for w in ("target", noun, _time_after(after) or _time_in(own)) if w)


def _time_in(text: str) -> str:
    """ "Tahun depan kami targetkan": the time a target is set for."""
    match = re.search(r"(?i)\b(?:(?:akhir|awal|pertengahan)\s+)?tahun\s+(?:depan|ini|\d{4})\b|\b20\d\d\b", text)
    return match.group().lower() if match else ""


def _antecedent(place: _Place, earlier: list[_Found]) -> str | None:
    """What "angka itu", "cakupannya", "jumlahnya" point back to: the last
    percentage of this or the previous sentence, else the group of a count
    there ("4.312 perangkat desa ... Angka itu setara dengan 96,8 persen"),
    else the subject of an earlier clause of this sentence."""
    if earlier and earlier[-1].sentence >= place.sentence - 1:
        return earlier[-1].about
    here = [group for index, start, group in place.counts if index == place.sentence and start < place.match.start]
    if here:
        return here[-1]
    subject = _earlier_clause_subject(place)
    if subject:
        return subject
    before = [group for index, _, group in place.counts if index == place.sentence - 1]
    return before[-1] if before else None


def _owner(place: _Place, noun: str) -> str:
    """ "UMK naik menjadi Rp 3,5 juta, sehingga kenaikannya 5,5 persen" ->
    "kenaikan UMK": a noun with "-nya" names what the earlier clause is about."""
    owner = []
    subject = re.sub(
        r"(?i)^(?:pada\s+)?(?:tahun\s+(?:ini|lalu|depan|\d{4})|\d{4})\s+", "", _earlier_clause_subject(place) or ""
    )
    for word in subject.split():
        if has_verb_shape(word) or any(p.fullmatch(word) for p in _lexicon().changes.values()):
            break
        owner.append(word)
    return " ".join([noun, *owner])


def _earlier_clause_subject(place: _Place) -> str | None:
    clauses = _CLAUSE_BREAK.split(place.text[: place.match.start])[:-1]
    while clauses:
        # "Tingkat kepatuhan perusahaan, lanjutnya, baru 76,5 persen"
        candidate = about_before(clauses.pop())
        if re.match(r"(?i)(?:baik|termasuk|terutama)\b", candidate):
            continue  # an aside: "cakupan di Kabupaten X, baik bagi PU maupun BPU, masih 38 persen"
        if candidate and not (_speech().fullmatch(candidate.split()[0].rstrip("nya")) and len(candidate.split()) == 1):
            return candidate
    return None


def _change(own: str, after: str) -> tuple[str, str] | None:
    """ "naik 12 persen dibanding 2023": ("kenaikan", "dibanding 2023"); the
    change verb must govern the number ("naik menjadi 41 persen" is a level)."""
    lex = _lexicon()
    words = [w for w in own.split() if w.lower() not in ("sekitar", "hampir", "lebih", "kurang", "dari", "sebesar")]
    if not words:
        return None
    for name, pattern in lex.changes.items():
        if pattern.fullmatch(words[-1]):
            compared = re.match(
                r"\s*((?:dibanding|dibandingkan|ketimbang)\s+[^,.;:\"“”]+?)(?:\s+yang\b|[,.;:\"“”]|$)", after
            )
            return name, compared.group(1) if compared else ""
    return None


def _drop_change_verb(subject: str) -> str:
    lex = _lexicon()
    words = subject.split()
    while words and any(p.fullmatch(words[-1]) for p in lex.changes.values()):
        words.pop()
    return " ".join(words)


def extract_percentages(ctx: Context) -> list[Percentage]:
    found: list[_Found] = []
    seen: dict[float, int] = {}  # value -> where in `found`
    weak: set[float] = set()  # values first stated in a headline or with next to nothing said of them
    counts = []
    for count in ctx.results.get("worker_counts", []):
        where = ctx.sentence_at(count.provenance.start) if count.provenance else None
        if where is not None:
            counts.append((where.index, count.provenance.start - where.start, count.category))
    for sentence in ctx.sentences:
        text = sentence.text
        matches = percents(ctx, sentence)
        found_numbers = [(n.start, n.end) for n in numbers(ctx, sentence)] if matches else []
        headline = is_headline(text)
        for index, match in enumerate(matches):
            value = round(float(match.value), 2)
            if value in seen and value not in weak:
                continue
            place = _place(text, matches, index, sentence.index, counts, found_numbers)
            about = _about(place, found)
            breaks = list(_CLAUSE_BREAK.finditer(text, 0, match.start))
            clause = text[breaks[-1].end() if breaks else 0 : match.end]
            measure = _measure(clause) or _measure(about)
            stated = _Found(
                value, about, measure, sentence.start + match.start, sentence.start + match.end, sentence.index
            )
            says_little = headline or len(about.split()) < 2
            if value in seen:
                # "antara 4 hingga 4,5 persen ... kenaikannya 4,5 persen": named where it is said in full
                if not says_little:
                    found[seen[value]] = stated
                    weak.discard(value)
                continue
            seen[value] = len(found)
            found.append(stated)
            if says_little:
                weak.add(value)
    return [
        Percentage(
            value=int(f.value) if f.value == int(f.value) else f.value,
            about=f.about,
            measure=f.measure,
            provenance=ctx.provenance(f.start, f.end, "percentages.stated"),
        )
        for f in found
    ]
