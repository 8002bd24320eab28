"""The window's settings: QSettings wrapped once, with every option and default declared here.

Modelled on Picard's config.py: INI format everywhere (readable, portable), a `from_file`
constructor for tests and portable mode, typed options, and a stored settings version so a
later release can upgrade old keys in `_upgrade`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from viewer import APP_NAME
from viewer.core.archive import VisitFilter

SETTINGS_VERSION = 1

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    """A setting's key in the file and its value when the file has none."""

    key: str
    default: T


LANGUAGE = Option("ui/language", "vi")
DEFAULT_PROVINCE = Option("import/default_province", "Thanh Hóa")
LAST_ARCHIVE = Option("archive/last_path", "")
LAST_FILTER = Option("archive/last_filter", "")
WINDOW_GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
SPLITTER_PREFIX = "window/splitter/"  # + the splitter's object name
HIDDEN_KINDS = Option("article/hidden_kinds", "")


class Settings:
    """Typed access to the user's settings file."""

    def __init__(self, qsettings: QSettings) -> None:
        self._q = qsettings
        self._upgrade()

    @classmethod
    def default(cls) -> Settings:
        return cls(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                             "thamlamviec", APP_NAME.replace(" ", "")))

    @classmethod
    def from_file(cls, path: str | Path) -> Settings:
        """Settings kept in one INI file: tests, and portable installs on a USB stick."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @property
    def path(self) -> str:
        return self._q.fileName()

    def _upgrade(self) -> None:
        stored = int(self._q.value("meta/version", 0) or 0)
        # Version 1 is the first; later versions add their key renames here, in order.
        if stored != SETTINGS_VERSION:
            self._q.setValue("meta/version", SETTINGS_VERSION)

    def get(self, option: Option[T]) -> T:
        value: Any = self._q.value(option.key, option.default)
        default = option.default
        # INI files store everything as text: convert back to the option's type.
        if isinstance(default, bool):
            return (value in (True, "true", "1", 1)) if value is not None else default  # type: ignore[return-value]
        if isinstance(default, int):
            try:
                return int(value)  # type: ignore[return-value]
            except (TypeError, ValueError):
                return default
        if isinstance(default, QByteArray):
            return value if isinstance(value, QByteArray) else default  # type: ignore[return-value]
        return str(value) if value is not None else default  # type: ignore[return-value]

    def set(self, option: Option[T], value: T) -> None:
        self._q.setValue(option.key, value)

    def splitter_sizes(self, name: str) -> list[int]:
        raw = self._q.value(SPLITTER_PREFIX + name, "")
        try:
            return [int(v) for v in json.loads(raw)] if raw else []
        except (TypeError, ValueError):
            return []

    def set_splitter_sizes(self, name: str, sizes: list[int]) -> None:
        self._q.setValue(SPLITTER_PREFIX + name, json.dumps(sizes))

    # The filter is stored as JSON so a hand-edited or older file cannot crash start-up.
    def last_filter(self) -> VisitFilter:
        raw = self.get(LAST_FILTER)
        try:
            data = json.loads(raw) if raw else {}
            return VisitFilter(
                officials=frozenset(int(v) for v in data.get("officials", [])),
                communes=frozenset(int(v) for v in data.get("communes", [])),
                topics=frozenset(str(v) for v in data.get("topics", [])),
                date_from=_date(data.get("date_from")),
                date_to=_date(data.get("date_to")),
                text=str(data.get("text", "")),
            )
        except (TypeError, ValueError, AttributeError):
            return VisitFilter()

    def set_last_filter(self, filter_: VisitFilter) -> None:
        self.set(LAST_FILTER, json.dumps({
            "officials": sorted(filter_.officials),
            "communes": sorted(filter_.communes),
            "topics": sorted(filter_.topics),
            "date_from": filter_.date_from.isoformat() if filter_.date_from else None,
            "date_to": filter_.date_to.isoformat() if filter_.date_to else None,
            "text": filter_.text,
        }, ensure_ascii=False))

    def hidden_kinds(self) -> set[str]:
        return {k for k in self.get(HIDDEN_KINDS).split(",") if k}

    def set_hidden_kinds(self, kinds: set[str]) -> None:
        self.set(HIDDEN_KINDS, ",".join(sorted(kinds)))

    def sync(self) -> None:
        self._q.sync()


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None
