"""The site's Datasette metadata, from metadata.yaml beside this module."""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

METADATA_FILE = Path(__file__).with_name("metadata.yaml")


@lru_cache(maxsize=1)
def _load() -> dict[str, Any]:
    return yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))


def metadata_for(database_name: str) -> dict[str, Any]:
    """Datasette metadata with the database section filed under `database_name`."""
    data = copy.deepcopy(_load())
    data.pop("shared_columns", None)
    section = data.pop("database")
    data["databases"] = {database_name: section}
    return data


def canned_query_sql(name: str) -> str:
    return _load()["database"]["queries"][name]["sql"]


def canned_query_names() -> list[str]:
    return list(_load()["database"]["queries"])


def canned_queries() -> list[dict[str, str]]:
    """Every canned query's name, title and description, in the metadata's order."""
    return [
        {"name": name, "title": query.get("title", name), "description": query.get("description", "")}
        for name, query in _load()["database"]["queries"].items()
    ]
