# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Cases screen: one search box, filters, the list, and the selected case.

Passive: it says what the user asked for (signals) and shows what it is given (plain data
from the services; never a session or an ORM row).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Category, Consent, Status, label
from app.domain.model import Case
from app.services.asks import AskView
from app.services.cases import CaseFilter
from app.ui.models import CaseTableModel

SEARCH_DELAY_MS = 200
MAX_COLUMN_WIDTH = 180
CONSENT_COLOURS = {Consent.PUBLIC: "#2e7d32", Consent.PRIVATE_ONLY: "#ef6c00",
                   Consent.DO_NOT_RAISE: "#c62828"}


def tr(text: str) -> str:
    return QCoreApplication.translate("CasesView", text)


class CasesView(QWidget):
    filter_changed = Signal(object)  # CaseFilter
    case_selected = Signal(str)
    copy_requested = Signal(str)  # text for the clipboard guard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names in any script, charges, notes…"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.status = self._combo(self.tr("Status filter"), self.tr("Any status"),
                                  [(label(s), s) for s in Status])
        self.category = self._combo(self.tr("Category filter"), self.tr("Any category"),
                                    [(label(c), c) for c in Category])
        self.consent = self._combo(self.tr("Consent filter"), self.tr("Any consent"),
                                   [(label(c), c) for c in Consent])
        self.priority = self._combo(self.tr("Priority filter"), self.tr("Any priority"),
                                    [(self.tr("Priority {0}").format(p), p) for p in (1, 2, 3)])
        self.stale = self._combo(self.tr("Not raised since"), self.tr("Raised or not"),
                                 [(self.tr("Not raised in 90 days"), 90),
                                  (self.tr("Not raised in a year"), 365)])

        self.model = CaseTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Cases"))
        self.copy_action = QAction(self.tr("Copy name"), self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_current_name)
        self.table.addAction(self.copy_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.empty = QLabel(self.tr("No cases match. Clear the search or the filters, or "
                                    "import a spreadsheet with 'vigil import'."))
        self.empty.setWordWrap(True)
        self.empty.hide()

        self.detail = CaseDetail()
        self._shown_id: str | None = None

        filters = QHBoxLayout()
        for widget in (self.status, self.category, self.consent, self.priority, self.stale):
            filters.addWidget(widget, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 440])
        self.detail.setMinimumWidth(360)
        QVBoxLayout(self).addWidget(splitter)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._emit_filter)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.status, self.category, self.consent, self.priority, self.stale):
            combo.currentIndexChanged.connect(self._emit_filter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    @staticmethod
    def _combo(name: str, anything: str, items) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.addItem(anything, None)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def current_filter(self) -> CaseFilter:
        def one(combo, kind):  # Qt hands enum members back as plain strings
            value = combo.currentData()
            return frozenset() if value is None else frozenset({kind(value)})

        return CaseFilter(query=self.search.text(), statuses=one(self.status, Status),
                          categories=one(self.category, Category),
                          consents=one(self.consent, Consent),
                          priority=self.priority.currentData(),
                          not_raised_since_days=self.stale.currentData())

    def set_not_raised_since(self, days: int | None) -> None:
        self.stale.setCurrentIndex(max(0, self.stale.findData(days)))

    def reset_filters(self) -> None:
        for combo in (self.status, self.category, self.consent, self.priority, self.stale):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def _emit_filter(self) -> None:
        self.filter_changed.emit(self.current_filter())

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            case_id = self.model.case_at(current.row()).id
            if case_id != self._shown_id:
                self.case_selected.emit(case_id)

    def copy_current_name(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            case = self.model.case_at(index.row())
            self.copy_requested.emit(case.name_original if index.column() == 1 and
                                     case.name_original else case.display_name)

    def show_cases(self, cases, ids: set[str] | None = None) -> None:
        self.model.set_cases(cases, ids)
        self._keep_selection()
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):  # long statuses must not hide the rest
            header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))
        self._update_empty()

    def show_only(self, ids: set[str] | None) -> None:
        self.model.show_only(ids)
        self._keep_selection()
        self._update_empty()

    def _keep_selection(self) -> None:
        """After the list changes, keep the shown case selected, or clear it if it left."""
        row = self.model.row_of(self._shown_id) if self._shown_id else None
        if row is None:
            self._shown_id = None
            self.detail.clear()
        else:
            self.table.selectRow(row)

    def _update_empty(self) -> None:
        shown = self.model.rowCount() > 0
        self.empty.setVisible(not shown)
        self.table.setVisible(shown)

    def show_case(self, case: Case, photo: bytes | None, asks: list[AskView] = (),
                  days_detained: int | None = None) -> None:
        self._shown_id = case.id
        if days_detained is None:
            summary = self.model.summary(case.id)
            days_detained = summary.days_detained if summary else None
        self.detail.show_case(case, photo, asks, days_detained)

    def select_case(self, case_id: str) -> None:
        row = self.model.row_of(case_id)
        if row is not None:
            self.table.selectRow(row)

    def clear(self) -> None:
        """Forget every piece of case data (on lock)."""
        self.model.clear()
        self.detail.clear()
        self._shown_id = None
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._debounce.stop()


