"""The desktop package builds, fits its size budget and works frozen (packaging/build.py)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("PyInstaller") is None,
    reason="PyInstaller is not installed (the `package` extra; `python3 dev.py test` installs it)",
)
def test_package_builds_and_passes_its_smoke_test(tmp_path: Path) -> None:
    # The whole build runs in its own process, as `python3 dev.py package` runs it, and the
    # smoke test it ends with starts the frozen executable, never this source tree. It
    # builds under tmp_path so a test run never replaces (or races) a developer's dist/.
    dist = tmp_path / "dist"
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"),
         "--dist", str(dist), "--work", str(tmp_path / "work")],
        cwd=ROOT, capture_output=True, text=True, timeout=20 * 60,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"packaging/build.py failed:\n{output[-8000:]}"
    assert "passed the smoke test" in result.stdout
    shutil.rmtree(tmp_path, ignore_errors=True)  # 300 MB of build; kept only on failure
