"""The core, the importer and the command line's archive commands work without Qt at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent

BLOCK_QT_AND_RUN = r"""
import importlib, pkgutil, sys

class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "qtawesome"):
            raise ImportError(f"{name} is blocked: the core must not need Qt")
        return None

sys.meta_path.insert(0, NoQt())
import viewer.core
for module in pkgutil.walk_packages(viewer.core.__path__, "viewer.core."):
    importlib.import_module(module.name)
import viewer.cli
from viewer.cli import main
db = ["--db", sys.argv[2]]
sys.exit(main(["import", sys.argv[1], *db]) or main(["visits", *db]))
"""


def test_core_imports_and_runs_with_pyside6_unimportable(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_RUN, str(ROOT / "data"), str(tmp_path / "a.sqlite")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Nguyễn Hồng Phong" in result.stdout


def test_import_contract_forbids_qt_in_the_core():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
