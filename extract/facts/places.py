"""Words of place names, for the fact extractors that must tell a place from
a person or a group ("perajin gerabah Kasongan", "pekerja di Kota Batu").

From the region data of the NLP layer (kabupaten/kota and provinces) and its
gazetteers (kecamatan of Jawa Timur, other places), case-folded.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

# Words that open the name of an administrative area.
AREA_WORDS = frozenset(["kabupaten", "kota", "provinsi", "kecamatan", "desa", "kelurahan", "dusun", "kalurahan"])


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    from extract.nlp.regions import all_provinces, all_regencies

    words: set[str] = set()
    for region in all_regencies():
        words.update(w.casefold() for w in region.name.split()[1:])
    for province in all_provinces():
        words.update(w.casefold() for w in province.name.split())
    for name in ("kecamatan_jatim", "places"):
        path = resources.files("extract").joinpath(f"data/gazetteers/{name}.txt")
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.update(w.casefold() for w in line.split())
    return frozenset(words)


def is_place_start(word: str) -> bool:
    """Can a place name begin with `word` ("Kabupaten", "Magetan", "Jawa")?"""
    folded = word.casefold()
    return folded in AREA_WORDS or folded in place_words()
