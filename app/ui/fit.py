# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Making screens fit 1280x720 in every language, in one place rather than per table.

- ``size_columns``: each column as wide as its title and a few rows of text, within a cap in
  average characters; text wider than its cell is elided in the middle ("Embassy of…in
  Sweden" tells the five embassies apart where "Embassy of the People's Republi…" does not)
  and the whole text shows as the cell's tooltip.
  ``fit_columns`` does it once the first rows are in.
- ``eliding_list``: the same for a list of names beside other things (the scorecard's
  governments): no sideways scrolling, middle elision, full text on hover.
- ``fit_header``: a table whose column titles are long names (the scorecard's governments):
  each line elided in the middle to the column's width, the full name as its tooltip.
- ``show_all_tabs``: a tab bar never hides a tab behind arrows nor elides a title; the tab
  widget asks for the width its titles need.
- ``vertical_form``: a form in a scroll area that only scrolls up and down: the form follows
  the area's width and its drop-downs do not ask for their longest entry's width.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QListView,
    QListWidget,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTabWidget,
    QToolTip,
    QTreeView,
    QWidget,
)

SAMPLE_ROWS = 50  # rows measured to size a column: enough to see typical text, cheap
COMBO_CHARACTERS = 12  # a drop-down in a form asks for this many characters, not its longest


def text_width(view: QAbstractItemView, index: QModelIndex) -> int:
    """The width ``index``'s text may use inside its cell (its rect less the text margins)."""
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return view.visualRect(index).width() - 2 * margin


def elided_tooltip(view: QAbstractItemView,
                   index: QModelIndex | QPersistentModelIndex) -> str | None:
    """The text of a cell that does not fit its cell (so is shown elided), else None."""
    index = view.model().index(index.row(), index.column(), index.parent())
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text is None or text == "":
        return None
    text = str(text)
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = view.fontMetrics() if font is None else QFontMetrics(font)
    return text if metrics.horizontalAdvance(text) > text_width(view, index) else None


def show_tooltip(at: QPoint, text: str, widget: QWidget) -> None:
    QToolTip.showText(at, text, widget)


class ElidingDelegate(QStyledItemDelegate):
    """Elides a cell's text in the middle; a cell shown elided has its full text as tooltip
    (unless the model gives one of its own)."""

    def __init__(self, view: QAbstractItemView, *, narrow: bool = False) -> None:
        super().__init__(view)
        self._narrow = narrow  # a list: an item asks for no width, so it takes the view's
        # Middle elision on one line (a wrapped cell would be cut at its second line
        # instead), said once to the view, which hands both to every cell's style option:
        # in a Python initStyleOption for each cell it was a quarter of the time of
        # repainting the case list on a keystroke.
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        if isinstance(view, QTableView | QListView | QTreeView):
            view.setWordWrap(False)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(1, size.height()) if self._narrow else size

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,
                  option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() and \
                not index.data(Qt.ItemDataRole.ToolTipRole):
            full = elided_tooltip(view, index)
            if full is not None:
                show_tooltip(event.globalPos(), full, view)
                return True
        return super().helpEvent(event, view, option, index)


def size_columns(table: QTableView, caps: Mapping[int, int] | Sequence[int],
                 *, default_cap: int = 30) -> None:
    """Size each column of ``table`` to its title and its first rows, at most ``caps``
    average characters (by column; the rest get ``default_cap``), and elide the rest in the
    middle with a tooltip. Call again when the rows change; columns stay resizable."""
    if not isinstance(table.itemDelegate(), ElidingDelegate):
        table.setItemDelegate(ElidingDelegate(table))
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    model, header = table.model(), table.horizontalHeader()
    metrics = table.fontMetrics()
    average = metrics.averageCharWidth()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                            table) + 1) + 2
    cap_of = dict(enumerate(caps)) if isinstance(caps, Sequence) else dict(caps)
    rows = min(model.rowCount(), SAMPLE_ROWS)
    last = model.columnCount() - 1
    for column in range(model.columnCount()):
        if header.isSectionHidden(column) or (column == last and header.stretchLastSection()):
            continue
        widest = header.sectionSizeFromContents(column).width()
        for row in range(rows):
            text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if text not in (None, ""):
                widest = max(widest, metrics.horizontalAdvance(str(text)) + margin)
        cap = max(cap_of.get(column, default_cap) * average,
                  header.sectionSizeFromContents(column).width())
        header.resizeSection(column, min(widest, cap))


