"""The main window: assembles the panels, menus and toolbar around the session. No logic of its own:
each panel owns its behaviour, the session owns every number."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QGroupBox,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from .dock_layout import arrange_docks, share
from .files import FileActions
from .help import HelpActions, describe_panels
from .language import current as current_language
from .lock import TeacherMenu
from .notation_menu import NotationMenu
from .panels.architecture import ArchitecturePanel
from .panels.controls import TrainingControls
from .panels.loss_plot import LossPlot
from .panels.sample_picker import SamplePicker
from .panels.status import StatusBar
from .precision import PrecisionMenu
from .prefs import Prefs
from .presentation import Presentation
from .tab_fit import TabFit


def diagram_for(session, parent):
    """The network diagram (gui.diagram), or a placeholder while that package is missing."""
    try:
        from .diagram.view import NetworkView
    except ImportError:
        label = QLabel(QCoreApplication.translate("MainWindow", "network diagram"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label
    return NetworkView(session, parent)


def group(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    lay = QVBoxLayout(box)
    lay.setContentsMargins(2, 4, 2, 2)
    lay.addWidget(widget)
    return box


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys, and Ctrl+Shift+Z and Ctrl+Y wherever it lacks them, each once: a key
    bound twice (Ctrl+Shift+Z is the platform's own Redo on KDE and GNOME) is ambiguous and does nothing."""
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z"),
            QKeySequence("Ctrl+Y")]
    return list({k.toString(): k for k in keys}.values())


