"""`extract eval` scores exactly as corpus/GOLD-FORMAT.md specifies."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli import cli
from extract.evaluate import evaluate_folder, predictions_from_folder, score_articles, token_f1
from extract.model import GOLD_LISTS

CORPUS_GOLD = Path(__file__).parent.parent / "corpus" / "gold"


def facts(**lists):
    return {name: lists.get(name, []) for name in GOLD_LISTS}


def score(gold, predicted):
    return score_articles([("a1", gold, predicted)])


def test_two_heirs_with_the_same_amount_are_two_items():
    gold = facts(
        payouts=[
            {"amount_idr": 42000000, "beneficiary": "Mujali", "programs": ["JKM"]},
            {"amount_idr": 42000000, "beneficiary": "Heru Wibowo", "programs": ["JKM"]},
        ]
    )
    predicted = facts(payouts=[{"amount_idr": 42000000, "beneficiary": "Heru Wibowo", "programs": ["JKM"]}])
    result = score(gold, predicted).lists["payouts"]
    assert (result.tp, result.fp, result.fn) == (1, 0, 1)
    # Same-key items pair up by best attribute agreement.
    assert result.attributes() == {"beneficiary": 1.0, "programs": 1.0}


def test_official_names_match_without_titles_and_case():
    gold = facts(officials=[{"name": "Abu Hassan", "position": "Kepala Dinas PMD Kabupaten Gresik"}])
    predicted = facts(officials=[{"name": "Drs. ABU HASSAN SH MM", "position": "Kepala Dinas PMD"}])
    result = score(gold, predicted).lists["officials"]
    assert result.tp == 1
    assert result.attributes()["position"] == pytest.approx(
        token_f1("Kepala Dinas PMD Kabupaten Gresik", "Kepala Dinas PMD")
    )
    assert 0 < result.attributes()["position"] < 1


def test_percentages_compare_to_two_decimals():
    gold = facts(percentages=[{"value": 17.6, "about": "cakupan"}, {"value": 20, "about": "aktif"}])
    predicted = facts(percentages=[{"value": 17.601, "about": "cakupan"}, {"value": 20.01, "about": "aktif"}])
    result = score(gold, predicted).lists["percentages"]
    assert (result.tp, result.fp, result.fn) == (1, 1, 1)


def test_regulations_need_kind_number_and_year():
    gold = facts(
        regulations=[{"kind": "UU", "number": "40", "year": 2004}, {"kind": "SE", "number": None, "year": None}]
    )
    predicted = facts(
        regulations=[{"kind": "UU", "number": "40", "year": 2011}, {"kind": "SE", "number": None, "year": None}]
    )
    result = score(gold, predicted).lists["regulations"]
    assert (result.tp, result.fp, result.fn) == (1, 1, 1)


def test_agreements_match_on_date_and_score_parties_and_workers():
    gold = facts(
        agreements=[
            {
                "date": "2025-04-14",
                "parties": ["BPJS Ketenagakerjaan Blitar", "Pemerintah Kabupaten Blitar"],
                "workers": 8125,
            }
        ]
    )
    predicted = facts(
        agreements=[
            {"date": "2025-04-14", "parties": ["BPJS Ketenagakerjaan Blitar", "Pemkab Blitar"], "workers": None}
        ]
    )
    result = score(gold, predicted).lists["agreements"]
    assert result.tp == 1
    attributes = result.attributes()
    assert attributes["workers"] == 0.0
    assert 0.5 < attributes["parties"] < 1.0


def test_micro_pools_counts_of_all_lists():
    gold = facts(event_dates=["2024-01-30"], regions=["Kabupaten Trenggalek"])
    predicted = facts(event_dates=["2024-01-30"], regions=["Kabupaten Blitar"])
    report = score(gold, predicted)
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (1, 1, 1)
    assert micro.f1 == pytest.approx(0.5)


def test_regions_are_case_folded():
    result = score(facts(regions=["Kabupaten Blitar"]), facts(regions=["KABUPATEN BLITAR"])).lists["regions"]
    assert result.tp == 1


def write_folder(folder: Path, articles: dict[str, dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article_id, fact_lists in articles.items():
        data = {
            "id": article_id,
            "url": None,
            "source": None,
            "published": None,
            "title": None,
            "text": "teks",
            "facts": fact_lists,
        }
        (folder / f"{article_id}.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_scoring_the_gold_against_itself_is_perfect():
    report = evaluate_folder(CORPUS_GOLD, predict=predictions_from_folder(CORPUS_GOLD))
    assert report.articles >= 5
    assert report.micro.f1 == 1.0
    assert all(score.f1 == 1.0 for score in report.lists.values())


def test_cli_reports_errors_writes_predictions_and_json(tmp_path):
    gold = write_folder(
        tmp_path / "gold",
        {"x1": facts(event_dates=["2024-03-19"], payouts=[{"amount_idr": 5, "beneficiary": None, "programs": []}])},
    )
    predicted = write_folder(
        tmp_path / "pred",
        {"x1": facts(event_dates=["2024-03-18"], payouts=[{"amount_idr": 5, "beneficiary": None, "programs": []}])},
    )
    runner = CliRunner()

    text = runner.invoke(cli, ["eval", str(gold), "--predictions", str(predicted), "--show-errors"])
    assert text.exit_code == 0, text.output
    assert 'x1  event_dates    FN  "2024-03-19"' in text.output
    assert 'x1  event_dates    FP  "2024-03-18"' in text.output

    out = tmp_path / "written"
    as_json = runner.invoke(
        cli, ["eval", str(gold), "--predictions", str(predicted), "--json", "--write-predictions", str(out)]
    )
    report = json.loads(as_json.output)
    assert report["micro"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert report["lists"]["payouts"]["attributes"] == {"beneficiary": 1.0, "programs": 1.0}
    written = json.loads((out / "x1.json").read_text())
    assert written["facts"]["event_dates"] == ["2024-03-18"]
    assert set(written) == {"id", "url", "source", "published", "title", "text", "facts"}

    gated = runner.invoke(cli, ["eval", str(gold), "--predictions", str(predicted), "--fail-under", "0.9"])
    assert gated.exit_code == 1


def test_a_broken_gold_file_is_one_clear_error(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "bad.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(folder)])
    assert result.exit_code == 1
    assert "bad.json: not valid UTF-8 JSON" in result.output
    assert "Traceback" not in result.output


def test_a_missing_folder_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["eval", str(tmp_path / "nope")])
    assert result.exit_code == 2


def test_group_by_prefix_reports_each_group_and_the_whole(tmp_path):
    right = facts(event_dates=["2024-03-19"])
    gold = write_folder(tmp_path / "gold", {"north-001": right, "north-002": right, "south-001": right})
    predicted = write_folder(
        tmp_path / "pred", {"north-001": right, "north-002": right, "south-001": facts(event_dates=["2024-03-18"])}
    )
    runner = CliRunner()

    as_json = runner.invoke(cli, ["eval", str(gold), "--predictions", str(predicted), "--group-by", "prefix", "--json"])
    assert as_json.exit_code == 0, as_json.output
    report = json.loads(as_json.output)
    assert set(report["groups"]) == {"north", "south"}
    assert report["groups"]["north"]["articles"] == 2
    assert report["groups"]["north"]["micro"]["f1"] == 1.0
    assert report["groups"]["south"]["micro"]["f1"] == 0.0
    assert (report["articles"], report["micro"]["tp"], report["micro"]["fn"]) == (3, 2, 1)

    text = runner.invoke(cli, ["eval", str(gold), "--predictions", str(predicted), "--group-by", "prefix"])
    assert text.output.index("== north ==") < text.output.index("== south ==") < text.output.index("== all ==")
    assert "3 articles" in text.output.split("== all ==")[1]

    plain = runner.invoke(cli, ["eval", str(gold), "--predictions", str(predicted), "--json"])
    assert "groups" not in json.loads(plain.output)
