# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
""""Prepare…": the cases a government has not raised, stalest first (``calendar.suggested_cases``),
from which a new meeting starts with those cases, or their names are copied."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.services import calendar
from app.ui.plain import PlainLabel

SUGGESTED = 20


class PrepareDialog(QDialog):
    loaded = Signal()
    meeting_requested = Signal(str, list)  # government ID, case IDs in order
    copy_requested = Signal(str)

    def __init__(self, ctx, governments: list[tuple[str, str]], chosen: str | None,
                 parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Prepare"))
        self.resize(520, 480)
        self.government = QComboBox()
        self.government.setAccessibleName(self.tr("Government"))
        for government_id, name in governments:
            self.government.addItem(name, government_id)
        if chosen is not None:
            self.government.setCurrentIndex(max(self.government.findData(chosen), 0))
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Suggested cases"))
        self.note = PlainLabel(self.tr(
            "The cases this government has not raised, stalest first (released, deceased and "
            "do-not-raise cases left out). Untick those you will not raise."))
        self.note.setWordWrap(True)
        self.meeting_button = QPushButton(self.tr("New meeting with these cases"))
        self.meeting_button.clicked.connect(self._new_meeting)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self._copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.meeting_button)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.government)
        layout.addWidget(self.note)
        layout.addWidget(self.cases, 1)
        layout.addLayout(row)
        self._token: object | None = None
        self.government.currentIndexChanged.connect(self.load)
        self.load()

    def load(self) -> None:
        government_id = self.government.currentData()
        today = self.ctx.today()
        token = self._token = object()
        self.cases.clear()
        self.meeting_button.setEnabled(False)
        self.ctx.read(lambda session: calendar.suggested_cases(session, government_id, SUGGESTED,
                                                               today=today),
                      lambda found: self._loaded(token, found))

    def _loaded(self, token: object, found) -> None:
        if token is not self._token:
            return  # for a government chosen no more
        for summary in found:
            when = (summary.last_raised.isoformat() if summary.last_raised is not None
                    else self.tr("never raised"))
            item = QListWidgetItem(f"{summary.display_name}  ({when})")
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, summary.display_name)
            item.setCheckState(Qt.CheckState.Checked)
            self.cases.addItem(item)
        self.meeting_button.setEnabled(self.government.currentData() is not None)
        self.loaded.emit()

    def chosen(self, role=Qt.ItemDataRole.UserRole) -> list[str]:
        return [self.cases.item(i).data(role) for i in range(self.cases.count())
                if self.cases.item(i).checkState() == Qt.CheckState.Checked]

    def _new_meeting(self) -> None:
        self.meeting_requested.emit(self.government.currentData(), self.chosen())
        self.accept()

    def _copy(self) -> None:
        self.copy_requested.emit("\n".join(self.chosen(Qt.ItemDataRole.UserRole + 1)))
