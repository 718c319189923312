# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window fits 1280x720 in English and Chinese, on the demo vault: the case page's tabs
and buttons show their titles whole, its form scrolls only up and down, a new case starts
at its first field, tables show names whole or elided in the middle with the full text on
hover, and the scorecard fits beside long ministry names (``app.ui.fit``).

Widths are measured with the widgets' own font metrics, never assumed in pixels.
"""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QStyleOptionViewItem,
    QWidget,
)

from app.services.demo import DEMO_PASSPHRASE, create_demo
from app.ui import fit, i18n
from app.ui.navigation import CaseTab, Screen
from app.ui.table_model import TableModel, table_view
from app.vault.keyslots import KdfParams

WIDTH, HEIGHT = 1280, 720


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory):
    """The demo vault, made once for the module (each test opens a copy of it)."""
    folder = tmp_path_factory.mktemp("demo") / "vault"
    create_demo(folder, kdf=KdfParams.minimum())
    return folder


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    translators = i18n.install(qapp, request.param)
    assert request.param == "en" or translators, "the Chinese translation did not load"
    yield request.param
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def window(language, open_window, demo_copy, tmp_path):
    folder = tmp_path / "demo"
    shutil.copytree(demo_copy, folder)
    win = open_window(folder, passphrase=DEMO_PASSPHRASE)
    win.resize(WIDTH, HEIGHT)
    return win


def fits(widget: QAbstractButton) -> bool:
    return widget.width() >= widget.fontMetrics().horizontalAdvance(widget.text())


def open_a_case(qtbot, window) -> None:
    view = window.cases_screen
    window.show_screen(Screen.CASES)
    if view.model.rowCount() == 0:
        qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=60_000)
    row = next(r for r in range(view.model.rowCount())
               if view.model.case_at(r).name_original)
    with qtbot.waitSignal(window.case_shown, timeout=60_000):
        view.table.selectRow(row)


def test_the_case_page_fits_1280x720_with_every_tab_and_button_whole(qtbot, window):
    open_a_case(qtbot, window)
    detail = window.cases_screen.detail
    detail.edit()
    qtbot.waitUntil(lambda: detail.form_scroll.isVisible(), timeout=60_000)
    assert window.centralWidget().minimumSizeHint().width() <= WIDTH
    assert (window.width(), window.height()) == (WIDTH, HEIGHT)
    bar = detail.tabs.tabBar()
    metrics = bar.fontMetrics()
    for i in range(bar.count()):
        assert bar.tabRect(i).width() >= metrics.horizontalAdvance(bar.tabText(i)), \
            bar.tabText(i)
        assert detail.tabs.rect().contains(bar.tabRect(i).topRight())
    for button in (detail.edit_button, detail.save_button, detail.revert_button,
                   detail.delete_button):
        assert fits(button), button.text()
    for combo in window.cases_screen.filters.combos:
        assert combo.width() >= combo.fontMetrics().horizontalAdvance(combo.currentText())
    sidebar = window.sidebar
    for row in range(sidebar.count()):
        text = sidebar.item(row).text()
        assert sidebar.viewport().width() >= sidebar.fontMetrics().horizontalAdvance(text)


def test_the_case_form_scrolls_only_up_and_down(qtbot, window):
    open_a_case(qtbot, window)
    detail = window.cases_screen.detail
    detail.edit()
    qtbot.waitUntil(lambda: detail.form_scroll.isVisible(), timeout=60_000)
    scroll = detail.form_scroll
    assert not scroll.horizontalScrollBar().isVisible()
    assert detail.form.width() <= scroll.viewport().width()
    for tab in CaseTab:  # the tab pages, too, fit beside the list
        detail.tabs.setCurrentIndex(tab)
        assert detail.tabs.currentWidget().minimumSizeHint().width() <= \
            detail.tabs.currentWidget().width()


def test_a_new_case_opens_at_its_first_field(qtbot, window):
    open_a_case(qtbot, window)
    detail = window.cases_screen.detail
    detail.edit()
    scroll = detail.form_scroll
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0, timeout=60_000)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    detail.revert()
    window.cases_screen.new_action.trigger()
    assert detail.is_new and detail.editing
    assert scroll.verticalScrollBar().value() == 0
    top = detail.form.display_name.mapTo(scroll.viewport(), QPoint(0, 0))
    assert scroll.viewport().rect().contains(top)


def test_the_scorecard_fits_beside_long_ministry_names(qtbot, window):
    screen = window.scorecard_screen
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        window.show_screen(Screen.SCORECARD)
    ids = [o.id for o in screen._known[:4]]
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        screen.choose(ids)
    assert window.centralWidget().minimumSizeHint().width() <= WIDTH
    assert not screen.governments.horizontalScrollBar().isVisible()
    header = screen.table.horizontalHeader()
    bold = header.font()
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    def titles_fit() -> bool:  # refitted once the stretched columns have their widths
        return all(metrics.horizontalAdvance(line) <= header.sectionSize(column)
                   for column in range(header.count())
                   for line in screen.table.horizontalHeaderItem(column).text().split("\n"))

    qtbot.waitUntil(titles_fit, timeout=60_000)
    for column, card in enumerate(screen.cards):
        assert screen.table.horizontalHeaderItem(column).toolTip() == card.government


def test_organisation_names_show_whole_or_elided_in_the_middle(qtbot, window):
    directory = window.directory_screen
    with qtbot.waitSignal(directory.loaded, timeout=60_000):
        window.show_screen(Screen.DIRECTORY)
    table = directory.organisations.table
    model = table.model()
    names = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    metrics = table.fontMetrics()
    shown_whole = [r for r in range(len(names))
                   if fit.elided_tooltip(table, model.index(r, 0)) is None]
    assert len(shown_whole) >= len(names) * 3 // 4  # most names in full, not cut at 30 chars
    embassies = [n for n in names if n.startswith("Embassy") or "大使馆" in n]
    assert len(embassies) > 1
    # a column narrowed by hand: the cell's text is elided, and its tooltip is the whole name
    table.horizontalHeader().resizeSection(0, metrics.horizontalAdvance(names[0]) // 2)
    index = model.index(0, 0)
    assert fit.elided_tooltip(table, index) == names[0]
    # wide enough again: no tooltip
    table.horizontalHeader().resizeSection(0, metrics.horizontalAdvance(names[0]) + 40)
    assert fit.elided_tooltip(table, index) is None


class Names(TableModel):
    HEADERS = ("Name", "Kind")

    def __init__(self, rows) -> None:
        super().__init__()
        self._rows = rows

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self._rows[index.row()][index.column()] \
            if role == Qt.ItemDataRole.DisplayRole else None


def test_a_cell_shown_elided_has_its_whole_text_as_tooltip(qtbot, monkeypatch):
    long = "Embassy of the People's Republic of China in the United Kingdom"
    table = table_view(Names([(long, "Detaining authority"), ("Sweden", "Government")]),
                       "Organisations")
    qtbot.addWidget(table)
    table.resize(900, 300)
    table.show()
    fit.size_columns(table, (12,))  # at most 12 average characters: the long name is elided
    assert table.horizontalHeader().sectionSize(0) < \
        table.fontMetrics().horizontalAdvance(long)
    shown: list[str] = []
    monkeypatch.setattr(fit, "show_tooltip", lambda _at, text, _view: shown.append(text))
    delegate = table.itemDelegate()
    for row in (0, 1):
        index = table.model().index(row, 0)
        rect = table.visualRect(index)
        event = QHelpEvent(QEvent.Type.ToolTip, rect.center(),
                           table.viewport().mapToGlobal(rect.center()))
        delegate.helpEvent(event, table, QStyleOptionViewItem(), index)
    assert shown == [long]  # "Sweden" fits: no tooltip
    fit.size_columns(table, (80,))
    assert table.horizontalHeader().sectionSize(0) >= \
        table.fontMetrics().horizontalAdvance(long)


def test_wrap_words_breaks_long_titles_at_spaces(qapp):
    metrics = QFontMetrics(qapp.font())
    text = "Senior encounters matched by a civil-society meeting within 30 days"
    room = metrics.horizontalAdvance("Senior encounters matched by")
    lines = fit.wrap_words(text, metrics, room).split("\n")
    assert " ".join(lines) == text and len(lines) > 1
    assert all(metrics.horizontalAdvance(line) <= room for line in lines)
    assert fit.wrap_words("与拘押国的高层外交接触", metrics, 10) == "与拘押国的高层外交接触"


def test_a_combo_in_a_form_does_not_ask_for_its_longest_entry(qtbot):
    form = QWidget()
    layout = QFormLayout(form)
    combo = QComboBox()
    combo.addItem("Residential surveillance at a designated location (RSDL)" * 3)
    layout.addRow("Status", combo)
    scroll = fit.vertical_form(form)
    qtbot.addWidget(scroll)
    scroll.resize(320, 200)
    scroll.show()
    qtbot.waitExposed(scroll)
    assert not scroll.horizontalScrollBar().isVisible()
    assert combo.minimumSizeHint().width() < combo.fontMetrics().horizontalAdvance(
        combo.currentText())


def test_log_ask_keeps_its_buttons_on_a_short_screen(qtbot, window):
    from app.ui.log_ask import log_ask

    dialog = log_ask(window.ctx, window)
    with qtbot.waitSignal(dialog.loaded, timeout=60_000):
        pass
    screen = dialog.screen().availableGeometry()
    assert dialog.height() <= screen.height()
    assert dialog.rect().contains(dialog.save_button.geometry().translated(
        dialog.buttons.pos()).bottomRight())
    assert fits(dialog.save_button)
    dialog.reject()


def test_clicking_a_cell_at_the_right_keeps_the_names_in_view(qtbot):
    table = table_view(Names([(f"Name {n}", "Detaining authority " * 8) for n in range(3)]),
                       "Organisations")
    qtbot.addWidget(table)
    table.horizontalHeader().setStretchLastSection(False)
    table.horizontalHeader().resizeSection(1, table.fontMetrics().horizontalAdvance(
        "Detaining authority " * 8))
    table.resize(300, 200)
    table.show()
    qtbot.waitExposed(table)
    assert table.horizontalScrollBar().maximum() > 0
    table.setCurrentIndex(table.model().index(1, 1))  # as a click on the long cell does
    assert table.horizontalScrollBar().value() == 0
