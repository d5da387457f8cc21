"""The normalisers' finders scan a text once and hand every caller its own list."""

from __future__ import annotations

from extract.normalize.dates import find_dates
from extract.normalize.memo import scanned_once
from extract.normalize.money import find_money


def test_a_finder_runs_once_per_text_and_arguments():
    calls: list[str] = []

    @scanned_once
    def find_words(text: str) -> list[str]:
        calls.append(text)
        return text.split()

    assert find_words("dua pekerja") == ["dua", "pekerja"]
    assert find_words("dua pekerja") == ["dua", "pekerja"]
    assert find_words("tiga") == ["tiga"]
    assert calls == ["dua pekerja", "tiga"]


def test_callers_cannot_change_what_the_next_caller_gets():
    text = "Santunan Rp 42 juta diserahkan."
    first = find_money(text)
    first.clear()
    assert [m.value for m in find_money(text)] == [42_000_000]


def test_cached_dates_still_depend_on_the_reference_date():
    import datetime as dt

    text = "Penyerahan dilakukan kemarin."
    assert find_dates(text) == []
    assert find_dates(text, dt.date(2024, 3, 5))[0].value.date == dt.date(2024, 3, 4)
