"""`extract serve` and `extract stories`: the database published, and its stories listed."""

from __future__ import annotations

import click


@click.command(name="serve")
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


@click.command(name="stories")
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
