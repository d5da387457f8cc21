"""The optional Hugging Face NER backend (extract.nlp.hf_ner), with tiny BERT
models that the tests build and save themselves: nothing is downloaded.

A freshly initialised model predicts noise, so the classifier is forced: all
weights zero and one label's bias high, so that label wins on every token.
That makes the expected spans exact while still running the real tokenizer,
model, aggregation and offset mapping.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

# The transformers extra (`make test` installs it); without it these tests say so and skip.
pytest.importorskip("transformers", reason="the optional 'transformers' extra is not installed")
pytest.importorskip("torch", reason="the optional 'transformers' extra is not installed")

from extract.cli import cli
from extract.nlp.hf_ner import TransformersNER, map_label
from extract.nlp.pipeline import NER_MODEL_ENV, load_pipeline, load_rules_pipeline

LABELS = ["O", "B-PERSON", "I-PERSON", "B-ORGANISATION", "I-ORGANISATION", "B-PLACE", "I-PLACE", "B-EVT", "I-EVT"]
WORDS = "bupati blitar hadir di pendopo warga senang sekali acara dibuka pagi ini dan ditutup sore".split()


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    monkeypatch.delenv(NER_MODEL_ENV, raising=False)  # restored after tests that set it


def build_tiny_model(directory: Path, winning_label: str, max_positions: int = 64) -> Path:
    import torch
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    directory.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", *WORDS]
    vocab_file = directory / "vocab.txt"
    vocab_file.write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(vocab_file), do_lower_case=True)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=max_positions,
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    torch.manual_seed(0)
    model = BertForTokenClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.fill_(-10.0)
        model.classifier.bias[LABELS.index(winning_label)] = 10.0
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


def entities(model: Path, text: str) -> list[tuple[str, str]]:
    """The backend component alone, on a Doc with our sentences."""
    doc = TransformersNER(str(model))(load_rules_pipeline()(text))
    return [(e.text, e.label_) for e in doc.ents]


@pytest.fixture(scope="module")
def person_model(tmp_path_factory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("hf") / "every-word-a-person", "B-PERSON")


def test_labels_of_other_tag_sets_map_to_ours():
    assert [map_label(x) for x in ("B-PER", "I-PERSON", "PPL", "b-ppl")] == ["PER"] * 4
    assert [map_label(x) for x in ("B-ORG", "ORGANISATION", "I-IND")] == ["ORG"] * 3
    assert [map_label(x) for x in ("LOC", "B-GPE", "PLC", "I-PLACE")] == ["LOC"] * 4
    assert [map_label(x) for x in ("B-EVT", "MISC", "O", "")] == [None] * 4


def test_predictions_become_character_spans_on_the_same_doc(person_model):
    nlp = load_pipeline(ner_model=person_model)
    assert "bpjs_hf_ner" in nlp.pipe_names
    text = "Bupati Blitar hadir di pendopo.\nWarga senang sekali."
    with nlp.select_pipes(disable=["bpjs_person_repair"]):  # the backend's spans, untrimmed
        doc = nlp(text)
    # B- on every word: one PER entity per word, in both sentences; the
    # second sentence's offsets are shifted by its start in the text.
    assert [(e.text, e.label_) for e in doc.ents] == [
        (word, "PER") for word in ["Bupati", "Blitar", "hadir", "di", "pendopo", ".", "Warga", "senang", "sekali", "."]
    ]
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text
    # The rules still run beside the transformers backend.
    assert ("POSITION", "Bupati Blitar") in [(s.label_, s.text) for s in doc.spans["rules"]]


def test_inside_tags_group_words_and_entities_stay_within_a_sentence(tmp_path):
    model = build_tiny_model(tmp_path / "organisations", "I-ORGANISATION")
    assert entities(model, "Acara dibuka pagi ini. Warga senang sekali.") == [
        ("Acara dibuka pagi ini.", "ORG"),
        ("Warga senang sekali.", "ORG"),
    ]


def test_labels_we_do_not_use_are_dropped(tmp_path):
    model = build_tiny_model(tmp_path / "events", "B-EVT")
    assert entities(model, "Acara dibuka pagi ini.") == []


def test_a_sentence_longer_than_the_model_window_is_read_whole(tmp_path):
    model = build_tiny_model(tmp_path / "short-window", "B-PERSON", max_positions=32)
    words = (WORDS * 5)[:70]
    assert entities(model, " ".join(words)) == [(word, "PER") for word in words]


def test_the_model_is_loaded_once_per_path(person_model):
    assert load_pipeline(ner_model=person_model) is load_pipeline(ner_model=str(person_model) + "/")


def test_cli_nlp_uses_the_model_given_with_ner_model(person_model):
    result = CliRunner().invoke(cli, ["nlp", "--ner-model", str(person_model), "--json", "-"], input="Warga senang.")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    # (the person repair drops the full stop the model calls a person)
    assert [(e["label"], e["text"], e["start"], e["end"]) for e in data["entities"]] == [
        ("PER", "Warga", 0, 5),
        ("PER", "senang", 6, 12),
    ]


def test_cli_rejects_a_directory_that_is_not_a_model(tmp_path):
    result = CliRunner().invoke(cli, ["nlp", "--ner-model", str(tmp_path), "-"], input="Warga senang.")
    assert result.exit_code == 2
    assert "not a model directory" in result.output
    assert "Traceback" not in result.output
