"""Generate annotated domain sentences from templates (domain_templates.yml).

Fillers come from data: people's names are the PER spans of the cased
training corpora, place names the Kemendagri region list in the shared data
folder. The generator is seeded, so a given (templates, data, n, seed) always
gives the same sentences.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp.ner_eval import iob_spans, read_conll

RECIPE = Path(__file__).resolve().parents[1]
NAME_SOURCES = ("idner-news-2k", "nergrit", "nerp")
HONORIFICS = ("H.", "Hj.", "Drs.", "Dr.", "Ir.", "dr.", "KH")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_ALTERNATIVES = re.compile(r"\(([^()]*\|[^()]*)\)")
_MARKUP = re.compile(r"<(ORG|LOC|PER)>(.*?)</\1>")
_SLOT = re.compile(r"\{(\w+)\}")
_NAME_WORD = re.compile(r"[A-Z][A-Za-z'\-]*\.?$")
_REGION_ROW = re.compile(r"\('([0-9.]+)','((?:[^'\\]|\\.|'')*)'\)")


@lru_cache(maxsize=2)
def person_names(data: Path, sources: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]) -> list[str]:
    """Distinct PER span texts of 1-4 capitalised words from the given CoNLL files.

    Lower-cased corpora (NERP, Indonesian news, so mostly Indonesian names)
    are capitalised word by word.
    """
    names: set[str] = set()
    for path, label_map in sources:
        for sentence in read_conll(data / path, label_map=dict(label_map)):
            for start, end, label in iob_spans(sentence.tags):
                words = [w if w[:1].isupper() else w[:1].upper() + w[1:] for w in sentence.words[start:end]]
                if label == "PER" and len(words) <= 4 and all(_NAME_WORD.match(w) for w in words):
                    names.add(" ".join(words))
    return sorted(names)


@lru_cache(maxsize=4)
def region_names(wilayah_sql: Path, under: str = "") -> dict[str, list[str]]:
    """Province, kabupaten, kota, kecamatan and desa names from the Kemendagri list.

    `under` keeps only the regions whose code starts with it ("35": Jawa Timur).
    """
    found: dict[str, set[str]] = {k: set() for k in ("prov", "kab", "kota", "region", "kec", "desa")}
    text = wilayah_sql.read_text(encoding="utf-8")
    for code, name in _REGION_ROW.findall(text):
        if not code.startswith(under):
            continue
        name = name.replace("''", "'").replace("\\'", "'")
        level = code.count(".")
        if level == 0:
            found["prov"].add(name)
        elif level == 1:
            found["region"].add(name)
            kind, _, bare = name.partition(" ")
            if kind == "Kabupaten":
                found["kab"].add(bare)
            elif kind == "Kota":
                found["kota"].add(bare)
        elif level == 2:
            found["kec"].add(name)
        elif level == 3:
            found["desa"].add(name)
    return {k: sorted(v) for k, v in found.items()}


def fill(template: str, rng: random.Random, names: list[str], regions: list[dict[str, list[str]]]) -> str:
    """Choose alternatives and fill slots; the result still carries entity markup."""
    text = _ALTERNATIVES.sub(lambda m: rng.choice(m.group(1).split("|")), template)

    def slot(match: re.Match) -> str:
        kind = match.group(1)
        if kind == "person":
            name = rng.choice(names)
            if rng.random() < 0.2:
                name = f"{rng.choice(HONORIFICS)} {name}"
            return f"<PER>{name}</PER>"
        if kind == "day":
            return rng.choice(DAYS)
        if kind == "date":
            return f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2019, 2025)}"
        # Each region slot draws from one of the lists (e.g. all Indonesia, or Jawa Timur).
        return rng.choice(rng.choice(regions)[kind])

    return _SLOT.sub(slot, text)


def to_doc(nlp: Language, marked: str) -> Doc | None:
    """Tokenise marked-up text with the pipeline's tokenizer; None if a span cuts a token."""
    plain: list[str] = []
    spans: list[tuple[int, int, str]] = []
    position = 0
    length = 0
    for match in _MARKUP.finditer(marked):
        before = marked[position : match.start()]
        plain.append(before)
        length += len(before)
        spans.append((length, length + len(match.group(2)), match.group(1)))
        plain.append(match.group(2))
        length += len(match.group(2))
        position = match.end()
    plain.append(marked[position:])
    doc = nlp.make_doc("".join(plain))
    ents = [doc.char_span(s, e, label=label) for s, e, label in spans]
    if any(ent is None for ent in ents):
        return None
    doc.ents = ents
    return doc


def domain_docs(nlp: Language, data: Path, sources: dict, n: int, seed: int = 0) -> list[Doc]:
    """`n` annotated sentences from the templates, with names and places from `data`."""
    templates = yaml.safe_load((RECIPE / "domain_templates.yml").read_text(encoding="utf-8"))["templates"]
    corpora = tuple((sources[s]["train"], tuple(sources[s]["labels"].items())) for s in NAME_SOURCES)
    names = person_names(data, corpora)
    wilayah = data / "wilayah-kemendagri-2025" / "wilayah.sql"
    # Half the places from Jawa Timur (our outlets' province), half from anywhere.
    regions = [region_names(wilayah), region_names(wilayah, "35")]
    rng = random.Random(seed)
    docs: list[Doc] = []
    while len(docs) < n:
        doc = to_doc(nlp, fill(rng.choice(templates), rng, names, regions))
        if doc is not None:
            docs.append(doc)
    return docs
