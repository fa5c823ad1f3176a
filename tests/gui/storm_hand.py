"""What the storm's person does with a popup or a dialog one of its events opened: picks an entry or closes
it, as a person does, instead of leaving it up. Offscreen nobody else would: a menu that a QToolButton
opens (the menu bar's ">>" extension, any button with a menu) runs in Qt's own nested event loop, started
from C++, where no patch of `QMenu.exec` in Python can see it, and the storm's next event never came (seed
2 stalled so at 10,000 events).

A timer ticks while each storm event runs, so it also runs inside such a nested loop; after the event,
`settle` deals with what is still up (a combo box's list, a context menu opened with popup()). Its choices
come from a random stream of its own, seeded from the storm's seed: the same events meet the same popups
and get the same answers, and the storm's own stream is drawn from only by its events (how many answers
a popup took, one level or three, never shifts which event comes next)."""
from __future__ import annotations

import random
from collections import Counter

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QDialog, QMenu

# A modal dialog that appeared during one event and is still up after this many ticks (≥ 0.5 s of the event
# loop) is one the event is waiting in: a dialog opened with exec() from C++ (the Python ones are patched).
# A non-blocking dialog opened by the event (the data dialog) sees one or two ticks and stays for the storm.
MODAL_TICKS = 50
SETTLE_ROUNDS = 8        # a menu, its submenu, a dialog its entry opened… then whatever is left is closed


class Hand:
    def __init__(self, seed: int, skip, popups: Counter):
        """`skip(action)` says which entries a person would not pick here (Quit, Close); `popups` counts
        "Class|where|what": where is "inside" (the event was waiting in it) or "after", what is "picked",
        "closed" or "forced" (not closed by Esc, closed by the driver)."""
        self.rng, self.skip, self.popups = random.Random(f"popups {seed}"), skip, popups
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self._ticks, self._modal_before = 0, None
        self._due: list = []          # popups a tick has an answer on the way for
        self.inside = False           # True while an event runs (its nested loops included)

    def start(self) -> None:
        self._ticks, self._modal_before, self.inside = 0, QApplication.activeModalWidget(), True
        self.timer.start()

    def returned(self) -> None:
        """The event itself is over; what is answered from now on was left up, not waited in."""
        self.inside = False

    def stop(self) -> None:
        self.inside = False
        self.timer.stop()

    def _tick(self) -> None:
        self._ticks += 1
        popup = QApplication.activePopupWidget()
        if popup is not None:
            # Answered from a timer of its own: Qt never fires a timer again inside its own slot, so an
            # answer that opens another nested loop (a menu entry that opens a menu) would leave this tick
            # unable to answer that one.
            if not any(p is popup for p in self._due):
                self._due.append(popup)
                QTimer.singleShot(0, lambda p=popup: self._answer_due(p))
            return
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal is not self._modal_before and self._ticks >= MODAL_TICKS:
            self._ticks = 0
            self.popups[f"{type(modal).__name__}|inside|closed"] += 1
            QTest.keyClick(modal, Qt.Key.Key_Escape)
            if modal.isVisible():
                modal.reject()

    def _answer_due(self, popup) -> None:
        try:
            if QApplication.activePopupWidget() is popup:
                self.answer(popup, "inside" if self.inside else "after")
        finally:
            self._due = [p for p in self._due if p is not popup]

    def settle(self) -> None:
        """After an event: what it left up is answered, a level at a time (a submenu, then its menu)."""
        for _ in range(SETTLE_ROUNDS):
            popup = QApplication.activePopupWidget()
            if popup is None:
                return
            self.answer(popup, "after")
            QApplication.processEvents()
        while (popup := QApplication.activePopupWidget()) is not None:
            self.popups[f"{_name(popup)}|after|forced"] += 1
            popup.close()
            QApplication.processEvents()

    def answer(self, popup, where: str) -> None:
        """Pick one of its entries at random, or press Esc (half and half). A menu's entry is clicked
        where it is drawn (a submenu's entry opens the submenu, answered next); a list's row likewise."""
        picked = False
        if self.rng.random() < 0.5:
            picked = self._pick_menu(popup) if isinstance(popup, QMenu) else self._pick_row(popup)
        if not picked:
            QTest.keyClick(popup, Qt.Key.Key_Escape)
        how = "picked" if picked else "closed"
        if not picked and popup is QApplication.activePopupWidget() and popup.isVisible():
            popup.close()
            how = "forced"
        self.popups[f"{_name(popup)}|{where}|{how}"] += 1

    def _pick_menu(self, menu: QMenu) -> bool:
        entries = [a for a in menu.actions() if a.isVisible() and a.isEnabled() and not a.isSeparator()
                   and not self.skip(a) and not menu.actionGeometry(a).isEmpty()]
        if not entries:
            return False
        entry = self.rng.choice(entries)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         menu.actionGeometry(entry).center())
        return True

    def _pick_row(self, popup) -> bool:
        views = [v for v in popup.findChildren(QAbstractItemView) if v.isVisible() and v.model() is not None]
        rows = views[0].model().rowCount() if views else 0
        if not rows:
            return False
        view = views[0]
        index = view.model().index(self.rng.randrange(rows), view.modelColumn() if hasattr(view, "modelColumn") else 0)
        view.scrollTo(index)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         view.visualRect(index).center())
        return True


def _name(popup) -> str:
    """A combo box's list is a private class PySide6 calls QFrame: named for its combo box."""
    return "QComboBox list" if isinstance(popup.parentWidget(), QComboBox) else type(popup).__name__
