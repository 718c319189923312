# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Cases screen's item models (the case list, a case's attachments) over plain data from
the services, never ORM rows or sessions. A tooltip that can hold data goes through
``literal``: Qt reads a tooltip as rich text when it looks like markup."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from itertools import compress

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt

from app.services.attachments import Attachment
from app.services.cases import CaseSummary
from app.ui.i18n import label
from app.ui.plain import literal
from app.ui.table_model import TableModel

_ROOT = QModelIndex()
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


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
        self._keys: list[int] = []  # the search key of each of _all (search.key_of)
        self._rows: list[CaseSummary] = []  # those the search matches
        self._shown: dict[str, tuple[str, ...]] = {}  # the cells of each row painted

    def set_cases(self, cases: list[CaseSummary], keys: list[int],
                  matches: AbstractSet[int] | None = None) -> None:
        """All cases of the current filters with their search keys, and the keys of those
        the search matches (None: no search)."""
        self._all, self._keys = list(cases), list(keys)
        self.show_only(matches)

    def show_only(self, matches: AbstractSet[int] | None) -> None:
        """The rows whose search key is in ``matches`` (all of them for None): one set
        lookup per case, no hashing, on every keystroke."""
        self.beginResetModel()
        self._rows = self._all if matches is None else list(
            compress(self._all, map(matches.__contains__, self._keys)))
        self._shown = {}
        self.endResetModel()

    def clear(self) -> None:
        self.set_cases([], [])

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
        if role == Qt.ItemDataRole.DisplayRole:
            case = self._rows[index.row()]
            cells = self._shown.get(case.id)
            if cells is None:  # a row's seven cells at once: a repaint asks for each
                cells = self._shown[case.id] = self._cells(case)
            return cells[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (3, 6):
            return _RIGHT
        return None

    def _cells(self, case: CaseSummary) -> tuple[str, ...]:
        return (case.display_name, case.name_original or "",
                label(case.status) if case.status else "",
                "" if case.days_detained is None else f"{case.days_detained:,}",
                case.last_raised.isoformat() if case.last_raised else self.tr("never"),
                label(case.consent) if case.consent else "",
                "" if case.priority is None else str(case.priority))


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
