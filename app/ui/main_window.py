# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window: the unlock screen, then a sidebar of screens; lock on demand or idle.

The title is always "Vigil". Every read or write runs as a job with its own session; on
lock every model and view holding case data is cleared and the vault closed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.domain.enums import label
from app.errors import AuthenticationError, Cancelled, IntegrityError, VigilError
from app.services import attachments, dashboard, search
from app.services.asks import list_asks
from app.services.cases import CaseFilter, get_case, list_cases
from app.ui.clipboard import ClipboardGuard
from app.ui.tasks import TaskRunner
from app.ui.unlock import UnlockView
from app.ui.views.cases import CasesView
from app.ui.views.dashboard import DashboardView
from app.vault import backup
from app.vault.keychain import KeyStore
from app.vault.keyslots import KEYCHAIN, Keyslots
from app.vault.vault import KEYSLOTS, Vault

IDLE_LOCK_SECONDS = 5 * 60
SCREENS = ("Dashboard", "Cases", "Meetings", "Asks", "Officials & organisations", "Settings")


class MainWindow(QMainWindow):
    vault_unlocked = Signal()
    vault_locked = Signal()
    cases_shown = Signal()
    dashboard_shown = Signal()
    case_shown = Signal()
    cell_detail_shown = Signal()

    def __init__(self, vault_dir: Path, *, idle_seconds: float = IDLE_LOCK_SECONDS,
                 monotonic: Callable[[], float] = time.monotonic,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 keystore: KeyStore | None = None, clipboard: ClipboardGuard | None = None,
                 ) -> None:
        super().__init__()
        self._keystore = keystore
        self.clipboard = clipboard or ClipboardGuard(self)
        self.setWindowTitle(self.tr("Vigil"))
        self.vault_dir = vault_dir
        self.vault: Vault | None = None
        self.tasks = TaskRunner(self)
        self._clock = clock
        self._monotonic = monotonic
        self._idle_seconds = idle_seconds
        self._last_activity = monotonic()
        self._listed: CaseFilter | None = None

        self.unlock_view = UnlockView()
        self.unlock_view.unlock_requested.connect(self._unlock)
        self.unlock_view.keychain_unlock_requested.connect(self._unlock_with_keychain)
        self._refresh_keychain_button()
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("Screens"))
        self.sidebar.setFixedWidth(210)
        self.screens = QStackedWidget()
        self.dashboard_view = DashboardView()
        self.cases_view = CasesView()
        for name in SCREENS:
            self.sidebar.addItem(self.tr(name))
        self.screens.addWidget(self.dashboard_view)
        self.screens.addWidget(self.cases_view)
        for name in SCREENS[2:]:
            self.screens.addWidget(_not_yet(self.tr(name)))
        self.sidebar.currentRowChanged.connect(self.screens.setCurrentIndex)
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

        self.cases_view.filter_changed.connect(self.refresh_cases)
        self.cases_view.case_selected.connect(self._load_case)
        self.dashboard_view.count_clicked.connect(self._open_count)
        self.dashboard_view.cell_hovered.connect(self._load_cell_detail)
        self.dashboard_view.cell_clicked.connect(self._open_cell)
        self.cases_view.copy_requested.connect(self.clipboard.copy)
        self._idle_timer = QTimer(self, interval=5_000)
        self._idle_timer.timeout.connect(self.check_idle)
        QApplication.instance().installEventFilter(self)
        self.resize(1200, 760)

    # -- unlocking and locking --------------------------------------------------------------
    def _unlock(self, secret: str, recovery: bool) -> None:
        folder = self.vault_dir
        kwargs = {"recovery_key": secret} if recovery else {"passphrase": secret}
        self.tasks.run(lambda job: Vault.unlock(folder, daily_backup=False, clock=self._clock,
                                                **kwargs),
                       self._unlocked, self._unlock_failed)

    def _unlock_with_keychain(self) -> None:
        folder, keystore = self.vault_dir, self._keystore
        self.tasks.run(lambda job: Vault.unlock(folder, keystore=keystore, daily_backup=False,
                                                clock=self._clock),
                       self._unlocked, self._unlock_failed)

    def _refresh_keychain_button(self) -> None:
        try:
            remembered = Keyslots.load(self.vault_dir / KEYSLOTS).has(KEYCHAIN)
        except Exception:  # a damaged keyslots file is reported when unlocking
            remembered = False
        self.unlock_view.set_keychain_available(remembered)

    def unlock_with(self, passphrase: str) -> None:
        self.unlock_view.set_busy(True)
        self._unlock(passphrase, False)

    def open_vault(self, vault: Vault) -> None:
        """Show a vault opened elsewhere (the first-run wizard) as if unlocked here."""
        self._unlocked(vault)

    def _unlocked(self, vault: Vault) -> None:
        self.vault = vault
        self.unlock_view.reset()
        self.pages.setCurrentIndex(1)
        self.sidebar.setCurrentRow(0)
        self.lock_action.setEnabled(True)
        self.toolbar.show()
        self._last_activity = self._monotonic()
        self._idle_timer.start()
        self.tasks.run(lambda job: backup.take_daily(vault), lambda _r: None, lambda _e: None)
        self.refresh_dashboard()
        self.refresh_cases(self.cases_view.current_filter(), reload=True)
        self.vault_unlocked.emit()

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

    def lock(self) -> None:
        if self.vault is None:
            return
        self._idle_timer.stop()
        self.tasks.cancel_all()
        self.tasks.wait(10_000)
        self.clipboard.clear()
        self.cases_view.clear()
        self.dashboard_view.clear()
        self.vault.close()
        self.vault = None
        self._listed = None
        self.lock_action.setEnabled(False)
        self.toolbar.hide()
        self.unlock_view.reset()
        self._refresh_keychain_button()
        self.pages.setCurrentIndex(0)
        self.vault_locked.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                            QEvent.Type.Wheel):
            self._last_activity = self._monotonic()
        return False

    def check_idle(self) -> None:
        if self.vault is not None and \
                self._monotonic() - self._last_activity >= self._idle_seconds:
            self.lock()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.lock()
        super().closeEvent(event)

    # -- reading -------------------------------------------------------------------------------
    def refresh_cases(self, flt: CaseFilter, *, reload: bool = False) -> None:
        """The list for the filters, then the search over it: a keystroke in the search box
        only asks the index which cases match (milliseconds even at 10,000 cases)."""
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

            self.tasks.run(work, self._show_cases, self._read_failed)
            return

        def matches(job):
            with vault.session() as session:
                return search.matching_case_ids(session, flt.query)

        self.tasks.run(matches, self._show_matches, self._read_failed)

    def _show_cases(self, result) -> None:
        if self.vault is not None:
            self.cases_view.show_cases(*result)
            self.cases_shown.emit()

    def _show_matches(self, ids) -> None:
        if self.vault is not None:
            self.cases_view.show_only(ids)
            self.cases_shown.emit()

    def refresh_dashboard(self) -> None:
        vault = self.vault
        if vault is None:
            return

        def work(job):
            now = vault.clock()
            with vault.session() as session:
                return (dashboard.counts(session, now.date(), now),
                        dashboard.matrix(session, now.date()), now.date())

        self.tasks.run(work, self._show_dashboard, self._read_failed)

    def _show_dashboard(self, result) -> None:
        if self.vault is not None:
            self.dashboard_view.show_dashboard(*result)
            self.dashboard_shown.emit()

    def _load_case(self, case_id: str) -> None:
        vault = self.vault
        if vault is None:
            return

        def work(job):
            with vault.session() as session:
                case = get_case(session, case_id)
                ask_list = list_asks(session, case_id=case_id)
            return case, attachments.photo(vault, case_id), ask_list

        self.tasks.run(work, self._show_case, self._read_failed)

    def _show_case(self, result) -> None:
        if self.vault is not None:
            self.cases_view.show_case(*result)
            self.case_shown.emit()

    def _open_count(self, key: str) -> None:
        """A headline count opens the list it counts (those built so far)."""
        if key == "not_raised_90":
            self.cases_view.reset_filters()
            self.cases_view.set_not_raised_since(90)
            self.sidebar.setCurrentRow(1)
        elif key == "upcoming_meetings":
            self.sidebar.setCurrentRow(SCREENS.index("Meetings"))
        elif key == "follow_ups_overdue":
            self.sidebar.setCurrentRow(SCREENS.index("Asks"))
        else:  # past a legal time limit, anniversaries: their lists come later
            self.statusBar().showMessage(self.tr(
                "The list behind this count is not built yet."), 10_000)

    def _load_cell_detail(self, case_id: str, government_id: str) -> None:
        vault = self.vault
        if vault is None:
            return

        def work(job):
            with vault.session() as session:
                found = dashboard.last_asks(session, case_id, government_id)
            return case_id, government_id, found[0] if found else None

        self.tasks.run(work, self._show_cell_detail, self._read_failed)

    def _show_cell_detail(self, result) -> None:
        case_id, government_id, view = result
        if self.vault is None or view is None:
            return
        ask = view.ask
        text = self.tr("Last raised {0} by {1}").format(ask.date, view.raised_by or "?")
        if view.raised_with:
            text += self.tr(" with {0}").format(view.raised_with)
        text += "\n" + (self.tr("Response: {0}").format(label(ask.response))
                        if ask.response else self.tr("No response recorded"))
        if ask.response_text:
            text += "\n" + ask.response_text
        self.dashboard_view.set_cell_detail(case_id, government_id, text)
        self.cell_detail_shown.emit()

    def _open_cell(self, case_id: str, _government_id: str) -> None:
        """A matrix cell opens that case (its Asks tab); the Asks screen comes later."""
        self.sidebar.setCurrentRow(1)
        self.cases_view.select_case(case_id)
        self.cases_view.detail.tabs.setCurrentIndex(2)

    def _read_failed(self, error: BaseException) -> None:
        if self.vault is None or isinstance(error, Cancelled):  # locked meanwhile
            return
        self.statusBar().showMessage(str(error) if isinstance(error, VigilError) else
                                     self.tr("Something went wrong reading the vault."), 10_000)


def _not_yet(name: str) -> QLabel:
    label = QLabel(QLabel.tr("{0}: this screen is not built yet. Meanwhile the command line "
                             "does it: run 'vigil --help'.").format(name))
    label.setWordWrap(True)
    label.setMargin(24)
    return label
