"""Build the Datasette instance that publishes a database, and serve it."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

from datasette.app import Datasette
from datasette.plugins import pm

from extract.publish import plugin, stories_plugin
from extract.publish.metadata import metadata_for

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

SETTINGS = {
    "default_page_size": 50,
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 500,
    "max_returned_rows": 2000,
    # Suggesting facets counts the distinct values of every column of a table
    # on each page view: seconds at a million events. The configured facets stay.
    "suggest_facets": False,
}


class ServeError(Exception):
    """A problem the user can fix (missing database, port taken); one line."""


def register_plugin() -> None:
    if not pm.is_registered(plugin):
        pm.register(plugin, name="extract-publish")
    if not pm.is_registered(stories_plugin):
        pm.register(stories_plugin, name="extract-stories")


def make_datasette(db_path: str | Path) -> Datasette:
    """A Datasette serving `db_path` with our metadata, canned queries, pages and plugins."""
    path = Path(db_path)
    if not path.is_file():
        raise ServeError(f"database not found: {path} (build it with `extract run corpus/html --db {path}`)")
    register_plugin()
    ds = Datasette(
        files=[str(path)],
        metadata=metadata_for(path.stem),
        template_dir=str(TEMPLATES),
        static_mounts=[("extract-static", str(STATIC))],
        settings=SETTINGS,
    )
    return ds


def check_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise ServeError(f"port {port} on {host} is already in use (choose another with --port)") from None
            raise ServeError(f"cannot listen on {host}:{port}: {error.strerror}") from None


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Upgrade the database schema if needed, then serve it until interrupted."""
    import uvicorn

    from extract.store.db import open_db

    path = Path(db_path)
    if not path.is_file():
        raise ServeError(f"database not found: {path} (build it with `extract run corpus/html --db {path}`)")
    open_db(path).close()  # applies pending migrations, so the queries match the schema
    ds = make_datasette(path)
    check_port_free(host, port)
    print(f"Serving {path} at http://{host}:{port}/ (timeline: http://{host}:{port}/timeline)", flush=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
