"""Payouts: benefit amounts handed to beneficiaries, and stated totals.

Patterns of Indonesian news prose about BPJS Ketenagakerjaan benefits, over
the rupiah amounts of each content sentence (extract.normalize.money):

* An amount is a payout when its sentence speaks of a benefit ("santunan",
  "manfaat", "klaim", "beasiswa", a programme) reported as handed over,
  received, paid or broken down ("menerima", "diserahkan", "rinciannya"; in
  it or the sentence before), and its own clause is not about a
  contribution, wage, budget, price, donation or condition ("iuran", "upah",
  "anggaran", "harga", "CSR", "jika"), nor a limit right before it ("hingga
  Rp 174 juta", "di bawah Rp15 juta"). "Manfaat santunan kematian mencapai
  Rp 42 juta" alone states a rule, not a payout, and so does the breakdown
  right after a rule ("Rinciannya, ..."); "Totalnya Rp70 juta" is one only
  after payouts. Nothing in a worked example ("Sebagai gambaran", "misalkan
  Budi (bukan nama sebenarnya)") is a payout, nor anything "paid" later to
  the person it invents.
* Programmes: the programme names nearest before the amount ("santunan JKM
  Rp 42 juta", "manfaat JKK dan JKM ... dengan total Rp1,26 miliar"); a
  death component ("santunan kematian", "biaya pemakaman", "santunan
  berkala") takes the death's programme, JKK when the article says the death
  was a work accident, else JKM; a "beasiswa" amount is beasiswa alone (a
  total it is part of takes both, "JKK Rp 70 juta serta beasiswa Rp 153
  juta, total Rp 223 juta"); an injury
  component ("biaya perawatan") is JKK.
  With no cue in its sentence, an amount takes the cue of the previous amount
  of the sentence, or of the last sentences before it.
* Beneficiary: the insured worker, named after a marker ("almarhum X",
  "ahli waris X", "atas nama X (alm)", "sang suami, X") in the sentence or,
  for a death benefit, the last one named before it. Old-age, pension and
  injury benefits go to living workers, who may also be named plainly
  ("Sugianto dan Marlina, menerima ... masing-masing Rp A dan Rp B").
  An heir named as the receiver is never the beneficiary (it is kept as
  `heir`), and a capitalised word right after a common noun ("perajin
  gerabah Kasongan") is a place, not a person.
* "Masing-masing Rp 42 juta" is one payout per recipient: the names around
  it, else the count ("kepada empat ahli waris", "Kelima almarhum").
  "Masing-masing Rp A dan Rp B" pairs amounts and names in order.
* A stated total ("totalnya", "total yang diterima", a branch's claims) is a
  payout of its own; when the amounts just before (or after) it add up to it
  (exactly; for "Rp 215 juta lebih", to up to 10% more), it takes their
  programmes and, if they share one, their beneficiary. A total received by
  one worker's heirs is that worker's. Claim and period figures ("klaim",
  "kasus", "sepanjang 2023") take nothing from context.
* One amount stated twice at different precision ("Rp 280 juta lebih",
  "Rp 288.900.000") is one payout at the exact value.

The words are data: extract/data/facts/payouts.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.places import place_words
from extract.facts.text import Sentence, load_lexicon, phrase_alternation, word_pattern
from extract.model import Payout
from extract.normalize.money import find_money
from extract.normalize.names import load_honorifics, name_key, strip_titles
from extract.normalize.numbers import find_numbers, parse_number

PROGRAM_ORDER = ("JKK", "JKM", "JHT", "JP", "JKP", "beasiswa")
DEATH = "death"  # placeholder programme of a death component, resolved later
PREVIOUS_SENTENCES = 4  # how far back a programme cue may come from
NAME_WINDOW = 2  # how far back a plainly named living worker may come from


@dataclass(frozen=True)
class _Lexicon:
    programs: list[tuple[str, re.Pattern[str]]]
    death_components: re.Pattern[str]
    injury_components: re.Pattern[str]
    work_accident: re.Pattern[str]
    bpjs_names: re.Pattern[str]
    other_payers: re.Pattern[str]
    payout_cues: re.Pattern[str]
    grounding: re.Pattern[str]
    not_payout: re.Pattern[str]
    conditions: re.Pattern[str]
    examples: re.Pattern[str]
    breakdown_opener: re.Pattern[str]
    entitlement: re.Pattern[str]
    rule_references: re.Pattern[str]
    limit_before: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    total_cues: re.Pattern[str]
    aggregate_cues: re.Pattern[str]
    claim_cues: re.Pattern[str]
    each: re.Pattern[str]
    each_window: int
    including: re.Pattern[str]
    insured_marker: re.Pattern[str]
    insured_suffix: re.Pattern[str]
    list_intro: re.Pattern[str]
    group_list_opener: re.Pattern[str]
    victim_words: re.Pattern[str]
    person_honorific: re.Pattern[str]
    recipients: re.Pattern[str]
    relative_recipients: re.Pattern[str]
    max_recipients: int
    clause_openers: frozenset[str]
    not_name_words: frozenset[str]
    relative_after: re.Pattern[str]
    unnamed_one: re.Pattern[str]
    heirs_before: re.Pattern[str]
    unnamed_others: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = load_lexicon("payouts")
    programs = [(code, _program_pattern(words)) for code, words in data["programs"].items()]
    limits = phrase_alternation(data["limit_words"])
    markers = sorted(data["insured_markers"], key=len, reverse=True)
    marker_alternatives = "|".join(_marker_regex(m) for m in markers)
    suffixes = phrase_alternation(data["insured_suffixes"])
    heir_nouns = phrase_alternation(data["unnamed_recipient_nouns"])
    return _Lexicon(
        programs=programs,
        death_components=word_pattern(data["death_components"]),
        injury_components=word_pattern(data["injury_components"]),
        work_accident=word_pattern(data["work_accident"]),
        bpjs_names=word_pattern(data["bpjs_names"]),
        other_payers=word_pattern(data["other_payers"]),
        payout_cues=word_pattern(data["payout_cues"] + [w for ws in data["programs"].values() for w in ws]),
        grounding=word_pattern(data["grounding_words"]),
        not_payout=word_pattern(data["not_payout_cues"]),
        conditions=word_pattern(data["condition_words"]),
        examples=word_pattern(data["example_markers"]),
        breakdown_opener=re.compile(rf"\W*(?:{phrase_alternation(data['breakdown_openers'])})\b", re.IGNORECASE),
        entitlement=word_pattern(data["entitlement_words"]),
        rule_references=word_pattern(data["rule_references"]),
        limit_before=re.compile(rf"(?<!\w)(?:{limits})\s*$", re.IGNORECASE),
        clause_breaks=word_pattern(data["clause_breaks"]),
        total_cues=word_pattern(data["total_cues"]),
        aggregate_cues=word_pattern(data["aggregate_cues"]),
        claim_cues=word_pattern(data["claim_cues"]),
        each=re.compile(
            rf"{word_pattern(data['each_words']).pattern}"
            rf"|(?<![\w])(?:{phrase_alternation(data['each_before_nouns'])})\s+(?=(?:{phrase_alternation(data['recipient_nouns'])})(?![\w]))",
            re.IGNORECASE,
        ),
        each_window=int(data["each_window"]),
        including=word_pattern(data["including_words"]),
        insured_marker=re.compile(rf"(?<![\w])(?:{marker_alternatives})", re.IGNORECASE),
        insured_suffix=re.compile(rf"\s*(?:{suffixes})", re.IGNORECASE),
        list_intro=re.compile(rf"\s*(?:{'|'.join(map(re.escape, data['list_intros']))})\b", re.IGNORECASE),
        group_list_opener=re.compile(
            rf"\W*(?:{phrase_alternation(data['group_list_openers'])})\b\s*:?\s*", re.IGNORECASE
        ),
        victim_words=word_pattern(data["victim_words"]),
        person_honorific=re.compile(rf"(?:{'|'.join(map(re.escape, data['person_honorifics']))})\s+$"),
        recipients=word_pattern(data["recipient_nouns"]),
        relative_recipients=word_pattern(data["relative_recipients"]),
        max_recipients=int(data["max_recipients"]),
        clause_openers=frozenset(w.casefold() for w in data["clause_openers"]),
        not_name_words=frozenset(w.casefold() for w in data["not_name_words"]) | place_words(),
        heirs_before=re.compile(rf"(?<![\w])(?:{heir_nouns})\s+$", re.IGNORECASE),
        unnamed_one=re.compile(
            rf"(?<![\w])(?:{heir_nouns})\s+(?:dari\s+)?seorang\s+(?=(?-i:[a-z]))",
            re.IGNORECASE,
        ),
        unnamed_others=re.compile(
            rf"(?<![\w])(\w+)\s+(?:{phrase_alternation(data['recipient_nouns'])})\s+(?:{phrase_alternation(data['others_words'])})(?![\w])",
            re.IGNORECASE,
        ),
        relative_after=re.compile(
            rf"\s*,\s*(?:seorang\s+)?(?:{phrase_alternation(data['relative_words'])})\b", re.IGNORECASE
        ),
    )


def _program_pattern(words: list[str]) -> re.Pattern[str]:
    """Acronyms ("JKK", "JP") match only in capitals; names in any case."""
    acronyms = [w for w in words if w.isupper()]
    names = [w for w in words if not w.isupper()]
    parts = []
    if acronyms:
        parts.append(r"(?-i:" + "|".join(map(re.escape, acronyms)) + r")")
    if names:
        parts.append(phrase_alternation(names))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)


def _marker_regex(marker: str) -> str:
    body = re.escape(marker.rstrip(",.")).replace(r"\ ", r"\s+")
    if marker.endswith(","):
        return body + r"\s*,"
    if marker.endswith("."):
        return body + r"\."
    return body + r"(?![\w])"


# ---- names ------------------------------------------------------------------


_NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?|[A-Z]\.|I)"
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
        skip = re.match(r"[ \t]*(?:(?:[A-Z][a-z]{0,5}\.|Bapak|Ibu|Pak|Bu)[ \t]+)*", text[pos:limit])
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
    """"perajin gerabah Kasongan", "pedagang sayur Pasar Srago": a capitalised
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


# ---- amounts ----------------------------------------------------------------


@dataclass
class _Amount:
    start: int
    end: int
    value: int
    approximate: bool
    sentence: Sentence
    programs: list[str] = field(default_factory=list)
    aggregate: bool = False
    total: bool = False
    death: bool = True
    rule: str = "payout.amount"
    restated: _Amount | None = None  # an approximate statement of the same amount


def _candidates(ctx: Context) -> list[_Amount]:
    """Every rupiah amount of the content sentences that reads as a payout."""
    lex = lexicon()
    found: list[_Amount] = []
    for position, sentence in enumerate(ctx.sentences):
        matches = find_money(sentence.text)
        if not matches or not lex.payout_cues.search(sentence.text):
            continue
        # "Totalnya Rp70 juta.": a total alone is a payout only after payouts
        only_total = all(lex.total_cues.fullmatch(m.group()) for m in lex.payout_cues.finditer(sentence.text))
        before = ctx.sentences[position - 1] if position else None
        listed = any(a.sentence is before for a in found)
        if not (only_total or listed or _grounded(sentence) or (before is not None and _grounded(before))):
            continue  # "manfaat santunan kematian mencapai Rp 42 juta": a rule, not a payout
        if lex.examples.search(sentence.text):
            continue  # a worked example: what someone would receive
        if _states_rule(ctx, sentence, matches[0].start + sentence.start) or _breaks_down_rule(ctx, before, sentence):
            continue
        previous_end = sentence.start
        seen_spans = set()
        for match in matches:
            span = (match.start, match.end)
            if span in seen_spans:  # the second end of a range shares its span
                continue
            seen_spans.add(span)
            start, end = sentence.start + match.start, sentence.start + match.end
            if ctx.is_furniture(start, end):
                continue
            if _not_payout(ctx.text, sentence, previous_end, start, end):
                previous_end = end
                continue
            if only_total and not (listed or any(a.sentence is sentence for a in found)):
                previous_end = end
                continue
            found.append(_Amount(start, end, match.value, match.approximate, sentence))
            previous_end = end
    return found


def _states_rule(ctx: Context, sentence: Sentence, first_amount: int) -> bool:
    """Is the sentence a rule's statement of what is granted ("Berdasarkan
    aturan itu, ahli waris peserta berhak atas santunan Rp20 juta"): an
    entitlement and a reference to the rules or to any participant before
    its first amount, and no one named?"""
    lex = lexicon()
    text, lo = ctx.text, sentence.start
    if not (lex.entitlement.search(text, lo, first_amount) and lex.rule_references.search(text, lo, first_amount)):
        return False
    return not _persons(ctx, sentence)


def _breaks_down_rule(ctx: Context, before: Sentence | None, sentence: Sentence) -> bool:
    """Does the sentence open with a breakdown ("Rinciannya, ...") of the
    rule the sentence before states, naming no one?"""
    if before is None or not lexicon().breakdown_opener.match(sentence.text):
        return False
    amounts = find_money(before.text)
    return bool(amounts) and _states_rule(ctx, before, before.start + amounts[0].start) and not _persons(ctx, sentence)


def _invented_words(ctx: Context) -> set[str]:
    """The capitalised words of worked examples ("Misalkan Budi (bukan nama
    sebenarnya)"): the names of people the article makes up are among them."""
    lex = lexicon()
    return {
        word
        for sentence in ctx.sentences
        if lex.examples.search(sentence.text)
        for match in _NAME_RUN.finditer(ctx.text, sentence.start, sentence.end)
        for word in match.group().split()
    }


def _invented(name: str | None, invented_words: set[str]) -> bool:
    return bool(name) and set(name.split()) <= invented_words


def _grounded(sentence: Sentence) -> bool:
    """Does the sentence report something handed over, received, paid or
    broken down, name an insured worker, or speak of claims?"""
    lex = lexicon()
    text = sentence.text
    return bool(
        lex.grounding.search(text)
        or lex.insured_marker.search(text)
        or lex.insured_suffix.search(text)
        or lex.aggregate_cues.search(text)
        or lex.claim_cues.search(text)
    )


