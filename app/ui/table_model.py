# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The flat tables of the screens: the base of their Qt models (rows of plain data, one
column per title) and the view that shows one.

A subclass marks its ``HEADERS`` with ``QT_TRANSLATE_NOOP`` under its own class name, so that
``self.tr`` finds them; it keeps its (shown) rows in ``_rows`` and says what a cell shows in
``data``. It never holds a session or an ORM row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.ui.fit import ElidingDelegate

_ROOT = QModelIndex()


class TableModel(QAbstractTableModel):
    HEADERS: Sequence[str] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def column_title(self, section: int) -> str:
        return self.tr(self.HEADERS[section])

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.column_title(section)
        return None


class RowsView(QTableView):
    """A table of whole rows: bringing a row into view scrolls up or down only, so clicking
    a cell at the right does not scroll the names at the left out of sight."""

    def scrollTo(self, index, hint=QAbstractItemView.ScrollHint.EnsureVisible) -> None:
        across = self.horizontalScrollBar().value()
        super().scrollTo(index, hint)
        self.horizontalScrollBar().setValue(across)


def table_view(model: QAbstractItemModel, name: str, *, many: bool = False) -> QTableView:
    """A list of whole rows (one selected, or ``many``), resizable columns, the last one
    stretched, text too wide elided in the middle and whole on hover (``app.ui.fit``);
    ``name`` is what a screen reader says."""
    table = RowsView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if many
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setItemDelegate(ElidingDelegate(table))
    return table


def shown_rows(table: QTableView) -> tuple[list[str], list[list[str]]]:
    """The headers and the rows of ``table`` as the user sees them: visible columns, in the
    view's order, as displayed text."""
    model = table.model()
    header = table.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())
               if not header.isSectionHidden(header.logicalIndex(v))]
    heads = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    rows = [[str(model.index(r, c).data() or "") for c in columns]
            for r in range(model.rowCount())]
    return heads, rows
