"""The `extract` command: a thin click layer over the package's Python API.

Each command parses its options, calls one API function and turns its result
into output and an exit status. Errors a user can cause are reported as one
line on stderr (never a traceback): exit 1 when some inputs failed, 2 for
usage errors.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import click

from extract import __version__


@click.group()
@click.version_option(__version__, prog_name="extract")
def cli() -> None:
    """Extract events and facts from Indonesian regional news about BPJS Ketenagakerjaan."""


def _ner_model_option(function):
    """--ner-model PATH: a spaCy pipeline or a Hugging Face token-classification
    model directory, used instead of models/id_ner. It sets EXTRACT_NER_MODEL,
    so every later load_pipeline() in this process (and its workers) uses it;
    a command only needs the decorator."""

    def remember(ctx, param, value):
        if value is None:
            return None
        import os

        from extract.nlp.pipeline import NER_MODEL_ENV, NerModelError, check_ner_model

        try:
            check_ner_model(value)
        except NerModelError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None
        os.environ[NER_MODEL_ENV] = value
        return value

    return click.option(
        "--ner-model",
        type=click.Path(),
        callback=remember,
        expose_value=False,
        is_eager=True,
        help="NER model directory (spaCy pipeline or Hugging Face token classifier) [default: models/id_ner].",
    )(function)


@cli.command(name="eval-stories")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--show-errors", is_flag=True, help="List every pair of articles put together or apart wrongly.")
@click.option("--fail-under", type=float, help="Exit 1 when pairwise F1 is below this value.")
def eval_stories_command(folder, as_json, show_errors, fail_under):
    """Score how articles are grouped into stories against their event_cluster keys (pairwise P/R/F1)."""
    import json

    from extract.evaluate import GoldFormatError
    from extract.evaluate.stories import evaluate_stories, format_stories_report

    try:
        report = evaluate_stories(folder)
    except GoldFormatError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        data = report.to_dict()
        if show_errors:
            data["errors"] = [{"kind": k, "articles": [a, b]} for k, a, b in report.errors]
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        click.echo(format_stories_report(report, show_errors))
    if fail_under is not None and report.f1 < fail_under:
        click.echo(f"pairwise F1 {report.f1:.4f} is below {fail_under}", err=True)
        raise SystemExit(1)


@cli.command(name="stories")
@click.option("--db", "db_path", default="data/extract.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story, one per line.")
@click.option("--rebuild", is_flag=True, help="Group every stored event into stories again first.")
def stories_command(db_path, as_json, rebuild):
    """Print each story (one event as reported by one or more articles) with its events and articles, newest first."""
    import json
    import sqlite3
    from pathlib import Path

    from extract.store.db import open_db
    from extract.store.stories import rebuild_stories, story_records

    if not Path(db_path).is_file():
        raise click.ClickException(f"database not found: {db_path}")
    try:
        db = open_db(db_path, populate_regions=False)
        if rebuild:
            rebuild_stories(db)
        for story in story_records(db):
            if as_json:
                click.echo(json.dumps(story, ensure_ascii=False))
                continue
            sources = ", ".join(a["source"] or a["id"] for a in story["articles"])
            click.echo(
                f"story {story['story_id']}: {story['type']} {story['date'] or 'undated'}"
                f" {story['region_name'] or story['region'] or ''} - {story['title'] or ''}".rstrip()
            )
            click.echo(f"  {story['event_count']} event(s), reported by {sources}")
            for article in story["articles"]:
                click.echo(f"    {article['id']} {article['published'] or '-'} {article['url'] or ''}".rstrip())
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"cannot read the database {db_path}: {error}") from None


@cli.command(name="eval-events")
@click.argument("events_folder", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--gold",
    "gold_folder",
    type=click.Path(exists=True, file_okay=False),
    help="Folder of the articles [default: the gold folder beside EVENTS_FOLDER].",
)
@click.option("--show-errors", is_flag=True, help="List every missed and every spurious event.")
@click.option(
    "--text-as-is", is_flag=True, help="Skip the ingestion `extract run` applies (as `extract eval --text-as-is`)."
)
def eval_events_command(events_folder, gold_folder, show_errors, text_as_is):
    """Score the extractor's typed events on (type, date) against a check set (corpus/events)."""
    from extract.evaluate import GoldFormatError
    from extract.evaluate.events import evaluate_events, format_events_errors, format_events_report
    from extract.evaluate.ingestion import ingest_as_run

    try:
        report = evaluate_events(events_folder, gold_folder, ingest=None if text_as_is else ingest_as_run)
    except GoldFormatError as error:
        raise click.ClickException(str(error)) from None
    click.echo(format_events_report(report))
    if show_errors:
        click.echo(format_events_errors(report))


