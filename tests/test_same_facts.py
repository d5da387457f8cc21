"""The same-facts check that guards refactorings of the facts layer."""

from __future__ import annotations

import json

from click.testing import CliRunner

from extract.bench.same_facts import cli, differences


def _write(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_a_changed_fact_list_is_named_and_fails_the_comparison(tmp_path):
    before = [{"input": "corpus/gold", "id": "a", "facts": {"payouts": [{"amount_idr": 42000000}], "regions": []}}]
    after = [{"input": "corpus/gold", "id": "a", "facts": {"payouts": [{"amount_idr": 4200000}], "regions": []}}]
    _write(tmp_path / "before.jsonl", before)
    _write(tmp_path / "after.jsonl", after)
    result = CliRunner().invoke(cli, ["compare", str(tmp_path / "before.jsonl"), str(tmp_path / "after.jsonl")])
    assert result.exit_code == 1
    assert "corpus/gold a: payouts differ" in result.output


def test_identical_snapshots_pass_and_missing_articles_are_reported():
    record = {"input": "bench", "id": "u", "facts": {"events": []}}
    assert differences({("bench", "u"): record}, {("bench", "u"): dict(record)}) == []
    assert differences({("bench", "u"): record}, {}) == ["bench u: only before"]


def test_a_snapshot_of_the_bundled_gold_records_every_article(tmp_path):
    out = tmp_path / "snap.jsonl"
    result = CliRunner().invoke(cli, ["snapshot", str(out), "--bench-pages", "2"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["input"] for r in records} == {"corpus/gold", "corpus/heldout", "bench"}
    assert all("extractor_version" not in json.dumps(r) for r in records)


def test_a_new_fact_type_differs_only_where_it_found_something():
    before = {("bench", "u"): {"input": "bench", "id": "u", "facts": {"events": []}}}
    empty = {("bench", "u"): {"input": "bench", "id": "u", "facts": {"events": [], "budgets": []}}}
    found = {("bench", "u"): {"input": "bench", "id": "u", "facts": {"events": [], "budgets": [{"amount_idr": 5}]}}}
    assert differences(before, empty) == []
    assert differences(before, found) == ["bench u: budgets differ"]
