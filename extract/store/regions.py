"""Fill the `regions` table from the Kemendagri list of regencies and cities.

The list and its coordinates belong to the NLP package (extract.nlp.regions),
which also resolves region mentions; the store only copies it, so the map and
the region facets know every regency even before an article names it.
"""

from __future__ import annotations

from sqlite_utils import Database


def gazetteer_rows() -> list[dict]:
    """Rows for every regency and city, or [] while the region list is unavailable."""
    try:
        from extract.nlp.regions import all_regencies
    except ImportError:
        return []
    return [
        {
            "code": region.code,
            "name": region.name,
            "province": region.province,
            "latitude": region.latitude,
            "longitude": region.longitude,
            "source": "kemendagri",
        }
        for region in all_regencies()
    ]


def load_gazetteer(db: Database) -> int:
    """Upsert the official regions (the official spelling wins); return how many."""
    rows = gazetteer_rows()
    if rows:
        with db.atomic():
            db.table("regions").upsert_all(rows, pk="code")
    return len(rows)
