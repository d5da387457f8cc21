"""Event types are records in extract/data/facts/events.yaml, read by one
matcher: a record's trigger words, the words they need nearby, its window,
what it requires and its priority decide what a sentence reports. A broken
record is an error naming the file and the record. Sentences are written for
the test."""

from pathlib import Path

import pytest
import yaml

from extract.event_types import EventTypeError, default_file, event_label, event_types, matched_types
from extract.facts.events_match import counts, sentence_types


def types_of(text: str, neighbours: str = "") -> list[str]:
    return [t.type for t in sentence_types(text, neighbours)]


# ---- the records -------------------------------------------------------------


def test_every_type_is_a_record_with_its_label_and_the_matched_ones_in_priority_order():
    records = event_types()
    assert list(records) == [
        "agreement_signing",
        "benefit_payout",
        "award",
        "launch_inspection",
        "meeting",
        "statement",
    ]
    assert matched_types() == tuple(list(records)[:-1])  # statements come from speech, not triggers
    assert event_label("launch_inspection") == "Launch or inspection"
    assert event_label("some_new_type") == "some new type"


def write_records(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(default_file().read_text(encoding="utf-8"))
    change(data["event_types"])
    path = tmp_path / "events.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # a flat list of words, as "inspection: [sidak]" once was, is no record
        (lambda t: t.update(inspection=["sidak"]), "event type 'inspection': a record must be a mapping"),
        (lambda t: t["award"].update(trigers={"words": ["meraih"]}), "event type 'award': unknown key 'trigers'"),
        (lambda t: t["meeting"].pop("label"), "event type 'meeting': label must be a non-empty text"),
        (lambda t: t["meeting"].update(priority=1), "event type 'meeting': priority 1 is given twice"),
        (
            lambda t: t["benefit_payout"]["triggers"].update(window="near"),
            "event type 'benefit_payout': triggers.window: a number of words or 'sentence'",
        ),
        (
            lambda t: t["launch_inspection"].update(requires_any=["day", "photo"]),
            "event type 'launch_inspection': requires_any: 'photo' is not one of",
        ),
        (
            lambda t: t["meeting"]["triggers"].update(words=[]),
            "event type 'meeting': triggers.words: must be a non-empty list of words",
        ),
        (
            lambda t: t["agreement_signing"].update(range_rest="gathering"),
            "event type 'agreement_signing': range_rest names unknown type 'gathering'",
        ),
        (lambda t: t["statement"].update(priority=9), "event type 'statement': a type found by speech takes no"),
    ],
)
def test_a_malformed_record_is_one_line_naming_the_file_and_the_record(tmp_path, change, message):
    path = write_records(tmp_path, change)
    with pytest.raises(EventTypeError) as error:
        event_types(path)
    text = str(error.value)
    assert text.startswith(f"{path}: ")
    assert message in text
    assert "\n" not in text


