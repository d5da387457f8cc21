"""The `extract` command: a thin click layer over the package's Python API.

Each command parses its options, calls one API function and turns its result
into output and an exit status. Errors a user can cause are reported as one
line on stderr (never a traceback): exit 1 when some inputs failed, 2 for
usage errors.
"""

from __future__ import annotations

import click

from extract import __version__


@click.group()
@click.version_option(__version__, prog_name="extract")
def cli() -> None:
    """Extract events and facts from Indonesian regional news about BPJS Ketenagakerjaan."""
