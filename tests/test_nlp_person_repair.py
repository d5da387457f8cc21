"""PER entities that took in a neighbouring office, organisation or place are
trimmed to the person's name (extract.nlp.components, "bpjs_person_repair").
The rules pipeline runs for real; the glued entity is put on the doc as the
NER model writes one, so the repair is tested whatever the model's weights."""

import pytest

from extract.nlp.components import repair_person_spans
from extract.nlp.pipeline import load_pipeline, load_rules_pipeline


def _persons_after_repair(text: str, glued: str) -> list[str]:
    doc = load_rules_pipeline()(text)
    start = text.index(glued)
    span = doc.char_span(start, start + len(glued), label="PER")
    doc.ents = [span]
    doc.ents = repair_person_spans(doc)
    return [e.text for e in doc.ents if e.label_ == "PER"]


@pytest.mark.parametrize(
    "text, glued, name",
    [
        # a province's short name before the name
        (
            "Hadir Kakanwil BPJS Ketenagakerjaan Sulsel Andi Pratama di acara itu.",
            "Sulsel Andi Pratama",
            "Andi Pratama",
        ),
        # a regency's name before the name
        ("Bupati Lumajang Thoriqul Haq membuka acara.", "Lumajang Thoriqul Haq", "Thoriqul Haq"),
        # an office after the name
        (
            "Menurut Rina Wulandari Kadinsos Jateng, bantuan cair pekan depan.",
            "Rina Wulandari Kadinsos Jateng",
            "Rina Wulandari",
        ),
        # an agency's acronym before the name, and a lower-case office after it
        ("Sambutan disampaikan BPBD Suryo Hadi kepala pelaksana.", "BPBD Suryo Hadi kepala pelaksana", "Suryo Hadi"),
        # particles inside a name stay
        ("Hadir pula Ahmad bin Said di lokasi.", "Ahmad bin Said", "Ahmad bin Said"),
    ],
)
def test_glued_person_spans_are_trimmed_to_the_name(text, glued, name):
    assert _persons_after_repair(text, glued) == [name]


def test_a_person_span_that_is_only_a_place_is_dropped():
    assert _persons_after_repair("Warga Sumenep menyambut baik program itu.", "Sumenep") == []


def test_the_full_pipeline_runs_the_repair_last():
    assert load_pipeline().pipe_names[-1] == "bpjs_person_repair"
