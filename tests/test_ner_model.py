"""The shipped NER model (models/id_ner) and its re-measure command."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from extract.cli import cli
from extract.nlp.ner_eval import (
    DEFAULT_MODEL,
    DEFAULT_TEST_DATA,
    evaluate_ner,
    iob_spans,
    read_conll,
    score_spans,
)

MAX_MODEL_BYTES = 25_000_000


@pytest.fixture(scope="module")
def offline_nlp():
    """The shipped pipeline, loaded while every attempt to open a socket fails."""
    original = socket.socket

    class NoNetwork(socket.socket):
        # A subclass, so that modules subclassing socket (ssl) still import.
        def __init__(self, *args, **kwargs):
            raise OSError("network access attempted while loading the NER model")

    socket.socket = NoNetwork
    try:
        yield spacy.load(DEFAULT_MODEL)
    finally:
        socket.socket = original


def test_shipped_model_loads_offline_and_finds_a_person(offline_nlp):
    doc = offline_nlp("Bupati Blitar Rini Syarifah membuka acara itu.")
    assert ("Rini Syarifah", "PER") in {(e.text, e.label_) for e in doc.ents}


def test_shipped_model_finds_organisations_and_places(offline_nlp):
    doc = offline_nlp("Presiden Joko Widodo meresmikan kantor Bank Indonesia di Surabaya, Jawa Timur.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Joko Widodo") == "PER"
    assert labels.get("Bank Indonesia") == "ORG"
    assert labels.get("Surabaya") == "LOC"


def test_shipped_model_is_plain_spacy_and_small(offline_nlp):
    # Loadable without our package: only spaCy's built-in factories inside.
    assert offline_nlp.pipe_names == ["tok2vec", "ner"]
    assert {offline_nlp.get_pipe_meta(n).factory for n in offline_nlp.pipe_names} == {"tok2vec", "ner"}
    assert set(offline_nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}
    size = sum(p.stat().st_size for p in Path(DEFAULT_MODEL).rglob("*") if p.is_file())
    assert size <= MAX_MODEL_BYTES


def test_evaluation_on_a_slice_of_the_test_split_gives_sane_scores():
    scores = evaluate_ner(DEFAULT_MODEL, DEFAULT_TEST_DATA, limit=50)
    assert scores["sentences"] == 50
    assert set(scores["per_type"]) <= {"PER", "ORG", "LOC"}
    for row in [scores, *scores["per_type"].values()]:
        assert 0.0 <= row["p"] <= 1.0 and 0.0 <= row["r"] <= 1.0
    assert scores["support"] == sum(s["support"] for s in scores["per_type"].values()) > 50
    assert scores["f"] > 0.6


def test_meta_figures_are_what_re_measuring_gives():
    meta = json.loads((Path(DEFAULT_MODEL) / "meta.json").read_text(encoding="utf-8"))
    scores = evaluate_ner(DEFAULT_MODEL, DEFAULT_TEST_DATA)
    assert scores["sentences"] == 509 and scores["support"] == 1019
    assert meta["performance"]["ents_f"] == round(scores["f"], 4)
    assert meta["performance"]["ents_p"] == round(scores["p"], 4)
    assert meta["performance"]["ents_r"] == round(scores["r"], 4)
    assert scores["f"] >= 0.80


def test_reader_handles_crlf_tabs_label_maps_and_stray_inside_tags(tmp_path):
    spaced = tmp_path / "spaced.txt"
    spaced.write_bytes(
        b"Wali PROPN O\r\nKota NOUN O\r\nAnis PROPN B-PER\r\nBaswedan PROPN I-PER\r\n\r\nMalang PROPN I-LOC\r\n"
    )
    first, second = read_conll(spaced)
    assert first.words == ("Wali", "Kota", "Anis", "Baswedan")
    assert first.tags == ("O", "O", "B-PER", "I-PER")
    assert second.tags == ("B-LOC",)

    tabbed = tmp_path / "tabbed.txt"
    tabbed.write_text("di samping itu\tO\nbupati\tO\nbanyuwangi\tB-PLC\nkopi\tB-FNB\npt\tB-IND\npal\tI-IND\n")
    (sentence,) = read_conll(tabbed, label_map={"PLC": "LOC", "IND": "ORG"})
    assert sentence.words == ("di", "samping", "itu", "bupati", "banyuwangi", "kopi", "pt", "pal")
    assert sentence.tags == ("O", "O", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG")


def test_scores_count_only_exact_spans_with_the_right_label():
    gold = [iob_spans(["B-PER", "I-PER", "O", "B-LOC"]), iob_spans(["B-ORG", "I-ORG"])]
    # One exact hit, one span cut short, one wrong label.
    predicted = [{(0, 2, "PER"), (3, 4, "ORG")}, {(0, 1, "ORG")}]
    scores = score_spans(gold, predicted)
    assert (scores["p"], scores["r"]) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    assert scores["per_type"]["PER"]["f"] == 1.0
    assert scores["per_type"]["LOC"] == {"p": 0.0, "r": 0.0, "f": 0.0, "support": 1}


def test_ner_eval_command_prints_a_table_and_json():
    runner = CliRunner()
    table = runner.invoke(cli, ["ner-eval", "--limit", "20"])
    assert table.exit_code == 0, table.output
    assert table.output.splitlines()[0].split() == ["type", "P", "R", "F1", "gold"]
    assert table.output.splitlines()[-1].startswith("overall")
    as_json = runner.invoke(cli, ["ner-eval", "--limit", "20", "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["sentences"] == 20


def test_ner_eval_command_reports_bad_input_in_one_line(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(cli, ["ner-eval", "--model", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
    garbage = tmp_path / "garbage.txt"
    garbage.write_text("just-one-column\n")
    bad = runner.invoke(cli, ["ner-eval", "--data", str(garbage)])
    assert bad.exit_code == 1
    assert "garbage.txt:1" in bad.output and "Traceback" not in bad.output
    not_a_model = runner.invoke(cli, ["ner-eval", "--model", str(tmp_path)])
    assert not_a_model.exit_code == 1
    assert len(not_a_model.output.strip().splitlines()) == 1
