"""One office vocabulary: the words of extract/data/patterns/position.jsonl
make the NLP ruler's POSITION spans and open the officials' offices.

Every text here is written for the test.
"""

import pytest

from extract.facts.extractor import build_context, default_pipeline
from extract.facts.officials import extract_officials
from extract.facts.officials.lexicon import office_heads
from extract.model import Article
from extract.nlp.ruler import load_patterns

# "syahbandar" (a harbour master) is in no vocabulary of ours
TEXT = "Syahbandar Pelabuhan Gresik, Budi Santoso, memeriksa kapal nelayan pada pagi itu."
HARBOUR_MASTER = {"label": "POSITION", "id": "Syahbandar", "pattern": [{"LOWER": "syahbandar"}]}


def _context(text: str):
    article = Article(url=None, source=None, title=None, published="2024-05-20", author=None, editor=None, text=text)
    return build_context(article, default_pipeline())


def _positions(ctx) -> list[tuple[str, str]]:
    return [(span.text, span.id_) for span in ctx.rule_spans("POSITION")]


@pytest.fixture
def harbour_master_in_vocabulary():
    """The pipeline's ruler with one more pattern-file line, as if added to
    position.jsonl; taken out again afterwards."""
    ruler = default_pipeline().get_pipe("bpjs_span_ruler")
    before = ruler.vocabulary
    ruler.add_vocabulary([HARBOUR_MASTER])
    try:
        yield
    finally:
        ruler.remove_by_id("Syahbandar")
        ruler.vocabulary = before


def test_an_office_unknown_to_the_vocabulary_is_neither_a_span_nor_an_office():
    ctx = _context(TEXT)
    assert _positions(ctx) == []
    assert extract_officials(ctx) == []


def test_an_office_added_to_the_vocabulary_is_a_position_span_and_an_officials_office(harbour_master_in_vocabulary):
    ctx = _context(TEXT)
    assert ("Syahbandar", "Syahbandar") in _positions(ctx)
    found = [(o.name, o.position) for o in extract_officials(ctx)]
    assert found == [("Budi Santoso", "Syahbandar Pelabuhan Gresik")]


def test_office_heads_are_the_words_the_office_patterns_start_with():
    heads = office_heads(load_patterns())
    assert {("bupati",), ("wakil", "bupati"), ("kepala",), ("plt",), ("kasatreskrim",)} <= set(heads)
    # a law's kind or a programme is no office
    assert ("perbup",) not in heads and ("jkm",) not in heads
    # the words up to the first optional one: "Kepala Bidang" needs an agency after it
    assert ("kepala", "bidang") in heads


def test_a_place_the_nlp_layer_marks_on_the_doc_belongs_to_the_office():
    # a branch named after its regency and a kecamatan of it
    ctx = _context(
        "Dewi Anggraini selaku Kepala Kantor Cabang BPJS Ketenagakerjaan Malang Kepanjen menyerahkan santunan."
    )
    assert [t._.bpjs_place for t in ctx.doc if t.text in ("Malang", "Kepanjen")] == [True, True]
    found = [(o.name, o.position) for o in extract_officials(ctx)]
    assert found == [("Dewi Anggraini", "Kepala Kantor Cabang BPJS Ketenagakerjaan Malang Kepanjen")]


def test_a_regency_short_name_is_a_place_on_the_doc_and_ends_the_office():
    ctx = _context("Bupati Kubar Yohanes Salim meninjau jembatan yang rusak.")
    assert [t.text for t in ctx.doc if t._.bpjs_place] == ["Kubar"]
    assert [(o.name, o.position) for o in extract_officials(ctx)] == [("Yohanes Salim", "Bupati Kubar")]
