"""The facts orchestrator: furniture ignored, regions by role, provenance,
and the gold-format projection. Texts are written for the test."""

import dataclasses
from pathlib import Path

from extract.evaluate.gold import read_gold_folder
from extract.facts import EXTRACTOR_VERSION, extract_facts, extract_facts_batch
from extract.facts.extractor import EXTRACTORS
from extract.model import GOLD_LISTS, Article, Facts


def facts_of(text: str, published: str | None = "2024-05-24", url: str | None = None):
    article = Article(url=url, source=None, title=None, published=published, author=None, editor=None, text=text)
    return extract_facts(article)


def test_read_also_lines_yield_no_facts():
    text = (
        "TUBAN (Realita) - Pemkab Tuban menggelar sosialisasi jaminan sosial, Senin (20/5/2024).\n"
        "Baca Juga: Bupati Gresik Achmad Yani Resmikan Pasar, Kamis (16/5/2024)\n"
        "Kegiatan itu diikuti para kepala desa."
    )
    gold = facts_of(text).to_gold()
    assert gold["event_dates"] == ["2024-05-20"]
    assert gold["officials"] == []
    assert gold["regions"] == ["Kabupaten Tuban"]


def test_dateline_city_and_branch_name_are_not_regions():
    text = (
        "MALANG (Realita) - BPJS Ketenagakerjaan Cabang Blitar menggelar sosialisasi bersama Pemerintah "
        "Kabupaten Trenggalek di Pendopo Manggala Praja.\n"
        "Cabang Blitar juga membawahi Kabupaten Tulungagung."
    )
    assert facts_of(text).to_gold()["regions"] == ["Kabupaten Trenggalek"]


def test_regions_where_events_happen_or_governments_act():
    text = (
        "Penyerahan santunan berlangsung di kawasan Ketapang, Kabupaten Banyuwangi.\n"
        "Kepala Dinas Sosial Bojonegoro hadir dalam acara itu bersama Pemkot Surabaya."
    )
    regions = {r.name: r for r in facts_of(text).regions}
    assert set(regions) == {"Kabupaten Banyuwangi", "Kabupaten Bojonegoro", "Kota Surabaya"}
    assert regions["Kota Surabaya"].code == "35.78"
    assert regions["Kota Surabaya"].latitude is not None


def test_photo_credit_is_furniture_but_caption_is_not():
    text = (
        "Bupati Ngawi Ony Anwar menyerahkan santunan kepada ahli waris di Pendopo Ngawi. (Foto: Humas Pemkab Ngawi)\n"
        "NGAWI - Pemkab Ngawi menyerahkan santunan jaminan kematian, Rabu (22/5/2024)."
    )
    facts = facts_of(text)
    assert [(o.name, o.position) for o in facts.officials] == [("Ony Anwar", "Bupati Ngawi")]


def test_every_fact_has_provenance_with_exact_offsets():
    text = (
        "JATIMTIMES - BPJS Ketenagakerjaan Cabang Tuban menandatangani perjanjian kerja sama dengan Pemkab Tuban, "
        "Senin (20/5/2024).\n"
        "Kepala BPJS Ketenagakerjaan Cabang Tuban, Lilik Suryani, mengatakan kerja sama itu penting."
    )
    facts = facts_of(text)
    provenances = [e.provenance for e in facts.events] + [r.provenance for r in facts.regions]
    provenances += [p for o in facts.officials for p in o.provenance]
    assert provenances and all(p is not None for p in provenances)
    for p in provenances:
        assert p.extractor_version == EXTRACTOR_VERSION
        assert text[p.start : p.end] in p.sentence
        assert p.sentence in text


def test_gold_projection_has_all_eight_lists():
    gold = facts_of("Tidak ada fakta di sini.").to_gold()
    assert set(gold) == set(GOLD_LISTS)
    assert all(value == [] for value in gold.values())


def test_extractors_are_registered_in_order():
    names = [name for name, _ in EXTRACTORS]
    # events read the officials and regions found before them
    assert names.index("events") > names.index("officials")
    assert names.index("events") > names.index("regions")
    # every list lands in the Facts field of its name; dated statements are events
    assert set(names) <= set(Facts.__dataclass_fields__)
    assert "statement_dates" not in Facts.__dataclass_fields__


