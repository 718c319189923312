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
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import AuthenticationError, Cancelled, IntegrityError, VigilError
from app.ui import plain
from app.ui.clipboard import ClipboardGuard
from app.ui.plain import PlainLabel
from app.ui.preferences import Preferences
from app.ui.tasks import Job, TaskRunner
from app.ui.unlock import UnlockView, keychain_remembered

if TYPE_CHECKING:  # the modules behind the unlock screen load when first needed
    from app.services.cases import CaseFilter
    from app.ui.context import VaultContext
    from app.ui.exchange import ExchangeWatcher
    from app.ui.views.asks import AsksScreen
    from app.ui.views.cases import CasesView
    from app.ui.views.colleagues import ColleaguesScreen
    from app.ui.views.dashboard import DashboardView
    from app.ui.views.directory import DirectoryScreen
    from app.ui.views.meetings import MeetingsScreen
    from app.ui.views.settings import SettingsScreen
    from app.ui.views.travel_settings import TravelGroup
    from app.vault.keychain import KeyStore
    from app.vault.keyslots import KdfParams
    from app.vault.vault import Vault

# app.vault.vault.KEYSLOTS (a test keeps them equal): importing that module loads SQLAlchemy
KEYSLOTS = "keyslots.json"
# What the unlocked window needs, loaded from the first keystroke of the passphrase (see
# ``_load_modules``); the vault first, which every other one loads.
UNLOCKED_MODULES = (
    "app.vault.vault", "app.ui.context", "app.ui.exchange", "app.ui.views.dashboard",
    "app.ui.views.cases", "app.ui.views.meetings", "app.ui.views.asks", "app.ui.views.directory",
    "app.ui.views.colleagues", "app.ui.views.settings", "app.ui.views.travel_settings",
    "app.ui.views.case_lists", "app.ui.log_ask", "app.services.search",
)  # not the dossier renderer (reportlab): loaded when a dossier is first exported

