# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Meetings screen's list: meetings as plain ``Meeting`` values, the ones still to come in
bold. It never holds a session or an ORM row.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont

from app.domain.enums import MeetingStatus
from app.domain.model import Meeting
from app.ui.i18n import label
from app.ui.table_model import TableModel


class MeetingTableModel(TableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("MeetingTableModel", "When"),
        QT_TRANSLATE_NOOP("MeetingTableModel", "Title"),
        QT_TRANSLATE_NOOP("MeetingTableModel", "Counterpart"),
        QT_TRANSLATE_NOOP("MeetingTableModel", "Status"),
        QT_TRANSLATE_NOOP("MeetingTableModel", "Cases"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._orgs: dict[str, str] = {}
        self._now: datetime | None = None

    def set_meetings(self, meetings: list[Meeting], organisations: dict[str, str],
                     now: datetime) -> None:
        self.beginResetModel()
        self._rows, self._orgs, self._now = list(meetings), dict(organisations), now
        self.endResetModel()

    def clear(self) -> None:
        self.set_meetings([], {}, None)

    def meeting_at(self, row: int) -> Meeting:
        return self._rows[row]

    def row_of(self, meeting_id: str | None) -> int | None:
        return next((i for i, m in enumerate(self._rows) if m.id == meeting_id), None)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        meeting = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return meeting.starts_at.astimezone().strftime("%Y-%m-%d %H:%M")
            if column == 1:
                return meeting.title
            if column == 2:
                return self._orgs.get(meeting.organisation_id or "", "")
            if column == 3:
                return self.tr(label(meeting.status or MeetingStatus.PLANNED))
            return str(len(meeting.cases))
        if role == Qt.ItemDataRole.FontRole and self._now and meeting.starts_at >= self._now:
            font = QFont()
            font.setBold(True)  # still to come
            return font
        return None
