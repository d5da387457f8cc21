"""Payouts read what the NLP layer put on the Doc: MONEY spans are the
amounts, PROGRAM spans the programmes, and the programme words are one file
(extract/data/patterns/program.jsonl) for the ruler and for payouts alike.
Texts written for these tests."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Span

from extract.facts.extractor import build_context
from extract.facts.payouts import extract_payouts
from extract.facts.text import load_lexicon
from extract.nlp.gazetteers import data_text
from extract.nlp.pipeline import RULE_COMPONENTS
from extract.nlp.ruler import SPANS_KEY, compiled_patterns
from extract.nlp.tokenizer import TOKENIZER_NAME
from facts_helpers import article, context_for

HANDED_OVER = "BPJS Ketenagakerjaan menyerahkan manfaat {programme} {amount} kepada ahli waris almarhum Budi Santoso."


def payouts(ctx) -> list[tuple[int, str | None, list[str]]]:
    return [(p.amount_idr, p.beneficiary, p.programs) for p in extract_payouts(ctx)]


def money_spans(ctx) -> list[tuple[str, str]]:
    return [(s.text, s.kb_id_) for s in ctx.doc.spans[SPANS_KEY] if s.label_ == "MONEY"]


def test_an_amount_written_without_rupiah_after_a_value_word_is_money_and_a_payout():
    ctx = context_for(HANDED_OVER.format(programme="JKM", amount="sebesar 42 juta"))
    assert money_spans(ctx) == [("42 juta", "42000000")]
    assert payouts(ctx) == [(42_000_000, "Budi Santoso", ["JKM"])]


def test_a_bare_number_the_nlp_layer_does_not_mark_as_money_is_no_payout():
    ctx = context_for(HANDED_OVER.format(programme="JKM", amount="nomor 16.800"))
    assert money_spans(ctx) == []
    assert payouts(ctx) == []


def test_the_payout_is_the_value_the_money_span_carries_not_a_new_reading_of_the_text():
    ctx = context_for(HANDED_OVER.format(programme="JKM", amount="Rp 42 juta"))
    spans = list(ctx.doc.spans[SPANS_KEY])
    money = next(s for s in spans if s.label_ == "MONEY")
    revalued = Span(ctx.doc, money.start, money.end, "MONEY", kb_id="50000000", span_id=money.id_)
    ctx.doc.spans[SPANS_KEY] = [revalued if s is money else s for s in spans]
    assert payouts(ctx) == [(50_000_000, "Budi Santoso", ["JKM"])]
    ctx.doc.spans[SPANS_KEY] = [s for s in spans if s is not money]
    assert payouts(ctx) == []


def _program_phrases() -> list[tuple[str, str]]:
    """Each entry of the programme vocabulary as written in a text, with its code."""
    phrases = []
    for line in data_text("patterns/program.jsonl").splitlines():
        if line.strip():
            entry = json.loads(line)
            words = [token.get("ORTH") or token["LOWER"] for token in entry["pattern"]]
            phrases.append((" ".join(words), entry["id"]))
    return phrases


@pytest.mark.parametrize("phrase, code", _program_phrases())
def test_every_programme_word_is_a_program_span_and_names_the_payouts_programme(phrase, code):
    ctx = context_for(HANDED_OVER.format(programme=phrase, amount="Rp 20 juta"))
    assert [(s.text, s.id_) for s in ctx.doc.spans[SPANS_KEY] if s.label_ == "PROGRAM"] == [(phrase, code)]
    assert payouts(ctx) == [(20_000_000, "Budi Santoso", [code])]


def test_the_payouts_word_lists_hold_no_programme_names_of_their_own():
    assert "programs" not in load_lexicon("payouts")


def test_a_programme_added_to_the_ruler_is_a_payout_programme_with_no_other_change():
    text = HANDED_OVER.format(programme="jaminan wafat", amount="Rp 42 juta")
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    for name in ("bpjs_sentences", *RULE_COMPONENTS):
        nlp.add_pipe(name)
    assert payouts(build_context(article(text), nlp)) == [(42_000_000, "Budi Santoso", [])]
    extra = {"label": "PROGRAM", "id": "JKM", "pattern": [{"LOWER": "jaminan"}, {"LOWER": "wafat"}]}
    nlp.get_pipe("bpjs_span_ruler").add_patterns(compiled_patterns([extra]))
    assert payouts(build_context(article(text), nlp)) == [(42_000_000, "Budi Santoso", ["JKM"])]


def test_a_count_of_recipients_is_the_cardinal_span_the_nlp_layer_marks():
    ctx = context_for("BPJS Ketenagakerjaan menyerahkan santunan JKM kepada tiga ahli waris, masing-masing Rp 42 juta.")
    assert payouts(ctx) == [(42_000_000, None, ["JKM"])] * 3
    ctx.doc.spans[SPANS_KEY] = [s for s in ctx.doc.spans[SPANS_KEY] if s.label_ != "CARDINAL"]
    assert payouts(ctx) == [(42_000_000, None, ["JKM"])]
