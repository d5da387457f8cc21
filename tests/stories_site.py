"""A database of stories for the timeline, feed and browser tests.

One signing and one hand-over in Kabupaten Blitar reported by three outlets;
a hand-over in Kabupaten Malang with an individual amount and a stated total;
a signing in Kota Blitar a year earlier whose article gives no date of its own.
"""

from __future__ import annotations

from pathlib import Path

from extract.model import Payout
from extract.store.db import open_db, save_article

from store_fixtures import make_article, span

MALANG = ("35.07", "Kabupaten Malang", -8.05, 112.6)
KOTA_BLITAR = ("35.72", "Kota Blitar", -8.1, 112.16)
BLITAR_OUTLETS = ("jatimtimes.com", "realita.co", "timesindonesia.co.id")


def outlet(n: int, source: str, **kwargs):
    article, facts = make_article(n, **kwargs)
    article.source = source
    article.url = f"https://{source}/berita/{n}"
    return article, facts


def build(path: Path) -> dict[str, str]:
    """Fill the database at `path`; the ids of the articles by name."""
    db = open_db(path, populate_regions=False)
    ids = {}
    for n, source in enumerate(BLITAR_OUTLETS, 1):
        ids[source] = save_article(db, *outlet(n, source, published="2024-03-14"))
    article, facts = outlet(
        4,
        "jatimtimes.com",
        region=MALANG,
        published="2024-06-10",
        extra_text="Ahli waris Budi Hartono menerima Rp150 juta dari program JKK, sehingga total santunan Rp200 juta.",
    )
    text = article.text
    facts.payouts = [
        Payout(
            150_000_000,
            beneficiary="Budi Hartono",
            programs=["JKK"],
            kind="single",
            region_code="35.07",
            provenance=span(text, "Rp150 juta"),
        ),
        Payout(
            200_000_000, programs=["JKK", "JKM"], kind="total", region_code="35.07", provenance=span(text, "Rp200 juta")
        ),
    ]
    ids["malang"] = save_article(db, article, facts)
    article, facts = outlet(5, "beritajatim.com", region=KOTA_BLITAR, published="2023-02-01")
    for event in facts.events:
        event.date = event.date_precision = None
    ids["kota"] = save_article(db, article, facts)
    db.close()
    return ids
