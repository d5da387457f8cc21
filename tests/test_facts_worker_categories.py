"""The category of a worker count, one kind of wording at a time: the examples
in tests/data/worker_categories.yaml (sentences written for that file)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from extract.facts.workers import extract_worker_counts
from facts_helpers import context_for

EXAMPLES = yaml.safe_load((Path(__file__).parent / "data" / "worker_categories.yaml").read_text("utf-8"))


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["rule"] for e in EXAMPLES])
def test_a_count_names_its_group_as_the_example_says(example):
    found = {w.value: w.category for w in extract_worker_counts(context_for(example["text"]))}
    assert found == {int(value): category for value, category in example["counts"].items()}
