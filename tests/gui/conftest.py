"""GUI tests run offscreen, with Qt's test locations (real settings are never touched), on a main
window built on the seed 004 preset as `backprop-lab` opens it."""
import atexit
import os
import shutil
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"     # before anything imports Qt
# Qt's test mode keeps settings in ~/.qttest, shared by every test run on the machine: one run's clear()
# then wipes another's language or tour flag mid-test. A home of this run's own keeps runs apart.
os.environ["HOME"] = tempfile.mkdtemp(prefix="backprop-lab-tests-")
atexit.register(shutil.rmtree, os.environ["HOME"], ignore_errors=True)

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def settings_clean(qapp):
    QCoreApplication.setOrganizationName("BackpropLab")
    QCoreApplication.setApplicationName("Backprop Lab")
    QSettings().clear()
    yield
    QSettings().clear()


def open_window(qtbot, project):
    from backprop_lab.gui.app import build_window
    w = build_window(project)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


@pytest.fixture
def make_window(qtbot, settings_clean):
    made = []

    def make(project=None):
        from backprop_lab.core.io import presets
        w = open_window(qtbot, project if project is not None else presets.resolve("seed004"))
        made.append(w)
        return w

    yield make
    # The language, precision and zoom are the application's, not a window's: a test (a storm) that
    # changed them would leave the next test's window in Korean, or zoomed.
    from gui_drive import put_back_application
    for w in made:
        put_back_application(w)
        w.close_without_asking()
    QApplication.processEvents()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def host(qtbot, settings_clean):
    """The teaching panels alone, on seed 004 (tests/gui/teaching_host.py)."""
    from teaching_host import open_host
    return open_host(qtbot)
