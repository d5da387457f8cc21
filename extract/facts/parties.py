"""The parties of a signing (extract/facts/events_assemble.py), named as the article
names them.

* Organisations (ORG rule spans) in the signing's own sentence, then in its
  other sentences until two parties are known. An organisation named as the
  venue ("di Gedung BPKAD Kabupaten Tegal") is where it was signed, not who.
* When fewer than two are known, the government or organisation of a
  signatory: officials of the signing's own sentence first ("Wali Kota
  Binjai Amir Hamzah meneken MoU ..."), written as the article writes that
  body elsewhere ("Pemkab Tegal" rather than "Pemerintah Kabupaten Tegal").
* One body is one party: a name whose words all belong to another's, or its
  acronym ("Kejari Kota Blitar" for "Kejaksaan Negeri Kota Blitar", "Pemkab
  Tuban" for "Pemerintah Kabupaten Tuban"). A long name given with its short
  name in brackets is written short: "Pemerintah Kabupaten (Pemkab)
  Probolinggo" -> "Pemkab Probolinggo".
* BPJS is the other party of a signing that names only one, when the
  article names BPJS.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.facts.context import Context
from extract.facts.text import Sentence, load_lexicon, word_pattern

_BRACKETED = re.compile(r"^(?P<long>[^()]+?)\s*\((?P<short>[^()]+)\)\s*(?P<rest>.*)$")


@lru_cache(maxsize=1)
def _venue_before() -> re.Pattern[str]:
    data = load_lexicon("events")["party_venue"]
    places = word_pattern(data["place_words"]).pattern
    markers = word_pattern(data["markers"]).pattern
    return re.compile(rf"(?:{markers})\s+(?:{places})(?:\s+[\w.'’-]+){{0,3}}\s*$", re.IGNORECASE)


def canonical_party(name: str) -> str:
    """An organisation's name as a party: whitespace collapsed, a long name
    followed by its acronym in brackets written as the acronym ("Badan
    Penyelenggara Jaminan Sosial (BPJS) Ketenagakerjaan Cabang Blitar" ->
    "BPJS Ketenagakerjaan Cabang Blitar")."""
    name = " ".join(name.split())
    match = _BRACKETED.match(name)
    if match and is_acronym(match.group("short"), match.group("long")):
        name = f"{match.group('short').strip()} {match.group('rest')}".strip()
    return name


def is_acronym(short: str, long: str) -> bool:
    """Is `short` an Indonesian acronym of `long`: one word, its letters in
    order in the long name's, starting with its first letter ("Pemkab" of
    "Pemerintah Kabupaten", "Kejari" of "Kejaksaan Negeri", "BPJamsostek")?"""
    s = re.sub(r"\W", "", short.casefold())
    words = re.findall(r"\w+", long.casefold())
    if len(short.split()) != 1 or len(words) < 2 or len(s) < 2 or not s.startswith(words[0][0]):
        return False
    letters = iter("".join(words))
    return all(ch in letters for ch in s)


def _words(name: str) -> frozenset[str]:
    return frozenset(re.sub(r"[()]", " ", name).casefold().split())


def same_body(a: str, b: str) -> bool:
    """Two names of one body: the words of one all in the other's, or one
    an acronym of the other's first words, the rest the same."""
    wa, wb = _words(a), _words(b)
    if wa <= wb or wb <= wa:
        return True
    ta, tb = a.split(), b.split()
    for short, long in ((ta, tb), (tb, ta)):
        for cut in range(2, len(long)):
            if short[1:] == long[cut:] and is_acronym(short[0], " ".join(long[:cut])):
                return True
        if len(short) == 1 and is_acronym(short[0], " ".join(long)):
            return True
    return False


def is_bpjs(name: str) -> bool:
    return re.search(r"(?i)\b(bpjs|bpjamsostek|jamsostek|badan penyelenggara)\b", name) is not None


def _in_venue(ctx: Context, sentence: Sentence, start: int) -> bool:
    return _venue_before().search(ctx.text[sentence.start : start]) is not None


