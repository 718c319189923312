# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Meetings screen's dialogs: picking a case to raise, and recording what happened.

They get plain case summaries and names and hand back IDs or an ``Outcome``; the screen
writes. They never touch a session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.domain.enums import Consent, Request, Response
from app.services import cases as case_service
from app.services import meetings as meeting_service
from app.ui.i18n import label
from app.ui.plain import PlainLabel
from app.ui.widgets import problem_label

ID_ROLE = Qt.ItemDataRole.UserRole


class CasePicker(QDialog):
    """Choose one case by typing any part of its name (Latin or original script)."""

    def __init__(self, cases: list[case_service.CaseSummary], exclude: set[str],
                 parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a case"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of a name in any script…"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.list = QListWidget()
        for case in cases:
            if case.id in exclude:
                continue
            text = case.display_name + (f"  {case.name_original}" if case.name_original else "")
            if case.consent == Consent.DO_NOT_RAISE:
                text += "  " + self.tr("(do not raise)")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, case.id)
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(wanted) and wanted not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        if first is not None:
            self.list.setCurrentRow(first)

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None and not item.isHidden() else None


class OutcomeDialog(QDialog):
    """For each case on the list: raised or not, what was asked, the response."""

    def __init__(self, items: list[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record the outcome"))
        grid = QGridLayout()
        for column, text in enumerate((self.tr("Raised"), self.tr("Asked for"),
                                       self.tr("Response"), self.tr("What they said"))):
            title = PlainLabel(text)
            bold = title.font()
            bold.setBold(True)
            title.setFont(bold)
            grid.addWidget(title, 0, column)
        self.rows: list[tuple[str, QCheckBox, QComboBox, QComboBox, QLineEdit]] = []
        for row, (case_id, name) in enumerate(items, start=1):
            raised = QCheckBox(name)
            raised.setChecked(True)
            request = QComboBox()
            request.addItem(self.tr("—"), None)
            for each in Request:
                request.addItem(self.tr(label(each)), each.value)
            response = QComboBox()
            response.addItem(self.tr("Not recorded"), None)
            for each in Response:
                response.addItem(self.tr(label(each)), each.value)
            said = QLineEdit()
            said.setAccessibleName(self.tr("Response text"))
            for column, widget in enumerate((raised, request, response, said)):
                grid.addWidget(widget, row, column)
            self.rows.append((case_id, raised, request, response, said))
        grid.setColumnStretch(3, 1)
        self.setMinimumWidth(720)
        self.public = QComboBox()
        self.public.addItem(self.tr("Private (not to be quoted)"), False)
        self.public.addItem(self.tr("Public"), True)
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(self.tr("Summary of the meeting"))
        self.summary.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("The asks were"), self.public)
        form.addRow(self.tr("Summary"), self.summary)
        self.error = problem_label(self.tr("Problem"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def outcome(self) -> meeting_service.Outcome:
        raised = []
        for case_id, tick, request, response, said in self.rows:
            if not tick.isChecked():
                continue
            requests = (Request(request.currentData()),) if request.currentData() else ()
            raised.append(meeting_service.Raised(
                case_id=case_id, requests=requests,
                response=Response(response.currentData()) if response.currentData() else None,
                response_text=said.text().strip() or None))
        return meeting_service.Outcome(raised=tuple(raised),
                                       public=bool(self.public.currentData()),
                                       summary=self.summary.toPlainText().strip() or None)

    def accept(self) -> None:
        if not any(tick.isChecked() for _id, tick, *_rest in self.rows):
            self.error.setText(self.tr("Tick at least one case that was raised."))
            self.error.show()
            return
        super().accept()
