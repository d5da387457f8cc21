"""Build the Datasette instance that publishes a database, and serve it."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

from datasette.app import Datasette
from datasette.plugins import pm

from extract.publish import guard, plugin, site, stories_plugin
from extract.publish.metadata import metadata_for

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
# The database is served under this name whatever its file is called, so that
# links (/extract/timeline, the README's) always work.
DATABASE_NAME = "extract"

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
    if not pm.is_registered(site):
        pm.register(site, name="extract-site")
    if not pm.is_registered(guard):
        pm.register(guard, name="extract-guard")
        guard.quiet_default_error_handler()
    if not pm.is_registered(stories_plugin):
        pm.register(stories_plugin, name="extract-stories")


def make_datasette(db_path: str | Path, *, immutable: bool = False, public: bool = False) -> Datasette:
    """A Datasette serving `db_path` with our metadata, canned queries, pages and plugins.

    `immutable`: serve a file this process cannot write (Datasette's immutable
    mode: no locks, no WAL files, nothing written). `public`: for anyone to
    reach (see extract.publish.guard: no SQL of one's own, no paths shown).
    """
    path = Path(db_path)
    if not path.is_file():
        raise ServeError(f"database not found: {path} (build it with `extract run corpus/html --db {path}`)")
    register_plugin()
    ds = Datasette(
        files=[] if immutable else [str(path)],
        immutables=[str(path)] if immutable else [],
        metadata=guard.public_metadata(metadata_for(DATABASE_NAME)) if public else metadata_for(DATABASE_NAME),
        template_dir=str(TEMPLATES),
        static_mounts=[("extract-static", str(STATIC))],
        settings={**SETTINGS, **guard.PUBLIC_SETTINGS} if public else SETTINGS,
    )
    served = ds.get_database()
    if served.name != DATABASE_NAME:
        ds.remove_database(served.name)
        ds.add_database(served, name=DATABASE_NAME)
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


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only."""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001, public: bool | None = None) -> None:
    """Upgrade the database schema if needed, then serve it until interrupted.

    `public` (default: when `host` is not a loopback address) turns off SQL
    of one's own and the pages that show paths (extract.publish.guard).
    """
    import uvicorn

    import sqlite3

    from extract.store.db import DatabaseFileError, check_database_file, is_writable, open_db

    path = Path(db_path)
    if not path.is_file():
        raise ServeError(f"database not found: {path} (build it with `extract run corpus/html --db {path}`)")
    try:
        check_database_file(path)
        writable = is_writable(path)
        if writable:
            open_db(path).close()  # applies pending migrations, so the queries match the schema
    except (DatabaseFileError, sqlite3.Error) as error:
        raise ServeError(
            str(error) if isinstance(error, DatabaseFileError) else f"cannot use the database {path}: {error}"
        ) from None
    if not writable:
        print(f"{path} is read-only: served as is, in immutable mode", flush=True)
    public = not is_loopback(host) if public is None else public
    ds = make_datasette(path, immutable=not writable, public=public)
    check_port_free(host, port)
    print(f"Serving {path} at http://{host}:{port}/ (timeline: http://{host}:{port}/timeline)", flush=True)
    if public:
        print("Public mode: no SQL of one's own, no downloads; tables, canned queries and pages work", flush=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
