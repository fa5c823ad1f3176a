"""Everything usable at 1024×700 (the smallest window supported) and well spaced at 1920×1080: the plot
keeps its height, the hint under it reads on a line or two, Selected and the Learn tools are seen
together (their own docks, not one tabbed dock), and no tab of any dock (Learn, Values, the docks tabbed
behind Selected) hides behind scroll arrows, whatever the notation names."""
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QTabBar, QToolButton

from backprop_lab.core.io import presets
from backprop_lab.gui import zoom


def at_size(qtbot, window, w, h):
    window.resize(w, h)
    qtbot.waitUntil(lambda: window.size() == QSize(w, h))
    QApplication.processEvents()
    window.loss_plot.bar.fit_to(window.loss_plot.bar.width())
    QApplication.processEvents()


def seen(widget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def assert_usable(window, plot_height):
    plot = window.loss_plot
    assert window.minimumSizeHint().width() <= 1024
    assert plot.plot.height() >= plot_height
    line = plot.past.fontMetrics().height()
    assert plot.past.width() >= 250 and plot.past.height() <= 2 * line + 6      # not a word a line
    for w in (plot.present_button, plot.branch_button, plot.keep_button, plot.clear_button, plot.log_box,
              plot.log_x_box):
        if w.isVisible():
            assert w.width() >= w.minimumSizeHint().width(), w.text()            # none squeezed
    # Selected and the Learn tools at once, each its own dock
    assert window.teaching_dock not in window.tabifiedDockWidgets(window.selected_dock)
    assert seen(window.selected.text) and seen(window.teaching)
    assert window.selected.text.height() >= 100 and window.teaching.height() >= 250
    assert seen(window.values) and seen(window.controls.step_button) and seen(window.diagram.viewport())
    assert_every_tab_reads(window)


def assert_every_tab_reads(window):
    """Every tab bar shown in the window (the Learn and Values tabs, Qt's bar of tabbed docks) holds all
    its tabs: no scroll arrows, the tabs' widths add up to no more than the bar's, each tab as wide as
    its label asks."""
    bars = [b for b in window.findChildren(QTabBar) if b.isVisible()]
    assert {window.teaching.tabBar(), window.values.tabBar()} <= set(bars) and len(bars) >= 3
    for bar in bars:
        labels = [bar.tabText(i) for i in range(bar.count())]
        assert not any(b.isVisible() for b in bar.findChildren(QToolButton)), labels     # no scroll arrows
        assert sum(bar.tabRect(i).width() for i in range(bar.count())) <= bar.width(), labels
        for i in range(bar.count()):
            assert bar.tabRect(i).right() <= bar.width(), labels[i]
            assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(labels[i]), labels[i]


@pytest.mark.parametrize("net", ["seed004", "xor", "seed000"])
def test_usable_at_1024_by_700(qtbot, make_window, net):
    window = make_window(presets.resolve(net))
    at_size(qtbot, window, 1024, 700)
    assert_usable(window, 150)
    for form in ("layer", "netout", "text"):        # seed 000's own names run to "h1_in/h2_in/o_in, …"
        window.notation_menu.choices[form].trigger()
        QApplication.processEvents()
        assert_every_tab_reads(window)
    # looking back shows two other buttons: the hint still reads
    window.controls.n_spin.setValue(20)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    window.session.view_step(5)
    QApplication.processEvents()
    assert window.loss_plot.present_button.isVisible()
    window.loss_plot.bar.fit_to(window.loss_plot.bar.width())
    QApplication.processEvents()
    assert_usable(window, 150)


@pytest.mark.qt_log_ignore("propagateSizeHints")       # the offscreen platform, on a change of language
def test_usable_at_1024_by_700_in_korean(qtbot, window):
    try:
        window.language_actions["ko"].trigger()
        at_size(qtbot, window, 1024, 700)
        assert window.teaching.tabText(0) == "따라가기"
        assert window.values.tabText(1) == "기울기"
        assert window.values.tabToolTip(1).startswith("dE/dW, dE/dU: ")
        assert_usable(window, 150)
    finally:
        window.language_actions["en"].trigger()
    at_size(qtbot, window, 1024, 700)
    assert window.values.tabToolTip(1) == "dE/dW, dE/dU: the gradient of the loss for each weight and bias"
    assert_usable(window, 150)


def test_well_spaced_at_1920_by_1080(qtbot, window):
    at_size(qtbot, window, 1920, 1080)
    assert_usable(window, 250)
    plot = window.loss_plot
    assert plot.bar.rows == 1                      # hint, buttons and options on one line
    assert window.teaching_dock.width() >= 360 and window.diagram.width() >= 900


@pytest.mark.qt_log_ignore("propagateSizeHints")       # the offscreen platform, on a change of font
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_tabs_read_at_a_classroom_zoom_at_1920_by_1080(qtbot, window, lang):
    """Ctrl+= twice (150 %) on 1920×1080: every tab bar shown holds all its tabs whole, without scroll
    arrows, and none is drawn smaller than at 100 % (a bar whose zoomed labels do not fit its column has
    them a little smaller, as the diagram keeps its width: test_presentation). Ctrl+0 brings them back."""
    base = QApplication.font().pointSizeF()
    try:
        window.language_actions[lang].trigger()
        at_size(qtbot, window, 1920, 1080)
        for _ in range(2):
            qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert zoom.factor() == 1.5
        at_size(qtbot, window, 1920, 1080)
        assert_every_tab_reads(window)
        bars = [b for b in window.findChildren(QTabBar) if b.isVisible()]
        assert all(b.font().pointSizeF() >= base for b in bars)
        assert window.values.tabBar().font().pointSizeF() == pytest.approx(1.5 * base)   # fits: zoomed whole
        qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
        at_size(qtbot, window, 1920, 1080)
        assert all(b.font().pointSizeF() == pytest.approx(base) for b in bars if b.isVisible())
        assert_every_tab_reads(window)
    finally:
        window.presentation.set_zoom(1.0)
        window.language_actions["en"].trigger()