class MainWindow(QMainWindow):
    def __init__(self, session, path: str | None = None, parent=None, teaching: bool = True,
                 restore: bool = True):
        super().__init__(parent)
        self.session = session
        self.prefs = Prefs()
        self.setObjectName("mainWindow")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks)
        # An explicit minimum keeps layout changes from resizing the top-level window's limits
        # (the offscreen platform warns on every such change).
        self.setMinimumSize(760, 520)

        self.diagram = diagram_for(session, self)
        self.loss_plot = LossPlot(session)
        centre = QSplitter(Qt.Orientation.Vertical)
        centre.addWidget(self.diagram)
        centre.addWidget(self.loss_plot)
        centre.setStretchFactor(0, 3)
        centre.setStretchFactor(1, 2)
        centre.setSizes([470, 250])
        self.setCentralWidget(centre)

        self.controls = TrainingControls(session)
        self.architecture = ArchitecturePanel(session)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(group(self.tr("Training"), self.controls))
        left_box.addWidget(group(self.tr("Architecture"), self.architecture))
        left_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(left.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4)
        self.left_dock = self._dock("controlsDock", self.tr("Controls"), scroll, Qt.DockWidgetArea.LeftDockWidgetArea)

        self.glossary = None
        self.data_dialog = None
        self.sweep_window = None
        arrange_docks(self, session, teaching)

        self.status = StatusBar(session)
        self.setStatusBar(self.status)
        self.files = FileActions(self, session, self.prefs, path)
        self._actions()
        self._menus()
        self._toolbar()
        current_language().changed.connect(self._retranslated)
        # A screenshot shows the default layout, whatever the learner last arranged.
        self._default_layout = not (restore and self.prefs.restore_window(self))
        if self._default_layout:
            self.resize(1280, 800)

    def showEvent(self, event):
        super().showEvent(event)
        if self._default_layout:     # once laid out: the columns' widths take only once the window is shown
            self._default_layout = False
            share(self, self.width(), self.height())

    def _teaching_catch_up(self):
        catch_up = getattr(self.teaching.currentWidget(), "catch_up", None)
        if catch_up is not None:
            catch_up()

    def _dock(self, name, title, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        # Closable: a dock that cannot close greys out its View-menu entry (toggleViewAction).
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    def _actions(self):
        s, c = self.session, self.controls
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(s.undo)
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setShortcuts(redo_keys())
        self.redo_action.triggered.connect(s.redo)
        s.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        s.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(s.undo_stack.canUndo())
        self.redo_action.setEnabled(s.undo_stack.canRedo())
        self.step_action = QAction(self.tr("&Step"), self)
        self.step_action.setShortcut(QKeySequence("F10"))
        self.step_action.triggered.connect(c.step_button.click)
        self.step_n_action = QAction(self.tr("Step ×&N"), self)
        self.step_n_action.setShortcut(QKeySequence("Shift+F10"))
        self.step_n_action.triggered.connect(c.step_n_button.click)
        self.run_action = QAction(self.tr("&Run / Pause"), self)
        self.run_action.setShortcut(QKeySequence("F5"))
        self.run_action.triggered.connect(c.run_button.click)
        self.reset_action = QAction(self.tr("R&eset to the starting weights"), self)
        self.reset_action.triggered.connect(c.reset_button.click)
        # Esc only while there is long work to cancel: a disabled action leaves Esc to the cell editors.
        self.cancel_action = QAction(s.runner.cancel_words()[0], self)
        self.cancel_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.setEnabled(False)
        self.cancel_action.triggered.connect(lambda: s.file_work.cancel() or s.runner.cancel())
        s.trainingStateChanged.connect(lambda _s: self._cancel_for())
        s.file_work.changed.connect(self._cancel_for)
        self.gradient_action = QAction(self.tr("Colour edges by &gradient"), self)
        self.gradient_action.setCheckable(True)
        self.gradient_action.toggled.connect(lambda on: setattr(s, "gradient_colours", on))
        self.presentation = Presentation(self)
        self.tab_fit = TabFit(self, self.presentation)
        self.addActions([self.undo_action, self.redo_action, self.step_action, self.step_n_action, self.run_action,
                         self.cancel_action])

    def _cancel_for(self) -> None:
        """The one Esc action names the long work it would cancel (a second Esc shortcut would be ambiguous)."""
        s = self.session
        busy = s.file_work.running
        self.cancel_action.setEnabled(busy or s.runner.job is not None)
        text = s.runner.cancel_words()[0] if not busy else \
            self.tr("&Cancel opening") if s.file_work.opening else self.tr("&Cancel saving")
        self.cancel_action.setText(text)

    def _menus(self):
        bar = self.menuBar()
        self.files.fill_menu(bar.addMenu(self.tr("&File")))
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo_action, self.redo_action])
        edit.addSeparator()
        self.teacher_menu = TeacherMenu(self.session, edit)
        edit.addMenu(self.teacher_menu)
        train = bar.addMenu(self.tr("&Train"))
        train.addActions([self.step_action, self.step_n_action, self.run_action, self.cancel_action,
                          self.reset_action])
        data = bar.addMenu(self.tr("&Data"))
        self.data_action = data.addAction(self.tr("&Generate or import…"), self.open_data_dialog)
        view = bar.addMenu(self.tr("&View"))
        view.addAction(self.gradient_action)
        self.sweep_action = view.addAction(self.tr("Learning-rate s&weep…"), self.open_sweep)
        view.addSeparator()
        for dock in (self.left_dock, self.teaching_dock, self.selected_dock, self.values_dock, self.boundary_dock,
                     self.landscape_dock):
            if dock is not None:
                view.addAction(dock.toggleViewAction())
        self.precision_menu = PrecisionMenu(self.session, self.prefs, view)
        view.addMenu(self.precision_menu)
        self.notation_menu = NotationMenu(self.session, self.prefs, view)
        view.addMenu(self.notation_menu)
        language = view.addMenu(self.tr("&Language"))
        group_ = QActionGroup(self)
        self.language_actions = {}
        for code, name in (("en", "English"), ("ko", "한국어")):
            a = language.addAction(name)
            a.setCheckable(True)
            a.setChecked(current_language().code == code)
            a.triggered.connect(lambda _c=False, code=code: self._language(code))
            group_.addAction(a)
            self.language_actions[code] = a
        self.presentation.fill_menu(view)
        self.help = HelpActions(self)
        self.help.fill_menu(bar.addMenu(self.tr("&Help")))
        describe_panels(self)

    def _toolbar(self):
        tb = QToolBar(self.tr("Main"))
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setIconSize(QSize(18, 18))
        tb.addActions([self.files.open, self.files.save])
        tb.addSeparator()
        tb.addActions([self.undo_action, self.redo_action])
        tb.addSeparator()
        tb.addWidget(QLabel(" " + self.tr("Show:") + " "))
        self.sample_picker = SamplePicker(self.session)
        tb.addWidget(self.sample_picker)
        tb.addSeparator()
        tb.addAction(self.gradient_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)

    def _language(self, code: str):
        self.prefs.language = code
        current_language().switch(code)

    def _retranslated(self, code: str):
        """After every window was relabelled: views write their own texts again, in the new words."""
        self.language_actions[code].setChecked(True)
        self.files.retitle()
        self._cancel_for()
        describe_panels(self)
        self.session.refresh()

    def open_data_dialog(self):
        """Data → Generate or import…: window-modal, so the window stays as it was behind it."""
        from .data_dialog import DataDialog
        self.data_dialog = DataDialog(self.session, self)
        self.data_dialog.open()
        return self.data_dialog

    def open_sweep(self):
        """View → Learning-rate sweep: a window of its own beside this one (kept, with its last sweep)."""
        if self.sweep_window is None:
            from .sweep_window import SweepWindow
            self.sweep_window = SweepWindow(self.session, self)
        if self.sweep_window.isVisible():
            self.sweep_window.raise_()
        self.sweep_window.show()
        return self.sweep_window

    def show_glossary(self):
        if self.glossary is None:
            from .glossary import GlossaryDialog
            self.glossary = GlossaryDialog(self)
        self.glossary.show()
        self.glossary.raise_()

    def _about(self):
        self.help.about()

    def closeEvent(self, event):
        self.session.pause()
        if not self.files.may_close():     # a save the question starts may close the window later
            event.ignore()
            return
        self.files.traces.cancel()         # an export under way leaves no file behind
        self.prefs.save_window(self)
        event.accept()

    def close_without_asking(self):
        """Close with no question and no saved geometry (screenshots, tests)."""
        self.session.runner.stop(push=False)
        self.files.traces.cancel()
        self.session.undo_stack.setClean()
        self.hide()
        self.deleteLater()
