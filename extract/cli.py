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


@cli.command(name="eval-events")
@click.argument("events_folder", type=click.Path(exists=True, file_okay=False))
@click.option("--gold", "gold_folder", type=click.Path(exists=True, file_okay=False),
              help="Folder of the articles [default: the gold folder beside EVENTS_FOLDER].")
@click.option("--show-errors", is_flag=True, help="List every missed and every spurious event.")
@click.option("--text-as-is", is_flag=True, help="Skip the ingestion `extract run` applies (as `extract eval --text-as-is`).")
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
def serve_command(db_path, host, port):
    """Publish the database with Datasette: tables, canned queries, timeline, map, charts, feed."""
    from extract.publish.app import ServeError, serve

    try:
        serve(db_path, host=host, port=port)
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
    from pathlib import Path

    from extract.store.reprocess import reprocess

    if not Path(db_path).is_file():
        raise click.ClickException(f"database not found: {db_path}")
    report = reprocess(db_path, outdated_only=outdated_only, cache_dir=cache_dir, progress=not quiet)
    click.echo(
        f"{report.processed} of {report.selected} articles re-extracted"
        f" ({report.from_html} from cached HTML), {len(report.failed)} failed", err=True
    )
    for aid, reason in report.failed:
        click.echo(f"{aid}: {reason}", err=True)
    if report.failed:
        raise SystemExit(1)


@cli.command(name="run")
@_ner_model_option
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--db", "db_path", default="data/extract.db", show_default=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print each stored article as one JSON line on stdout.")
@click.option("--url", help="The address of a single HTML or text file given as SOURCE.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="HTML cache [default: html-cache beside the db].")
@click.option("--ignore-robots", is_flag=True, help="Fetch pages that a site's robots.txt disallows.")
@click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(min=0), help="Seconds between requests to one host.")
@click.option("--timeout", default=20.0, show_default=True, type=click.FloatRange(min=0, min_open=True), help="Seconds for a whole request.")
@click.option("--retries", default=2, show_default=True, type=click.IntRange(min=0), help="Extra attempts after a failure that may pass.")
@click.option("--max-bytes", default=5_000_000, show_default=True, type=click.IntRange(min=1), help="Largest page accepted.")
@click.option("--refetch", is_flag=True, help="Fetch again even when the page is in the cache.")
@click.option("--no-facts", is_flag=True, help="Store the articles only, without extracting facts.")
@click.option("--quiet", is_flag=True, help="No line per source; only failures and the summary.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Extract in N local processes (one writer; same results as serial).")
@click.option("--dask", "dask_address", metavar="ADDRESS", help="Fetch and extract on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786).")
def run_command(sources, db_path, as_json, url, cache_dir, ignore_robots, delay, timeout, retries, max_bytes, refetch, no_facts, quiet, workers, dask_address):
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
        timeout=timeout, retries=retries, delay=delay, max_bytes=max_bytes, respect_robots=not ignore_robots
    )

    def show(outcome):
        if quiet or outcome.status not in (STORED, DUPLICATE):  # failures are listed at the end
            return
        detail = (outcome.title or outcome.url) if outcome.status == STORED else outcome.reason
        click.echo(f"{outcome.status} {outcome.source}" + (f": {detail}" if detail else ""), err=True)

    # --workers N / --dask ADDRESS: the same run spread over processes or a cluster (extract.scale).
    from extract.scale.runner import BackendError, run_sources_parallel

    if dask_address and workers > 1:
        raise click.UsageError("--workers and --dask do not go together (the cluster has its own workers)")
    parallel = {"workers": workers, "dask_address": dask_address, "progress_bar": not quiet}
    try:
        report = (run_sources_parallel if workers > 1 or dask_address else run_sources)(
            sources,
            db_path,
            url=url,
            json_out=sys.stdout if as_json else None,
            cache_dir=cache_dir,
            policy=policy,
            refetch=refetch,
            stdin=sys.stdin if "-" in sources else None,
            facts=not no_facts,
            progress=show,
            **(parallel if workers > 1 or dask_address else {}),
        )
    except BackendError as error:
        raise click.ClickException(str(error)) from None
    except (sqlite3.Error, OSError) as error:
        raise click.ClickException(f"cannot use the database {db_path}: {error}") from None
    for outcome in report.failed:
        click.echo(f"{outcome.source}: {outcome.reason}", err=True)
    click.echo(report.summary(), err=True)
    raise SystemExit(report.exit_code)


@cli.command(name="nlp")
@click.argument("source", default="-", type=click.File("r", encoding="utf-8"))
@_ner_model_option
@click.option("--rules-only", is_flag=True, help="No NER model: tokenizer, sentences and rules only.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), help="Publication date, to resolve relative dates.")
@click.option("--json", "as_json", is_flag=True, help="Print sentences, entities and rule spans as one JSON object.")
def nlp_command(source, rules_only, published, as_json):
    """Show what the Indonesian NLP pipeline finds in a text file (or - for stdin)."""
    import json

    from extract.nlp.pipeline import NerModelError, annotate, doc_to_dict, format_doc, load_pipeline, load_rules_pipeline

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
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Extract in N local processes.")
@click.option("--dask", "dask_address", metavar="ADDRESS", help="Extract on the Dask cluster at ADDRESS instead.")
@click.option("--seed", default=0, show_default=True, help="Seed of the synthetic pages.")
@click.option("--keep", "workdir", type=click.Path(file_okay=False), help="Keep the pages and databases in DIR.")
@click.option("--profile", "profile_to", type=click.Path(dir_okay=False), help="Write a pyinstrument profile (.html or text) of the run to FILE (with --workers 1).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object on the last line of stdout.")
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
            result = bench(list(sizes), workers, dask_address=dask_address, seed=seed, workdir=workdir, progress=progress, profile_to=profile_to)
        except (BackendError, FileNotFoundError) as error:  # no corpus pages to synthesise from
            raise click.ClickException(str(error)) from None
    click.echo(format_bench(result), err=as_json)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))


@cli.command(name="bench-queries")
@click.option("--events", default=1_000_000, show_default=True, type=click.IntRange(min=1), help="Events in the synthetic database.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="Build the database here (kept), or reuse it when it exists [default: a temporary file].")
@click.option("--repeats", default=5, show_default=True, type=click.IntRange(min=1), help="Timed runs of each query after the first.")
@click.option("--json", "as_json", is_flag=True, help="Print the timings as one JSON object on the last line of stdout.")
def bench_queries_command(events, db_path, repeats, as_json):
    """Time the timeline query, facets and full-text search through Datasette on a synthetic database of N events."""
    import json

    from extract.bench.query_scale import bench_queries, format_query_bench

    result = bench_queries(events, db_path, repeats=repeats)
    click.echo(format_query_bench(result), err=as_json)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
