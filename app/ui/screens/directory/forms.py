# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The forms of the Officials & organisations screen: one organisation or one official.

A form checks what was typed (one sentence, the field focused; nothing written), then saves
through ``ctx.write`` and says ``saved(id)``; it never holds a session.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import OrganisationKind
from app.domain.model import Official, Organisation
from app.errors import VigilError
from app.services import directory
from app.services.cases import new_id
from app.ui.context import DIRECTORY, VaultContext
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
        checked = self.name_and_country(self.tr("Enter the official's name."))
        if checked is None:
            return
        name, country = checked
        person = Official(id=self.official.id if self.official else new_id(), name=name,
                          title=self.title.text().strip() or None,
                          organisation_id=self.organisation.currentData(), country=country,
                          notes=self.notes.toPlainText().strip() or None)
        self.write(lambda session: directory.save_official(session, person), person.id)
