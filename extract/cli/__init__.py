"""The `extract` command: a thin click layer over the package's Python API.

Each command parses its options, calls one API function and turns its result
into output and an exit status. Errors a user can cause are reported as one
line on stderr (never a traceback): exit 1 when some inputs failed, 2 for
usage errors. One module per group of commands; this one only gathers them.
"""

from __future__ import annotations

import click

from extract import __version__
from extract.cli import bench, crawl, evaluate, nlp, publish, run


@click.group()
@click.version_option(__version__, prog_name="extract")
def cli() -> None:
    """Extract events and facts from Indonesian regional news about BPJS Ketenagakerjaan."""


for command in (
    run.run_command,
    run.reprocess_command,
    crawl.crawl_command,
    evaluate.eval_command,
    evaluate.eval_events_command,
    evaluate.eval_stories_command,
    nlp.nlp_command,
    nlp.ner_eval_command,
    publish.serve_command,
    publish.stories_command,
    bench.bench_command,
    bench.bench_queries_command,
    bench.bench_crawl_command,
):
    cli.add_command(command)
