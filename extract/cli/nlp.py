"""`extract nlp` and `ner-eval`: what the NLP pipeline finds, and how well its NER model does."""

from __future__ import annotations

import click

from extract.cli.options import ner_model_option


@click.command(name="nlp")
@click.argument("source", default="-", type=click.File("r", encoding="utf-8"))
@ner_model_option
@click.option("--rules-only", is_flag=True, help="No NER model: tokenizer, sentences and rules only.")
@click.option(
    "--published", type=click.DateTime(formats=["%Y-%m-%d"]), help="Publication date, to resolve relative dates."
)
@click.option("--json", "as_json", is_flag=True, help="Print sentences, entities and rule spans as one JSON object.")
def nlp_command(source, rules_only, published, as_json):
    """Show what the Indonesian NLP pipeline finds in a text file (or - for stdin)."""
    import json

    from extract.nlp.pipeline import (
        NerModelError,
        annotate,
        doc_to_dict,
        format_doc,
        load_pipeline,
        load_rules_pipeline,
    )

    try:
        nlp = load_rules_pipeline() if rules_only else load_pipeline()
    except (NerModelError, OSError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    doc = annotate(source.read(), reference_date=published, nlp=nlp)
    click.echo(json.dumps(doc_to_dict(doc), ensure_ascii=False) if as_json else format_doc(doc))


@click.command(name="ner-eval")
@click.option(
    "--model",
    "model_path",
    type=click.Path(exists=True, file_okay=False),
    help="spaCy pipeline directory [default: models/id_ner].",
)
@click.option(
    "--data",
    "data_path",
    type=click.Path(exists=True, dir_okay=False),
    help="CoNLL gold file [default: the bundled idner-news-2k test split].",
)
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def ner_eval_command(model_path, data_path, limit, as_json):
    """Measure the NER model's precision, recall and F1 (overall and per type)."""
    import json

    from extract.nlp.ner_eval import DEFAULT_MODEL, DEFAULT_TEST_DATA, ConllFormatError, evaluate_ner, format_scores

    try:
        scores = evaluate_ner(model_path or DEFAULT_MODEL, data_path or DEFAULT_TEST_DATA, limit=limit)
    except (ConllFormatError, OSError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(json.dumps(scores, ensure_ascii=False) if as_json else format_scores(scores))
