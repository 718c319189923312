# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Officials & organisations: the people and bodies asks are raised by and with.

Two tabs (organisations, officials), each a filtered list with add / edit / delete, and under
it the selected one's ask history. Reads and writes go through ``ctx``; never a session here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import OrganisationKind
from app.domain.model import Official, Organisation
from app.errors import VigilError
from app.services import directory
from app.services.asks import ask_lines
from app.services.cases import new_id
from app.ui.context import ASKS, DIRECTORY, VaultContext
from app.ui.i18n import label
from app.ui.views.asks import AskTableModel, ask_table, with_haystacks

_ROOT = QModelIndex()
_COUNTRY = re.compile(r"[A-Z]{2}")
HISTORY_DELAY_MS = 150


class RowsModel(QAbstractTableModel):
    """Rows of display strings, each with the ID it stands for; filtered by a text."""

    def __init__(self, headers: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.headers = headers
        self._all: list[tuple[str, tuple[str, ...]]] = []
        self._rows = self._all
        self._text = ""

    def set_rows(self, rows: list[tuple[str, tuple[str, ...]]]) -> None:
        self._all = rows
        self.show(self._text)

    def show(self, text: str) -> None:
        self._text = text.strip().casefold()
        self.beginResetModel()
        self._rows = [r for r in self._all if self._text in " ".join(r[1]).casefold()] \
            if self._text else self._all
        self.endResetModel()

    def clear(self) -> None:
        self._text = ""
        self.set_rows([])

    def id_at(self, row: int) -> str:
        return self._rows[row][0]

    def row_of(self, ident: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r[0] == ident), None)

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole,
                                        Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][1][index.column()]
        return None


