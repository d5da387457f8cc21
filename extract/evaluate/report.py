"""The eval report as text for people."""

from __future__ import annotations

import json

from extract.evaluate.ingestion import format_ingestion
from extract.evaluate.scoring import EvalReport, ListScore


def _row(name: str, score: ListScore) -> str:
    attributes = "  ".join(
        f"{attr}={'-' if value is None else f'{value:.3f}'}" for attr, value in score.attributes().items()
    )
    return (
        f"{name:<14} {score.tp:>5} {score.fp:>5} {score.fn:>5}  "
        f"{score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f}  {attributes}"
    ).rstrip()


def format_report(report: EvalReport) -> str:
    """The table of scores; with groups, one table per group, then the overall one."""
    if report.groups:
        parts = [f"== {name} ==\n{_table(group)}" for name, group in report.groups.items()]
        return "\n\n".join([*parts, f"== all ==\n{_table(report)}"])
    return _table(report)


def _table(report: EvalReport) -> str:
    lines = [
        f"{report.articles} articles",
        f"{'list':<14} {'tp':>5} {'fp':>5} {'fn':>5}  {'prec':>6} {'rec':>6} {'f1':>6}  attributes",
    ]
    lines += [_row(name, score) for name, score in report.lists.items()]
    lines.append(_row("micro", report.micro))
    if report.ingestion is not None:
        lines.append(format_ingestion(report.ingestion))
    return "\n".join(lines)


def format_errors(report: EvalReport) -> str:
    lines = []
    for error in sorted(report.errors, key=lambda e: (e.article_id, e.list_name, e.kind)):
        item = json.dumps(error.item, ensure_ascii=False)
        lines.append(f"{error.article_id}  {error.list_name:<14} {error.kind.upper()}  {item}")
    return "\n".join(lines)
