"""The ways an input can fail, each with a one-line reason for the user."""

from __future__ import annotations


class IngestError(Exception):
    """An input that could not become an article; `reason` is one line for the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class FetchError(IngestError):
    """The page could not be fetched (HTTP error, timeout, too large, not HTML, robots.txt ...)."""


class ExtractionError(IngestError):
    """The page was fetched but holds no usable article (index page, other language ...)."""


class SourceError(IngestError):
    """A SOURCE argument that names nothing usable (missing file, unknown kind)."""