class DirectoryForm(QDialog):
    """A small form for one organisation or official; ``saved(id)`` once written."""

    saved = Signal(str)

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._open = True
        self.form = QFormLayout()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def line(self, caption: str, name: str, text: str | None) -> QLineEdit:
        edit = QLineEdit(text or "")
        edit.setAccessibleName(name)
        self.form.addRow(caption, edit)
        return edit

    def problem(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if field is not None:
            field.setFocus()

    def country(self, field: QLineEdit) -> str | None | bool:
        """The upper-case code, None if empty, False (after saying so) if malformed."""
        code = field.text().strip().upper()
        if code and not _COUNTRY.fullmatch(code):
            self.problem(self.tr("The country is a two-letter code, such as DE, SE or CN."),
                         field)
            return False
        return code or None

    def write(self, action, ident: str) -> None:
        self.error.hide()
        self.buttons.setEnabled(False)
        self.ctx.write(action, DIRECTORY, lambda _r: self._saved(ident), on_failed=self._failed)

    def done(self, result: int) -> None:  # accept, reject and close all end here
        self._open = False
        super().done(result)

    def _saved(self, ident: str) -> None:
        if self._open:  # else closed (perhaps deleted) while the write ran
            self.saved.emit(ident)
            self.accept()

    def _failed(self, error: BaseException) -> None:
        if not self._open:
            return
        self.buttons.setEnabled(True)
        self.problem(str(error) if isinstance(error, VigilError) else
                     self.tr("Something went wrong; nothing was saved."))

    def save(self) -> None:
        raise NotImplementedError


class OrganisationForm(DirectoryForm):
    def __init__(self, ctx: VaultContext, organisation: Organisation | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Edit organisation") if organisation
                            else self.tr("Add organisation"))
        self.organisation = organisation
        org = organisation
        self.name = self.line(self.tr("&Name"), self.tr("Organisation name"),
                              org.name if org else None)
        self.country_code = self.line(self.tr("&Country"), self.tr("Country code"),
                                      org.country if org else None)
        self.country_code.setPlaceholderText(self.tr("two letters, e.g. DE"))
        self.country_code.setMaxLength(2)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of organisation"))
        self.kind.addItem(self.tr("Not recorded"), None)
        for kind in OrganisationKind:
            self.kind.addItem(self.tr(label(kind)), kind.value)
        if org and org.kind:
            self.kind.setCurrentIndex(self.kind.findData(org.kind.value))
        self.form.addRow(self.tr("&Kind"), self.kind)

    def save(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.problem(self.tr("Enter the organisation's name."), self.name)
            return
        country = self.country(self.country_code)
        if country is False:
            return
        kind = self.kind.currentData()
        org = Organisation(id=self.organisation.id if self.organisation else new_id(),
                           name=name, country=country,
                           kind=OrganisationKind(kind) if kind else None)
        self.write(lambda session: directory.save_organisation(session, org), org.id)


class OfficialForm(DirectoryForm):
    def __init__(self, ctx: VaultContext, orgs: list[Organisation],
                 official: Official | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Edit official") if official else self.tr("Add official"))
        self.official = official
        person = official
        self.name = self.line(self.tr("&Name"), self.tr("Official's name, in any script"),
                              person.name if person else None)
        self.title = self.line(self.tr("&Title"), self.tr("Official's title"),
                               person.title if person else None)
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Official's organisation"))
        self.organisation.addItem(self.tr("No organisation"), None)
        for org in orgs:
            self.organisation.addItem(org.name, org.id)
        if person and person.organisation_id:
            self.organisation.setCurrentIndex(
                max(0, self.organisation.findData(person.organisation_id)))
        self.form.addRow(self.tr("&Organisation"), self.organisation)
        self.country_code = self.line(self.tr("&Country"), self.tr("Country code"),
                                      person.country if person else None)
        self.country_code.setMaxLength(2)
        self.country_code.setPlaceholderText(self.tr("two letters, e.g. DE"))
        self.notes = QPlainTextEdit(person.notes if person and person.notes else "")
        self.notes.setAccessibleName(self.tr("Notes on the official"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.form.addRow(self.tr("N&otes"), self.notes)

    def save(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.problem(self.tr("Enter the official's name."), self.name)
            return
        country = self.country(self.country_code)
        if country is False:
            return
        person = Official(id=self.official.id if self.official else new_id(), name=name,
                          title=self.title.text().strip() or None,
                          organisation_id=self.organisation.currentData(), country=country,
                          notes=self.notes.toPlainText().strip() or None)
        self.write(lambda session: directory.save_official(session, person), person.id)


class DirectoryTab(QWidget):
    """A filter, a list, its buttons, and the selected one's asks."""

    def __init__(self, name: str, headers: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter {0}").format(name))
        self.filter.setPlaceholderText(self.tr("Filter by any column…"))
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.model = RowsModel(headers, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(name)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column in range(len(headers)):
            self.table.horizontalHeader().resizeSection(column, 200)
        self.history_title = QLabel()
        # arrowing down the list reads one history, not one per row passed
        self.history_timer = QTimer(self, singleShot=True, interval=HISTORY_DELAY_MS)
        self.history = AskTableModel(self)
        self.history_table = ask_table(self.history, self.tr("Ask history"))
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addWidget(self.table)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.history_title)
        lower_layout.addWidget(self.history_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)
        self.filter.textChanged.connect(self.model.show)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select(self, ident: str) -> None:
        row = self.model.row_of(ident)
        if row is not None:
            self.table.selectRow(row)


class DirectoryScreen(QWidget):
    loaded = Signal()
    history_loaded = Signal()

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.confirm: Callable[[str], bool] = self._confirm  # tests replace it
        self.form: DirectoryForm | None = None
        self._orgs: dict[str, Organisation] = {}
        self._people: dict[str, Official] = {}
        self._stale, self._loading, self._again = True, False, False
        self.organisations = DirectoryTab(self.tr("Organisations"), (
            self.tr("Name"), self.tr("Country"), self.tr("Kind")))
        self.officials = DirectoryTab(self.tr("Officials"), (
            self.tr("Name"), self.tr("Title"), self.tr("Organisation"), self.tr("Country")))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.organisations, self.tr("Organisations"))
        self.tabs.addTab(self.officials, self.tr("Officials"))
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Notice"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.notice)
        for tab in (self.organisations, self.officials):
            tab.add_button.clicked.connect(lambda _=False, t=tab: self.add(t))
            tab.edit_button.clicked.connect(lambda _=False, t=tab: self.edit(t))
            tab.delete_button.clicked.connect(lambda _=False, t=tab: self.delete(t))
            tab.table.doubleClicked.connect(lambda _i, t=tab: self.edit(t))
            tab.table.selectionModel().selectionChanged.connect(
                lambda *_a, t=tab: self._selection_moved(t))
            tab.model.modelReset.connect(lambda t=tab: self._selection_moved(t))
            tab.history_timer.timeout.connect(lambda t=tab: self._selected(t))
            tab.history_table.doubleClicked.connect(
                lambda index, t=tab: self._open_case(t, index))
        ctx.changed.connect(self._changed)

    # -- the screen contract ---------------------------------------------------------------------
    def refresh(self) -> None:
        if self._loading or self.ctx.vault is None:
            return
        self._loading, self._again, self._stale = True, False, False
        if self.ctx.read(lambda s: (directory.organisations(s), directory.officials(s)),
                         self._show, on_failed=self._failed) is None:
            self._loading = False

    def _show(self, result) -> None:
        orgs, people = result
        self._orgs = {o.id: o for o in orgs}
        self._people = {p.id: p for p in people}
        self.organisations.model.set_rows([(o.id, (
            o.name, o.country or "", self.tr(label(o.kind)) if o.kind else "")) for o in orgs])
        self.officials.model.set_rows([(p.id, (
            p.name, p.title or "", self._orgs[p.organisation_id].name
            if p.organisation_id in self._orgs else "", p.country or "")) for p in people])
        self._loading = False
        self.loaded.emit()
        if self._again:
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.ctx.report(error)

    def clear(self) -> None:
        if self.form is not None:
            self.form.close()
            self.form = None
        self._orgs, self._people = {}, {}
        for tab in (self.organisations, self.officials):
            tab.filter.blockSignals(True)
            tab.filter.clear()
            tab.filter.blockSignals(False)
            tab.model.clear()
            tab.history_timer.stop()
            tab.history.clear()
            tab.history_title.clear()
        self.notice.clear()
        self._stale, self._loading, self._again = True, False, False

    def _changed(self, kind: str) -> None:
        if kind not in (DIRECTORY, ASKS):
            return
        if self._loading:
            self._again = True
        elif self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- the selected one and its asks ------------------------------------------------------------
    def _selection_moved(self, tab: DirectoryTab) -> None:
        ident = tab.selected_id()
        tab.edit_button.setEnabled(ident is not None)
        tab.delete_button.setEnabled(ident is not None)
        tab.history.clear()
        tab.history_timer.start()

    def _selected(self, tab: DirectoryTab) -> None:
        ident = tab.selected_id()
        if ident is None:
            tab.history.clear()
            tab.history_title.setText(self.tr("Select one to see the asks raised by or with it."))
            return
        official = tab is self.officials
        name = (self._people if official else self._orgs)[ident].name
        tab.history_title.setText(self.tr("Asks raised by or with {0}").format(name))
        kwargs = {"official_id": ident} if official else {"organisation_id": ident}
        self.ctx.read(lambda s: with_haystacks(ask_lines(s, **kwargs)),
                      lambda result: self._show_history(tab, ident, result))

    def _show_history(self, tab: DirectoryTab, ident: str, result) -> None:
        if tab.selected_id() == ident:  # the selection has not moved on meanwhile
            tab.history.set_lines(*result)
            self.history_loaded.emit()

    def _open_case(self, tab: DirectoryTab, index) -> None:
        if index.isValid():
            line = tab.history.line_at(index.row())
            if line.case_ids:
                self.ctx.case_requested.emit(line.case_ids[0])

    # -- add, edit, delete -----------------------------------------------------------------------
    def _open_form(self, form: DirectoryForm, tab: DirectoryTab) -> DirectoryForm:
        if self.form is not None:
            self.form.close()
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda ident: self._saved(tab, ident))
        form.finished.connect(lambda _r, f=form: self._form_closed(f))
        self.form = form
        form.open()
        return form

    def _form_closed(self, form) -> None:
        if self.form is form:
            self.form = None

    def _saved(self, tab: DirectoryTab, ident: str) -> None:
        self.ctx.say(self.tr("Saved."))
        self.loaded.connect(lambda: tab.select(ident), Qt.ConnectionType.SingleShotConnection)

    def add(self, tab: DirectoryTab) -> DirectoryForm:
        if tab is self.officials:
            return self._open_form(OfficialForm(self.ctx, list(self._orgs.values()),
                                                parent=self), tab)
        return self._open_form(OrganisationForm(self.ctx, parent=self), tab)

    def edit(self, tab: DirectoryTab) -> DirectoryForm | None:
        ident = tab.selected_id()
        if ident is None:
            return None
        if tab is self.officials:
            return self._open_form(OfficialForm(self.ctx, list(self._orgs.values()),
                                                self._people[ident], parent=self), tab)
        return self._open_form(OrganisationForm(self.ctx, self._orgs[ident], parent=self), tab)

    def delete(self, tab: DirectoryTab) -> None:
        ident = tab.selected_id()
        if ident is None:
            return
        official = tab is self.officials
        name = (self._people if official else self._orgs)[ident].name
        asks = tab.history.total()
        question = (self.tr("Delete the official {0}?") if official else
                    self.tr("Delete the organisation {0}?")).format(name)
        if asks:
            question += " " + self.tr("{0:,} asks name it; they keep showing the name.").format(
                asks)
        if not self.confirm(question):
            return
        action = directory.delete_official if official else directory.delete_organisation
        self.notice.clear()
        self.ctx.write(lambda s: action(s, ident), DIRECTORY,
                       lambda _r: self.ctx.say(self.tr("Deleted.")),
                       on_failed=self._delete_failed)

    def _delete_failed(self, error: BaseException) -> None:
        text = (str(error) if isinstance(error, VigilError) else
                self.tr("Something went wrong; nothing was deleted."))
        self.notice.setText(text)
        self.ctx.say(text)

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete"), question,
                                      QMessageBox.StandardButton.Yes |
                                      QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes
