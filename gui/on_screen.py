"""Whether a view is on screen, for the views that skip work while they are not (they catch up before
they are next painted).

isVisible() is not enough: a dock that is not the current tab of a tabbed dock area stays "visible" to
Qt (it is only moved out of the window, at some small size), so its views would go on laying out and
recomputing every number on every edit for no one. Such a dock hears when its tab becomes current
(visibilityChanged) but its views get no showEvent: `when_shown` passes that on.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect


def on_screen(widget) -> bool:
    """Visible and inside its window (a dock tabbed away is parked outside it). A widget scrolled out
    of view still counts: this errs on the side of refreshing."""
    if not widget.isVisible():
        return False
    window = widget.window()
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()).intersects(window.rect())


def when_shown(dock, catch_up) -> None:
    """Call catch_up() when the dock's tab becomes current (before the dock is painted again)."""
    dock.visibilityChanged.connect(lambda visible: visible and catch_up())


class RefreshWhenSeen:
    """Mixin (before the Qt base class) for a panel whose numbers only matter while someone sees them:
    on a session change it refreshes at once if it is on screen and training is not running, and
    otherwise marks itself stale and catches up when shown (or when the runner pauses). The class
    provides `session` and `refresh()`; `refresh()` must begin with `self._dirty = False`."""

    _dirty = True

    def refresh_if_seen(self, *_):
        if on_screen(self) and self.session.training_state != "running":
            self.refresh()
        else:
            self._dirty = True

    def catch_up(self):
        if self._dirty:
            self.refresh()

    def showEvent(self, event):
        super().showEvent(event)
        if self._dirty:
            self.refresh()
