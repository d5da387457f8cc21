"""Reading LAW spans: the number and year of a law as written, and the
`kb_id_` the span grammar (extract.nlp.grammar) writes them into."""

from __future__ import annotations

import re


_LAW_NUMBER = re.compile(r"(?:\bNomor|\bNo\.?|\bNomer|\bNmr)\s*:?\s*(\d[\w./-]*\w|\d)", re.IGNORECASE)
_LAW_BARE_NUMBER = re.compile(r"^\S+(?:\s+(?!(?i:tahun)\b)\S+)??\s+(\d[\w./-]*\w|\d)")
_LAW_YEAR = re.compile(r"\bTahun\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_NUMBER_WITH_YEAR = re.compile(r"^(.+?)/((?:19|20)\d\d)$")


def law_parts(text: str, bare_number: bool = True) -> tuple[str | None, int | None]:
    """Number and year of a law as written: the string after "Nomor"/"No."
    (or, with `bare_number`, a number right after the kind) and the year
    after "Tahun" or ending the number.

    "Undang-undang Nomor 40 Tahun 2004" -> ("40", 2004); "UU No. 24/2011" ->
    ("24", 2011): number 24 of 2011; "Nomor 215/PMK.07/2021" ->
    ("215/PMK.07/2021", 2021), kept whole as the gold format takes the string
    after "Nomor"; "Surat Edaran (SE) Bupati Pasuruan" -> (None, None). The
    kind is the span's `id_` ("UU", "Perbup", "SE", ...); the grammar writes
    a LAW span's parts into its `kb_id_` (see `law_kb_id`).
    """
    number = None
    match = _LAW_NUMBER.search(text) or (_LAW_BARE_NUMBER.search(text) if bare_number else None)
    if match:
        number = match.group(1)
    year_match = _LAW_YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    if number and year is None:
        split = _NUMBER_WITH_YEAR.match(number)
        if split:
            year = int(split.group(2))
            if split.group(1).isdigit():
                number = split.group(1)  # "24/2011": number 24 of 2011
    return number, year


def law_kb_id(text: str) -> str:
    """A LAW span's `kb_id_`: "<number>|<year>" of `law_parts`, each part
    empty when the text does not give it ("40|2004", "|2021"), "" for none."""
    number, year = law_parts(text)
    if number is None and year is None:
        return ""
    return f"{number or ''}|{year or ''}"


def read_law_kb_id(kb_id: str) -> tuple[str | None, int | None]:
    """(number, year) back from a LAW span's `kb_id_`."""
    number, _, year = kb_id.partition("|")
    return number or None, int(year) if year else None
