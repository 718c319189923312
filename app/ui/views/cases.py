# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Cases screen: one search box, filters, the list, and the selected case, which can be
edited here (profile, timeline, sources, attachments).

The list stays passive: it says what the user asked for (signals) and shows what it is given
(plain data from the services; never a session or an ORM row). Editing goes through the
VaultContext given by ``set_context``: every save is one ``ctx.write`` that emits
``changed(CASES)``, so the window reloads the list.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Category, Consent, Status
from app.domain.model import Case
from app.errors import VigilError
from app.services import attachments
from app.services.asks import AskView, list_asks
from app.services.cases import CaseFilter, delete_case, get_case, new_id, save_case
from app.ui.context import CASES, VaultContext
from app.ui.i18n import label, tr
from app.ui.models import CaseTableModel
from app.ui.views import case_editor
from app.ui.views.attachments_tab import AttachmentsTab

SEARCH_DELAY_MS = 200
MAX_COLUMN_WIDTH = 180
CONSENT_COLOURS = {Consent.PUBLIC: "#2e7d32", Consent.PRIVATE_ONLY: "#ef6c00",
                   Consent.DO_NOT_RAISE: "#c62828"}




class CasesView(QWidget):
    filter_changed = Signal(object)  # CaseFilter
    case_selected = Signal(str)
    copy_requested = Signal(str)  # text for the clipboard guard
    export_dossier_requested = Signal(list)  # selected case ids
    log_ask_requested = Signal(list)  # selected case ids
    case_loaded = Signal()  # after ``load_case`` showed a case

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: VaultContext | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names in any script, charges, notes…"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.status = self._combo(self.tr("Status filter"), self.tr("Any status"),
                                  [(label(s), s) for s in Status])
        self.category = self._combo(self.tr("Category filter"), self.tr("Any category"),
                                    [(label(c), c) for c in Category])
        self.consent = self._combo(self.tr("Consent filter"), self.tr("Any consent"),
                                   [(label(c), c) for c in Consent])
        self.priority = self._combo(self.tr("Priority filter"), self.tr("Any priority"),
                                    [(self.tr("Priority {0}").format(p), p) for p in (1, 2, 3)])
        self.stale = self._combo(self.tr("Not raised since"), self.tr("Raised or not"),
                                 [(self.tr("Not raised in 90 days"), 90),
                                  (self.tr("Not raised in a year"), 365)])
        self.nationality = self._text_filter(self.tr("Nationality filter"),
                                             self.tr("Nationality (CN, SE…)"))
        self.tag = self._text_filter(self.tr("Tag filter"), self.tr("Tag"))

        self.model = CaseTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Cases"))
        self.copy_action = self._action(self.tr("Copy name"), self.copy_current_name,
                                        QKeySequence.StandardKey.Copy, self.table)
        self.new_action = self._action(self.tr("New case"), self.new_case,
                                       QKeySequence("Ctrl+N"), self)
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
        self.empty = QLabel(self.tr("No cases match. Clear the search or the filters, add a "
                                    "case with New case (Ctrl+N), or import a spreadsheet "
                                    "with 'vigil import'."))
        self.empty.setWordWrap(True)
        self.empty.hide()

        self.detail = CaseDetail()
        self._moving_selection = False
        self.detail.delete_requested.connect(self.delete_case)
        self.detail.case_saved.connect(self._saved)
        self._shown_id: str | None = None

        filters = QHBoxLayout()
        for widget in (self.status, self.category, self.consent, self.priority, self.stale):
            filters.addWidget(widget, 1)
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
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 440])
        self.detail.setMinimumWidth(360)
        QVBoxLayout(self).addWidget(splitter)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._emit_filter)
        for edit in (self.search, self.nationality, self.tag):
            edit.textChanged.connect(self._debounce.start)
        for combo in (self.status, self.category, self.consent, self.priority, self.stale):
            combo.currentIndexChanged.connect(self._emit_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()

    def _action(self, text: str, slot, keys, owner: QWidget) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if owner is self.table
                                      else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        owner.addAction(action)
        return action

    @staticmethod
    def _combo(name: str, anything: str, items) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.addItem(anything, None)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    @staticmethod
    def _text_filter(name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setToolTip(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(160)
        completer = QCompleter(QStringListModel(edit), edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        edit.setCompleter(completer)
        return edit

    @property
    def shown_case_id(self) -> str | None:
        """The case in the detail pane (None when none, or a new case not yet saved)."""
        detail = self.detail
        return None if detail.case is None or detail.is_new else detail.case.id

    def set_context(self, ctx: VaultContext) -> None:
        """Called once by the window: editing reads and writes through ``ctx``."""
        self.ctx = ctx
        self.detail.set_context(ctx)

    def current_filter(self) -> CaseFilter:
        def one(combo, kind):  # Qt hands enum members back as plain strings
            value = combo.currentData()
            return frozenset() if value is None else frozenset({kind(value)})

        return CaseFilter(query=self.search.text(), statuses=one(self.status, Status),
                          categories=one(self.category, Category),
                          consents=one(self.consent, Consent),
                          nationality=self.nationality.text().strip().upper() or None,
                          tag=self.tag.text().strip() or None,
                          priority=self.priority.currentData(),
                          not_raised_since_days=self.stale.currentData())

    def set_not_raised_since(self, days: int | None) -> None:
        self.stale.setCurrentIndex(max(0, self.stale.findData(days)))

    def reset_filters(self) -> None:
        for widget in (self.status, self.category, self.consent, self.priority, self.stale,
                       self.nationality, self.tag):
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            else:
                widget.clear()
            widget.blockSignals(False)

    def _emit_filter(self) -> None:
        self.filter_changed.emit(self.current_filter())

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid() or self._moving_selection:
            return
        case_id = self.model.case_at(current.row()).id
        if case_id == self._shown_id:
            return
        if self.detail.has_unsaved_changes() and not case_editor.confirm(
                self, self.tr("Discard the changes you have not saved?"),
                self.tr("Discard changes")):
            QTimer.singleShot(0, self._reselect_shown)
            return
        self.detail.revert()
        self._shown_id = case_id
        self.case_selected.emit(case_id)

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

    def show_cases(self, cases, ids: set[str] | None = None) -> None:
        self.model.set_cases(cases, ids)
        self._learn_filter_values(cases)
        self._keep_selection()
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):  # long statuses must not hide the rest
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))
        self._update_empty()

    def _learn_filter_values(self, cases) -> None:
        """Offer the nationalities and tags seen so far as completions (plain summaries)."""
        for edit, values in ((self.nationality, {n for c in cases for n in c.nationalities}),
                             (self.tag, {t for c in cases for t in c.tags})):
            model = edit.completer().model()
            known = set(model.stringList())
            if not values <= known:
                model.setStringList(sorted(known | values))

    def show_only(self, ids: set[str] | None) -> None:
        self.model.show_only(ids)
        self._keep_selection()
        self._update_empty()

    def _keep_selection(self) -> None:
        """After the list changes, keep the shown case selected, or clear it if it left
        (but never throw away a case being edited)."""
        row = self.model.row_of(self._shown_id) if self._shown_id else None
        if row is None:
            if not self.detail.editing:
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

    def load_case(self, case_id: str) -> None:
        """Read one case through the context and show it (what the window's own loader
        does; the window may connect ``case_selected`` here instead)."""
        if self.ctx is None:
            return

        def work(vault, _job):
            with vault.session() as session:
                case = get_case(session, case_id)
                asks = list_asks(session, case_id=case_id)
            return case, attachments.photo(vault, case_id), asks

        def done(result) -> None:
            self.show_case(*result)
            self.case_loaded.emit()

        self.ctx.run(work, done)

    def select_case(self, case_id: str) -> None:
        row = self.model.row_of(case_id)
        if row is not None:
            self.table.selectRow(row)

    def open_case(self, case_id: str) -> None:
        """Show a case another screen asked for: its row when the list shows it, else the
        case alone in the detail pane (the filters stay as the user set them)."""
        if case_id == self._shown_id:
            self.case_selected.emit(case_id)  # fresh data for what is already shown
            return
        if self.model.row_of(case_id) is not None:
            self.select_case(case_id)  # the row change asks first, then loads
            return
        if self.detail.has_unsaved_changes() and not case_editor.confirm(
                self, self.tr("Discard the changes you have not saved?"),
                self.tr("Discard changes")):
            return
        self.detail.revert()
        self._moving_selection = True
        try:
            self.table.clearSelection()
        finally:
            self._moving_selection = False
        self._shown_id = case_id
        self.case_selected.emit(case_id)

    # -- creating and deleting -----------------------------------------------------------------
    def new_case(self) -> None:
        if self.ctx is None or self.ctx.vault is None:
            return
        if self.detail.has_unsaved_changes() and not case_editor.confirm(
                self, self.tr("Discard the changes you have not saved?"),
                self.tr("Discard changes")):
            return
        self.detail.revert()
        case = Case(id=new_id(), display_name="")
        self._shown_id = case.id
        self._reselect_shown()  # nothing selected: the new case is not in the list yet
        self.detail.start_new(case)

    def _saved(self, case_id: str) -> None:
        self._shown_id = case_id

    def delete_case(self) -> None:
        case = self.detail.case
        if case is None or self.ctx is None or self.detail.is_new:
            return
        name = case.display_name + (f" ({case.name_original})" if case.name_original else "")
        if not case_editor.confirm(self, self.tr(
                "Delete the case of {0}, with its timeline and sources? This cannot be "
                "undone.").format(name), self.tr("Delete case")):
            return
        case_id = case.id

        def done(_result) -> None:
            if self._shown_id == case_id:
                self._shown_id = None
                self.detail.clear()
            self.ctx.say(self.tr("The case was deleted."))

        self.ctx.write(lambda session: delete_case(session, case_id), CASES, done)

    def clear(self) -> None:
        """Forget every piece of case data (on lock)."""
        self.model.clear()
        self.detail.clear()
        self._shown_id = None
        for edit in (self.search, self.nationality, self.tag):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
            if edit.completer() is not None:
                edit.completer().model().setStringList([])
        self._debounce.stop()
        self._update_actions()


class CaseDetail(QWidget):
    """The selected case: a header (photo, names, status, days, consent badge, Edit/Save/
    Revert/Delete) and tabs. Read-only until Edit is pressed, so nothing is changed by a
    stray keystroke; the timeline, sources and attachments save each change as it is made."""

    case_saved = Signal(str)
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: VaultContext | None = None
        self.case: Case | None = None
        self.is_new = False
        self.editing = False
        self._writing = False
        self._days: int | None = None
        self.photo = QLabel()
        self.photo.setFixedSize(112, 112)
        self.photo.setScaledContents(True)
        self.photo.setAccessibleName(self.tr("Photo"))
        self.name = QLabel()
        self.name.setObjectName("caseName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setWordWrap(True)
        self.name.setAccessibleName(self.tr("Name"))
        self.original = QLabel()
        font = self.original.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.original.setFont(font)
        self.original.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.original.setAccessibleName(self.tr("Name in original script"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        for widget in (self.name, self.original, self.status):
            widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.days = QLabel()
        self.days.setAccessibleName(self.tr("Days detained"))
        self.consent = QLabel()
        self.consent.setAccessibleName(self.tr("Consent"))
        self.placeholder = QLabel(self.tr("Select a case in the list to see it here, or add "
                                          "one with New case (Ctrl+N)."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.edit_button = self._button(self.tr("Edit"), self.tr("Edit this case (Ctrl+E)"),
                                        self.edit)
        self.save_button = self._button(self.tr("Save"), self.tr("Save the case (Ctrl+S)"),
                                        self.save)
        self.revert_button = self._button(self.tr("Revert"),
                                          self.tr("Forget the changes not saved"), self.revert)
        self.delete_button = self._button(self.tr("Delete case…"),
                                          self.tr("Delete this case"), self.delete_requested.emit)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.save_button, self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)

        head = QGridLayout()
        head.addWidget(self.photo, 0, 0, 5, 1, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.name, 0, 1)
        head.addWidget(self.original, 1, 1)
        head.addWidget(self.status, 2, 1)
        head.addWidget(self.days, 3, 1)
        head.addWidget(self.consent, 4, 1, Qt.AlignmentFlag.AlignLeft)
        head.setColumnStretch(1, 1)

        self.form = case_editor.ProfileForm()
        self.timeline = case_editor.timeline_tab()
        self.sources = case_editor.sources_tab()
        self.attachments = AttachmentsTab()
        self.attachments.photo_changed.connect(self.set_photo)
        self.timeline.edited.connect(lambda items: self._save_part(events=items))
        self.sources.edited.connect(lambda items: self._save_part(sources=items))
        self.pages: dict[str, QTextBrowser] = {}
        for key, title in (("profile", self.tr("Profile")), ("asks", self.tr("Asks")),
                           ("notes", self.tr("Internal notes"))):
            page = QTextBrowser()
            page.setOpenLinks(False)
            page.setAccessibleName(title)
            self.pages[key] = page
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.profile_stack = self._stack(self.pages["profile"], scroll)
        self.notes_stack = self._stack(self.pages["notes"], self.form.notes)
        self.tabs = QTabWidget()
        for widget, title in ((self.profile_stack, self.tr("Profile")),
                              (self.timeline, self.tr("Timeline")),
                              (self.pages["asks"], self.tr("Asks")),
                              (self.sources, self.tr("Sources")),
                              (self.notes_stack, self.tr("Internal notes")),
                              (self.attachments, self.tr("Attachments"))):
            self.tabs.addTab(widget, title)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(head)
        body.addLayout(buttons)
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.body)
        self.clear()

    def _button(self, text: str, description: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.setToolTip(description)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _stack(*widgets) -> QStackedWidget:
        stack = QStackedWidget()
        for widget in widgets:
            stack.addWidget(widget)
        return stack

    def set_context(self, ctx: VaultContext) -> None:
        self.ctx = ctx
        self.attachments.set_context(ctx)

    def _today(self) -> date:
        return self.ctx.today() if self.ctx is not None else date.today()

    # -- showing -------------------------------------------------------------------------------
    def show_case(self, case: Case, photo: bytes | None, asks, days_detained) -> None:
        if self.editing and self.case is not None and case.id != self.case.id:
            self._set_editing(False)  # the list already asked before leaving unsaved edits
        same = self.case is not None and self.case.id == case.id and not self.is_new
        self.case, self.is_new, self._days = case, False, days_detained
        self.set_photo(photo)
        self.pages["asks"].setHtml(asks_html(asks))
        self._render()
        if not same:
            self.attachments.show_case(case.id)
        self.placeholder.hide()
        self.body.show()

    def _render(self) -> None:
        case = self.case
        self.name.setText(case.display_name or self.tr("New case"))
        self.original.setText(case.name_original or "")
        status = label(case.status) if case.status else self.tr("Status unknown")
        if case.status_since:
            status = self.tr("{0} since {1}").format(status, str(case.status_since))
        self.status.setText(status)
        self.days.setText(self.tr("{0:,} days detained").format(self._days)
                          if self._days is not None else "")
        if case.consent:
            colour = CONSENT_COLOURS.get(case.consent, "#555555")
            self.consent.setText(self.tr("Consent: {0}").format(label(case.consent)))
            self.consent.setStyleSheet(f"color: white; background: {colour}; "
                                       "border-radius: 4px; padding: 2px 6px;")
        else:
            self.consent.setText(self.tr("Consent not recorded"))
            self.consent.setStyleSheet("border: 1px solid #888; border-radius: 4px; "
                                       "padding: 2px 6px;")
        self.pages["profile"].setHtml(profile_html(case))
        self.pages["notes"].setHtml(notes_html(case))
        self.timeline.set_items(case.events)
        self.sources.set_items(case.sources)
        for widget in (self.timeline, self.sources, self.attachments, self.delete_button):
            widget.setEnabled(not self.is_new)

    def set_photo(self, photo: bytes | None) -> None:
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.photo.setPixmap(pixmap)
        else:
            self.photo.clear()
            self.photo.setText(self.tr("No photo"))
            self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def clear(self) -> None:
        self._set_editing(False)
        self._set_writing(False)
        self.case, self.is_new, self._days = None, False, None
        for widget in (self.photo, self.name, self.original, self.status, self.days,
                       self.consent):
            widget.clear()
        for page in self.pages.values():
            page.clear()
        self.form.clear()
        self.timeline.clear()
        self.sources.clear()
        self.attachments.clear()
        self.body.hide()
        self.placeholder.show()

    # -- editing -------------------------------------------------------------------------------
    def start_new(self, case: Case) -> None:
        """An empty case, only in memory until it is saved with a display name."""
        self.clear()
        self.case, self.is_new = case, True
        self.set_photo(None)
        self._render()
        self.placeholder.hide()
        self.body.show()
        self.edit()

    def edit(self) -> None:
        if self.case is None or self.editing or self.ctx is None:
            return
        self.form.load(self.case)
        self._set_editing(True)
        if self.tabs.currentWidget() is not self.notes_stack:
            self.tabs.setCurrentWidget(self.profile_stack)
        self.form.display_name.setFocus()

    def _set_editing(self, editing: bool) -> None:
        self.editing = editing
        self.profile_stack.setCurrentIndex(1 if editing else 0)
        self.notes_stack.setCurrentIndex(1 if editing else 0)
        self.edit_button.setEnabled(not editing)
        self.save_button.setEnabled(editing)
        self.revert_button.setEnabled(editing)

    def has_unsaved_changes(self) -> bool:
        return self.editing and (self.is_new or self.form.is_dirty())

    def revert(self) -> None:
        if not self.editing:
            return
        if self.is_new:
            self.clear()
            return
        self.form.load(self.case)
        self._set_editing(False)

    def save(self) -> None:
        if not self.editing or self.case is None or self.ctx is None:
            return
        case, problems = self.form.build(self.case, self._today())
        if case is not None:
            self._write(case, finish=True)

    def _save_part(self, **changes) -> None:
        """A timeline or sources change: saved at once, on the case as last loaded (edits
        pending in the profile form stay pending)."""
        if self.case is not None and not self.is_new:
            self._write(replace(self.case, **changes), finish=False)

    def _write(self, case: Case, *, finish: bool) -> None:
        # One write at a time: each is built on the case as last saved, so a second one
        # started meanwhile would silently undo the first.
        if self._writing:
            self.ctx.say(self.tr("Still saving the last change; try again in a moment."))
            return
        self._set_writing(True)

        def done(_result) -> None:
            self._set_writing(False)
            if self.case is None or self.case.id != case.id:
                return  # cleared or moved on meanwhile
            self.case, self.is_new = case, False
            if finish:
                self._set_editing(False)
            self._render()
            self.attachments.show_case(case.id)
            self.ctx.say(self.tr("Saved."))
            self.case_saved.emit(case.id)

        def failed(error: BaseException) -> None:
            self._set_writing(False)
            text = (str(error) if isinstance(error, VigilError) else
                    self.tr("Something went wrong; nothing was saved."))
            if finish:
                self.form.problems.setText(text)
                self.form.problems.show()
            self.ctx.say(text)

        if self.ctx.write(lambda session: save_case(session, case), CASES, done,
                          on_failed=failed) is None:
            self._set_writing(False)

    def _set_writing(self, writing: bool) -> None:
        self._writing = writing
        for tab in (self.timeline, self.sources):
            for button in (tab.add_button, tab.edit_button, tab.remove_button):
                button.setEnabled(not writing)
        self.save_button.setEnabled(self.editing and not writing)


def _esc(value) -> str:
    return html.escape(str(value))


def profile_html(case: Case) -> str:
    facts = [(tr("Other names"), " · ".join(f"{n.name}" for n in case.other_names)),
             (tr("Gender"), label(case.gender) if case.gender else ""),
             (tr("Born"), case.birth_year or ""), (tr("Ethnicity"), case.ethnicity or ""),
             (tr("Nationality"), ", ".join(case.nationalities)),
             (tr("Category"), label(case.category) if case.category else ""),
             (tr("Occupation"), case.occupation or ""),
             (tr("Location"), case.location or ""), (tr("Facility"), case.facility or ""),
             (tr("Charges"), "; ".join(case.charges)), (tr("Sentence"), case.sentence or ""),
             (tr("Sentence ends"), case.sentence_ends or ""),
             (tr("Lawyer access"), label(case.lawyer_access) if case.lawyer_access else ""),
             (tr("Family access"), label(case.family_access) if case.family_access else ""),
             (tr("Consular access"),
              label(case.consular_access) if case.consular_access else ""),
             (tr("Health concerns"), case.health_concerns or ""),
             (tr("Sensitivity"), label(case.sensitivity) if case.sensitivity else ""),
             (tr("Priority"), case.priority or ""), (tr("Tags"), ", ".join(case.tags))]
    rows = "".join(f"<tr><td><b>{_esc(k)}</b>&nbsp;&nbsp;</td><td>{_esc(v)}</td></tr>"
                   for k, v in facts if v)
    summary = f"<p>{_esc(case.summary)}</p>" if case.summary else ""
    if not rows and not summary:
        empty = tr("Nothing recorded yet. Press Edit (Ctrl+E) to fill in the profile.")
        return f"<p>{_esc(empty)}</p>"
    return f"{summary}<table>{rows}</table>"


def asks_html(asks) -> str:
    if not asks:
        return f"<p>{_esc(tr('Nobody has raised this case yet.'))}</p>"
    out = []
    for view in asks:
        ask = view.ask
        who = view.raised_by or "?"
        line = f"<b>{_esc(ask.date)}</b> · {_esc(who)}"
        if view.raised_with:
            line += _esc(tr(" with {0}").format(view.raised_with))
        line += " · " + _esc(tr("public") if ask.public else tr("private"))
        if ask.channel:
            line += " · " + _esc(label(ask.channel))
        if ask.requests:
            line += "<br>" + _esc(tr("Asked: {0}").format(
                ", ".join(label(r) for r in ask.requests)))
        if ask.response:
            line += "<br>" + _esc(tr("Response: {0}").format(label(ask.response)))
        if ask.response_text:
            line += f" — {_esc(ask.response_text)}"
        out.append(f"<p>{line}</p>")
    return "".join(out)


def notes_html(case: Case) -> str:
    if not case.internal_notes:
        return f"<p>{_esc(tr('No internal notes. Press Edit (Ctrl+E) to write some.'))}</p>"
    return "<p>" + _esc(case.internal_notes).replace("\n", "<br>") + "</p>"
