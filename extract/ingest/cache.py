"""Every fetched page, kept so that nothing is ever fetched twice.

Raw bytes are stored content-addressed and gzip-compressed,
`<root>/<sha256[:2]>/<sha256>.html.gz`; what the fetch looked like (URL,
final URL, status, headers that matter, time, encoding, sha256) is a JSON
record per URL, `<root>/urls/<key[:2]>/<key>.json`, where key is the sha256
of the URL's canonical form. Writes go through a temporary file and a rename,
so an interrupted run never leaves a half-written entry.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extract.urls import canonical_url


def default_cache_dir(db_path: str | Path) -> Path:
    """The HTML cache `extract run` keeps beside the database."""
    return Path(db_path).parent / "html-cache"


@dataclass
class FetchedPage:
    """One page as the server sent it, with how it was fetched."""

    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # the ones worth keeping (see fetch.KEPT_HEADERS)
    body: bytes
    html: str  # body decoded
    encoding: str
    fetched_at: str  # ISO timestamp, UTC
    sha256: str  # of body
    from_cache: bool = field(default=False, compare=False)

    def record(self) -> dict:
        data = asdict(self)
        for key in ("body", "html", "from_cache"):
            data.pop(key)
        return data


def body_sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class HtmlCache:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def body_path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.html.gz"

    def record_path(self, url: str) -> Path:
        key = hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()
        return self.root / "urls" / key[:2] / f"{key}.json"

    def get(self, url: str) -> FetchedPage | None:
        """The page last fetched for `url` (or that `url` redirected to), or None."""
        path = self.record_path(url)
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            body = gzip.decompress(self.body_path(record["sha256"]).read_bytes())
        except (OSError, ValueError, KeyError, EOFError):
            return None  # absent, or damaged: fetch again
        if body_sha256(body) != record["sha256"]:
            return None
        return FetchedPage(
            body=body,
            html=body.decode(record["encoding"], errors="replace"),
            from_cache=True,
            **{k: record[k] for k in ("url", "final_url", "status", "headers", "encoding", "fetched_at", "sha256")},
        )

    def put_body(self, body: bytes) -> str:
        """Keep raw page bytes (once per content); returns their sha256."""
        sha256 = body_sha256(body)
        path = self.body_path(sha256)
        if not path.exists():
            _write_atomic(path, gzip.compress(body, mtime=0))
        return sha256

    def put(self, page: FetchedPage, also_under: str | None = None) -> None:
        """Keep `page`'s bytes and its record, under its URL, its final URL and `also_under`."""
        self.put_body(page.body)
        record = json.dumps(page.record(), ensure_ascii=False, indent=1).encode("utf-8")
        for url in {page.url, page.final_url, also_under} - {None}:
            _write_atomic(self.record_path(url), record)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