@cli.command(name="eval")
@_ner_model_option
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--show-errors", is_flag=True, help="List every false positive and false negative.")
@click.option(
    "--write-predictions",
    type=click.Path(file_okay=False),
    help="Write each article's predicted facts to DIR/<id>.json in the gold format.",
)
@click.option(
    "--predictions",
    type=click.Path(file_okay=False),
    help="Score predictions already written to DIR instead of running the extractor.",
)
@click.option("--fail-under", type=float, help="Exit 1 when micro-F1 is below this value.")
@click.option(
    "--group-by",
    type=click.Choice(["prefix"]),
    help="Also report each group of articles: prefix = the id before its last dash-number (real-a-001 -> real-a).",
)
@click.option(
    "--text-as-is",
    is_flag=True,
    help="Give the extractor each gold text as it is, skipping the ingestion `extract run` applies (cleaning, furniture, checks).",
)
def eval_command(folder, as_json, show_errors, write_predictions, predictions, fail_under, group_by, text_as_is):
    """Score the extractor against a folder of gold articles (corpus/GOLD-FORMAT.md).

    Each article goes through the ingestion `extract run` applies to a JSON
    source, then the extractor: the score is that of what `run` would store.
    An article the ingestion drops has all its facts missed and is listed."""
    import json

    from extract.evaluate import GoldFormatError, evaluate_folder, predict_with_extractor, predictions_from_folder
    from extract.evaluate.ingestion import format_cuts, ingest_as_run
    from extract.evaluate.report import format_errors, format_report

    predict = predictions_from_folder(predictions) if predictions else predict_with_extractor
    ingest = None if text_as_is or predictions else ingest_as_run
    try:
        report = evaluate_folder(folder, predict=predict, write_to=write_predictions, group_by=group_by, ingest=ingest)
    except GoldFormatError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        data = report.to_dict()
        if show_errors:
            data["errors"] = [
                {"article": e.article_id, "list": e.list_name, "kind": e.kind, "item": e.item} for e in report.errors
            ]
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        click.echo(format_report(report))
        if show_errors and report.errors:
            click.echo("\nerrors (FP = predicted but not in gold, FN = in gold but missed):")
            click.echo(format_errors(report))
        if show_errors and report.ingestion is not None and format_cuts(report.ingestion):
            click.echo("\ntext cut by ingestion (furniture, header, captions):")
            click.echo(format_cuts(report.ingestion))
    if fail_under is not None and report.micro.f1 < fail_under:
        click.echo(f"micro-F1 {report.micro.f1:.4f} is below {fail_under}", err=True)
        raise SystemExit(1)


