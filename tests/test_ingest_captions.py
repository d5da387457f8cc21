"""Photo captions of HTML pages: kept apart from the text, read for officials.

A person named only in a photo caption counts as an official (gold format),
so HTML ingestion keeps each caption, without its credit, in
`Article.captions`; the facts stage reads officials there, with provenance
whose `field` says which caption the offsets point into. The pages here are
written for the test; the people are fictional.
"""

import json
from pathlib import Path

from click.testing import CliRunner

from extract.cli import cli
from extract.facts import extract_facts
from extract.ingest.html import extract_article
from extract.ingest.text import article_from_json, article_from_text
from extract.model import Article
from extract.store.db import load_article, open_db

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "html"

BODY = """
<p>TUBAN – BPJS Ketenagakerjaan Cabang Tuban menyerahkan santunan jaminan kematian kepada ahli waris
seorang nelayan di Kantor Kecamatan Jenu, Senin (3/6/2024). Nelayan itu terdaftar sebagai peserta
sejak awal tahun melalui program perlindungan pekerja rentan yang iurannya dibayar pemerintah daerah.</p>
<p>Kepala BPJS Ketenagakerjaan Cabang Tuban Rizal Firmansyah mengatakan, santunan yang diserahkan
mencapai Rp42 juta dan diterima oleh istri almarhum. Ia berharap semakin banyak nelayan yang ikut
mendaftar agar keluarga mereka terlindungi ketika risiko datang.</p>
"""

PAGE = """<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Ahli Waris Nelayan Jenu Terima Santunan BPJS Ketenagakerjaan</title>
<link rel="canonical" href="https://berita-contoh.test/tuban/santunan-nelayan-jenu">
</head><body><article>
<h1>Ahli Waris Nelayan Jenu Terima Santunan BPJS Ketenagakerjaan</h1>
<figure><img src="/foto.jpg" alt=""><figcaption>Camat Jenu Hendra Kurniawan menyerahkan santunan
kepada ahli waris di Kantor Kecamatan Jenu. (Foto: Humas Kecamatan Jenu)</figcaption></figure>
<div class="isi">{body}</div>
</article></body></html>"""


def page(tmp_path: Path, html: str = PAGE, body: str = BODY) -> Path:
    path = tmp_path / "santunan-jenu.html"
    path.write_text(html.replace("{body}", body), encoding="utf-8")
    return path


def test_a_figcaption_is_kept_apart_from_the_text_without_its_credit(tmp_path):
    article = extract_article(page(tmp_path).read_text(encoding="utf-8"), None)
    assert article.captions == [
        "Camat Jenu Hendra Kurniawan menyerahkan santunan kepada ahli waris di Kantor Kecamatan Jenu."
    ]
    assert "Hendra" not in article.text and "Foto" not in article.text
    assert article.text.startswith("TUBAN – BPJS Ketenagakerjaan Cabang Tuban")


def test_a_caption_line_in_the_body_is_kept_as_a_caption():
    body = BODY + "<p>Suasana penyerahan santunan di Kantor Kecamatan Jenu. (Foto: Dok/Ist)</p>"
    html = PAGE.replace("{body}", body)
    article = extract_article(html, None)
    assert "Suasana penyerahan" not in article.text
    assert article.captions[-1] == "Suasana penyerahan santunan di Kantor Kecamatan Jenu."


def test_a_caption_inside_another_caption_element_is_read_once():
    html = PAGE.replace("<figure>", '<div class="caption-box"><figure>').replace("</figure>", "</figure></div>")
    article = extract_article(html.replace("{body}", BODY), None)
    assert len(article.captions) == 1


def test_plain_text_keeps_todays_behaviour_and_has_no_captions():
    text = (
        "TUBAN – BPJS Ketenagakerjaan Cabang Tuban menyerahkan santunan jaminan kematian kepada ahli waris "
        "seorang nelayan di Kantor Kecamatan Jenu, Senin (3/6/2024).\n"
        "Kepala BPJS Ketenagakerjaan Cabang Tuban Rizal Firmansyah mengatakan santunan itu mencapai Rp42 juta "
        "dan diterima langsung oleh istri almarhum di kantor kecamatan.\n"
    )
    assert article_from_text(text).captions == []


def test_captions_printed_by_run_json_are_read_back():
    data = {"text": BODY, "captions": ["Camat Jenu Hendra Kurniawan menyerahkan santunan."]}
    data["text"] = extract_article(PAGE.replace("{body}", BODY), None).text
    assert article_from_json(data).captions == data["captions"]


