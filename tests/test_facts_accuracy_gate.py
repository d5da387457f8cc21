"""The accuracy gate: micro-F1 on the bundled dev corpus may not fall more
than 0.02 below the value pinned in corpus/eval-pin.json, and no list may
fall below 0.80 F1.

The pin is raised by hand (rounded down to two decimals) when the
extractor gets better; a change that costs accuracy fails here, with the
lists that lost it and their errors in the message.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.evaluate.report import format_errors, format_report
from extract.evaluate.runner import evaluate_folder

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold"
HELDOUT = ROOT / "corpus" / "heldout"
PIN = ROOT / "corpus" / "eval-pin.json"
TOLERANCE = 0.02
LIST_FLOOR = 0.80


def test_extractor_stays_within_the_pinned_accuracy_on_the_dev_corpus():
    pinned = json.loads(PIN.read_text(encoding="utf-8"))["micro_f1"]
    report = evaluate_folder(GOLD)
    assert report.articles >= 40
    detail = format_report(report) + "\n" + format_errors(report)
    assert report.micro.f1 >= pinned - TOLERANCE, (
        f"micro-F1 {report.micro.f1:.3f} < pin {pinned} - {TOLERANCE}\n{detail}"
    )
    weak = {name: round(score.f1, 3) for name, score in report.lists.items() if score.f1 < LIST_FLOOR}
    assert not weak, f"lists below {LIST_FLOOR}: {weak}\n{detail}"


def test_extractor_stays_within_the_pinned_accuracy_on_the_heldout_articles():
    """Articles the rules were not written against (corpus/heldout/README.md)."""
    pinned = json.loads(PIN.read_text(encoding="utf-8"))["heldout_micro_f1"]
    report = evaluate_folder(HELDOUT)
    detail = format_report(report) + "\n" + format_errors(report)
    assert report.micro.f1 >= pinned - TOLERANCE, (
        f"held-out micro-F1 {report.micro.f1:.3f} < pin {pinned} - {TOLERANCE}\n{detail}"
    )


# Real articles from about 70 outlets, annotated by others (../shared/gold/real):
# the figure that counts. They are never copied into the repository, so the
# gate reads them in place; CI has them beside the clone.
REAL = ROOT.parent / "shared" / "gold" / "real"


@pytest.mark.skipif(
    not REAL.is_dir(),
    reason=f"no real-news gold folder at {REAL}: the real-news accuracy gate runs where ../shared/gold/real exists (CI)",
)
def test_extractor_stays_within_the_pinned_accuracy_on_real_news():
    pinned = json.loads(PIN.read_text(encoding="utf-8"))["real_micro_f1"]
    report = evaluate_folder(REAL)
    assert report.articles >= 75
    detail = format_report(report) + "\n" + format_errors(report)
    assert report.micro.f1 >= pinned - TOLERANCE, (
        f"real-news micro-F1 {report.micro.f1:.3f} < pin {pinned} - {TOLERANCE}\n{detail}"
    )
    weak = {name: round(score.f1, 3) for name, score in report.lists.items() if score.f1 < LIST_FLOOR}
    assert not weak, f"real-news lists below {LIST_FLOOR}: {weak}\n{detail}"