def fit_columns(table: QTableView, caps: Mapping[int, int] | Sequence[int],
                *, default_cap: int = 30) -> QTableView:
    """``size_columns`` once the first rows arrive (a list reloaded later, or filtered as the
    user types, keeps the widths it has: the user may have set them)."""
    if not isinstance(table.itemDelegate(), ElidingDelegate):
        table.setItemDelegate(ElidingDelegate(table))
    model = table.model()

    def first_rows() -> None:
        if model.rowCount() and not table.property("fit_sized"):
            table.setProperty("fit_sized", True)
            size_columns(table, caps, default_cap=default_cap)

    model.modelReset.connect(first_rows)
    model.rowsInserted.connect(first_rows)
    model.layoutChanged.connect(first_rows)
    first_rows()
    return table


def eliding_list(widget: QListWidget) -> QListWidget:
    """A list of names that never scrolls sideways: a name too long is elided in the middle
    and shows whole on hover."""
    widget.setItemDelegate(ElidingDelegate(widget, narrow=True))
    widget.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return widget


def fit_header(table: QTableWidget, titles: Sequence[str]) -> None:
    """Column titles that are long names: "Country – ministry" on two lines, each elided in
    the middle to the column's width (again when it changes), the full title as tooltip."""
    header = table.horizontalHeader()
    table.setProperty("fit_titles", list(titles))

    def room(column: int) -> int:  # the label's width inside the section, as the style says
        option = QStyleOptionHeader()
        option.initFrom(header)
        option.rect = QRect(0, 0, header.sectionSize(column), header.height())
        label = header.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, header)
        return label.width() - header.fontMetrics().averageCharWidth()  # and a little air

    def refit(*_args) -> None:
        full = table.property("fit_titles") or []
        bold = QFont(header.font())
        bold.setBold(True)  # some styles draw titles in bold: measure as if
        metrics = QFontMetrics(bold)
        for column, title in enumerate(full[:table.columnCount()]):
            width = max(room(column), metrics.averageCharWidth() * 3)
            lines = [metrics.elidedText(part, Qt.TextElideMode.ElideMiddle, width)
                     for part in title.split(" – ", 1)]
            item = table.horizontalHeaderItem(column)
            if item is None:
                continue
            shown = "\n".join(lines)
            if item.text() != shown:
                item.setText(shown)
            item.setToolTip(title)

    table.setHorizontalHeaderLabels([title.replace(" – ", "\n", 1) for title in titles])
    if not table.property("fit_connected"):
        # queued: a stretched header resizes its sections one after the other
        header.sectionResized.connect(refit, Qt.ConnectionType.QueuedConnection)
        table.setProperty("fit_connected", True)
    refit()


def wrap_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` broken into lines at spaces so that each fits ``width`` where it can (a
    single word, or a script without spaces, stays whole on its line)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def show_all_tabs(tabs: QTabWidget) -> QTabWidget:
    """Every tab's title shown whole: no scroll arrows, no elision."""
    tabs.setUsesScrollButtons(False)
    tabs.setElideMode(Qt.TextElideMode.ElideNone)
    tabs.tabBar().setExpanding(False)
    return tabs


def narrow_combos(combos: Iterable[QComboBox], characters: int = COMBO_CHARACTERS) -> None:
    """Drop-downs that ask for a few characters' width, not their longest entry's
    ("Residential surveillance at a designated location"); the popup still shows it whole."""
    for combo in combos:
        combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(characters)


def vertical_form(form: QWidget) -> QScrollArea:
    """``form`` in a scroll area that scrolls up and down only when it fits sideways (a
    sideways bar still shows if something in the form cannot shrink, rather than cutting)."""
    narrow_combos(form.findChildren(QComboBox))
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(form)
    scroll.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
    return scroll


def scroll_to_top(scroll: QScrollArea) -> None:
    """A form opened afresh starts at its first field, not where the last one was left."""
    scroll.verticalScrollBar().setValue(0)
    scroll.horizontalScrollBar().setValue(0)