@cli.command(name="ner-eval")
@click.option(
    "--model",
    "model_path",
    type=click.Path(exists=True, file_okay=False),
    help="spaCy pipeline directory [default: models/id_ner].",
)
@click.option(
    "--data",
    "data_path",
    type=click.Path(exists=True, dir_okay=False),
    help="CoNLL gold file [default: the bundled idner-news-2k test split].",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def ner_eval_command(model_path, data_path, limit, as_json):
    """Measure the NER model's precision, recall and F1 (overall and per type)."""
    import json

    from extract.nlp.ner_eval import DEFAULT_MODEL, DEFAULT_TEST_DATA, ConllFormatError, evaluate_ner, format_scores

    try:
        scores = evaluate_ner(model_path or DEFAULT_MODEL, data_path or DEFAULT_TEST_DATA, limit=limit)
    except (ConllFormatError, OSError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(scores, ensure_ascii=False) if as_json else format_scores(scores))


@cli.command(name="serve")
@click.option("--db", "db_path", default="data/extract.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--public/--private",
    default=None,
    help="Public: no SQL of one's own, no downloads, no paths shown [default: public unless HOST is loopback].",
)
def serve_command(db_path, host, port, public):
    """Publish the database with Datasette: tables, canned queries, timeline, map, charts, feed."""
    from extract.publish.app import ServeError, serve

    try:
        serve(db_path, host=host, port=port, public=public)
    except ServeError as error:
        raise click.ClickException(str(error)) from None


@cli.command(name="reprocess")
@_ner_model_option
@click.option("--db", "db_path", default="data/extract.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--outdated-only", is_flag=True, help="Only articles extracted by another extractor version.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="HTML cache [default: html-cache beside the db].")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def reprocess_command(db_path, outdated_only, cache_dir, quiet):
    """Re-run extraction for stored articles, from their cached HTML or stored text."""
    import sqlite3

    from extract.store.db import DatabaseFileError
    from extract.store.reprocess import reprocess

    try:
        report = reprocess(db_path, outdated_only=outdated_only, cache_dir=cache_dir, progress=not quiet)
    except DatabaseFileError as error:
        raise click.ClickException(str(error)) from None
    except sqlite3.Error as error:
        raise click.ClickException(f"cannot use the database {db_path}: {error}") from None
    click.echo(
        f"{report.processed} of {report.selected} articles re-extracted"
        f" ({report.from_html} from cached HTML), {len(report.failed)} failed",
        err=True,
    )
    for aid, reason in report.failed:
        click.echo(f"{aid}: {reason}", err=True)
    if report.failed:
        raise SystemExit(1)


def _politeness_options(function):
    """--delay, --timeout and --retries: how `run` and `crawl` treat a site."""
    options = [
        click.option(
            "--delay",
            default=1.0,
            show_default=True,
            type=click.FloatRange(min=0),
            help="Seconds between requests to one host.",
        ),
        click.option(
            "--timeout",
            default=20.0,
            show_default=True,
            type=click.FloatRange(min=0, min_open=True),
            help="Seconds for a whole request.",
        ),
        click.option(
            "--retries",
            default=2,
            show_default=True,
            type=click.IntRange(min=0),
            help="Extra attempts after a failure that may pass.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


@cli.command(name="run")
@_ner_model_option
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--db", "db_path", default="data/extract.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print each stored article as one JSON line on stdout.")
@click.option("--url", help="The address of a single HTML or text file given as SOURCE.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="HTML cache [default: html-cache beside the db].")
@click.option("--ignore-robots", is_flag=True, help="Fetch pages that a site's robots.txt disallows.")
@_politeness_options
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
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Extract in N local processes (one writer; same results as serial).",
)
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
            click.echo(f"{_short_label(outcome.source)}: {outcome.note}", err=True)
        if quiet or outcome.status not in (STORED, DUPLICATE):  # failures are listed at the end
            return
        detail = (outcome.title or outcome.url) if outcome.status == STORED else outcome.reason
        click.echo(
            f"{outcome.status} {_short_label(outcome.source)}" + (f": {_short_label(detail)}" if detail else ""),
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

    # --workers N / --dask ADDRESS: the same run spread over processes or a cluster (extract.scale).
    from extract.scale.runner import BackendError, run_sources_parallel

    if dask_address and workers > 1:
        raise click.UsageError("--workers and --dask do not go together (the cluster has its own workers)")
    parallel = {"workers": workers, "dask_address": dask_address, "progress_bar": not quiet}
    try:
        with _sigterm_as_interrupt() as stopped_by:
            try:
                report = (run_sources_parallel if workers > 1 or dask_address else run_sources)(
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
                    **({"max_chars": max_chars} if max_chars else {}),
                    **(parallel if workers > 1 or dask_address else {}),
                )
            except KeyboardInterrupt:  # while starting, before any source was taken
                click.echo("interrupted before any source was processed", err=True)
                raise SystemExit(128 + stopped_by[-1]) from None
    except BackendError as error:
        raise click.ClickException(str(error)) from None
    except (sqlite3.Error, OSError) as error:
        raise click.ClickException(f"cannot use the database {db_path}: {error}") from None
    for outcome in report.failed:
        click.echo(f"{_short_label(outcome.source)}: {outcome.reason}", err=True)
    click.echo(report.summary(), err=True)
    raise SystemExit(128 + stopped_by[-1] if report.interrupted else report.exit_code)


LABEL_CHARS = 300  # a source named by a 100 KB URL still gets a readable line


def _short_label(text: str) -> str:
    """`text` on one line of at most LABEL_CHARS characters, its middle elided."""
    text = " ".join(text.split())
    if len(text) <= LABEL_CHARS:
        return text
    half = (LABEL_CHARS - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[list[int]]:
    """SIGTERM stops a run like Ctrl-C does: between articles, workers ended, a summary printed.

    Yields a list whose last item is the signal that stopped the run (SIGINT
    unless SIGTERM came: Ctrl-C arrives as KeyboardInterrupt).
    """
    import signal
    import threading

    seen = [signal.SIGINT]
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield seen
        return

    def stop(signum, frame):
        seen.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield seen
    finally:
        signal.signal(signal.SIGTERM, previous)


@cli.command(name="nlp")
@click.argument("source", default="-", type=click.File("r", encoding="utf-8"))
@_ner_model_option
@click.option("--rules-only", is_flag=True, help="No NER model: tokenizer, sentences and rules only.")
@click.option(
    "--published", type=click.DateTime(formats=["%Y-%m-%d"]), help="Publication date, to resolve relative dates."
)
@click.option("--json", "as_json", is_flag=True, help="Print sentences, entities and rule spans as one JSON object.")
def nlp_command(source, rules_only, published, as_json):
    """Show what the Indonesian NLP pipeline finds in a text file (or - for stdin)."""
    import json

    from extract.nlp.pipeline import (
        NerModelError,
        annotate,
        doc_to_dict,
        format_doc,
        load_pipeline,
        load_rules_pipeline,
    )

    try:
        nlp = load_rules_pipeline() if rules_only else load_pipeline()
    except (NerModelError, OSError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    doc = annotate(source.read(), reference_date=published, nlp=nlp)
    click.echo(json.dumps(doc_to_dict(doc), ensure_ascii=False) if as_json else format_doc(doc))


@cli.command(name="bench")
@_ner_model_option
@click.option(
    "--articles",
    "sizes",
    multiple=True,
    default=(1000,),
    show_default=True,
    type=click.IntRange(min=1),
    help="Articles to synthesise and run; repeat it (--articles 1000 --articles 10000) to see how time grows.",
)
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Extract in N local processes."
)
@click.option("--dask", "dask_address", metavar="ADDRESS", help="Extract on the Dask cluster at ADDRESS instead.")
@click.option("--seed", default=0, show_default=True, help="Seed of the synthetic pages.")
@click.option("--keep", "workdir", type=click.Path(file_okay=False), help="Keep the pages and databases in DIR.")
@click.option(
    "--profile",
    "profile_to",
    type=click.Path(dir_okay=False),
    help="Write a pyinstrument profile (.html or text) of the run to FILE (with --workers 1).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the figures as one JSON object on the last line of stdout."
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def bench_command(sizes, workers, dask_address, seed, workdir, profile_to, as_json, quiet):
    """Time the pipeline end to end on synthetic cached pages, stage by stage, against trafilatura alone."""
    import json

    from extract.extras import MissingExtra, require

    try:
        require("psutil", "bench", "extract bench")
    except MissingExtra as error:
        raise click.ClickException(str(error)) from None
    from extract.bench.throughput import bench, format_bench, progress_bars
    from extract.scale.runner import BackendError

    if dask_address and workers > 1:
        raise click.UsageError("--workers and --dask do not go together (the cluster has its own workers)")
    if profile_to and (workers > 1 or dask_address):
        raise click.UsageError("--profile sees this process only: use it with --workers 1")
    with progress_bars(enabled=not quiet) as progress:
        try:
            result = bench(
                list(sizes),
                workers,
                dask_address=dask_address,
                seed=seed,
                workdir=workdir,
                progress=progress,
                profile_to=profile_to,
            )
        except (BackendError, FileNotFoundError) as error:  # no corpus pages to synthesise from
            raise click.ClickException(str(error)) from None
    click.echo(format_bench(result), err=as_json)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))


@cli.command(name="bench-queries")
@click.option(
    "--events",
    default=1_000_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Events in the synthetic database.",
)
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    help="Build the database here (kept), or reuse it when it exists [default: a temporary file].",
)
@click.option(
    "--repeats",
    default=5,
    show_default=True,
    type=click.IntRange(min=1),
    help="Timed runs of each query after the first.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the timings as one JSON object on the last line of stdout."
)
def bench_queries_command(events, db_path, repeats, as_json):
    """Time the timeline query, facets and full-text search through Datasette on a synthetic database of N events."""
    import json

    from extract.bench.query_scale import bench_queries, format_query_bench

    result = bench_queries(events, db_path, repeats=repeats)
    click.echo(format_query_bench(result), err=as_json)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))


# -- extract crawl ---------------------------------------------------------


@cli.command(name="crawl")
@_ner_model_option
@click.argument("targets", nargs=-1, required=True, metavar="SITE_OR_FEED...")
@click.option("--db", "db_path", default="data/extract.db", show_default=True, type=click.Path(dir_okay=False))
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Leave out entries a feed or sitemap dates before this day (YYYY-MM-DD).",
)
@click.option(
    "--max-articles",
    type=click.IntRange(min=0),
    help="Fetch at most N new articles (newest first); the rest wait for the next crawl.",
)
@click.option("--all", "keep_all", is_flag=True, help="Store every article, on the topic or not.")
@click.option(
    "--topic",
    "topic_file",
    type=click.Path(dir_okay=False),
    help="Topic definition (YAML) [default: extract/data/topic.yaml].",
)
@_politeness_options
@click.option("--cache-dir", type=click.Path(file_okay=False), help="HTML cache [default: html-cache beside the db].")
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Extract in N local processes."
)
@click.option("--dry-run", is_flag=True, help="List the new article URLs; fetch and record nothing.")
@click.option(
    "--watch", "interval", metavar="INTERVAL", help="Crawl again every INTERVAL (90s, 30m, 6h, 1d) until interrupted."
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print each stored article as one JSON line, then a JSON summary per crawl."
)
@click.option("--quiet", is_flag=True, help="No line per article; only failures and the summary.")
def crawl_command(
    targets,
    db_path,
    since,
    max_articles,
    keep_all,
    topic_file,
    delay,
    timeout,
    retries,
    cache_dir,
    workers,
    dry_run,
    interval,
    as_json,
    quiet,
):
    """Find new articles in the feeds and sitemaps of each SITE_OR_FEED, and store those on the topic.

    SITE_OR_FEED is a site's home page (its feeds, robots.txt sitemaps and
    sitemap indexes are read), or a feed or sitemap URL. URLs seen before are
    not fetched again; Ctrl-C stops between two articles.
    """
    import contextlib
    import json
    import signal
    import sqlite3
    import sys

    from extract.crawl import CrawlOptions, TopicError, crawl, load_topic, parse_interval, watch
    from extract.crawl.crawler import DOCUMENT_FAILED
    from extract.ingest.fetch import FetchPolicy
    from extract.ingest.sources import is_url

    for target in targets:
        if not is_url(target):
            raise click.BadParameter(f"not an http(s) URL: {target}", param_hint="SITE_OR_FEED")
    try:
        seconds = parse_interval(interval) if interval else None
    except ValueError:
        raise click.BadParameter("an interval such as 90s, 30m, 6h or 1d", param_hint="--watch") from None
    try:
        topic = None if keep_all else load_topic(topic_file)
    except TopicError as error:
        raise click.BadParameter(str(error), param_hint="--topic") from None
    options = CrawlOptions(
        since=since.date() if since else None,
        max_articles=max_articles,
        topic=topic,
        dry_run=dry_run,
        workers=workers,
        cache_dir=cache_dir,
        policy=FetchPolicy(timeout=timeout, retries=retries, delay=delay),
        facts=True,
    )
    lines = not quiet and not sys.stderr.isatty()  # on a terminal, the bar; elsewhere one line per article
    stop = {"asked": False}

    def ask_to_stop(signum, frame):
        if stop["asked"]:
            raise KeyboardInterrupt  # a second Ctrl-C: now
        stop["asked"] = True
        click.echo("stopping after the current article (Ctrl-C again to stop now)", err=True)

    def show(status, what, detail):
        if status in (DOCUMENT_FAILED, "failed"):
            click.echo(f"{what}: {detail}", err=True)
        elif lines:
            click.echo(f"{status} {what}" + (f": {detail}" if detail else ""), err=True)

    def report_crawl(report):
        for site in report.sites:
            for entry in site.new_entries:
                if as_json:
                    click.echo(json.dumps({"url": entry.url, "found_in": entry.found_in, "published": entry.published}))
                else:
                    click.echo(entry.url + (f"  {entry.published}" if entry.published else ""))
            click.echo(("dry run, nothing fetched: " if dry_run else "") + site.summary(), err=True)
            if as_json:
                click.echo(json.dumps({"crawl": site.to_dict()}, ensure_ascii=False))
        results.append(report)

    results = []
    previous = signal.signal(signal.SIGINT, ask_to_stop)
    args = {"progress": show, "json_out": sys.stdout if as_json and not dry_run else None, "progress_bar": not quiet}
    try:
        if seconds is None:
            report_crawl(crawl(targets, db_path, options, should_stop=lambda: stop["asked"], **args))
        else:
            # --watch --workers N: one pool of warm workers for every crawl
            from extract.scale.runner import make_backend
            from extract.scale.tasks import Settings

            pool = make_backend(workers, None, Settings(cache_dir=".")) if workers > 1 else contextlib.nullcontext()
            with pool as backend:
                watch(
                    list(targets),
                    db_path,
                    options,
                    seconds,
                    on_report=report_crawl,
                    should_stop=lambda: stop["asked"],
                    backend=backend,
                    **args,
                )
    except (sqlite3.Error, OSError) as error:
        raise click.ClickException(f"cannot use the database {db_path}: {error}") from None
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        raise SystemExit(130) from None
    finally:
        signal.signal(signal.SIGINT, previous)
    raise SystemExit(max((report.exit_code for report in results), default=0))


