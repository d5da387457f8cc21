"""Who receives each amount: beneficiaries, "masing-masing" and counted groups."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.facts.context import Context
from extract.facts.payouts.amounts import _Amount, _clause_end_after, _clause_start
from extract.facts.payouts.lexicon import NAME_WINDOW, lexicon
from extract.facts.payouts.names import _NAME_RUN, People, _clean_name, _names_after, _Person
from extract.facts.payouts.spans import DocSpans
from extract.facts.text import Sentence
from extract.normalize.numbers import parse_number


@dataclass
class _Item:
    amount: _Amount
    value: int
    beneficiary: str | None
    programs: list[str]
    kind: str = "single"
    group: int | None = None  # items of one "masing-masing" share a group
    heir: str | None = None


def _people_before(ctx: Context, amount: _Amount, people: People) -> list[_Person]:
    """People named before the amount, nearest last."""
    out = []
    for sentence in ctx.sentences:
        if sentence.start > amount.start:
            break
        out += [p for p in people.of(sentence) if p.start < amount.start]
    return out


def _insured_before(ctx: Context, amount: _Amount, people: People) -> str | None:
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
    insured = {p.name for p in people.everyone() if p.insured}
    return insured.pop() if amount.death and len(insured) == 1 else None


def _sentence_people(amount: _Amount, people: People) -> list[_Person]:
    """People of the amount's sentence who may be its beneficiary: the insured
    ones; for a living worker's benefit also plainly named people."""
    return [p for p in people.of(amount.sentence) if p.insured or not amount.death]


def _recipient_count(
    ctx: Context, spans: DocSpans, sentence: Sentence, upto: int, nouns: re.Pattern[str] | None = None
) -> int | None:
    """ "kepada empat ahli waris", "Kelima almarhum": how many receive (of
    `nouns`, by default the recipient nouns)."""
    lex = lexicon()
    nouns = nouns or lex.recipients
    text = ctx.text
    best = None
    for number in spans.numbers(sentence.start, upto):
        after = number.end
        # "kepada empat ahli waris", or "kepada ahli waris dua nelayan" (heirs of two)
        heirs_of = lex.heirs_before.search(text, sentence.start, number.start) and nouns is lex.recipients
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


def _expand(ctx: Context, spans: DocSpans, amounts: list[_Amount], people: People) -> list[_Item]:
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
            recipients = _recipients(ctx, spans, amount, candidates, people)
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
            if who is None and not amount.aggregate and not _recipient_count(ctx, spans, sentence, amount.start):
                # "total manfaat yang diterima ahli waris mencapai Rp177,24 juta": one worker's
                who = _insured_before(ctx, amount, people)
        else:
            who = _insured_before(ctx, amount, people)
        heirs = [p.name for p in people.of(sentence) if not p.insured and p.name != who]
        heir = heirs[0] if amount.death and heirs else None  # "Sulastri menerima santunan kematian ..."
        items.append(
            _Item(amount, amount.value, who, amount.programs, "total" if amount.total else "single", heir=heir)
        )
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
    "masing-masing Rp 42 juta untuk lima keluarga ..., adapun tiga keluarga ...
    memperoleh Rp 85 juta")."""
    listed = amounts[:1]
    for amount in amounts[1:]:
        if len(text[listed[-1].end : amount.start].split()) > 4:
            break
        listed.append(amount)
    return listed


def _recipients(
    ctx: Context, spans: DocSpans, amount: _Amount, candidates: list[_Person], people: People
) -> list[str | None] | None:
    """The recipients of a "masing-masing" amount: names in its sentence
    with the unnamed recipients listed beside them, else a count in it, else
    names or a count in the sentences just before."""
    listed = [(p.start, p.name) for p in candidates] + [
        (offset, None) for offset, count in _unnamed_recipients(ctx.text, amount.sentence) for _ in range(count)
    ]
    if len(listed) >= 2 and candidates:
        return [name for _, name in sorted(listed, key=lambda pair: pair[0])]
    count = _recipient_count(ctx, spans, amount.sentence, amount.start) or _recipient_count(
        ctx, spans, amount.sentence, _clause_end_after(ctx.text, amount)
    )
    if count:
        # "Rp42 juta kepada ahli waris dua nelayan, salah satunya almarhum Darsono"
        named = [p.name for p in candidates if p.insured][:count]
        if not named:
            listed_next = _group_named_next(ctx, amount.sentence)
            named = listed_next if len(listed_next) == count else []
        return named + [None] * (count - len(named))
    relatives = _recipient_count(ctx, spans, amount.sentence, amount.start, lexicon().relative_recipients)
    if relatives:
        return [_insured_before(ctx, amount, people)] * relatives
    position = ctx.sentences.index(amount.sentence)
    for earlier in reversed(ctx.sentences[max(0, position - 3) : position]):
        victims = lexicon().victim_words.search(earlier.text) is not None
        named = [p.name for p in people.of(earlier) if p.insured or not amount.death or victims]
        if len(named) >= 2:
            return named
        count = _recipient_count(ctx, spans, earlier, earlier.end)
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


def _expand_counted_by_total(ctx: Context, spans: DocSpans, items: list[_Item]) -> list[_Item]:
    """ "masing-masing Rp 42 juta untuk lima keluarga, adapun tiga keluarga
    peserta JKK memperoleh Rp 85 juta", with a stated total of Rp 465 juta: a
    count of recipients in the amount's own clause, without "masing-masing",
    is one payout each when the article's total says so (6 x 42 + 2 x 70)."""
    totals = {i.value for i in items if i.kind == "total"}
    parts = [i for i in items if i.kind != "total"]
    if not totals or not parts:
        return items
    base = sum(i.value for i in parts)
    out = list(items)
    for item in parts:
        if item.group is not None:
            continue
        sentence = item.amount.sentence
        clause = _clause_start(ctx.text, sentence, sentence.start, item.amount.start)
        clause_count = _recipient_count(
            ctx, spans, Sentence(sentence.index, clause, sentence.end, ""), item.amount.start
        )
        if clause_count and base + (clause_count - 1) * item.value in totals:
            position = out.index(item)
            out[position + 1 : position + 1] = [
                _Item(item.amount, item.value, item.beneficiary, item.programs) for _ in range(clause_count - 1)
            ]
            base += (clause_count - 1) * item.value
    return out
