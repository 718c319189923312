# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Dashboard's case × government matrix as a Qt model, over plain data from the services
(never ORM rows or sessions). A tooltip that can hold data goes through ``literal``: Qt reads
a tooltip as rich text when it looks like markup."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from app.services.dashboard import CELL_BLOCK, Cell, Matrix
from app.ui.plain import literal

_ROOT = QModelIndex()


def recency_colour(last: date | None, today: date) -> QColor | None:
    """Green when raised lately, through amber, to red when stale; None when never (the
    delegate greys it from the palette, so it is quiet in light and dark themes alike)."""
    if last is None:
        return None
    days = (today - last).days
    if days <= 90:
        return QColor("#4caf50")
    if days <= 365:
        return QColor("#ffc107")
    return QColor("#e57373")


def short_names(governments) -> list[str]:
    """Column titles: the country code where it is unambiguous, else the name's initials."""
    countries = [g.country for g in governments]
    names = []
    for g in governments:
        if g.country and countries.count(g.country) == 1:
            names.append(g.country)
        else:
            initials = "".join(w[0] for w in g.name.replace("–", " ").split()
                               if w[:1].isupper())
            names.append((initials or g.name)[:6])
    return names


class MatrixModel(QAbstractTableModel):
    """Rows: cases, stalest first; columns: governments; cells coloured by recency.

    The cells come in blocks of ``BLOCK`` rows: the first with the matrix, the others asked
    for (``cells_wanted``) when a view first paints them, and added by ``add_cells``.
    """

    BLOCK = CELL_BLOCK
    cells_wanted = Signal(int, int, object)  # generation, block, the block's case IDs

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._matrix: Matrix | None = None
        self._cells: dict[tuple[str, str], Cell] = {}
        self._loaded: set[int] = set()
        self._asked: set[int] = set()
        self._generation = 0  # a block that arrives for an older matrix is dropped
        self._rows: dict[str, int] = {}
        self._columns: dict[str, int] = {}
        self._details: dict[tuple[str, str], str] = {}
        self._short: list[str] = []
        self._today = date.today()

    def set_matrix(self, matrix: Matrix | None, today: date) -> None:
        """A new matrix, with the cells of its first ``BLOCK`` rows."""
        self.beginResetModel()
        self._matrix, self._today = matrix, today
        self._generation += 1
        self._cells = dict(matrix.cells) if matrix else {}
        self._loaded, self._asked = ({0}, {0}) if matrix else (set(), set())
        self._rows = {case.id: row for row, case in enumerate(matrix.cases)} if matrix else {}
        self._columns = ({gov.id: column for column, gov in enumerate(matrix.governments)}
                         if matrix else {})
        self._details = {}
        self._short = short_names(matrix.governments) if matrix else []
        self.endResetModel()

    def clear(self) -> None:
        self.set_matrix(None, self._today)

    def add_cells(self, generation: int, block: int, cells: dict) -> None:
        if generation != self._generation or self._matrix is None:
            return
        self._cells.update(cells)
        self._loaded.add(block)
        first = block * self.BLOCK
        last = min(first + self.BLOCK, self.rowCount()) - 1
        if last >= first and self.columnCount():
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(last, self.columnCount() - 1))

    def ids_at(self, row: int, column: int) -> tuple[str, str]:
        m = self._matrix
        return m.cases[row].id, m.governments[column].id

    def set_detail(self, case_id: str, government_id: str, text: str) -> None:
        """The last ask and its response for one cell, fetched when the pointer rests on it."""
        row, column = self._rows.get(case_id), self._columns.get(government_id)
        if row is None or column is None:
            return
        self._details[(case_id, government_id)] = text
        index = self.index(row, column)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole])

    def loaded(self, row: int) -> bool:
        """Whether the cells of ``row`` are here; asks for its block if not."""
        block = row // self.BLOCK
        if block in self._loaded:
            return True
        if block not in self._asked and self._matrix is not None:
            self._asked.add(block)
            first = block * self.BLOCK
            ids = [case.id for case in self._matrix.cases[first:first + self.BLOCK]]
            self.cells_wanted.emit(self._generation, block, ids)
        return False

    def cell(self, row: int, column: int) -> Cell | None:
        m = self._matrix
        return self._cells.get((m.cases[row].id, m.governments[column].id)) if m else None

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() or not self._matrix else len(self._matrix.cases)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() or not self._matrix else len(self._matrix.governments)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) \
                or not self._matrix:
            return None
        if orientation == Qt.Orientation.Horizontal:
            gov = self._matrix.governments[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return literal(gov.name)
            return self._short[section]
        case = self._matrix.cases[section]
        name = f"{case.display_name}  {case.name_original or ''}".strip()
        return literal(name) if role == Qt.ItemDataRole.ToolTipRole else name

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not self._matrix:
            return None
        if not self.loaded(index.row()):  # on its way: no colour yet, rather than "never"
            return QColor(Qt.GlobalColor.transparent) \
                if role == Qt.ItemDataRole.BackgroundRole else None
        cell = self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return recency_colour(cell.last if cell else None, self._today)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(cell.count) if cell else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return literal(self._tooltip(index.row(), index.column(), cell))
        return None

    def _tooltip(self, row: int, column: int, cell: Cell | None) -> str:
        gov = self._matrix.governments[column].name
        if cell is None:
            return self.tr("{0}: never raised").format(gov)
        detail = self._details.get(self.ids_at(row, column))
        if detail:
            return detail
        return self.tr("{0}: raised %n time(s), last on {1}", "", cell.count).format(
            gov, cell.last.isoformat())
