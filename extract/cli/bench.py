"""`extract bench`, `bench-queries` and `bench-crawl`: throughput and query timings on synthetic data."""

from __future__ import annotations

import click

from extract.cli.options import ner_model_option, workers_option


@click.command(name="bench")
@ner_model_option
@click.option(
    "--articles",
    "sizes",
    multiple=True,
    default=(1000,),
    show_default=True,
    type=click.IntRange(min=1),
    help="Articles to synthesise and run; repeat it (--articles 1000 --articles 10000) to see how time grows.",
)
@workers_option()
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
    from extract.pipeline import BackendError

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


@click.command(name="bench-queries")
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


@click.command(name="bench-crawl")
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
@workers_option()
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
