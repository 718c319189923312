# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Colleagues screen's list of conflicting edits, and how a stored value reads there.

It shows ``ConflictView``s it is given and asks for a resolution with a signal; it never
resolves anything itself.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.sharing.conflicts import ConflictView
from app.ui.exchange import field_label
from app.ui.i18n import tr
from app.ui.plain import PlainLabel

INLINE_CHARS = 60


def kind_label(kind: str) -> str:
    return {"case": tr("Case"), "event": tr("Timeline event"), "source": tr("Source"),
            "attachment": tr("Attachment"), "ask": tr("Ask"), "meeting": tr("Meeting"),
            "organisation": tr("Organisation"), "official": tr("Official")}.get(kind, kind)


def readable(value) -> str:
    """A stored value as text a person can read: lists one item a line, never raw JSON."""
    if value is None or value == "" or value == [] or value == {}:
        return tr("(empty)")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, list):
        return "\n".join(f"• {_inline(item)}" for item in value)
    if isinstance(value, dict):
        return "\n".join(f"{field_label(str(k))}: {_inline(v)}" for k, v in value.items()
                         if v not in (None, "", [], {}))
    return str(value)


def _inline(value) -> str:
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v not in (None, "", [], {}))
    if isinstance(value, list):
        return ", ".join(_inline(v) for v in value)
    return str(value)


def one_line(value) -> str:
    text = " · ".join(readable(value).replace("• ", "").splitlines())
    return text if len(text) <= INLINE_CHARS else text[: INLINE_CHARS - 1] + "…"


def when(stamp: str) -> str:
    """An ISO time as "2026-11-28 09:01"."""
    return stamp[:16].replace("T", " ")


class ConflictsPanel(QWidget):
    """Edits that lost to a colleague's concurrent edit: keep the current value or use the
    other one."""

    resolve_requested = Signal(int, bool)  # conflict id, use the other value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views: list[ConflictView] = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Record"), self.tr("Field"), self.tr("Value kept"),
            self.tr("The other value"), self.tr("When")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Conflicting edits"))
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Both values in full"))
        self.keep_button = QPushButton(self.tr("Keep current"))
        self.take_button = QPushButton(self.tr("Use the other value"))
        self.empty = PlainLabel(self.tr("No conflicting edits. When you and a colleague change the "
                                         "same field at the same time, the later edit is kept and "
                                         "the other one waits here for you."))
        self.empty.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail, 1)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.keep_button.clicked.connect(lambda: self._resolve(False))
        self.take_button.clicked.connect(lambda: self._resolve(True))
        self._selection_changed()

    def show_conflicts(self, views: list[ConflictView]) -> None:
        current = self.current()
        self.views = list(views)
        self.table.setRowCount(len(self.views))
        for row, view in enumerate(self.views):
            c = view.conflict
            record = view.record_label or tr("(deleted record)")
            cells = [f"{kind_label(c.record_kind)}: {record}", field_label(c.field),
                     one_line(c.current_value), one_line(c.losing_value),
                     when(c.detected_at)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if current is not None and c.id == current.conflict.id:
                self.table.selectRow(row)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.views)
        self.table.setVisible(bool(self.views))
        self._selection_changed()

    def current(self) -> ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.views[rows[0].row()] if rows and rows[0].row() < len(self.views) else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _selection_changed(self) -> None:
        view = self.current()
        self.keep_button.setEnabled(view is not None)
        self.take_button.setEnabled(view is not None)
        if view is None:
            self.detail.clear()
            return
        c = view.conflict
        self.detail.setPlainText("\n".join([
            f"{kind_label(c.record_kind)}: {view.record_label or tr('(deleted record)')}",
            tr("Field: {0}").format(field_label(c.field)), "",
            tr("Value kept (current):"), readable(c.current_value), "",
            tr("The other value (from the edit that lost):"), readable(c.losing_value)]))

    def _resolve(self, take_other: bool) -> None:
        view = self.current()
        if view is not None:
            self.resolve_requested.emit(view.conflict.id, take_other)

    def clear(self) -> None:
        self.show_conflicts([])
