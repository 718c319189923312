# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Officials & organisations: the people and bodies asks are raised by and with.

Two tabs (organisations, officials), each a filtered list with add / edit / delete, and under
it the selected one's ask history. Reads and writes go through ``ctx``; never a session here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Regime
from app.domain.model import Official, Organisation
from app.errors import VigilError
from app.services import directory, involvements
from app.services.asks import ask_lines
from app.ui import fit, plain
from app.ui.ask_table import AskListModel, ask_table, with_haystacks
from app.ui.context import ASKS, CASES, DIRECTORY, Refresher, VaultContext
from app.ui.i18n import label
from app.ui.pdf_export import abort_all
from app.ui.plain import PlainLabel, literal
from app.ui.referral_dialog import ReferralExport, prepare_referral
from app.ui.screens.directory.forms import DirectoryForm, OfficialForm, OrganisationForm
from app.ui.screens.directory.official_page import CASE_LINK, official_html
from app.ui.table_model import TableModel, table_view

HISTORY_DELAY_MS = 150


class RowsModel(TableModel):
    """Rows of display strings, each with the ID it stands for; filtered by a text."""

    def __init__(self, headers: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.HEADERS = headers  # translated already, by the screen
        self._all: list[tuple[str, tuple[str, ...]]] = []
        self._rows = self._all
        self._text = ""
        self.extra: dict[str, str] = {}  # more text a row is found by (other names)
        self.keep: Callable[[str], bool] | None = None  # a further filter, on the ID

    def set_rows(self, rows: list[tuple[str, tuple[str, ...]]],
                 extra: dict[str, str] | None = None) -> None:
        self._all = rows
        self.extra = extra or {}
        self.show(self._text)

    def show(self, text: str) -> None:
        self._text = text.strip().casefold()
        self.beginResetModel()
        self._rows = [r for r in self._all
                      if (not self._text or self._text in " ".join(
                          (*r[1], self.extra.get(r[0], ""))).casefold())
                      and (self.keep is None or self.keep(r[0]))]
        self.endResetModel()

    def refilter(self) -> None:
        self.show(self._text)

    def clear(self) -> None:
        self._text = ""
        self.set_rows([])

    def id_at(self, row: int) -> str:
        return self._rows[row][0]

    def row_of(self, ident: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r[0] == ident), None)

    def column_title(self, section: int) -> str:
        return self.HEADERS[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        text = self._rows[index.row()][1][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        return literal(text) if role == Qt.ItemDataRole.ToolTipRole else None


class DirectoryTab(QWidget):
    """A filter, a list, its buttons, and the selected one's asks."""

    def __init__(self, name: str, headers: tuple[str, ...], parent=None, *,
                 page: bool = False) -> None:
        super().__init__(parent)
        self._build_list(name, headers)
        self.history_title = PlainLabel()
        # arrowing down the list reads one history, not one per row passed
        self.history_timer = QTimer(self, singleShot=True, interval=HISTORY_DELAY_MS)
        self.history = AskListModel(self)
        self.history_table = ask_table(self.history, self.tr("Ask history"))
        self._build_layout(page)
        self.filter.textChanged.connect(self.model.show)

    def _build_list(self, name: str, headers: tuple[str, ...]) -> None:
        """The filter, Add/Edit/Delete and the list."""
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter {0}").format(name))
        self.filter.setPlaceholderText(self.tr("Filter by any column…"))
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.model = RowsModel(headers, self)
        self.table = table_view(self.model, name)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit.fit_columns(self.table, (60, 30, 60))  # organisation names in full

    def _build_layout(self, page: bool) -> None:
        """The list above; below, the asks (beside the official's page for officials)."""
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        self.filters = QHBoxLayout()  # more filters, for the officials
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(top)
        upper_layout.addLayout(self.filters)
        upper_layout.addWidget(self.table)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.history_title)
        lower_layout.addWidget(self.history_table)
        self.page: QTextBrowser | None = None
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        if page:
            self.page = QTextBrowser()
            self.page.setOpenLinks(False)
            self.page.setAccessibleName(self.tr("The selected official"))
            beside = QSplitter(Qt.Orientation.Horizontal)
            beside.addWidget(self.page)
            beside.addWidget(lower)
            beside.setChildrenCollapsible(False)
            splitter.addWidget(beside)
        else:
            splitter.addWidget(lower)
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select(self, ident: str) -> None:
        row = self.model.row_of(ident)
        if row is not None:
            self.table.selectRow(row)


class DirectoryScreen(QWidget):
    loaded = Signal()
    history_loaded = Signal()
    page_loaded = Signal()

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.confirm: Callable[[str], bool] = self._confirm  # tests replace it
        self.form: DirectoryForm | None = None
        self._orgs: dict[str, Organisation] = {}
        self._people: dict[str, Official] = {}
        self.organisations = DirectoryTab(self.tr("Organisations"), (
            self.tr("Name"), self.tr("Country"), self.tr("Kind")))
        self.officials = DirectoryTab(self.tr("Officials"), (
            self.tr("Name"), self.tr("Title"), self.tr("Organisation"), self.tr("Country")),
            page=True)
        self._counts: dict[str, int] = {}
        self._build_official_filters()
        self._build_referral()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.organisations, self.tr("Organisations"))
        self.tabs.addTab(self.officials, self.tr("Officials"))
        self.notice = PlainLabel()
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("Notice"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.notice)
        for tab in (self.organisations, self.officials):
            self._connect_tab(tab)
        self.freshness = Refresher(ctx, self, (DIRECTORY, ASKS, CASES), self._read)

    def _build_official_filters(self) -> None:
        """Officials involved in at least so many cases, not yet sanctioned by a regime."""
        self.min_cases = QSpinBox()
        self.min_cases.setRange(0, 9999)
        self.min_cases.setSpecialValueText(self.tr("any number of"))
        self.min_cases.setAccessibleName(self.tr("Involved in at least this many cases"))
        self.not_sanctioned = QComboBox()
        self.not_sanctioned.setAccessibleName(self.tr("Not yet sanctioned by"))
        self.not_sanctioned.addItem(self.tr("any regime or none"), None)
        for regime in Regime:
            self.not_sanctioned.addItem(label(regime), regime.value)
        filters = self.officials.filters
        filters.addWidget(PlainLabel(self.tr("Involved in")))
        filters.addWidget(self.min_cases)
        filters.addWidget(PlainLabel(self.tr("or more cases;")))
        filters.addWidget(PlainLabel(self.tr("not yet sanctioned by")))
        filters.addWidget(self.not_sanctioned)
        filters.addStretch(1)
        self.officials.model.keep = self._keep_official
        self.min_cases.valueChanged.connect(lambda _v: self.officials.model.refilter())
        self.not_sanctioned.currentIndexChanged.connect(
            lambda _i: self.officials.model.refilter())
        self.officials.page.anchorClicked.connect(self._open_link)

    def _build_referral(self) -> None:
        """Prepare sanctions referral, at the end of the officials' filters."""
        self.referral_button = QPushButton(self.tr("Prepare sanctions referral…"))
        self.referral_button.setAccessibleName(self.tr("Prepare sanctions referral"))
        self.referral_button.setToolTip(self.tr("A referral PDF on the selected official for "
                                                "a sanctions regime"))
        self.referral_button.setEnabled(False)
        self.referral_button.clicked.connect(self.prepare_referral)
        self.officials.filters.addWidget(self.referral_button)
        self.referral: ReferralExport | None = None

    def _connect_tab(self, tab: DirectoryTab) -> None:
        tab.add_button.clicked.connect(lambda _=False, t=tab: self.add(t))
        tab.edit_button.clicked.connect(lambda _=False, t=tab: self.edit(t))
        tab.delete_button.clicked.connect(lambda _=False, t=tab: self.delete(t))
        tab.table.doubleClicked.connect(lambda _i, t=tab: self.edit(t))
        tab.table.selectionModel().selectionChanged.connect(
            lambda *_a, t=tab: self._selection_moved(t))
        tab.model.modelReset.connect(lambda t=tab: self._selection_moved(t))
        tab.history_timer.timeout.connect(lambda t=tab: self._selected(t))
        tab.history_table.doubleClicked.connect(
            lambda index, t=tab: self._open_case(t, index))

    # -- the screen contract ---------------------------------------------------------------------
    def refresh(self) -> None:
        self.freshness.refresh()

    def _read(self):
        return self.ctx.read(lambda s: (directory.organisations(s), directory.officials(s),
                                        involvements.case_counts(s)),
                             self.freshness.done(self._show), on_failed=self.freshness.failed())

    def _show(self, result) -> None:
        orgs, people, counts = result
        self._orgs = {o.id: o for o in orgs}
        self._people = {p.id: p for p in people}
        self._counts = counts
        self.organisations.model.set_rows([(o.id, (
            o.name, o.country or "", self.tr(label(o.kind)) if o.kind else "")) for o in orgs])
        self.officials.model.set_rows([(p.id, (
            p.name, p.title or "", self._orgs[p.organisation_id].name
            if p.organisation_id in self._orgs else "", p.country or "")) for p in people],
            {p.id: " ".join((p.name_original or "", *(n.name for n in p.other_names)))
             for p in people})
        self.loaded.emit()

    def _keep_official(self, ident: str) -> bool:
        """The officials filters: involved in enough cases, not sanctioned by the regime."""
        if self._counts.get(ident, 0) < self.min_cases.value():
            return False
        regime = self.not_sanctioned.currentData()
        official = self._people.get(ident)
        return regime is None or official is None or \
            all(s.regime.value != regime for s in official.sanctions)

    def prepare_referral(self) -> ReferralExport | None:
        """"Prepare sanctions referral…" for the selected official (issue 16 item 3)."""
        ident = self.officials.selected_id()
        if ident is None:
            return None
        self.referral = prepare_referral(self.ctx, self, ident)
        return self.referral

    def _open_link(self, url) -> None:
        text = url.toString()
        if text.startswith(CASE_LINK):
            self.ctx.case_requested.emit(text.removeprefix(CASE_LINK))

    def clear(self) -> None:
        if self.form is not None:
            self.form.close()
            self.form = None
        self._orgs, self._people = {}, {}
        for tab in (self.organisations, self.officials):
            tab.filter.blockSignals(True)
            tab.filter.clear()
            tab.filter.blockSignals(False)
            tab.model.clear()
            tab.history_timer.stop()
            tab.history.clear()
            tab.history_title.clear()
            if tab.page is not None:
                tab.page.clear()
        self._counts = {}
        abort_all(self)
        self.referral = None
        self.referral_button.setEnabled(False)
        self.notice.clear()
        self.freshness.clear()

    # -- the selected one and its asks ------------------------------------------------------------
    def _selection_moved(self, tab: DirectoryTab) -> None:
        ident = tab.selected_id()
        tab.edit_button.setEnabled(ident is not None)
        tab.delete_button.setEnabled(ident is not None)
        if tab is self.officials:
            self.referral_button.setEnabled(ident is not None)
        tab.history.clear()
        if tab.page is not None:
            tab.page.clear()
        tab.history_timer.start()

    def _selected(self, tab: DirectoryTab) -> None:
        ident = tab.selected_id()
        if ident is None:
            tab.history.clear()
            tab.history_title.setText(self.tr("Select one to see the asks raised by or with it."))
            if tab.page is not None:
                tab.page.setPlainText(self.tr("Select an official to see their names, "
                                              "positions, sanctions and cases."))
            return
        official = tab is self.officials
        name = (self._people if official else self._orgs)[ident].name
        tab.history_title.setText(self.tr("Asks raised by or with {0}").format(name))
        kwargs = {"official_id": ident} if official else {"organisation_id": ident}
        self.ctx.read(lambda s: with_haystacks(ask_lines(s, **kwargs)),
                      lambda result: self._show_history(tab, ident, result))
        if official:
            self.ctx.read(lambda s: (directory.get_official(s, ident),
                                     involvements.of_official(s, ident)),
                          lambda result: self._show_page(ident, result))

    def _show_page(self, ident: str, result) -> None:
        if self.officials.selected_id() != ident or self.officials.page is None:
            return  # the selection has moved on meanwhile
        official, views = result
        self.officials.page.setHtml(official_html(official, self._orgs, views))
        self.page_loaded.emit()

    def _show_history(self, tab: DirectoryTab, ident: str, result) -> None:
        if tab.selected_id() == ident:  # the selection has not moved on meanwhile
            tab.history.set_lines(*result)
            self.history_loaded.emit()

    def _open_case(self, tab: DirectoryTab, index) -> None:
        if index.isValid():
            line = tab.history.line_at(index.row())
            if line.case_ids:
                self.ctx.case_requested.emit(line.case_ids[0])

    # -- add, edit, delete -----------------------------------------------------------------------
    def _open_form(self, form: DirectoryForm, tab: DirectoryTab) -> DirectoryForm:
        if self.form is not None:
            self.form.close()
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.saved.connect(lambda ident: self._saved(tab, ident))
        form.finished.connect(lambda _r, f=form: self._form_closed(f))
        self.form = form
        form.open()
        return form

    def _form_closed(self, form) -> None:
        if self.form is form:
            self.form = None

    def _saved(self, tab: DirectoryTab, ident: str) -> None:
        self.ctx.say(self.tr("Saved."))
        self.loaded.connect(lambda: tab.select(ident), Qt.ConnectionType.SingleShotConnection)

    def add(self, tab: DirectoryTab) -> DirectoryForm:
        if tab is self.officials:
            return self._open_form(OfficialForm(self.ctx, list(self._orgs.values()),
                                                parent=self), tab)
        return self._open_form(OrganisationForm(self.ctx, parent=self), tab)

    def edit(self, tab: DirectoryTab) -> DirectoryForm | None:
        ident = tab.selected_id()
        if ident is None:
            return None
        if tab is self.officials:
            return self._open_form(OfficialForm(self.ctx, list(self._orgs.values()),
                                                self._people[ident], parent=self), tab)
        return self._open_form(OrganisationForm(self.ctx, self._orgs[ident], parent=self), tab)

    def delete(self, tab: DirectoryTab) -> None:
        ident = tab.selected_id()
        if ident is None:
            return
        official = tab is self.officials
        name = (self._people if official else self._orgs)[ident].name
        asks = tab.history.total()
        question = (self.tr("Delete the official {0}?") if official else
                    self.tr("Delete the organisation {0}?")).format(name)
        if asks:
            question += " " + self.tr("{0:,} asks name it; they keep showing the name.").format(
                asks)
        if not self.confirm(question):
            return
        action = directory.delete_official if official else directory.delete_organisation
        self.notice.clear()
        self.ctx.write(lambda s: action(s, ident), DIRECTORY,
                       lambda _r: self.ctx.say(self.tr("Deleted.")),
                       on_failed=self._delete_failed)

    def _delete_failed(self, error: BaseException) -> None:
        text = (str(error) if isinstance(error, VigilError) else
                self.tr("Something went wrong; nothing was deleted."))
        self.notice.setText(text)
        self.ctx.say(text)

    def _confirm(self, question: str) -> bool:
        answer = plain.ask(self, self.tr("Delete"), question,  # the question quotes a name
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                           QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes
