# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Dashboard: headline counts that open filtered lists, and the case × government
matrix as a heat map (green: raised lately; amber: within a year; red: longer; grey: never).

"Not raised" can be asked of one government, and leaves out released, deceased and
do-not-raise cases unless the caseworker includes them; a column title sorts the rows by
that government's staleness. What counts as raising a case: ``app.services.asks``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import calendar, dashboard
from app.ui.context import (
    ASKS,
    ATTACHMENTS,
    CASES,
    DIRECTORY,
    ENCOUNTERS,
    MEETINGS,
    Refresher,
    VaultContext,
)
from app.ui.i18n import label
from app.ui.plain import PlainLabel
from app.ui.screens.calendar.labels import KIND_LABELS
from app.ui.screens.dashboard.case_lists import (
    anniversaries_dialog,
    not_raised_dialog,
    time_limit_dialog,
)
from app.ui.screens.dashboard.models import MatrixModel

COUNTS = (
    ("not_raised_90", QT_TRANSLATE_NOOP("DashboardScreen", "Not raised in 90 days")),
    ("follow_ups_overdue", QT_TRANSLATE_NOOP("DashboardScreen", "Follow-ups overdue")),
    ("upcoming_meetings", QT_TRANSLATE_NOOP("DashboardScreen", "Upcoming meetings")),
    ("past_time_limit", QT_TRANSLATE_NOOP("DashboardScreen", "Past a legal time limit")),
    ("anniversaries_this_month", QT_TRANSLATE_NOOP("DashboardScreen", "Anniversaries this month")),
)
NEXT_DAYS = 30
NEXT = "next_30_days"  # the calendar tile's key
NEXT_TEXT = QT_TRANSLATE_NOOP("DashboardScreen", "Next 30 days")