def _clause_start(text: str, sentence: Sentence, floor: int, offset: int) -> int:
    """Where the clause holding `offset` begins: after the last punctuation
    mark or clause-opening word ("sehingga", "yaitu") since `floor`."""
    base = max(floor, sentence.start)
    cut = base
    for mark in re.finditer(r"[,;:\"“”]", text[base:offset]):
        cut = base + mark.end()
    for word in lexicon().clause_breaks.finditer(text, cut, offset):
        cut = max(cut, word.end())
    # ", yang hanya Rp16.800": a relative clause belongs to the clause before it
    if cut > base and re.match(r"\s*yang\b", text[cut:offset], re.IGNORECASE):
        return _clause_start(text, sentence, floor, cut - 1)
    return cut


def _not_payout(text: str, sentence: Sentence, previous_end: int, start: int, end: int) -> bool:
    lex = lexicon()
    clause = _clause_start(text, sentence, previous_end, start)
    before = text[clause:start]
    if lex.not_payout.search(before) or lex.limit_before.search(before):
        return True
    if lex.conditions.search(text, sentence.start, start):
        return True
    after = text[end : sentence.end]
    tail = re.split(r"[,;:.]", after, maxsplit=1)[0]
    # "Rp 10 juta per tahun untuk membayar iuran", "Rp 15 ribu per kilogram"
    purpose = re.match(r"\s*(?:(?:per|setiap)\s+\w+\s+)?(?:untuk|guna|bagi)\b", tail)
    return bool(purpose and lex.not_payout.search(tail) and not lex.payout_cues.search(tail)) or bool(
        re.match(r"\s*(?:per|/)\s*(?:kilogram|kg|hektare|hektar|ha|ton|liter|meter|m2|unit)\b", after, re.I)
    )


# ---- programmes ---------------------------------------------------------------


