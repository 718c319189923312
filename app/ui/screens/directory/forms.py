# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The forms of the Officials & organisations screen: one organisation or one official.

A form checks what was typed (one sentence, the field focused; nothing written), then saves
through ``ctx.write`` and says ``saved(id)``; it never holds a session.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import FuzzyDate
from app.domain.enums import Level, OrganisationKind, Regime
from app.domain.model import Identifier, Official, Organisation, Position, Sanction
from app.errors import VigilError
from app.services import directory
from app.services.cases import new_id
from app.ui.context import DIRECTORY, VaultContext
from app.ui.date_entry import DateEntry, read_date
from app.ui.i18n import label
from app.ui.widgets import problem_label

_COUNTRY = re.compile(r"[A-Z]{2}")


class DirectoryForm(QDialog):
    """A small form for one organisation or official; ``saved(id)`` once written."""

    saved = Signal(str)

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._open = True
        self.form = QFormLayout()
        self.error = problem_label(self.tr("Problem"))
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

    def name_and_country(self, missing: str) -> tuple[str, str | None] | None:
        """The name and country code typed, or None after saying what is wrong (``missing``
        when there is no name)."""
        name = self.name.text().strip()
        if not name:
            self.problem(missing, self.name)
            return None
        country = self.country(self.country_code)
        return None if country is False else (name, country)

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
        checked = self.name_and_country(self.tr("Enter the organisation's name."))
        if checked is None:
            return
        name, country = checked
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
        self._build_post(official, orgs)
        self._build_details(official)
        self.orgs = orgs
        self._build_lists(orgs)
        self.resize(640, self.sizeHint().height())
        if official is not None:
            self._fill_lists(official)

    def _build_post(self, person: Official | None, orgs: list[Organisation]) -> None:
        """Name, title and organisation."""
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

    def _build_details(self, person: Official | None) -> None:
        """Country, the name in its original script, level and notes."""
        self.country_code = self.line(self.tr("&Country"), self.tr("Country code"),
                                      person.country if person else None)
        self.country_code.setMaxLength(2)
        self.country_code.setPlaceholderText(self.tr("two letters, e.g. DE"))
        self.name_original = self.line(self.tr("Name in original &script"),
                                       self.tr("Official's name in original script"),
                                       person.name_original if person else None)
        self.name_original.setPlaceholderText(self.tr("For example 王全璋 or تۇرسۇن"))
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Official's level"))
        self.level.addItem(self.tr("Not recorded"), None)
        for level in Level:
            self.level.addItem(label(level), level.value)
        if person and person.level:
            self.level.setCurrentIndex(max(0, self.level.findData(person.level.value)))
        self.form.addRow(self.tr("&Level"), self.level)
        self.notes = QPlainTextEdit(person.notes if person and person.notes else "")
        self.notes.setAccessibleName(self.tr("Notes on the official"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.form.addRow(self.tr("N&otes"), self.notes)

    def _build_lists(self, orgs: list[Organisation]) -> None:
        """Identifiers, positions and sanctions, a tab each."""
        self.identifiers = RowsEditor(self.tr("Identifiers"), (
            self.tr("Kind"), self.tr("Value"), self.tr("Note")))
        self.positions = RowsEditor(self.tr("Positions"), (
            self.tr("Title"), self.tr("Organisation"), self.tr("Start"), self.tr("End")),
            combos={1: [(self.tr("No organisation"), None)] + [(o.name, o.id) for o in orgs]},
            dates=frozenset({2, 3}))
        self.sanctions = RowsEditor(self.tr("Sanctions"), (
            self.tr("Regime"), self.tr("Listed on"), self.tr("Reference")),
            combos={0: [(label(r), r.value) for r in Regime]}, dates=frozenset({1}))
        self.lists = QTabWidget()
        self.lists.addTab(self.identifiers, self.tr("Identifiers"))
        self.lists.addTab(self.positions, self.tr("Positions"))
        self.lists.addTab(self.sanctions, self.tr("Sanctions"))
        self.form.addRow(self.lists)

    def _fill_lists(self, person: Official) -> None:
        for i in person.identifiers:
            self.identifiers.add_row((i.kind, i.value, i.note or ""))
        for p in person.positions:
            self.positions.add_row((p.title or "", p.organisation_id,
                                    str(p.start) if p.start else "",
                                    str(p.end) if p.end else ""))
        for sanction in person.sanctions:
            self.sanctions.add_row((sanction.regime.value,
                                    str(sanction.listed_on) if sanction.listed_on else "",
                                    sanction.reference or ""))

    def _date(self, text: str) -> FuzzyDate | None:
        try:
            return read_date(text)
        except ValueError:
            raise ValueError(self.tr("A date in the lists is not a date; use YYYY, "
                                     "YYYY-MM or YYYY-MM-DD, with ~ if approximate.")) from None

    def _lists(self):
        identifiers = tuple(Identifier(kind=kind.strip(), value=value.strip(),
                                       note=note.strip() or None)
                            for kind, value, note in self.identifiers.rows())
        positions = tuple(Position(title=title.strip() or None, organisation_id=org,
                                   start=self._date(start), end=self._date(end))
                          for title, org, start, end in self.positions.rows())
        sanctions = tuple(Sanction(regime=Regime(regime), listed_on=self._date(listed),
                                   reference=reference.strip() or None)
                          for regime, listed, reference in self.sanctions.rows())
        return identifiers, positions, sanctions

    def save(self) -> None:
        checked = self.name_and_country(self.tr("Enter the official's name."))
        if checked is None:
            return
        name, country = checked
        try:
            identifiers, positions, sanctions = self._lists()
        except ValueError as error:
            self.problem(str(error))
            return
        level = self.level.currentData()
        values = dict(name=name, title=self.title.text().strip() or None,
                      organisation_id=self.organisation.currentData(), country=country,
                      notes=self.notes.toPlainText().strip() or None,
                      name_original=self.name_original.text().strip() or None,
                      level=Level(level) if level else None, identifiers=identifiers,
                      positions=positions, sanctions=sanctions)
        person = replace(self.official, **values) if self.official else \
            Official(id=new_id(), **values)
        try:
            directory.check_official(person)
        except VigilError as error:
            self.problem(str(error))
            return
        self.write(lambda session: directory.save_official(session, person), person.id)


class RowsEditor(QWidget):
    """A small table of text cells (or a fixed choice, for the columns in ``combos``), with
    Add and Remove; ``rows()`` gives each row's texts (a choice's data)."""

    def __init__(self, name: str, headers: tuple[str, ...],
                 combos: dict[int, list[tuple[str, str | None]]] | None = None,
                 parent: QWidget | None = None, *, dates: frozenset[int] = frozenset()) -> None:
        super().__init__(parent)
        self.combos = combos or {}
        self.dates = dates  # columns holding a date field
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setAccessibleName(name)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(130)
        self.add_button = QPushButton(self.tr("Add row"))
        self.add_button.setAccessibleName(self.tr("Add a row to {0}").format(name))
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.remove_button.setAccessibleName(self.tr("Remove the row from {0}").format(name))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def add_row(self, values: tuple | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(self.table.columnCount()):
            value = values[column] if values else None
            if column in self.combos:
                combo = QComboBox()
                for text, data in self.combos[column]:
                    combo.addItem(text, data)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                self.table.setCellWidget(row, column, combo)
            elif column in self.dates:
                # too narrow for the hint, which the tooltip gives
                field = DateEntry(self.table.horizontalHeaderItem(column).text(), placeholder="")
                field.setText(value or "")
                self.table.setCellWidget(row, column, field)
            else:
                self.table.setItem(row, column, QTableWidgetItem(value or ""))
        return row

    def remove_row(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def set_cell(self, row: int, column: int, value: str | None) -> None:
        if column in self.combos:
            combo = self.table.cellWidget(row, column)
            combo.setCurrentIndex(max(0, combo.findData(value)))
        elif column in self.dates:
            self.table.cellWidget(row, column).setText(value or "")
        else:
            self.table.item(row, column).setText(value or "")

    def rows(self) -> list[tuple]:
        out = []
        for row in range(self.table.rowCount()):
            values = []
            for column in range(self.table.columnCount()):
                if column in self.combos:
                    values.append(self.table.cellWidget(row, column).currentData())
                elif column in self.dates:
                    values.append(self.table.cellWidget(row, column).text())
                else:
                    item = self.table.item(row, column)
                    values.append(item.text() if item is not None else "")
            texts = [v for c, v in enumerate(values) if c not in self.combos]
            choices = [v for c, v in enumerate(values) if c in self.combos]
            if any(t.strip() for t in texts) or any(c is not None for c in choices):
                out.append(tuple(values))
        return out
