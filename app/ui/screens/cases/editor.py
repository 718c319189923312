# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Editing a case: the profile form, the confirmation asked before anything is destroyed,
and the small field helpers the case's other editors share (timeline and sources are in
``case_items``).

Widgets here get a plain ``Case`` and hand back a new one (``dataclasses.replace``); they
never touch a session. A validation problem is one sentence that never quotes what was typed
(it may be case data), and while there is one nothing is handed back to be saved.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import FuzzyDate
from app.domain.enums import (
    Access,
    Category,
    Consent,
    Gender,
    Sensitivity,
    Status,
)
from app.domain.model import Case, OtherName
from app.ui.date_entry import DateEntry
from app.ui.i18n import label, tr
from app.ui.plain import message_box
from app.ui.widgets import problem_label

EARLIEST_BIRTH_YEAR = 1900
_COUNTRY = re.compile(r"[A-Z]{2}")


def confirm(parent: QWidget | None, text: str, action: str) -> bool:
    """Ask before anything is destroyed; Cancel is the default. Tests replace this."""
    box = message_box(QMessageBox.Icon.Warning, tr("Vigil"), text, parent)  # may quote a name
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    return box.clickedButton() is yes


def is_right_to_left(text: str) -> bool:
    """Whether the first strongly directional character is Arabic or Hebrew script."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def follow_direction(edit: QLineEdit) -> QLineEdit:
    """Uyghur in Arabic script reads from the right: align and move the cursor that way."""
    def update(text: str) -> None:
        edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft if is_right_to_left(text)
                                else Qt.LayoutDirection.LeftToRight)
    edit.textChanged.connect(update)
    return edit


def line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def text_box(name: str, height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


def enum_combo(name: str, kind, none_text: str | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    if none_text is not None:
        combo.addItem(none_text, None)
    for value in kind:
        combo.addItem(label(value), value.value)
    return combo


def combo_value(combo: QComboBox, kind):
    value = combo.currentData()  # Qt hands enum members back as plain strings
    return None if value is None else kind(value)


def set_combo(combo: QComboBox, value) -> None:
    combo.setCurrentIndex(max(0, combo.findData(None if value is None else str(value))))


def parse_date(edit: DateEntry, field: str, problems: list[str]) -> FuzzyDate | None:
    """The date in ``edit`` (None if empty); if it is not one, a sentence in ``problems``."""
    try:
        return edit.value()
    except ValueError:
        problems.append(tr("{0}: not a date; use {1}.").format(field, edit.hint()))
        return None


def _items(text: str, separator: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(separator) if part.strip())


def or_none(text: str) -> str | None:
    return text.strip() or None


class ProfileForm(QWidget):
    """Every field of a case except its timeline, sources and attachments. ``notes`` (the
    internal notes) is created here but shown by the detail on its own tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems = problem_label(tr("Problems"))
        names = self._build_names()
        self._build_fields()
        self.errors: dict[str, QLabel] = {}
        self._build_layout(names)
        self._loaded: tuple = ()
        self._loaded_values: dict[str, Any] = {}  # as ``values()`` read them at load

    def _build_names(self) -> QHBoxLayout:
        """The names: display, original script, other names (with the row of buttons that
        add and remove one, returned)."""
        self.display_name = line(tr("Display name"), tr("Name in Latin letters (required)"))
        self.name_original = follow_direction(line(tr("Name in original script"),
                                                   tr("For example 王全璋 or تۇرسۇن")))
        font = self.name_original.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.name_original.setFont(font)
        self.other_names = QTableWidget(0, 2)
        self.other_names.setAccessibleName(tr("Other names"))
        self.other_names.setHorizontalHeaderLabels([tr("Name"), tr("Script (zh-Hans, ug-Arab…)")])
        self.other_names.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.other_names.verticalHeader().hide()
        self.other_names.setMaximumHeight(110)
        add_name = QPushButton(tr("Add name"))
        add_name.setAccessibleName(tr("Add another name"))
        add_name.clicked.connect(self._add_name_row)
        remove_name = QPushButton(tr("Remove name"))
        remove_name.setAccessibleName(tr("Remove the selected name"))
        remove_name.clicked.connect(
            lambda: self.other_names.removeRow(self.other_names.currentRow()))
        names = QHBoxLayout()
        names.addWidget(add_name)
        names.addWidget(remove_name)
        names.addStretch(1)
        return names

    def _build_fields(self) -> None:
        """Every other field, from gender to the internal notes."""
        self.gender = enum_combo(tr("Gender"), Gender, tr("Not recorded"))
        self.birth_year = line(tr("Birth year"), tr("For example 1976"))
        self.ethnicity = line(tr("Ethnicity"))
        self.nationalities = line(tr("Nationalities"), tr("Country codes, such as CN, SE"))
        self.category = enum_combo(tr("Category"), Category, tr("Not recorded"))
        self.occupation = line(tr("Occupation"))
        self.status = enum_combo(tr("Status"), Status, tr("Not recorded"))
        self.status_since = DateEntry(tr("Status since"))
        self.location = line(tr("Last known location"))
        self.facility = line(tr("Facility"))
        self.charges = text_box(tr("Charges, one per line"))
        self.sentence = line(tr("Sentence"))
        self.sentence_ends = DateEntry(tr("Sentence ends"))
        self.lawyer_access = enum_combo(tr("Lawyer access"), Access, tr("Not recorded"))
        self.family_access = enum_combo(tr("Family access"), Access, tr("Not recorded"))
        self.consular_access = enum_combo(tr("Consular access"), Access, tr("Not recorded"))
        self.health_concerns = text_box(tr("Health concerns"), 50)
        self.consent = enum_combo(tr("Consent for advocacy"), Consent, tr("Not recorded"))
        self.sensitivity = enum_combo(tr("Sensitivity"), Sensitivity, tr("Not recorded"))
        self.priority = QComboBox()
        self.priority.setAccessibleName(tr("Priority"))
        self.priority.addItem(tr("Not set"), None)
        for value in (1, 2, 3):
            self.priority.addItem(tr("Priority {0}").format(value), value)
        self.tags = line(tr("Tags"), tr("Separated by commas"))
        self.summary = text_box(tr("Public-safe summary"), 90)
        self.notes = text_box(tr("Internal notes"), 200)

    def _build_layout(self, names: QHBoxLayout) -> None:
        """The problems above one form; a field that can be wrong has its sentence below."""
        form = QFormLayout()
        rows = [
            (tr("Display name"), self.display_name, "display_name"),
            (tr("Original script"), self.name_original, None),
            (tr("Other names"), self.other_names, "other_names"), ("", names, None),
            (tr("Gender"), self.gender, None), (tr("Birth year"), self.birth_year, "birth_year"),
            (tr("Ethnicity"), self.ethnicity, None),
            (tr("Nationalities"), self.nationalities, "nationalities"),
            (tr("Category"), self.category, None), (tr("Occupation"), self.occupation, None),
            (tr("Status"), self.status, None),
            (tr("Status since"), self.status_since, "status_since"),
            (tr("Location"), self.location, None), (tr("Facility"), self.facility, None),
            (tr("Charges"), self.charges, None), (tr("Sentence"), self.sentence, None),
            (tr("Sentence ends"), self.sentence_ends, "sentence_ends"),
            (tr("Lawyer access"), self.lawyer_access, None),
            (tr("Family access"), self.family_access, None),
            (tr("Consular access"), self.consular_access, None),
            (tr("Health concerns"), self.health_concerns, None),
            (tr("Consent"), self.consent, None), (tr("Sensitivity"), self.sensitivity, None),
            (tr("Priority"), self.priority, None), (tr("Tags"), self.tags, None),
            (tr("Summary"), self.summary, None),
        ]
        for text, widget, key in rows:
            form.addRow(text, widget)
            if key is not None:
                error = problem_label()
                form.addRow("", error)
                self.errors[key] = error
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(form)

    def _add_name_row(self, name: str = "", script: str = "") -> int:
        row = self.other_names.rowCount()
        self.other_names.insertRow(row)
        self.other_names.setItem(row, 0, QTableWidgetItem(name if isinstance(name, str) else ""))
        self.other_names.setItem(row, 1, QTableWidgetItem(script or ""))
        return row

    def _name_rows(self) -> list[tuple[str, str]]:
        table = self.other_names

        def text(row, column):
            item = table.item(row, column)
            return item.text().strip() if item is not None else ""
        return [(text(r, 0), text(r, 1)) for r in range(table.rowCount())]

    # -- in and out --------------------------------------------------------------------------
    def load(self, case: Case) -> None:
        self.display_name.setText(case.display_name)
        self.name_original.setText(case.name_original or "")
        self.other_names.setRowCount(0)
        for other in case.other_names:
            self._add_name_row(other.name, other.script or "")
        set_combo(self.gender, case.gender)
        self.birth_year.setText("" if case.birth_year is None else str(case.birth_year))
        self.ethnicity.setText(case.ethnicity or "")
        self.nationalities.setText(", ".join(case.nationalities))
        set_combo(self.category, case.category)
        self.occupation.setText(case.occupation or "")
        set_combo(self.status, case.status)
        self.status_since.setText(str(case.status_since) if case.status_since else "")
        self.location.setText(case.location or "")
        self.facility.setText(case.facility or "")
        self.charges.setPlainText("\n".join(case.charges))
        self.sentence.setText(case.sentence or "")
        self.sentence_ends.setText(str(case.sentence_ends) if case.sentence_ends else "")
        for combo, value in ((self.lawyer_access, case.lawyer_access),
                             (self.family_access, case.family_access),
                             (self.consular_access, case.consular_access),
                             (self.consent, case.consent), (self.sensitivity, case.sensitivity)):
            set_combo(combo, value)
        self.priority.setCurrentIndex(max(0, self.priority.findData(case.priority)))
        self.health_concerns.setPlainText(case.health_concerns or "")
        self.tags.setText(", ".join(case.tags))
        self.summary.setPlainText(case.summary or "")
        self.notes.setPlainText(case.internal_notes or "")
        self.show_problems({})
        self._loaded = self._raw()
        self._loaded_values = self.values()

    def clear(self) -> None:
        self.load(Case(id="", display_name=""))
        self._loaded = ()

    def _raw(self) -> tuple:
        out: list = [self._name_rows()]
        for widget in self._fields():
            if isinstance(widget, QLineEdit):
                out.append(widget.text())
            elif isinstance(widget, QPlainTextEdit):
                out.append(widget.toPlainText())
            else:
                out.append(widget.currentIndex())
        return tuple(out)

    def _fields(self) -> list[QWidget]:
        return [w for w in vars(self).values()
                if isinstance(w, QLineEdit | QPlainTextEdit | QComboBox)]

    def is_dirty(self) -> bool:
        return bool(self._loaded) and self._raw() != self._loaded

    def draft(self) -> dict[str, Any]:
        """The fields edited since the case was loaded, as plain values by field name, to
        be kept over a lock; ``restore`` puts them back over the case as it is then, so a
        field a colleague changed meanwhile and the user did not touch keeps their value.
        Nothing is validated (it is built into nothing)."""
        return {name: value for name, value in self.values().items()
                if self._loaded_values.get(name) != value}

    def values(self) -> dict[str, Any]:
        """Every field's plain value by field name (text, choice, or the name rows)."""
        out: dict[str, Any] = {"other_names": [list(row) for row in self._name_rows()]}
        for name, widget in vars(self).items():
            if isinstance(widget, QLineEdit):
                out[name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentData()
        return out

    def restore(self, fields: Mapping[str, Any]) -> None:
        """Put a ``draft`` back over the case loaded: the edits are unsaved again. A value
        this form no longer has a place or a choice for is left out."""
        rows = fields.get("other_names")
        if isinstance(rows, list):
            self.other_names.setRowCount(0)
            for row in rows:
                if isinstance(row, list) and len(row) == 2:
                    self._add_name_row(str(row[0]), str(row[1]))
        for name, widget in vars(self).items():
            if name not in fields:
                continue
            value = fields[name]
            if isinstance(widget, QLineEdit) and isinstance(value, str):
                widget.setText(value)
            elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
                widget.setPlainText(value)
            elif isinstance(widget, QComboBox):
                found = [i for i in range(widget.count()) if widget.itemData(i) == value]
                if found:
                    widget.setCurrentIndex(found[0])

    def build(self, base: Case, today: date) -> tuple[Case | None, dict[str, str]]:
        """The edited case (``base`` with the form's fields), or the problems by field."""
        problems: dict[str, str] = {}
        name = self.display_name.text().strip()
        if not name:
            problems["display_name"] = tr("A case needs a display name.")
        birth_year = None
        text = self.birth_year.text().strip()
        if text:
            if re.fullmatch(r"[0-9]{4}", text) and \
                    EARLIEST_BIRTH_YEAR <= int(text) <= today.year:
                birth_year = int(text)
            else:
                problems["birth_year"] = tr("Birth year: enter a year from {0} to {1}, or "
                                            "leave it empty.").format(EARLIEST_BIRTH_YEAR,
                                                                      today.year)
        found: list[str] = []
        status_since = parse_date(self.status_since, tr("Status since"), found)
        if found:
            problems["status_since"] = found.pop()
        sentence_ends = parse_date(self.sentence_ends, tr("Sentence ends"), found)
        if found:
            problems["sentence_ends"] = found.pop()
        nationalities = tuple(n.upper() for n in _items(self.nationalities.text(), ","))
        if any(not _COUNTRY.fullmatch(n) for n in nationalities):
            problems["nationalities"] = tr("Nationalities: use two-letter country codes "
                                           "separated by commas, such as CN, SE.")
        rows = self._name_rows()
        if any(script and not other for other, script in rows):
            problems["other_names"] = tr("Other names: each row with a script needs a name.")
        self.show_problems(problems)
        if problems:
            return None, problems
        case = replace(
            base, display_name=name, name_original=or_none(self.name_original.text()),
            other_names=tuple(OtherName(n, s or None) for n, s in rows if n),
            gender=combo_value(self.gender, Gender), birth_year=birth_year,
            ethnicity=or_none(self.ethnicity.text()),
            nationalities=tuple(dict.fromkeys(nationalities)),
            category=combo_value(self.category, Category),
            occupation=or_none(self.occupation.text()),
            status=combo_value(self.status, Status), status_since=status_since,
            location=or_none(self.location.text()), facility=or_none(self.facility.text()),
            charges=_items(self.charges.toPlainText(), "\n"),
            sentence=or_none(self.sentence.text()), sentence_ends=sentence_ends,
            lawyer_access=combo_value(self.lawyer_access, Access),
            family_access=combo_value(self.family_access, Access),
            consular_access=combo_value(self.consular_access, Access),
            health_concerns=or_none(self.health_concerns.toPlainText()),
            consent=combo_value(self.consent, Consent),
            sensitivity=combo_value(self.sensitivity, Sensitivity),
            priority=self.priority.currentData(),
            tags=tuple(dict.fromkeys(_items(self.tags.text(), ","))),
            summary=or_none(self.summary.toPlainText()),
            internal_notes=or_none(self.notes.toPlainText()))
        return case, {}

    def show_problems(self, problems: dict[str, str]) -> None:
        for key, error in self.errors.items():
            error.setText(problems.get(key, ""))
            error.setVisible(key in problems)
        if problems:
            self.problems.setText(tr("Nothing was saved. Fix the problems marked below."))
        self.problems.setVisible(bool(problems))
