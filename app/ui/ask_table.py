# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A list of asks as a table: the columns and how a line shows (``AskTableModel``), a short
list held whole with the filter text it matches (``AskListModel``: an official's or an
organisation's ask history), and the view. The Asks screen's paged model
(``app.ui.screens.asks.screen.AskPageModel``) builds on ``AskTableModel`` too.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView

from app.domain.enums import Channel, Level, Response
from app.services.asks import AskLine
from app.ui import fit
from app.ui.i18n import label
from app.ui.plain import literal
from app.ui.table_model import TableModel, table_view


def channel_label(value: str | None) -> str:
    """The channel as the reader's language names it (looked up now, not at import: the
    translation is installed after this module loads)."""
    return label(Channel(value)) if value else ""


def response_label(value: str | None) -> str:
    return label(Response(value)) if value else ""


def level_label(value: str | None) -> str:
    return label(Level(value)) if value else ""


def haystack(line: AskLine) -> str:
    """What the filter box searches, lower-cased once (runs off the UI thread)."""
    return "\n".join((line.date, line.raised_by, line.raised_with,
                      channel_label(line.channel), response_label(line.response),
                      "\n".join(line.cases), line.follow_up_due or "")).casefold()


def with_haystacks(lines: list[AskLine]) -> tuple[list[AskLine], list[str]]:
    return lines, [haystack(line) for line in lines]


class AskTableModel(TableModel):
    """Asks as table rows: the columns and how a line shows. Where the lines come from is
    the subclass's: ``line_at(row)`` (None for a line not read yet), ``row_of``, ``total``,
    ``clear``."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AskTableModel", "Date"),
        QT_TRANSLATE_NOOP("AskTableModel", "Raised by"),
        QT_TRANSLATE_NOOP("AskTableModel", "With"),
        QT_TRANSLATE_NOOP("AskTableModel", "Channel"),
        QT_TRANSLATE_NOOP("AskTableModel", "Public/private"),
        QT_TRANSLATE_NOOP("AskTableModel", "Cases"),
        QT_TRANSLATE_NOOP("AskTableModel", "Response"),
        QT_TRANSLATE_NOOP("AskTableModel", "Follow-up due"),
        QT_TRANSLATE_NOOP("AskTableModel", "Level"),
        QT_TRANSLATE_NOOP("AskTableModel", "At encounter"),
    )

    def line_at(self, row: int) -> AskLine | None:
        raise NotImplementedError

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, column = self.line_at(index.row()), index.column()
        if line is None:  # not read yet: shown when its block arrives
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole cell, as typed
            return literal(self._cell(line, column))
        return None

    def _cell(self, line: AskLine, column: int) -> str:
        if column == 0:
            return line.date
        if column == 1:
            return line.raised_by
        if column == 2:
            return line.raised_with
        if column == 3:
            return channel_label(line.channel)
        if column == 4:
            return self.tr("Public") if line.public else self.tr("Private")
        if column == 5:
            return "; ".join(line.cases)
        if column == 6:
            return response_label(line.response)
        if column == 7:
            return line.follow_up_due or ""
        if column == 8:
            return level_label(line.level)
        return line.encounter or ""


class AskListModel(AskTableModel):
    """A short list of asks held whole (an official's history); ``show`` narrows it by a
    text and/or a set of IDs."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[AskLine] = []
        self._hay: list[str] = []
        self._rows: list[AskLine] = []  # those shown
        self._text, self._ids = "", None

    def set_lines(self, lines: list[AskLine], hay: list[str] | None = None) -> None:
        self._all, self._hay = lines, hay if hay is not None else [haystack(x) for x in lines]
        self.show(self._text, self._ids)

    def show(self, text: str = "", ids: set[str] | None = None) -> None:
        self._text, self._ids = text.strip().casefold(), ids
        self.beginResetModel()
        pairs = zip(self._all, self._hay, strict=True)
        if self._text:
            pairs = ((line, hay) for line, hay in pairs if self._text in hay)
        if ids is not None:
            pairs = ((line, hay) for line, hay in pairs if line.id in ids)
        self._rows = self._all if not self._text and ids is None else [p[0] for p in pairs]
        self.endResetModel()

    def clear(self) -> None:
        self._text, self._ids = "", None
        self.set_lines([], [])

    def total(self) -> int:
        return len(self._all)

    def line_at(self, row: int) -> AskLine | None:
        return self._rows[row]

    def row_of(self, ask_id: str) -> int | None:
        return next((i for i, line in enumerate(self._rows) if line.id == ask_id), None)


def ask_table(model: AskTableModel, name: str) -> QTableView:
    table = table_view(model, name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    # date, raised by, with, channel, public/private, cases, response, follow-up due, level,
    # at encounter: at most so many average characters
    fit.fit_columns(table, (11, 34, 34, 18, 12, 34, 20, 11, 16, 30))
    return table
