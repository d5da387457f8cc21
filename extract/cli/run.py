"""`extract run` and `extract reprocess`: sources (or stored articles) read, extracted and stored (extract.pipeline)."""

from __future__ import annotations

import click

from extract.cli.options import ner_model_option, politeness_options, short_label, sigterm_as_interrupt, workers_option


@click.command(name="run")
@ner_model_option
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--db", "db_path", default="data/extract.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print each stored article as one JSON line on stdout.")
@click.option("--url", help="The address of a single HTML or text file given as SOURCE.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="HTML cache [default: html-cache beside the db].")
@click.option("--ignore-robots", is_flag=True, help="Fetch pages that a site's robots.txt disallows.")
@politeness_options
@click.option(
    "--max-bytes", default=5_000_000, show_default=True, type=click.IntRange(min=1), help="Largest page accepted."
)
@click.option(
    "--max-redirects",
    default=10,
    show_default=True,
    type=click.IntRange(min=0),
    help="Redirects followed for one page.",
)
@click.option("--refetch", is_flag=True, help="Fetch again even when the page is in the cache.")
@click.option(
    "--max-chars",
    type=click.IntRange(1_000, 1_000_000),
    help="Longest article text extracted; a longer one is cut at a paragraph, and the run says so [default: 50,000].",
)
@click.option("--no-facts", is_flag=True, help="Store the articles only, without extracting facts.")
@click.option("--quiet", is_flag=True, help="No line per source; only failures and the summary.")
@workers_option("Extract in N local processes (one writer; same results as serial).")
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Fetch and extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).",
)
def run_command(
    sources,
    db_path,
    as_json,
    url,
    cache_dir,
    ignore_robots,
    delay,
    timeout,
    retries,
    max_bytes,
    max_redirects,
    refetch,
    max_chars,
    no_facts,
    quiet,
    workers,
    dask_address,
):
    """Fetch or read each SOURCE, extract its article and facts, and store them.

    SOURCE is a URL, an .html file (with --url for its address), a .txt file,
    a file listing URLs, a directory of .html/.txt files, or - to read SOURCEs
    from standard input, one per line.
    """
    import sqlite3
    import sys
    from pathlib import Path

    from extract.ingest.fetch import FetchPolicy
    from extract.ingest.sources import is_url
    from extract.pipeline import DUPLICATE, STORED, run_sources

    if url is not None:
        if not is_url(url):
            raise click.BadParameter("must be an http(s) URL", param_hint="--url")
        if len(sources) != 1 or sources[0] == "-" or is_url(sources[0]) or Path(sources[0]).is_dir():
            raise click.UsageError("--url goes with exactly one HTML or text file")
    policy = FetchPolicy(
        timeout=timeout,
        retries=retries,
        delay=delay,
        max_bytes=max_bytes,
        max_redirects=max_redirects,
        respect_robots=not ignore_robots,
    )

    def show(outcome):
        if outcome.note:  # even with --quiet: the stored article is not all of the source
            click.echo(f"{short_label(outcome.source)}: {outcome.note}", err=True)
        if quiet or outcome.status not in (STORED, DUPLICATE):  # failures are listed at the end
            return
        detail = (outcome.title or outcome.url) if outcome.status == STORED else outcome.reason
        click.echo(
            f"{outcome.status} {short_label(outcome.source)}" + (f": {short_label(detail)}" if detail else ""),
            err=True,
        )

    stdin = None
    if "-" in sources:
        import io

        from extract.ingest.sources import expand_sources

        stdin_text = sys.stdin.read()
        if not expand_sources(["-"], stdin=io.StringIO(stdin_text)):
            raise click.UsageError("- names standard input, which held no source (one URL or path a line)")
        stdin = io.StringIO(stdin_text)

    # --workers N / --dask ADDRESS: the same run executed over processes or a cluster (extract.scale).
    from extract.pipeline import BackendError

    if dask_address and workers > 1:
        raise click.UsageError("--workers and --dask do not go together (the cluster has its own workers)")
    try:
        with sigterm_as_interrupt() as stopped_by:
            try:
                report = run_sources(
                    sources,
                    db_path,
                    url=url,
                    json_out=sys.stdout if as_json else None,
                    cache_dir=cache_dir,
                    policy=policy,
                    refetch=refetch,
                    stdin=stdin,
                    facts=not no_facts,
                    progress=show,
                    workers=workers,
                    dask_address=dask_address,
                    # The bar is for runs spread over workers; a serial run prints a line per source.
                    progress_bar=not quiet and (workers > 1 or dask_address is not None),
                    **({"max_chars": max_chars} if max_chars else {}),
                )
            except KeyboardInterrupt:  # while starting, before any source was taken
                click.echo("interrupted before any source was processed", err=True)
                raise SystemExit(128 + stopped_by[-1]) from None
    except BackendError as error:
        raise click.ClickException(str(error)) from None
    except (sqlite3.Error, OSError) as error:
        raise click.ClickException(f"cannot use the database {db_path}: {error}") from None
    for outcome in report.failed:
        click.echo(f"{short_label(outcome.source)}: {outcome.reason}", err=True)
    click.echo(report.summary(), err=True)
    raise SystemExit(128 + stopped_by[-1] if report.interrupted else report.exit_code)


@click.command(name="reprocess")
@ner_model_option
@click.option("--db", "db_path", default="data/extract.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--outdated-only", is_flag=True, help="Only articles extracted by another extractor version.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="HTML cache [default: html-cache beside the db].")
@workers_option()
@click.option("--quiet", is_flag=True, help="No progress bar.")
def reprocess_command(db_path, outdated_only, cache_dir, workers, quiet):
    """Re-run extraction for stored articles, from their cached HTML or stored text."""
    import sqlite3

    from extract.pipeline import reprocess
    from extract.store.db import DatabaseFileError

    try:
        with sigterm_as_interrupt() as stopped_by:
            report = reprocess(
                db_path, outdated_only=outdated_only, cache_dir=cache_dir, progress=not quiet, workers=workers
            )
    except DatabaseFileError as error:
        raise click.ClickException(str(error)) from None
    except sqlite3.Error as error:
        raise click.ClickException(f"cannot use the database {db_path}: {error}") from None
    click.echo(
        f"{report.processed} of {report.selected} articles re-extracted"
        f" ({report.from_html} from cached HTML), {len(report.failed)} failed"
        + (", interrupted (the articles after these were not processed)" if report.interrupted else ""),
        err=True,
    )
    for aid, reason in report.failed:
        click.echo(f"{aid}: {reason}", err=True)
    if report.interrupted:
        raise SystemExit(128 + stopped_by[-1])
    if report.failed:
        raise SystemExit(1)