def test_mentions_come_from_content_sentences_only():
    text = "Baca Juga: Wali Kota Batu Dewi Anggraini Tinjau Pasar\nPemkab Tuban menggelar rapat koordinasi."
    facts = facts_of(text)
    first_line_end = text.index("\n")
    assert facts.mentions
    assert all(m.start > first_line_end for m in facts.mentions)


def test_a_batch_gives_each_article_the_facts_it_gets_alone():
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "gold"
    articles = [gold.as_input() for gold in read_gold_folder(corpus)[:12]]
    # a caption takes part in the batch too
    articles[3] = dataclasses.replace(articles[3], captions=["Bupati Blitar Rini Syarifah menyerahkan santunan JKM."])
    batch = extract_facts_batch(articles, batch_size=5)
    assert [dataclasses.asdict(f) for f in batch] == [dataclasses.asdict(extract_facts(a)) for a in articles]
    assert sum(len(f.payouts) for f in batch) > 0
    assert any(o.provenance and o.provenance[0].field == "caption:0" for o in batch[3].officials)


def test_unambiguous_bare_city_where_something_happens_is_a_region():
    text = (
        "Manado (ANTARA) - Dinas Sosial menyalurkan bantuan kepada warga, Selasa.\n"
        "Penyaluran berlangsung di Ambon dan di Hotel Santika Palu pekan lalu."
    )
    # the dateline city is not a region; "di Ambon" and a hotel's city are
    assert sorted(facts_of(text).to_gold()["regions"]) == ["Kota Ambon", "Kota Palu"]


def test_regions_given_a_figure_and_the_regions_listed_with_them():
    text = (
        "Angka pengangguran tertinggi ada di Kabupaten Tasikmalaya.\n"
        "Berikutnya Kabupaten Garut dengan 2.400 orang, Sumedang 1.950 orang, dan Majalengka 870 orang.\n"
        "Kontingen tampil di Sleman, Bantul dan Kulon Progo."
    )
    assert sorted(facts_of(text).to_gold()["regions"]) == [
        "Kabupaten Bantul",
        "Kabupaten Garut",
        "Kabupaten Kulon Progo",
        "Kabupaten Majalengka",
        "Kabupaten Sleman",
        "Kabupaten Sumedang",
        "Kabupaten Tasikmalaya",
    ]


def test_branch_areas_province_names_and_smaller_places_are_not_regions():
    text = (
        "BPJS Ketenagakerjaan Kantor Cabang Kediri (Kediri, Nganjuk) bekerja sama dengan Pemkab Tuban.\n"
        "Kepala BPJS Ketenagakerjaan Cabang Sumatera Utara Binjai hadir di Daerah Istimewa Yogyakarta.\n"
        "Acara digelar di kawasan Ketapang, Kabupaten Sampang."
    )
    assert sorted(facts_of(text).to_gold()["regions"]) == ["Kabupaten Sampang", "Kabupaten Tuban"]


def test_police_of_a_regency_act_for_it():
    text = "Kapolres Lumajang AKBP Dewa Putu menyebut pelaku diamankan di Polres Probolinggo Kota."
    assert "Kabupaten Lumajang" in facts_of(text).to_gold()["regions"]


def test_a_year_after_a_city_is_no_figure_for_it():
    text = "Festival Banyuwangi 2024 dibuka meriah, sementara Kabupaten Jember 1.200 pekerja terdaftar."
    assert facts_of(text).to_gold()["regions"] == ["Kabupaten Jember"]


def test_an_abbreviated_rank_in_a_street_name_does_not_cut_the_sentence():
    text = "Santunan diserahkan di kantor BPJS Ketenagakerjaan Jalan Jend. Sudirman Kota Madiun, Senin."
    assert facts_of(text).to_gold()["regions"] == ["Kota Madiun"]


def test_a_glued_head_of_a_regency_office_makes_it_a_party():
    text = "Kadisnaker Kota Blitar Heru Santoso menyerahkan kartu peserta kepada pekerja."
    assert facts_of(text).to_gold()["regions"] == ["Kota Blitar"]
