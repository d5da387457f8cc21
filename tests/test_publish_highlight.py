from extract.publish.highlight import Span, format_rupiah, highlight, highlight_in_sentence


def test_text_is_escaped_and_only_our_marks_are_markup():
    html = str(highlight("a <b>&</b> c", [Span(2, 5, "X")]))
    assert (
        html
        == 'a <mark class="hl hl-entity" data-labels="X" title="X">&lt;b&gt;<span class="hl-label">X</span></mark>&amp;&lt;/b&gt; c'
    )


def test_overlapping_spans_mark_each_piece_with_every_covering_label():
    text = "Bupati Blitar Rijanto"
    html = str(highlight(text, [Span(0, 13, "POSITION"), Span(7, 21, "PER", "fact")]))
    assert ">Bupati </mark>" in html.replace('<span class="hl-label">POSITION</span>', "")
    assert 'data-labels="POSITION PER"' in html  # "Blitar" is under both
    assert html.count('<span class="hl-label">POSITION</span>') == 1
    assert html.count('<span class="hl-label">PER</span>') == 1
    assert html.endswith('Rijanto<span class="hl-label">PER</span></mark>')


def test_spans_outside_the_text_are_ignored():
    assert str(highlight("abc", [Span(2, 10, "X"), Span(-1, 1, "Y"), Span(2, 2, "Z")])) == "abc"


def test_fact_is_marked_within_its_sentence_by_article_offsets():
    text = "Satu kalimat. Dana Rp5 juta dan Rp5 juta lagi."
    start = text.rindex("Rp5 juta")
    html = str(highlight_in_sentence("Dana Rp5 juta dan Rp5 juta lagi.", text, start, start + 8, "PAYOUT"))
    assert html.startswith("Dana Rp5 juta dan <mark")  # the second amount, not the first


def test_rupiah_uses_indonesian_grouping():
    assert format_rupiah(177240000) == "Rp177.240.000"
    assert format_rupiah(None) == ""


def test_characters_that_reorder_text_never_reach_the_page():
    """A scraped text with U+202E would show "elpmaxe" as "example": the page drops such characters."""
    text = "Kunjungi evil\u202emoc.elpmaxe sekarang. Bupati Blitar hadir."
    html = str(highlight(text, [Span(text.index("Bupati"), text.index("Bupati") + 13, "official")]))
    assert "\u202e" not in html
    assert "evilmoc.elpmaxe" in html and "<mark" in html
    assert "\u202e" not in str(highlight_in_sentence(text, text, 0, 5, "x"))
