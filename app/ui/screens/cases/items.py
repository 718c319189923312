# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A case's timeline and sources: a list of either with Add/Edit/Remove, and the small
dialog for one event or source.

Like the profile form, they get plain items and hand back new ones (``dataclasses.replace``);
the detail saves them. A problem is one sentence that never quotes what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import EventKind, Reliability, SourceKind
from app.domain.model import Event, Source
from app.services.cases import new_id
from app.ui.date_entry import DateEntry
from app.ui.i18n import label, tr
from app.ui.plain import PlainLabel
from app.ui.screens.cases import editor as case_editor  # its ``confirm``, which tests replace
from app.ui.screens.cases.editor import (
    combo_value,
    enum_combo,
    follow_direction,
    is_right_to_left,
    line,
    or_none,
    parse_date,
    set_combo,
    text_box,
)
from app.ui.widgets import problem_label, show_problem


class ItemDialog(QDialog):
    """A small form for one event or source; OK only when it is valid."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)  # never case data: other processes can read titles
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.form = QFormLayout()
        self.error = problem_label(self.tr("Problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_item = None

    def accept(self) -> None:
        item, problem = self.build()
        show_problem(self.error, problem)
        if item is not None:
            self.result_item = item
            super().accept()

    def build(self):  # -> (item or None, problem or None)
        raise NotImplementedError


class EventDialog(ItemDialog):
    def __init__(self, event: Event | None, parent: QWidget | None = None) -> None:
        super().__init__(tr("Edit event") if event else tr("Add event"), parent)
        self.event = event
        self.date = DateEntry(tr("Date"))
        self.kind = enum_combo(tr("Kind of event"), EventKind, tr("Not recorded"))
        self.title = follow_direction(line(tr("Title")))
        self.description = text_box(tr("Description"))
        for text, widget in ((tr("Date"), self.date), (tr("Kind"), self.kind),
                             (tr("Title"), self.title), (tr("Description"), self.description)):
            self.form.addRow(text, widget)
        if event is not None:
            self.date.setText(str(event.date))
            set_combo(self.kind, event.kind)
            self.title.setText(event.title)
            self.description.setPlainText(event.description or "")

    def build(self):
        problems: list[str] = []
        when = parse_date(self.date, tr("Date"), problems)
        if problems:
            return None, problems[0]
        if when is None:
            return None, tr("An event needs a date; use {0}.").format(self.date.hint())
        title = self.title.text().strip()
        if not title:
            return None, tr("An event needs a title.")
        values = dict(date=when, kind=combo_value(self.kind, EventKind), title=title,
                      description=or_none(self.description.toPlainText()))
        if self.event is None:
            return Event(id=new_id(), **values), None
        return replace(self.event, **values), None


class SourceDialog(ItemDialog):
    def __init__(self, source: Source | None, parent: QWidget | None = None) -> None:
        super().__init__(tr("Edit source") if source else tr("Add source"), parent)
        self.source = source
        self.title = follow_direction(line(tr("Title or citation")))
        self.url = line(tr("Web address"), "https://…")
        self.kind = enum_combo(tr("Kind of source"), SourceKind, tr("Not recorded"))
        self.reliability = enum_combo(tr("Reliability"), Reliability, tr("Not recorded"))
        self.confidential = QCheckBox(tr("Confidential: never leaves the internal profile"))
        self.confidential.setAccessibleName(tr("Confidential"))
        self.notes = text_box(tr("Notes about the source"), 50)
        for text, widget in ((tr("Title"), self.title), (tr("Address"), self.url),
                             (tr("Kind"), self.kind), (tr("Reliability"), self.reliability),
                             ("", self.confidential), (tr("Notes"), self.notes)):
            self.form.addRow(text, widget)
        if source is not None:
            self.title.setText(source.title)
            self.url.setText(source.url or "")
            set_combo(self.kind, source.kind)
            set_combo(self.reliability, source.reliability)
            self.confidential.setChecked(source.confidential)
            self.notes.setPlainText(source.notes or "")

    def build(self):
        title = self.title.text().strip()
        if not title:
            return None, tr("A source needs a title.")
        values = dict(title=title, url=or_none(self.url.text()),
                      kind=combo_value(self.kind, SourceKind),
                      reliability=combo_value(self.reliability, Reliability),
                      confidential=self.confidential.isChecked(),
                      notes=or_none(self.notes.toPlainText()))
        if self.source is None:
            return Source(id=new_id(), **values), None
        return replace(self.source, **values), None


class ItemsTab(QWidget):
    """A list of events or sources with Add/Edit/Remove; says each change with ``edited``
    (the whole new tuple), which the detail saves."""

    edited = Signal(tuple)

    def __init__(self, name: str, headers: list[str], cells: Callable[[object], list[str]],
                 dialog: Callable[[object | None, QWidget], ItemDialog],
                 describe: Callable[[object], str], empty: str,
                 order: Callable[[object], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cells, self._make_dialog, self._describe, self._order = (
            cells, dialog, describe, order)
        self.items: tuple = ()
        self.dialog: ItemDialog | None = None
        self.table = QTableWidget(0, len(headers))
        self.table.setAccessibleName(name)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.empty = PlainLabel(empty)
        self.empty.setWordWrap(True)
        self.add_button = QPushButton(tr("Add…"))
        self.edit_button = QPushButton(tr("Edit…"))
        self.remove_button = QPushButton(tr("Remove…"))
        for button, text in ((self.add_button, tr("Add")), (self.edit_button, tr("Edit")),
                             (self.remove_button, tr("Remove"))):
            button.setAccessibleName(f"{text} ({name})")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.set_items(())

    def set_items(self, items) -> None:
        items = tuple(items)
        self.items = tuple(sorted(items, key=self._order)) if self._order else items
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            for column, text in enumerate(self._cells(item)):
                cell = QTableWidgetItem(text)
                if is_right_to_left(text):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight |
                                          Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.items)
        self.table.setVisible(bool(self.items))

    def clear(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        self.set_items(())

    def current(self):
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def add(self) -> None:
        self._open(None)

    def edit(self) -> None:
        item = self.current()
        if item is not None:
            self._open(item)

    def _open(self, item) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog = self._make_dialog(item, self)
        dialog.accepted.connect(lambda: self._done(item, dialog.result_item))
        dialog.open()  # window-modal, not a nested event loop

    def _done(self, old, new) -> None:
        self.dialog = None
        if old is None:
            self.edited.emit(self.items + (new,))
        else:
            self.edited.emit(tuple(new if i.id == old.id else i for i in self.items))

    def remove(self) -> None:
        item = self.current()
        if item is not None and case_editor.confirm(
                self, tr("Remove {0}? This cannot be undone.").format(self._describe(item)),
                tr("Remove")):
            self.edited.emit(tuple(i for i in self.items if i.id != item.id))


def timeline_tab() -> ItemsTab:
    return ItemsTab(
        tr("Timeline"), [tr("Date"), tr("Kind"), tr("Title")],
        lambda e: [str(e.date), label(e.kind) if e.kind else "", e.title],
        lambda e, parent: EventDialog(e, parent),
        lambda e: tr("the event “{0}” ({1})").format(e.title, e.date),
        tr("No events recorded yet. Add what happened, with a date as exact as is known."),
        order=lambda e: e.date)


def sources_tab() -> ItemsTab:
    return ItemsTab(
        tr("Sources"), [tr("Title"), tr("Reliability"), tr("Confidential"), tr("Address")],
        lambda s: [s.title, label(s.reliability) if s.reliability else "",
                   tr("confidential") if s.confidential else "", s.url or ""],
        lambda s, parent: SourceDialog(s, parent),
        lambda s: tr("the source “{0}”").format(s.title),
        tr("No sources recorded yet."))
