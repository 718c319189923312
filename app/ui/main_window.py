# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: the unlock screen, then a sidebar of screens; lock on demand or idle.

The title is always "Vigil". Every read or write runs as a job with its own session; on
lock every model and view holding case data is cleared at once, and the vault closed in
the background once the jobs still running have stopped: locking never waits on the UI thread.

Start-up shows the unlock screen without loading the storage layer, the screens or the
dossier renderer (tests/gui/test_startup_imports.py): this module imports them only when
first needed, and each screen is built the first time it is shown or asked for.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.ui import plain
from app.ui.clipboard import ClipboardGuard
from app.ui.menus import build_menus
from app.ui.navigation import CaseTab, Screen
from app.ui.preferences import Preferences
from app.ui.screen_builder import build_screen
from app.ui.tasks import TaskRunner
from app.ui.unlock import UnlockView, keychain_remembered
from app.ui.unlocking import Unlocker

if TYPE_CHECKING:  # the modules behind the unlock screen load when first needed
    from app.services.vault_access import KdfParams, KeyStore, Vault
    from app.ui.context import VaultContext
    from app.ui.exchange import ExchangeWatcher
    from app.ui.i18n import Translation
    from app.ui.screens.asks.screen import AsksScreen
    from app.ui.screens.calendar.screen import CalendarScreen
    from app.ui.screens.cases.screen import CasesScreen
    from app.ui.screens.colleagues.screen import ColleaguesScreen
    from app.ui.screens.dashboard.screen import DashboardScreen
    from app.ui.screens.directory.screen import DirectoryScreen
    from app.ui.screens.meetings.screen import MeetingsScreen
    from app.ui.screens.scorecard.screen import ScorecardScreen
    from app.ui.screens.settings.screen import SettingsScreen

# vault_access.KEYSLOTS (a test keeps them equal): importing that module loads SQLAlchemy
KEYSLOTS = "keyslots.json"


T = TypeVar("T")


class _ScreenOf(Generic[T]):
    """A window attribute that is one screen, built on first use."""

    def __init__(self, which: Screen) -> None:
        self.which = which

    def __get__(self, window: MainWindow | None, _owner: type | None = None) -> T:
        if window is None:  # looked up on the class
            return cast(T, self)
        return cast(T, window.screen_widget(self.which))