def _cues(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Programme cues between lo and hi as (start, end, code); code is a
    programme, DEATH for a death component or "injury"."""
    lex = lexicon()
    cues = []
    for code, pattern in lex.programs:
        cues += [(m.start(), m.end(), code) for m in pattern.finditer(text, lo, hi)]
    cues += [(m.start(), m.end(), "injury") for m in lex.injury_components.finditer(text, lo, hi)]
    cues += [(m.start(), m.end(), DEATH) for m in lex.death_components.finditer(text, lo, hi)]
    cues.sort()
    # a longer cue hides the shorter ones inside it ("santunan kematian" > "santunan")
    kept: list[tuple[int, int, str]] = []
    for cue in cues:
        if kept and cue[0] < kept[-1][1]:
            if cue[1] - cue[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = cue
            continue
        kept.append(cue)
    return kept


def _nearest_group(text: str, cues: list[tuple[int, int, str]]) -> list[str]:
    """The programmes of the last run of cues joined only by "dan", commas,
    brackets ("Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM)")."""
    if not cues:
        return []
    group = [cues[-1]]
    for cue in reversed(cues[:-1]):
        gap = text[cue[1] : group[-1][0]]
        if re.fullmatch(r"[\s,()/&-]*(?:(?:dan|serta|atau|maupun)[\s,()]*)?", gap, re.IGNORECASE):
            group.append(cue)
        else:
            break
    return [code for _, _, code in reversed(group)]


def _death_program(ctx: Context, offset: int) -> str | None:
    """The programme of a death reported before `offset`: JKK when the nearest
    cue is a work accident or JKK, JKM when it is JKM; None when none."""
    lex = lexicon()
    best: tuple[int, str] | None = None
    for sentence in ctx.sentences:
        if sentence.start >= offset:
            break
        hi = min(sentence.end, offset)
        for m in lex.work_accident.finditer(ctx.text, sentence.start, hi):
            best = max(best or (-1, ""), (m.start(), "JKK"))
        for code, pattern in lex.programs:
            if code in ("JKK", "JKM"):
                for m in pattern.finditer(ctx.text, sentence.start, hi):
                    if not _NEGATED.search(ctx.text, max(sentence.start, m.start() - 20), m.start()):
                        best = max(best or (-1, ""), (m.start(), code))
    return best[1] if best else None


# "manfaat JKK, bukan hanya Jaminan Kematian": a programme said not to apply
_NEGATED = re.compile(r"(?i)\b(?:bukan|tidak|tak)(?:\s+(?:hanya|sekadar|sekedar|cuma|lagi|termasuk))?\s+$")


def _resolve(codes: list[str], death: str | None) -> list[str]:
    programs: set[str] = set()
    for code in codes:
        if code == DEATH:
            programs.add(death or "JKM")
        elif code == "injury":
            programs.add("JKK")
        else:
            programs.add(code)
    return [p for p in PROGRAM_ORDER if p in programs]


def _assign_programs(ctx: Context, amounts: list[_Amount]) -> None:
    lex = lexicon()
    text = ctx.text
    by_sentence: dict[int, list[_Amount]] = {}
    for amount in amounts:
        by_sentence.setdefault(amount.sentence.index, []).append(amount)
    for group in by_sentence.values():
        previous: _Amount | None = None
        for amount in group:
            sentence = amount.sentence
            lo = previous.end if previous else sentence.start
            before = text[sentence.start : amount.start]
            amount.aggregate = _aggregate(sentence)
            amount.total = amount.aggregate or bool(
                lex.total_cues.search(text[_clause_start(text, sentence, lo, amount.start) : amount.start])
            )
            cues = _cues(text, lo, amount.start)
            death_here = None
            if lex.work_accident.search(text, lo, amount.start):
                death_here = "JKK"
            codes = _group_codes(text, cues)
            including = lex.including.search(text, amount.end, _next_start(group, amount, sentence))
            if including:
                codes += [c for _, _, c in _cues(text, including.end(), _next_start(group, amount, sentence))
                          if c not in (DEATH, "injury")]
            if not codes and previous is None:
                codes = _codes_in_clause_after(text, amount, _next_start(group, amount, sentence))
            if not codes and previous is not None:
                amount.programs = list(previous.programs)
                amount.death = previous.death
                previous = amount
                continue
            if not codes and not amount.aggregate:
                codes = _codes_before(ctx, sentence)
            death = death_here or _death_program(ctx, amount.start)
            amount.programs = _resolve(codes, death) if _programme_payer(ctx, sentence, codes) else []
            amount.death = _is_death(codes, amount.programs)
            if amount.aggregate:
                amount.rule = "payout.claim_total"
            previous = amount


def _aggregate(sentence: Sentence) -> bool:
    """Is the sentence about a branch's or region's claim figures: a period
    word, or "klaim" with a year or a count of people or claims?"""
    lex = lexicon()
    text = sentence.text
    if lex.aggregate_cues.search(text):
        return True
    if not lex.claim_cues.search(text):
        return False
    money = [(m.start, m.end) for m in find_money(text)]
    return any(not any(a <= n.start < b for a, b in money) for n in find_numbers(text))


def _programme_payer(ctx: Context, sentence: Sentence, codes: list[str]) -> bool:
    """May the amount be a BPJS Ketenagakerjaan benefit? A programme named for
    it says so; a bare "santunan" is not when its sentence names another
    payer alone ("santunan Rp25 juta dari Jasa Raharja"), nor in an article
    that names another payer and neither that body nor its programmes."""
    lex = lexicon()
    if any(code not in (DEATH, "injury") for code in codes):
        return True
    if lex.bpjs_names.search(sentence.text):
        return True
    if lex.other_payers.search(sentence.text):
        return False
    about_bpjs = lex.bpjs_names.search(ctx.text) or any(p.search(ctx.text) for _, p in lex.programs)
    return bool(about_bpjs) or not lex.other_payers.search(ctx.text)


def _codes_in_clause_after(text: str, amount: _Amount, next_start: int) -> list[str]:
    """Programmes named after the amount in its own clause, before the next
    amount ("masing-masing Rp 42 juta diterima 6 orang yang tercover program
    JKM"): the first run of names."""
    hi = min(_clause_end_after(text, amount), next_start)
    named = [c for c in _cues(text, amount.end, hi) if c[2] not in (DEATH, "injury")]
    run = named[:1]
    for cue in named[1:]:
        if not re.fullmatch(r"[\s,()/&-]*(?:(?:dan|serta|atau|maupun)[\s,()]*)?", text[run[-1][1] : cue[0]], re.I):
            break
        run.append(cue)
    return [code for _, _, code in run]


def _group_codes(text: str, cues: list[tuple[int, int, str]]) -> list[str]:
    """The nearest programme names, or else the nearest component."""
    named = [c for c in cues if c[2] not in (DEATH, "injury")]
    components = [c for c in cues if c[2] in (DEATH, "injury")]
    if named and (not components or named[-1][0] > components[-1][0] or _beasiswa_only(named)):
        codes = _nearest_group(text, named)
        if codes == ["beasiswa"] and components:
            codes.append(components[-1][2])
        return codes
    if components:
        last = components[-1][2]
        return [last] + (["beasiswa"] if any(c[2] == "beasiswa" for c in named) else [])
    return []


def _beasiswa_only(named: list[tuple[int, int, str]]) -> bool:
    return all(c[2] == "beasiswa" for c in named)


def _next_start(group: list[_Amount], amount: _Amount, sentence: Sentence) -> int:
    later = [a.start for a in group if a.start > amount.start]
    return later[0] if later else sentence.end


def _codes_before(ctx: Context, sentence: Sentence) -> list[str]:
    """The programme cue of the nearest sentence before (within a few) that has one."""
    position = ctx.sentences.index(sentence)
    for earlier in reversed(ctx.sentences[max(0, position - PREVIOUS_SENTENCES) : position]):
        cues = _cues(ctx.text, earlier.start, earlier.end)
        codes = _group_codes(ctx.text, cues)
        if codes:
            return codes
    return []


def _is_death(codes: list[str], programs: list[str]) -> bool:
    """Is the amount a death benefit (its beneficiary is the deceased, never
    the person receiving it)? Old-age, pension and injury benefits are not."""
    if "injury" in codes:
        return False
    if programs and set(programs) <= {"JHT", "JP", "JKP"}:
        return False
    return True


# ---- beneficiaries ------------------------------------------------------------


@dataclass
class _Item:
    amount: _Amount
    value: int
    beneficiary: str | None
    programs: list[str]
    kind: str = "single"
    group: int | None = None  # items of one "masing-masing" share a group
    heir: str | None = None


def _people_before(ctx: Context, amount: _Amount, people: dict[int, list[_Person]]) -> list[_Person]:
    """People named before the amount, nearest last."""
    out = []
    for sentence in ctx.sentences:
        if sentence.start > amount.start:
            break
        out += [p for p in people.get(sentence.index, []) if p.start < amount.start]
    return out


def _insured_before(ctx: Context, amount: _Amount, people: dict[int, list[_Person]]) -> str | None:
    """The last insured worker named before the amount; for a living worker's
    benefit also a plainly named person of the last sentences."""
    position = ctx.sentences.index(amount.sentence)
    nearby = {s.index for s in ctx.sentences[max(0, position - NAME_WINDOW) : position + 1]}
    for person in reversed(_people_before(ctx, amount, people)):
        if person.insured:
            return person.name
        if not amount.death and ctx.sentence_at(person.start).index in nearby:
            return person.name
    # "Keluarga korban menerima santunan Rp 10 juta ... ayah almarhum Helmi":
    # the one deceased the article names, even after the amount
    insured = {p.name for persons in people.values() for p in persons if p.insured}
    return insured.pop() if amount.death and len(insured) == 1 else None


def _sentence_people(amount: _Amount, people: dict[int, list[_Person]]) -> list[_Person]:
    """People of the amount's sentence who may be its beneficiary: the insured
    ones; for a living worker's benefit also plainly named people."""
    return [p for p in people.get(amount.sentence.index, []) if p.insured or not amount.death]


def _recipient_count(ctx: Context, sentence: Sentence, upto: int, nouns: re.Pattern[str] | None = None) -> int | None:
    """ "kepada empat ahli waris", "Kelima almarhum": how many receive (of
    `nouns`, by default the recipient nouns)."""
    lex = lexicon()
    nouns = nouns or lex.recipients
    text = ctx.text
    best = None
    for number in find_numbers(text[sentence.start : upto]):
        after = sentence.start + number.end
        # "kepada empat ahli waris", or "kepada ahli waris dua nelayan" (heirs of two)
        heirs_of = lex.heirs_before.search(text, sentence.start, sentence.start + number.start) and nouns is lex.recipients
        if heirs_of or nouns.match(text, after + len(text[after:]) - len(text[after:].lstrip())):
            value = number.value
            if isinstance(value, int) and 2 <= value <= lex.max_recipients and not number.approximate:
                best = value
    for m in re.finditer(r"(?i)\bke(\w+?)(?:nya)?\s+(?=\w)", text[sentence.start : upto]):
        value = parse_number(m.group(1))
        after = sentence.start + m.end()
        if isinstance(value, int) and 2 <= value <= lex.max_recipients and nouns.match(text, after):
            best = value
    return best


def _expand(ctx: Context, amounts: list[_Amount], people: dict[int, list[_Person]]) -> list[_Item]:
    lex = lexicon()
    text = ctx.text
    items: list[_Item] = []
    group_id = 0
    by_sentence: dict[int, list[_Amount]] = {}
    for amount in amounts:
        by_sentence.setdefault(amount.sentence.index, []).append(amount)
    for amount in amounts:
        sentence = amount.sentence
        siblings = by_sentence[sentence.index]
        each = _each_marker(text, sentence, amount)
        candidates = _sentence_people(amount, people)
        if amount.aggregate and not any(p.insured for p in candidates):
            items.append(_Item(amount, amount.value, None, amount.programs, "total"))
            continue
        if each is not None:
            respective = _listed_after(text, [a for a in siblings if a.start > each])
            if len(respective) >= 2 and amount in respective:
                index = respective.index(amount) if amount in respective else 0
                names = [p.name for p in candidates]
                if len(names) == len(respective):
                    who = names[index]
                elif len(names) == 1:
                    who = names[0]
                else:
                    who = None
                items.append(_Item(amount, amount.value, who, amount.programs))
                continue
            recipients = _recipients(ctx, amount, candidates, people)
            if recipients is not None:
                group_id += 1
                amount.rule = "payout.each_recipient"
                items += [_Item(amount, amount.value, who, amount.programs, group=group_id) for who in recipients]
                continue
        if candidates:
            insured = [p for p in candidates if p.insured]
            who = (insured or candidates)[0].name
            if len(candidates) > 1:
                index = siblings.index(amount)
                if len(candidates) == len(siblings):
                    who = candidates[index].name
        elif amount.total:
            restated = _sentence_people(amount.restated, people) if amount.restated else []
            insured = [p for p in restated if p.insured]
            who = insured[0].name if len(insured) == 1 else None
            if who is None and not amount.aggregate and not _recipient_count(ctx, sentence, amount.start):
                # "total manfaat yang diterima ahli waris mencapai Rp177,24 juta": one worker's
                who = _insured_before(ctx, amount, people)
        else:
            who = _insured_before(ctx, amount, people)
        heirs = [p.name for p in people.get(sentence.index, []) if not p.insured and p.name != who]
        heir = heirs[0] if amount.death and heirs else None  # "Sulastri menerima santunan kematian ..."
        items.append(_Item(amount, amount.value, who, amount.programs, "total" if amount.total else "single", heir=heir))
    return items


def _each_marker(text: str, sentence: Sentence, amount: _Amount) -> int | None:
    """Offset of "masing-masing" governing the amount, or None."""
    lex = lexicon()
    marks = [m for m in lex.each.finditer(text, sentence.start, amount.start)]
    if marks:
        between = text[marks[-1].end() : amount.start]
        if len(between.split()) <= lex.each_window:
            return marks[-1].start()
    # "Rp 42 juta masing-masing", "Rp 42 juta diberikan kepada masing-masing ahli waris"
    after = lex.each.search(text, amount.end, _clause_end_after(text, amount))
    if after and len(text[amount.end : after.start()].split()) <= 3:
        return amount.start - 1
    return None


def _listed_after(text: str, amounts: list[_Amount]) -> list[_Amount]:
    """The amounts of "masing-masing Rp A dan Rp B" that form one list: the
    first and those following it with only a few words in between (not
    "masing-masing Rp 42 juta diterima 6 orang ..., sedangkan dua orang ...
    mendapat Rp 70 juta")."""
    listed = amounts[:1]
    for amount in amounts[1:]:
        if len(text[listed[-1].end : amount.start].split()) > 4:
            break
        listed.append(amount)
    return listed


def _clause_end_after(text: str, amount: _Amount) -> int:
    """Where the clause holding the amount ends: the next punctuation mark, or the sentence's end."""
    return amount.end + re.search(r"[,;:.]\s|$", text[amount.end : amount.sentence.end]).start()


def _recipients(
    ctx: Context, amount: _Amount, candidates: list[_Person], people: dict[int, list[_Person]]
) -> list[str | None] | None:
    """The recipients of a "masing-masing" amount: names in its sentence
    with the unnamed recipients listed beside them, else a count in it, else
    names or a count in the sentences just before."""
    listed = [(p.start, p.name) for p in candidates] + [
        (offset, None) for offset, count in _unnamed_recipients(ctx.text, amount.sentence) for _ in range(count)
    ]
    if len(listed) >= 2 and candidates:
        return [name for _, name in sorted(listed, key=lambda pair: pair[0])]
    count = _recipient_count(ctx, amount.sentence, amount.start) or _recipient_count(
        ctx, amount.sentence, _clause_end_after(ctx.text, amount)
    )
    if count:
        # "Rp42 juta kepada ahli waris dua nelayan, salah satunya almarhum Darsono"
        named = [p.name for p in candidates if p.insured][:count]
        if not named:
            listed_next = _group_named_next(ctx, amount.sentence)
            named = listed_next if len(listed_next) == count else []
        return named + [None] * (count - len(named))
    relatives = _recipient_count(ctx, amount.sentence, amount.start, lexicon().relative_recipients)
    if relatives:
        return [_insured_before(ctx, amount, people)] * relatives
    position = ctx.sentences.index(amount.sentence)
    for earlier in reversed(ctx.sentences[max(0, position - 3) : position]):
        victims = lexicon().victim_words.search(earlier.text) is not None
        named = [p.name for p in people.get(earlier.index, []) if p.insured or not amount.death or victims]
        if len(named) >= 2:
            return named
        count = _recipient_count(ctx, earlier, earlier.end)
        if count:
            return [None] * count
    return None


def _group_named_next(ctx: Context, sentence: Sentence) -> list[str]:
    """The names of the sentence after a counted group's amount when it opens
    with "Mereka adalah": "A, pekerja ...; B dan C, ...; dan D dari ..."."""
    position = ctx.sentences.index(sentence)
    if position + 1 >= len(ctx.sentences):
        return []
    following = ctx.sentences[position + 1]
    opener = lexicon().group_list_opener.match(following.text)
    if not opener:
        return []
    start = following.start + opener.end()
    if ";" not in following.text:
        return [name for _, _, name in _names_after(ctx.text, start, following.end)]
    names = []
    for piece in re.split(r";", ctx.text[start : following.end]):
        head = re.split(r",|\s(?:dari|dan\s+(?=[a-z]))\s", piece.strip().removeprefix("dan ").strip())[0]
        for part in re.split(r"\s+dan\s+", head.strip(" .")):
            run = _NAME_RUN.fullmatch(part.strip())
            name = _clean_name(run.group()) if run else None
            if name is None:
                return []
            names.append(name)
    return names


def _unnamed_recipients(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """(offset, how many) of each unnamed recipient of a list: "ahli waris
    seorang penarik becak" (one), "dua ahli waris lain" (two)."""
    lex = lexicon()
    found = [(m.start(), 1) for m in lex.unnamed_one.finditer(text, sentence.start, sentence.end)]
    for m in lex.unnamed_others.finditer(text, sentence.start, sentence.end):
        value = 1 if m.group(1).casefold() == "seorang" else parse_number(m.group(1))
        if isinstance(value, int) and 1 <= value <= lex.max_recipients:
            found.append((m.start(), value))
    return found


# ---- totals, duplicates -------------------------------------------------------


def _drop_restatements(amounts: list[_Amount]) -> list[_Amount]:
    """An approximate amount ("Rp 280 juta lebih") restating an exact one
    nearby ("Rp 288.900.000") is the same payout."""
    exact = [a for a in amounts if not a.approximate]
    kept = []
    for amount in amounts:
        same = [
            other
            for other in exact
            if amount.value <= other.value < amount.value * 1.1 or abs(other.value - amount.value) <= amount.value * 0.02
        ]
        if amount.approximate and same:
            same[0].restated = same[0].restated or amount
            continue
        kept.append(amount)
    return kept


def _match_totals(items: list[_Item]) -> None:
    """A total that the items just before (or just after) it add up to takes
    their programmes and, when they share one, their beneficiary."""
    for position, item in enumerate(items):
        approximate = item.amount.approximate and item.group is None
        # an exact amount the items next to it add up to is their total too
        # ("menerima manfaat JKK senilai Rp187.120.000" before its breakdown)
        exact_sum = item.kind == "single" and item.group is None and not item.amount.approximate
        if item.kind != "total" and not approximate and not exact_sum:
            continue
        for run in (list(reversed(items[:position])), items[position + 1 :]):
            # a lump sum leaves out what is paid every month or year
            run = [part for part in run if not _periodic(part.amount)]
            parts = _summing_run(item.value, run, approximate)
            if parts:
                programs = {p for part in parts for p in part.programs}
                item.programs = [p for p in PROGRAM_ORDER if p in programs]
                beneficiaries = {part.beneficiary for part in parts}
                item.beneficiary = beneficiaries.pop() if len(beneficiaries) == 1 else None
                for part in parts:
                    if part.kind == "single":
                        part.kind = "component"
                item.kind = "total"
                item.amount.rule = "payout.stated_total"
                break


def _periodic(amount: _Amount) -> bool:
    """"JP berkala Rp412.500 per bulan": a monthly amount (a yearly beasiswa
    is part of the first payment, a monthly pension is not)."""
    after = amount.sentence.text[amount.end - amount.sentence.start :]
    return re.match(r"\s*(?:per|setiap|tiap|/)\s*(?:bulan|bln)\b", after, re.IGNORECASE) is not None


def _summing_run(target: int, run: list[_Item], approximate: bool = False) -> list[_Item] | None:
    """The items of `run`, in order, that add up to `target` (for an
    approximate "Rp 215 juta lebih": to at least it, less than 10% more,
    taking as many as fit)."""
    ceiling = target * 1.1 if approximate else target
    total = 0
    for count, item in enumerate(run, start=1):
        total += item.value
        if total > ceiling:
            return None
        if count >= 2 and total >= target:
            if not approximate:
                return run[:count]
            following = run[count] if count < len(run) else None
            if following is None or total + following.value > ceiling or following.kind == "total":
                return run[:count]
    return None


def _dedupe(items: list[_Item]) -> list[_Item]:
    """The same amount for the same named beneficiary, stated twice, is one
    payout; so is a total stated again ("total Rp 392 juta" in the lead and in
    the body), unless it names someone the first statement did not."""
    kept: list[_Item] = []
    for item in items:
        if item.group is None and any(
            k.value == item.value
            and k.group is None
            and (
                (item.beneficiary is not None and k.beneficiary == item.beneficiary)
                or (item.kind == "total" and item.beneficiary in (None, k.beneficiary))
            )
            for k in kept
        ):
            continue
        kept.append(item)
    return kept


# ---- entry point ------------------------------------------------------------


def extract_payouts(ctx: Context) -> list[Payout]:
    """Every payout and stated total of the article, in text order."""
    amounts = _drop_restatements(_candidates(ctx))
    if not amounts:
        return []
    _assign_programs(ctx, amounts)
    people = {s.index: _persons(ctx, s) for s in ctx.sentences}
    invented_words = _invented_words(ctx)
    items = [item for item in _expand(ctx, amounts, people) if not _invented(item.beneficiary, invented_words)]
    _match_totals(items)
    payouts = []
    for item in _dedupe(items):
        amount = item.amount
        payouts.append(
            Payout(
                amount_idr=item.value,
                beneficiary=item.beneficiary,
                heir=item.heir,
                programs=list(item.programs),
                kind=item.kind,
                provenance=ctx.provenance(amount.start, amount.end, amount.rule),
            )
        )
    return payouts
