# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Cases screen: one search box, filters, the list, and the selected case, which can be
edited here (profile, timeline, sources, attachments).

The screen loads itself through its VaultContext: the list for the filters, then the search
over it (a keystroke only asks the index which cases match), and the selected case. It shows
plain data from the services, never a session or an ORM row; two ``Refresher``s (the list,
the open case) drop a result that lands after a newer request was made, or after the lock.
Every save is one ``ctx.write`` that emits ``changed(CASES)``; a change of what the list or
the case shows reloads them, even while the screen is hidden.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.model import Case
from app.services import erasure, vault_access
from app.services.asks import AskView
from app.services.cases import CaseFilter, delete_case, new_id
from app.ui import fit, unsaved
from app.ui.context import ASKS, ATTACHMENTS, CASES, DIRECTORY, Refresher, VaultContext
from app.ui.navigation import CaseTab
from app.ui.plain import PlainLabel
from app.ui.screens.cases import editor as case_editor
from app.ui.screens.cases.detail import CaseDetail
from app.ui.screens.cases.drafts import DraftOffer
from app.ui.screens.cases.filters import CaseFilters
from app.ui.screens.cases.models import CaseTableModel
from app.ui.table_model import table_view
from app.ui.tasks import Job

# Each column's width in average characters (name, original script, status, days detained,
# last raised, consent, priority): set once, since measuring 10,000 rows' text on every
# refresh took 300 ms on the UI thread. Wider text is elided in the middle, whole on hover.
COLUMN_CHARACTERS = (24, 14, 24, 8, 11, 13, 7)


