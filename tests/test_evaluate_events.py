"""The events check set (corpus/events) and its scorer: events match on
(type, date) as a multiset. Articles here are written for the test."""

import pytest
from facts_helpers import write_gold

from extract.evaluate import GoldFormatError
from extract.evaluate.events import evaluate_events, read_event_set


def write_article(folder, article_id, text, published="2024-05-24"):
    write_gold(folder, article_id, text, published=published)


def write_events(folder, article_id, body):
    folder.mkdir(exist_ok=True)
    (folder / f"{article_id}.yaml").write_text(f"article: {article_id}\n{body}", encoding="utf-8")


@pytest.fixture
def check_set(tmp_path):
    write_article(tmp_path / "gold", "a1", "Teks pertama.")
    write_article(tmp_path / "gold", "a2", "Teks kedua.")
    write_events(
        tmp_path / "events",
        "a1",
        'events:\n  - type: agreement_signing\n    date: "2024-05-21"\n  - type: benefit_payout\n    date: 2024-05-21\n',
    )
    write_events(tmp_path / "events", "a2", "events: []\n")
    return tmp_path


def test_events_match_on_type_and_date(check_set):
    predictions = {
        "a1": [("agreement_signing", "2024-05-21"), ("benefit_payout", None), ("meeting", "2024-05-21")],
        "a2": [],
    }
    report = evaluate_events(check_set / "events", predict=lambda article: predictions[article.id], ingest=None)
    total = report.total
    assert (total.tp, total.fp, total.fn) == (1, 2, 1)
    assert report.types["agreement_signing"].f1 == 1.0
    assert report.types["benefit_payout"].recall == 0.0
    assert {(e.article_id, e.kind, e.item["type"]) for e in report.errors} == {
        ("a1", "fn", "benefit_payout"),
        ("a1", "fp", "benefit_payout"),
        ("a1", "fp", "meeting"),
    }


def test_a_repeated_event_counts_twice(check_set):
    predictions = {"a1": [("agreement_signing", "2024-05-21")] * 2 + [("benefit_payout", "2024-05-21")], "a2": []}
    report = evaluate_events(check_set / "events", predict=lambda article: predictions[article.id], ingest=None)
    assert (report.total.tp, report.total.fp) == (2, 1)


def test_unknown_type_and_missing_article_are_format_errors(tmp_path):
    write_events(tmp_path / "events", "x", "events:\n  - type: party\n    date: null\n")
    with pytest.raises(GoldFormatError, match="type"):
        read_event_set(tmp_path / "events")
    write_events(tmp_path / "events", "x", "events: []\n")
    write_article(tmp_path / "gold", "other", "Teks.")
    with pytest.raises(GoldFormatError, match="no gold article for x"):
        evaluate_events(tmp_path / "events")


def test_the_extractor_is_scored_on_the_bundled_check_set():
    annotated = read_event_set("corpus/events")
    assert len(annotated) >= 25
    assert any(not events for events in annotated.values())  # articles without events are in the set


def test_extractor_scored_on_a_written_article(tmp_path):
    write_article(
        tmp_path / "gold",
        "w1",
        "BPJS Ketenagakerjaan Cabang Tuban menandatangani perjanjian kerja sama dengan Pemkab Tuban, Selasa (21/5/2024).\n"
        "Usai penandatanganan, Bupati Tuban menyerahkan santunan jaminan kematian kepada dua ahli waris peserta.\n"
        "Kerja sama itu diharapkan melindungi para pekerja rentan di desa yang belum terdaftar sebagai peserta.",
    )
    write_events(
        tmp_path / "events",
        "w1",
        'events:\n  - type: agreement_signing\n    date: "2024-05-21"\n  - type: benefit_payout\n    date: "2024-05-21"\n',
    )
    report = evaluate_events(tmp_path / "events")
    assert report.types["agreement_signing"].tp == 1
    assert report.ingestion.to_dict()["dropped"] == 0  # scored through the ingestion `extract run` applies


def test_cli_scores_the_bundled_check_set_and_lists_errors():
    from click.testing import CliRunner

    from extract.cli import cli

    result = CliRunner().invoke(cli, ["eval-events", "corpus/events", "--show-errors"])
    assert result.exit_code == 0, result.output
    last_row = [line for line in result.output.splitlines() if line.startswith("all ")][0]
    f1 = float(last_row.split()[-1])
    assert f1 >= 0.85
