"""Page furniture inside article text: the spans no fact may come from.

Plain text copied from a news page carries the page's furniture ("Baca Juga :
..." lines, bylines, "Scroll untuk baca artikel", related-news tails, photo
credits, reporter initials glued to the last sentence). The ingestion stage
removes it from pages it extracts itself; here the same rules
(extract.ingest.clean.furniture_kind over extract/data/site_rules.yaml) mark
it in text given as is, so that offsets into the text stay exact.

Lines above the dateline are page header (repeated headline, ads, byline)
except photo captions. A caption is not furniture (officials named only in a
caption count), but its credit "(Foto: ...)" is. The dateline itself
("PASURUAN (Realita) -") is marked too: a city named only there is not a
fact of the article.
"""

from __future__ import annotations

import re

from extract.facts.text import line_ranges
from extract.ingest.clean import BODY_STARTED_SENTENCES, CAPTION, credit_spans, furniture_kind
from extract.ingest.clean import reads_like_caption as _reads_like_caption
from extract.ingest.prose import running_sentences
from extract.ingest.siterules import rules_for, site_from_dateline

# The credit part of a caption ("(Foto: BPJS Ketenagakerjaan Blitar)",
# "(Dok/Ist)") is `caption_credits` in extract/data/site_rules.yaml: the same
# patterns ingestion removes from the captions of HTML pages.


def furniture_spans(text: str, site: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of every piece of furniture in `text`, in text order."""
    rules = rules_for(site or site_from_dateline(text))
    lines = [(s, e) for s, e in line_ranges(text) if text[s:e].strip()]
    body_from, dateline = _dateline(text, lines, rules)
    spans: list[tuple[int, int]] = []
    content: list[tuple[int, int]] = []
    in_tail = False
    body_sentences = 0  # a tail marker before the body has started is furniture, not an end (clean.py)
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        kind = None if in_tail else furniture_kind(line, rules=rules)
        if kind == "tail":
            in_tail = body_sentences >= BODY_STARTED_SENTENCES
        header = index < body_from and kind != CAPTION and not _reads_like_caption(line, rules)
        if in_tail or (kind is not None and kind != CAPTION) or header:
            spans.append((start, end))
            continue
        spans.extend((start + s, start + e) for s, e in credit_spans(line, rules))
        content.append((start, end))
        if index >= body_from:
            body_sentences += len(running_sentences(line))
    if dateline:
        spans.append(dateline)
    if content:
        spans.extend(_trailing(text, content[-1], rules))
    return sorted(set(spans))


def caption_credits(caption: str, site: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of the photo credit in a caption given apart from the text
    (Article.captions): HTML ingestion removes it, other inputs may keep it."""
    return credit_spans(caption, rules_for(site))


def _dateline(text: str, lines: list[tuple[int, int]], rules) -> tuple[int, tuple[int, int] | None]:
    """Index of the line that opens the body with a dateline (0 when none in
    the first half of the text), and the dateline's own span."""
    seen = 0
    for index, (start, end) in enumerate(lines):
        if seen > len(text) / 2:
            break
        line = text[start:end]
        lead = len(line) - len(line.lstrip())
        for pattern in rules.dateline:
            match = pattern.search(line.strip())
            if match:
                close = re.match(r"\s*[-–—:]?\s*", line[lead + match.end() :])
                stop = lead + match.end() + (close.end() if close else 0)
                return index, (start + lead, start + stop)
        seen = end
    return 0, None


def _trailing(text: str, line: tuple[int, int], rules) -> list[tuple[int, int]]:
    """Reporter initials glued to the end of the last content line."""
    start, end = line
    stripped = text[start:end].rstrip()
    for pattern in rules.trailing:
        match = pattern.search(stripped)
        if match and match.start() > 0:
            return [(start + match.start(), start + match.end())]
    return []
