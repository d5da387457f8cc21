"""Read the NLP data files shipped in extract/data/ (word lists and YAML).

Word lists are plain text, one entry per line, "#" starts a comment line.
Everything is read once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


def data_text(relative_path: str) -> str:
    """The text of a data file, e.g. "gazetteers/honorifics.txt"."""
    return resources.files("extract").joinpath("data", relative_path).read_text("utf-8")


@cache
def read_list(relative_path: str) -> tuple[str, ...]:
    """Entries of a one-per-line word list, comments and blank lines skipped."""
    lines = (line.strip() for line in data_text(relative_path).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def read_yaml(relative_path: str) -> Any:
    return yaml.safe_load(data_text(relative_path))


def honorific_titles() -> tuple[str, ...]:
    """Titles, degrees and ranks as written ("Drs.", "S.H.", "M.Si.", "AKBP").

    The same list extract.normalize.names strips from people's names; the
    tokenizer keeps its dotted entries whole so they never end a sentence.
    """
    return read_list("gazetteers/honorifics.txt")
