"""Payouts: benefit amounts handed to beneficiaries, and stated totals.

Patterns of Indonesian news prose about BPJS Ketenagakerjaan benefits, over
the rupiah amounts (MONEY spans) and programme names (PROGRAM spans) the NLP
layer put on the Doc:

* An amount is a payout when its sentence speaks of a benefit ("santunan",
  "manfaat", "klaim", "beasiswa", a programme) reported as handed over,
  received, paid or broken down ("menerima", "diserahkan", "rinciannya"; in
  it or the sentence before), and its own clause is not about a
  contribution, wage, budget, price, donation or condition ("iuran", "upah",
  "anggaran", "harga", "CSR", "jika"), nor a limit right before it ("hingga
  Rp 174 juta", "di bawah Rp15 juta"). "Manfaat santunan kematian mencapai
  Rp 42 juta" alone states a rule, not a payout, and so does the breakdown
  right after a rule ("Rinciannya, ..."); "Totalnya Rp70 juta" is one only
  after payouts. Nothing in a worked example ("Sebagai gambaran", "misalkan
  Budi (bukan nama sebenarnya)") is a payout, nor anything "paid" later to
  the person it invents.
* Programmes: the programme names nearest before the amount ("santunan JKM
  Rp 42 juta", "manfaat JKK dan JKM ... dengan total Rp1,26 miliar"); a
  death component ("santunan kematian", "biaya pemakaman", "santunan
  berkala") takes the death's programme, JKK when the article says the death
  was a work accident, else JKM; a "beasiswa" amount is beasiswa alone (a
  total it is part of takes both, "JKK Rp 70 juta serta beasiswa Rp 153
  juta, total Rp 223 juta"); an injury
  component ("biaya perawatan") is JKK.
  With no cue in its sentence, an amount takes the cue of the previous amount
  of the sentence, or of the last sentences before it.
* Beneficiary: the insured worker, named after a marker ("almarhum X",
  "ahli waris X", "atas nama X (alm)", "sang suami, X") in the sentence or,
  for a death benefit, the last one named before it. Old-age, pension and
  injury benefits go to living workers, who may also be named plainly
  ("Sugianto dan Marlina, menerima ... masing-masing Rp A dan Rp B").
  An heir named as the receiver is never the beneficiary (it is kept as
  `heir`), and a capitalised word right after a common noun ("perajin
  gerabah Kasongan") is a place, not a person.
* "Masing-masing Rp 42 juta" is one payout per recipient: the names around
  it, else the count ("kepada empat ahli waris", "Kelima almarhum").
  "Masing-masing Rp A dan Rp B" pairs amounts and names in order.
* A stated total ("totalnya", "total yang diterima", a branch's claims) is a
  payout of its own; when the amounts just before (or after) it add up to it
  (exactly; for "Rp 215 juta lebih", to up to 10% more), it takes their
  programmes and, if they share one, their beneficiary. A total received by
  one worker's heirs is that worker's. Claim and period figures ("klaim",
  "kasus", "sepanjang 2023") take nothing from context.
* One amount stated twice at different precision ("Rp 280 juta lebih",
  "Rp 288.900.000") is one payout at the exact value.

The words are data: extract/data/facts/payouts.yaml; the programme names are
extract/data/patterns/program.jsonl, the NLP layer's. Modules by job: spans
(what the Doc marks), lexicon (the word lists), names, amounts, programmes,
recipients, totals.
"""

from __future__ import annotations

from extract.facts.context import Context
from extract.facts.payouts.amounts import _candidates, _invented, _invented_words
from extract.facts.payouts.names import People
from extract.facts.payouts.programmes import _assign_programs
from extract.facts.payouts.spans import DocSpans
from extract.facts.payouts.recipients import _expand, _expand_counted_by_total
from extract.facts.payouts.totals import _dedupe, _drop_restatements, _match_totals
from extract.model import Payout


def extract_payouts(ctx: Context) -> list[Payout]:
    """Every payout and stated total of the article, in text order."""
    spans = DocSpans(ctx)
    amounts = _drop_restatements(_candidates(ctx, spans))
    if not amounts:
        return []
    _assign_programs(ctx, spans, amounts)
    people = People(ctx)
    invented_words = _invented_words(ctx)
    items = [item for item in _expand(ctx, spans, amounts, people) if not _invented(item.beneficiary, invented_words)]
    items = _expand_counted_by_total(ctx, spans, items)
    _match_totals(items)
    payouts = []
    for item in _dedupe(items):
        amount = item.amount
        payouts.append(
            Payout(
                amount_idr=item.value,
                beneficiary=item.beneficiary,
                heir=item.heir,
                programs=list(item.programs),
                kind=item.kind,
                provenance=ctx.provenance(amount.start, amount.end, amount.rule),
            )
        )
    return payouts