def test_an_unknown_section_or_unreadable_file_is_an_error(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("event_types: {}\nevent_typos: []\n", encoding="utf-8")
    with pytest.raises(EventTypeError, match="unknown section 'event_typos'"):
        event_types(path)
    path.write_text("event_types: [unclosed\n", encoding="utf-8")
    with pytest.raises(EventTypeError, match="cannot be read as YAML"):
        event_types(path)


def test_the_shipped_file_is_valid_and_a_good_record_loads(tmp_path):
    def add(types):
        types["training"] = {
            "label": "Training",
            "summary": "Pelatihan",
            "priority": 9,
            "triggers": {"words": ["kursus"]},
            "requires_any": ["day"],
        }

    records = event_types(write_records(tmp_path, add))
    assert records["training"].words == ("kursus",)
    assert list(records)[-2:] == ["training", "statement"]


# ---- the matcher, type by type -----------------------------------------------


def test_signing_needs_both_word_groups_anywhere_in_the_sentence():
    assert types_of("Kedua lembaga menandatangani nota kesepahaman tentang perlindungan nelayan.") == [
        "agreement_signing"
    ]
    assert types_of("Kerja sama kedua lembaga sudah berjalan lama.") == []
    assert types_of("Kepala desa menandatangani daftar hadir peserta.") == []
    # a signing noun refers back to the agreement named in the sentence before
    assert types_of("Penandatanganan dilakukan di kantor bupati.", "Keduanya menjalin kemitraan.") == [
        "agreement_signing"
    ]
    assert types_of("Rencananya kedua pihak akan menandatangani MoU pekan depan.") == []


def test_a_hand_over_word_must_be_within_the_window_of_a_payout_noun():
    assert types_of("Camat menyerahkan santunan kepada keluarga nelayan.") == ["benefit_payout"]
    far = "Camat menyerahkan secara langsung di balai desa yang baru saja direnovasi itu santunan kepada keluarga."
    assert types_of(far) == []
    # a passive hand-over may stand further from its subject, in one clause
    assert types_of("Santunan bagi dua keluarga petani tembakau dari desa di lereng gunung itu diserahkan camat.") == [
        "benefit_payout"
    ]
    # a statistic over a period and a contribution paid are no hand-over
    assert types_of("Sepanjang 2023 kantor cabang membayarkan klaim kepada ribuan peserta.") == []
    assert types_of("Iuran yang dibayarkan pemerintah desa menjamin manfaat bagi perangkat.") == []


def test_a_hand_over_told_in_the_sentence_before():
    assert types_of("Penyerahan dilakukan di aula kecamatan.", "Tiga keluarga menerima santunan kematian.") == [
        "benefit_payout"
    ]


def test_an_award_and_a_payout_in_one_sentence_come_in_priority_order():
    text = "Bupati menerima penghargaan dan menyerahkan santunan kepada ahli waris."
    assert types_of(text) == ["benefit_payout", "award"]


def test_a_meeting_word_in_another_sense_is_no_meeting():
    assert types_of("Petani apel di lereng gunung mulai memanen.") == []
    assert types_of("Apel kesiapsiagaan digelar di halaman kantor.") == ["meeting"]


def test_a_sentence_that_only_says_something_was_held_is_a_meeting_when_nothing_else_is_reported():
    held = sentence_types("Acara berlangsung di pendopo kabupaten.")
    assert [(t.type, t.alone) for t in held] == [("meeting", True)]
    assert types_of("Acara berlangsung saat camat menyerahkan santunan kepada ahli waris.") == ["benefit_payout"]


def test_a_type_that_requires_more_counts_only_when_its_sentence_has_it():
    def reported(text: str, dated: bool = False) -> bool:
        (trigger,) = sentence_types(text)
        return counts(trigger, text, dated)

    named = "Sosialisasi program itu penting bagi warga desa."
    assert not reported(named)
    assert reported(named, dated=True)  # day
    assert reported("Sosialisasi program digelar di balai desa.")  # held_word
    assert reported("Petugas menyosialisasikan program kepada warga.")  # verb_form
    assert reported("Usai sosialisasi, warga mendaftar sebagai peserta.")  # occasion
    # a signing requires nothing more than its two word groups
    assert reported("Kedua pihak menandatangani PKS perlindungan pekerja.")
    # a verb right after a describing word names a programme, not a launch
    assert not reported("Program yang diluncurkan itu menjangkau ribuan nelayan.")
    assert reported("Program yang diluncurkan itu menjangkau ribuan nelayan.", dated=True)


# ---- launch_inspection ------------------------------------------------------


def test_launch_inspection_words_are_matched():
    for text in (
        "Bupati meluncurkan program perlindungan nelayan.",
        "Launching program itu berlangsung meriah.",
        "Komisi D menggelar sidak ke pabrik rokok.",
        "Tim gabungan melakukan inspeksi mendadak di pasar induk.",
        "Monev pelaksanaan program digelar di aula dinas.",
        "Kegiatan monitoring dan evaluasi dibuka wakil bupati.",
    ):
        assert types_of(text) == ["launch_inspection"], text


def test_a_launch_with_a_signing_is_two_types_signing_first():
    text = "Pemkab meluncurkan program nelayan terlindungi sekaligus meneken PKS dengan kantor cabang."
    assert types_of(text) == ["agreement_signing", "launch_inspection"]
