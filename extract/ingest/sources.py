"""SOURCE arguments of `extract run`, turned into typed inputs.

A SOURCE is an http(s) URL, an HTML file, a plain-text file, a JSON article
file (an object with "text" and optional "url", "title", "published",
"source", "author", "editor": the gold format and `extract run --json` output
both fit), a file listing URLs (one per line), a directory (its
.html/.htm/.txt/.json files), or "-" for a list of SOURCEs on standard input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt",)
JSON_SUFFIXES = (".json",)
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class UrlSource:
    url: str

    @property
    def label(self) -> str:
        return self.url


@dataclass(frozen=True)
class HtmlFileSource:
    path: Path
    url: str | None = None  # where the page lives, when the page does not say

    @property
    def label(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class TextFileSource:
    path: Path
    url: str | None = None

    @property
    def label(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class JsonArticleSource:
    path: Path

    @property
    def label(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class BadSource:
    """A SOURCE that names nothing usable; reported as a failure, never fatal."""

    label: str
    reason: str


Source = UrlSource | HtmlFileSource | TextFileSource | JsonArticleSource | BadSource


def is_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def url_problem(url: str) -> str | None:
    """Why `url` cannot be fetched, in a few words, or None for a well-formed http(s) URL with a host."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018  (reading it checks it: a port out of range or not a number raises)
    except ValueError:
        return "malformed URL"
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "not an http(s) URL"
    return None


def url_source(url: str) -> Source:
    """A URL to fetch, or a failure reported for that source alone when it cannot be parsed."""
    url = url.strip()
    problem = url_problem(url)
    return BadSource(url, problem) if problem else UrlSource(url)


def expand_sources(args: Iterable[str], *, url: str | None = None, stdin: TextIO | None = None) -> list[Source]:
    """Every input named by `args`, in order. `url` is the address of a single HTML or text file."""
    found: list[Source] = []
    for arg in args:
        if arg == "-":
            lines = (stdin.read() if stdin is not None else "").splitlines()
            found.extend(_expand_one(line.strip(), url=None) for line in lines if _is_entry(line))
            continue
        found.extend(_expand(arg, url=url))
    return found


def _expand(arg: str, url: str | None) -> list[Source]:
    path = Path(arg)
    if not is_url(arg) and path.is_dir():
        suffixes = HTML_SUFFIXES + TEXT_SUFFIXES + JSON_SUFFIXES
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
        if not files:
            return [BadSource(arg, "directory holds no .html, .txt or .json files")]
        return [s for p in files for s in _expand(str(p), url=None)]
    if not is_url(arg) and path.is_file() and _is_url_list(path):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        return [url_source(line) for line in lines if _is_entry(line)]
    return [_expand_one(arg, url)]


def _expand_one(arg: str, url: str | None) -> Source:
    if is_url(arg):
        return url_source(arg)
    path = Path(arg)
    if path.is_dir():
        return BadSource(arg, "a directory inside a list of sources is not expanded")
    if not path.is_file():
        return BadSource(arg, "no such file, and not an http(s) URL")
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return HtmlFileSource(path, url)
    if suffix in TEXT_SUFFIXES:
        return TextFileSource(path, url)
    if suffix in JSON_SUFFIXES:
        return JsonArticleSource(path)
    head = path.read_bytes()[:2048].lstrip().lower()
    if head.startswith((b"<!doctype", b"<html", b"<head", b"<?xml")):
        return HtmlFileSource(path, url)
    return TextFileSource(path, url)


def _is_entry(line: str) -> bool:
    line = line.strip()
    return bool(line) and not line.startswith("#")


def _is_url_list(path: Path) -> bool:
    """A file whose every non-blank, non-comment line is a URL (and not an HTML file)."""
    if path.suffix.lower() in HTML_SUFFIXES:
        return False
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            entries = [line for line in handle.read(1_000_000).splitlines() if _is_entry(line)]
    except OSError:
        return False
    return bool(entries) and all(is_url(line) for line in entries)
