"""Readable words for event types (their records' `label`, extract/data/facts/events.yaml),
span labels and fact tables (extract/data/publish/labels.yaml)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from extract.event_types import event_label

LABELS_FILE = Path(__file__).resolve().parent.parent / "data" / "publish" / "labels.yaml"


@cache
def _load() -> dict[str, Any]:
    return yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))


def event_type_label(event_type: str | None) -> str:
    """ "agreement_signing" -> "Agreement signed"; an unknown type is written out."""
    return event_label(event_type)


def span_label(label: str) -> str:
    """ "ORG" -> "organisation", "EVENT agreement_signing" -> "agreement signed"."""
    if label.startswith("EVENT "):
        return event_type_label(label[len("EVENT ") :]).lower()
    return _load()["span_labels"].get(label, label.lower())


def fact_headings() -> dict[str, str]:
    """The article page's heading of each fact type's table, by the type's name
    (extract/fact_types.py): "budgets" -> "Budgets (anggaran)"."""
    return dict(_load()["fact_tables"])
