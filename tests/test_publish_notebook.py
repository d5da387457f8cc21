"""The analysis notebook runs top to bottom against a database and draws its two plots."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from extract.store.db import open_db, save_article

from store_fixtures import make_article

NOTEBOOK = Path(__file__).parent.parent / "notebooks" / "timeline.ipynb"


def test_committed_notebook_has_no_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_notebook_plots_timeline_and_payouts_by_region(tmp_path, monkeypatch):
    db_path = tmp_path / "extract.db"
    db = open_db(db_path, populate_regions=False)
    save_article(db, *make_article(1, region=("35.05", "Kabupaten Blitar", -8.13, 112.22)))
    save_article(db, *make_article(2, region=("35.07", "Kabupaten Malang", -8.05, 112.6), published="2024-06-01"))
    db.close()
    monkeypatch.setenv("EXTRACT_DB", str(db_path))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(tmp_path)}}
    ).execute()

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "4 events, 2 payouts" in text
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2
    tables = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "Kabupaten Malang" in tables and "42000000" in tables
