"""Articles and facts written for the store and publish tests.

The text is our own invented prose in the style of the news we read, and the
facts point at real offsets in it, so highlighting and provenance can be
checked exactly.
"""

from __future__ import annotations

from extract.model import (
    Article,
    Event,
    Facts,
    Mention,
    Official,
    Payout,
    Percentage,
    Provenance,
    Region,
    Regulation,
    WorkerCount,
)

VERSION = "test-1"


def span(text: str, needle: str, rule: str = "test.rule", version: str = VERSION) -> Provenance:
    """Provenance for the first occurrence of `needle` in `text`, its sentence included."""
    start = text.index(needle)
    end = start + len(needle)
    s_start = text.rfind(". ", 0, start)
    s_start = 0 if s_start < 0 else s_start + 2
    s_end = text.find(". ", end)
    s_end = len(text) if s_end < 0 else s_end + 1
    return Provenance(text[s_start:s_end], start, end, rule, version)


def make_article(
    n: int = 1,
    *,
    region: tuple[str, str, float, float] = ("35.05", "Kabupaten Blitar", -8.13, 112.22),
    published: str = "2024-03-14",
    extra_text: str = "",
    version: str = VERSION,
) -> tuple[Article, Facts]:
    """Article number `n` with a signing, a payout, officials, a count, a percentage and a regulation."""
    code, name, lat, lon = region
    place = name.split(" ", 1)[1]
    text = (
        f"Pemerintah {name} dan BPJS Ketenagakerjaan menandatangani perjanjian kerja sama "
        f"nomor {n} di Pendopo {place}. "
        f"Bupati {place} Ahmad Santoso menyerahkan santunan JKM sebesar Rp42 juta kepada ahli waris Siti Aminah. "
        f"Sebanyak 1.200 pekerja rentan kini terlindungi, atau 45,5 persen dari target. "
        f"Program ini berdasar Inpres Nomor 2 Tahun 2021. {extra_text}"
    ).strip()
    article = Article(
        url=f"https://www.example-news.test/berita/{n}/bpjs-{place.lower()}?utm_source=feed",
        source="example-news.test",
        title=f"Perlindungan pekerja rentan di {name} ({n})",
        published=published,
        author="Penulis Uji",
        editor="Editor Uji",
        text=text,
        categories=["Pemerintahan"],
        language="id",
        html_sha256=None,
        fetched_at="2024-03-15T01:00:00+00:00",
    )
    region_obj = Region(code, name, "Jawa Timur", lat, lon, "explicit", span(text, name, "region.explicit", version))
    official = Official(
        name="Ahmad Santoso",
        position=f"Bupati {place}",
        region_code=code,
        key="ahmad santoso",
        provenance=[span(text, "Ahmad Santoso", "official.position_name", version)],
    )
    facts = Facts(
        events=[
            Event(
                type="agreement_signing",
                date=published,
                date_precision="day",
                venue=f"Pendopo {place}",
                region_code=code,
                region_name=name,
                parties=[f"Pemerintah {name}", "BPJS Ketenagakerjaan"],
                officials=["ahmad santoso"],
                workers=1200,
                summary=f"Penandatanganan PKS {name} dengan BPJS Ketenagakerjaan",
                provenance=span(text, "menandatangani perjanjian kerja sama", "event.signing", version),
            ),
            Event(
                type="benefit_payout",
                date=published,
                date_precision="day",
                region_code=code,
                region_name=name,
                parties=["BPJS Ketenagakerjaan"],
                officials=["ahmad santoso"],
                summary="Penyerahan santunan JKM",
                provenance=span(text, "menyerahkan santunan JKM", "event.payout", version),
            ),
        ],
        officials=[official],
        payouts=[
            Payout(
                amount_idr=42_000_000,
                heir="Siti Aminah",
                programs=["JKM"],
                region_code=code,
                provenance=span(text, "Rp42 juta", "payout.amount", version),
            )
        ],
        worker_counts=[WorkerCount(1200, "pekerja rentan", span(text, "1.200 pekerja rentan", "count", version))],
        percentages=[Percentage(45.5, "target", "coverage", span(text, "45,5 persen", "percent", version))],
        regulations=[Regulation("Inpres", "2", 2021, None, span(text, "Inpres Nomor 2 Tahun 2021", "law", version))],
        regions=[region_obj],
        mentions=[
            Mention("ORG", "BPJS Ketenagakerjaan", text.index("BPJS"), text.index("BPJS") + 20, 0, "model"),
            Mention("PER", "Ahmad Santoso", text.index("Ahmad"), text.index("Ahmad") + 13, 1, "model"),
            Mention("MONEY", "Rp42 juta", text.index("Rp42"), text.index("Rp42") + 9, 1, "rule"),
        ],
    )
    return article, facts
