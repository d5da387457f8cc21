"""JSON article files (the gold format, `extract run --json` output) as SOURCEs."""

import json

from click.testing import CliRunner

from extract.cli import cli
from extract.store.db import open_db

ARTICLE = {
    "id": "x1",
    "url": "https://jatimtimes.com/baca/1/20240130/kerja-sama",
    "source": "jatimtimes.com",
    "published": "2024-01-30",
    "title": "BPJamsostek dan Pemkab Trenggalek Teken Kerja Sama",
    "text": (
        "JATIMTIMES - BPJamsostek Cabang Blitar menandatangani kerja sama dengan Pemkab Trenggalek, Selasa (30/1/2024).\n"
        "Baca Juga : Harga Cabai di Pasar Naik 20 Persen\n"
        "Kerja sama itu melindungi pekerja rentan di desa-desa yang belum terdaftar sebagai peserta.\n"
        "Kepala BPJamsostek Cabang Blitar Hendra Elvian mengatakan, pemerintah daerah diharapkan menerbitkan "
        "regulasi yang mendorong perlindungan bagi petani, nelayan dan pedagang kecil di seluruh kecamatan.\n"
        "Bupati Trenggalek menyatakan siap menyukseskan kerja sama tersebut dan meminta organisasi perangkat "
        "daerah mendata warga yang bekerja di sektor informal agar segera didaftarkan sebagai peserta."
    ),
    "facts": {},
}


def test_json_article_keeps_its_metadata_and_loses_furniture(tmp_path):
    source = tmp_path / "x1.json"
    source.write_text(json.dumps(ARTICLE), encoding="utf-8")
    db_path = tmp_path / "x.db"
    result = CliRunner().invoke(cli, ["run", str(source), "--db", str(db_path), "--json", "--no-facts"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout.splitlines()[0])
    assert printed["url"] == ARTICLE["url"]
    assert printed["published"] == "2024-01-30"
    assert printed["title"] == ARTICLE["title"]
    assert "Baca Juga" not in printed["text"]
    assert printed["text"].startswith("JATIMTIMES - BPJamsostek Cabang Blitar")
    rows = list(open_db(db_path)["articles"].rows)
    assert [r["title"] for r in rows] == [ARTICLE["title"]]


def test_a_folder_of_json_articles_is_read_and_a_bad_one_fails_alone(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.json").write_text(json.dumps(ARTICLE), encoding="utf-8")
    (folder / "broken.json").write_text("{oops", encoding="utf-8")
    (folder / "no-text.json").write_text(json.dumps({"url": None}), encoding="utf-8")
    result = CliRunner().invoke(cli, ["run", str(folder), "--db", str(tmp_path / "x.db"), "--no-facts"])
    assert result.exit_code == 1
    assert "1 stored, 2 failed" in result.stderr
    assert "broken.json: not valid UTF-8 JSON" in result.stderr
    assert 'no-text.json: a JSON article must be an object with a "text" string' in result.stderr
    assert "Traceback" not in result.output
