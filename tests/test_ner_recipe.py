"""The NER training recipe's template sentences (models/ner/scripts/augment.py)."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest
import spacy
import yaml

RECIPE = Path(__file__).resolve().parents[1] / "models" / "ner"


def _augment():
    spec = importlib.util.spec_from_file_location("ner_augment", RECIPE / "scripts" / "augment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


augment = _augment()
NAMES = ["Rini Syarifah", "Hendra Elvian"]
REGIONS = [
    {
        "kab": ["Blitar"],
        "kota": ["Malang"],
        "region": ["Kabupaten Blitar"],
        "kec": ["Pogalan"],
        "desa": ["Ngadirejo"],
        "prov": ["Jawa Timur"],
    }
]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("id")


def entities(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_template_sentence_splits_office_region_and_name(nlp):
    template = "Bupati <LOC>{kab}</LOC> {person} membuka acara di <LOC>Desa {desa}</LOC> ."
    marked = augment.fill(template, random.Random(1), ["Rini Syarifah"], REGIONS)
    doc = augment.to_doc(nlp, marked)
    (person,) = [text for text, label in entities(doc) if label == "PER"]
    assert person.endswith("Rini Syarifah")  # possibly after an honorific
    assert ("Blitar", "LOC") in entities(doc) and ("Desa Ngadirejo", "LOC") in entities(doc)
    assert doc[0].text == "Bupati" and doc[0].ent_type_ == ""


def test_alternatives_are_chosen_and_nested_slots_stay_inside_the_span(nlp):
    template = "Kepala <ORG>(BPJamsostek|BPJS Ketenagakerjaan) Cabang {kota}</ORG> hadir ."
    marked = augment.fill(template, random.Random(3), NAMES, REGIONS)
    (org,) = entities(augment.to_doc(nlp, marked))
    assert org[1] == "ORG" and org[0] in {"BPJamsostek Cabang Malang", "BPJS Ketenagakerjaan Cabang Malang"}


def test_a_span_that_cuts_a_token_is_refused(nlp):
    assert augment.to_doc(nlp, "Warga <LOC>Bli</LOC>tar datang .") is None


def test_every_shipped_template_gives_well_formed_sentences(nlp):
    templates = yaml.safe_load((RECIPE / "domain_templates.yml").read_text(encoding="utf-8"))["templates"]
    rng = random.Random(0)
    for template in templates:
        doc = augment.to_doc(nlp, augment.fill(template, rng, NAMES, REGIONS))
        assert doc is not None, template
        assert "<" not in doc.text and "{" not in doc.text and "|" not in doc.text, template
        assert doc.ents, template
