"""Same facts before and after a change: snapshot every fact, then compare.

A refactoring of the facts layer must not change what is found. `snapshot`
runs the extractor over fixed inputs and writes every fact of every article
(all fields, provenance included, the extractor version left out) as one
JSON line per article; `compare` lists the articles whose facts differ.

The inputs: the gold folders of `corpus/` (gold, heldout), synthetic
bench pages (`extract bench`'s generator, a fixed seed), and any extra gold
folders given (for instance ../shared/gold/real, read in place).

    python -m extract.bench.same_facts snapshot before.jsonl --extra ../shared/gold/real
    ... change the code ...
    python -m extract.bench.same_facts snapshot after.jsonl --extra ../shared/gold/real
    python -m extract.bench.same_facts compare before.jsonl after.jsonl
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS_FOLDERS = ("corpus/gold", "corpus/heldout")
BENCH_PAGES = 60


def snapshot_articles(extra_folders: tuple[str, ...] = (), bench_pages: int = BENCH_PAGES) -> Iterator[dict[str, Any]]:
    """One record per input article: {"input", "id", "facts"}."""
    from extract.evaluate.gold import read_gold_folder
    from extract.evaluate.ingestion import ingest_as_run
    from extract.facts.extractor import extract_facts_batch
    from extract.ingest.errors import IngestError

    folders = [str(REPO_ROOT / f) for f in CORPUS_FOLDERS if (REPO_ROOT / f).is_dir()] + list(extra_folders)
    for folder in folders:
        stored = []
        for gold in read_gold_folder(folder):
            try:
                stored.append((gold.id, ingest_as_run(gold).stored))
            except IngestError as error:
                yield {"input": _label(folder), "id": gold.id, "dropped": str(error)}
        for (article_id, _article), facts in zip(stored, extract_facts_batch([a for _, a in stored])):
            yield {"input": _label(folder), "id": article_id, "facts": _plain(facts.to_dict())}
    yield from _bench_records(bench_pages)


def _bench_records(count: int) -> Iterator[dict[str, Any]]:
    if count <= 0:
        return
    from extract.bench.synth import synthesise
    from extract.facts.extractor import extract_facts_batch
    from extract.ingest.cache import HtmlCache
    from extract.ingest.html import extract_article

    with tempfile.TemporaryDirectory() as folder:
        cache = HtmlCache(Path(folder))
        urls = synthesise(count, cache, seed=0)
        articles = [extract_article(cache.get(url).html, url) for url in urls]
    for url, facts in zip(urls, extract_facts_batch(articles)):
        yield {"input": "bench", "id": url, "facts": _plain(facts.to_dict())}


def _label(folder: str) -> str:
    path = Path(folder).resolve()
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return path.name


def _plain(value: Any) -> Any:
    """`value` without the extractor version, which every release changes."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k != "extractor_version"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def read_snapshot(path: str | Path) -> dict[tuple[str, str], dict[str, Any]]:
    records = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            records[(record["input"], record["id"])] = record
    return records


def differences(before: dict, after: dict) -> list[str]:
    """One line per article whose facts differ, naming the fact lists that do."""
    lines = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if old is None or new is None:
            lines.append(f"{key[0]} {key[1]}: only {'after' if old is None else 'before'}")
            continue
        old_facts, new_facts = old.get("facts") or {}, new.get("facts") or {}
        changed = _changed_lists(old_facts, new_facts)
        if not changed and {**old, "facts": None} == {**new, "facts": None}:
            continue  # only a new fact type's empty list
        lines.append(f"{key[0]} {key[1]}: {', '.join(changed) or 'dropped/kept'} differ")
    return lines


def _changed_lists(old: dict, new: dict) -> list[str]:
    """The fact lists that differ; a list one side lacks counts as empty
    there (a new fact type adds an empty list to every article)."""
    return sorted(k for k in set(old) | set(new) if (old.get(k) or []) != (new.get(k) or []))


@click.group()
def cli() -> None:
    """Snapshot the facts found on fixed inputs, and compare two snapshots."""


@cli.command()
@click.argument("output", type=click.Path(dir_okay=False))
@click.option("--extra", multiple=True, type=click.Path(file_okay=False), help="Another gold folder to include.")
@click.option("--bench-pages", default=BENCH_PAGES, show_default=True, help="Synthetic bench pages to include.")
def snapshot(output: str, extra: tuple[str, ...], bench_pages: int) -> None:
    """Write every fact found on the inputs to OUTPUT (JSON lines)."""
    count = 0
    with open(output, "w", encoding="utf-8") as out:
        for record in snapshot_articles(tuple(e for e in extra if Path(e).is_dir()), bench_pages):
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    click.echo(f"{count} articles -> {output}")


@cli.command()
@click.argument("before", type=click.Path(exists=True, dir_okay=False))
@click.argument("after", type=click.Path(exists=True, dir_okay=False))
@click.option("--show", is_flag=True, help="Print the differing facts themselves, as JSON.")
def compare(before: str, after: str, show: bool) -> None:
    """List the articles whose facts differ; exit 1 when any do."""
    old, new = read_snapshot(before), read_snapshot(after)
    lines = differences(old, new)
    for line in lines:
        click.echo(line)
    if show:
        for key in sorted(set(old) | set(new)):
            a, b = (old.get(key) or {}).get("facts") or {}, (new.get(key) or {}).get("facts") or {}
            for name in _changed_lists(a, b):
                click.echo(
                    json.dumps(
                        {"article": list(key), "list": name, "before": a.get(name), "after": b.get(name)},
                        ensure_ascii=False,
                    )
                )
    click.echo(f"{len(lines)} of {len(set(old) | set(new))} articles differ")
    sys.exit(1 if lines else 0)


if __name__ == "__main__":
    cli()