# QT_TRANSLATE_NOOP returns its text unchanged (its stub says object)
SCREENS: tuple[str, ...] = cast("tuple[str, ...]", (
    QT_TRANSLATE_NOOP("MainWindow", "Dashboard"),
    QT_TRANSLATE_NOOP("MainWindow", "Cases"),
    QT_TRANSLATE_NOOP("MainWindow", "Meetings"),
    QT_TRANSLATE_NOOP("MainWindow", "Asks"),
    QT_TRANSLATE_NOOP("MainWindow", "Officials & organisations"),
    QT_TRANSLATE_NOOP("MainWindow", "Colleagues"),
    QT_TRANSLATE_NOOP("MainWindow", "Settings"),
))


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
        self._listed: CaseFilter | None = None
        self._kdf = kdf
        self._ctx: VaultContext | None = None
        self._exchange: ExchangeWatcher | None = None
        self._built: dict[str, QWidget] = {}  # the screens built so far, by name
        self._travel_group: TravelGroup | None = None
        self._loading = False  # the modules behind the unlock screen (``_load_modules``)

        self.unlock_view = UnlockView()
        self.unlock_view.unlock_requested.connect(self._unlock)
        self.unlock_view.keychain_unlock_requested.connect(self._unlock_with_keychain)
        self.unlock_view.secret.textEdited.connect(lambda _text: self._load_modules())
        self._refresh_keychain_button()
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Screens"))
        self.sidebar.setFixedWidth(210)
        # One page per screen, an empty placeholder until the screen is built (``_screen``)
        self.screens = QStackedWidget()
        for name in SCREENS:
            self.sidebar.addItem(self.tr(name))
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
            from app.vault.vault import Vault

            _once_closed(closing)
            return Vault.unlock(folder, daily_backup=False, clock=self._clock, **kwargs)

        self._load_modules()
        self.tasks.run(open_, self._unlocked, self._unlock_failed)

    def _unlock_with_keychain(self) -> None:
        folder, keystore, closing = self.vault_dir, self._keystore, self._closing

        def open_(_job: Job) -> Vault:
            from app.vault.vault import Vault

            _once_closed(closing)
            return Vault.unlock(folder, keystore=keystore, daily_backup=False,
                                clock=self._clock)

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
        from app.vault import backup

        self.vault = vault
        self.ctx.opened(vault)
        self.unlock_view.reset()
        self.pages.setCurrentIndex(1)
        self.sidebar.setCurrentRow(0)
        self.lock_action.setEnabled(True)
        self.toolbar.show()
        self._last_activity = self._monotonic()
        self._idle_timer.start()
        self.log_ask_action.setEnabled(True)
        self.import_action.setEnabled(True)
        self.tasks.run(lambda job: backup.take_daily(vault), lambda _r: None,
                       lambda error: self._daily_backup_failed(vault, error))
        self.exchange.start()
        self.dashboard_view.refresh()
        self.refresh_cases(self.cases_view.current_filter(), reload=True)
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
        if self.vault is None:
            return
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
        self._closing = self.tasks.after(running, self.ctx.keep_drafts_then(self.vault.close),
                                         lambda _r: self.vault_closed.emit(),
                                         self._close_failed)
        self.clipboard.clear()
        self.ctx.closed()  # results still on their way are dropped
        for screen in self._built.values():  # a screen not built yet holds nothing
            cast("Any", screen).clear()
        if self._travel_group is not None:
            self._travel_group.clear()
        self.vault = None
        self._listed = None
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

    def _exchange_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Sharing with colleagues"))
        self.exchange_folder = PlainLabel(self.tr("No exchange folder is set."))
        self.exchange_folder.setWordWrap(True)
        choose = QPushButton(self.tr("Choose exchange folder…"))
        choose.clicked.connect(self._choose_exchange_folder)
        note = PlainLabel(self.tr("A folder your sync tool (Syncthing, Nextcloud, a shared drive) "
                                   "keeps in step with colleagues. Vigil writes bundles there and "
                                   "picks up the ones addressed to you."))
        note.setWordWrap(True)
        box = QVBoxLayout(group)
        box.addWidget(note)
        box.addWidget(self.exchange_folder)
        box.addWidget(choose, 0, Qt.AlignmentFlag.AlignLeft)
        return group

    def _choose_exchange_folder(self) -> None:
        from app.ui.exchange import choose_exchange_folder

        choose_exchange_folder(self.ctx, self, on_done=self._load_exchange_folder)

    def _load_exchange_folder(self) -> None:
        from app.ui.exchange import exchange_folder_text

        # a network folder can hang: looked at in the background
        self.ctx.run(lambda vault, _job: exchange_folder_text(vault),
                     self.exchange_folder.setText)

    def _show_pending(self, count: int) -> None:
        row = SCREENS.index("Colleagues")
        name = self.tr("Colleagues")
        self.sidebar.item(row).setText(self.tr("{0} ({1} to review)").format(name, count)
                                       if count else name)

    def _log_ask_for_shown_case(self) -> None:
        if self.vault is not None:
            from app.ui.log_ask import log_ask

            shown = self.cases_view.shown_case_id
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
            ctx.changed.connect(self._vault_changed)
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

    def _screen(self, name: str) -> QWidget:
        """The screen called ``name`` (one of SCREENS), built the first time it is asked
        for, in place of its placeholder page."""
        screen = self._built.get(name)
        if screen is None:
            screen = getattr(self, "_build_" + _ATTRIBUTES[name])()
            self._built[name] = screen
            row = SCREENS.index(name)
            placeholder = self.screens.widget(row)
            assert placeholder is not None  # one page per screen, from the start
            current = self.screens.currentIndex()
            self.screens.insertWidget(row, screen)
            self.screens.removeWidget(placeholder)
            placeholder.deleteLater()
            self.screens.setCurrentIndex(current)
        return screen

    @property
    def dashboard_view(self) -> DashboardView:
        return cast("DashboardView", self._screen("Dashboard"))

    @property
    def cases_view(self) -> CasesView:
        return cast("CasesView", self._screen("Cases"))

    @property
    def meetings_view(self) -> MeetingsScreen:
        return cast("MeetingsScreen", self._screen("Meetings"))

    @property
    def asks_view(self) -> AsksScreen:
        return cast("AsksScreen", self._screen("Asks"))

    @property
    def directory_view(self) -> DirectoryScreen:
        return cast("DirectoryScreen", self._screen("Officials & organisations"))

    @property
    def colleagues_view(self) -> ColleaguesScreen:
        return cast("ColleaguesScreen", self._screen("Colleagues"))

    @property
    def settings_view(self) -> SettingsScreen:
        return cast("SettingsScreen", self._screen("Settings"))

    @property
    def travel_group(self) -> TravelGroup:
        self._screen("Settings")
        assert self._travel_group is not None  # built with the Settings screen
        return self._travel_group

    @property
    def own_screens(self) -> dict[str, Any]:
        """Every screen that loads itself through the context (all but Cases), each with
        refresh() and clear(): refreshed when shown, cleared on lock."""
        return {name: self._screen(name) for name in SCREENS if name != "Cases"}

    def _build_dashboard_view(self) -> QWidget:
        from app.ui.views.dashboard import DashboardView

        view = DashboardView(self.ctx)
        view.count_clicked.connect(self._open_count)
        view.cell_clicked.connect(self._open_cell)
        view.loaded.connect(self.dashboard_shown)
        view.cell_detail_shown.connect(self.cell_detail_shown)
        return view

    def _build_cases_view(self) -> QWidget:
        """Cases is driven from here (its list and search paths are tuned)."""
        from app.ui.log_ask import log_ask
        from app.ui.views.cases import CasesView

        view = CasesView()
        view.set_context(self.ctx)
        view.filter_changed.connect(self.refresh_cases)
        view.case_selected.connect(self._load_case)
        view.copy_requested.connect(self.clipboard.copy)
        view.export_dossier_requested.connect(self._export_dossier)
        view.log_ask_requested.connect(lambda ids: log_ask(self.ctx, self, case_ids=ids))
        return view

    def _export_dossier(self, case_ids: list[str]) -> None:
        from app.ui.dossier_export import export_dossier

        export_dossier(self.ctx, self, case_ids=case_ids)

    def _build_meetings_view(self) -> QWidget:
        from app.ui.views.meetings import MeetingsScreen

        return MeetingsScreen(self.ctx)

    def _build_asks_view(self) -> QWidget:
        from app.ui.views.asks import AsksScreen

        return AsksScreen(self.ctx)

    def _build_directory_view(self) -> QWidget:
        from app.ui.views.directory import DirectoryScreen

        return DirectoryScreen(self.ctx)

    def _build_colleagues_view(self) -> QWidget:
        from app.ui.views.colleagues import ColleaguesScreen

        view = ColleaguesScreen(self.ctx, watcher=self.exchange)
        view.said.connect(self.ctx.say)
        return view

    def _build_settings_view(self) -> QWidget:
        from app.ui.views.settings import SettingsScreen
        from app.ui.views.travel_settings import TravelGroup

        view = SettingsScreen(self.ctx, self.prefs, keystore=self._keystore, kdf=self._kdf)
        view.add_group(self._exchange_group())
        view.loaded.connect(self._load_exchange_folder)
        self._travel_group = TravelGroup(self.ctx, keystore=self._keystore)
        view.add_group(self._travel_group)
        view.preferences_changed.connect(self._apply_preferences)
        view.open_other_vault.connect(self.switch_vault)
        return view

    def _screen_changed(self, row: int) -> None:
        if row < 0:
            self.screens.setCurrentIndex(row)
            return
        name = SCREENS[row]
        screen = self._screen(name) if self.vault is not None else None
        self.screens.setCurrentIndex(row)
        if screen is not None and name != "Cases":
            cast("Any", screen).refresh()

    def _vault_changed(self, kind: str) -> None:
        """A screen wrote something: the Cases screen reloads what shows that kind of
        record (the screens of ``own_screens`` watch for themselves, each through its
        ``Refresher``)."""
        from app.ui.context import ASKS, ATTACHMENTS, CASES, DIRECTORY

        if kind in (CASES, ASKS, DIRECTORY):
            self.refresh_cases(self.cases_view.current_filter(), reload=True)
        shown = self.cases_view.shown_case_id
        if shown and kind in (CASES, ASKS, ATTACHMENTS, DIRECTORY):
            self._load_case(shown)

    def show_case(self, case_id: str) -> None:
        """Open a case on the Cases screen (any screen may ask, through the context)."""
        self.sidebar.setCurrentRow(SCREENS.index("Cases"))
        self.cases_view.open_case(case_id)

    # -- reading -------------------------------------------------------------------------------
    def refresh_cases(self, flt: CaseFilter, *, reload: bool = False) -> None:
        """The list for the filters, then the search over it: a keystroke in the search box
        only asks the index which cases match (milliseconds even at 10,000 cases)."""
        from app.services import search
        from app.services.cases import list_cases

        vault = self.vault
        if vault is None:
            return
        base = replace(flt, query="")
        if reload or base != self._listed:
            self._listed = base

            def work(job):
                with vault.session() as session:
                    return (list_cases(session, vault.clock().date(), base),
                            search.matching_case_ids(session, flt.query))

            self.ctx.run(lambda _vault, job: work(job), self._show_cases)
            return

        def matches(job):
            with vault.session() as session:
                return search.matching_case_ids(session, flt.query)

        self.ctx.run(lambda _vault, job: matches(job), self._show_matches)

    def _show_cases(self, result) -> None:
        if self.vault is not None:
            self.cases_view.show_cases(*result)
            self.cases_shown.emit()

    def _show_matches(self, ids) -> None:
        if self.vault is not None:
            self.cases_view.show_only(ids)
            self.cases_shown.emit()

    def _load_case(self, case_id: str) -> None:
        vault = self.vault
        if vault is None:
            return

        from app.services import attachments
        from app.services.asks import list_asks
        from app.services.cases import get_case

        def work(job):
            with vault.session() as session:
                case = get_case(session, case_id)
                ask_list = list_asks(session, case_id=case_id)
            return case, attachments.photo(vault, case_id), ask_list

        self.ctx.run(lambda _vault, job: work(job), self._show_case)

    def _show_case(self, result) -> None:
        if self.vault is not None:
            self.cases_view.show_case(*result)
            self.case_shown.emit()

    def _open_count(self, key: str) -> None:
        """A headline count opens the list it counts."""
        if key == "not_raised_90":
            self.cases_view.reset_filters()
            self.cases_view.set_not_raised_since(90)
            self.sidebar.setCurrentRow(SCREENS.index("Cases"))
        elif key == "upcoming_meetings":
            self.sidebar.setCurrentRow(SCREENS.index("Meetings"))
        elif key == "follow_ups_overdue":
            self.sidebar.setCurrentRow(SCREENS.index("Asks"))
            self.asks_view.show_overdue()
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
        self.show_case(case_id)
        self.cases_view.detail.tabs.setCurrentIndex(2)


_ATTRIBUTES = dict(zip(SCREENS, ("dashboard_view", "cases_view", "meetings_view", "asks_view",
                                 "directory_view", "colleagues_view", "settings_view"),
                       strict=True))


def _once_closed(closing: Job | None) -> None:
    """In an unlock job: wait until the vault locked last is closed (it holds the lock file
    until then). The closing job was queued first, so it is running or done."""
    if closing is not None:
        closing.wait_ended()
