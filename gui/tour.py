"""The first-launch tour: a few bubbles, each pointing at one part of the window (the diagram, Selected,
the loss plot, the controls), with Next and Skip. Shown once: finishing or skipping it is remembered
in the settings (Prefs.tour_done); Help → Tour shows it again. Tests and screenshots never start it
unless they ask (gui.app.run is the only caller that does)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .prefs import Prefs

translate = QCoreApplication.translate
BUBBLE_WIDTH = 340


def steps(window) -> list[tuple[QWidget, str, str]]:
    """(what it points at, title, sentence), in the order shown."""
    return [
        (window.diagram, translate("Tour", "The network"),
         translate("Tour", "Every neuron and weight with its number. Click one to select it; drag a number "
                   "sideways to change it, or double-click it to type.")),
        (window.selected_dock, translate("Tour", "Selected"),
         translate("Tour", "What you clicked: its value, its gradient written out with the chain rule, and "
                   "how the next step changes it. Learn, beside it, walks through a whole pass.")),
        (window.loss_plot, translate("Tour", "The loss"),
         translate("Tour", "The loss after every step. Click a step to see the network as it was then.")),
        (window.left_dock, translate("Tour", "Controls"),
         translate("Tour", "Step (F10), Step ×N and Run (F5) train the network with the learning rate and "
                   "update rule set here. Help → Guide tells more.")),
    ]


def first_launch(window, delay_ms: int = 400) -> bool:
    """Start the tour a moment after the window is first shown, unless it was finished or skipped before."""
    if Prefs().tour_done:
        return False
    from PySide6.QtCore import QTimer
    QTimer.singleShot(delay_ms, window.help.start_tour)
    return True


class _Highlight(QWidget):
    """A frame drawn around the part the bubble talks about (mouse clicks pass through)."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def paintEvent(self, _event):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#e8a317"), 4))
        p.drawRoundedRect(self.rect().adjusted(2, 2, -2, -2), 8, 8)


class Tour(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.index = -1
        self._raised = False
        self.frame = _Highlight(window)
        self.bubble = QFrame(window)
        self.bubble.setObjectName("tourBubble")
        self.bubble.setFrameShape(QFrame.Shape.Box)
        self.bubble.setAutoFillBackground(True)
        self.bubble.setStyleSheet("#tourBubble { background: #fffbe8; border: 2px solid #e8a317; border-radius: 6px; }")
        self.title = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.count = QLabel()
        self.skip_button = QPushButton(translate("Tour", "Skip tour"))
        self.skip_button.clicked.connect(lambda: self.finish())
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.skip_button)
        row.addWidget(self.next_button)
        box = QVBoxLayout(self.bubble)
        box.addWidget(self.title)
        box.addWidget(self.text)
        box.addLayout(row)
        self.bubble.setFixedWidth(BUBBLE_WIDTH)
        self.frame.hide()
        self.bubble.hide()
        window.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self.index >= 0

    def start(self) -> None:
        self.index = -1
        self.next()

    def next(self) -> None:
        parts = steps(self.window)
        self.index += 1
        if self.index >= len(parts):
            self.finish()
            return
        target, title, text = parts[self.index]
        if target is self.window.selected_dock:
            target.raise_()          # tabbed with Learn: show the one we talk about (Learn again after)
            self._raised = True
        self.title.setText(f"<b>{title}</b>")
        self.text.setText(text)
        self.count.setText(translate("Tour", "%1 of %2").replace("%1", str(self.index + 1))
                           .replace("%2", str(len(parts))))
        last = self.index == len(parts) - 1
        self.next_button.setText(translate("Tour", "Done") if last else translate("Tour", "Next ▶"))
        self.place()
        self.frame.show()
        self.bubble.show()
        self.frame.raise_()
        self.bubble.raise_()
        self.next_button.setFocus()

    def target(self) -> QWidget | None:
        return steps(self.window)[self.index][0] if self.active else None

    def place(self) -> None:
        """The frame around the target; the bubble beside it, inside the window."""
        target = self.target()
        if target is None:
            return
        top_left = target.mapTo(self.window, QPoint(0, 0))
        self.frame.setGeometry(top_left.x() - 3, top_left.y() - 3, target.width() + 6, target.height() + 6)
        self.bubble.adjustSize()
        w, h = self.bubble.width(), self.bubble.height()
        W, H = self.window.width(), self.window.height()
        x0, y0, tw, th = top_left.x(), top_left.y(), target.width(), target.height()
        # beside the part, else below or above it (over a neighbour, never over what it points at)
        for x, y in ((x0 + tw + 12, y0 + 40), (x0 - w - 12, y0 + 40), (x0 + (tw - w) // 2, y0 + th + 12),
                     (x0 + (tw - w) // 2, y0 - h - 12)):
            if 0 <= x and x + w <= W and 0 <= y and y + h <= H:
                break
        else:
            x, y = x0 + (tw - w) // 2, y0 + th - h - 12          # no room outside: inside, at its foot
        self.bubble.move(max(4, min(x, W - w - 4)), max(4, min(y, H - h - 4)))

    def finish(self, remember: bool = True) -> None:
        self.index = -1
        if self._raised and self.window.teaching_dock is not None:
            self.window.teaching_dock.raise_()
            self._raised = False
        self.frame.hide()
        self.bubble.hide()
        self.window.removeEventFilter(self)
        if remember:
            Prefs().tour_done = True

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Resize and self.active:
            self.place()
        return False
