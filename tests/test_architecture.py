"""The shape of the package: layers import one way only, and modules stay small.

A module may import from the layers below its own and never from those above
(the contract is in pyproject.toml, [tool.importlinter]); a module of
extract/ over MAX_LINES lines needs a reason in tests/data/long_modules.yaml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "extract"
LONG_MODULES = Path(__file__).parent / "data" / "long_modules.yaml"
MAX_LINES = 400


def lines_over(root: Path, limit: int) -> dict[str, int]:
    """Each module under `root` longer than `limit` lines, by its path from `root`, with its length."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        count = len(path.read_text(encoding="utf-8").splitlines())
        if count > limit:
            found[path.relative_to(root).as_posix()] = count
    return found


def size_problems(root: Path, limit: int, allowed: dict[str, str]) -> list[str]:
    """What is wrong with the modules' sizes: long modules without a reason, reasons for short modules."""
    long = lines_over(root, limit)
    problems = [
        f"{name} has {count} lines (over {limit}): split it, or give a reason in {LONG_MODULES.name}"
        for name, count in long.items()
        if name not in allowed
    ]
    problems += [
        f"{name} is listed in {LONG_MODULES.name} but is no longer over {limit} lines (or is gone): remove its entry"
        for name in allowed
        if name not in long
    ]
    problems += [
        f"{name} is listed in {LONG_MODULES.name} without a reason" for name, why in allowed.items() if not why
    ]
    return problems


def test_layers_import_one_way():
    lint = subprocess.run(
        [
            sys.executable,
            "-c",
            "from importlinter.cli import lint_imports_command; lint_imports_command()",
            "--no-cache",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert lint.returncode == 0, lint.stdout[-4000:] + lint.stderr[-2000:]
    assert "Layers flow one way KEPT" in lint.stdout


def test_no_module_is_long_without_a_reason():
    allowed = yaml.safe_load(LONG_MODULES.read_text(encoding="utf-8")) or {}
    assert size_problems(PACKAGE, MAX_LINES, allowed) == []


def test_the_size_check_names_a_long_module_and_a_stale_reason(tmp_path):
    (tmp_path / "short.py").write_text("x = 1\n" * 10, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "long.py").write_text("x = 1\n" * 41, encoding="utf-8")
    assert size_problems(tmp_path, 40, {}) == [
        "sub/long.py has 41 lines (over 40): split it, or give a reason in long_modules.yaml"
    ]
    assert size_problems(tmp_path, 40, {"sub/long.py": "a reason"}) == []
    assert size_problems(tmp_path, 40, {"sub/long.py": "a reason", "short.py": "once long"}) == [
        "short.py is listed in long_modules.yaml but is no longer over 40 lines (or is gone): remove its entry"
    ]
