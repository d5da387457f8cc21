"""The phrases around a percentage: the subject before it, the share, whole,
time or comparison after it, and the measure and change its words name."""

from __future__ import annotations

import re

from extract.facts.percentages.lexicon import PHRASE_END, WHOLE_WORDS, lexicon, speech_verbs
from extract.facts.text import has_verb_shape, last_match


def about_before(clause: str) -> str:
    """The subject of a percentage: its clause without the lead-in verbs."""
    lex = lexicon()
    about = clause.strip(" \"“”'")
    # "Ia menyebut cakupan ...": what was said, not who said it
    speech = last_match(speech_verbs(), about)
    if speech is not None:
        about = about[speech.end() :]
    about = re.sub(r"^\s*bahwa\b", "", about)
    while True:
        trimmed = lex.trailing.sub("", about).strip(" ,")
        trimmed = lex.leading.sub("", trimmed).strip(" ,")
        if trimmed == about:
            break
        about = trimmed
    # "cakupan kepesertaan atau Universal Coverage Jamsostek (UCJ)": the short name
    about = re.sub(r"\s+atau\s+(?:[A-Z][\w-]*\s+){1,6}(\([A-Z]+\))", r" \1", about)
    words = about.split()
    return " ".join(words[-lex.max_words :])


def share_after(text: str) -> str:
    """ "12 persen nelayan di Kabupaten Sumenep yang terlindungi": the group a
    percentage is a share of, when a noun follows it."""
    lex = lexicon()
    phrase = PHRASE_END.split(text, maxsplit=1)[0]
    words = phrase.split()
    if not words:
        return ""
    first = words[0]
    if first.lower() in lex.after_stops or has_verb_shape(first) or not re.match(r"[\w-]+$", first):
        return ""
    return " ".join(words[: lex.max_words])


def words_after(text: str) -> str:
    phrase = PHRASE_END.split(text, maxsplit=1)[0]
    words = phrase.split()
    while words and words[0].lower() in ("dan", "atau", "serta"):
        words = words[1:]
    return " ".join(words[: lexicon().max_words])


def whole_after(text: str, numbers: list[tuple[int, int]], limit: int = WHOLE_WORDS) -> str:
    """ "58,2 persen dari total angkatan kerja": " dari total angkatan kerja".
    `numbers`: (start, end) in `text` of its numbers, which are left out."""
    match = re.match(r"\s*dari\s+(?P<whole>.*)", text)
    if not match:
        return ""
    whole = PHRASE_END.split(match.group("whole"), maxsplit=1)[0]
    at = match.start("whole")
    for start, end in reversed(numbers):  # "1,19 juta angkatan kerja" -> "angkatan kerja"
        if at <= start and end <= at + len(whole):
            whole = whole[: start - at] + whole[end - at :]
    whole = re.sub(r"\b(?:sekitar|kurang lebih|lebih dari|hampir)\s+", "", whole)
    whole = re.sub(r"\s+di\s+\w+\s+(?:tersebut|itu|ini)\s*$", "", whole)  # "... di kabupaten tersebut"
    words = whole.split()[:limit]
    while words and (words[-1].lower() in ("di", "ke", "yang", "dan") or words[-1][0].isdigit()):
        words.pop()
    return " dari " + " ".join(words) if words else ""


TIME_AT_END = re.compile(r"\s+(?:(?:akhir|awal|pertengahan)\s+)?(?:tahun\s+)?(?:ini|depan|(?:19|20)\d\d)$")


def time_after(text: str) -> str:
    """ "70 persen pada akhir tahun" -> "akhir tahun"."""
    match = re.match(
        r"\s*(?:pada\s+|di\s+)?(?P<time>(?:akhir|awal|pertengahan)\s+tahun(?:\s+\d{4})?|tahun\s+(?:depan|ini|\d{4})|(?:19|20)\d\d\b)",
        text,
    )
    return match.group("time") if match else ""


def measure_of(clause: str) -> str | None:
    lex = lexicon()
    return next((name for name, pattern in lex.measures.items() if pattern.search(clause)), None)


def time_in(text: str) -> str:
    """ "Tahun depan kami targetkan": the time a target is set for."""
    match = re.search(r"(?i)\b(?:(?:akhir|awal|pertengahan)\s+)?tahun\s+(?:depan|ini|\d{4})\b|\b20\d\d\b", text)
    return match.group().lower() if match else ""


def change_of(own: str, after: str) -> tuple[str, str] | None:
    """ "naik 12 persen dibanding 2023": ("kenaikan", "dibanding 2023"); the
    change verb must govern the number ("naik menjadi 41 persen" is a level)."""
    lex = lexicon()
    words = [w for w in own.split() if w.lower() not in ("sekitar", "hampir", "lebih", "kurang", "dari", "sebesar")]
    if not words:
        return None
    for name, pattern in lex.changes.items():
        if pattern.fullmatch(words[-1]):
            compared = re.match(
                r"\s*((?:dibanding|dibandingkan|ketimbang)\s+[^,.;:\"“”]+?)(?:\s+yang\b|[,.;:\"“”]|$)", after
            )
            return name, compared.group(1) if compared else ""
    return None


def drop_change_verb(subject: str) -> str:
    lex = lexicon()
    words = subject.split()
    while words and any(p.fullmatch(words[-1]) for p in lex.changes.values()):
        words.pop()
    return " ".join(words)
