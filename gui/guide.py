"""Help → Guide to the window: a short page, in the learner's language, with a picture of the real window
whose numbers match the sections below it. The pictures are made by the app itself, offscreen:

    python -m backprop_lab.gui.guide assets/guide

renders the window in each language as `--screenshot` does, marks the parts and saves them small."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout

from backprop_lab.core.model import i18n

from .app import ASSETS

translate = QCoreApplication.translate
PICTURES = ASSETS / "guide"
PICTURE_WIDTH = 760


def parts(window) -> list:
    """The widgets the picture numbers, in the order of the guide's sections."""
    right = window.teaching_dock if window.teaching_dock is not None else window.selected_dock
    return [window.diagram, right, window.loss_plot, window.left_dock, window.values_dock]


def sections() -> list[tuple[str, str]]:
    return [
        (translate("Guide", "The network"),
         translate("Guide", "Every neuron and weight, with its number. Click a neuron or an edge to select it; "
                   "drag a number sideways to change it, or double-click it to type one. Blue edges are positive, "
                   "orange negative, and the thicker the larger.")),
        (translate("Guide", "Learn and Selected"),
         translate("Guide", "Learn walks through one forward pass, backward pass and update, a computation at a "
                   "time; writes out the derivation of what you selected; asks exercises and tells which factor "
                   "a wrong answer missed. Selected shows the clicked item's value, gradient and next update; the "
                   "decision boundary and the loss landscape are tabs beside it.")),
        (translate("Guide", "The loss"),
         translate("Guide", "The loss after every training step. Click a step to see the whole network as it "
                   "was then; Branch from there to try something else.")),
        (translate("Guide", "Controls"),
         translate("Guide", "Step (F10), Step ×N (Shift+F10) and Run (F5) train the network. Set the learning "
                   "rate, momentum and the update rule here, and the layers and the loss below. Every change "
                   "can be undone (Ctrl+Z).")),
        (translate("Guide", "Values"),
         translate("Guide", "Tables of every number: weights, gradients, each neuron's z, a and δ, and the data "
                   "set.")),
    ]


def guide_html(lang: str) -> str:
    picture = PICTURES / f"window-{lang}.png"
    if not picture.exists():
        picture = PICTURES / "window-en.png"
    items = "".join(f"<li><b>{title}</b> — {text}</li>" for title, text in sections())
    more = translate("Guide", "More: View → Notation, Precision, Language, Full screen (F11) and zoom (Ctrl+=, "
                     "Ctrl+−) for a projector; File → Export worksheet… for a class, with an answer key; "
                     "File → Print… for the walk-through; Help → Tour to see the tour again; Help → What's "
                     "This? (Shift+F1), then click any panel, for a sentence about it.")
    heading = translate("Guide", "The window")
    return (f"<h2>{heading}</h2>"
            f"<p><img src='{QUrl.fromLocalFile(str(picture)).toString()}' width='{PICTURE_WIDTH}'></p>"
            f"<ol>{items}</ol><p>{more}</p>")


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("guide")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        box = QVBoxLayout(self)
        box.addWidget(self.browser)
        self.resize(PICTURE_WIDTH + 60, 760)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Guide to the window"))
        self.browser.setHtml(guide_html(i18n.language()))


# ----- the pictures --------------------------------------------------------------------------------------
def mark(image: QImage, window, scale: float) -> None:
    """A numbered disc near the top right of each part (below a dock's title and tabs), as the guide's list
    numbers them."""
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(22 * scale))
    p.setFont(font)
    r = 17 * scale
    for n, widget in enumerate(parts(window), start=1):
        at = widget.mapTo(window, QPoint(0, 0))
        centre_x, centre_y = (at.x() + widget.width() - 30) * scale, (at.y() + 64) * scale
        disc = QRectF(centre_x - r, centre_y - r, 2 * r, 2 * r)
        p.setPen(QPen(QColor("#ffffff"), 2.5 * scale))
        p.setBrush(QColor("#d9480f"))
        p.drawEllipse(disc)
        p.setPen(QColor("#ffffff"))
        p.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(n))
    p.end()


def make_pictures(folder: Path, net: str = "seed004") -> list[Path]:
    from backprop_lab.core.io import presets

    from .app import install_translations, make_app, window_for_picture
    app = make_app()
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in ("en", "ko"):
        install_translations(app, lang)
        window = window_for_picture(app, presets.resolve(net))
        shot = window.grab().toImage()
        mark(shot, window, 1.0)
        small = shot.scaledToWidth(PICTURE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        out = folder / f"window-{lang}.png"
        small.convertToFormat(QImage.Format.Format_RGB888).save(str(out), "PNG", 0)
        written.append(out)
        window.close_without_asking()
        app.processEvents()
    return written


if __name__ == "__main__":
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QStandardPaths
    QStandardPaths.setTestModeEnabled(True)      # the learner's own settings play no part in the pictures
    for path in make_pictures(Path(sys.argv[1]) if len(sys.argv) > 1 else PICTURES):
        print(path)
