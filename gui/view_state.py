"""What the window shows, apart from what the project is: the selected and highlighted keys, the
numbers an exercise hides, the sample shown, the past step looked at (with its network) and the
notation the names are written in."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from backprop_lab.core.model.network import Network


class ViewState(QObject):
    selectionChanged = Signal(object)
    highlightChanged = Signal(object)
    hiddenChanged = Signal(object)       # the keys an exercise hides (gui.hidden), possibly empty
    viewingChanged = Signal(object)      # the past step shown, or None for the present
    pickedChanged = Signal(object)       # the parameters the loss landscape is drawn over
    lockedChanged = Signal(object)       # the numbers the teacher locked (gui.lock), possibly none
    answersHiddenChanged = Signal(bool)  # the teacher hides every exercise's answer while exercises are open

    def __init__(self, is_valid: Callable[[object], bool], parent=None):
        super().__init__(parent)
        self.is_valid = is_valid
        self.selection = None
        self.highlight: frozenset = frozenset()
        self.hidden: frozenset = frozenset()    # views show gui.hidden.HIDDEN for these (an exercise)
        self.shown_sample: int | None = None
        self.viewing_step: int | None = None
        self.past_net: Network | None = None
        self.picked: tuple = ()          # the last two parameters selected, oldest first
        self.form = "text"               # the notation shown (core.model.notation.FORMS)
        self.locked: frozenset = frozenset()     # gui.lock keys: ("W", l, i, j), ("b", l, j), ("X", i), ("Y", k)
        self.hide_answers = False

    def select(self, key) -> None:
        key = key if self.is_valid(key) else None
        if key != self.selection:
            self.selection = key
            self.selectionChanged.emit(key)
        if key is not None and key[0] in ("W", "b") and key not in self.picked:
            self.picked = self.picked[-1:] + (key,)
            self.pickedChanged.emit(self.picked)

    def set_highlight(self, keys) -> None:
        keys = frozenset(k for k in (keys or ()) if self.is_valid(k))
        if keys != self.highlight:
            self.highlight = keys
            self.highlightChanged.emit(keys)

    def set_hidden(self, keys) -> None:
        keys = frozenset(keys or ())
        if keys != self.hidden:
            self.hidden = keys
            self.hiddenChanged.emit(keys)

    def set_locked(self, keys) -> None:
        keys = frozenset(keys or ())
        if keys != self.locked:
            self.locked = keys
            self.lockedChanged.emit(keys)

    def set_answers_hidden(self, on: bool) -> None:
        if bool(on) != self.hide_answers:
            self.hide_answers = bool(on)
            self.answersHiddenChanged.emit(self.hide_answers)

    def show_sample(self, k: int | None, n_samples: int) -> None:
        self.shown_sample = k if k is not None and 0 <= k < n_samples else None

    def view_past(self, step: int | None, net: Network | None) -> None:
        if step != self.viewing_step or net is not self.past_net:
            self.viewing_step, self.past_net = step, net
            self.viewingChanged.emit(step)

    def drop_invalid(self) -> bool:
        """After a change of shape: forget keys that no longer exist, quietly (the views rebuild
        first); True if the selection was lost, to be announced after."""
        self.highlight = frozenset(k for k in self.highlight if self.is_valid(k))
        self.picked = tuple(k for k in self.picked if self.is_valid(k))
        lost = self.selection is not None and not self.is_valid(self.selection)
        if lost:
            self.selection = None
        return lost
