# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Cases screen's item models (the case list, a case's attachments) over plain data from
the services, never ORM rows or sessions. A tooltip that can hold data goes through
``literal``: Qt reads a tooltip as rich text when it looks like markup."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt

from app.services.attachments import Attachment
from app.services.cases import CaseSummary
from app.ui.i18n import label
from app.ui.plain import literal
from app.ui.table_model import TableModel

_ROOT = QModelIndex()


class CaseTableModel(TableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("CaseTableModel", "Name"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Original script"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Status"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Days detained"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Last raised"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Consent"),
        QT_TRANSLATE_NOOP("CaseTableModel", "Priority"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[CaseSummary] = []
        self._rows: list[CaseSummary] = []  # those the search matches

    def set_cases(self, cases: list[CaseSummary], ids: set[str] | None = None) -> None:
        """All cases of the current filters, and which of them the search matches."""
        self._all = list(cases)
        self.show_only(ids)

    def show_only(self, ids: set[str] | None) -> None:
        self.beginResetModel()
        self._rows = self._all if ids is None else [c for c in self._all if c.id in ids]
        self.endResetModel()

    def clear(self) -> None:
        self.set_cases([])

    def case_at(self, row: int) -> CaseSummary:
        return self._rows[row]

    def ids_of(self, rows) -> list[str]:
        return [self._rows[row].id for row in sorted(rows)]

    def summary(self, case_id: str) -> CaseSummary | None:
        return next((c for c in self._all if c.id == case_id), None)

    def row_of(self, case_id: str) -> int | None:
        return next((i for i, c in enumerate(self._rows) if c.id == case_id), None)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        case = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (case.display_name, case.name_original or "",
                    label(case.status) if case.status else "",
                    "" if case.days_detained is None else f"{case.days_detained:,}",
                    case.last_raised.isoformat() if case.last_raised else self.tr("never"),
                    label(case.consent) if case.consent else "",
                    "" if case.priority is None else str(case.priority))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def human_size(size: int) -> str:
    """1,234 bytes as "1.2 KB": for people, not for checksums."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value):,} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return str(size)


class AttachmentTableModel(TableModel):
    """The attachments of one case, with the chain of custody (who added it, when)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AttachmentTableModel", "File"),
        QT_TRANSLATE_NOOP("AttachmentTableModel", "Type"),
        QT_TRANSLATE_NOOP("AttachmentTableModel", "Size"),
        QT_TRANSLATE_NOOP("AttachmentTableModel", "Added"),
        QT_TRANSLATE_NOOP("AttachmentTableModel", "Confidential"),
        QT_TRANSLATE_NOOP("AttachmentTableModel", "Photo"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Attachment] = []
        self._photo_id: str | None = None

    def set_attachments(self, items: list[Attachment], photo_id: str | None) -> None:
        self.beginResetModel()
        self._rows, self._photo_id = list(items), photo_id
        self.endResetModel()

    def clear(self) -> None:
        self.set_attachments([], None)

    def attachment_at(self, row: int) -> Attachment:
        return self._rows[row]

    def is_photo(self, row: int) -> bool:
        return self._rows[row].id == self._photo_id

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (item.filename, item.media_type, human_size(item.size),
                    item.added_at.replace("T", " ")[:16],
                    self.tr("yes") if item.confidential else "",
                    self.tr("photo") if item.id == self._photo_id else "")[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self.tr("SHA-256 {0}\nAdded by {1}").format(item.sha256,
                                                                       item.added_by))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
