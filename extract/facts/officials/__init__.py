"""Officials: named people with an office, one entity per person.

Patterns of Indonesian news prose, over spaCy tokens of each content sentence:

* office then name: "Bupati Trenggalek Mochamad Nur Arifin", "Kepala Kantor
  Cabang BPJS Ketenagakerjaan Pasuruan, Trioki Susanto, mengatakan";
* name then link then office: "Yuni Urinawati selaku Kepala Bidang ...";
* name then office: "ujar Eris Aprianto Kepala BPJS Ketenagakerjaan Blitar",
  "Hendra Elvian, Kepala BPJamsostek Cabang Blitar, menjelaskan".

Where a run of capitalised words after an office word stops being the office
and starts being the name is decided, in order, by an honorific ("Drs.",
"H.M.", "KH"), a PER entity of the NER model, a word the article elsewhere
uses alone as a name ("jelas Hendra"), and otherwise by the office vocabulary:
the name is what follows the last office word.

What the NLP layer put on the Doc is read, not found again: the words that
open an office are those the ruler's POSITION, HEAD and ACTING patterns start
with (extract/data/patterns/position.jsonl, the one office vocabulary); place
names inside an office are the tokens the NLP lexicon marked as places
(`token._.bpjs_place`); PER entities are evidence of where a name starts. The
words that continue an office ("Dinas", "Bidang", "Sosial") and the rest of
the officials' rules are in extract/data/facts/officials.yaml.

Mentions of one person are merged: same key (name without titles,
case-folded), or a short form whose words all belong to one longer name
("Gus Mujib" -> "Abdul Mujib Imron", "Bupati Rini" -> "Rini Syarifah").

The package: `lexicon` (the vocabulary), `titles` (names and titles),
`offices` (where an office runs in a sentence), `names` (where a name runs,
where an office ends and a name begins), `evidence` (what the whole article
says about its words), `linking` (a name linked to its office), `resolve`
(one Official per person).
"""

from __future__ import annotations

import re

from extract.facts.context import Context
from extract.facts.officials.evidence import article_places, common_words, known_names
from extract.facts.officials.linking import Mention, find_mentions
from extract.facts.officials.names import SentenceView
from extract.facts.officials.resolve import link_across_articles, person_key, resolve
from extract.facts.officials.titles import clean_name
from extract.model import Official

__all__ = ["extract_officials", "link_across_articles"]


def extract_officials(ctx: Context) -> list[Official]:
    """Officials of the text, then those of the photo captions (a person named
    only in a caption counts); one Official per person across both."""
    tokens = [ctx.tokens(sentence) for sentence in ctx.sentences]
    known = known_names(ctx, tokens)
    common = common_words(ctx.text)
    places = article_places(tokens)
    mentions: list[Mention] = []
    for part in [ctx, *ctx.captions]:
        per_starts = {e.start_char for e in part.entities("PER")}
        words = common if part is ctx else common | common_words(part.text)
        part_tokens = tokens if part is ctx else [part.tokens(sentence) for sentence in part.sentences]
        for sentence, toks in zip(part.sentences, part_tokens):
            view = SentenceView(part, sentence, toks, known, per_starts, words, places)
            mentions.extend(find_mentions(view))
    return resolve(_drop_headline_guesses(mentions), ctx)


def _is_headline(text: str) -> bool:
    """A headline (the article's or a related one): most words capitalised,
    no closing full stop. Where an office ends and a name begins cannot be
    told there ("Wali Kota Binjai Lindungi Pekerja Rentan")."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    if len(words) < 4 or text.rstrip().endswith((".", '"', "”")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _drop_headline_guesses(mentions: list[Mention]) -> list[Mention]:
    """Mentions in a headline count only for a name the article also gives
    outside headlines (whole, or as a short form of it)."""
    body = [m for m in mentions if not _is_headline(m.sentence.text)]
    names = [set(person_key(clean_name(m.name)[0]).split()) for m in body]
    kept = []
    for mention in mentions:
        if mention in body or any(set(person_key(clean_name(mention.name)[0]).split()) <= words for words in names):
            kept.append(mention)
    return kept