def test_caption_only_official_is_found_stored_and_printed(tmp_path):
    db_path = tmp_path / "extract.db"
    result = CliRunner().invoke(cli, ["run", str(page(tmp_path)), "--db", str(db_path), "--json", "--quiet"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout.splitlines()[0])
    assert {"name": "Hendra Kurniawan", "position": "Camat Jenu"} in printed["facts"]["officials"]
    assert {"name": "Rizal Firmansyah", "position": "Kepala BPJS Ketenagakerjaan Cabang Tuban"} in printed["facts"][
        "officials"
    ]
    assert printed["captions"] == [
        "Camat Jenu Hendra Kurniawan menyerahkan santunan kepada ahli waris di Kantor Kecamatan Jenu."
    ]
    assert "Hendra" not in printed["text"]

    db = open_db(db_path)
    mention = next(db.table("official_mentions").rows_where("official_key = ?", ["hendra kurniawan"]))
    caption = printed["captions"][0]
    assert mention["field"] == "caption:0"
    assert caption[mention["span_start"] : mention["span_end"]] == "Camat Jenu Hendra Kurniawan"
    assert mention["sentence"] == caption
    rizal = next(db.table("official_mentions").rows_where("official_key = ?", ["rizal firmansyah"]))
    assert rizal["field"] == "text"
    assert load_article(db, printed["id"]).captions == printed["captions"]


def test_captions_give_officials_only():
    article = Article(
        url=None,
        source=None,
        title=None,
        published="2024-06-03",
        author=None,
        editor=None,
        text=extract_article(PAGE.replace("{body}", BODY), None).text,
        captions=[
            "Bupati Tuban Budi Hartanto menyerahkan santunan Rp85 juta kepada 12 ahli waris di Pendopo, "
            "Selasa (4/6/2024). (Foto: Humas Pemkab Tuban)"
        ],
    )
    facts = extract_facts(article)
    bupati = next(o for o in facts.officials if o.name == "Budi Hartanto")
    assert [p.field for p in bupati.provenance] == ["caption:0"]
    evidence = bupati.provenance[0]
    assert article.captions[0][evidence.start : evidence.end] == "Bupati Tuban Budi Hartanto"
    # amounts, counts and dates are read from the text only
    assert [p.amount_idr for p in facts.payouts] == [42_000_000]
    assert "2024-06-04" not in facts.to_gold()["event_dates"]
    assert all(w.value != 12 for w in facts.worker_counts)
    # present in the photo, not in an event's sentence
    assert all("budi hartanto" not in e.officials for e in facts.events)


def test_the_corpus_page_names_a_camat_only_in_its_caption():
    article = extract_article((CORPUS / "timesindonesia-malang-santunan.html").read_text(encoding="utf-8"), None)
    assert "Agus Wibowo" not in article.text
    officials = {o.name: o for o in extract_facts(article).officials}
    assert officials["Agus Wibowo"].position == "Camat Sumberpucung"
    assert [p.field for p in officials["Agus Wibowo"].provenance] == ["caption:0"]
    # a person named in the text and the caption is one official with both mentions
    assert [p.field for p in officials["Dodik Prasetyo"].provenance] == ["text", "caption:0"]


def test_article_page_lists_captions_and_marks_only_text_offsets(tmp_path):
    import asyncio

    from extract.publish.app import make_datasette

    db_path = tmp_path / "extract.db"
    assert CliRunner().invoke(cli, ["run", str(page(tmp_path)), "--db", str(db_path), "--quiet"]).exit_code == 0
    db = open_db(db_path)
    aid = next(db.table("articles").rows)["id"]
    db.close()
    html = asyncio.run(make_datasette(db_path).client.get(f"/article/{aid}")).text
    assert "Camat Jenu Hendra Kurniawan menyerahkan santunan" in html  # the caption, listed
    assert (
        '<td><a class="official-link" href="/official/hendra+kurniawan">Hendra Kurniawan</a></td><td>Camat Jenu</td><td>photo caption</td>'
        in html
    )
    # the caption's offsets (0..27) would mark the text's first words: they are not marked
    text_part = html.split('<div class="article-text">')[1].split("</div>")[0]
    assert 'title="Hendra Kurniawan' not in text_part
    assert 'title="Rizal Firmansyah' in text_part