class HeatCellDelegate(QStyledItemDelegate):
    """A heat-map cell: an inset rounded tile in the recency colour, the ask count on it."""

    def paint(self, painter: QPainter, option, index) -> None:
        colour = index.data(Qt.ItemDataRole.BackgroundRole)
        if colour is None:  # never raised
            colour = option.palette.color(QPalette.ColorRole.Mid)
            colour.setAlphaF(0.35)
        rect = option.rect.adjusted(2, 2, -2, -2)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 3, 3)
        if option.state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(option.palette.text().color())
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 3, 3)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if text:
            painter.setPen(QColor("#1a1a1a"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


class DashboardScreen(QWidget):
    """A screen like the others: it reads its counts and matrix through the context when
    shown or when what it counts changes, and forgets them on lock."""

    count_clicked = Signal(str)
    cell_clicked = Signal(str, str)  # case id, government id
    loaded = Signal()  # counts and matrix shown
    cell_detail_shown = Signal()  # a cell's tooltip now tells its last ask

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_list: QDialog | None = None  # the cases behind a count, when open
        grid, choices = self._build_counts(), self._build_choices()
        self.sort_by: str | None = None  # the government whose column sorts the rows
        self._build_matrix()
        self.empty = self._build_empty()
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addLayout(grid)
        self.matrix_title = PlainLabel(self.tr("Who has raised whom, and how recently"))
        layout.addWidget(self.matrix_title)
        self.legend = legend = PlainLabel(self.tr(
            "Green: within 90 days · amber: within a year · red: longer ago · grey: never. "
            "Rest the pointer on a cell for the last ask; click it to open the case; click a "
            "column title to put the cases that government raised least lately first."))
        legend.setWordWrap(True)
        layout.addWidget(legend)
        layout.addWidget(self.matrix, 1)
        layout.addWidget(self.empty, 1)
        self.freshness = Refresher(ctx, self, (CASES, ASKS, MEETINGS, DIRECTORY, ATTACHMENTS,
                                               ENCOUNTERS), self._read)

    def _build_empty(self) -> QWidget:
        """What an empty vault shows: how to add a case, and the import offered."""
        empty = QWidget()
        text = PlainLabel(self.tr("No cases yet. Add one under Cases, or import the "
                                  "spreadsheet you keep them in."))
        text.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import a spreadsheet…"))
        self.import_button.setToolTip(self.tr("The same as File → Import…: CSV, Excel, "
                                              "LibreOffice or an interchange file"))
        self.import_button.clicked.connect(lambda _=False: self.open_import())
        layout = QVBoxLayout(empty)
        layout.setContentsMargins(0, 24, 0, 0)
        layout.addWidget(text)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        empty.hide()
        return empty

    def _show_empty(self, empty: bool) -> None:
        """An empty vault: the offer to import in place of an empty matrix."""
        for widget in (self.matrix_title, self.legend, self.matrix):
            widget.setVisible(not empty)
        self.empty.setVisible(empty)

    def open_import(self):
        """The import wizard, as File → Import… opens it (a file is asked for first)."""
        from app.ui.import_wizard import open_import_wizard  # loads the sheet readers

        return open_import_wizard(self.window(), self.ctx)

    def _build_counts(self) -> QGridLayout:
        """One button per headline count; each opens the list it counts."""
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for column, (key, text) in enumerate(COUNTS):
            button = QPushButton(f"–\n{self.tr(text)}")
            button.setMinimumHeight(64)
            button.setAccessibleName(self.tr(text))
            if key == "not_raised_90":
                button.clicked.connect(lambda _=False: self.open_not_raised())
            else:
                button.clicked.connect(lambda _=False, k=key: self.count_clicked.emit(k))
            grid.addWidget(button, 0, column)
            self.buttons[key] = button
        self.next_days = QPushButton(f"–\n{self.tr(NEXT_TEXT)}")
        self.next_days.setMinimumHeight(64)
        self.next_days.setAccessibleName(self.tr(NEXT_TEXT))
        self.next_days.clicked.connect(lambda _=False: self.count_clicked.emit(NEXT))
        grid.addWidget(self.next_days, 0, len(COUNTS))
        return grid

    def show_upcoming(self, upcoming: calendar.Upcoming | None) -> None:
        """The calendar tile: the moments of the next 30 days, and how many of each kind."""
        if upcoming is None:
            self.next_days.setText(f"–\n{self.tr(NEXT_TEXT)}")
            self.next_days.setToolTip("")
            return
        kinds = [(QCoreApplication.translate("CalendarScreen", KIND_LABELS[kind]), count)
                 for kind, count in upcoming.counts.items() if count]
        self.next_days.setText(f"{len(upcoming.moments)}\n{self.tr(NEXT_TEXT)}")
        self.next_days.setToolTip("\n".join(f"{name}: {count}" for name, count in kinds)
                                  or self.tr("Nothing in the next 30 days"))

    def _build_choices(self) -> QHBoxLayout:
        """Which government "not raised" asks of, and whether every case counts."""
        self.government = QComboBox()  # "not raised by": anyone, or one government
        self.government.setAccessibleName(self.tr("Not raised by"))
        self.government.addItem(self.tr("any government"), None)
        self.government.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.government.setMaximumWidth(320)
        self.government.activated.connect(lambda _=0: self.refresh_now())
        self.all_cases = QCheckBox(self.tr("Include released, deceased and do-not-raise cases"))
        self.all_cases.toggled.connect(lambda _=False: self.refresh_now())
        choices = QHBoxLayout()
        choices.addWidget(PlainLabel(self.tr("Not raised by")))
        choices.addWidget(self.government)
        choices.addWidget(self.all_cases)
        choices.addStretch(1)
        return choices

    def _build_matrix(self) -> None:
        """The case × government matrix, its cells read block by block as they show."""
        self.model = MatrixModel(self)
        self.matrix = QTableView()
        self.matrix.setModel(self.model)
        self.matrix.setAccessibleName(self.tr("Cases by government"))
        # Columns and rows of one size, set here and in show_dashboard: measuring them from
        # the cells asked every one of 10,000 × 40 cells several times (1.8 s).
        columns = self.matrix.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns.setMinimumSectionSize(44)
        columns.setDefaultSectionSize(44)
        columns.setSectionsClickable(True)
        columns.sectionClicked.connect(self._sort_by_column)
        rows = self.matrix.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(int(self.fontMetrics().height() * 1.7))
        rows.setResizeContentsPrecision(200)  # the names' width from a sample, not all
        self.matrix.setMouseTracking(True)
        self.matrix.setShowGrid(False)
        self.matrix.setItemDelegate(HeatCellDelegate(self.matrix))
        self.matrix.entered.connect(self._hovered)
        self.matrix.clicked.connect(self._clicked)
        self.model.cells_wanted.connect(self._read_cells)

    # -- the screen contract ---------------------------------------------------------------------
    def refresh(self) -> None:
        self.freshness.refresh()

    def refresh_now(self) -> None:
        """Read again now: a choice changed what the counts and the matrix answer."""
        self.freshness.reload()

    def choice(self) -> tuple[str | None, bool]:
        """The government "not raised" is asked of (None: any), and whether released,
        deceased and do-not-raise cases are included."""
        return self.government.currentData(), self.all_cases.isChecked()

    def clear(self) -> None:
        self.freshness.clear()
        self.sort_by = None
        self.government.setCurrentIndex(0)
        while self.government.count() > 1:  # government names are vault data
            self.government.removeItem(1)
        for key, text in COUNTS:
            self.buttons[key].setText(f"–\n{self.tr(text)}")
        self.show_upcoming(None)
        self.model.clear()
        self._show_empty(False)

    def _read(self):
        block, sort_by = self.model.BLOCK, self.sort_by
        government_id, all_cases = self.choice()

        def query(session):
            now = self.ctx.now()
            return (dashboard.counts(session, now.date(), now, government_id=government_id,
                                     all_cases=all_cases),
                    dashboard.matrix(session, now.date(), with_cells=block, sort_by=sort_by),
                    now.date(), calendar.upcoming(session, now.date(), NEXT_DAYS))

        return self.ctx.read(query, self.freshness.done(self._show),
                             on_failed=self.freshness.failed())

    def _show(self, result) -> None:
        *shown, upcoming = result
        self.show_dashboard(*shown)
        self.show_upcoming(upcoming)
        self.loaded.emit()

    def open_not_raised(self) -> None:
        """The "not raised in 90 days" tile: the Cases list when it asks the usual question,
        else this list, for the government and cases chosen here."""
        government_id, all_cases = self.choice()
        if government_id is None and not all_cases:
            self.count_clicked.emit("not_raised_90")
            return
        name = self.government.currentText() if government_id else None

        def query(session):
            return dashboard.not_raised_since(session, self.ctx.today(), 90,
                                              government_id=government_id,
                                              all_cases=all_cases)

        self.ctx.read(query, lambda found: self._show_not_raised(found, name, government_id))

    def _show_not_raised(self, found, name: str | None, government_id: str | None) -> None:
        dialog = not_raised_dialog(found, name, 90, self)
        dialog.case_requested.connect(lambda case_id: self.cell_clicked.emit(
            case_id, government_id or ""))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.not_raised_list = dialog
        dialog.open()

    def open_case_list(self, key: str) -> None:
        """The cases behind the "past a legal time limit" or "anniversaries this month"
        tile, in a dialog whose rows open the case."""
        def query(session):
            today = self.ctx.today()
            if key == "past_time_limit":
                return dashboard.time_limit_breaches(session, today)
            return dashboard.anniversaries(session, today, dashboard.days_left_in_month(today))

        self.ctx.read(query, lambda found: self._show_case_list(key, found))

    def _show_case_list(self, key: str, found) -> None:
        make = time_limit_dialog if key == "past_time_limit" else anniversaries_dialog
        dialog = make(found, self)
        dialog.case_requested.connect(self.ctx.case_requested)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.case_list = dialog
        dialog.open()

    def _sort_by_column(self, column: int) -> None:
        """A column title puts the cases that government never or least lately raised
        first; clicked again, back to staleness by anyone."""
        if not 0 <= column < self.model.columnCount():
            return
        government_id = self.model.ids_at(0, column)[1] if self.model.rowCount() else None
        if government_id is None:
            return
        self.sort_by = None if self.sort_by == government_id else government_id
        self.refresh_now()

    def _read_cells(self, generation: int, block: int, case_ids: list[str]) -> None:
        self.ctx.read(lambda session: dashboard.matrix_cells(session, case_ids),
                      lambda cells: self.model.add_cells(generation, block, cells))

    # -- the matrix's cells ----------------------------------------------------------------------
    def _ids_at(self, index) -> tuple[str, str] | None:
        if index.isValid() and self.model.cell(index.row(), index.column()) is not None:
            return self.model.ids_at(index.row(), index.column())
        return None

    def _clicked(self, index) -> None:
        if (ids := self._ids_at(index)) is not None:
            self.cell_clicked.emit(*ids)

    def _hovered(self, index) -> None:
        """The last ask and its answer, read when the pointer rests on a cell."""
        if (ids := self._ids_at(index)) is None:
            return
        case_id, government_id = ids

        def query(session):
            found = dashboard.last_asks(session, case_id, government_id)
            return found[0] if found else None

        self.ctx.read(query, lambda view: self._show_cell_detail(case_id, government_id, view))

    def _show_cell_detail(self, case_id: str, government_id: str, view) -> None:
        if view is None:
            return
        ask = view.ask
        text = self.tr("Last raised {0} by {1}").format(ask.date, view.raised_by or "?")
        if view.raised_with:
            text += self.tr(" with {0}").format(view.raised_with)
        text += "\n" + (self.tr("Response: {0}").format(label(ask.response))
                        if ask.response else self.tr("No response recorded"))
        if ask.response_text:
            text += "\n" + ask.response_text
        self.model.set_detail(case_id, government_id, text)
        self.cell_detail_shown.emit()

    def show_dashboard(self, counts: dict[str, int], matrix, today) -> None:
        for key, text in COUNTS:
            self.buttons[key].setText(f"{counts.get(key, 0)}\n{self.tr(text)}")
        self.model.set_matrix(matrix, today)
        chosen = self.government.currentData()
        while self.government.count() > 1:
            self.government.removeItem(1)
        for gov in matrix.governments:
            self.government.addItem(gov.name, gov.id)
        found = self.government.findData(chosen) if chosen else 0
        self.government.setCurrentIndex(max(found, 0))
        columns = [gov.id for gov in matrix.governments]
        if self.sort_by not in columns:
            self.sort_by = None
        titles = self.matrix.horizontalHeader()
        titles.setSortIndicatorShown(self.sort_by is not None)
        if self.sort_by is not None:
            titles.setSortIndicator(columns.index(self.sort_by), Qt.SortOrder.AscendingOrder)
        metrics = titles.fontMetrics()
        for column in range(self.model.columnCount()):  # each as wide as its short title
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            titles.resizeSection(column, max(44, metrics.horizontalAdvance(title) + 16))
        self._show_empty(self.model.rowCount() == 0)
