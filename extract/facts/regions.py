"""Which kabupaten and kota are regions of the article.

A region counts when its government acts or is a party, when a reported
event happens there, when the article gives a figure for it, or when it is
listed with such a region (extract/data/regions/roles.yaml). Explicit
mentions ("Kabupaten Blitar", "Pemkab Blitar", "Bupati Blitar") and bare
names that only one kabupaten or kota has ("di Surabaya", "Manado") count; a
bare "Blitar" can be the kabupaten or the kota and is left out, and a city
named only in the dateline is furniture. Lookups go through extract.nlp.regions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.places import is_place_start
from extract.facts.text import word_pattern
from extract.model import Region


@dataclass(frozen=True)
class _Roles:
    institution: re.Pattern[str]
    locative: re.Pattern[str]
    window: int
    branch: frozenset[str]
    openers: frozenset[str]
    joiner: re.Pattern[str]
    figure: re.Pattern[str]


@lru_cache(maxsize=1)
def _roles() -> _Roles:
    from extract.nlp.gazetteers import read_yaml

    roles = read_yaml("regions/roles.yaml")
    joiners = "|".join(re.escape(w) for w in roles["list_joiners"])
    links = "|".join(re.escape(w) for w in roles["figure_links"])
    return _Roles(
        institution=word_pattern(roles["institution_words"]),
        locative=word_pattern(roles["locatives"]),
        window=int(roles["window"]),
        branch=frozenset(roles["branch_words"]),
        openers=frozenset(roles["list_openers"]),
        joiner=re.compile(rf"\s*(?:(?:{joiners})\s*)+", re.IGNORECASE),
        # "Nganjuk dengan 1.851 pekerja", "Jember 57 kasus"; not a date ("Malang, 5 Juni")
        # (a year is no figure: "Festival Banyuwangi 2024 dibuka")
        figure=re.compile(rf"\s*(?:(?:{links})\s*)?(?!(?:19|20)\d\d\b)\d[\d.,]*\s+[a-z]"),
    )


def _names_branch(words: list[str]) -> bool:
    """The region ends a BPJS branch's name or fills the brackets after one
    ("Cabang Bali Gianyar", "Kantor Cabang Bojonegoro (Bojonegoro, Tuban)"):
    the first word back that is no place name, bracket or list word is a
    branch word."""
    roles = _roles()
    for word in reversed(words):
        low = word.lower()
        if word in "()," or low in {"dan", "&"} or (word[:1].isupper() and is_place_start(word)):
            continue
        return low in roles.branch
    return False


def region_role(text: str, start: int, end: int, floor: int) -> str | None:
    """Why the region mention text[start:end] counts ("party" or "venue"), or None."""
    roles = _roles()
    mention = text[start:end]
    if roles.institution.search(mention):
        return "party"
    before = text[floor:start]
    words = [m.group(0) for m in re.finditer(r"[\w\-]+|[(),]", before)][-roles.window :]
    if _names_branch(words):
        return None
    # walk back over the organisation's name: capitalised words, brackets,
    # a comma between place names ("di kawasan Ketapang, Kabupaten X")
    for word in reversed(words):
        low = word.lower()
        if roles.institution.fullmatch(word):
            return "party"
        if roles.locative.fullmatch(low.rstrip("-")) or low.startswith("se-"):
            return "venue"
        if word in "()," or word[:1].isupper() or low in {"dan", "&"} or low in roles.openers:
            continue
        break
    if roles.figure.match(text, end):
        return "figure"
    return None


def _is_dateline(text: str, start: int, end: int, floor: int) -> bool:
    """ "Mataram (ANTARA) -", "KOTA BATU –": the place opens its line and a
    dash (after an outlet's name in brackets) follows."""
    if text[floor:start].strip(" |") and "\n" not in text[floor:start]:
        return False
    return re.match(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]", text[end:]) is not None


def _joins(between: str) -> bool:
    """The text between two region mentions makes them one list: joiners,
    place names left unresolved ("Sidoarjo, Mojokerto dan Jombang") and the
    figure of the first ("Pasuruan 1.338 pekerja, dan Gresik")."""
    roles = _roles()
    between = re.sub(r"^\s*(?:\S+\s+)?\d[\d.,]*\s+[a-z]+", "", between)
    words = re.findall(r"[\w&-]+|,", between)
    return bool(words) and all(roles.joiner.fullmatch(w) or (w[:1].isupper() and is_place_start(w)) for w in words)


# a smaller place followed by the region it lies in: "Ketapang, Kabupaten Banyuwangi"
_ADDRESS = re.compile(r",?\s*(?:Kabupaten|Kab\.|Kota)\s+[A-Z]")


def extract_regions(ctx: Context) -> list[Region]:
    from extract.nlp.regions import find_regions, kecamatan_regencies

    mentions = [
        (sentence, sentence.start + start, sentence.start + end, region)
        for sentence in ctx.sentences
        for start, end, region in find_regions(sentence.text, include_bare=True)
    ]
    named = {region.code for *_, region in mentions if region.resolved_from == "explicit"}
    found: dict[str, Region] = {}
    previous: tuple[int, str | None] = (-1, None)  # end and role of the last mention
    for sentence, start, end, region in mentions:
        role = region_role(ctx.text, start, end, sentence.start)
        if role is None and previous[1] and previous[0] >= sentence.start and _joins(ctx.text[previous[0] : start]):
            # one list: "di Sidoarjo, Mojokerto dan Jombang",
            # "Kabupaten Lamongan 912 pekerja, dan Tuban 877 pekerja"
            role = previous[1]
        if _is_dateline(ctx.text, start, end, sentence.start):
            role = None
        previous = (end, role)
        # a bare name counts only when no kabupaten and kota share it, and
        # not when it is also a kecamatan of a region the article names
        # explicitly, or a place followed by its own region ("di kawasan
        # Ketapang, Kabupaten Banyuwangi")
        if role is None or region.code in found or region.resolved_from not in {"explicit", "name"}:
            continue
        if region.resolved_from == "name" and (
            kecamatan_regencies(ctx.text[start:end]) - {region.code} & named or _ADDRESS.match(ctx.text, end)
        ):
            continue
        found[region.code] = replace(region, provenance=ctx.provenance(start, end, f"regions.{role}"))
    return list(found.values())