class CaseDetail(QWidget):
    """The selected case: a header (photo, names, status, days, consent badge) and tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo = QLabel()
        self.photo.setFixedSize(112, 112)
        self.photo.setScaledContents(True)
        self.photo.setAccessibleName(self.tr("Photo"))
        self.name = QLabel()
        self.name.setObjectName("caseName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setWordWrap(True)
        self.original = QLabel()
        font = self.original.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.original.setFont(font)
        self.original.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel()
        self.status.setWordWrap(True)
        for widget in (self.name, self.original, self.status):
            widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.days = QLabel()
        self.consent = QLabel()
        self.consent.setAccessibleName(self.tr("Consent"))
        self.placeholder = QLabel(self.tr("Select a case in the list to see it here."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        head = QGridLayout()
        head.addWidget(self.photo, 0, 0, 5, 1, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.name, 0, 1)
        head.addWidget(self.original, 1, 1)
        head.addWidget(self.status, 2, 1)
        head.addWidget(self.days, 3, 1)
        head.addWidget(self.consent, 4, 1, Qt.AlignmentFlag.AlignLeft)
        head.setColumnStretch(1, 1)

        self.tabs = QTabWidget()
        self.pages: dict[str, QTextBrowser] = {}
        for key, title in (("profile", self.tr("Profile")), ("timeline", self.tr("Timeline")),
                           ("asks", self.tr("Asks")), ("sources", self.tr("Sources")),
                           ("notes", self.tr("Internal notes"))):
            page = QTextBrowser()
            page.setOpenLinks(False)
            page.setAccessibleName(title)
            self.tabs.addTab(page, title)
            self.pages[key] = page
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(head)
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.body)
        self.clear()

    def show_case(self, case: Case, photo: bytes | None, asks, days_detained) -> None:
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.photo.setPixmap(pixmap)
        else:
            self.photo.clear()
            self.photo.setText(self.tr("No photo"))
            self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name.setText(case.display_name)
        self.original.setText(case.name_original or "")
        status = label(case.status) if case.status else self.tr("Status unknown")
        if case.status_since:
            status = self.tr("{0} since {1}").format(status, str(case.status_since))
        self.status.setText(status)
        self.days.setText(self.tr("{0:,} days detained").format(days_detained)
                          if days_detained is not None else "")
        if case.consent:
            colour = CONSENT_COLOURS.get(case.consent, "#555555")
            self.consent.setText(self.tr("Consent: {0}").format(label(case.consent)))
            self.consent.setStyleSheet(f"color: white; background: {colour}; "
                                       "border-radius: 4px; padding: 2px 6px;")
        else:
            self.consent.setText(self.tr("Consent not recorded"))
            self.consent.setStyleSheet("border: 1px solid #888; border-radius: 4px; "
                                       "padding: 2px 6px;")
        self.pages["profile"].setHtml(profile_html(case))
        self.pages["timeline"].setHtml(timeline_html(case))
        self.pages["asks"].setHtml(asks_html(asks))
        self.pages["sources"].setHtml(sources_html(case))
        self.pages["notes"].setHtml(notes_html(case))
        self.placeholder.hide()
        self.body.show()

    def clear(self) -> None:
        for widget in (self.photo, self.name, self.original, self.status, self.days,
                       self.consent):
            widget.clear()
        for page in self.pages.values():
            page.clear()
        self.body.hide()
        self.placeholder.show()


def _esc(value) -> str:
    return html.escape(str(value))


def profile_html(case: Case) -> str:
    facts = [(tr("Other names"), " · ".join(f"{n.name}" for n in case.other_names)),
             (tr("Gender"), label(case.gender) if case.gender else ""),
             (tr("Born"), case.birth_year or ""), (tr("Ethnicity"), case.ethnicity or ""),
             (tr("Nationality"), ", ".join(case.nationalities)),
             (tr("Category"), label(case.category) if case.category else ""),
             (tr("Occupation"), case.occupation or ""),
             (tr("Location"), case.location or ""), (tr("Facility"), case.facility or ""),
             (tr("Charges"), "; ".join(case.charges)), (tr("Sentence"), case.sentence or ""),
             (tr("Sentence ends"), case.sentence_ends or ""),
             (tr("Lawyer access"), label(case.lawyer_access) if case.lawyer_access else ""),
             (tr("Family access"), label(case.family_access) if case.family_access else ""),
             (tr("Consular access"),
              label(case.consular_access) if case.consular_access else ""),
             (tr("Health concerns"), case.health_concerns or ""),
             (tr("Priority"), case.priority or ""), (tr("Tags"), ", ".join(case.tags))]
    rows = "".join(f"<tr><td><b>{_esc(k)}</b>&nbsp;&nbsp;</td><td>{_esc(v)}</td></tr>"
                   for k, v in facts if v)
    summary = f"<p>{_esc(case.summary)}</p>" if case.summary else ""
    return f"{summary}<table>{rows}</table>"


def timeline_html(case: Case) -> str:
    if not case.events:
        return f"<p>{_esc(tr('No events recorded yet.'))}</p>"
    items = "".join(
        f"<li><b>{_esc(e.date)}</b> {_esc(e.title)}"
        + (f"<br>{_esc(e.description)}" if e.description else "") + "</li>"
        for e in sorted(case.events, key=lambda e: e.date))
    return f"<ul>{items}</ul>"


def asks_html(asks) -> str:
    if not asks:
        return f"<p>{_esc(tr('Nobody has raised this case yet.'))}</p>"
    out = []
    for view in asks:
        ask = view.ask
        who = view.raised_by or "?"
        line = f"<b>{_esc(ask.date)}</b> · {_esc(who)}"
        if view.raised_with:
            line += _esc(tr(" with {0}").format(view.raised_with))
        line += " · " + _esc(tr("public") if ask.public else tr("private"))
        if ask.channel:
            line += " · " + _esc(label(ask.channel))
        if ask.requests:
            line += "<br>" + _esc(tr("Asked: {0}").format(
                ", ".join(label(r) for r in ask.requests)))
        if ask.response:
            line += "<br>" + _esc(tr("Response: {0}").format(label(ask.response)))
        if ask.response_text:
            line += f" — {_esc(ask.response_text)}"
        out.append(f"<p>{line}</p>")
    return "".join(out)


def sources_html(case: Case) -> str:
    if not case.sources:
        return f"<p>{_esc(tr('No sources recorded yet.'))}</p>"
    items = []
    for source in case.sources:
        line = _esc(source.title)
        if source.url:
            line += f"<br><small>{_esc(source.url)}</small>"
        if source.confidential:
            line += " " + _esc(tr("(confidential)"))
        items.append(f"<li>{line}</li>")
    return f"<ul>{''.join(items)}</ul>"


def notes_html(case: Case) -> str:
    if not case.internal_notes:
        return f"<p>{_esc(tr('No internal notes.'))}</p>"
    return "<p>" + _esc(case.internal_notes).replace("\n", "<br>") + "</p>"
