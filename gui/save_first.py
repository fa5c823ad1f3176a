"""What waits for a save chosen in the "Save them first?" question: closing the window, opening a file, or a new
network from a preset. A long history is saved in pieces (gui.file_work) and the action follows only once the
file is written; these are its words, one place for the status bar (panels/long_work.py) and the File menu
(gui.files)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def saving(kind: str) -> str:
    """The status bar while the file is written (%1: its name; what follows comes first, as at
    1024 px the label's end is elided)."""
    return {"close": translate("SaveFirst", "Closing: saving %1 first…"),
            "open": translate("SaveFirst", "Opening: saving %1 first…"),
            "new": translate("SaveFirst", "New network: saving %1 first…")}[kind]


def busy(kind: str) -> str:
    """Said to a second Quit, Open or New meanwhile: it neither starts a second save nor drops the first's
    action (%1: the file's name)."""
    return {"close": translate("SaveFirst", "The window closes once %1 is saved (Esc cancels both)"),
            "open": translate("SaveFirst", "A file is opened once %1 is saved (Esc cancels both)"),
            "new": translate("SaveFirst", "A new network follows once %1 is saved (Esc cancels both)")}[kind]


def abandoned(kind: str) -> str:
    """Said after the save was cancelled or failed: the action is not done, nothing is lost."""
    return {"close": translate("SaveFirst", "The window stays open; the changes are not saved."),
            "open": translate("SaveFirst", "Nothing was opened; the changes are not saved."),
            "new": translate("SaveFirst", "No new network was made; the changes are not saved.")}[kind]
