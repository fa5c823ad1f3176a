"""Help: a sentence on every panel (tool tip and What's This), in either language; About with the
versions the app runs on; the guide with a picture of the real window; the tour, shown once at first
launch (never in tests unless asked), skippable, and again from Help → Tour."""
import platform
from pathlib import Path

import numpy
import pyqtgraph
import PySide6
import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt, qVersion
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDockWidget, QFrame, QMessageBox, QTabBar

from backprop_lab.core.model import i18n
from backprop_lab.gui.language import current as current_language
from backprop_lab.gui.tour import first_launch


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """Settings in a folder of this test's own (as test_notation_switch does): other test runs on the
    machine share and clear the test folder, and the tour's "done" must be this test's."""
    native, user = QSettings.Format.NativeFormat, QSettings.Scope.UserScope
    QSettings.setPath(native, user, str(tmp_path))
    yield
    QSettings.setPath(native, user, str(Path.home() / ".qttest" / "config"))


def help_action(window, start: str):
    menu = window.menuBar().actions()[-1].menu()
    return next(a for a in menu.actions() if a.text().replace("&", "").startswith(start))


def test_every_panel_says_what_it_is_for_in_both_languages(window):
    docks = window.findChildren(QDockWidget)
    assert len(docks) >= 6
    english = {}
    for dock in docks + [window.diagram, window.loss_plot]:
        assert dock.toolTip().strip() and dock.whatsThis().strip(), dock.objectName()
        english[dock] = dock.toolTip()
    current_language().switch("ko")
    try:
        ko = i18n.catalogue("ko")
        for dock, text in english.items():
            assert dock.toolTip() == ko[("Help", text)] != text
            assert dock.whatsThis() == dock.toolTip()
    finally:
        current_language().switch("en")


def test_about_names_every_version(window, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "about", lambda _w, title, text: said.append((title, text)))
    help_action(window, "About").trigger()
    title, text = said[0]
    assert title == "About Backprop Lab"
    for v in (platform.python_version(), qVersion(), PySide6.__version__, pyqtgraph.__version__,
              numpy.__version__, "0.1.0"):
        assert v in text, v


@pytest.mark.qt_log_ignore("propagateSizeHints", "raise")      # the offscreen platform, on a dialog
def test_the_guide_shows_the_window_in_the_learners_language(qtbot, window):
    help_action(window, "Guide").trigger()
    guide = window.help.guide
    qtbot.waitExposed(guide)
    html = guide.browser.toHtml()
    assert "window-en.png" in html and "Controls" in html
    doc = guide.browser.document()
    src = next(s for s in html.split("\"") if s.endswith("window-en.png"))
    image = doc.resource(doc.ResourceType.ImageResource, src)
    assert isinstance(image, (QImage, QPixmap)) and not image.isNull() and image.width() <= 800
    current_language().switch("ko")
    try:
        html = guide.browser.toHtml()
        assert "window-ko.png" in html and "조작" in html and "Controls" not in html
    finally:
        current_language().switch("en")


def in_front(window, dock) -> bool:
    """The dock is the current tab of the place it shares (or has a place of its own)."""
    for bar in window.findChildren(QTabBar):
        if bar.parentWidget() is window:
            titles = [bar.tabText(i) for i in range(bar.count())]
            if dock.windowTitle() in titles:
                return bar.currentIndex() == titles.index(dock.windowTitle())
    return dock.isVisible()


def bubble(window):
    return window.findChild(QFrame, "tourBubble")


def test_the_tour_is_not_shown_unless_asked_then_walks_four_parts(qtbot, window):
    qtbot.wait(50)
    assert bubble(window) is None or not bubble(window).isVisible()
    help_action(window, "Tour").trigger()
    tour = window.help.tour
    b = bubble(window)
    assert b.isVisible()
    seen = []
    for _ in range(4):
        target = tour.target()
        seen.append(target)
        assert tour.frame.geometry().contains(QRect(target.mapTo(window, QPoint(0, 0)), target.size()))
        assert window.rect().contains(b.geometry())
        if isinstance(target, QDockWidget):   # Selected in front (raised, where it shares a place with Learn)
            assert in_front(window, target)
        qtbot.mouseClick(tour.next_button, Qt.MouseButton.LeftButton)
    assert seen == [window.diagram, window.selected_dock, window.loss_plot, window.left_dock]
    assert not b.isVisible() and QSettings().value("tour_done", False, bool)
    # as before: Learn and Selected each in front of a place of their own
    assert in_front(window, window.teaching_dock) and in_front(window, window.selected_dock)


def test_first_launch_starts_it_once_and_skip_is_remembered(qtbot, window):
    assert first_launch(window, delay_ms=0)
    qtbot.waitUntil(lambda: bubble(window) is not None and bubble(window).isVisible())
    qtbot.mouseClick(window.help.tour.skip_button, Qt.MouseButton.LeftButton)
    assert not bubble(window).isVisible()
    assert QSettings().value("tour_done", False, bool)
    assert not first_launch(window, delay_ms=0)
