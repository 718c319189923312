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

import importlib
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.errors import AuthenticationError, Cancelled, IntegrityError, VigilError
from app.ui import plain
from app.ui.clipboard import ClipboardGuard
from app.ui.navigation import CaseTab, Screen
from app.ui.preferences import Preferences
from app.ui.tasks import Job, TaskRunner
from app.ui.unlock import UnlockView, keychain_remembered

if TYPE_CHECKING:  # the modules behind the unlock screen load when first needed
    from app.services.vault_access import KdfParams, KeyStore, Vault
    from app.ui.context import VaultContext
    from app.ui.exchange import ExchangeWatcher
    from app.ui.views.asks import AsksScreen
    from app.ui.views.cases import CasesScreen
    from app.ui.views.colleagues import ColleaguesScreen
    from app.ui.views.dashboard import DashboardScreen
    from app.ui.views.directory import DirectoryScreen
    from app.ui.views.meetings import MeetingsScreen
    from app.ui.views.settings import SettingsScreen

# vault_access.KEYSLOTS (a test keeps them equal): importing that module loads SQLAlchemy
KEYSLOTS = "keyslots.json"
# What the unlocked window needs, loaded from the first keystroke of the passphrase (see
# ``_load_modules``); the vault first, which every other one loads.
UNLOCKED_MODULES = (
    "app.services.vault_access", "app.ui.context", "app.ui.exchange", "app.ui.views.dashboard",
    "app.ui.views.cases", "app.ui.views.meetings", "app.ui.views.asks", "app.ui.views.directory",
    "app.ui.views.colleagues", "app.ui.views.settings", "app.ui.views.travel_settings",
    "app.ui.views.case_lists", "app.ui.log_ask", "app.services.search",
)  # not the dossier renderer (reportlab): loaded when a dossier is first exported



