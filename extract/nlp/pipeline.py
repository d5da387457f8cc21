"""Load the project's Indonesian pipeline: one load per process.

`load_pipeline()` gives a spaCy `Language` with, in order:

1. our tokenizer (extract.nlp.tokenizer) and sentence splitter
   ("bpjs_sentences": abbreviations never end a sentence, every newline does);
2. the named-entity recogniser, into `doc.ents` with labels PER, ORG, LOC:
   the trained spaCy model shipped in models/id_ner/ by default (override
   with the EXTRACT_NER_MODEL environment variable or the `ner_model`
   argument), or, when `ner_model` is a Hugging Face token-classification
   model directory, that model (extract.nlp.hf_ner);
3. the rules, into `doc.spans["rules"]` (see extract.nlp for the labels).

A missing model is an error (NerModelError), never a silent fallback to
rules only; `load_rules_pipeline()` is the explicit rules-only pipeline.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing these registers their spaCy factories.
from extract.nlp import components as _components  # noqa: F401
from extract.nlp import grammar as _grammar  # noqa: F401
from extract.nlp import hf_ner as _hf_ner  # noqa: F401
from extract.nlp import ruler as _ruler  # noqa: F401
from extract.nlp import sentences as _sentences  # noqa: F401
from extract.extras import MissingExtra, require
from extract.nlp.blas import multiply_with_numpy
from extract.nlp.tokenizer import TOKENIZER_NAME

REPO_ROOT = Path(__file__).resolve().parents[2]
# In a checkout the model is models/id_ner; an installed wheel carries the
# same files as extract/_ner_model (setup.py maps one onto the other).
_CHECKOUT_MODEL = REPO_ROOT / "models" / "id_ner"
DEFAULT_NER_MODEL = _CHECKOUT_MODEL if _CHECKOUT_MODEL.is_dir() else Path(__file__).resolve().parents[1] / "_ner_model"
NER_MODEL_ENV = "EXTRACT_NER_MODEL"

RULE_COMPONENTS = (
    "bpjs_lexicon",
    "bpjs_span_ruler",
    "bpjs_span_grammar",
    "bpjs_numeric_spans",
    "bpjs_region_spans",
    "bpjs_person_repair",
)


class NerModelError(RuntimeError):
    """The NER model directory is missing or is not a model we can load."""


def default_ner_model() -> Path:
    """models/id_ner in the repository, unless EXTRACT_NER_MODEL names another."""
    override = os.environ.get(NER_MODEL_ENV)
    return Path(override) if override else DEFAULT_NER_MODEL


def model_kind(path: Path) -> str:
    """ "spacy" for a spaCy pipeline directory, "transformers" for a Hugging
    Face model directory; NerModelError otherwise."""
    if not path.is_dir():
        raise NerModelError(
            f"NER model not found: {path} (ship one with `make -C models/ner all`, "
            f"or name a model directory with --ner-model or {NER_MODEL_ENV})"
        )
    if (path / "config.cfg").is_file() and (path / "meta.json").is_file():
        return "spacy"
    if (path / "config.json").is_file():
        try:
            require("transformers", "transformers", "a Hugging Face NER model")
        except MissingExtra as error:
            raise NerModelError(f"{path}: {error}") from None
        return "transformers"
    raise NerModelError(
        f"not a model directory: {path} (expected a spaCy pipeline with config.cfg and meta.json, "
        "or a Hugging Face token-classification model with config.json)"
    )


_OUR_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}}


def _add_rules(nlp: Language) -> Language:
    nlp.add_pipe("bpjs_sentences", first=True)
    for name in RULE_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@cache
def _load(path: str | None) -> Language:
    if path is None:
        return _add_rules(spacy.blank("id", config=_OUR_TOKENIZER))
    model_dir = Path(path)
    if model_kind(model_dir) == "spacy":
        # Our tokenizer instead of the one saved with the model (same spaCy
        # "id" rules plus our abbreviations); building it once is most of the
        # load time, so it is not built twice.
        nlp = multiply_with_numpy(spacy.load(model_dir, config=_OUR_TOKENIZER, exclude=["tokenizer"]))
    else:
        nlp = spacy.blank("id", config=_OUR_TOKENIZER)
        nlp.add_pipe("bpjs_hf_ner", config={"model_path": str(model_dir)})
    return _add_rules(nlp)


def load_pipeline(ner_model: str | os.PathLike[str] | None = None) -> Language:
    """The full pipeline, loaded once per process for each model path."""
    path = Path(ner_model) if ner_model else default_ner_model()
    return _load(str(path.expanduser().resolve()))


def load_rules_pipeline() -> Language:
    """Tokenizer, sentences and rules, without any NER model (doc.ents empty)."""
    return _load(None)


def annotate(
    text: str,
    reference_date: dt.date | str | None = None,
    ner_model: str | os.PathLike[str] | None = None,
    nlp: Language | None = None,
) -> Doc:
    """Run the pipeline on `text`; relative dates resolve against `reference_date`."""
    nlp = nlp or load_pipeline(ner_model)
    doc = nlp.make_doc(text)
    doc._.reference_date = reference_date
    return nlp(doc)


def doc_to_dict(doc: Doc) -> dict:
    """What the pipeline found, as plain data: sentences, entities, rule spans
    (character offsets into the text)."""
    return {
        "sentences": [
            {
                "start": s.start_char + len(s.text) - len(s.text.lstrip()),
                "end": s.start_char + len(s.text.rstrip()),
                "text": s.text.strip(),
            }
            for s in doc.sents
            if s.text.strip()
        ],
        "entities": [{"label": e.label_, "text": e.text, "start": e.start_char, "end": e.end_char} for e in doc.ents],
        "rules": [
            {
                "label": s.label_,
                "text": s.text,
                "start": s.start_char,
                "end": s.end_char,
                "id": s.id_,
                "kb_id": s.kb_id_,
            }
            for s in doc.spans.get("rules", [])
        ],
    }


def check_ner_model(path: str | os.PathLike[str]) -> str:
    """Raise NerModelError unless `path` is a model directory we can load;
    return its kind ("spacy" or "transformers"). Cheap: reads no weights."""
    return model_kind(Path(path).expanduser())


def format_doc(doc: Doc) -> str:
    """A readable listing: each sentence, then the entities and rule spans in it."""
    data = doc_to_dict(doc)
    lines: list[str] = []
    for number, sentence in enumerate(data["sentences"], start=1):
        lines.append(f"[{number}] {sentence['text']}")
        inside = [
            (item["start"], "model", item)
            for item in data["entities"]
            if sentence["start"] <= item["start"] < sentence["end"]
        ] + [
            (item["start"], "rule", item)
            for item in data["rules"]
            if sentence["start"] <= item["start"] < sentence["end"]
        ]
        for _, source, item in sorted(inside, key=lambda entry: entry[0]):
            extra = " ".join(part for part in (item.get("id"), item.get("kb_id")) if part)
            lines.append(f"    {item['label']:<9} {item['text']}" + (f"  [{extra}]" if extra else "") + f"  ({source})")
    return "\n".join(lines)
