"""Benefit amounts handed over: one item per amount per insured worker.

Amounts come from extract.normalize.money. An amount is a payout when the
nearest deciding word before it names a benefit ("santunan", "manfaat",
"klaim", "beasiswa", "menerima" ...) rather than other money ("iuran",
"anggaran", "upah", "harga" ...), and is not a limit ("hingga Rp 174 juta");
with no deciding word before it in its stretch of the sentence, the
sentence's first deciding word decides, and a bare "Totalnya Rp70 juta"
follows the sentence before (extract/data/facts/payouts.yaml).

* "masing-masing" multiplies: one item per insured worker named with it, or
  per the count of people given ("empat ahli waris ..., masing-masing Rp 42
  juta"); "masing-masing Rp X dan Rp Y" pairs amounts with names in order.
* The beneficiary is the insured worker (the deceased or injured, not the
  heir): named after "almarhum", "atas nama", "ahli waris dari Bapak", in a
  list after "almarhum adalah", or as "Nama, <occupation>". The nearest one in
  the sentence, else the last one named before. Branch or period claim
  totals, and totals over several workers, have none.
* An amount stated twice at different precision ("Rp 263 juta lebih",
  "Rp 263.525.600") is one item at the exact value.
* Programmes from the words around the amount; the parts of a death benefit
  (santunan kematian, biaya pemakaman, santunan berkala) are JKK after a work
  accident, JKM otherwise; a total carries the programmes of its parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.text import Sentence, load_lexicon, word_pattern
from extract.model import Payout
from extract.normalize.money import find_money
from extract.normalize.names import strip_titles

_NAME = r"(?:[A-Z](?:[a-z'’]+|\.)?)(?:\s+(?:[A-Z][a-z'’]+|[A-Z]\.)){0,3}"


@dataclass
class _Amount:
    sentence: Sentence
    start: int  # offsets in the article text
    end: int
    value: int
    approximate: bool
    segment: str  # text between the previous amount (or sentence start) and this one
    segment_start: int
    respective: list["_Amount"] = field(default_factory=list)


@dataclass
class _Insured:
    name: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _lexicon():
    data = load_lexicon("payouts")
    return {
        "payout": word_pattern(data["payout_words"]),
        "other": word_pattern(data["other_money_words"]),
        "limit": re.compile(r"(?:" + word_pattern(data["limit_words"]).pattern + r")\s*$", re.I),
        "total": word_pattern(data["total_words"]),
        "aggregate": word_pattern(data["aggregate_words"]),
        "programs": {name: word_pattern(words) for name, words in data["programs"].items()},
        "death": word_pattern(data["death_components"]),
        "insured": word_pattern(data["insured_markers"]),
        "list": word_pattern(data["list_markers"]),
        "occupations": word_pattern(load_lexicon("workers")["person_nouns"]),
    }


# ---- which amounts are payouts ---------------------------------------------


# "48 kali upah": how a benefit is computed, not a wage being reported
_WAGE_MULTIPLE = re.compile(r"\b\d+\s+kali\s+(?:upah|gaji)\w*(?:\s+(?:terakhir|bulanan|sebulan))?", re.I)


def _nearest(text: str) -> str | None:
    """"payout", "other" or None: the kind of the last deciding word in text."""
    lex = _lexicon()
    text = _WAGE_MULTIPLE.sub(" ", text)
    last_payout = max((m.end() for m in lex["payout"].finditer(text)), default=-1)
    last_other = max((m.end() for m in lex["other"].finditer(text)), default=-1)
    if last_payout < 0 and last_other < 0:
        return None
    return "payout" if last_payout > last_other else "other"


def _first(text: str) -> str | None:
    lex = _lexicon()
    text = _WAGE_MULTIPLE.sub(" ", text)
    payout = lex["payout"].search(text)
    other = lex["other"].search(text)
    if not payout and not other:
        return None
    if payout and (not other or payout.start() < other.start()):
        return "payout"
    return "other"


def _is_payout(amount: _Amount, sentence_text: str, previous_had_payout: bool) -> bool:
    lex = _lexicon()
    before = amount.segment
    if lex["limit"].search(before):
        return False
    kind = _nearest(before)
    if kind is None:
        kind = _first(sentence_text[: amount.start - amount.sentence.start])
    if kind is None:
        after = re.split(r"[,;.]", sentence_text[amount.end - amount.sentence.start :], maxsplit=1)[0]
        kind = _first(after)
        if kind is None and previous_had_payout and (lex["total"].search(before) or before.strip() == ""):
            kind = "payout"
    return kind == "payout"


def _candidates(ctx: Context) -> list[_Amount]:
    amounts: list[_Amount] = []
    previous_had_payout = False
    for sentence in ctx.sentences:
        found = []
        position = 0
        for match in find_money(sentence.text):
            amount = _Amount(
                sentence=sentence,
                start=sentence.start + match.start,
                end=sentence.start + match.end,
                value=int(match.value),
                approximate=bool(match.approximate),
                segment=sentence.text[position : match.start],
                segment_start=sentence.start + position,
            )
            position = match.end
            if amount.value > 0 and _is_payout(amount, sentence.text, previous_had_payout):
                found.append(amount)
        amounts.extend(found)
        previous_had_payout = bool(found)
    return _drop_restated(amounts)


def _drop_restated(amounts: list[_Amount]) -> list[_Amount]:
    """"Rp 263 juta lebih" and "Rp 263.525.600": the exact one stays."""
    kept = []
    for amount in amounts:
        rounded = amount.approximate or amount.value % 1_000_000 == 0
        exact = [
            other
            for other in amounts
            if other is not amount
            and other.value != amount.value
            and not other.approximate
            and amount.value <= other.value < amount.value * (1.1 if amount.approximate else 1.01)
        ]
        if rounded and exact:
            continue
        kept.append(amount)
    return kept


# ---- insured workers -------------------------------------------------------------


def _insured(ctx: Context) -> list[_Insured]:
    """Every insured worker named in the content sentences, in text order."""
    lex = _lexicon()
    official_keys = {o.key for o in ctx.results.get("officials", [])}
    found: dict[int, _Insured] = {}

    def add(name: str, start: int) -> None:
        name = re.sub(r"\s+(?:dan|yang)$", "", name.strip())
        bare, titles = strip_titles(name)  # "Bapak Mujali" -> "Mujali"
        if titles and bare and name.startswith(titles[0]):
            start += name.index(bare.split()[0])
        name = bare
        key = " ".join(name.casefold().split())
        if not name or key in official_keys or start in found:
            return
        found[start] = _Insured(name, start, start + len(name))

    for sentence in ctx.sentences:
        text = sentence.text
        # "almarhum Sukardi", "atas nama Paito", "sang suami, Slamet Hariyanto"
        for marker in lex["insured"].finditer(text):
            match = re.match(r"[\s,:]*(" + _NAME + r")", text[marker.end() :])
            if match and not _is_office(match.group(1)):
                add(match.group(1), sentence.start + marker.end() + match.start(1))
        # "ahli waris dari Bapak Mujali", "dan Bapak Heru Wibowo" in a payout sentence
        if re.search(r"(?i)ahli waris|santunan|manfaat|beasiswa", text):
            for match in re.finditer(r"\b(?:Bapak|Ibu|Bpk\.|Sdr\.|Sdri\.)\s+(" + _NAME + r")", text):
                if not _is_office(match.group(1)):
                    add(match.group(1), sentence.start + match.start(1))
        # "Kelima almarhum adalah A (...), B (...) dan C (...)"
        for marker in lex["list"].finditer(text):
            if not re.search(r"(?i)(almarhum\w*|peserta|penerima|ahli waris)\s*$", text[: marker.start()].rstrip()):
                continue
            rest = text[marker.end() :]
            for match in re.finditer(r"(?:^|,|;|\bdan\b)\s*(?:almarhumah?\s+)?(" + _NAME + r")", rest):
                add(match.group(1), sentence.start + marker.end() + match.start(1))
        # "Sutrisno, peternak sapi perah ..."; "dua peserta ..., Sugianto dan Marlina, menerima"
        for match in re.finditer(r"(?:^|[\s(])(" + _NAME + r"),\s+(?:seorang\s+)?(\w+)", text):
            if lex["occupations"].fullmatch(match.group(2)) and not _is_office(match.group(1)):
                add(match.group(1), sentence.start + match.start(1))
        for match in re.finditer(r"(?i:peserta|pekerja)[^.,;]{0,60},\s+(" + _NAME + r")\s+dan\s+(" + _NAME + r"),", text):
            add(match.group(1), sentence.start + match.start(1))
            add(match.group(2), sentence.start + match.start(2))
    return [found[k] for k in sorted(found)]


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    data = load_lexicon("officials")
    words = {str(h).split()[0].casefold() for h in data["office_heads"]}
    words |= {str(w).casefold() for w in data["name_stop_words"]}
    return frozenset(words)


def _is_office(name: str) -> bool:
    return name.split()[0].casefold().rstrip(".") in _office_words()


# ---- programmes -------------------------------------------------------------


def _programs_in(text: str) -> list[str]:
    lex = _lexicon()
    return [name for name, pattern in lex["programs"].items() if pattern.search(text)]


def _case_program(ctx: Context, amount: _Amount) -> str:
    """JKK when the death or injury came from a work accident, else JKM:
    the nearest of the two named in the sentence or the ones before."""
    lex = _lexicon()
    text = ctx.text[max(0, amount.sentence.start - 1500) : amount.end]
    last = {name: max((m.end() for m in lex["programs"][name].finditer(text)), default=-1) for name in ("JKK", "JKM")}
    if last["JKK"] < 0 and last["JKM"] < 0:
        return "JKM"
    return "JKK" if last["JKK"] > last["JKM"] else "JKM"


def _programs(ctx: Context, amount: _Amount) -> list[str]:
    lex = _lexicon()
    own = _programs_in(amount.segment)
    if lex["death"].search(amount.segment):
        case = _case_program(ctx, amount)
        own = [p for p in own if p not in ("JKK", "JKM")] + [case]
    if not own:
        before = ctx.text[amount.sentence.start : amount.start]
        own = _programs_in(before)[-1:] if _programs_in(before) else []
    return own


# ---- assembling ---------------------------------------------------------------


def extract_payouts(ctx: Context) -> list[Payout]:
    lex = _lexicon()
    amounts = _candidates(ctx)
    insured = _insured(ctx)
    counts = [w for w in ctx.results.get("worker_counts", []) if w.provenance is not None]
    payouts: list[Payout] = []
    group_start = 0  # index in payouts where the current total's parts begin
    for index, amount in enumerate(amounts):
        programs = _programs(ctx, amount)
        text_before = amount.segment
        sentence_text = amount.sentence.text
        provenance = ctx.provenance(amount.start, amount.end, "payouts.amount")
        aggregate = bool(lex["aggregate"].search(sentence_text)) or (
            amount.value >= 1_000_000_000 and re.search(r"(?i)klaim", sentence_text) is not None
        )
        if re.search(r"(?i)masing-masing", _clause_before(ctx, amount)):
            recipients = _recipients(ctx, amount, amounts, insured, counts)
            for name in recipients:
                payouts.append(Payout(amount.value, name, None, list(programs), "single", None, provenance))
            continue
        if lex["total"].search(text_before) and not aggregate:
            parts = payouts[group_start:]
            names = {p.beneficiary for p in parts}
            beneficiary = next(iter(names)) if len(names) == 1 and len(parts) > 0 else None
            if not parts:
                beneficiary = _beneficiary(amount, insured)
            union = list(programs)
            for part in parts:
                union.extend(p for p in part.programs if p not in union)
            payouts.append(Payout(amount.value, beneficiary, None, union, "total", None, provenance))
            group_start = len(payouts)
            continue
        beneficiary = None if aggregate else _beneficiary(amount, insured)
        kind = "total" if aggregate else "component"
        if payouts and payouts[-1].beneficiary != beneficiary and payouts[group_start:]:
            group_start = len(payouts)
        payouts.append(Payout(amount.value, beneficiary, None, list(programs), kind, None, provenance))
    _add_case_programs(payouts)
    return _dedupe(payouts)


def _clause_before(ctx: Context, amount: _Amount) -> str:
    """The text before the amount back to the sentence start or the amount before."""
    return amount.segment


def _beneficiary(amount: _Amount, insured: list[_Insured]) -> str | None:
    same = [i for i in insured if amount.sentence.start <= i.start < amount.sentence.end]
    before = [i for i in same if i.start < amount.start]
    if before:
        return before[-1].name
    if same:
        return same[0].name
    earlier = [i for i in insured if i.start < amount.start]
    return earlier[-1].name if earlier else None


def _recipients(ctx: Context, amount: _Amount, amounts: list[_Amount], insured, counts) -> list[str | None]:
    """Who each receive the amount under "masing-masing"."""
    sentence = amount.sentence
    # "masing-masing Rp X dan Rp Y": amounts in order, one per name
    siblings = [a for a in amounts if a.sentence is sentence]
    same_names = [i.name for i in insured if sentence.start <= i.start < amount.start]
    if len(siblings) > 1 and len(same_names) == len(siblings):
        return [same_names[siblings.index(amount)]]
    if len(siblings) > 1 and amount is not siblings[0] and re.fullmatch(r"\s*dan\s*", amount.segment):
        return []  # paired above with the first amount's names
    if len(same_names) >= 2:
        return same_names
    count = _count_before(counts, sentence.start, amount.start)
    if count:
        return [None] * count
    window_start = ctx.sentences[max(0, sentence.index - 4)].start if ctx.sentences else 0
    names = [i.name for i in insured if window_start <= i.start < sentence.start]
    if len(names) >= 2:
        return names
    count = _count_before(counts, window_start, sentence.start)
    if count:
        return [None] * count
    return [names[-1] if names else (same_names[0] if same_names else None)]


def _count_before(counts, start: int, end: int) -> int | None:
    inside = [c for c in counts if start <= c.provenance.start < end and 2 <= c.value <= 100]
    return inside[-1].value if inside else None


def _add_case_programs(payouts: list[Payout]) -> None:
    """A scholarship paid because a worker died carries the death benefit's
    programme too (JKK or JKM) when that worker's death benefit is listed."""
    for payout in payouts:
        if "beasiswa" in payout.programs and not {"JKK", "JKM"} & set(payout.programs):
            cases = [
                p for other in payouts if other.beneficiary == payout.beneficiary for p in other.programs if p in ("JKK", "JKM")
            ]
            if cases:
                payout.programs.insert(0, cases[0])


def _dedupe(payouts: list[Payout]) -> list[Payout]:
    """The same amount for the same worker stated twice is one item
    ("masing-masing" items stay apart: they are different workers)."""
    out: list[Payout] = []
    for payout in payouts:
        twin = next(
            (
                p
                for p in out
                if p.amount_idr == payout.amount_idr
                and p.beneficiary == payout.beneficiary
                and p.beneficiary is not None
            ),
            None,
        )
        if twin is not None:
            continue
        out.append(payout)
    return out