class CasesScreen(QWidget):
    filter_changed = Signal(object)  # CaseFilter
    case_selected = Signal(str)
    cases_shown = Signal()  # the list (or the search over it) is in
    case_shown = Signal()  # the selected case is in
    copy_requested = Signal(str)  # text for the clipboard guard
    export_dossier_requested = Signal(list)  # selected case ids
    log_ask_requested = Signal(list)  # selected case ids
    drafts_checked = Signal(bool)  # after unlock: whether edits kept at lock were offered

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._listed: CaseFilter | None = None  # the filters the list was last loaded for
        self._list_pending = False  # a list load is under way: a search waits for its rows
        self.freshness = Refresher(ctx, self, (CASES, ASKS, DIRECTORY), self._read_list,
                                   eager=True)  # current while hidden, as the window uses it
        self.case_freshness = Refresher(ctx, self, (CASES, ASKS, ATTACHMENTS, DIRECTORY),
                                        self._read_case, eager=True)
        self.filters = CaseFilters(self)
        f = self.filters
        self.search, self.status, self.stale, self.nationality, self.tag = (
            f.search, f.status, f.stale, f.nationality, f.tag)
        self._build_list()
        self.detail = CaseDetail()
        self._moving_selection = False
        self.detail.delete_requested.connect(self.delete_case)
        self.detail.case_saved.connect(self._saved)
        self._shown_id: str | None = None
        self._build_layout()
        self.filters.changed.connect(self._emit_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()
        self.filter_changed.connect(self.refresh_cases)
        self.case_selected.connect(self.load_case)
        self.export_dossier_requested.connect(self._export_dossier)
        self.log_ask_requested.connect(self._log_ask)
        self.detail.set_context(ctx)
        self.kept = DraftOffer(ctx, self, self.detail)
        self.kept.checked.connect(self.drafts_checked)

    def _build_list(self) -> None:
        """The case list, its actions and what shows when nothing matches."""
        self.model = CaseTableModel(self)
        self.table = table_view(self.model, self.tr("Cases"), many=True)
        header, average = self.table.horizontalHeader(), self.fontMetrics().averageCharWidth()
        for column, characters in enumerate(COLUMN_CHARACTERS):
            header.resizeSection(column, max(characters * average,
                                             header.sectionSizeFromContents(column).width()))
        self.copy_action = self._action(self.tr("Copy name"), self.copy_current_name,
                                        QKeySequence.StandardKey.Copy, self.table)
        self.new_action = self._action(self.tr("New case"), self.new_case, None, self)
        self.edit_action = self._action(self.tr("Edit case"), lambda: self.detail.edit(),
                                        QKeySequence("Ctrl+E"), self)
        self.save_action = self._action(self.tr("Save case"), lambda: self.detail.save(),
                                        QKeySequence("Ctrl+S"), self)
        self.delete_action = self._action(self.tr("Delete case…"), self.delete_case,
                                          QKeySequence(Qt.Key.Key_Delete), self.table)
        self.export_action = self._action(self.tr("Export dossier…"), lambda: self._ask_for(
            self.export_dossier_requested), None, self.table)
        self.log_ask_action = self._action(self.tr("Log ask…"), lambda: self._ask_for(
            self.log_ask_requested), None, self.table)
        self.table.insertAction(self.copy_action, self.new_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.empty = PlainLabel(self.tr("No cases match. Clear the search or the filters, add a "
                                         "case with New case (Ctrl+N), or import a spreadsheet "
                                         "(File → Import…)."))
        self.empty.setWordWrap(True)
        self.empty.hide()

    def _build_layout(self) -> None:
        """Search, filters (two rows: narrow enough for 1280 beside the case), the list."""
        filters = QGridLayout()
        fit.narrow_combos(self.filters.combos, 9)
        for n, widget in enumerate(self.filters.combos):
            filters.addWidget(widget, n // 3, n % 3)
        more = QHBoxLayout()
        for action in (self.new_action, self.export_action, self.log_ask_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            more.addWidget(button)
        more.addStretch(1)
        more.addWidget(self.nationality)
        more.addWidget(self.tag)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addLayout(more)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)  # the case keeps the width its tabs need
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 600])
        QVBoxLayout(self).addWidget(splitter)

    def _action(self, text: str, slot, keys, owner: QWidget) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if owner is self.table
                                      else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        owner.addAction(action)
        return action

    @property
    def draft_offer(self) -> QMessageBox | None:
        """The offer to restore or discard edits kept at lock, while it is open."""
        return self.kept.box

    @property
    def shown_case_id(self) -> str | None:
        """The case in the detail pane (None when none, or a new case not yet saved)."""
        detail = self.detail
        return None if detail.case is None or detail.is_new else detail.case.id

    # -- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list for the filters shown (after unlock, or when asked)."""
        self.refresh_cases(self.current_filter(), reload=True)

    def refresh_cases(self, flt: CaseFilter, *, reload: bool = False) -> None:
        """The list for the filters, then the search over it: a keystroke in the search box
        only asks the index which cases match, as search keys, and the model keeps the
        listed rows whose key is among them (milliseconds even at 10,000 cases)."""
        self.freshness.restart(lambda: self._read_list(flt, reload=reload))

    def _read_list(self, flt: CaseFilter | None = None, *, reload: bool = True) -> Job | None:
        from app.services import search
        from app.services.cases import list_cases

        flt = self.current_filter() if flt is None else flt
        base = replace(flt, query="")
        if reload or base != self._listed or self._list_pending:
            self._listed, self._list_pending = base, True

            def work(vault, _job):
                with vault_access.session(vault) as session:
                    cases = list_cases(session, vault.clock().date(), base)
                    return (cases, search.keys_of(c.id for c in cases),
                            search.matching_keys(session, flt.query))

            return self.ctx.run(work, self.freshness.done(self._show_list),
                                on_failed=self.freshness.failed())
        return self.ctx.read(lambda session: search.matching_keys(session, flt.query),
                             self.freshness.done(self._show_matches),
                             on_failed=self.freshness.failed())

    def _show_list(self, result) -> None:
        self._list_pending = False
        self.show_cases(*result)
        self.cases_shown.emit()

    def _show_matches(self, keys) -> None:
        self.show_only(keys)
        self.cases_shown.emit()

    def load_case(self, case_id: str) -> None:
        """Load a case for the detail pane; the answer for a case asked for before is dropped."""
        self.case_freshness.restart(lambda: self._read_case(case_id))

    def _read_case(self, case_id: str | None = None) -> Job | None:
        """The case (else the one shown, reloaded after a change) with its photo and asks."""
        from app.services import attachments
        from app.services.asks import list_asks
        from app.services.cases import get_case

        shown = case_id or self.shown_case_id
        if shown is None:
            return None

        def work(vault, _job):
            with vault_access.session(vault) as session:
                case = get_case(session, shown)
                ask_list = list_asks(session, case_id=shown)
            return case, attachments.photo(vault, shown), ask_list

        return self.ctx.run(work, self.case_freshness.done(self._case_loaded),
                            on_failed=self.case_freshness.failed())

    def _case_loaded(self, result) -> None:
        self.show_case(*result)
        self.case_shown.emit()

    def current_filter(self) -> CaseFilter:
        return self.filters.current()

    def set_not_raised_since(self, days: int | None) -> None:
        self.filters.set_not_raised_since(days)

    def reset_filters(self) -> None:
        self.filters.reset()

    def _emit_filter(self) -> None:
        self.filter_changed.emit(self.current_filter())

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid() or self._moving_selection:
            return
        case_id = self.model.case_at(current.row()).id
        if case_id == self._shown_id:
            return
        if not self._leave_edits(lambda: self.select_case(case_id)):
            QTimer.singleShot(0, self._reselect_shown)
            return
        self._shown_id = case_id
        self.case_selected.emit(case_id)

    def _leave_edits(self, then) -> bool:
        """Whether the detail may show something else: no unsaved edits, or the user
        discards them (reverted); Save saves them and runs ``then`` once they are in."""
        if self.detail.has_unsaved_changes() and not unsaved.settle(
                self, self.tr("This case has changes that are not saved."),
                save=self.detail.save, saved=self.detail.case_saved,
                failed=self.detail.save_failed, then=then):
            return False
        self.detail.revert()
        return True

    def _reselect_shown(self) -> None:
        row = self.model.row_of(self._shown_id) if self._shown_id else None
        self._moving_selection = True  # moving back is not a request to open a case
        try:
            self.table.clearSelection()
            if row is not None:
                self.table.selectRow(row)
        finally:
            self._moving_selection = False

    def selected_ids(self) -> list[str]:
        return self.model.ids_of(i.row() for i in self.table.selectionModel().selectedRows())

    def _ask_for(self, signal) -> None:
        ids = self.selected_ids()
        if ids:
            signal.emit(ids)

    def _update_actions(self, *_args) -> None:
        some = bool(self.table.selectionModel().selectedRows())
        self.export_action.setEnabled(some)
        self.log_ask_action.setEnabled(some)

    def copy_current_name(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            case = self.model.case_at(index.row())
            self.copy_requested.emit(case.name_original if index.column() == 1 and
                                     case.name_original else case.display_name)

    def show_cases(self, cases, keys: list[int], matches: set[int] | None = None) -> None:
        """The filters' list, its search keys, and the keys the search matches (None: all)."""
        self.model.set_cases(cases, keys, matches)
        self.filters.learn(cases)
        self._keep_selection()
        self._update_empty()

    def show_only(self, matches: set[int] | None) -> None:
        self.model.show_only(matches)
        self._keep_selection()
        self._update_empty()

    def _keep_selection(self) -> None:
        """After the list changes, keep the shown case selected, or clear it if it left
        (but never throw away a case being edited)."""
        row = self.model.row_of(self._shown_id) if self._shown_id else None
        if row is None:  # (an empty detail pane is left alone: a keystroke costs no clear)
            if not self.detail.editing and (self._shown_id or self.detail.case is not None):
                self._shown_id = None
                self.detail.clear()
        elif not self.table.selectionModel().isRowSelected(row):
            self.table.selectRow(row)
        self._update_actions()

    def _update_empty(self) -> None:
        shown = self.model.rowCount() > 0
        self.empty.setVisible(not shown)
        self.table.setVisible(shown)

    def show_case(self, case: Case, photo: bytes | None, asks: list[AskView] = (),
                  days_detained: int | None = None) -> None:
        if self._shown_id is not None and case.id != self._shown_id:
            return  # a late answer for a row the user has left (or a new case begun)
        self._shown_id = case.id
        if days_detained is None:
            summary = self.model.summary(case.id)
            days_detained = summary.days_detained if summary else None
        self.detail.show_case(case, photo, asks, days_detained)
        self.kept.restored(case.id)

    def select_case(self, case_id: str) -> None:
        row = self.model.row_of(case_id)
        if row is not None:
            self.table.selectRow(row)

    def open_case(self, case_id: str, tab: CaseTab | None = None) -> None:
        """Show a case another screen asked for: its row when the list shows it, else the
        case alone in the detail pane (the filters stay as the user set them); on ``tab``
        if one is given."""
        self._open_case(case_id)
        if tab is not None:
            self.detail.tabs.setCurrentIndex(tab)

    def _open_case(self, case_id: str) -> None:
        if self.kept.restoring is not None and self.kept.restoring.new and \
                self.kept.restoring.record_id == case_id:
            if self._leave_edits(lambda: self._open_case(case_id)):  # kept at lock, listed nowhere
                self._shown_id = case_id
                self._reselect_shown()
                self.kept.restored(case_id)
            return
        if case_id == self._shown_id:
            self.case_selected.emit(case_id)  # fresh data for what is already shown
            return
        if self.model.row_of(case_id) is not None:
            self.select_case(case_id)  # the row change asks first, then loads
            return
        if not self._leave_edits(lambda: self._open_case(case_id)):
            return
        self._moving_selection = True
        try:
            self.table.clearSelection()
        finally:
            self._moving_selection = False
        self._shown_id = case_id
        self.case_selected.emit(case_id)

    def _export_dossier(self, case_ids: list[str]) -> None:
        from app.ui.dossier_export import export_dossier  # loads the dossier renderer

        export_dossier(self.ctx, self, case_ids=case_ids)

    def _log_ask(self, case_ids: list[str]) -> None:
        from app.ui.log_ask import log_ask

        log_ask(self.ctx, self, case_ids=case_ids)

    # -- creating and deleting -----------------------------------------------------------------
    def new_case(self) -> None:
        if self.ctx.vault is None:
            return
        if not self._leave_edits(self.new_case):
            return
        case = Case(id=new_id(), display_name="")
        self._shown_id = case.id
        self._reselect_shown()  # nothing selected: the new case is not in the list yet
        self.detail.start_new(case)

    def _saved(self, case_id: str) -> None:
        self._shown_id = case_id

    def delete_case(self) -> None:
        case = self.detail.case
        if case is None or self.detail.is_new:
            return
        name = case.display_name + (f" ({case.name_original})" if case.name_original else "")
        text = self.tr(
            "Delete the case of {0}, with its timeline, sources and attachments? It is erased "
            "from this vault now, and from your colleagues' vaults when they receive your next "
            "bundle. This cannot be undone.").format(name)
        horizon = erasure.snapshot_horizon(self.ctx.vault) if self.ctx.vault else None
        if horizon is not None:
            text += "\n\n" + self.tr(
                "The automatic snapshots in the vault folder keep a copy until they are "
                "replaced, one a day, by {0} at the earliest. Settings \u2192 Backups \u2192 "
                "Remove deleted items from snapshots erases it from them now."
            ).format(horizon.isoformat())
        if not case_editor.confirm(self, text, self.tr("Delete case")):
            return
        case_id = case.id

        def done(_result) -> None:
            if self._shown_id == case_id:
                self._shown_id = None
                self.case_freshness.clear()  # a reload of it under way read it before
                self.detail.clear()
            self.ctx.say(self.tr("The case was deleted."))

        self.ctx.write(lambda session: delete_case(session, case_id), CASES, done)

    def clear(self) -> None:
        """Forget every piece of case data (on lock)."""
        self.kept.restoring = None  # still in the vault: offered again at the next unlock
        self._listed, self._list_pending = None, False
        self.freshness.clear()  # answers on their way are for the vault just locked
        self.case_freshness.clear()
        self.model.clear()
        self.detail.clear()
        self._shown_id = None
        self.filters.clear()
        self._update_actions()
