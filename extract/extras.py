"""Optional dependencies: the parts of the package that need an extra say so
in one line, with the install command, instead of failing on an import."""

from __future__ import annotations

import importlib
from types import ModuleType


class MissingExtra(ImportError):
    """An optional dependency that a command needs is not installed."""


def require(module: str, extra: str, purpose: str) -> ModuleType:
    """Import `module`, or raise MissingExtra naming the extra that brings it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(
            f"{purpose} needs the optional '{extra}' dependencies: pip install 'bpjs-extract[{extra}]'"
        ) from None
