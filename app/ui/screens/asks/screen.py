# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Asks screen: every intervention, newest first, with a filter and the overdue
follow-ups; log, edit and delete asks.

At 100,000 asks the screen never holds them all: the filter runs in SQL off the UI thread
and leaves only the ordered rowids of the asks it keeps; lines are read a block at a time
when the table first shows them, and only a few blocks are kept. No model holds an ORM row
or a session.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Channel, Response
from app.services.ask_pages import (
    BLOCK,
    AskFilter,
    ask_rowids,
    count_live_asks,
    overdue_rowids,
    read_block,
    rowid_of,
)
from app.services.asks import AskLine, delete_ask, get_ask
from app.ui import plain
from app.ui.ask_table import AskTableModel, ask_table
from app.ui.context import ASKS, CASES, DIRECTORY, Refresher, VaultContext
from app.ui.i18n import label
from app.ui.log_ask import LogAskDialog
from app.ui.plain import PlainLabel

CACHED_BLOCKS = 8         # blocks of lines kept: a screenful many times over
FILTER_DELAY_MS = 150
_ROOT = QModelIndex()


class AskPageModel(AskTableModel):
    """The Asks screen's list: the rowids of the asks the filter keeps, in order, and the
    lines of at most ``cached_blocks`` blocks of them, read off the UI thread the first time
    the view shows a row of the block. One block read at a time; a row asked for meanwhile
    waits for the next one (so a burst of questions reads only the latest blocks)."""

    blocks_read = Signal()  # lines arrived for rows the view showed empty

    def __init__(self, ctx: VaultContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.block, self.cached_blocks = BLOCK, CACHED_BLOCKS  # tests make them small
        self._rowids = array("q")
        self._count = 0
        self._blocks: OrderedDict[int, list[AskLine | None]] = OrderedDict()  # oldest first
        self._wanted: dict[int, None] = {}  # blocks asked for, latest last
        self._reading: tuple[object, list[int]] | None = None  # the read under way
        self._request = QTimer(self, singleShot=True, interval=0)
        self._request.timeout.connect(self._read_wanted)

    def set_rows(self, rowids: array, total: int, first: list[AskLine | None]) -> None:
        """A new list: its rowids, the number of live asks, the lines of its first block."""
        self.beginResetModel()
        self._rowids, self._count = rowids, total
        self._blocks.clear()
        self._wanted.clear()
        self._reading = None  # a read under way is for the old list: its lines are dropped
        if first:
            self._blocks[0] = first
        self.endResetModel()

    def clear(self) -> None:
        self._request.stop()
        self.set_rows(array("q"), 0, [])

    def total(self) -> int:
        return self._count

    def cached_lines(self) -> int:
        return sum(len(lines) for lines in self._blocks.values())

    def rowid_at(self, row: int) -> int:
        return self._rowids[row]

    def row_of_rowid(self, rowid: int) -> int | None:
        try:
            return self._rowids.index(rowid)
        except ValueError:
            return None

    def line_at(self, row: int) -> AskLine | None:
        """The line if its block is read; else None, and the block is read soon."""
        block, at = divmod(row, self.block)
        lines = self._blocks.get(block)
        if lines is None:
            if not 0 <= row < len(self._rowids):
                return None
            self._wanted.pop(block, None)
            self._wanted[block] = None
            self._request.start()
            return None
        self._blocks.move_to_end(block)
        return lines[at] if at < len(lines) else None

    def row_of(self, ask_id: str) -> int | None:
        """The row of an ask whose line is read (the Asks screen looks up the others)."""
        for block, lines in self._blocks.items():
            for at, line in enumerate(lines):
                if line is not None and line.id == ask_id:
                    return block * self.block + at
        return None

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._rowids)

    def _read_wanted(self) -> None:
        reading = [b for b in self._wanted if b not in self._blocks][-self.cached_blocks:]
        if self._reading is not None or not reading:
            return
        self._wanted.clear()
        rowids = [self._rowids[b * self.block:(b + 1) * self.block].tolist() for b in reading]
        token = object()
        self._reading = (token, reading)
        job = self.ctx.read(lambda session: [read_block(session, r) for r in rowids],
                            lambda blocks: self._arrived(token, blocks),
                            on_failed=lambda error: self._failed(token, error))
        if job is None:  # locked meanwhile
            self._reading = None

    def _arrived(self, token: object, blocks: list[list[AskLine | None]]) -> None:
        if self._reading is None or self._reading[0] is not token:
            return  # read for a list shown no more
        numbers, self._reading = self._reading[1], None
        for number, lines in zip(numbers, blocks, strict=True):
            self._blocks[number] = lines
            self._blocks.move_to_end(number)
        while len(self._blocks) > self.cached_blocks:
            self._blocks.popitem(last=False)
        last_column = self.columnCount() - 1
        for number in numbers:
            if number in self._blocks:
                first = number * self.block
                self.dataChanged.emit(self.index(first, 0),
                                      self.index(first + len(self._blocks[number]) - 1,
                                                 last_column))
        self.blocks_read.emit()
        if self._wanted:
            self._request.start()

    def _failed(self, token: object, error: BaseException) -> None:
        if self._reading is not None and self._reading[0] is token:
            self._reading = None
        self.ctx.report(error)


