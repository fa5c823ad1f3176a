"""The QApplication: organisation name for QSettings, the translators, and the two ways to show the
window (on screen, or rendered offscreen to a PNG)."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from backprop_lab.core.model import i18n

ORG, APP = "BackpropLab", "Backprop Lab"
ASSETS = Path(__file__).resolve().parent.parent / "assets"
I18N = ASSETS / "i18n"
ICON = ASSETS / "icons" / "backprop-lab.svg"
SCREEN_SIZE = (1280, 800)
# The translators install_translations put in, by application, to take out on a change of language.
_installed: dict[QApplication, list[QTranslator]] = {}


def make_app(argv=None) -> QApplication:
    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(list(argv or sys.argv[:1]))
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName(APP)
    if ICON.exists():
        from PySide6.QtGui import QIcon
        app.setWindowIcon(QIcon(str(ICON)))
    return app


def choose_language(lang: str | None) -> str:
    """--lang wins, then the saved preference, then the system locale."""
    if lang in ("ko", "en"):
        return lang
    saved = QSettings().value("language", "", str)
    if saved in ("ko", "en"):
        return saved
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Ours from assets/i18n, and Qt's own (standard buttons, dialogs). English needs none. Core's
    words (core.model.i18n) follow."""
    i18n.set_language(lang)
    for old in _installed.pop(app, []):
        app.removeTranslator(old)
    installed = []
    if lang != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"backprop_lab_{lang}", str(I18N)), (f"qtbase_{lang}", qt_dir)):
            t = QTranslator(app)
            if t.load(name, folder):
                app.installTranslator(t)
                installed.append(t)
    _installed[app] = installed
    return installed


def build_window(project, path=None, teaching: bool = True, restore: bool = True):
    from .main_window import MainWindow
    from .session import Session
    kept = list(getattr(project.history, "kept", []))     # runs a saved file kept for comparison
    session = Session(project)
    window = MainWindow(session, path=path, teaching=teaching, restore=restore)
    for label, x, y in kept:
        window.loss_plot.add_kept(label, x, y)
    return window


def run(project, lang: str | None = None, path=None) -> int:
    app = make_app()
    install_translations(app, choose_language(lang))
    window = build_window(project, path)
    window.show()
    from .tour import first_launch
    first_launch(window)
    settle_memory()
    return app.exec()


def settle_memory() -> None:
    """Move what start-up made (modules, Qt wrappers, the window's ~77,000 objects) out of the
    garbage collector's reach: they live as long as the window, and a full collection walking them
    held the event loop 34-39 ms, once in the middle of a long save."""
    import gc
    gc.collect()
    gc.freeze()


def window_for_picture(app, project, path=None):
    """The window in its default layout, shown offscreen and settled, ready to grab (--screenshot, the
    guide's pictures)."""
    window = build_window(project, path, restore=False)
    window.resize(*SCREEN_SIZE)
    window.show()
    app.processEvents()
    window.resize(*SCREEN_SIZE)
    app.processEvents()
    if window.teaching is not None:
        from .teaching.typeset import flush
        flush()         # formulas typeset later take their sizes, and the docks theirs, before the picture
        app.processEvents()
    return window


def screenshot(project, out: str, lang: str | None = None, path=None) -> int:
    app = make_app()
    install_translations(app, choose_language(lang))
    window = window_for_picture(app, project, path)
    ok = window.grab().save(str(out), "PNG")
    window.close_without_asking()
    if not ok:
        print(f"backprop-lab: could not write {out}", file=sys.stderr)
        return 1
    return 0
