"""The fact-type registry: what derives from it, and that it agrees with the
schema the released migrations build."""

from __future__ import annotations

import asyncio
import dataclasses
import json

import yaml
from click.testing import CliRunner

from extract.cli import cli
from extract.evaluate.scoring import LIST_SPECS, match_list
from extract.facts.extractor import EXTRACTORS
from extract.fact_types import FACT_TYPES, GOLD_LISTS
from extract.model import Budget, Facts, Payout, Provenance
from extract.publish.app import make_datasette
from extract.publish.labels import LABELS_FILE, fact_headings
from extract.publish.plugin import FACT_SPAN_QUERIES
from extract.store.db import fact_counts, open_db
from extract.store.schema import ARTICLE_FACT_TABLES, PROVENANCE_COLUMNS

# The gold format v1.1 is a contract: these eight lists, in this order.
GOLD_FORMAT = (
    "event_dates",
    "regions",
    "officials",
    "agreements",
    "payouts",
    "worker_counts",
    "percentages",
    "regulations",
)


def test_the_gold_lists_are_the_eight_of_the_format_in_its_order():
    assert GOLD_LISTS == GOLD_FORMAT
    assert tuple(Facts().to_gold()) == GOLD_FORMAT
    assert tuple(LIST_SPECS) == GOLD_FORMAT


def test_every_fact_type_is_a_facts_field_of_its_dataclass_and_runs_in_registry_order():
    fields = {f.name: f for f in dataclasses.fields(Facts)}
    assert set(fields) == {t.name for t in FACT_TYPES} | {"mentions"}
    for fact_type in FACT_TYPES:
        assert fact_type.model.__name__ in fields[fact_type.name].type
    assert [name for name, _ in EXTRACTORS] == [t.name for t in FACT_TYPES]


def test_every_fact_type_table_and_column_exists_in_a_fresh_database(tmp_path):
    db = open_db(tmp_path / "fresh.db", populate_regions=False)
    for fact_type in FACT_TYPES:
        columns = set(db.table(fact_type.table).columns_dict)
        wanted = {"id", "article_id", "seq", *fact_type.columns, *fact_type.from_article, *PROVENANCE_COLUMNS}
        assert wanted <= columns, (fact_type.name, wanted - columns)
        for child, key in fact_type.children:
            assert key in db.table(child).columns_dict, child


def test_each_child_table_is_emptied_before_its_parent():
    for fact_type in FACT_TYPES:
        for child, _ in fact_type.children:
            assert ARTICLE_FACT_TABLES.index(child) < ARTICLE_FACT_TABLES.index(fact_type.table)
    assert {t.table for t in FACT_TYPES} <= set(ARTICLE_FACT_TABLES)


def test_the_scoring_follows_the_declared_keys_and_attributes():
    gold = [{"amount_idr": 42_000_000, "beneficiary": "Sutrisno", "programs": ["JKM"]}]
    predicted = [{"amount_idr": 42_000_000.4, "beneficiary": " sutrisno ", "programs": ["jkm"]}]
    score = match_list("payouts", gold, predicted).score
    assert (score.tp, score.fp, score.fn) == (1, 0, 0)
    assert score.attributes() == {"beneficiary": 1.0, "programs": 1.0}
    regulation = {"kind": "PP", "number": "44", "year": 2015}
    assert match_list("regulations", [regulation], [{**regulation, "year": 2016}]).score.tp == 0


def test_every_fact_type_has_a_heading_and_its_evidence_label_a_word_on_the_site():
    words = yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))["span_labels"]
    assert set(fact_headings()) == {t.name for t in FACT_TYPES}
    for fact_type in FACT_TYPES:
        label = fact_type.evidence.label
        if label.startswith("'") and label.endswith("'"):
            assert label.strip("'") in words, fact_type.name
    assert set(FACT_SPAN_QUERIES) == {t.name for t in FACT_TYPES if t.evidence is not None}


def test_a_stored_budget_is_replaced_with_its_article(tmp_path):
    from extract.model import Article
    from extract.store.db import save_article

    db = open_db(tmp_path / "x.db", populate_regions=False)
    text = "Pemkab Tuban mengalokasikan Rp 5 miliar dari APBD untuk iuran pekerja rentan."
    article = Article("https://example.test/a", "example.test", "Judul", "2024-05-02", None, None, text)
    evidence = Provenance(text, 28, 39, "budget.budget_word", "test-1")
    budget = Budget(5_000_000_000, "APBD", "iuran pekerja rentan", 2024, evidence)
    aid = save_article(db, article, Facts(budgets=[budget], payouts=[Payout(1, provenance=evidence)]))
    (row,) = db.table("budgets").rows
    assert (row["article_id"], row["amount_idr"], row["source"], row["year"]) == (aid, 5_000_000_000, "APBD", 2024)
    assert (row["span_start"], row["span_end"], row["field"]) == (28, 39, "text")
    save_article(db, article, Facts())
    assert fact_counts(db, aid)["budgets"] == 0


def test_extract_run_stores_a_budget_that_the_article_page_shows(tmp_path):
    text = (
        "Pemerintah Kabupaten Lamongan mengalokasikan anggaran Rp 1,5 miliar dari APBD 2025 untuk iuran"
        " jaminan sosial ketenagakerjaan 7.000 pekerja rentan. Kepala Dinas Tenaga Kerja menyebut program itu"
        " melindungi para petani, nelayan dan buruh harian lepas di seluruh kecamatan."
    )
    page = tmp_path / "budget.json"
    page.write_text(
        json.dumps(
            {"url": "https://example.test/anggaran", "title": "Anggaran iuran", "published": "2025-02-03", "text": text}
        ),
        encoding="utf-8",
    )
    db_path = tmp_path / "extract.db"
    result = CliRunner().invoke(cli, ["run", str(page), "--db", str(db_path), "--json", "--quiet"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert printed["more_facts"]["budgets"][0]["amount_idr"] == 1_500_000_000
    assert set(printed["facts"]) == set(GOLD_FORMAT)

    db = open_db(db_path, populate_regions=False)
    (row,) = db.table("budgets").rows
    assert (row["amount_idr"], row["source"], row["year"]) == (1_500_000_000, "APBD", 2025)
    db.close()

    ds = make_datasette(db_path)
    html = asyncio.run(ds.client.get(f"/article/{printed['id']}")).text
    table = html.split("<h3>Budgets (anggaran)</h3>")[1].split("</table>")[0]
    assert "<td>Rp1.500.000.000</td><td>APBD</td><td>2025</td>" in table
    assert "iuran jaminan sosial ketenagakerjaan 7.000 pekerja rentan" in table
    assert 'data-labels="amount budget"' in html  # the amount is marked as the budget's evidence
    listing = asyncio.run(ds.client.get("/extract/budgets.json")).json()
    assert {"source", "year"} <= set(listing["facet_results"])
