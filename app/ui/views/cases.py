# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Cases screen: one search box, filters, the list, and the selected case.

Passive: it says what the user asked for (signals) and shows what it is given.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Status, label
from app.domain.model import Case
from app.services.cases import CaseFilter
from app.ui.models import CaseTableModel

SEARCH_DELAY_MS = 200


class CasesView(QWidget):
    filter_changed = Signal(object)  # CaseFilter
    case_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names in any script, charges, notes…"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status filter"))
        self.status.addItem(self.tr("Any status"), None)
        for status in Status:
            self.status.addItem(label(status), status)
        self.stale = QComboBox()
        self.stale.setAccessibleName(self.tr("Not raised since"))
        for text, days in ((self.tr("Raised or not"), None),
                           (self.tr("Not raised in 90 days"), 90),
                           (self.tr("Not raised in a year"), 365)):
            self.stale.addItem(text, days)

        self.model = CaseTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Cases"))
        self.empty = QLabel(self.tr("No cases match. Clear the search or the filters, or "
                                    "import a spreadsheet with 'vigil import'."))
        self.empty.setWordWrap(True)
        self.empty.hide()

        self.photo = QLabel()
        self.photo.setFixedSize(128, 128)
        self.photo.setScaledContents(True)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName(self.tr("Selected case"))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.stale, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignLeft)
        right_layout.addWidget(self.detail)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._emit_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.status.currentIndexChanged.connect(self._emit_filter)
        self.stale.currentIndexChanged.connect(self._emit_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    def current_filter(self) -> CaseFilter:
        status = self.status.currentData()
        return CaseFilter(query=self.search.text(),
                          statuses=frozenset({status}) if status else frozenset(),
                          not_raised_since_days=self.stale.currentData())

    def set_not_raised_since(self, days: int | None) -> None:
        self.stale.setCurrentIndex(max(0, self.stale.findData(days)))

    def _emit_filter(self) -> None:
        self.filter_changed.emit(self.current_filter())

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.case_selected.emit(self.model.case_at(current.row()).id)

    def show_cases(self, cases, ids: set[str] | None = None) -> None:
        self.model.set_cases(cases, ids)
        self.table.resizeColumnsToContents()
        self._update_empty()

    def show_only(self, ids: set[str] | None) -> None:
        self.model.show_only(ids)
        self._update_empty()

    def _update_empty(self) -> None:
        shown = self.model.rowCount() > 0
        self.empty.setVisible(not shown)
        self.table.setVisible(shown)

    def show_case(self, case: Case, photo: bytes | None) -> None:
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.photo.setPixmap(pixmap)
        else:
            self.photo.clear()
        self.detail.setHtml(case_html(case))

    def clear(self) -> None:
        """Forget every piece of case data (on lock)."""
        self.model.clear()
        self.detail.clear()
        self.photo.clear()
        self.search.clear()


def case_html(case: Case) -> str:
    esc = html.escape
    names = " · ".join(esc(n.name) for n in case.other_names)
    facts = [("Status", label(case.status) if case.status else ""),
             ("Since", str(case.status_since or "")), ("Location", case.location or ""),
             ("Facility", case.facility or ""), ("Charges", "; ".join(case.charges)),
             ("Sentence", case.sentence or ""),
             ("Consent", label(case.consent) if case.consent else "")]
    rows = "".join(f"<tr><td><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>" for k, v in facts if v)
    events = "".join(f"<li>{esc(str(e.date))}: {esc(e.title)}</li>"
                     for e in sorted(case.events, key=lambda e: e.date))
    return (f"<h2>{esc(case.display_name)}</h2><h3>{esc(case.name_original or '')}</h3>"
            f"<p>{names}</p><table>{rows}</table>"
            f"<p>{esc(case.summary or '')}</p><h4>Timeline</h4><ul>{events}</ul>")
