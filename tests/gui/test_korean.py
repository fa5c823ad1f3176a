"""Korean is first-class: with the Korean translator loaded, the window speaks Korean, refusals
included."""
import pytest
from PySide6.QtCore import Qt

from backprop_lab.gui.app import install_translations


@pytest.fixture
def korean(qapp):
    installed = install_translations(qapp, "ko")
    yield installed
    install_translations(qapp, "en")


def test_the_window_shows_korean(qtbot, korean, make_window):
    assert korean, "assets/i18n/backprop_lab_ko.qm did not load"
    w = make_window()
    assert w.controls.step_button.text() == "한 단계"
    assert w.controls.run_button.text() == "실행"
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus == ["파일(&F)", "편집(&E)", "학습(&T)", "데이터(&D)", "보기(&V)", "도움말(&H)"]
    assert [w.values.tabText(i) for i in range(4)] == ["가중치", "기울기", "뉴런", "데이터"]
    assert w.values.tabToolTip(1) == "dE/dW, dE/dU: 가중치와 편향마다 손실의 기울기"
    assert w.left_dock.windowTitle() == "조작"
    assert w.status.step.text() == "0단계"
    assert w.sample_picker.itemText(0) == "다음 갱신: 샘플 1"
    assert "연쇄 법칙" in w.selected.text.text()
    assert w.architecture.loss.currentText() == "½ 제곱합"
    # a refusal, in Korean, where it was typed
    edit = w.controls.lr
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "abc")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toolTip() == "“abc”은(는) 숫자가 아닙니다"
    assert w.status.note.text() == "“abc”은(는) 숫자가 아닙니다"
    qtbot.mouseClick(w.controls.step_button, Qt.MouseButton.LeftButton)
    assert w.status.step.text() == "1단계"
    assert w.session.undo_stack.text(0) == "1단계"
