"""Naming the counted group from the rest of the sentence where the words
after the number say too little: a bare "orang" takes the clause's subject
or what the people are registered as, a count per unit says so, a firm's
workers are named with the firm, and "jumlah <group> ... mencapai N" names
the group before the number.
"""

from __future__ import annotations

import re

from extract.facts.context import Context
from extract.facts.text import Sentence, last_match
from extract.facts.workers.category import category_after, is_verb
from extract.facts.workers.lexicon import lexicon


def _subject_before(text: str, start: int, measures: bool = False) -> str | None:
    """The subject of the clause ending at a number that names no group
    ("jumlah peserta aktif di Kabupaten Jember per Desember 2024 tercatat
    212.480 orang" -> "peserta aktif di Kabupaten Jember"); with `measures`,
    also a measure of people ("potensi kepesertaan di Kota X mencapai 96.093
    orang")."""
    lex = lexicon()
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
    if not (lex.nouns.match(clause) or clause.lower().startswith("yang ") or (measures and lex.measures.match(clause))):
        return None
    return clause


def category_before(text: str, start: int) -> str | None:
    """ "jumlah peserta aktif di Kabupaten Blitar mencapai <N>": the people
    named after "jumlah", when the number stands alone."""
    lex = lexicon()
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


def refine(
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
    lex = lexicon()
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
    elif (
        len(words) > 1
        and words[0].lower() in lex.bare_people
        and lex.nouns.match(" ".join(words[1:]))
        and words[1].lower() not in lex.nominal_forms.values()  # "orang penerima bantuan" keeps "orang"
    ):
        category = " ".join(words[1:])  # "5.000 orang pekerja rentan"
    elif words and words[0].lower() in lex.bare_people:
        rest = " ".join(words[1:])
        registered = re.search(r"\b(?:sebagai|menjadi)\b", rest)
        if rest.startswith("yang ") and registered:
            category = rest[len("yang ") :]  # "terdaftar sebagai peserta aktif"
        elif rest.startswith("yang ") and antecedent:
            category = f"{antecedent} {rest}"  # "pekerja yang terlindungi ..."
        elif not rest:
            subject = _subject_before(text, start, measures=True)
            if subject and subject.lower().startswith("yang "):
                category = f"{antecedent} {subject}" if antecedent else category
            elif subject:
                category = subject
            elif previous and re.search(r"\bmenjadi\s*$", text[:start]):
                category = previous  # "terdata 18.240 orang, kemudian turun menjadi 17.905 orang"
    if end is not None and category.lower() in lex.bare_people:
        # "Tiga orang ... ditetapkan sebagai tersangka", "bantuan untuk para perajin ... kepada 75 orang"
        category = _role_after(text, end) or _group_before(text, start) or category
    clause = re.split(r"(?<!\d)[,;:]|[,;:](?!\d)", text[:start])[-1]
    per = last_match(lex.per_unit, clause)
    if per is not None and " per " not in f" {category} ":
        category = f"{category} per {per.group('unit').lower()}"
    if len(category.split()) == 1 and lex.employer.search(text):
        company = _COMPANY.search(text) or _company_before(ctx, sentence)
        if company:
            category = f"{category} {company.group().strip()}"
    return category


# "N orang merupakan pekerja rentan", "N orang yang tergolong buruh harian lepas",
# "N jiwa atau 100 persen penduduk X",
# "N orang sudah tercatat sebagai peserta aktif": the group is named further on.
_BARE_THEN_GROUP = re.compile(
    r"\s*(?:orang|jiwa)\s+(?:(?:merupakan|adalah|ialah|yakni|yaitu|yang\s+(?:tergolong|termasuk))"
    r"|atau\s+(?:sekitar\s+)?\d[\d.,]*\s*(?:persen|%)"
    r"|(?:(?:sudah|telah|kini)\s+)?(?:tercatat|terdaftar|menjadi)\s+(?:sebagai|menjadi)"
    r")(?=\s)",
    re.I,
)


def _named_after_bare(text: str, end: int) -> str | None:
    match = _BARE_THEN_GROUP.match(text, end)
    return category_after(text, match.end()) if match else None


# "Tiga orang di antara ... ditetapkan sebagai tersangka": the role they are
# counted in, later in the clause.
_ROLE = re.compile(r"[^,;:.()\"“”]{0,80}?\bsebagai\s+")


def _role_after(text: str, end: int) -> str | None:
    match = _ROLE.match(text, end)
    return category_after(text, match.end()) if match else None


def _group_before(text: str, start: int) -> str | None:
    """ "bantuan untuk para perajin batik ... diserahkan kepada 75 orang": the nearest
    group of people named before the number in the sentence."""
    lex = lexicon()
    for noun in reversed(list(lex.nouns.finditer(text, 0, start))):
        word = noun.group()
        if word[:1].islower() and word.lower() not in lex.bare_people:
            group = (category_after(text, noun.start()) or "").split()
            while len(group) > 1 and group[-1].lower() in lex.lead_in_words:
                group.pop()  # "peserta aktif tercatat lebih (dari 45 juta orang)" -> "peserta aktif"
            return " ".join(group) or None
    return None


def _company_before(ctx: Context, sentence: Sentence) -> re.Match[str] | None:
    position = ctx.sentences.index(sentence)
    if position == 0:
        return None
    return _COMPANY.search(ctx.sentences[position - 1].text)


BY_REGION = "workers.by_region"


def said_of(category: str) -> str:
    """ "pekerja di 21 kabupaten terkena PHK" -> "terkena PHK": the category's
    predicate, from its first verb."""
    words = category.split()
    for i, word in enumerate(words[1:], start=1):
        if is_verb(word) and not word[:1].isupper():
            return " ".join(words[i:])
    return ""
