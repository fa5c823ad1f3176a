"""The row under the loss plot: the hint ("Click a point…", or the step looked at), the buttons and the
axis options. On one row where they fit; else the hint gets a row of its own (so it never wraps a word a
line beside the buttons), and on a narrow plot the options go under the buttons."""
from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

HINT_ROOM = 220       # the hint keeps the row's first place only with at least this many pixels


class PlotBar(QWidget):
    def __init__(self, hint: QLabel, buttons: list[QWidget], options: list[QWidget], parent=None):
        super().__init__(parent)
        self.hint = hint
        # The hint must never widen the window's centre and squeeze the docks: it wraps instead.
        hint.setWordWrap(True)
        hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.buttons, self.options = QWidget(), QWidget()
        for holder, widgets in ((self.buttons, buttons), (self.options, options)):
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            for w in widgets:
                row.addWidget(w)
            row.addStretch(1)
        # Its width is the plot's, never the other way round: narrower than its one row, it takes more rows.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.rows = 0
        self._arrange(1)

    def _needs(self) -> tuple[int, int]:
        """Widths of the buttons and of the options as they are now (hidden buttons take none)."""
        return self.buttons.sizeHint().width(), self.options.sizeHint().width()

    def rows_for(self, width: int) -> int:
        buttons, options = self._needs()
        spacing = self.grid.horizontalSpacing() if self.grid.horizontalSpacing() >= 0 else 6
        if HINT_ROOM + buttons + options + 2 * spacing <= width:
            return 1
        return 2 if buttons + options + spacing <= width else 3

    def _arrange(self, rows: int) -> None:
        if rows == self.rows:
            return
        self.rows = rows
        for w in (self.hint, self.buttons, self.options):
            self.grid.removeWidget(w)
        for c in range(3):
            self.grid.setColumnStretch(c, 0)
        if rows == 1:
            self.grid.addWidget(self.hint, 0, 0)
            self.grid.addWidget(self.buttons, 0, 1)
            self.grid.addWidget(self.options, 0, 2)
            self.grid.setColumnStretch(0, 1)
        elif rows == 2:
            self.grid.addWidget(self.hint, 0, 0, 1, 3)
            self.grid.addWidget(self.buttons, 1, 0)
            self.grid.addWidget(self.options, 1, 2)
            self.grid.setColumnStretch(1, 1)
        else:
            self.grid.addWidget(self.hint, 0, 0, 1, 3)
            self.grid.addWidget(self.buttons, 1, 0, 1, 3)
            self.grid.addWidget(self.options, 2, 0, 1, 3)
            self.grid.setColumnStretch(2, 1)

    def fit_to(self, width: int) -> None:
        self._arrange(self.rows_for(width))

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.fit_to(event.size().width())