@cli.command(name="bench-crawl")
@click.option(
    "--articles", default=10_000, show_default=True, type=click.IntRange(min=10), help="Articles on the fake site."
)
@click.option(
    "--on-topic",
    "on_topic_share",
    default=0.1,
    show_default=True,
    type=click.FloatRange(0, 1),
    help="Share of the articles on the topic.",
)
@click.option(
    "--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Extract in N local processes."
)
@click.option("--seed", default=0, show_default=True, help="Seed of the fake site.")
@click.option("--keep", "workdir", type=click.Path(file_okay=False), help="Keep the site, cache and database in DIR.")
@click.option(
    "--json", "as_json", is_flag=True, help="Print the figures as one JSON object on the last line of stdout."
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def bench_crawl_command(articles, on_topic_share, workers, seed, workdir, as_json, quiet):
    """Time `extract crawl` over a fake news site served from 127.0.0.1 (--delay 0): articles/s, CPU per off-topic article."""
    import json

    from extract.extras import MissingExtra, require

    try:
        require("psutil", "bench", "extract bench-crawl")
    except MissingExtra as error:
        raise click.ClickException(str(error)) from None
    from extract.bench.crawl import bench_crawl, format_crawl_bench
    from extract.bench.throughput import progress_bars

    with progress_bars(enabled=not quiet) as progress:
        result = bench_crawl(
            articles, on_topic_share=on_topic_share, workers=workers, seed=seed, workdir=workdir, progress=progress
        )
    click.echo(format_crawl_bench(result), err=as_json)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
