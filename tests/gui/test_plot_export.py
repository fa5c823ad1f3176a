"""File → Export plot as PNG/SVG: at the size asked for (by default at least 1600 px wide), laid out
for it, and never blank — even after Run → Pause → Reset → Step ×N, which once left the curve outside
the view and the picture empty."""
import numpy as np
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QDialog, QFileDialog

from backprop_lab.gui.panels import plot_export
from backprop_lab.gui.panels.loss_plot import TOTAL_PEN
from backprop_lab.gui.panels.plot_export import SizeDialog


def curve_pixels(image: QImage) -> int:
    """Pixels of the whole-set curve's colour (the axes and text are grey or black)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    c = TOTAL_PEN.color()
    bgr = np.array([c.blue(), c.green(), c.red()])
    return int((np.abs(a[:, :image.width(), :3].astype(int) - bgr).sum(axis=2) < 60).sum())


def export(qtbot, window, monkeypatch, path, size=None):
    asked = []

    def exec_(dialog):
        asked.append(dialog.chosen())
        if size is not None:
            dialog.width_box.setValue(size.width())
            dialog.height_box.setValue(size.height())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(SizeDialog, "exec", exec_)
    getattr(window.files, "export_" + path.suffix[1:]).trigger()
    return asked[0]


def after_run_pause_reset_steps(qtbot, window):
    s, c = window.session, window.controls
    c.pace.speed.setValue(c.pace.speed.maximum())
    c.run_button.click()
    qtbot.waitUntil(lambda: s.step_count > 5000, timeout=30000)
    c.run_button.click()
    qtbot.mouseClick(c.reset_button, Qt.MouseButton.LeftButton)
    c.n_spin.setValue(30)
    qtbot.mouseClick(c.step_n_button, Qt.MouseButton.LeftButton)


def test_png_at_the_size_asked_and_not_blank(qtbot, window, tmp_path, monkeypatch):
    after_run_pause_reset_steps(qtbot, window)
    on_screen = window.loss_plot.plot.grab().toImage()
    default = export(qtbot, window, monkeypatch, tmp_path / "a.png")
    assert default.width() >= 1600
    image = QImage(str(tmp_path / "a.png"))
    assert image.size() == default
    assert curve_pixels(image) > 1000                 # a curve two pixels thick across most of the width
    export(qtbot, window, monkeypatch, tmp_path / "b.png", QSize(2400, 800))
    image = QImage(str(tmp_path / "b.png"))
    assert (image.width(), image.height()) == (2400, 800)
    assert curve_pixels(image) > 1500
    # the window's plot is as it was
    assert window.loss_plot.plot.grab().toImage().size() == on_screen.size()
    assert window.loss_plot.item.geometry().width() == pytest.approx(window.loss_plot.plot.width(), abs=2)


def test_svg_at_the_size_asked_and_not_blank(qtbot, window, tmp_path, monkeypatch):
    after_run_pause_reset_steps(qtbot, window)
    export(qtbot, window, monkeypatch, tmp_path / "a.svg", QSize(1800, 900))
    renderer = QSvgRenderer(str(tmp_path / "a.svg"))
    assert renderer.isValid() and renderer.defaultSize() == QSize(1800, 900)
    image = QImage(1800, 900, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert curve_pixels(image) > 1000


def test_export_draws_what_the_plot_shows_after_a_log_toggle(qtbot, window, tmp_path, monkeypatch):
    window.controls.n_spin.setValue(400)
    qtbot.mouseClick(window.controls.step_n_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.loss_plot.log_x_box, Qt.MouseButton.LeftButton)
    export(qtbot, window, monkeypatch, tmp_path / "log.png")
    assert curve_pixels(QImage(str(tmp_path / "log.png"))) > 1000


def test_size_dialog_refuses_nothing_it_cannot_draw(qtbot):
    d = SizeDialog(plot_export.DEFAULT_SIZE)
    qtbot.addWidget(d)
    d.width_box.setValue(0)
    d.height_box.setValue(10 ** 6)
    assert d.chosen() == QSize(*plot_export.SIZE_RANGE[:1], plot_export.SIZE_RANGE[1]) or \
        d.chosen() == QSize(plot_export.SIZE_RANGE[0], plot_export.SIZE_RANGE[1])
