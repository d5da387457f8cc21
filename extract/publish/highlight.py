"""Scraped text as safe HTML, with labelled spans marked (in the manner of displaCy).

The text is escaped piece by piece and only our own markup is added between
the pieces, so nothing an article contains can become markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Iterable

from markupsafe import Markup, escape

from extract.store.clean import plain


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str
    kind: str = "entity"  # "entity" (NER/rule mention) or "fact" (an extracted fact's evidence)
    title: str = ""  # tooltip


def _shown(text: str) -> Markup:
    # Escaped, and without the characters that reorder how text is displayed
    # (U+202E ...): scraped text must not disguise what it says. Offsets stay
    # those of the stored text; only what is shown loses them.
    return escape(plain(text))


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """`text` escaped, each span wrapped in <mark>, its label shown where it ends.

    Overlapping spans are allowed: the text is cut at every span boundary and
    each piece is marked with all the spans that cover it.
    """
    valid = sorted(
        {s for s in spans if 0 <= s.start < s.end <= len(text)},
        key=lambda s: (s.start, -s.end, s.label),
    )
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    out: list[Markup] = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        covering = [s for s in valid if s.start <= a and b <= s.end]
        if not covering:
            out.append(_shown(piece))
            continue
        kinds = sorted({s.kind for s in covering})
        labels = " ".join(dict.fromkeys(s.label for s in covering))
        title = "; ".join(dict.fromkeys(s.title or s.label for s in covering))
        # One badge per label where spans end; where a fact's evidence is also
        # an entity ("Rp42 juta": amount and payout), the fact says more.
        ending = [s for s in covering if s.end == b]
        shown = [s for s in ending if s.kind == "fact"] or ending
        badges = Markup("").join(
            Markup('<span class="hl-label">{}</span>').format(label) for label in dict.fromkeys(s.label for s in shown)
        )
        out.append(
            Markup('<mark class="hl {}" data-labels="{}" title="{}">{}{}</mark>').format(
                " ".join(f"hl-{k}" for k in kinds), labels, title, _shown(piece), badges
            )
        )
    return Markup("").join(out)


def highlight_in_sentence(sentence: str, text: str, start: int, end: int, label: str) -> Markup:
    """The `sentence` with the evidence `text[start:end]` marked.

    Offsets refer to the article text; the sentence is located around them.
    When it cannot be, the evidence is looked up in the sentence by its words.
    """
    if not sentence:
        return escape("")
    evidence = text[start:end] if 0 <= start < end <= len(text) else ""
    sentence_start = text.rfind(sentence, max(0, end - len(sentence)), start + len(sentence))
    if evidence and 0 <= sentence_start <= start and end <= sentence_start + len(sentence):
        local = Span(start - sentence_start, end - sentence_start, label, "fact")
        return highlight(sentence, [local])
    if evidence and evidence in sentence:
        i = sentence.index(evidence)
        return highlight(sentence, [Span(i, i + len(evidence), label, "fact")])
    return _shown(sentence)


def format_rupiah(amount: int | str | None) -> str:
    """42000000 -> "Rp42.000.000" (Indonesian digit grouping)."""
    if amount in (None, ""):
        return ""
    return "Rp" + f"{int(amount):,}".replace(",", ".")
