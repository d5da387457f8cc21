"""One Official per person: mentions merged by key, short forms and
nicknames joined to the full name; the same person across articles."""

from __future__ import annotations

import re

from extract.facts.context import Context
from extract.facts.officials.lexicon import lexicon
from extract.facts.officials.linking import Mention
from extract.facts.officials.titles import clean_name
from extract.model import Official, Provenance


def _words(key: str) -> set[str]:
    """The words of a key, hyphens and dots aside ("haning- bullu")."""
    return set(re.findall(r"\w+", key))


def person_key(name: str) -> str:
    return " ".join(name.casefold().split())


def resolve(mentions: list[Mention], ctx: Context) -> list[Official]:
    """Merge mentions of one person into one Official, in order of first mention."""
    groups: dict[str, list[tuple[Mention, str, list[str]]]] = {}
    for mention in mentions:
        bare, titles = clean_name(mention.name)
        if not bare:
            continue
        groups.setdefault(person_key(bare), []).append((mention, bare, titles))
    # nicknames: "Hanindhito Himawan Pramana atau yang akrab disapa Mas Dhito"
    for before, alias in _aliases(ctx):
        full = next((k for k in groups if before.endswith(k) and k != alias), None)
        if alias in groups and full is not None:
            groups[full].extend(groups.pop(alias))
    # short forms: every word of the key belongs to exactly one longer key
    keys = sorted(groups, key=lambda k: len(k.split()), reverse=True)
    # longest short forms first, so "paulina haning" joins "paulina haning-
    # bullu" before "paulina" looks for its one longer name
    for short in sorted(groups, key=lambda k: len(k.split()), reverse=True):
        words = _words(short)
        longer = [k for k in keys if k in groups and k != short and len(_words(k)) > len(words) and words <= _words(k)]
        if len(longer) == 1 and short in groups:
            groups[longer[0]].extend(groups.pop(short))
    officials = []
    for key, items in groups.items():
        items.sort(key=lambda item: _order(item[0]))
        fullest = max(items, key=lambda item: len(item[1].split()))
        positions = [item[0] for item in items if item[0].position]
        best = max(positions, key=lambda m: len(m.position.split())) if positions else None
        titles = []
        for _, _, item_titles in items:
            titles.extend(t for t in item_titles if t not in titles)
        official = Official(
            name=fullest[1],
            position=" ".join(best.position.split()) if best else None,
            titles=titles,
            organisation=_organisation(best.position) if best else None,
            region_code=_region_code(best.position) if best else None,
            key=key,
            provenance=[_provenance(item[0]) for item in items],
        )
        officials.append((_order(items[0][0]), official))
    officials.sort(key=lambda pair: pair[0])
    return [official for _, official in officials]


def _order(mention: Mention) -> tuple[int, int]:
    """Text first, then the captions in turn; by offset within each."""
    field = mention.sentence.field
    return (0 if field == "text" else 1 + int(field.partition(":")[2] or 0), mention.start)


def _aliases(ctx: Context) -> list[tuple[str, str]]:
    """(the folded text before the link, nickname key) for every "<Name>
    atau (yang akrab) disapa <Nickname>" in the content sentences."""
    lex = lexicon()
    found = []
    for sentence in ctx.sentences:
        for link in lex.alias_links.finditer(sentence.text):
            after = re.match(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)", sentence.text[link.end() :])
            if not after:
                continue
            nick, _ = clean_name(after.group(1))
            before = " ".join(clean_name(sentence.text[: link.start()])[0].casefold().split())
            if nick:
                found.append((before, person_key(nick)))
    return found


_ORG_START = re.compile(
    r"\b(BPJS|BPJamsostek|BPJAMSOSTEK|Dinas|Badan|Kantor|PT|CV|DPRD|Pemkab|Pemkot|Pemprov|Pemerintah|Kementerian|Bank|Polres|Kodim|RSUD|Universitas|Disnaker\w*|Dinsos|Bappeda)\b.*"
)


def _organisation(position: str) -> str | None:
    match = _ORG_START.search(position)
    if match:
        return match.group(0)
    regional = re.match(r"(?i)(wakil\s+)?(bupati|wali\s*kota)\s+(.+)", position)
    if regional:
        kind = "Kabupaten" if regional.group(2).lower() == "bupati" else "Kota"
        return f"Pemerintah {kind} {regional.group(3)}"
    return None


def _region_code(position: str) -> str | None:
    from extract.nlp.regions import resolve_region

    region = resolve_region(position)
    return region.code if region and region.resolved_from == "explicit" else None


def _provenance(mention: Mention) -> Provenance:
    from extract.facts.provenance import provenance

    # "is None", not "or": an office may open a caption, at offset 0
    start = mention.start if mention.position_start is None else min(mention.start, mention.position_start)
    end = mention.end if mention.position_end is None else max(mention.end, mention.position_end)
    return provenance(mention.sentence, start, end, mention.rule)


def link_across_articles(officials: list[Official]) -> dict[str, str]:
    """Key -> canonical key for officials found in many articles: a short
    form ("rini", from "Bupati Rini") is the one longer name whose words
    include all of its words and whose office shares its region or head word
    ("rini syarifah", Bupati Blitar). Keys that stay themselves are left out.
    For the store, which keeps one row per person."""
    by_key: dict[str, list[Official]] = {}
    for official in officials:
        by_key.setdefault(official.key, []).append(official)
    links: dict[str, str] = {}
    for short, group in by_key.items():
        words = set(short.split())
        candidates = [
            key
            for key, others in by_key.items()
            if key != short and words < set(key.split()) and any(_same_office(a, b) for a in group for b in others)
        ]
        if len(candidates) == 1:
            links[short] = candidates[0]
    return links


def _same_office(a: Official, b: Official) -> bool:
    if a.region_code and b.region_code:
        return a.region_code == b.region_code
    if not a.position or not b.position:
        return True
    return a.position.split()[0].casefold() == b.position.split()[0].casefold()
