"""Where things live: the user's default archive and the bundled sample articles.

The archive is the user's data, so it lives in the platform's user data directory and
never inside the program's own folder (which is read-only when installed or frozen).
`VIEWER_DATA_DIR` overrides it, for tests and portable use.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from viewer.resources import resource_root

APP_DIR_NAME = "visit-viewer"


def user_data_dir() -> Path:
    override = os.environ.get("VIEWER_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def user_cache_dir() -> Path:
    """Things the program can always make again (drawn icons); under VIEWER_DATA_DIR when set."""
    override = os.environ.get("VIEWER_DATA_DIR")
    if override:
        return Path(override) / "cache"
    return Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False))


def default_archive_path() -> Path:
    return user_data_dir() / "archive.sqlite"


def sample_articles_dir() -> Path:
    """`data/` beside `resources/`: in the checkout, or in the frozen bundle."""
    return resource_root().parent / "data"
