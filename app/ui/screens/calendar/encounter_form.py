# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The small form of an encounter (add or edit), saved through ``encounters.save_encounter``.

The dialog stays open until the save lands; a refused save shows the service's one sentence.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from app.domain.dates import FuzzyDate
from app.domain.enums import EncounterKind, Level
from app.domain.model import Encounter, EncounterId, Organisation
from app.errors import VigilError
from app.services.encounters import save_encounter
from app.ui.context import ENCOUNTERS
from app.ui.date_entry import DateEntry
from app.ui.i18n import label
from app.ui.plain import PlainLabel


class EncounterDialog(QDialog):
    saved = Signal(str)  # the encounter's ID

    def __init__(self, ctx, governments: list[Organisation], encounter: Encounter | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Encounter"))
        self.setMinimumWidth(480)
        self._id = encounter.id if encounter is not None else EncounterId(str(uuid.uuid4()))
        self._build_fields(governments, set(encounter.organisation_ids)
                           if encounter is not None else set())
        self._build_layout()
        if encounter is not None:
            self._fill(encounter)

    def _build_fields(self, governments: list[Organisation], chosen: set[str]) -> None:
        self.kind = QComboBox()
        for kind in EncounterKind:
            self.kind.addItem(label(kind), kind)
        self.title = QLineEdit()
        self.starts = DateEntry(self.tr("Starts on"), today=self.ctx.today)
        self.ends = DateEntry(self.tr("Ends on"), today=self.ctx.today,
                              placeholder=self.tr("Optional: YYYY, YYYY-MM or YYYY-MM-DD"))
        self.governments = QListWidget()
        self.governments.setAccessibleName(self.tr("Governments"))
        for organisation in governments:
            item = QListWidgetItem(organisation.name)
            item.setData(Qt.ItemDataRole.UserRole, organisation.id)
            item.setCheckState(Qt.CheckState.Checked if organisation.id in chosen
                               else Qt.CheckState.Unchecked)
            self.governments.addItem(item)
        self.level = QComboBox()
        self.level.addItem(self.tr("(not known)"), None)
        for level in Level:
            self.level.addItem(label(level), level)
        self.location = QLineEdit()
        self.public_record = QLineEdit()
        self.public_record.setPlaceholderText(self.tr("A link or a note"))
        self.error = PlainLabel()
        self.error.setWordWrap(True)
        self.error.hide()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Starts on"), self.starts)
        form.addRow(self.tr("Ends on"), self.ends)
        form.addRow(self.tr("Governments"), self.governments)
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Public record"), self.public_record)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _fill(self, encounter: Encounter) -> None:
        self.kind.setCurrentIndex(self.kind.findData(encounter.kind))
        self.title.setText(encounter.title)
        self.starts.setText(str(encounter.starts_on))
        self.ends.setText(str(encounter.ends_on) if encounter.ends_on else "")
        self.level.setCurrentIndex(max(self.level.findData(encounter.level), 0))
        self.location.setText(encounter.location or "")
        self.public_record.setText(encounter.public_record or "")

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.buttons.setEnabled(True)

    def _date(self, field: DateEntry, which: str) -> FuzzyDate | None:
        """The date in ``field``; None (and the reason shown) if it is not one or, for the
        start, missing."""
        try:
            found = field.value()
        except ValueError:
            found = None
        if found is None and (field is self.starts or field.text().strip()):
            self.show_error(self.tr("The {0} date is not a date: write it as YYYY-MM-DD, "
                                    "YYYY-MM or YYYY.").format(which))
        return found

    def encounter(self) -> Encounter | None:
        """The encounter the form holds, or None (and the reason shown)."""
        starts = self._date(self.starts, self.tr("start"))
        if starts is None:
            return None
        ends = self._date(self.ends, self.tr("end"))
        if ends is None and self.ends.text().strip():
            return None
        chosen = tuple(
            self.governments.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.governments.count())
            if self.governments.item(i).checkState() == Qt.CheckState.Checked)
        return Encounter(id=self._id, kind=self.kind.currentData(), title=self.title.text().strip(),
                         starts_on=starts, ends_on=ends, organisation_ids=chosen,
                         level=self.level.currentData(),
                         location=self.location.text().strip() or None,
                         public_record=self.public_record.text().strip() or None)

    def save(self) -> None:
        encounter = self.encounter()
        if encounter is None:
            return
        self.buttons.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.show_error(str(error) if isinstance(error, VigilError) else
                            self.tr("Something went wrong; nothing was changed."))

        def done(_result) -> None:
            self.saved.emit(encounter.id)
            self.accept()

        self.ctx.write(lambda session: save_encounter(session, encounter), ENCOUNTERS, done,
                       on_failed=failed)
