"""The Indonesian tokenizer: spaCy's "id" rules plus our abbreviations.

spaCy's blank Indonesian tokenizer splits "Kab." into "Kab" + "." and
"Rp.5.000.000" into "Rp" + ".5.000.000". Here every abbreviation in
extract/data/patterns/abbreviations.yaml (abbreviated first names like
"Moh." among them) and every dotted title in
extract/data/gazetteers/honorifics.txt is one token (so the sentence splitter
can tell it from a full stop), and the abbreviations listed as
`glued_to_next` are split off the word they are glued to: "Kab.Blitar" is
"Kab." + "Blitar", "Rp.5.000.000" is "Rp." + "5.000.000".

The tokenizer is also registered as "bpjs_extract.id_tokenizer.v1" so that a
spaCy config can name it in [nlp.tokenizer].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from extract.nlp.gazetteers import honorific_titles, read_yaml

ABBREVIATIONS_FILE = "patterns/abbreviations.yaml"


@dataclass(frozen=True)
class Abbreviations:
    never_final: frozenset[str]  # tokens that never end a sentence
    may_end_sentence: frozenset[str]  # "dll.": ends one before a capital letter
    glued_to_next: tuple[str, ...]
    first_names: frozenset[str] = frozenset()  # "Moh.", "Abd.": open a person's name
    degrees: frozenset[str] = frozenset()  # "M.Si.", "S.H.": written after a name


def _case_variants(word: str) -> set[str]:
    return {word, word.lower(), word.upper()}


@lru_cache(maxsize=1)
def load_abbreviations() -> Abbreviations:
    data = read_yaml(ABBREVIATIONS_FILE)
    never_final: set[str] = set()
    for word in data["abbreviations"]:
        never_final |= _case_variants(word)
    # As written only: "ST." in capitals is a degree that may end a sentence.
    first_names = frozenset(data["first_names"])
    never_final |= first_names
    before_name = set(data["titles_before_name"])
    degrees: set[str] = set()
    for title in honorific_titles():
        # Titles like "S.H." or "M.Si" (a dot inside) are abbreviations; an
        # undotted title ("KH", "AKBP") is an ordinary word for the tokenizer.
        if "." in title.strip("()") and not title.startswith("("):
            never_final |= {title, title.upper()}
            if "." in title[:-1] and title.endswith(".") and title not in before_name:
                degrees |= {title, title.upper()}
    may_end: set[str] = set()
    for word in data["may_end_sentence"]:
        may_end |= _case_variants(word)
    return Abbreviations(
        never_final=frozenset(never_final - may_end),
        may_end_sentence=frozenset(may_end),
        glued_to_next=tuple(data["glued_to_next"]),
        first_names=first_names,
        degrees=frozenset(degrees),
    )


def _glued_prefix_pattern(abbreviations: Abbreviations) -> str:
    # "Kab.Blitar" -> "Kab." + "Blitar"; case-insensitive, and only when a
    # letter or digit follows, so a lone "Kab." is left to the special cases.
    stems = sorted({re.escape(a.rstrip(".")) for a in abbreviations.glued_to_next}, key=len, reverse=True)
    return r"(?i:(?:" + "|".join(stems) + r")\.)(?=[^\W_])"


def make_tokenizer(nlp: Language) -> Tokenizer:
    """A tokenizer for `nlp` (an Indonesian pipeline) with our special cases."""
    defaults = nlp.Defaults
    abbreviations = load_abbreviations()
    rules = dict(defaults.tokenizer_exceptions)
    for word in abbreviations.never_final | abbreviations.may_end_sentence:
        rules[word] = [{ORTH: word}]
    prefixes = [_glued_prefix_pattern(abbreviations), *defaults.prefixes]
    return Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


TOKENIZER_NAME = "bpjs_extract.id_tokenizer.v1"


@spacy.registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer():
    return make_tokenizer
