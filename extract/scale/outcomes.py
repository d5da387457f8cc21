"""What became of each source of a run, and the one-line reason of a failure."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.ingest.errors import IngestError

STORED = "stored"
FAILED = "failed"
DUPLICATE = "duplicate"
SKIPPED = "skipped"  # read, then left out by a filter (extract crawl's topic check)


@dataclass
class Outcome:
    """What became of one source."""

    source: str  # as the user named it
    status: str  # STORED, FAILED, DUPLICATE or SKIPPED
    reason: str | None = None
    article_id: str | None = None
    url: str | None = None
    title: str | None = None
    note: str | None = None  # what the user should know about a stored article (its text was cut)


@dataclass
class RunReport:
    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False  # stopped (Ctrl-C, SIGTERM) between two articles; the rest not processed

    @property
    def stored(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == STORED]

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == FAILED]

    @property
    def duplicates(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == DUPLICATE]

    @property
    def skipped(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == SKIPPED]

    @property
    def exit_code(self) -> int:
        """0 when every source succeeded, 1 when any failed."""
        return 1 if self.failed else 0

    def summary(self) -> str:
        line = f"{len(self.stored)} stored, {len(self.failed)} failed"
        if self.duplicates:
            line += f", {len(self.duplicates)} duplicate{'s' if len(self.duplicates) > 1 else ''} skipped"
        if self.interrupted:
            line += ", interrupted (the sources after these were not processed)"
        return line


def failure_reason(error: BaseException) -> str:
    """The one-line reason `extract run` gives for a source that failed."""
    if isinstance(error, IngestError):
        return error.reason
    if isinstance(error, OSError):
        return f"cannot read: {error.strerror or error}"
    first = str(error).splitlines()[0] if str(error) else ""
    return f"internal error: {type(error).__name__}: {first}"
