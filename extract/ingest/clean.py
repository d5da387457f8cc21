"""Remove page furniture from article text, line by line.

The same cleaning serves text extracted from HTML and plain text pasted from
these sites, because both carry the same lines: "Baca Juga : ..." links,
photo captions, share widgets, hit counters, "Penulis : X - Editor : Y"
bylines, "Berita Terbaru" lists and reporter initials glued to the last
sentence. What counts as furniture is data (extract/data/site_rules.yaml).

A clean article passes through unchanged: only whole furniture lines (and the
blank lines they leave behind) are removed, plus the `trailing` patterns at
the very end of the body and a headline repeated under it. A tail marker
("Berita Terkait", "0 Komentar") ends the article only after its body has
started, and a line of several sentences (an article sent as one paragraph)
is never a furniture line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.ingest.prose import running_sentences
from extract.ingest.siterules import SiteRules, rules_for

# kinds of furniture, in the order they are tested
BYLINE = "byline"
CAPTION = "caption"
FURNITURE = "furniture"
TAIL = "tail"  # a line that starts the page's tail: it and all after it go
# A tail marker ends the article only once this many sentences of body are
# kept: above that, "0 Komentar" or "Berita Terkait" is furniture, not an end.
BODY_STARTED_SENTENCES = 2
# A line holding this many sentences is a paragraph of the article, never a
# furniture line: captions, bylines and link lines are a sentence or two.
PARAGRAPH_SENTENCES = 3
HEADER = "header"  # above the dateline: title, category, ads ...
TRAILING = "trailing"  # text cut from the end of the last line


@dataclass
class DroppedLine:
    text: str
    kind: str


@dataclass
class CleanedText:
    text: str
    dropped: list[DroppedLine] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    editor: str | None = None
    categories: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # non-blank lines above the dateline


def furniture_kind(line: str, source: str | None = None, rules: SiteRules | None = None) -> str | None:
    """What kind of furniture `line` is (BYLINE, CAPTION, TAIL, FURNITURE), or None for article text."""
    rules = rules or rules_for(source)
    stripped = line.strip()
    if not stripped:
        return None
    kind = _line_kind(stripped, rules)
    if kind is not None and len(running_sentences(stripped)) >= PARAGRAPH_SENTENCES:
        return None  # a whole paragraph (an article sent as one line) is text, whatever its first or last words
    return kind


def _line_kind(stripped: str, rules: SiteRules) -> str | None:
    if any(p.search(stripped) for p in rules.bylines):
        return BYLINE
    if any(p.search(stripped) for p in rules.caption_lines):
        return CAPTION
    if any(p.search(stripped) for p in rules.stop_lines):
        return TAIL
    if any(p.search(stripped) for p in rules.drop_lines):
        return FURNITURE
    return None


def is_furniture_line(line: str, source: str | None = None) -> bool:
    """True when `line` is page furniture ("Baca Juga : ...", a caption, a byline ...) on `source`.

    For the facts stage, which must ignore such lines in raw text too.
    """
    return furniture_kind(line, source) is not None


def reads_like_caption(line: str, rules: SiteRules) -> bool:
    """A header line that is a photo caption, not a headline or an ad: a
    full sentence ("... menyerahkan santunan kepada ahli waris.") or one
    closed by a photo credit."""
    words = line.split()
    return len(words) >= 12 and (line.rstrip().endswith(".") or bool(credit_spans(line, rules)) or len(words) >= 16)


def captions_of(cleaned: CleanedText, rules: SiteRules) -> list[str]:
    """The photo captions cleaning took out of the text, credit removed."""
    return [caption_text(line.text, rules) for line in cleaned.dropped if line.kind == CAPTION]


def credit_spans(line: str, rules: SiteRules) -> list[tuple[int, int]]:
    """(start, end) in `line` of every photo credit ("(Foto: Humas)", "ANTARA/X")."""
    return sorted((m.start(), m.end()) for p in rules.caption_credits for m in p.finditer(line) if m.end() > m.start())


def caption_text(caption: str, rules: SiteRules) -> str:
    """A photo caption as kept in Article.captions: one line, credit removed."""
    line = " ".join(caption.split())
    for start, end in reversed(_merge(credit_spans(line, rules))):
        line = line[:start] + " " + line[end:]
    return " ".join(line.split()).strip(" -–—|,;")


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def parse_byline(line: str, rules: SiteRules) -> tuple[str | None, str | None]:
    """(author, editor) named by a byline line such as "Penulis : X - Editor : Y"."""
    for pattern in rules.bylines:
        match = pattern.search(line.strip())
        if match:
            found = match.groupdict()
            return _name(found.get("author")), _name(found.get("editor"))
    return None, None


def clean_text(text: str, source: str | None = None) -> CleanedText:
    """The article text of `text` without furniture, with what was dropped and found on the way."""
    rules = rules_for(source)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kinds = [furniture_kind(line, rules=rules) for line in lines]
    start = _body_start(lines, rules)
    result = CleanedText(text="")

    header = lines[:start]
    _read_header(header, kinds[:start], rules, result)

    kept: list[str] = []
    body_sentences = 0
    for index in range(start, len(lines)):
        line, kind = lines[index], kinds[index]
        if kind == TAIL and body_sentences >= BODY_STARTED_SENTENCES:
            result.dropped.extend(DroppedLine(rest, TAIL) for rest in lines[index:] if rest.strip())
            break
        if kind == TAIL:
            kind = FURNITURE
        if kind is None:
            kept.append(line)
            body_sentences += len(running_sentences(line))
            continue
        result.dropped.append(DroppedLine(line, kind))
        if kind == BYLINE:
            _take_byline(line, rules, result)
        kept.append(_DROPPED)

    kept = _cut_closing_headline(kept, result)
    kept = _cut_trailing(kept, rules, result)
    result.text = _join(kept)
    return result


# -- steps -----------------------------------------------------------------

_DROPPED = object()  # marks where a line was removed, so its blank line can go too


def _body_start(lines: list[str], rules: SiteRules) -> int:
    """Index of the dateline, when one opens the body; 0 otherwise.

    Everything above a dateline is page header. A dateline found past the
    first half of the text is not trusted to be the start of the body.
    """
    total = sum(len(line) + 1 for line in lines)
    seen = 0
    for index, line in enumerate(lines):
        if seen > total / 2:
            break
        if any(p.search(line.strip()) for p in rules.dateline):
            return index
        seen += len(line) + 1
    return 0


def _read_header(header: list[str], kinds: list[str | None], rules: SiteRules, result: CleanedText) -> None:
    """Title, categories and byline from the lines above the dateline; all of them are dropped."""
    candidates: list[int] = []
    byline_at: int | None = None
    for index, (line, kind) in enumerate(zip(header, kinds)):
        if not line.strip():
            continue
        result.header.append(line.strip())
        if kind is None and reads_like_caption(line.strip(), rules):
            kind = CAPTION  # officials named only in a caption count (kept in Article.captions)
        result.dropped.append(DroppedLine(line, kind or HEADER))
        if kind == BYLINE:
            _take_byline(line, rules, result)
            if byline_at is None:
                byline_at = index
        elif kind is None:
            candidates.append(index)
    if not candidates:
        return
    # A headline sits right above its byline; with no byline, the first
    # line that reads like a headline is taken.
    above = [i for i in candidates if byline_at is not None and i < byline_at]
    headline = [i for i in candidates if _looks_like_headline(header[i])]
    title_at = above[-1] if above else (headline[0] if headline else None)
    if title_at is None:
        return
    result.title = header[title_at].strip()
    result.categories = [header[i].strip() for i in candidates if i < title_at and len(header[i].split()) <= 3]


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and not line.rstrip().endswith((".", ":", ","))


def _take_byline(line: str, rules: SiteRules, result: CleanedText) -> None:
    author, editor = parse_byline(line, rules)
    result.author = result.author or author
    result.editor = result.editor or editor


def _cut_closing_headline(kept: list, result: CleanedText) -> list:
    """Remove the headline some sites repeat under the body, above their
    byline, tag and related-news furniture: a Title Case line with no
    sentence in it, after the body, with only furniture below it."""
    lines = [i for i, line in enumerate(kept) if line is not _DROPPED and line.strip()]
    if len(lines) < 2:
        return kept
    last = lines[-1]
    tail_cut = any(d.kind == TAIL for d in result.dropped)
    if not tail_cut and not any(x is _DROPPED for x in kept[last + 1 :]):
        return kept  # nothing below it was furniture
    line = kept[last]
    if running_sentences(line) or not _title_case(line) or not _looks_like_headline(line):
        return kept
    if not any(running_sentences(kept[i]) for i in lines[:-1]):
        return kept
    result.dropped.append(DroppedLine(line, HEADER))
    return kept[:last] + [_DROPPED] + kept[last + 1 :]


def _title_case(line: str) -> bool:
    """Most longer words capitalised, as in a headline ("Santunan Diserahkan di Pendopo")."""
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _cut_trailing(kept: list, rules: SiteRules, result: CleanedText) -> list:
    """Remove `trailing` patterns (glued reporter initials) from the last body line."""
    for index in range(len(kept) - 1, -1, -1):
        line = kept[index]
        if line is _DROPPED or not line.strip():
            continue
        for pattern in rules.trailing:
            stripped = line.rstrip()
            match = pattern.search(stripped)
            if match and match.start() > 0:
                result.dropped.append(DroppedLine(match.group(0), TRAILING))
                kept = kept[:index] + [stripped[: match.start()].rstrip()] + kept[index + 1 :]
                break
        break
    return kept


def _join(kept: list) -> str:
    """Lines back into text; a blank line left next to a removed line goes with it."""
    out: list[str] = []
    after_drop = False
    for line in kept:
        if line is _DROPPED:
            after_drop = True
            continue
        if after_drop and not line.strip() and (not out or not out[-1].strip()):
            continue
        if line.strip():
            after_drop = False
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    while out and not out[0].strip():
        out.pop(0)
    return "\n".join(out)


def _name(value: str | None) -> str | None:
    value = (value or "").strip(" \t-–—|,:")
    return value or None
