"""The data every stage passes on: an article, and the facts found in it.

Plain dataclasses, so that each stage takes data and returns data. `Facts.to_gold()`
projects the rich facts onto the eight lists of the gold annotation format
(see README, "Gold format"), which is what `extract eval` scores and what
`extract run --json` prints. Which fact types exist, and how each is
projected, stored, scored and shown, is declared once in
extract/fact_types.py; `GOLD_LISTS` comes from there.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One news article, cleaned of page furniture."""

    url: str | None
    source: str | None  # site host without "www.", e.g. "jatimtimes.com"
    title: str | None
    published: str | None  # ISO date "YYYY-MM-DD"
    author: str | None
    editor: str | None
    text: str
    categories: list[str] = field(default_factory=list)
    language: str | None = None
    final_url: str | None = None
    html_sha256: str | None = None  # key of the raw page in the HTML cache
    fetched_at: str | None = None  # ISO timestamp, UTC
    # Photo captions of an HTML page, without the photo credit "(Foto: ...)".
    # Not part of `text`: officials named only in a caption still count.
    captions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Provenance:
    """Where a fact came from: the exact words, and what produced it."""

    sentence: str
    start: int  # character offsets of the evidence in `field` of the article
    end: int
    rule: str  # e.g. "payout.amount_to_beneficiary" or "ner:model"
    extractor_version: str
    field: str = "text"  # "text" (Article.text) or "caption:<n>" (Article.captions[n])


@dataclass
class Mention:
    """A span found by the NER model or a rule, with its sentence."""

    label: str  # PER ORG LOC MONEY PERCENT DATE CARDINAL LAW PROGRAM POSITION ...
    text: str
    start: int
    end: int
    sentence_index: int
    source: str  # "model", "rule", "transformers"


@dataclass
class Region:
    code: str  # Kemendagri code, e.g. "35.05"
    name: str  # official spelling, "Kabupaten Blitar"
    province: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    resolved_from: str = "explicit"  # "explicit" ("Kab. Blitar") or "context" (bare "Blitar")
    provenance: Provenance | None = None


@dataclass
class Official:
    name: str  # honorifics, academic titles and ranks removed
    position: str | None = None  # office text as written, "Kepala Dinas Sosial Kabupaten Blitar"
    titles: list[str] = field(default_factory=list)  # what was stripped: "Drs.", "M.Si", "KH"
    organisation: str | None = None
    region_code: str | None = None
    key: str = ""  # case-folded, title-free name; same person across mentions and articles
    provenance: list[Provenance] = field(default_factory=list)


@dataclass
class Payout:
    amount_idr: int
    beneficiary: str | None = None  # the insured worker (deceased or injured), not the heir
    heir: str | None = None
    programs: list[str] = field(default_factory=list)  # JKK JKM JHT JP JKP beasiswa
    kind: str = "single"  # "single", "component" or "total"
    region_code: str | None = None
    provenance: Provenance | None = None


@dataclass
class WorkerCount:
    value: int
    category: str
    provenance: Provenance | None = None


@dataclass
class Percentage:
    value: float
    about: str
    measure: str | None = None  # "coverage", "target", "gap" or None
    provenance: Provenance | None = None


@dataclass
class Regulation:
    kind: str  # UU PP Perpres Inpres Permenaker Perda Perbup Perwali SE Kepmen ...
    number: str | None = None
    year: int | None = None
    title: str | None = None  # "tentang ..." when given
    provenance: Provenance | None = None


@dataclass
class Event:
    type: str  # a record of extract/data/facts/events.yaml: agreement_signing, benefit_payout, launch_inspection, meeting, award, statement
    date: str | None = None  # ISO date
    date_precision: str | None = None  # "day", "month", "year"
    venue: str | None = None
    region_code: str | None = None
    region_name: str | None = None
    parties: list[str] = field(default_factory=list)  # canonical organisation names
    officials: list[str] = field(default_factory=list)  # Official.key of those present
    workers: int | None = None
    summary: str = ""
    provenance: Provenance | None = None


@dataclass
class Budget:
    """Public or company money set aside for a purpose ("anggaran Rp 1,2 miliar
    dari APBD untuk iuran pekerja rentan"); not a payout: nobody has received it."""

    amount_idr: int
    source: str | None = None  # canonical funding source: APBD, APBN, DBHCHT, CSR ...
    purpose: str | None = None  # what it is for, as written ("iuran pekerja rentan")
    year: int | None = None  # budget year, when stated
    provenance: Provenance | None = None


# One field per fact type of extract/fact_types.py (a test checks they agree).
@dataclass
class Facts:
    events: list[Event] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    payouts: list[Payout] = field(default_factory=list)
    worker_counts: list[WorkerCount] = field(default_factory=list)
    percentages: list[Percentage] = field(default_factory=list)
    regulations: list[Regulation] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    budgets: list[Budget] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_gold(self) -> dict[str, list]:
        """The eight lists of the gold format, each fact once, in the format's order."""
        from extract.fact_types import to_gold

        return to_gold(self)

    def beyond_gold(self) -> dict[str, list]:
        """The fact types the gold format does not hold (budgets), each item
        as a plain dict without its provenance: what `extract run --json`
        prints beside the gold lists."""
        from extract.fact_types import beyond_gold

        return beyond_gold(self)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def __getattr__(name: str) -> Any:
    # GOLD_LISTS is derived from the registry, which imports this module: read
    # on first use rather than at import.
    if name == "GOLD_LISTS":
        from extract.fact_types import GOLD_LISTS

        return GOLD_LISTS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
