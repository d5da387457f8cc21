"""`extract crawl`: a site's new articles found in its feeds and sitemaps, stored through the run path."""

from __future__ import annotations

import click

from extract.cli.options import ner_model_option, politeness_options, workers_option


@click.command(name="crawl")
@ner_model_option
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
@politeness_options
@click.option("--cache-dir", type=click.Path(file_okay=False), help="HTML cache [default: html-cache beside the db].")
@workers_option()
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
