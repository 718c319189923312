# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A case's "Responsible" tab: the officials of the detaining state involved in it (who,
in what role, when, on which of the case's sources), with add, edit and remove.

Reads and writes go through the context off the UI thread; a result for a case the user
has since left is dropped. The dialog picks an official from a searchable list (any of
their names, in any script) or creates one, and the sources from the case's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Role
from app.domain.model import Case, Involvement, Official
from app.errors import VigilError
from app.services import directory, involvements
from app.services.cases import new_id
from app.ui.context import CASES, DIRECTORY, VaultContext
from app.ui.date_entry import DateEntry
from app.ui.i18n import label, tr
from app.ui.plain import PlainLabel, literal
from app.ui.screens.cases import editor as case_editor
from app.ui.screens.cases.editor import (
    combo_value,
    enum_combo,
    follow_direction,
    line,
    or_none,
    parse_date,
    set_combo,
    text_box,
)
from app.ui.widgets import problem_label, show_problem


def official_text(official: Official) -> str:
    """An official's name with their name in the original script, when it differs."""
    if official.name_original and official.name_original != official.name:
        return f"{official.name} · {official.name_original}"
    return official.name


class InvolvementDialog(QDialog):
    """One involvement: the official (chosen or new), role, date, description, sources."""

    officials_found = Signal()

    def __init__(self, ctx: VaultContext, case: Case, involvement: Involvement | None = None,
                 official_name: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Edit involvement") if involvement else tr("Add involvement"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.ctx, self.case, self.involvement = ctx, case, involvement
        self._open = True  # False once closed: answers landing later are dropped
        self.setMinimumWidth(520)
        self._removed_name = official_name
        self.result_item: tuple[Official | None, Involvement] | None = None
        self._build_official()
        self.role = enum_combo(tr("Role"), Role)
        self.date = DateEntry(tr("Date"))
        self.description = text_box(tr("Description"))
        self.description.setMaximumHeight(110)
        self._build_sources()
        self._build_layout()
        if involvement is not None:
            set_combo(self.role, involvement.role)
            self.date.setText(str(involvement.date) if involvement.date else "")
            self.description.setPlainText(involvement.description or "")
        self.existing.toggled.connect(self._mode)
        self.search.textChanged.connect(self.search_officials)
        self._mode()
        self.search_officials("")
        ctx.read(directory.organisations, self._organisations)

    def _build_official(self) -> None:
        """Who: an official searched for in the directory, or a new one."""
        self.existing = QRadioButton(tr("An official in the directory"))
        self.new = QRadioButton(tr("A new official"))
        self.existing.setChecked(True)
        self.search = follow_direction(line(tr("Search officials"),
                                            tr("Any of their names, in any script…")))
        self.search.setClearButtonEnabled(True)
        self.officials = QListWidget()
        self.officials.setAccessibleName(tr("Officials"))
        self.officials.setMinimumHeight(110)
        self.new_name = follow_direction(line(tr("New official's name")))
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(tr("New official's organisation"))
        self.organisation.addItem(tr("No organisation"), None)

    def _build_sources(self) -> None:
        """The case's sources, each with a box: ticked when the involvement cites it."""
        case, involvement = self.case, self.involvement
        self.sources = QListWidget()
        self.sources.setAccessibleName(tr("Sources"))
        self.sources.setMinimumHeight(80)
        for source in case.sources:
            text = source.title if not source.confidential else \
                tr("{0} (confidential)").format(source.title)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            cited = involvement is not None and source.id in involvement.source_ids
            item.setCheckState(Qt.CheckState.Checked if cited else Qt.CheckState.Unchecked)
            self.sources.addItem(item)
        if not case.sources:
            self.sources.addItem(QListWidgetItem(tr("This case has no sources yet.")))
            self.sources.setEnabled(False)

    def _build_layout(self) -> None:
        """The form, the problem sentence and OK/Cancel."""
        form = QFormLayout()
        form.addRow(self.existing)
        form.addRow(tr("Search"), self.search)
        form.addRow(self.officials)
        form.addRow(self.new)
        form.addRow(tr("Name"), self.new_name)
        form.addRow(tr("Organisation"), self.organisation)
        form.addRow(tr("Role"), self.role)
        form.addRow(tr("Date"), self.date)
        form.addRow(tr("Description"), self.description)
        form.addRow(tr("Sources"), self.sources)
        self.error = problem_label(tr("Problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _mode(self) -> None:
        existing = self.existing.isChecked()
        self.search.setEnabled(existing)
        self.officials.setEnabled(existing)
        self.new_name.setEnabled(not existing)
        self.organisation.setEnabled(not existing)

    def done(self, result: int) -> None:  # accept, reject and close all end here
        self._open = False
        super().done(result)

    def _organisations(self, orgs) -> None:
        if not self._open:
            return
        for org in orgs:
            self.organisation.addItem(org.name, org.id)

    def search_officials(self, text: str) -> None:
        self.ctx.read(lambda s: directory.find_officials(s, text),
                      lambda found: self._found(text, found))

    def _found(self, text: str, found: list[Official]) -> None:
        if not self._open or text != self.search.text():
            return  # closed, or the search has moved on
        chosen = self.chosen_id() or (self.involvement.official_id if self.involvement else None)
        self.officials.clear()
        ids = {o.id for o in found}
        if self.involvement is not None and self.involvement.official_id not in ids \
                and self._removed_name is None and not text.strip():
            item = QListWidgetItem(tr("Removed official"))  # kept as it was
            item.setData(Qt.ItemDataRole.UserRole, self.involvement.official_id)
            self.officials.addItem(item)
        for official in found:
            item = QListWidgetItem(official_text(official))
            item.setData(Qt.ItemDataRole.UserRole, official.id)
            self.officials.addItem(item)
        for row in range(self.officials.count()):
            if self.officials.item(row).data(Qt.ItemDataRole.UserRole) == chosen:
                self.officials.setCurrentRow(row)
        self.officials_found.emit()

    def chosen_id(self) -> str | None:
        item = self.officials.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def choose(self, official_id: str) -> None:
        for row in range(self.officials.count()):
            if self.officials.item(row).data(Qt.ItemDataRole.UserRole) == official_id:
                self.officials.setCurrentRow(row)

    def accept(self) -> None:
        item, problem = self.build()
        show_problem(self.error, problem)
        if item is not None:
            self.result_item = item
            super().accept()

    def build(self):
        new_official = None
        if self.new.isChecked():
            name = self.new_name.text().strip()
            if not name:
                return None, tr("Enter the new official's name.")
            new_official = Official(id=new_id(), name=name,
                                    organisation_id=self.organisation.currentData())
            official_id = new_official.id
        else:
            official_id = self.chosen_id()
            if official_id is None:
                return None, tr("Choose an official in the list, or add a new one.")
        problems: list[str] = []
        when = parse_date(self.date, tr("Date"), problems)
        if problems:
            return None, problems[0]
        source_ids = tuple(
            self.sources.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.sources.count())
            if self.sources.item(row).checkState() == Qt.CheckState.Checked)
        values = dict(official_id=official_id, role=combo_value(self.role, Role), date=when,
                      description=or_none(self.description.toPlainText()),
                      source_ids=source_ids)
        if self.involvement is None:
            return (new_official, Involvement(id=new_id(), case_id=self.case.id, **values)), None
        return (new_official, replace(self.involvement, **values)), None


class ResponsibleTab(QWidget):
    """The case's involvements, by date, with Add / Edit / Remove."""

    loaded = Signal()
    HEADERS = ("Official", "Role", "Date", "Description", "Sources")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: VaultContext | None = None
        self.case: Case | None = None
        self.views: list[involvements.InvolvementView] = []
        self.dialog: InvolvementDialog | None = None
        self._request = 0
        self.confirm: Callable[[str], bool] = lambda question: case_editor.confirm(
            self, question, tr("Remove"))
        self.table = QTableWidget(0, len(self.HEADERS))
        self.table.setHorizontalHeaderLabels([tr("Official"), tr("Role"), tr("Date"),
                                              tr("Description"), tr("Sources")])
        self.table.setAccessibleName(tr("Officials responsible"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().resizeSection(0, 150)
        self.table.horizontalHeader().resizeSection(1, 130)
        self.table.horizontalHeader().resizeSection(2, 90)
        self.table.horizontalHeader().resizeSection(3, 240)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button = QPushButton(tr("Add…"))
        self.edit_button = QPushButton(tr("Edit…"))
        self.remove_button = QPushButton(tr("Remove…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        self.notice = PlainLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(tr("Notice"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)

    def set_context(self, ctx: VaultContext) -> None:
        self.ctx = ctx
        ctx.changed.connect(lambda kind: self.reload() if kind == DIRECTORY else None)

    def show_case(self, case: Case) -> None:
        self.case = case
        self.reload()

    def reload(self) -> None:
        if self.ctx is None or self.case is None or self.ctx.vault is None:
            return
        self._request += 1
        request, case_id = self._request, self.case.id
        self.ctx.read(lambda s: involvements.of_case(s, case_id),
                      lambda views: self._landed(request, views))

    def _landed(self, request: int, views) -> None:
        if request != self._request or self.case is None:
            return  # a newer read, another case, or cleared meanwhile
        self.views = list(views)
        self.table.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            inv = view.involvement
            name = view.official_name if view.official_name is not None \
                else tr("Removed official")
            cells = (name, label(inv.role), str(inv.date) if inv.date else "",
                     inv.description or "", f"{len(inv.source_ids):,}")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(literal(text))
                self.table.setItem(row, column, item)
        self.notice.setText("" if self.views else
                            tr("No official is recorded as responsible in this case yet."))
        self.loaded.emit()

    def clear(self) -> None:
        self._request += 1
        self.case, self.views = None, []
        self.table.setRowCount(0)
        self.notice.clear()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None

    def selected(self) -> involvements.InvolvementView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.views[rows[0].row()] if rows else None

    def add(self) -> InvolvementDialog | None:
        return self._open(None)

    def edit(self) -> InvolvementDialog | None:
        view = self.selected()
        return self._open(view) if view is not None else None

    def _open(self, view) -> InvolvementDialog | None:
        if self.case is None or self.ctx is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
        dialog = InvolvementDialog(self.ctx, self.case,
                                   view.involvement if view else None,
                                   view.official_name if view else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._write(dialog.result_item))
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: InvolvementDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _write(self, item) -> None:
        if item is None or self.ctx is None:
            return
        official, involvement = item

        def action(session) -> None:
            if official is not None:
                directory.save_official(session, official)
            involvements.save_involvement(session, involvement)

        kind = DIRECTORY if official is not None else CASES
        self.ctx.write(action, kind, lambda _r: self._done(tr("Saved.")),
                       on_failed=self._failed)

    def remove(self) -> None:
        view = self.selected()
        if view is None or self.ctx is None:
            return
        if not self.confirm(tr("Remove this involvement from the case?")):
            return
        ident = view.involvement.id
        self.ctx.write(lambda s: involvements.delete_involvement(s, ident), CASES,
                       lambda _r: self._done(tr("Removed.")), on_failed=self._failed)

    def _done(self, text: str) -> None:
        if self.ctx is not None:
            self.ctx.say(text)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        text = (str(error) if isinstance(error, VigilError) else
                tr("Something went wrong; nothing was saved."))
        self.notice.setText(text)
        if self.ctx is not None:
            self.ctx.say(text)

