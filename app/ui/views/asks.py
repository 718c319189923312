# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Asks screen: every intervention, newest first, with a filter and the overdue
follow-ups; log, edit and delete asks.

At 100,000 asks the list is read as plain tuples off the UI thread (newest first page at
once, then the rest) and filtered in memory; the table model never holds an ORM row.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Channel, Response
from app.services.asks import AskLine, ask_lines, delete_ask, get_ask, overdue_ask_ids
from app.ui.context import ASKS, CASES, DIRECTORY, VaultContext
from app.ui.i18n import label
from app.ui.log_ask import LogAskDialog

FIRST_PAGE = 500          # shown at once; the rest follows in a second read
FILTER_DELAY_MS = 150
_ROOT = QModelIndex()
_CHANNELS = {c.value: label(c) for c in Channel}
_RESPONSES = {r.value: label(r) for r in Response}


def haystack(line: AskLine) -> str:
    """What the filter box searches, lower-cased once (runs off the UI thread)."""
    return "\n".join((line.date, line.raised_by, line.raised_with,
                      _CHANNELS.get(line.channel, ""), _RESPONSES.get(line.response, ""),
                      "\n".join(line.cases), line.follow_up_due or "")).casefold()


def with_haystacks(lines: list[AskLine]) -> tuple[list[AskLine], list[str]]:
    return lines, [haystack(line) for line in lines]


