"""Dates are parsed once, by the NLP layer, and resolved later against the
article's publication date: docs made in batches (`nlp.pipe`) have no
reference date, yet their day-and-month dates ("Senin (20/5)") still date the
events. Texts are written for the test."""

import datetime as dt

from extract.facts.extractor import EXTRACTORS, build_context, default_pipeline
from extract.model import Article
from extract.normalize.dates import find_dates, parse_dates, resolve_dates

SENTENCE = "Sosialisasi jaminan sosial digelar di Aula Kecamatan Rengel, Senin (3/6)."


def _article(text: str, published: str | None) -> Article:
    return Article(url=None, source=None, title=None, published=published, author=None, editor=None, text=text)


def _context(text: str, published: str | None, drop_dates: bool = False):
    nlp = default_pipeline()
    (doc,) = nlp.pipe([text])  # as extract_facts_batch makes them: no reference date on the doc
    if drop_dates:
        doc._.date_parts = []
    ctx = build_context(_article(text, published), nlp, [doc])
    for name, extractor in EXTRACTORS:
        ctx.results[name] = extractor(ctx)
    return ctx


def test_a_parsed_date_resolves_against_each_reference_as_find_dates_does():
    parsed = parse_dates("Rapat digelar (3/12) dan dilanjutkan Selasa lalu.")
    for reference, days in (
        (dt.date(2024, 12, 5), [dt.date(2024, 12, 3), dt.date(2024, 12, 3)]),
        (dt.date(2025, 12, 12), [dt.date(2025, 12, 3), dt.date(2025, 12, 9)]),
    ):
        matches = resolve_dates(parsed, reference)
        assert [m.value.date for m in matches] == days
        assert matches == find_dates("Rapat digelar (3/12) dan dilanjutkan Selasa lalu.", reference)
    assert resolve_dates(parsed, None) == []


def test_a_sentence_date_from_the_doc_resolves_against_two_publication_dates():
    # 3 June is a Monday in 2024 and in 2030; the doc itself has no reference
    for published, day in (("2024-06-05", dt.date(2024, 6, 3)), ("2030-06-10", dt.date(2030, 6, 3))):
        ctx = _context(SENTENCE, published)
        assert not [s for s in ctx.doc.spans["rules"] if s.label_ == "DATE"]  # unresolved in the NLP layer
        (match,) = ctx.date_matches(ctx.sentences[0])
        assert match.value.date == day and match.relative
        assert match.text == SENTENCE[match.start : match.end] == "Senin (3/6)"


def test_events_take_their_dates_from_the_doc():
    dated = _context(SENTENCE, "2024-06-05")
    assert {e.date for e in dated.results["events"]} == {"2024-06-03"}
    # the same text, but the doc holds no parsed dates: the event has none
    undated = _context(SENTENCE, "2024-06-05", drop_dates=True)
    assert undated.results["events"]
    assert {e.date for e in undated.results["events"]} == {None}
