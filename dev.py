#!/usr/bin/env python3
"""Set up a local virtual environment on demand and run the app, the tests or a tool.

    python3 dev.py run        launch the viewer on the sample archive
    python3 dev.py test       run the whole test suite (offscreen when there is no display)
    python3 dev.py eval       accuracy of the extractor on the gold set, beside underthesea
    python3 dev.py bench      the benchmark suite (see benchmarks/)
    python3 dev.py package    build the one-folder desktop app with PyInstaller
    python3 dev.py viewer ... any `viewer` command line, e.g. `viewer visits --json`

The environment lives in `.venv/` and is reinstalled only when `pyproject.toml` (or the
set of extras a command needs) changes, so a second run starts at once.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
EXTRAS = {
    "run": "",
    "viewer": "",
    "test": "dev,package",
    "eval": "dev,compare",
    "bench": "dev,compare",
    "package": "dev,package",
}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment(extras: str) -> Path:
    """Create `.venv` and install the project with `extras`, unless already done."""
    wanted = set(filter(None, extras.split(",")))
    stamp = VENV / "installed.stamp"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    have: set[str] = set()
    if stamp.exists():
        recorded_digest, _, recorded = stamp.read_text().partition(" ")
        if recorded_digest == digest:
            have = set(filter(None, recorded.strip().split(",")))
            if wanted <= have:
                return venv_python()
    if not venv_python().exists():
        print(f"Creating the virtual environment in {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    extras_now = sorted(wanted | have)
    spec = f".[{','.join(extras_now)}]" if extras_now else "."
    print(f"Installing {spec} into {VENV} (once) …", flush=True)
    subprocess.run(
        [str(venv_python()), "-m", "pip", "install", "--quiet", "-e", spec],
        cwd=ROOT,
        check=True,
    )
    stamp.write_text(f"{digest} {','.join(extras_now)}\n")
    return venv_python()


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - runs on any python3, before the venv
        print("Python 3.11 or newer is needed.", file=sys.stderr)
        return 2
    command = argv[0] if argv else "run"
    if command not in EXTRAS:
        print(__doc__)
        return 2
    python = str(ensure_environment(EXTRAS[command]))
    env = dict(os.environ)
    rest = argv[1:]
    if command == "test":
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
        args = [python, "-m", "pytest", *rest]
    elif command == "eval":
        args = [python, "-m", "tests.gold.evaluate", *rest]
    elif command == "bench":
        args = [python, "-m", "benchmarks", *rest]
    elif command == "package":
        args = [python, str(ROOT / "packaging" / "build.py"), *rest]
    else:  # run, viewer
        args = [python, "-m", "viewer", *rest]
    return subprocess.run(args, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