class AskTableModel(QAbstractTableModel):
    """Asks as plain tuples; ``show`` narrows them by a text and/or a set of IDs."""

    HEADERS = (
        QT_TRANSLATE_NOOP("AskTableModel", "Date"),
        QT_TRANSLATE_NOOP("AskTableModel", "Raised by"),
        QT_TRANSLATE_NOOP("AskTableModel", "With"),
        QT_TRANSLATE_NOOP("AskTableModel", "Channel"),
        QT_TRANSLATE_NOOP("AskTableModel", "Public/private"),
        QT_TRANSLATE_NOOP("AskTableModel", "Cases"),
        QT_TRANSLATE_NOOP("AskTableModel", "Response"),
        QT_TRANSLATE_NOOP("AskTableModel", "Follow-up due"),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[AskLine] = []
        self._hay: list[str] = []
        self._lines: list[AskLine] = []
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
        self._lines = self._all if not self._text and ids is None else [p[0] for p in pairs]
        self.endResetModel()

    def clear(self) -> None:
        self._text, self._ids = "", None
        self.set_lines([], [])

    def total(self) -> int:
        return len(self._all)

    def line_at(self, row: int) -> AskLine:
        return self._lines[row]

    def row_of(self, ask_id: str) -> int | None:
        return next((i for i, line in enumerate(self._lines) if line.id == ask_id), None)

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line, column = self._lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return line.date
            if column == 1:
                return line.raised_by
            if column == 2:
                return line.raised_with
            if column == 3:
                return self.tr(_CHANNELS[line.channel]) if line.channel else ""
            if column == 4:
                return self.tr("Public") if line.public else self.tr("Private")
            if column == 5:
                return "; ".join(line.cases)
            if column == 6:
                return self.tr(_RESPONSES[line.response]) if line.response else ""
            return line.follow_up_due or ""
        return None


def ask_table(model: AskTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in enumerate((96, 200, 200, 140, 100, 240, 130, 100)):
        header.resizeSection(column, width)
    return table


class AsksScreen(QWidget):
    loaded = Signal()

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.confirm: Callable[[str], bool] = self._confirm  # tests replace it
        self.dialogs: list[QWidget] = []
        self._stale = True
        self._loading = False
        self._again = False
        self._overdue: set[str] | None = None

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by date, who, channel, case, response…"))
        self.filter.setAccessibleName(self.tr("Filter asks"))
        self.filter.setClearButtonEnabled(True)
        self.overdue = QCheckBox(self.tr("Follow-ups overdue"))
        self.overdue.setAccessibleName(self.tr("Show only asks whose follow-up is overdue"))
        self.log_button = QPushButton(self.tr("Log ask…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.model = AskTableModel(self)
        self.table = ask_table(self.model, self.tr("Asks"))
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Number of asks shown"))
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.hide()

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.overdue)
        for button in (self.log_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.count)

        self._debounce = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._debounce.timeout.connect(self._apply_filter)
        self.filter.textChanged.connect(self._debounce.start)
        self.overdue.toggled.connect(self._overdue_toggled)
        self.log_button.clicked.connect(self.log_ask)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        ctx.changed.connect(self._changed)
        self._update_buttons()

    # -- the screen contract ---------------------------------------------------------------------
    def refresh(self) -> None:
        if self._loading or self.ctx.vault is None:
            return  # the read under way started after the last change: fresh enough
        self._loading, self._again, self._stale = True, False, False
        want_overdue = self.overdue.isChecked()
        today = self.ctx.today()

        def first(session):
            return (with_haystacks(ask_lines(session, limit=FIRST_PAGE)),
                    overdue_ask_ids(session, today) if want_overdue else None)

        if self.ctx.read(first, self._first_page, on_failed=self._failed) is None:
            self._loading = False

    def _first_page(self, result) -> None:
        (lines, hay), overdue = result
        self._overdue = overdue if self.overdue.isChecked() else None
        self.model.set_lines(lines, hay)
        self.model.show(self.filter.text(), self._overdue)
        if len(lines) < FIRST_PAGE:
            self._finished()
            return
        self.count.setText(self.tr("Showing the newest {0:,} asks; reading the rest…")
                           .format(len(lines)))
        self.ctx.read(lambda session: with_haystacks(ask_lines(session)), self._all_pages,
                      on_failed=self._failed)

    def _all_pages(self, result) -> None:
        current = self.table.currentIndex()
        kept = self.model.line_at(current.row()).id if current.isValid() else None
        self.model.set_lines(*result)
        if kept and (row := self.model.row_of(kept)) is not None:
            self.table.selectRow(row)
        self._finished()

    def _finished(self) -> None:
        self._loading = False
        self._update_count()
        self.loaded.emit()
        if self._again:
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.ctx.report(error)

    def clear(self) -> None:
        """Forget every piece of case data (on lock)."""
        for dialog in list(self.dialogs):  # closing one removes it from the list
            dialog.close()
        self.dialogs.clear()
        self.model.clear()
        self._overdue = None
        self._loading = self._again = False
        self._stale = True
        self._debounce.stop()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.blockSignals(False)
        self.count.clear()
        self.empty.hide()

    def show_overdue(self) -> None:
        """Only the asks whose follow-up is overdue (the dashboard count opens this)."""
        if self.overdue.isChecked():
            self.refresh()
        else:
            self.overdue.setChecked(True)

    def _changed(self, kind: str) -> None:
        if kind not in (ASKS, CASES, DIRECTORY):
            return
        if self._loading:
            self._again = True
        elif self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    # -- filtering -------------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        self.model.show(self.filter.text(), self._overdue)
        self._update_count()

    def _overdue_toggled(self, on: bool) -> None:
        if not on:
            self._overdue = None
            self._apply_filter()
            self.loaded.emit()
            return
        today = self.ctx.today()
        self.ctx.read(lambda session: overdue_ask_ids(session, today), self._overdue_loaded,
                      on_failed=self._failed)

    def _overdue_loaded(self, ids: set[str]) -> None:
        if self.overdue.isChecked():
            self._overdue = ids
            self._apply_filter()
            self.loaded.emit()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        if total == 0:
            self.empty.setText(self.tr("No asks recorded yet. Use \u201cLog ask…\u201d after a "
                                       "meeting, a statement or a letter."))
        else:
            self.empty.setText(self.tr("No ask matches. Clear the filter or the "
                                       "\u201cFollow-ups overdue\u201d switch."))
        self.empty.setVisible(shown == 0)
        self.count.setText(self.tr("{0:,} asks").format(total) if shown == total else
                           self.tr("{0:,} of {1:,} asks").format(shown, total))

    def _update_buttons(self, *_args) -> None:
        selected = self.selected() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    # -- actions ---------------------------------------------------------------------------------
    def selected(self) -> AskLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.line_at(rows[0].row()) if rows else None

    def select_ask(self, ask_id: str) -> None:
        row = self.model.row_of(ask_id)
        if row is not None:
            self.table.selectRow(row)

    def _open(self, dialog: LogAskDialog) -> LogAskDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def _forget(self, dialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def log_ask(self) -> LogAskDialog:
        return self._open(LogAskDialog(self.ctx, self))

    def edit_selected(self) -> None:
        line = self.selected()
        if line is not None:
            self.ctx.read(lambda session: get_ask(session, line.id), self._edit)

    def _edit(self, ask) -> None:
        self._open(LogAskDialog(self.ctx, self, ask=ask))

    def delete_selected(self) -> None:
        line = self.selected()
        if line is None:
            return
        question = self.tr("Delete the ask of {0} raised by {1}? The cases it names stay; "
                           "colleagues you share with will see it deleted.").format(
                               line.date, line.raised_by)
        if self.confirm(question):
            self.ctx.write(lambda session: delete_ask(session, line.id), ASKS,
                           lambda _r: self.ctx.say(self.tr("Ask deleted.")))

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete ask"), question,
                                      QMessageBox.StandardButton.Yes |
                                      QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _double_clicked(self, index) -> None:
        if not index.isValid():
            return
        line = self.model.line_at(index.row())
        if len(line.case_ids) == 1:
            self.ctx.case_requested.emit(line.case_ids[0])
        elif line.case_ids:
            menu = QMenu(self)
            for case_id, name in zip(line.case_ids, line.cases, strict=True):
                menu.addAction(name, lambda c=case_id: self.ctx.case_requested.emit(c))
            menu.exec(QCursor.pos())