class AsksScreen(QWidget):
    loaded = Signal()  # a list (after a change, the filter or the switch) is shown

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.confirm: Callable[[str], bool] = self._confirm  # tests replace it
        self.dialogs: list[QWidget] = []
        self._listing = 0           # the latest list read asked for; older results are dropped
        self._job = None
        self._overdue: array | None = None  # rowids of the overdue asks, while the switch is on
        self._build_widgets()
        self._build_layout()
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
        self.freshness = Refresher(ctx, self, (ASKS, CASES, DIRECTORY), self._reread)
        self._update_buttons()

    def _build_widgets(self) -> None:
        """The filter, the overdue switch, the buttons, the list, its count, or why empty."""
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by date, who, channel, case, response…"))
        self.filter.setAccessibleName(self.tr("Filter asks"))
        self.filter.setClearButtonEnabled(True)
        self.overdue = QCheckBox(self.tr("Follow-ups overdue"))
        self.overdue.setAccessibleName(self.tr("Show only asks whose follow-up is overdue"))
        self.log_button = QPushButton(self.tr("Log ask…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.model = AskPageModel(self.ctx, self)
        self.table = ask_table(self.model, self.tr("Asks"))
        self.count = PlainLabel()
        self.count.setAccessibleName(self.tr("Number of asks shown"))
        self.empty = PlainLabel()
        self.empty.setWordWrap(True)
        self.empty.hide()

    def _build_layout(self) -> None:
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

    # -- the screen contract ---------------------------------------------------------------------
    def refresh(self) -> None:
        self.freshness.refresh()

    def _reread(self):
        """Read the list again (the overdue asks too): something changed."""
        self._overdue = None
        self._list(keep_selection=True)
        return self._job

    def _list(self, *, keep_selection: bool = False) -> None:
        """Read, off the UI thread, the rowids the filter and the switch keep, the number of
        live asks and the first block of lines; a newer read supersedes this one."""
        needle = self.filter.text().strip().casefold()
        where = AskFilter(
            text=needle,
            channels=[c.value for c in Channel if needle and needle in label(c).casefold()],
            responses=[r.value for r in Response if needle and needle in label(r).casefold()])
        only_overdue, overdue, today = self.overdue.isChecked(), self._overdue, self.ctx.today()
        block = self.model.block

        def query(session):
            only = None
            if only_overdue:
                only = overdue if overdue is not None else overdue_rowids(session, today)
            rowids = ask_rowids(session, replace(where, only=only))
            return rowids, count_live_asks(session), read_block(session, rowids[:block]), only

        self._listing += 1
        listing = self._listing
        if self._job is not None:
            self._job.cancel()  # its result would be dropped anyway
        self._job = self.ctx.read(query, lambda result: self._listed(listing, keep_selection,
                                                                      result),
                                  on_failed=lambda error: self._failed(listing, error))

    def _listed(self, listing: int, keep_selection: bool, result) -> None:
        if listing != self._listing:
            return
        self._job = None
        rowids, total, first, only = result
        self._overdue = only
        kept = self._selected_rowid() if keep_selection else None
        self.model.set_rows(rowids, total, first)
        if kept is not None and (row := self.model.row_of_rowid(kept)) is not None:
            self.table.selectRow(row)
        self._update_count()
        self.loaded.emit()
        self.freshness.finished()  # whichever read came last, the list is current

    def _failed(self, listing: int, error: BaseException) -> None:
        if listing == self._listing:
            self._job = None
            self.ctx.report(error)
            self.freshness.finished()

    def clear(self) -> None:
        """Forget every piece of case data (on lock)."""
        for dialog in list(self.dialogs):  # closing one removes it from the list
            dialog.close()
        self.dialogs.clear()
        self._listing += 1  # a list still being read is dropped when it arrives
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self.model.clear()
        self._overdue = None
        self.freshness.clear()
        self._debounce.stop()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.blockSignals(False)
        self.count.clear()
        self.empty.hide()

    def show_overdue(self) -> None:
        """Only the asks whose follow-up is overdue (the dashboard count opens this)."""
        if self.overdue.isChecked():
            self.freshness.reload()
        else:
            self.overdue.setChecked(True)

    # -- filtering -------------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        self._list()

    def _overdue_toggled(self, _on: bool) -> None:
        self._overdue = None  # read again when switched on: today's overdue asks
        self._list()

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
        selected = bool(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    # -- actions ---------------------------------------------------------------------------------
    def _selected_rowid(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rowid_at(rows[0].row()) if rows else None

    def selected(self) -> AskLine | None:
        """The selected ask's line, if its block is read (see ``_with_selected``)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.line_at(rows[0].row()) if rows else None

    def _with_selected(self, then: Callable[[AskLine], None]) -> None:
        """``then(line)`` for the selected ask: now if its line is read, else once it is."""
        rowid = self._selected_rowid()
        if rowid is None:
            return
        line = self.selected()
        if line is not None:
            then(line)
            return

        def arrived(found: AskLine | None) -> None:
            if found is not None and self._selected_rowid() == rowid:
                then(found)

        self.ctx.read(lambda session: read_block(session, [rowid])[0], arrived)

    def select_ask(self, ask_id: str) -> None:
        row = self.model.row_of(ask_id)
        if row is not None:
            self.table.selectRow(row)
            return
        listing = self._listing

        def found(rowid: int | None) -> None:
            if (listing == self._listing and rowid is not None and
                    (at := self.model.row_of_rowid(rowid)) is not None):
                self.table.selectRow(at)
                self.table.scrollTo(self.model.index(at, 0))

        self.ctx.read(lambda session: rowid_of(session, ask_id), found)

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
        self._with_selected(lambda line: self.ctx.read(lambda session: get_ask(session, line.id),
                                                       self._edit))

    def _edit(self, ask) -> None:
        self._open(LogAskDialog(self.ctx, self, ask=ask))

    def delete_selected(self) -> None:
        self._with_selected(self._delete)

    def _delete(self, line: AskLine) -> None:
        question = self.tr("Delete the ask of {0} raised by {1}? The cases it names stay; "
                           "colleagues you share with will see it deleted.").format(
                               line.date, line.raised_by)
        if self.confirm(question):
            self.ctx.write(lambda session: delete_ask(session, line.id), ASKS,
                           lambda _r: self.ctx.say(self.tr("Ask deleted.")))

    def _confirm(self, question: str) -> bool:
        answer = plain.ask(self, self.tr("Delete ask"), question,  # the question quotes a name
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                           QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def _double_clicked(self, index) -> None:
        line = self.model.line_at(index.row()) if index.isValid() else None
        if line is None:
            return
        if len(line.case_ids) == 1:
            self.ctx.case_requested.emit(line.case_ids[0])
        elif line.case_ids:
            menu = QMenu(self)
            for case_id, name in zip(line.case_ids, line.cases, strict=True):
                menu.addAction(name, lambda c=case_id: self.ctx.case_requested.emit(c))
            menu.exec(QCursor.pos())
