"""`extract eval`, `eval-events` and `eval-stories`: the extractor scored against gold articles."""

from __future__ import annotations

import click

from extract.cli.options import ner_model_option


@click.command(name="eval")
@ner_model_option
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


@click.command(name="eval-events")
@click.argument("events_folder", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--gold",
    "gold_folder",
    type=click.Path(exists=True, file_okay=False),
    help="Folder of the articles [default: the gold folder beside EVENTS_FOLDER].",
)
@click.option("--show-errors", is_flag=True, help="List every missed and every spurious event.")
@click.option(
    "--text-as-is", is_flag=True, help="Skip the ingestion `extract run` applies (as `extract eval --text-as-is`)."
)
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


@click.command(name="eval-stories")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--show-errors", is_flag=True, help="List every pair of articles put together or apart wrongly.")
@click.option("--fail-under", type=float, help="Exit 1 when pairwise F1 is below this value.")
def eval_stories_command(folder, as_json, show_errors, fail_under):
    """Score how articles are grouped into stories against their event_cluster keys (pairwise P/R/F1)."""
    import json

    from extract.evaluate import GoldFormatError
    from extract.evaluate.stories import evaluate_stories, format_stories_report

    try:
        report = evaluate_stories(folder)
    except GoldFormatError as error:
        raise click.ClickException(str(error)) from None
    if as_json:
        data = report.to_dict()
        if show_errors:
            data["errors"] = [{"kind": k, "articles": [a, b]} for k, a, b in report.errors]
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        click.echo(format_stories_report(report, show_errors))
    if fail_under is not None and report.f1 < fail_under:
        click.echo(f"pairwise F1 {report.f1:.4f} is below {fail_under}", err=True)
        raise SystemExit(1)
