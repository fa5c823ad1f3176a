"""Every number in the Values tables reads whole: at 1024×700 on seed 000 (3-3-3-3, the narrowest
columns), in English and Korean, no cell of any tab is cut with "…" (its text, as Qt lays it out between
the cell's margins, fits its column) once the learner has it in sight; where the room allows, the columns
share it out and nothing scrolls."""
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QStyle

from backprop_lab.core.io import presets


def at_size(qtbot, window, w, h):
    window.resize(w, h)
    qtbot.waitUntil(lambda: window.size() == QSize(w, h))
    QApplication.processEvents()


def pages(values):
    for ti in range(values.count()):
        page = values.widget(ti)
        yield ti, page.tables if hasattr(page, "tables") else [page.view] if hasattr(page, "view") else [page]


def bring_into_sight(table, index):
    """Scroll a cell into sight as the learner does (the table, and the tab's scroll area around it)."""
    table.scrollTo(index)
    area = table.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None:
        rect = table.visualRect(index)
        at = table.viewport().mapTo(area.widget(), rect.center())
        area.ensureVisible(at.x(), at.y(), rect.width() // 2 + 2, rect.height())
    QApplication.processEvents()
    table.viewport().repaint()


def cut_cells(qtbot, values):
    """(tab, row, column, text, column width) of every cell whose text Qt would elide, each tab clicked
    and each cell brought into sight in turn."""
    cut = []
    for ti, tables in pages(values):
        bar = values.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(ti).center())
        assert values.currentIndex() == ti
        for t in tables:
            m = t.model()
            cells = [(r, c) for r in range(m.rowCount()) for c in range(m.columnCount())]
            assert cells
            for r, c in cells:
                bring_into_sight(t, m.index(r, c))
            margin = t.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, t) + 1   # Qt's text margin
            for r, c in cells:
                text = m.index(r, c).data()
                if text and t.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight,
                                                       t.columnWidth(c) - 2 * margin) != text:
                    cut.append((values.tabText(ti), r, c, text, t.columnWidth(c)))
    return cut


@pytest.mark.qt_log_ignore("propagateSizeHints")       # the offscreen platform, on a change of language
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_no_number_is_cut_at_1024_by_700_on_seed_000(qtbot, make_window, lang):
    window = make_window(presets.resolve("seed000"))
    try:
        window.language_actions[lang].trigger()
        at_size(qtbot, window, 1024, 700)
        gradients = window.values.gradients.tables[-1].model()
        assert gradients.index(0, 0).data() == "\u22120.75252314"      # the number that read "−0.752523…"
        assert cut_cells(qtbot, window.values) == []
    finally:
        window.language_actions["en"].trigger()


def test_the_columns_share_the_room_where_there_is_room(qtbot, window):
    """Seed 004 at 1920×1080: each matrix fills its table's width (as a stretched header did) and no
    table scrolls sideways."""
    at_size(qtbot, window, 1920, 1080)
    values = window.values
    for ti, tables in pages(values):
        qtbot.mouseClick(values.tabBar(), Qt.MouseButton.LeftButton, pos=values.tabBar().tabRect(ti).center())
        for t in tables:
            if t.fit:
                cols = t.model().columnCount()
                assert sum(t.columnWidth(c) for c in range(cols)) == t.viewport().width()
        if ti < 2:
            assert not values.widget(ti).horizontalScrollBar().isVisible()
