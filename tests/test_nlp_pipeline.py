"""Loading the NLP pipeline (extract.nlp.pipeline): cached, offline, clear errors."""

from __future__ import annotations

import shutil
import socket

import pytest
import spacy
from click.testing import CliRunner

from extract.cli import cli
from extract.nlp.pipeline import (
    DEFAULT_NER_MODEL,
    NER_MODEL_ENV,
    NerModelError,
    annotate,
    doc_to_dict,
    load_pipeline,
    load_rules_pipeline,
)

shipped_model = pytest.mark.skipif(
    not (DEFAULT_NER_MODEL / "meta.json").is_file(), reason="models/id_ner has not been shipped in this checkout"
)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a connection or resolve a name fails."""

    def refuse(*args, **kwargs):
        raise OSError("networking is disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def test_pipeline_is_loaded_once_per_process():
    assert load_rules_pipeline() is load_rules_pipeline()


def test_rules_pipeline_has_our_components_in_order():
    names = load_rules_pipeline().pipe_names
    assert names == [
        "bpjs_sentences",
        "bpjs_lexicon",
        "bpjs_span_ruler",
        "bpjs_span_grammar",
        "bpjs_numeric_spans",
        "bpjs_region_spans",
        "bpjs_person_repair",
    ]


def test_missing_model_is_a_clear_error_not_a_silent_fallback(tmp_path):
    missing = tmp_path / "no-such-model"
    with pytest.raises(NerModelError, match="NER model not found: .*no-such-model"):
        load_pipeline(ner_model=missing)


def test_environment_variable_names_the_default_model(tmp_path, monkeypatch):
    monkeypatch.setenv(NER_MODEL_ENV, str(tmp_path / "elsewhere"))
    with pytest.raises(NerModelError, match="elsewhere"):
        load_pipeline()


def test_directory_that_is_not_a_model_is_rejected(tmp_path):
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(NerModelError, match="not a model directory"):
        load_pipeline(ner_model=tmp_path)


def test_annotate_gives_sentences_and_rule_spans_as_plain_data():
    text = "Bupati Blitar menyerahkan Rp 42 juta.\nAhli waris berterima kasih."
    data = doc_to_dict(annotate(text, nlp=load_rules_pipeline()))
    assert [(s["text"], text[s["start"] : s["end"]]) for s in data["sentences"]] == [
        ("Bupati Blitar menyerahkan Rp 42 juta.", "Bupati Blitar menyerahkan Rp 42 juta."),
        ("Ahli waris berterima kasih.", "Ahli waris berterima kasih."),
    ]
    assert data["entities"] == []
    assert {"label": "MONEY", "text": "Rp 42 juta", "start": 26, "end": 36, "id": "", "kb_id": "42000000"} in data[
        "rules"
    ]


def test_cli_nlp_lists_sentences_and_spans():
    result = CliRunner().invoke(cli, ["nlp", "--rules-only", "-"], input="Pemkab Trenggalek menerima santunan JKM.\n")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "[1] Pemkab Trenggalek menerima santunan JKM."
    assert any(line.split()[:3] == ["ORG", "Pemkab", "Trenggalek"] for line in lines)
    assert any(line.split()[:2] == ["PROGRAM", "JKM"] for line in lines)


def test_cli_nlp_reports_a_missing_default_model_in_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv(NER_MODEL_ENV, str(tmp_path / "gone"))
    result = CliRunner().invoke(cli, ["nlp", "-"], input="Warga senang.")
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error: NER model not found")
    assert "Traceback" not in result.output


@shipped_model
def test_shipped_model_loads_with_networking_disabled(tmp_path, no_network):
    # A copy, so that this load is a real one and not the process cache.
    copy = tmp_path / "id_ner"
    shutil.copytree(DEFAULT_NER_MODEL, copy)
    assert {"ner"} <= set(spacy.load(copy).pipe_names)
    nlp = load_pipeline(ner_model=copy)
    assert nlp.pipe_names[0] == "bpjs_sentences" and "ner" in nlp.pipe_names
    doc = nlp("Kepala Dinas Sosial Kabupaten Blitar, Budi Santoso, menyerahkan santunan di Kanigoro.")
    assert {e.label_ for e in doc.ents} <= {"PER", "ORG", "LOC"}
    assert doc.ents, "the shipped model found nothing in a plain news sentence"
    assert [t.text for t in doc[:2]] == ["Kepala", "Dinas"]
    assert "Rp." in [t.text for t in nlp.make_doc("sebesar Rp.5.000.000")]  # our tokenizer, not the saved one


@shipped_model
def test_model_on_numpy_blas_finds_the_same_entities_and_runs_one_thread():
    # extract.nlp.blas moves the model's matrix products from blis to numpy's
    # BLAS for speed; what the model finds must not change.
    from threadpoolctl import threadpool_info

    from extract.nlp.blas import multiply_with_numpy

    text = (
        "Wakil Wali Kota Madiun, Siti Rahayu, meninjau posko bantuan bersama "
        "Kepala Dinas Sosial Provinsi Jawa Timur di Caruban.\n"
        "Sebanyak 120 pekerja pabrik gula PT Kebun Makmur menerima santunan dari "
        "BPJS Ketenagakerjaan Cabang Madiun, kata Agus Prasetyo."
    )
    blis = spacy.load(DEFAULT_NER_MODEL)
    numpy_blas = multiply_with_numpy(spacy.load(DEFAULT_NER_MODEL))
    assert not numpy_blas.get_pipe("tok2vec").model.ops.use_blis
    found = [(e.start_char, e.end_char, e.label_) for e in numpy_blas(text).ents]
    assert found == [(e.start_char, e.end_char, e.label_) for e in blis(text).ents]
    assert {label for *_, label in found} == {"PER", "ORG", "LOC"}
    load_pipeline()
    assert all(pool["num_threads"] == 1 for pool in threadpool_info() if pool["user_api"] == "blas")