class MainWindow(QMainWindow):
    vault_unlocked = Signal()
    vault_locked = Signal()
    vault_closed = Signal()  # after a lock, once the jobs still running stopped
    cases_shown = Signal()
    dashboard_shown = Signal()
    case_shown = Signal()
    cell_detail_shown = Signal()

    def __init__(self, vault_dir: Path, *, idle_seconds: float | None = None,
                 monotonic: Callable[[], float] = time.monotonic,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 keystore: KeyStore | None = None, clipboard: ClipboardGuard | None = None,
                 preferences: Preferences | None = None, kdf: KdfParams | None = None,
                 ) -> None:
        super().__init__()
        self._keystore = keystore
        self.prefs = preferences or Preferences()
        self._fixed_clipboard = clipboard is not None  # tests inject a fast one
        self.clipboard = clipboard or ClipboardGuard(self)
        self.setWindowTitle(self.tr("Vigil"))
        self.vault_dir = vault_dir
        self.vault: Vault | None = None
        self._closing: Job | None = None  # closes the vault locked last; unlock waits for it
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
        self._loading = False  # the modules behind the unlock screen (``_load_modules``)

        self.unlock_view = UnlockView()
        self.unlock_view.unlock_requested.connect(self._unlock)
        self.unlock_view.keychain_unlock_requested.connect(self._unlock_with_keychain)
        self.unlock_view.secret.textEdited.connect(lambda _text: self._load_modules())
        self._refresh_keychain_button()
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Screens"))
        self.sidebar.setFixedWidth(210)
        # One page per screen, an empty placeholder until the screen is built (``screen``)
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

        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)  # Ctrl+L works whatever has the focus
        self.lock_action.setEnabled(False)
        toolbar = self.addToolBar(self.tr("Vault"))
        toolbar.setObjectName("vaultToolbar")
        toolbar.addAction(self.lock_action)
        toolbar.setMovable(False)
        toolbar.hide()  # nothing to do there until the vault is open
        self.toolbar = toolbar
        self.lock_action.setToolTip(self.tr("Lock the vault now (Ctrl+L)"))

        self.log_ask_action = QAction(self.tr("Log ask…"), self)
        self.log_ask_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.log_ask_action.setToolTip(self.tr("Record that cases were raised (Ctrl+Shift+A)"))
        self.log_ask_action.triggered.connect(self._log_ask_for_shown_case)
        self.addAction(self.log_ask_action)
        self.log_ask_action.setEnabled(False)
        self.toolbar.addAction(self.log_ask_action)
        self.import_action = QAction(self.tr("Import…"), self)
        self.import_action.setToolTip(
            self.tr("Import cases from a spreadsheet or an interchange file"))
        self.import_action.triggered.connect(self._open_import_wizard)
        self.import_action.setEnabled(False)
        self.toolbar.addAction(self.import_action)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(quit_action)
        self._apply_preferences()
        self._idle_timer = QTimer(self, interval=5_000)
        self._idle_timer.timeout.connect(self.check_idle)
        app = QApplication.instance()
        assert app is not None  # a window needs the application
        app.installEventFilter(self)
        self.resize(1200, 760)

    # -- unlocking and locking --------------------------------------------------------------
    def _unlock(self, secret: str, recovery: bool) -> None:
        folder, closing = self.vault_dir, self._closing
        kwargs: dict[str, Any] = {"recovery_key": secret} if recovery else \
            {"passphrase": secret}

        def open_(_job: Job) -> Vault:
            from app.services import vault_access

            _once_closed(closing)
            return vault_access.unlock(folder, clock=self._clock, **kwargs)

        self._load_modules()
        self.tasks.run(open_, self._unlocked, self._unlock_failed)

    def _unlock_with_keychain(self) -> None:
        folder, keystore, closing = self.vault_dir, self._keystore, self._closing

        def open_(_job: Job) -> Vault:
            from app.services import vault_access

            _once_closed(closing)
            return vault_access.unlock(folder, keystore=keystore, clock=self._clock)

        self._load_modules()
        self.tasks.run(open_, self._unlocked, self._unlock_failed)

    def _load_modules(self) -> None:
        """Import what the unlocked window needs, in the background: from the first
        keystroke of the passphrase (the unlock screen alone stays light), or alongside the
        key derivation at the latest (it lets go of the GIL). Unlocking then only builds."""
        if self._loading or all(name in sys.modules for name in UNLOCKED_MODULES):
            return
        self._loading = True

        def load(_job: Job) -> None:
            for name in UNLOCKED_MODULES:
                importlib.import_module(name)

        # A failure here surfaces again, as the crash dialog, when the screen is built
        self.tasks.run(load, lambda _r: None, lambda _error: None)

    def _refresh_keychain_button(self) -> None:
        self.unlock_view.set_keychain_available(keychain_remembered(self.vault_dir / KEYSLOTS))

    def unlock_with(self, passphrase: str) -> None:
        self.unlock_view.set_busy(True)
        self._unlock(passphrase, False)

    def open_vault(self, vault: Vault) -> None:
        """Show a vault opened elsewhere (the first-run wizard) as if unlocked here."""
        self._unlocked(vault)

    def _unlocked(self, vault: Vault) -> None:
        from app.services import vault_access

        self.vault = vault
        self.ctx.opened(vault)
        self.unlock_view.reset()
        self.pages.setCurrentIndex(1)
        self.sidebar.setCurrentRow(Screen.DASHBOARD)
        self.lock_action.setEnabled(True)
        self.toolbar.show()
        self._last_activity = self._monotonic()
        self._idle_timer.start()
        self.log_ask_action.setEnabled(True)
        self.import_action.setEnabled(True)
        self.tasks.run(lambda job: vault_access.take_daily(vault), lambda _r: None,
                       lambda error: self._daily_backup_failed(vault, error))
        self.exchange.start()
        self.dashboard_screen.refresh()
        self.cases_screen.refresh()
        self.vault_unlocked.emit()

    def _daily_backup_failed(self, vault: Vault, error: BaseException) -> None:
        """The CLI refuses to go on (exit 4) when the snapshot finds damage; here the user
        is told: a damaged vault in a window, anything else on the status line."""
        if vault is not self.vault or isinstance(error, Cancelled):
            return  # locked meanwhile
        if isinstance(error, IntegrityError):
            box = plain.message_box(QMessageBox.Icon.Warning, self.tr("Vigil"), self.tr(
                "Today's automatic snapshot could not be made: this vault is damaged or was "
                "tampered with. Restore it from a backup (vigil restore), or ask for help."),
                self)
            box.open()
        elif isinstance(error, VigilError):
            self.ctx.say(self.tr("Today's automatic snapshot was not made: {0}").format(error))
        else:
            self.ctx.say(self.tr("Today's automatic snapshot was not made because of an "
                                 "internal error."))

    def _unlock_failed(self, error: BaseException) -> None:
        if isinstance(error, AuthenticationError):
            message = str(error)
        elif isinstance(error, IntegrityError):
            message = self.tr("This vault is damaged or was tampered with. Restore it from a "
                              "backup (vigil restore), or ask for help.")
        elif isinstance(error, VigilError):
            message = str(error)
        else:
            message = self.tr("Vigil could not open the vault because of an internal error.")
        self.unlock_view.failed(message)

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
        exports = sys.modules.get("app.ui.dossier_export")
        if exports is not None:  # not loaded: no export was ever started
            exports.abort_exports(self)
        popup = QApplication.activePopupWidget()  # a context menu listing case names
        if popup is not None:
            popup.close()
        for dialog in self.findChildren(QDialog):  # nothing with case data outlives the lock
            if dialog.isVisible():
                dialog.reject()
        # The jobs still running are asked to stop and the vault is closed once they have,
        # in the pool: the window forgets everything now, without waiting for them.
        running = self.tasks.cancel_all()
        self._closing = self.tasks.after(running, self.ctx.keep_drafts_then(
                                             lambda: vault_access.lock(vault)),
                                         lambda _r: self.vault_closed.emit(),
                                         self._close_failed)
        self.clipboard.clear()
        self.ctx.closed()  # results still on their way are dropped
        for screen in self._built.values():  # a screen not built yet holds nothing
            cast("Any", screen).clear()
        self.vault = None
        self.lock_action.setEnabled(False)
        self.log_ask_action.setEnabled(False)
        self.import_action.setEnabled(False)
        self._show_pending(0)
        self.toolbar.hide()
        self.unlock_view.reset()
        self._refresh_keychain_button()
        self.pages.setCurrentIndex(0)
        self.vault_locked.emit()

    def _close_failed(self, _error: BaseException) -> None:
        self.statusBar().showMessage(self.tr("The vault was not closed cleanly: quit Vigil "
                                             "before opening it anywhere else."))

    def switch_vault(self, folder: Path) -> None:
        """Lock this vault and offer the unlock screen for another (a restored backup)."""
        self.lock()
        self.vault_dir = Path(folder)
        self._refresh_keychain_button()
        self.statusBar().showMessage(self.tr("Unlock the restored vault with the passphrase "
                                             "it had when the backup was made."), 15_000)

    def _show_pending(self, count: int) -> None:
        row = Screen.COLLEAGUES
        name = self.tr(Screen.COLLEAGUES.title)
        self.sidebar.item(row).setText(self.tr("{0} ({1} to review)").format(name, count)
                                       if count else name)

    def _log_ask_for_shown_case(self) -> None:
        if self.vault is not None:
            from app.ui.log_ask import log_ask

            shown = self.cases_screen.shown_case_id
            log_ask(self.ctx, self, case_ids=[shown] if shown else [])

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
            screen = self._build(which)
            self._built[which] = screen
            placeholder = self.screens.widget(which)
            assert placeholder is not None  # one page per screen, from the start
            current = self.screens.currentIndex()
            self.screens.insertWidget(which, screen)
            self.screens.removeWidget(placeholder)
            placeholder.deleteLater()
            self.screens.setCurrentIndex(current)
        return screen

    @property
    def dashboard_screen(self) -> DashboardScreen:
        return cast("DashboardScreen", self.screen_widget(Screen.DASHBOARD))

    @property
    def cases_screen(self) -> CasesScreen:
        return cast("CasesScreen", self.screen_widget(Screen.CASES))

    @property
    def meetings_screen(self) -> MeetingsScreen:
        return cast("MeetingsScreen", self.screen_widget(Screen.MEETINGS))

    @property
    def asks_screen(self) -> AsksScreen:
        return cast("AsksScreen", self.screen_widget(Screen.ASKS))

    @property
    def directory_screen(self) -> DirectoryScreen:
        return cast("DirectoryScreen", self.screen_widget(Screen.DIRECTORY))

    @property
    def colleagues_screen(self) -> ColleaguesScreen:
        return cast("ColleaguesScreen", self.screen_widget(Screen.COLLEAGUES))

    @property
    def settings_screen(self) -> SettingsScreen:
        return cast("SettingsScreen", self.screen_widget(Screen.SETTINGS))

    def _build(self, which: Screen) -> QWidget:
        """Every screen is ``XScreen(ctx)``; the window only wires what crosses screens."""
        ctx = self.ctx
        if which is Screen.DASHBOARD:
            from app.ui.views.dashboard import DashboardScreen

            dashboard = DashboardScreen(ctx)
            dashboard.count_clicked.connect(self._open_count)
            dashboard.cell_clicked.connect(self._open_cell)
            dashboard.loaded.connect(self.dashboard_shown)
            dashboard.cell_detail_shown.connect(self.cell_detail_shown)
            return dashboard
        if which is Screen.CASES:
            from app.ui.views.cases import CasesScreen

            cases = CasesScreen(ctx)
            cases.cases_shown.connect(self.cases_shown)
            cases.case_shown.connect(self.case_shown)
            cases.copy_requested.connect(self.clipboard.copy)
            cases.export_dossier_requested.connect(self._export_dossier)
            cases.log_ask_requested.connect(self._log_ask)
            return cases
        if which is Screen.MEETINGS:
            from app.ui.views.meetings import MeetingsScreen

            return MeetingsScreen(ctx)
        if which is Screen.ASKS:
            from app.ui.views.asks import AsksScreen

            return AsksScreen(ctx)
        if which is Screen.DIRECTORY:
            from app.ui.views.directory import DirectoryScreen

            return DirectoryScreen(ctx)
        if which is Screen.COLLEAGUES:
            from app.ui.views.colleagues import ColleaguesScreen

            colleagues = ColleaguesScreen(ctx, watcher=self.exchange)
            colleagues.said.connect(ctx.say)
            return colleagues
        from app.ui.views.settings import SettingsScreen

        settings = SettingsScreen(ctx, self.prefs, keystore=self._keystore, kdf=self._kdf)
        settings.preferences_changed.connect(self._apply_preferences)
        settings.open_other_vault.connect(self.switch_vault)
        return settings

    def _export_dossier(self, case_ids: list[str]) -> None:
        from app.ui.dossier_export import export_dossier

        export_dossier(self.ctx, self, case_ids=case_ids)

    def _log_ask(self, case_ids: list[str]) -> None:
        from app.ui.log_ask import log_ask

        log_ask(self.ctx, self, case_ids=case_ids)

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

    def show_case(self, case_id: str, tab: CaseTab | None = None) -> None:
        """Open a case on the Cases screen (any screen may ask, through the context), on
        ``tab`` if one is given."""
        self.show_screen(Screen.CASES)
        self.cases_screen.open_case(case_id, tab)

    # -- from the dashboard --------------------------------------------------------------------
    def _open_count(self, key: str) -> None:
        """A headline count opens the list it counts."""
        if key == "not_raised_90":
            self.cases_screen.reset_filters()
            self.cases_screen.set_not_raised_since(90)
            self.show_screen(Screen.CASES)
        elif key == "upcoming_meetings":
            self.show_screen(Screen.MEETINGS)
        elif key == "follow_ups_overdue":
            self.show_screen(Screen.ASKS)
            self.asks_screen.show_overdue()
        elif key in ("past_time_limit", "anniversaries_this_month"):
            from app.services import dashboard

            def query(session):
                today = self.ctx.today()
                if key == "past_time_limit":
                    return dashboard.time_limit_breaches(session, today)
                return dashboard.anniversaries(session, today, dashboard.days_left_in_month(today))

            self.ctx.read(query, lambda found: self._show_case_list(key, found))

    def _show_case_list(self, key: str, found) -> None:
        from app.ui.views.case_lists import anniversaries_dialog, time_limit_dialog

        make = time_limit_dialog if key == "past_time_limit" else anniversaries_dialog
        dialog = make(found, self)
        dialog.case_requested.connect(self.show_case)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.vault_locked.connect(dialog.reject)
        self.case_list = dialog
        dialog.open()

    def _open_cell(self, case_id: str, _government_id: str) -> None:
        """A matrix cell opens that case on its Asks tab."""
        self.show_case(case_id, CaseTab.ASKS)


def _once_closed(closing: Job | None) -> None:
    """In an unlock job: wait until the vault locked last is closed (it holds the lock file
    until then). The closing job was queued first, so it is running or done."""
    if closing is not None:
        closing.wait_ended()
