# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Meetings screen's ordered list of cases to raise, each with its ask and talking points.

It holds plain case summaries and ``MeetingCase`` values and hands them back; the screen
saves. It never touches a session. ``clear()`` forgets every case it knows (on lock).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Consent
from app.domain.model import MeetingCase
from app.services import cases as case_service
from app.ui.screens.meetings.dialogs import ID_ROLE, CasePicker

DO_NOT_RAISE_COLOUR = "#c62828"


class MeetingCasesEditor(QWidget):
    """The cases to raise at one meeting, in order: add, remove, move, and per case what to
    ask and the talking points. ``changed`` is emitted for the user's edits only."""

    changed = Signal()
    suggestions_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cases: dict[str, case_service.CaseSummary] = {}  # every case that can be named
        self._points: dict[str, MeetingCase] = {}  # case id -> its ask and talking points
        self._shown_case: str | None = None  # the case whose ask and points are shown
        self._filling = False
        self.picker: CasePicker | None = None
        self._build_list()
        self._build_points()
        self._build_layout()

    def _build_list(self) -> None:
        """The cases in order, and the buttons that move, add, remove and suggest them."""
        self.case_list = QListWidget()
        self.case_list.setAccessibleName(self.tr("Cases to raise, in order"))
        self.case_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.case_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.case_list.currentRowChanged.connect(self._case_row_changed)
        self.case_list.model().rowsMoved.connect(lambda *_: self._changed())
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_case_button = QPushButton(self.tr("Add case…"))
        self.remove_case_button = QPushButton(self.tr("Remove case"))
        self.suggest_button = QPushButton(self.tr("Suggest cases"))
        self.up_button.clicked.connect(lambda: self.move_case(-1))
        self.down_button.clicked.connect(lambda: self.move_case(1))
        self.add_case_button.clicked.connect(self.pick_case)
        self.remove_case_button.clicked.connect(self.remove_case)
        self.suggest_button.clicked.connect(self.suggestions_requested)

    def _build_points(self) -> None:
        """The selected case's ask and talking points."""
        self.ask = QLineEdit()
        self.ask.setPlaceholderText(self.tr("What to ask for this person at this meeting"))
        self.ask.setAccessibleName(self.tr("Ask"))
        self.talking_points = QPlainTextEdit()
        self.talking_points.setAccessibleName(self.tr("Talking points"))
        self.talking_points.setMaximumHeight(90)
        self.ask.textChanged.connect(self._case_text_changed)
        self.talking_points.textChanged.connect(self._case_text_changed)

    def _build_layout(self) -> None:
        case_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.add_case_button,
                       self.remove_case_button, self.suggest_button):
            case_buttons.addWidget(button)
        case_form = QFormLayout()
        case_form.addRow(self.tr("Ask"), self.ask)
        case_form.addRow(self.tr("Talking points"), self.talking_points)
        box = QGroupBox(self.tr("Cases to raise, in order (drag or use the buttons)"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.case_list)
        box_layout.addLayout(case_buttons)
        box_layout.addLayout(case_form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(box)

    # -- what the screen gives and takes -------------------------------------------------------
    def set_known_cases(self, summaries: list[case_service.CaseSummary]) -> None:
        """The cases that can be added and named (rows already shown keep their names)."""
        self._cases = {c.id: c for c in summaries}

    def set_cases(self, cases: tuple[MeetingCase, ...]) -> None:
        """Show one meeting's cases, the first one selected; not an edit."""
        self._filling = True
        self._shown_case = None  # before the list changes: its text belongs to the last one
        self._points = {item.case_id: item for item in cases}
        self.case_list.clear()
        for item in cases:
            self._add_case_row(item.case_id)
        self._shown_case = None
        self.ask.clear()
        self.talking_points.clear()
        if cases:
            self.case_list.setCurrentRow(0)
        self._filling = False

    def clear(self) -> None:
        """Forget every case, the list and an open picker (the vault is locking)."""
        if self.picker is not None:
            self.picker.reject()
            self.picker.deleteLater()
        self.picker = None
        self._cases = {}
        self.set_cases(())

    def case_ids(self) -> list[str]:
        """The cases on the list, in the order they are to be raised."""
        return [self.case_list.item(row).data(ID_ROLE) for row in range(self.case_list.count())]

    def cases(self) -> tuple[MeetingCase, ...]:
        """The cases on the list, in order, each with the ask and talking points typed."""
        self._store_case_text()
        return tuple(self._points.get(cid, MeetingCase(case_id=cid)) for cid in self.case_ids())

    def named_cases(self) -> list[tuple[str, str]]:
        """(case ID, name) for each case on the list, in order."""
        return [(cid, self._case_name(cid)) for cid in self.case_ids()]

    # -- editing -------------------------------------------------------------------------------
    def add_case(self, case_id: str,
                 summary: case_service.CaseSummary | None = None) -> bool:
        """Add a case at the end (``summary`` names one not loaded yet); False if it is
        already on the list."""
        if summary is not None:
            self._cases.setdefault(summary.id, summary)
        if case_id in self.case_ids():
            return False
        self._points.setdefault(case_id, MeetingCase(case_id=case_id))
        self._add_case_row(case_id)
        self.changed.emit()
        return True

    def move_case(self, step: int) -> None:
        """Move the selected case up (-1) or down (+1) the list, keeping it selected."""
        row = self.case_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.case_list.count():
            return
        self._store_case_text()
        item = self.case_list.takeItem(row)
        self.case_list.insertItem(target, item)
        self.case_list.setCurrentRow(target)
        self.changed.emit()

    def remove_case(self) -> None:
        row = self.case_list.currentRow()
        if row < 0:
            return
        item = self.case_list.takeItem(row)
        self._shown_case = None
        self._points.pop(item.data(ID_ROLE), None)
        self.changed.emit()
        self._case_row_changed(self.case_list.currentRow())

    def pick_case(self) -> None:
        self.picker = CasePicker(sorted(self._cases.values(), key=lambda c: c.display_name),
                                 set(self.case_ids()), self)
        self.picker.accepted.connect(self._picked)
        self.picker.open()

    def _picked(self) -> None:
        picker, self.picker = self.picker, None
        if picker is None:
            return
        case_id = picker.chosen_id()
        picker.deleteLater()
        if case_id is not None and self.add_case(case_id):
            self.case_list.setCurrentRow(self.case_list.count() - 1)

    # -- the rows ------------------------------------------------------------------------------
    def _case_name(self, case_id: str) -> str:
        case = self._cases.get(case_id)
        if case is None:
            return self.tr("(a case that is no longer in the vault)")
        name = case.display_name
        if case.name_original:
            name += f"  {case.name_original}"
        if case.consent == Consent.DO_NOT_RAISE:
            name += "  " + self.tr("(do not raise)")
        return name

    def _add_case_row(self, case_id: str) -> None:
        item = QListWidgetItem(self._case_name(case_id))
        item.setData(ID_ROLE, case_id)
        case = self._cases.get(case_id)
        if case is None or case.consent == Consent.DO_NOT_RAISE:
            item.setForeground(QColor(DO_NOT_RAISE_COLOUR))
        item.setFlags((item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
                      & ~Qt.ItemFlag.ItemIsDropEnabled)
        self.case_list.addItem(item)

    def _changed(self) -> None:
        if not self._filling:
            self.changed.emit()

    def _case_row_changed(self, row: int) -> None:
        self._store_case_text()
        item = self.case_list.item(row) if row >= 0 else None
        self._shown_case = item.data(ID_ROLE) if item is not None else None
        point = self._points.get(self._shown_case or "")
        filling, self._filling = self._filling, True
        self.ask.setText(point.ask or "" if point else "")
        self.talking_points.setPlainText(point.talking_points or "" if point else "")
        self._filling = filling
        for widget in (self.ask, self.talking_points):
            widget.setEnabled(item is not None)

    def _case_text_changed(self) -> None:
        if not self._filling:
            self._store_case_text()
            self.changed.emit()

    def _store_case_text(self) -> None:
        if self._shown_case is None or self._filling:
            return
        self._points[self._shown_case] = MeetingCase(
            case_id=self._shown_case, ask=self.ask.text().strip() or None,
            talking_points=self.talking_points.toPlainText().strip() or None)
