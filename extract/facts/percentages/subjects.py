"""What a percentage is about, from where it stands in its sentence and the
percentages and worker counts stated before it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.facts.percentages.lexicon import CLAUSE_BREAK, lexicon, speech_verbs
from extract.facts.percentages.phrases import (
    TIME_AT_END,
    about_before,
    change_of,
    drop_change_verb,
    measure_of,
    share_after,
    time_after,
    time_in,
    whole_after,
    words_after,
)
from extract.facts.quantities import Quantity
from extract.facts.text import has_verb_shape, last_match


@dataclass
class Found:
    value: float
    about: str
    measure: str | None
    start: int
    end: int
    sentence: int


@dataclass
class Place:
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


def place_of(
    text: str,
    matches: list[Quantity],
    index: int,
    sentence: int,
    counts: list[tuple[int, int, str]],
    found: list[tuple[int, int]],
) -> Place:
    match = matches[index]
    previous = matches[index - 1] if index else None
    following = matches[index + 1] if index + 1 < len(matches) else None
    breaks = list(CLAUSE_BREAK.finditer(text, 0, match.start))
    clause_from = breaks[-1].end() if breaks else 0
    same_clause = previous is not None and previous.end > clause_from
    own = text[max(clause_from, previous.end if same_clause else 0) : match.start]
    after = text[match.end : following.start if following else len(text)]
    after = re.sub(r"\s+(?:dan|atau|serta)(?:\s+(?:paling\s+banyak|sekitar|hampir|maksimal))?\s*$", "", after)
    return Place(text, match, own, after, same_clause, sentence, counts, found)


def about_of(place: Place, earlier: list[Found]) -> str:
    lex = lexicon()
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
            return words_after(restated_as.group("what"))
    share = share_after(after)
    if share:
        return share
    relative = re.match(r"\s*yang\s+(?P<what>[^,.;:\"“”()]+)", after)
    if relative and not about_before(own):
        # "dari 450.000 angkatan kerja, baru 27 persen yang terdaftar sebagai peserta"
        of = "" if place.same_clause else _whole_before(place)
        return " ".join(relative.group("what").split()[: lex.max_words]) + of
    time = time_after(after)
    own_words = re.sub(r"^\s*(?:pada\s+)?(?:tahun\s+)?(?:19|20)\d\d\b", "", own)  # "pada 2015 menjadi"
    if time and earlier and earlier[-1].sentence == place.sentence and not about_before(own_words):
        # "47,3 persen pada 2024, lalu 52 persen pada 2025": the same figure, another year
        return f"{TIME_AT_END.sub('', earlier[-1].about)} {time}"
    if place.same_clause:
        # "dari 38,9 persen menjadi 44,6 persen": the same subject, now
        if re.fullmatch(r"\s*menjadi\s*", own) and earlier and earlier[-1].about.endswith(" sebelumnya"):
            return earlier[-1].about[: -len(" sebelumnya")] + " saat ini"
        # "3,7 persen ditanggung pemberi kerja dan 2 persen dipotong dari upah"
        return words_after(after) or about_before(own)
    subject = about_before(own)
    noun = _noun_named(place.text[: place.match.start]) or _implied_noun(earlier)
    measure = measure_of(own)
    if measure == "target":
        return _target(own, after, noun)
    if measure == "gap" and len(subject.split()) <= 1:
        return f"{subject or 'gap'} {noun}"
    if re.search(r"\bdari\s*$", own) and re.match(r"\s*(?:pada\s+)?(?:tahun\s+)?(?:(?:19|20)\d\d\s+)?menjadi\b", after):
        before = about_before(re.sub(r"\s*dari\s*$", "", own))  # "naik dari 38,9 persen menjadi ..."
        before = drop_change_verb(before)
        return f"{before} {time or 'sebelumnya'}".strip()  # "... dari 9,45% pada tahun 2021 menjadi ..."
    if lex.estimate.search(own):
        return f"perkiraan {noun}"
    if subject and lex.anaphor.match(subject):
        subject = _antecedent(place, earlier) or subject
    elif re.fullmatch(r"[a-z]{4,}nya", subject):
        subject = _owner(place, subject[: -len("nya")])
    change = change_of(own, after)
    if subject and change:
        return f"{change[0]} {drop_change_verb(subject)} {change[1]}".strip()
    if subject:
        return subject + whole_after(after, place.numbers_from(place.match.end))
    if re.match(r"\s*(?:untuk|bagi)\s+\S", after) or (after.split() and has_verb_shape(after.split()[0])):
        return words_after(after)  # "10 persen untuk persiapan masa pensiun", "... ditanggung pemberi kerja"
    earlier_subject = _earlier_clause_subject(place)
    if earlier_subject:
        return earlier_subject + whole_after(after, place.numbers_from(place.match.end))
    whole = whole_after(after, place.numbers_from(place.match.end), limit=lexicon().max_words)
    if whole:
        return whole[len(" dari ") :]  # "Ia menyebut baru 38,6 persen dari 560 ribu pekerja di X yang terlindungi"
    return words_after(after)


def _whole_before(place: Place) -> str:
    """ "dari 450.000 angkatan kerja, baru 27 persen yang ...": the whole named
    in the last clause before the percentage that opens with "dari"."""
    starts = [0] + [m.end() for m in CLAUSE_BREAK.finditer(place.text, 0, place.match.start)]
    for start, end in reversed(list(zip(starts, starts[1:]))):
        clause = place.text[start : end - 1]
        if re.match(r"\s*dari\s", clause, re.IGNORECASE):
            at = start + len(clause) - len(clause.lstrip()) + len("dari")  # "Dari" is read as "dari"
            rest = place.text[at : end - 1]
            return whole_after(" dari " + rest, [(s + 6, e + 6) for s, e in place.numbers_from(at)])
    return ""


def _noun_named(text: str) -> str | None:
    """The last measure noun of the sentence before a percentage ("Untuk
    UCJ, Pemprov memasang target 60 persen" -> "UCJ")."""
    named = last_match(lexicon().measure_noun, text)
    if named is None:
        return None
    noun = named.group()
    return noun if noun.isupper() else noun.lower()


def _implied_noun(earlier: list[Found]) -> str:
    lex = lexicon()
    implied = lex.measure_noun.search(earlier[-1].about) if earlier else None
    if not implied:
        return lex.default_noun
    noun = implied.group()
    return noun if noun.isupper() else noun.lower()


def _target(own: str, after: str, noun: str) -> str:
    """ "target tahun ini 40 persen" -> "target tahun ini"; "menargetkan angka
    itu naik menjadi 70 persen pada akhir tahun" -> "target cakupan akhir tahun"."""
    lex = lexicon()
    named = re.search(r"(?i)\btarget\b(?P<rest>.*)$", own)
    if named:
        rest = about_before(named.group("rest"))
        if rest and not lex.anaphor.search(rest) and not re.search(r"\b(?:naik|menjadi|mendekati)\b", rest):
            return about_before(own[named.start() :])
    return " ".join(w for w in ("target", noun, time_after(after) or time_in(own)) if w)


def _antecedent(place: Place, earlier: list[Found]) -> str | None:
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


def _owner(place: Place, noun: str) -> str:
    """ "UMK naik menjadi Rp 3,5 juta, sehingga kenaikannya 5,5 persen" ->
    "kenaikan UMK": a noun with "-nya" names what the earlier clause is about."""
    owner = []
    subject = re.sub(
        r"(?i)^(?:pada\s+)?(?:tahun\s+(?:ini|lalu|depan|\d{4})|\d{4})\s+", "", _earlier_clause_subject(place) or ""
    )
    for word in subject.split():
        if has_verb_shape(word) or any(p.fullmatch(word) for p in lexicon().changes.values()):
            break
        owner.append(word)
    return " ".join([noun, *owner])


def _earlier_clause_subject(place: Place) -> str | None:
    clauses = CLAUSE_BREAK.split(place.text[: place.match.start])[:-1]
    while clauses:
        # "Tingkat kepatuhan perusahaan, lanjutnya, baru 76,5 persen"
        candidate = about_before(clauses.pop())
        if re.match(r"(?i)(?:baik|termasuk|terutama)\b", candidate):
            continue  # an aside: "cakupan di Kabupaten X, baik bagi PU maupun BPU, masih 38 persen"
        if candidate and not (
            speech_verbs().fullmatch(candidate.split()[0].rstrip("nya")) and len(candidate.split()) == 1
        ):
            return candidate
    return None
