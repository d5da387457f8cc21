"""Scan each text once: a cache for the normalisers' `find_*` functions.

The fact extractors read the amounts, percentages, numbers and dates of the
same sentence several times (to find their own, and to know which numbers are
taken by another kind). The finders are pure and their matches immutable, so
their results are kept per text.
"""

from __future__ import annotations

from functools import lru_cache, wraps
from typing import TypeVar
from collections.abc import Callable

T = TypeVar("T")

TEXTS_KEPT = 4096  # about the sentences of a few dozen articles


def scanned_once(finder: Callable[..., list[T]]) -> Callable[..., list[T]]:
    """`finder` with its matches cached per argument; each call gets its own list."""
    cached = lru_cache(maxsize=TEXTS_KEPT)(lambda *args: tuple(finder(*args)))

    @wraps(finder)
    def find(*args) -> list[T]:
        return list(cached(*args))

    return find
