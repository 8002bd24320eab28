"""The desktop package builds, fits its size budget and works frozen (packaging/build.py)."""

from __future__ import annotations

import importlib.util
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
def test_package_builds_and_passes_its_smoke_test() -> None:
    # The whole build runs in its own process, as `python3 dev.py package` runs it: the
    # smoke test it ends with starts the frozen executable, never this source tree.
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=20 * 60,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"packaging/build.py failed:\n{output[-8000:]}"
    assert "passed the smoke test" in result.stdout
