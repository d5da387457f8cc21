"""Options and helpers shared by several `extract` commands."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import click


def ner_model_option(function):
    """--ner-model PATH: a spaCy pipeline or a Hugging Face token-classification
    model directory, used instead of models/id_ner. It sets EXTRACT_NER_MODEL,
    so every later load_pipeline() in this process (and its workers) uses it;
    a command only needs the decorator. The variable is restored when the
    command ends, so a later command run in the same process (tests, a
    caller of `cli`) gets the default model again."""

    def remember(ctx, param, value):
        if value is None:
            return None
        import os

        from extract.nlp.pipeline import NER_MODEL_ENV, NerModelError, check_ner_model

        try:
            check_ner_model(value)
        except NerModelError as error:
            raise click.BadParameter(str(error), ctx=ctx, param=param) from None
        previous = os.environ.get(NER_MODEL_ENV)
        os.environ[NER_MODEL_ENV] = value
        ctx.call_on_close(lambda: _restore_env(NER_MODEL_ENV, previous))
        return value

    return click.option(
        "--ner-model",
        type=click.Path(),
        callback=remember,
        expose_value=False,
        is_eager=True,
        help="NER model directory (spaCy pipeline or Hugging Face token classifier) [default: models/id_ner].",
    )(function)


def _restore_env(name: str, value: str | None) -> None:
    import os

    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def workers_option(help_text: str = "Extract in N local processes."):
    """--workers N: how many local processes extract (run, reprocess, crawl and the benches)."""
    return click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1), help=help_text)


def politeness_options(function):
    """--delay, --timeout and --retries: how `run` and `crawl` treat a site."""
    options = [
        click.option(
            "--delay",
            default=1.0,
            show_default=True,
            type=click.FloatRange(min=0),
            help="Seconds between requests to one host.",
        ),
        click.option(
            "--timeout",
            default=20.0,
            show_default=True,
            type=click.FloatRange(min=0, min_open=True),
            help="Seconds for a whole request.",
        ),
        click.option(
            "--retries",
            default=2,
            show_default=True,
            type=click.IntRange(min=0),
            help="Extra attempts after a failure that may pass.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


LABEL_CHARS = 300  # a source named by a 100 KB URL still gets a readable line


def short_label(text: str) -> str:
    """`text` on one line of at most LABEL_CHARS characters, its middle elided."""
    text = " ".join(text.split())
    if len(text) <= LABEL_CHARS:
        return text
    half = (LABEL_CHARS - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


@contextlib.contextmanager
def sigterm_as_interrupt() -> Iterator[list[int]]:
    """SIGTERM stops a run like Ctrl-C does: between articles, workers ended, a summary printed.

    Yields a list whose last item is the signal that stopped the run (SIGINT
    unless SIGTERM came: Ctrl-C arrives as KeyboardInterrupt).
    """
    import signal
    import threading

    seen = [signal.SIGINT]
    if threading.current_thread() is not threading.main_thread():  # only the main thread may set handlers
        yield seen
        return

    def stop(signum, frame):
        seen.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield seen
    finally:
        signal.signal(signal.SIGTERM, previous)
