"""The Selected panel in a narrow dock: a long chain rule wraps between its factors, never inside a
derivative ("∂E/" at a line's end and "∂U11" on the next reads as two things)."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def laid_out_lines(document) -> list[str]:
    document.size()          # lays the document out
    lines, block = [], document.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(block.text()[line.textStart():line.textStart() + line.textLength()])
        block = block.next()
    return lines


def test_a_wrapped_chain_rule_keeps_each_derivative_whole(qtbot, window):
    window.resize(1024, 700)
    QApplication.processEvents()
    view = window.values.weights.tables[1]           # U (h → o)
    index = view.model().index(0, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert window.session.selection == ("W", 2, 0, 0)
    text = window.selected.text
    lines = [line.strip() for line in laid_out_lines(text.document())]
    chain = [i for i, line in enumerate(lines) if "∂E/" in line and "∂o1" in line]
    assert chain, lines
    # the dock is narrow enough at 1024 px that the chain rule does wrap: the test sees a real break
    assert not lines[chain[0]].rstrip().endswith("∂U11"), lines
    assert not any(line.endswith("/") or line.endswith("/\u2060") for line in lines), lines
    # what a learner copies is the plain text, without the invisible joiner
    text.selectAll()
    copied = text.createMimeDataFromSelection().text()
    assert "∂E/∂U11" in copied and "\u2060" not in copied


def test_a_factor_is_not_broken_at_its_hyphen_in_korean_at_a_classroom_zoom(qtbot, window):
    """Korean at 150 % broke "o1(1-o1)" after its hyphen ("× o1(1-" at a line's end, "o1)" on the next).
    The same at any width of the panel, whatever the fonts make of it."""
    window.language_actions["ko"].trigger()
    window.resize(1024, 700)
    window.presentation.set_zoom(1.5)
    QApplication.processEvents()
    view = window.values.weights.tables[1]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(0, 0)).center())
    assert window.session.selection == ("W", 2, 0, 0)
    document = window.selected.text.document()
    lines = [line.strip() for line in laid_out_lines(document)]
    assert any("(1-" in line for line in lines), lines               # the factor is shown
    assert not any(line.endswith("-") for line in lines), lines
    for width in range(120, 480, 8):
        document.setTextWidth(width)
        lines = [line.strip() for line in laid_out_lines(document)]
        assert not any(line.endswith("-") for line in lines), (width, [l for l in lines if l.endswith("-")])
    text = window.selected.text
    text.selectAll()
    copied = text.createMimeDataFromSelection().text()
    assert "o1(1-o1)" in copied and "\u2060" not in copied