def _org_spans(ctx: Context, sentence: Sentence):
    spans = [s for s in ctx.rule_spans("ORG") if sentence.start <= s.start_char and s.end_char <= sentence.end]
    # the longest of nested spans: "BPJamsostek" inside "BPJamsostek Cabang Blitar"
    spans = [
        a
        for a in spans
        if not any(
            b is not a and b.start_char <= a.start_char and a.end_char <= b.end_char and len(b.text) > len(a.text)
            for b in spans
        )
    ]
    return sorted(spans, key=lambda s: s.start_char)


def _add(parties: list[str], name: str) -> None:
    if name and not any(same_body(name, p) for p in parties):
        parties.append(name)


def _as_written(ctx: Context, name: str) -> str:
    """The article's own first name for the body `name` ("Pemkab Tegal" for
    "Pemerintah Kabupaten Tegal"), else `name`."""
    for span in sorted(ctx.rule_spans("ORG"), key=lambda s: s.start_char):
        written = canonical_party(span.text)
        if ctx.sentence_at(span.start_char) is None or written == name or not same_body(written, name):
            continue
        # a shorter name of that body with its place: not "Pemkab" alone, not
        # "Dinas ... Pemerintah Kota Binjai" for "Pemerintah Kota Binjai"
        shorter = 1 < len(written.split()) <= len(name.split())
        if shorter and written.split()[-1].casefold() == name.split()[-1].casefold():
            return written
    return name


def signing_parties(ctx: Context, sentences: list[Sentence]) -> list[str]:
    """The parties of the signing told in `sentences` (its own sentence first)."""
    parties: list[str] = []
    own = sentences[0]
    # "Kolaborasi tersebut diresmikan lewat penandatanganan ...": the
    # sentence before tells who, before the signing's other sentences do
    before = [ctx.sentences[own.index - 1]] if own.index > 0 else []
    _add_organisations(ctx, parties, [own], limit=None)
    # "Wali Kota Binjai Amir Hamzah meneken MoU bersama BPJS ...": the
    # signatory's government or organisation is a party
    _add_officials(ctx, parties, [own])
    refers_back = re.search(r"(?i)\b(?:itu|tersebut|ini)\b", " ".join(own.text.split()[:4])) is not None
    later = before + sentences[1:] if refers_back else sentences[1:] + before
    _add_organisations(ctx, parties, later, limit=2)
    _add_officials(ctx, parties, sentences)
    if len(parties) < 2 and not any(is_bpjs(p) for p in parties):
        # "lembaga itu meneken PKS dengan pemerintah desa": BPJS is the other
        # party of every agreement these articles report
        bpjs = next((canonical_party(s.text) for s in ctx.rule_spans("ORG") if is_bpjs(s.text)), None)
        if bpjs:
            parties.insert(0, bpjs)
    return parties


def _add_organisations(ctx: Context, parties: list[str], sentences: list[Sentence], limit: int | None) -> None:
    for sentence in sentences:
        for span in _org_spans(ctx, sentence):
            if limit is not None and len(parties) >= limit:
                return
            if not _in_venue(ctx, sentence, span.start_char):
                _add(parties, canonical_party(span.text))


def _add_officials(ctx: Context, parties: list[str], sentences: list[Sentence]) -> None:
    for official in _officials_of(ctx, sentences):
        if len(parties) >= 2:
            return
        _add(parties, _as_written(ctx, canonical_party(official.organisation)))


def _officials_of(ctx: Context, sentences: list[Sentence]) -> list:
    """Officials with an organisation named in the sentences, those of the
    earlier sentence (the signing's own) first, in the order named."""
    order = {s.index: i for i, s in enumerate(sentences)}
    ranked = []
    for official in ctx.results.get("officials", []):
        if not official.organisation:
            continue
        places = [
            (order[s.index], p.start)
            for p in official.provenance
            if (s := ctx.sentence_of(p)) is not None and s.index in order
        ]
        if places:
            ranked.append((min(places), official))
    return [official for _, official in sorted(ranked, key=lambda r: r[0])]
