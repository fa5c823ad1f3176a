"""Where the docks go. Left: the controls over the values. Right: the Learn tools over Selected (tabbed
with the decision boundary and the loss landscape), each its own dock, so the chain rule of the
selected weight and the walk-through are seen together. The centre keeps the diagram and the plot.
From 1024×700 (the smallest supported) up, every dock has its room: each column is at least as wide as
its tabs (Learn's, Values'), so no tab hides behind scroll arrows."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QTabWidget

from .language import current as current_language
from .on_screen import when_shown
from .panels.boundary import BoundaryView
from .panels.landscape import LandscapeView
from .panels.selected import SelectedPanel
from .panels.values_panel import ValuesPanel

translate = QCoreApplication.translate      # the dock titles are the main window's words
LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
VERTICAL, HORIZONTAL = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
LEFT_SHARE = 0.58         # of the left column's height, the controls' (the values have the rest)
LEARN_SHARE = 0.62        # of the right column's height, the Learn tools' (Selected has the rest)
VALUES_ROOM = 320         # the values keep at least this much height where the window has it
LEFT_WIDTH, RIGHT_WIDTH = 0.17, 0.26    # of a wide window's width, the side columns'


def arrange_docks(window, session, teaching: bool) -> None:
    """Make the Selected, Learn, Values, Decision boundary and Loss landscape docks of `window` (beside
    its Controls dock, made before) and lay them out."""
    w = window
    w.selected = SelectedPanel(session)
    w.values = ValuesPanel(session)
    w.selected_dock = w._dock("selectedDock", translate("MainWindow", "Selected"), w.selected, RIGHT)
    w.values_dock = w._dock("valuesDock", translate("MainWindow", "Values"), w.values, LEFT)
    w.splitDockWidget(w.left_dock, w.values_dock, VERTICAL)
    keep_tabs_readable(w.values)
    w.teaching = w.teaching_dock = None
    if teaching:
        from .teaching import teaching_tabs
        w.teaching = teaching_tabs(session)
        w.teaching_dock = w._dock("teachingDock", translate("MainWindow", "Learn"), w.teaching, RIGHT)
        w.splitDockWidget(w.teaching_dock, w.selected_dock, VERTICAL)
        keep_tabs_readable(w.teaching)
        # Views that skip work while their dock's tab is not the current one catch up when it is.
        when_shown(w.teaching_dock, w._teaching_catch_up)
    when_shown(w.selected_dock, w.selected.catch_up)
    # The pictures of issue 11, tabbed behind Selected: they cost a forward pass of a grid per frame (and
    # a tab bar of three beside the values would widen the left column past 1024 pixels' share).
    w.boundary = BoundaryView(session)
    w.boundary_dock = w._dock("boundaryDock", translate("MainWindow", "Decision boundary"), w.boundary, RIGHT)
    w.tabifyDockWidget(w.selected_dock, w.boundary_dock)
    when_shown(w.boundary_dock, w.boundary.catch_up)
    w.landscape = LandscapeView(session)
    w.landscape_dock = w._dock("landscapeDock", translate("MainWindow", "Loss landscape"), w.landscape, RIGHT)
    w.tabifyDockWidget(w.boundary_dock, w.landscape_dock)
    w.selected_dock.raise_()
    when_shown(w.landscape_dock, w.landscape.catch_up)
    share(w, 1280, 800)


def keep_tabs_readable(tabs: QTabWidget) -> None:
    """Every tab label readable: the column is at least as wide as the tabs."""
    _TabsFit(tabs)


class _TabsFit(QObject):
    """Keeps its tab widget as wide as its tabs in the words of the language now shown (a switch
    relabels them: Korean's can be wider or narrower). A child of the tabs, so it goes with them."""

    def __init__(self, tabs: QTabWidget):
        super().__init__(tabs)
        self.tabs = tabs
        self.fit()
        current_language().changed.connect(self.fit)

    def fit(self, *_):
        self.tabs.setMinimumWidth(self.tabs.tabBar().sizeHint().width() + 4)


def share(window, width: int, height: int) -> None:
    """Split the columns for a window this big (the default layout): the side columns as narrow as
    they may be on a small screen and a little wider on a large one, the centre takes the rest; the
    controls get the height their content asks for where there is room, the values keep the rest."""
    w = window
    controls = w.left_dock.widget().widget().sizeHint().height() + 30
    top = max(int(LEFT_SHARE * height), min(controls, height - VALUES_ROOM))
    w.resizeDocks([w.left_dock, w.values_dock], [top, height - top], VERTICAL)
    left = max(w.left_dock.minimumSizeHint().width(), int(LEFT_WIDTH * width))
    if w.teaching_dock is None:
        w.resizeDocks([w.left_dock, w.selected_dock], [left, max(400, int(RIGHT_WIDTH * width))], HORIZONTAL)
        return
    w.resizeDocks([w.teaching_dock, w.selected_dock], [int(LEARN_SHARE * height), int((1 - LEARN_SHARE) * height)],
                  VERTICAL)
    right = max(w.teaching_dock.minimumSizeHint().width(), int(RIGHT_WIDTH * width))
    w.resizeDocks([w.left_dock, w.teaching_dock], [left, right], HORIZONTAL)
