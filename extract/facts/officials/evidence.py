"""What the whole article says about its words: names it quotes alone,
places it writes after "di", words it writes in lower case."""

from __future__ import annotations

import re

from spacy.tokens import Token

from extract.facts.context import Context
from extract.facts.officials.lexicon import fold, lexicon, lexicon_for
from extract.facts.officials.titles import is_cap, is_honorific


def known_names(ctx: Context, tokens: list[list[Token]]) -> frozenset[str]:
    """Words the article uses alone as a person's name: right after a speech
    verb ("jelas Hendra", "kata Gus Mujib") or as the subject of one
    ("Hendra menambahkan")."""
    lex = lexicon_for(ctx.nlp)
    found = set()
    for sentence_tokens in tokens:
        toks = [t.text for t in sentence_tokens]
        folded = [fold(t) for t in toks]
        for k, word in enumerate(folded):
            if word not in lex.speech_verbs:
                continue
            after = k + 1
            while after < len(toks) and is_honorific(toks[after]):
                after += 1
            if after < len(toks) and is_cap(toks[after]) and toks[after].isalpha():
                found.add(fold(toks[after]))
            if k >= 1 and is_cap(toks[k - 1]) and toks[k - 1].isalpha() and (k == 1 or not is_cap(toks[k - 2])):
                found.add(fold(toks[k - 1]))
    heads = {h[0] for h in lex.heads}
    return frozenset(found - lex.position_words - lex.stop_words - heads)


def article_places(tokens: list[list[Token]]) -> frozenset[str]:
    """Words the article writes as a place: the capitalised words after "di"
    ("di Balige", "di Danau Toba"), not a building ("di Kantor Bupati") or a
    street, which may carry a person's name ("di Jalan Ahmad Yani")."""
    lex = lexicon()
    found: set[str] = set()
    for sentence_tokens in tokens:
        words = [t.text for t in sentence_tokens]
        for k, word in enumerate(words[:-1]):
            if word.casefold() != "di":
                continue
            run = []
            for nxt in words[k + 1 : k + 4]:
                if not (is_cap(nxt) and nxt.isalpha()):
                    break
                run.append(fold(nxt))
            if (
                not run
                or run[0] in lex.street_words
                or run[0] in lex.stop_words
                or any(run[0] == p[0] for p in lex.building_words)
            ):
                continue
            found.update(w for w in run if w not in lex.stop_words and w not in lex.position_words)
    return frozenset(found)


def common_words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in re.findall(r"(?<![\w.])[a-z][a-z-]+\b", text))
