"""Linking a name to its office in a sentence: office then name, name then
office, name then link ("selaku") then office."""

from __future__ import annotations

from dataclasses import dataclass

from extract.facts.officials.lexicon import fold
from extract.facts.officials.names import SentenceView
from extract.facts.officials.titles import clean_name, full_name, is_honorific
from extract.facts.text import Sentence


@dataclass
class Mention:
    name: str  # as written, titles included
    start: int  # offsets of the name
    end: int
    position: str | None
    position_start: int | None
    position_end: int | None
    rule: str
    sentence: Sentence


def find_mentions(view: SentenceView) -> list[Mention]:
    mentions: list[Mention] = []
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
        if mention and view.words[i][:1].islower() and not full_name(mention.name) and not _quoted(view, mention):
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


def _quoted(view: SentenceView, mention: Mention) -> bool:
    """The article quotes the mention's one-word name with a speech verb."""
    bare, _ = clean_name(mention.name)
    return len(bare.split()) == 1 and fold(bare) in view.known_names


def _office_then_name(view: SentenceView, i: int) -> tuple[Mention | None, int]:
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


def _closes_apposition(view: SentenceView, j: int) -> bool:
    """An appositive name ends at a comma, a bracket, a lowercase word
    (a verb) or the end of the sentence, not at another capitalised word."""
    if j >= len(view):
        return True
    if j > 0 and view.words[j - 1].endswith(".") and is_honorific(view.words[j - 1]):
        return True  # "..., Drs. H. Deden Rohman Sidik, M.Si. Dalam sambutannya"
    word = view.words[j]
    return word in {",", ")", ".", ";", ":", "(", '"', "”"} or word[:1].islower()


def _name_then_office(view: SentenceView, i: int) -> Mention | None:
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


def _name_link_office(view: SentenceView, link_at: int, link_len: int) -> Mention | None:
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
    view: SentenceView, name_start: int, name_end: int, office_start: int, office_end: int, rule: str
) -> Mention:
    while name_end > name_start and view.words[name_end - 1] == ",":
        name_end -= 1
    while office_end > office_start and view.words[office_end - 1] in {",", "("}:
        office_end -= 1
    return Mention(
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
