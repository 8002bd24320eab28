"""Locating the plain data files under `resources/`, from a checkout or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The `resources/` folder: inside the PyInstaller bundle when frozen, else the repo's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, e.g. ``resource_path("topics.toml")``."""
    return resource_root().joinpath(*parts)
