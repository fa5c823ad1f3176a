"""Preferences in one place, with their defaults in code: QSettings (organisation "BackpropLab")
holds window geometry, the last file, recent files and the language."""
from __future__ import annotations

from PySide6.QtCore import QSettings

from backprop_lab.core.model.notation import FORMS

MAX_RECENT = 8


class Prefs:
    def __init__(self):
        self.s = QSettings()

    def recent_files(self) -> list[str]:
        value = self.s.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(p) for p in (value or []) if p][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        files = [path] + [p for p in self.recent_files() if p != path]
        self.s.setValue("recent_files", files[:MAX_RECENT])
        self.s.setValue("last_file", path)

    def remove_recent(self, path: str) -> None:
        self.s.setValue("recent_files", [p for p in self.recent_files() if p != path])

    @property
    def last_file(self) -> str:
        return self.s.value("last_file", "", str)

    @property
    def language(self) -> str:
        return self.s.value("language", "", str)

    @language.setter
    def language(self, lang: str) -> None:
        self.s.setValue("language", lang)

    @property
    def precision(self) -> int | None:
        """Decimals the views show (View → Precision); 0 is stored for "every digit"."""
        n = self.s.value("precision", 8, int)
        return None if n == 0 else n

    @precision.setter
    def precision(self, digits: int | None) -> None:
        self.s.setValue("precision", 0 if digits is None else digits)

    @property
    def notation(self) -> str:
        """The form names are written in (View → Notation, core.model.notation.FORMS)."""
        form = self.s.value("notation", "text", str)
        return form if form in FORMS else "text"

    @notation.setter
    def notation(self, form: str) -> None:
        self.s.setValue("notation", form)

    @property
    def tour_done(self) -> bool:
        """The first-launch tour was finished or skipped (gui/tour.py): not shown again by itself."""
        return self.s.value("tour_done", False, bool)

    @tour_done.setter
    def tour_done(self, done: bool) -> None:
        self.s.setValue("tour_done", done)

    def save_window(self, window) -> None:
        self.s.setValue("window/geometry", window.saveGeometry())
        self.s.setValue("window/state", window.saveState())

    def restore_window(self, window) -> bool:
        geometry = self.s.value("window/geometry")
        state = self.s.value("window/state")
        ok = bool(geometry) and window.restoreGeometry(geometry)
        if state:
            window.restoreState(state)
        return ok
