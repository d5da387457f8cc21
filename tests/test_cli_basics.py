import os
import sys

from click.testing import CliRunner

from extract import __version__
from extract.cli import cli


def test_version_is_reported():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(cli, ["no-such-command"])
    assert result.exit_code == 2


def test_a_hugging_face_model_without_the_transformers_extra_is_one_clear_line(tmp_path, monkeypatch):
    """The default install has no torch: naming a Hugging Face model directory
    then says which extra to install instead of failing on an import."""
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "transformers", None)  # as if not installed
    result = CliRunner().invoke(cli, ["nlp", "-", "--ner-model", str(tmp_path)], input="Bupati Blitar hadir.")
    assert result.exit_code == 2
    assert "pip install 'bpjs-extract[transformers]'" in result.output
    assert "Traceback" not in result.output


def test_ner_model_holds_for_its_own_command_only(monkeypatch):
    """A later command in the same process (a test, a caller of `cli`) gets the default model again."""
    from pathlib import Path

    from extract.nlp.pipeline import NER_MODEL_ENV

    monkeypatch.delenv(NER_MODEL_ENV, raising=False)
    model = Path(__file__).resolve().parents[1] / "models" / "id_ner"
    result = CliRunner().invoke(cli, ["nlp", "--ner-model", str(model), "--json", "-"], input="Bupati Blitar hadir.")
    assert result.exit_code == 0, result.output
    assert NER_MODEL_ENV not in os.environ
