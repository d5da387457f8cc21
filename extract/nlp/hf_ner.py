"""Optional NER backend: a Hugging Face token-classification model from a
local directory (component "bpjs_hf_ner").

For users who have such a model (an Indonesian BERT fine-tuned for NER, say):
`extract ... --ner-model PATH` or `load_pipeline(ner_model=PATH)`. The model
is read with `local_files_only=True`, so nothing is ever downloaded. Its
predictions, grouped into words ("simple" aggregation), become character
spans on the same spaCy Doc, aligned outward to our tokens, and replace
`doc.ents`. Labels are mapped to PER/ORG/LOC by
extract/data/patterns/ner_labels.yaml; other labels are dropped.

The model sees one sentence at a time (sentences from "bpjs_sentences"), so
an entity never crosses a sentence; a sentence longer than the model's
window is read in overlapping windows.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.nlp.gazetteers import read_yaml

_IOB_PREFIXES = ("B-", "I-", "E-", "S-", "L-", "U-")


@lru_cache(maxsize=1)
def _label_map() -> dict[str, str]:
    mapping = read_yaml("patterns/ner_labels.yaml")
    return {theirs.upper(): ours for ours, names in mapping.items() for theirs in names}


def map_label(label: str) -> str | None:
    """Our label (PER, ORG, LOC) for a model's label, or None to drop it."""
    name = label.upper()
    if name[:2] in _IOB_PREFIXES:
        name = name[2:]
    return _label_map().get(name)


class TransformersNER:
    def __init__(self, model_path: str, batch_size: int = 8):
        from transformers import AutoModelForTokenClassification, AutoTokenizer, pipeline

        tokenizer = AutoTokenizer.from_pretrained(model_path, local_files_only=True)
        if not tokenizer.is_fast:
            raise ValueError(f"{model_path}: a fast tokenizer (tokenizer.json) is needed for character offsets")
        model = AutoModelForTokenClassification.from_pretrained(model_path, local_files_only=True)
        model.eval()
        # The pipeline reads long inputs in overlapping windows of the
        # tokenizer's model_max_length, which some saved tokenizers leave unset.
        window = min(getattr(tokenizer, "model_max_length", 512) or 512, model.config.max_position_embeddings)
        tokenizer.model_max_length = window
        self.pipe = pipeline(
            "token-classification",
            model=model,
            tokenizer=tokenizer,
            aggregation_strategy="simple",
            device=-1,
            stride=max(1, min(64, window // 4)),
        )
        self.batch_size = batch_size

    def spans(self, doc: Doc) -> list[Span]:
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        pieces = [(s.start_char, s.text) for s in sentences if s.text.strip()]
        if not pieces:
            return []
        predictions = self.pipe([text for _, text in pieces], batch_size=self.batch_size)
        if pieces and predictions and isinstance(predictions[0], dict):
            predictions = [predictions]  # one input gives a flat list
        spans: list[Span] = []
        for (offset, _), found in zip(pieces, predictions):
            for entity in found:
                label = map_label(str(entity.get("entity_group") or entity.get("entity", "")))
                if label is None or entity.get("start") is None:
                    continue
                span = doc.char_span(
                    offset + int(entity["start"]), offset + int(entity["end"]), label=label, alignment_mode="expand"
                )
                if span is not None and span.text.strip():
                    spans.append(span)
        return filter_spans(spans)

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = self.spans(doc)
        return doc


@Language.factory("bpjs_hf_ner", default_config={"model_path": "", "batch_size": 8})
def make_transformers_ner(nlp: Language, name: str, model_path: str, batch_size: int) -> TransformersNER:
    return TransformersNER(model_path, batch_size)