class MainWindow(QMainWindow):
    vault_unlocked = Signal()
    vault_locked = Signal()
    vault_closed = Signal()  # after a lock, once the jobs still running stopped
    cases_shown = Signal()
    dashboard_shown = Signal()
    case_shown = Signal()
    export_action: QAction  # File → Export…, made with the menus (app.ui.menus)
    language_actions: list[QAction]  # View → Language, likewise
    cell_detail_shown = Signal()
    language_switched = Signal(str)  # the window was rebuilt in that language
    # each screen, built the first time it is asked for (``screen_widget``)
    dashboard_screen: _ScreenOf[DashboardScreen] = _ScreenOf(Screen.DASHBOARD)
    cases_screen: _ScreenOf[CasesScreen] = _ScreenOf(Screen.CASES)
    meetings_screen: _ScreenOf[MeetingsScreen] = _ScreenOf(Screen.MEETINGS)
    asks_screen: _ScreenOf[AsksScreen] = _ScreenOf(Screen.ASKS)
    calendar_screen: _ScreenOf[CalendarScreen] = _ScreenOf(Screen.CALENDAR)
    scorecard_screen: _ScreenOf[ScorecardScreen] = _ScreenOf(Screen.SCORECARD)
    directory_screen: _ScreenOf[DirectoryScreen] = _ScreenOf(Screen.DIRECTORY)
    colleagues_screen: _ScreenOf[ColleaguesScreen] = _ScreenOf(Screen.COLLEAGUES)
    settings_screen: _ScreenOf[SettingsScreen] = _ScreenOf(Screen.SETTINGS)

    def __init__(self, vault_dir: Path, *, idle_seconds: float | None = None,
                 monotonic: Callable[[], float] = time.monotonic,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 keystore: KeyStore | None = None, clipboard: ClipboardGuard | None = None,
                 preferences: Preferences | None = None, kdf: KdfParams | None = None,
                 translation: Translation | None = None) -> None:
        super().__init__()
        self._keystore = keystore
        self.prefs = preferences or Preferences()
        self.translation = translation  # made on the first switch when not given
        self._fixed_clipboard = clipboard is not None  # tests inject a fast one
        self.clipboard = clipboard or ClipboardGuard(self)
        self.clipboard.copied.connect(self._say_copied)
        self.setWindowTitle(self.tr("Vigil"))
        self.vault_dir = vault_dir
        self.vault: Vault | None = None
        self.tasks = TaskRunner(self)
        self._clock = clock
        self._monotonic = monotonic
        self._fixed_idle = idle_seconds  # tests fix it; otherwise the setting decides
        self._idle_seconds = idle_seconds or self.prefs.idle_minutes * 60
        self._last_activity = monotonic()
        self._kdf = kdf
        self._ctx: VaultContext | None = None
        self._exchange: ExchangeWatcher | None = None
        self._built: dict[Screen, QWidget] = {}  # the screens built so far
        self._pending = 0  # bundles from colleagues to review
        self.unlocker = Unlocker(self.tasks, clock=clock, keystore=keystore, parent=self)
        self.unlocker.unlocked.connect(self._unlocked)
        self.unlocker.snapshot_failed.connect(self._snapshot_failed)

        self.vault_actions: list[QAction] = []
        self._build_pages()
        self._build_actions()
        self._apply_preferences()
        self._build_idle_lock()
        self.resize(1200, 760)

    def _build_idle_lock(self) -> None:
        """A key, click or wheel anywhere in the app is activity; a timer checks for none."""
        self._idle_timer = QTimer(self, interval=5_000)
        self._idle_timer.timeout.connect(self.check_idle)
        app = QApplication.instance()
        assert app is not None  # a window needs the application
        app.installEventFilter(self)

    def _build_pages(self) -> None:
        """The unlock screen, and the sidebar beside one page per screen: an empty
        placeholder until the screen is built (``screen_widget``)."""
        self.unlock_view = UnlockView()
        self.unlock_view.unlock_requested.connect(
            lambda secret, recovery: self.unlocker.with_secret(self.vault_dir, secret, recovery))
        self.unlock_view.keychain_unlock_requested.connect(
            lambda: self.unlocker.with_keychain(self.vault_dir))
        self.unlock_view.secret.textEdited.connect(lambda _text: self.unlocker.load_modules())
        self.unlocker.failed.connect(self.unlock_view.failed)
        self.set_vault_dir(self.vault_dir)
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Screens"))
        self.sidebar.setFixedWidth(self.fontMetrics().averageCharWidth() * 26)  # its titles
        self.screens = QStackedWidget()
        for screen in Screen:
            self.sidebar.addItem(self.tr(screen.title))
            self.screens.addWidget(QWidget())
        self.sidebar.currentRowChanged.connect(self._screen_changed)
        main = QWidget()
        row = QHBoxLayout(main)
        row.addWidget(self.sidebar)
        row.addWidget(self.screens, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.unlock_view)
        self.pages.addWidget(main)
        self.setCentralWidget(self.pages)

    def rebuild(self) -> None:
        """Build the menus, the unlock screen and every screen again, in the language now
        installed (app/ui/language.py saves what is on screen first and puts it back): the
        old widgets go, with every result still on its way to them."""
        if self._ctx is not None:
            self._ctx.drop_pending()
        for screen in self._built.values():
            cast("Any", screen).clear()
        self._built = {}
        for action in self.findChildren(QAction, options=Qt.FindChildOption.FindDirectChildrenOnly):
            self.removeAction(action)
            action.deleteLater()
        self.vault_actions = []
        self.removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        self.setMenuBar(QMenuBar())  # the old one is deleted
        row, page = self.sidebar.currentRow(), self.pages.currentIndex()
        self._build_pages()  # the old pages are deleted with the old central widget
        self._build_actions()
        self._show_pending(self._pending)
        for action in self.vault_actions:
            action.setEnabled(self.vault is not None)
        self.toolbar.setVisible(self.vault is not None)
        self.pages.setCurrentIndex(page)
        if self.vault is not None:
            self.cases_screen.refresh()
            self.sidebar.setCurrentRow(max(row, 0))

    def _build_actions(self) -> None:
        """Lock, log ask and import (off until the vault is open) in a toolbar and the
        menus (``app.ui.menus``); their shortcuts work whatever has the focus."""
        self.lock_action = self._action(self.tr("Lock"), self.tr("Lock the vault now (Ctrl+L)"),
                                        QKeySequence("Ctrl+L"), self.lock)
        self.log_ask_action = self._action(
            self.tr("Log ask…"), self.tr("Record that cases were raised (Ctrl+Shift+A)"),
            QKeySequence("Ctrl+Shift+A"), self._log_ask_for_shown_case)
        self.import_action = self._action(
            self.tr("Import…"), self.tr("Import cases from a spreadsheet or an interchange file"),
            None, self._open_import_wizard)
        self.toolbar = self.addToolBar(self.tr("Vault"))
        self.toolbar.setObjectName("vaultToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.hide()  # nothing to do there until the vault is open
        for action in (self.lock_action, self.log_ask_action, self.import_action):
            self.toolbar.addAction(action)
        build_menus(self)

    def _action(self, text: str, tip: str, keys: QKeySequence | None, slot) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        if keys is not None:
            action.setShortcut(keys)
            self.addAction(action)
        action.triggered.connect(slot)
        action.setEnabled(False)
        self.vault_actions.append(action)  # on while the vault is open
        return action

    # -- unlocking and locking --------------------------------------------------------------
    def set_vault_dir(self, folder: Path) -> None:
        """The vault the unlock screen opens (shown there, with its keychain button)."""
        self.vault_dir = Path(folder)
        self.unlock_view.set_vault(self.vault_dir)
        self.unlock_view.set_keychain_available(keychain_remembered(self.vault_dir / KEYSLOTS))

    def unlock_with(self, passphrase: str) -> None:
        self.unlock_view.set_busy(True)
        self.unlocker.with_secret(self.vault_dir, passphrase, False)

    def open_vault(self, vault: Vault) -> None:
        """Show a vault opened elsewhere (the first-run wizard) as if unlocked here."""
        self._unlocked(vault)

    def _unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self.ctx.opened(vault)
        self.unlock_view.reset()
        self.pages.setCurrentIndex(1)
        self.sidebar.setCurrentRow(Screen.DASHBOARD)
        for action in self.vault_actions:
            action.setEnabled(True)
        self.toolbar.show()
        self._last_activity = self._monotonic()
        self._idle_timer.start()
        self.unlocker.take_daily(vault)
        self.exchange.start()
        self.dashboard_screen.refresh()
        self.cases_screen.refresh()
        self.vault_unlocked.emit()

    def _snapshot_failed(self, vault: Vault, damaged: bool, text: str) -> None:
        """The CLI refuses to go on (exit 4) when the snapshot finds damage; here the user
        is told: a damaged vault in a window, anything else on the status line."""
        if vault is not self.vault:
            return  # locked meanwhile
        if damaged:
            plain.message_box(QMessageBox.Icon.Warning, self.tr("Vigil"), text, self).open()
        else:
            self.ctx.say(text)

    def _open_import_wizard(self) -> None:
        from app.ui.import_wizard import open_import_wizard  # loads the sheet readers

        open_import_wizard(self, self.ctx)

    def lock(self) -> None:
        vault = self.vault
        if vault is None:
            return
        from app.services import vault_access  # loaded with the vault

        self._idle_timer.stop()
        if self._exchange is not None:
            self._exchange.stop()
        exports = sys.modules.get("app.ui.pdf_export")
        if exports is not None:  # not loaded: no dossier or referral was ever started
            exports.abort_all(self)
        popup = QApplication.activePopupWidget()  # a context menu listing case names
        if popup is not None:
            popup.close()
        for dialog in self.findChildren(QDialog):  # nothing with case data outlives the lock
            if dialog.isVisible():
                dialog.reject()
        # The jobs still running are asked to stop and the vault is closed once they have,
        # in the pool: the window forgets everything now, without waiting for them.
        running = self.tasks.cancel_all()
        self.unlocker.closing = self.tasks.after(running, self.ctx.keep_drafts_then(
                                             lambda: vault_access.lock(vault)),
                                         lambda _r: self.vault_closed.emit(),
                                         self._close_failed)
        self.clipboard.clear()
        self.ctx.closed()  # results still on their way are dropped
        for screen in self._built.values():  # a screen not built yet holds nothing
            cast("Any", screen).clear()
        self.vault = None
        for action in self.vault_actions:
            action.setEnabled(False)
        self._show_pending(0)
        self.toolbar.hide()
        self.unlock_view.reset()
        self.set_vault_dir(self.vault_dir)
        self.pages.setCurrentIndex(0)
        self.vault_locked.emit()

    def _close_failed(self, _error: BaseException) -> None:
        self.statusBar().showMessage(self.tr("The vault was not closed cleanly: quit Vigil "
                                             "before opening it anywhere else."))

    def switch_vault(self, folder: Path) -> None:
        """Lock this vault and offer the unlock screen for another (a restored backup)."""
        self.lock()
        self.set_vault_dir(folder)
        self.statusBar().showMessage(self.tr("Unlock the restored vault with the passphrase "
                                             "it had when the backup was made."), 15_000)

    def _say_copied(self) -> None:
        """Feedback for a copy, never the text copied (a name on screen for anyone near)."""
        seconds = max(1, round(self.clipboard.clear_after_seconds()))
        self.statusBar().showMessage(self.tr(
            "Copied; it leaves the clipboard in %n second(s).", "", seconds), 5_000)

    def _show_pending(self, count: int) -> None:
        self._pending = count
        row = Screen.COLLEAGUES
        name = self.tr(Screen.COLLEAGUES.title)
        self.sidebar.item(row).setText(self.tr("{0} ({1} to review)").format(name, count)
                                       if count else name)

    def _log_ask_for_shown_case(self) -> None:
        if self.vault is not None:
            from app.ui.log_ask import log_ask

            shown = self.cases_screen.shown_case_id
            on_meetings = self.screens.currentIndex() == Screen.MEETINGS  # the meeting's cases
            log_ask(self.ctx, self, case_ids=self.meetings_screen.shown_case_ids() if on_meetings
                    else [shown] if shown else [])

    def _apply_preferences(self) -> None:
        if self._fixed_idle is None:
            self._idle_seconds = self.prefs.idle_minutes * 60
        if not self._fixed_clipboard:
            self.clipboard.set_clear_after(self.prefs.clipboard_seconds)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                            QEvent.Type.Wheel):
            self._last_activity = self._monotonic()
        return False

    def check_idle(self) -> None:
        if self.vault is not None and \
                self._monotonic() - self._last_activity >= self._idle_seconds:
            self.lock()

    def closeEvent(self, event) -> None:
        self.lock()
        # Quitting: the vault is closed before the process ends (a job may hold it).
        self.hide()
        self.tasks.wait(10_000)
        super().closeEvent(event)

    # -- screens -------------------------------------------------------------------------------
    @property
    def ctx(self) -> VaultContext:
        """What the screens share; made on first use (its module loads the storage layer)."""
        if self._ctx is None:
            from app.ui.context import VaultContext

            ctx = VaultContext(self.tasks, clock=self._clock, parent=self)
            ctx.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
            ctx.case_requested.connect(self.show_case)
            self._ctx = ctx
        return self._ctx

    @property
    def exchange(self) -> ExchangeWatcher:
        if self._exchange is None:
            from app.ui.exchange import ExchangeWatcher

            self._exchange = ExchangeWatcher(self.ctx, parent=self)
            self._exchange.pending_changed.connect(self._show_pending)
        return self._exchange

    def screen_widget(self, which: Screen) -> QWidget:
        """The screen ``which``, built the first time it is asked for, in place of its
        placeholder page (building every screen at unlock would slow it down)."""
        screen = self._built.get(which)
        if screen is None:
            screen = build_screen(self, which)
            self._built[which] = screen
            placeholder = self.screens.widget(which)
            assert placeholder is not None  # one page per screen, from the start
            current = self.screens.currentIndex()
            self.screens.insertWidget(which, screen)
            self.screens.removeWidget(placeholder)
            placeholder.deleteLater()
            self.screens.setCurrentIndex(current)
        return screen

    def built_screen(self, which: Screen) -> QWidget | None:
        """The screen ``which`` if it was built (nothing is built for asking)."""
        return self._built.get(which)

    def _screen_changed(self, row: int) -> None:
        if row < 0:
            self.screens.setCurrentIndex(row)
            return
        which = Screen(row)
        screen = self.screen_widget(which) if self.vault is not None else None
        self.screens.setCurrentIndex(row)
        if screen is not None and which is not Screen.CASES:
            cast("Any", screen).refresh()  # Cases reloads on every change, shown or not

    def show_screen(self, which: Screen) -> None:
        self.sidebar.setCurrentRow(which)

    def new_meeting_with(self, organisation_id: str, case_ids: list[str]) -> None:
        """"Prepare…": a new meeting with that organisation and those cases, on the Meetings
        screen, for the caseworker to date and save."""
        self.show_screen(Screen.MEETINGS)
        self.meetings_screen.new_meeting(organisation_id=organisation_id, case_ids=case_ids)

    def show_case(self, case_id: str, tab: CaseTab | None = None) -> None:
        """Open a case on the Cases screen (any screen may ask, through the context), on
        ``tab`` if one is given."""
        self.show_screen(Screen.CASES)
        self.cases_screen.open_case(case_id, tab)
