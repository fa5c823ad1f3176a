"""Teaching panels (issue 4): walk-through, derivation view, exercises, source marks, gradient check.
Every number is read from core (walkthrough, derivation, exercises, source_match) through the session;
nothing is computed here."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

Maker = Callable[..., QWidget]      # (session, parent) -> the panel


def _walk(session, parent):
    from .walk_panel import WalkPanel
    return WalkPanel(session, parent)


def _derivation(session, parent):
    from .derivation_view import DerivationPanel
    return DerivationPanel(session, parent)


def _exercises(session, parent):
    from .exercise_panel import ExercisePanel
    return ExercisePanel(session, parent)


def _source(session, parent):
    from .source_panel import SourcePanel
    return SourcePanel(session, parent)


def _gradient(session, parent):
    from .gradient_panel import GradientCheckPanel
    return GradientCheckPanel(session, parent)


def _titled_makers() -> list[tuple[str, Maker]]:
    """(title, maker) for each teaching panel, in the order a learner meets them."""
    return [(QCoreApplication.translate("Teaching", "Walk-through"), _walk),
            (QCoreApplication.translate("Teaching", "Derivation"), _derivation),
            (QCoreApplication.translate("Teaching", "Check your answer"), _exercises),
            (QCoreApplication.translate("Teaching", "Matches the source"), _source),
            (QCoreApplication.translate("Teaching", "Gradient check"), _gradient)]


def _tab_labels() -> list[str]:
    """The tabs' own short words (the titles above are their tooltips): all five fit a column a third
    of a 1024-pixel window wide, so none hides behind scroll arrows."""
    return [QCoreApplication.translate("Teaching", "Walk"),
            QCoreApplication.translate("Teaching", "Derive"),
            QCoreApplication.translate("Teaching", "Exercises"),
            QCoreApplication.translate("Teaching", "Source"),
            QCoreApplication.translate("Teaching", "Grad check")]


def teaching_panels(session, parent=None) -> list[tuple[str, QWidget]]:
    """(title, widget) for each teaching panel, in the order a learner meets them."""
    return [(title, make(session, parent)) for title, make in _titled_makers()]


def teaching_tabs(session, parent=None) -> QTabWidget:
    """The panels as tabs (what the main window docks)."""
    return TeachingTabs(session, parent)


class TeachingTabs(QTabWidget):
    """The panels as tabs, each made when its tab is first opened (or asked for): a panel nobody opens
    costs no import and no construction at start, a tenth of a cold start. widget(i) and
    currentWidget() answer with the panel itself (each tab's page only holds it)."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("teachingTabs")
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self._makers: list[Maker] = []
        self._panels: list[QWidget | None] = []
        for (title, make), label in zip(_titled_makers(), _tab_labels()):
            page = QWidget(self)
            box = QVBoxLayout(page)
            box.setContentsMargins(0, 0, 0, 0)
            self._makers.append(make)
            self._panels.append(None)
            self.setTabToolTip(self.addTab(page, label), title)
        self._shade = _RunShade(session, self)
        self.panel(0)
        self.currentChanged.connect(self.panel)

    def panel(self, index: int):
        """The panel of tab `index`, made now if it was not yet."""
        if not 0 <= index < len(self._panels):
            return None
        if self._panels[index] is None:
            page = super().widget(index)
            box = page.layout() if page is not None else None
            assert page is not None and box is not None, "every tab got a page with a layout in __init__"
            w = self._makers[index](self.session, page)
            box.addWidget(w)
            self._panels[index] = w
            if self._makers[index] is not _exercises:      # no changing number in it: never greyed
                self._shade.add(w)
            if page.isVisible():
                w.show()           # at once, so that it is filled in before its first paint
        return self._panels[index]

    def widget(self, index: int):
        return self.panel(index)

    def currentWidget(self):
        return self.panel(self.currentIndex())

    def made(self) -> list:
        return [w for w in self._panels if w is not None]


class _RunShade(QObject):
    """During Run the panels that show numbers wait for the pause (see WalkPanel): greyed, they say
    so. The exercises show no changing number and stay as they are."""

    def __init__(self, session, parent):
        super().__init__(parent)
        self.session = session
        self.panels = []
        session.trainingStateChanged.connect(self.follow)

    def add(self, panel) -> None:
        self.panels.append(panel)
        panel.setEnabled(self.session.training_state != "running")

    def follow(self, state: str) -> None:
        for w in self.panels:
            w.setEnabled(state != "running")
