"""The programmes of each payout amount, and whether it is a death benefit."""

from __future__ import annotations

import re

from extract.facts.context import Context
from extract.facts.payouts.amounts import _Amount, _clause_end_after, _clause_start
from extract.facts.payouts.lexicon import (
    DEATH,
    PREVIOUS_SENTENCES,
    lexicon,
)
from extract.facts.payouts.spans import DocSpans, programme_codes
from extract.facts.text import Sentence


def _cues(spans: DocSpans, text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Programme cues between lo and hi as (start, end, code); code is a
    programme (a PROGRAM span), DEATH for a death component or "injury"."""
    lex = lexicon()
    cues = [(p.start, p.end, p.code) for p in spans.programmes(lo, hi)]
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


def _death_program(ctx: Context, spans: DocSpans, offset: int) -> str | None:
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
        for programme in spans.programmes(sentence.start, hi):
            if programme.code in ("JKK", "JKM"):
                if not _NEGATED.search(ctx.text, max(sentence.start, programme.start - 20), programme.start):
                    best = max(best or (-1, ""), (programme.start, programme.code))
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
    return [p for p in programme_codes() if p in programs]


def _assign_programs(ctx: Context, spans: DocSpans, amounts: list[_Amount]) -> None:
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
            amount.aggregate = _aggregate(spans, sentence)
            amount.total = amount.aggregate or bool(
                lex.total_cues.search(text[_clause_start(text, sentence, lo, amount.start) : amount.start])
            )
            cues = _cues(spans, text, lo, amount.start)
            death_here = None
            # "santunan kematian Rp380 juta ... kepada ahli waris pekerja yang
            # meninggal karena kecelakaan kerja": the cause may follow the amount
            if lex.work_accident.search(text, lo, amount.start) or _died_of_work_accident(
                text[amount.end : _next_start(group, amount, sentence)]
            ):
                death_here = "JKK"
            codes = _group_codes(text, cues)
            including = lex.including.search(text, amount.end, _next_start(group, amount, sentence))
            if including:
                codes += [
                    c
                    for _, _, c in _cues(spans, text, including.end(), _next_start(group, amount, sentence))
                    if c not in (DEATH, "injury")
                ]
            if not codes and previous is None:
                codes = _codes_in_clause_after(spans, text, amount, _next_start(group, amount, sentence))
            if not codes and previous is not None:
                amount.programs = list(previous.programs)
                amount.death = previous.death
                previous = amount
                continue
            if not codes and not amount.aggregate:
                codes = _codes_before(ctx, spans, sentence)
            if not amount.aggregate and _generic(text, cues, codes):
                codes = _codes_in_next_sentence(ctx, spans, sentence, amounts) or codes
            death = death_here or _death_program(ctx, spans, amount.start)
            amount.programs = _resolve(codes, death) if _programme_payer(ctx, spans, sentence, codes) else []
            amount.death = _is_death(codes, amount.programs)
            if amount.aggregate:
                amount.rule = "payout.claim_total"
            previous = amount


def _aggregate(spans: DocSpans, sentence: Sentence) -> bool:
    """Is the sentence about a branch's or region's claim figures: a period
    word, or "klaim" with a year or a count of people or claims?"""
    lex = lexicon()
    text = sentence.text
    if lex.aggregate_cues.search(text):
        return True
    if not lex.claim_cues.search(text):
        return False
    return spans.has_figure(sentence.start, sentence.end)


def _programme_payer(ctx: Context, spans: DocSpans, sentence: Sentence, codes: list[str]) -> bool:
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
    about_bpjs = lex.bpjs_names.search(ctx.text) or spans.any_programme()
    return bool(about_bpjs) or not lex.other_payers.search(ctx.text)


def _died_of_work_accident(text: str) -> bool:
    """ "... yang meninggal karena kecelakaan kerja" (not "peserta yang
    mengalami kecelakaan kerja", a general statement)."""
    lex = lexicon()
    for death in lex.death_words.finditer(text):
        accident = lex.work_accident.search(text, death.end())
        if accident and len(text[death.end() : accident.start()].split()) <= 4:
            return True
    return False


def _generic(text: str, cues: list[tuple[int, int, str]], codes: list[str]) -> bool:
    """Is the amount named only as "santunan" / "manfaat", with no programme?"""
    if not codes:
        return True
    return codes == [DEATH] and all(lexicon().generic_benefit.fullmatch(text[a:b]) for a, b, _ in cues)


def _codes_in_next_sentence(ctx: Context, spans: DocSpans, sentence: Sentence, amounts: list[_Amount]) -> list[str]:
    """ "Jumlah manfaat yang dibayarkan mencapai Rp163 juta. ... Bupati lalu
    menyerahkan klaim JKK dan JKM itu.": the programmes the next sentence names, when it hands over no
    amount of its own; the first run of names, before any amount."""
    position = ctx.sentences.index(sentence)
    if position + 1 >= len(ctx.sentences):
        return []
    following = ctx.sentences[position + 1]
    if any(a.sentence is following for a in amounts):
        return []
    money = spans.money(following.start, following.end)
    hi = money[0].start if money else following.end
    named = [c for c in _cues(spans, ctx.text, following.start, hi) if c[2] not in (DEATH, "injury")]
    run = named[:1]
    for cue in named[1:]:
        if not _JOINED.fullmatch(ctx.text[run[-1][1] : cue[0]]):
            break
        run.append(cue)
    return [code for _, _, code in run]


_JOINED = re.compile(r"[\s,()/&-]*(?:(?:dan|serta|atau|maupun)[\s,()]*)?", re.IGNORECASE)


def _codes_in_clause_after(spans: DocSpans, text: str, amount: _Amount, next_start: int) -> list[str]:
    """Programmes named after the amount in its own clause, before the next
    amount ("masing-masing Rp 42 juta untuk lima keluarga peserta program
    JKM"): the first run of names."""
    hi = min(_clause_end_after(text, amount), next_start)
    named = [c for c in _cues(spans, text, amount.end, hi) if c[2] not in (DEATH, "injury")]
    run = named[:1]
    for cue in named[1:]:
        if not _JOINED.fullmatch(text[run[-1][1] : cue[0]]):
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


def _codes_before(ctx: Context, spans: DocSpans, sentence: Sentence) -> list[str]:
    """The programme cue of the nearest sentence before (within a few) that has one."""
    position = ctx.sentences.index(sentence)
    for earlier in reversed(ctx.sentences[max(0, position - PREVIOUS_SENTENCES) : position]):
        cues = _cues(spans, ctx.text, earlier.start, earlier.end)
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
