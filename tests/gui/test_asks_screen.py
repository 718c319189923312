# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Asks screen and the "Log ask" dialog, offscreen, over a real vault: logging an ask for
two cases, inline sentences for bad input with nothing saved, editing, deleting, the overdue
switch, the filter field by field, lines read a few blocks at a time, and forgetting
everything on lock. Waits on signals, never on sleeps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest

from app.domain.dates import FuzzyDate
from app.domain.enums import Channel, OrganisationKind, Request, Response
from app.domain.model import Ask, Case, Official, Organisation
from app.services import asks, cases, directory
from app.ui.ask_table import haystack
from app.ui.log_ask import LogAskDialog, log_ask, party_choices
from app.ui.screens.asks.screen import AsksScreen
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
GERMANY = Organisation(id="11111111-1111-4111-8111-111111111111", name="Germany",
                       country="DE", kind=OrganisationKind.GOVERNMENT)
MFA = Organisation(id="55555555-5555-4555-8555-555555555555",
                   name="Ministry of Foreign Affairs", country="CN",
                   kind=OrganisationKind.DETAINING_AUTHORITY)
AMBASSADOR = Official(id="66666666-6666-4666-8666-666666666666", name="Karl Weiss",
                      title="Ambassador", organisation_id=GERMANY.id)
WANG_YI = Official(id="77777777-7777-4777-8777-777777777777", name="王毅",
                   title="Foreign Minister", organisation_id=MFA.id)
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰")
TURSUN = Case(id="33333333-3333-4333-8333-333333333333", display_name="Tursun Ablet",
              name_original="تۇرسۇن ئابلەت")
OLD_ASK = Ask(id="44444444-4444-4444-8444-444444444444", date=FuzzyDate.parse("2026-06-01"),
              raised_by_organisation_id=GERMANY.id, public=True, case_ids=(LIN.id,),
              follow_up_due=FuzzyDate.parse("2026-09"))
RECENT_ASK = Ask(id="88888888-8888-4888-8888-888888888888", date=FuzzyDate.parse("2026-11"),
                 raised_by_official_id=AMBASSADOR.id, public=False, case_ids=(TURSUN.id,),
                 follow_up_due=FuzzyDate.parse("2027-01-15"))


@pytest.fixture
def vault(tmp_path):
    vault, _ = Vault.create(tmp_path / "vault", "passphrase for the asks",
                            kdf=KdfParams.minimum(), clock=lambda: NOW)
    with vault.session() as session:
        for org in (GERMANY, MFA):
            directory.save_organisation(session, org)
        for person in (AMBASSADOR, WANG_YI):
            directory.save_official(session, person)
        cases.save_case(session, LIN)
        cases.save_case(session, TURSUN)
        session.flush()
        asks.save_ask(session, OLD_ASK)
        asks.save_ask(session, RECENT_ASK)
    yield vault
    vault.close()


WANG = Case(id="aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", display_name="王小波")
# nine older asks, one a day in January 2025; the eighth, by another government, is overdue
MORE = tuple(Ask(id=f"{i + 1:08d}-0000-4000-8000-000000000000",
                 date=FuzzyDate.parse(f"2025-01-{i + 1:02d}"),
                 raised_by_organisation_id=MFA.id if i == 7 else GERMANY.id,
                 raised_with_official_id=WANG_YI.id if i % 2 == 0 else None,
                 channel=Channel.LETTER if i % 3 == 0 else None, public=False,
                 response=Response.DENIED if i == 4 else None,
                 follow_up_due=FuzzyDate.parse("2025-02") if i in (1, 7) else None,
                 case_ids=(WANG.id,) if i % 2 else (LIN.id,)) for i in range(9))


@pytest.fixture
def more_asks(vault):
    with vault.session() as session:
        cases.save_case(session, WANG)
        session.flush()
        for ask in MORE:
            asks.save_ask(session, ask)
    return vault


@pytest.fixture
def screen(qtbot, ctx):
    view = AsksScreen(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded):
        view.show()
    yield view
    view.clear()
    ctx.tasks.wait()


def read(vault, fn):
    with vault.session() as session:
        return fn(session)


def open_dialog(qtbot, ctx, **kwargs) -> LogAskDialog:
    dialog = LogAskDialog(ctx, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded):
        dialog.show()
    return dialog


def test_the_list_shows_asks_newest_first_with_names(screen):
    model = screen.model
    assert model.rowCount() == 2
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[0] == "2026-11" and first[1] == "Karl Weiss \u2014 Germany"
    assert first[4] == "Private" and first[5] == "Tursun Ablet"
    assert model.index(1, 5).data() == "Lin Wenjie"
    assert screen.count.text() == "2 asks"


def test_logging_an_ask_for_two_cases(qtbot, ctx, vault, screen):
    dialog = open_dialog(qtbot, ctx, case_ids=(LIN.id,))
    assert dialog.cases.checked_ids() == (LIN.id,)
    dialog.date.setText("2026-11-20")
    dialog.raised_by.setText("karl weiss \u2014 germany")  # case does not matter
    dialog.raised_with.setText("王毅 \u2014 Ministry of Foreign Affairs")
    dialog.channel.setCurrentIndex(dialog.channel.findData(Channel.BILATERAL_MEETING.value))
    dialog.public.setChecked(True)
    dialog.cases.filter.setText("تۇرسۇن")
    assert dialog.cases.proxy.rowCount() == 1
    dialog.cases.set_checked(TURSUN.id)
    dialog.requests[Request.RELEASE].setChecked(True)
    dialog.requests[Request.MEDICAL_CARE].setChecked(True)
    dialog.response.setCurrentIndex(dialog.response.findData(Response.INTERNAL_AFFAIR.value))
    dialog.response_text.setPlainText("“A matter of China's judicial sovereignty.”")
    dialog.follow_up.setText("2027-02")
    with qtbot.waitSignal(dialog.saved) as saved, qtbot.waitSignal(screen.loaded):
        dialog.save_button.click()
    ask = read(vault, lambda s: asks.get_ask(s, saved.args[0]))
    assert set(ask.case_ids) == {LIN.id, TURSUN.id}
    assert ask.raised_by_official_id == AMBASSADOR.id
    assert ask.raised_with_official_id == WANG_YI.id
    assert ask.channel is Channel.BILATERAL_MEETING and ask.public
    assert ask.requests == (Request.RELEASE, Request.MEDICAL_CARE)
    assert ask.response is Response.INTERNAL_AFFAIR
    assert ask.follow_up_due == FuzzyDate.parse("2027-02")
    for case in (LIN, TURSUN):
        found = read(vault, lambda s, c=case: asks.list_asks(s, case_id=c.id))
        assert saved.args[0] in {v.ask.id for v in found}
    assert screen.model.rowCount() == 3
    assert screen.model.line_at(0).id == saved.args[0]


@pytest.mark.parametrize("date_text", ["2026-13", "14/03/2025", "yesterday"])
def test_a_bad_date_is_one_sentence_and_nothing_is_saved(qtbot, ctx, vault, date_text):
    dialog = open_dialog(qtbot, ctx, case_ids=(LIN.id,))
    dialog.date.setText(date_text)
    dialog.raised_by.setText("Germany")
    dialog.save_button.click()
    assert dialog.error.isVisibleTo(dialog)
    assert "2025-03-14" in dialog.error.text() and date_text not in dialog.error.text()
    assert dialog.isVisible()
    ctx.tasks.wait()
    assert len(read(vault, asks.list_asks)) == 2


def test_fuzzy_dates_are_accepted(qtbot, ctx, vault):
    dialog = open_dialog(qtbot, ctx, case_ids=(LIN.id,))
    dialog.date.setText("2025")
    dialog.raised_by.setText("Germany")
    dialog.response_date.setText("2025-03~")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save_button.click()
    ask = read(vault, lambda s: asks.get_ask(s, saved.args[0]))
    assert ask.date == FuzzyDate(2025) and str(ask.response_date) == "2025-03~"


@pytest.mark.qt_log_ignore("^This plugin does not support (raise|grabbing)")
def test_the_date_fields_type_pick_and_clear(qtbot, ctx, vault):
    """Issue 20: the ask's date, response date and follow-up are the one date field."""
    dialog = open_dialog(qtbot, ctx, case_ids=(LIN.id,))
    assert dialog.date.text() == "2026-11-28"  # today, ready to change
    popup = dialog.date.open_calendar()
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2026, 11)
    popup.calendar.clicked.emit(popup.calendar.selectedDate().addDays(-3))
    assert dialog.date.text() == "2026-11-25"
    dialog.follow_up.setFocus()
    QTest.keyClicks(dialog.follow_up, "2027.2")  # the importer's spelling, tidied on leaving
    QTest.keyClick(dialog.follow_up, Qt.Key.Key_Tab)
    assert dialog.follow_up.text() == "2027-02"
    assert dialog.follow_up.open_calendar().calendar.selectedDate().toPython().month == 2
    dialog.follow_up.popup.month_button.click()  # "Whole month" keeps it a month
    dialog.response_date.setText("2026-11-26")
    dialog.response_date.clear()  # cleared: no response date, not placeholder text
    dialog.raised_by.setText("Germany")
    with qtbot.waitSignal(dialog.saved, timeout=60_000) as saved:
        dialog.save_button.click()
    ask = read(vault, lambda s: asks.get_ask(s, saved.args[0]))
    assert ask.date == FuzzyDate(2026, 11, 25)
    assert ask.follow_up_due == FuzzyDate(2027, 2) and ask.response_date is None


def test_a_missing_ask_date_is_one_sentence(qtbot, ctx, vault):
    dialog = open_dialog(qtbot, ctx, case_ids=(LIN.id,))
    dialog.date.clear()
    dialog.raised_by.setText("Germany")
    dialog.save_button.click()
    assert "Enter the date of the ask" in dialog.error.text()
    assert dialog.error.text().count(".") == 1
    ctx.tasks.wait()
    assert len(read(vault, asks.list_asks)) == 2


def test_an_unknown_raised_by_is_one_sentence_and_nothing_is_saved(qtbot, ctx, vault):
    dialog = open_dialog(qtbot, ctx, case_ids=(LIN.id,))
    dialog.raised_by.setText("Ambassador Nobody")
    dialog.save_button.click()
    assert "not an official or organisation" in dialog.error.text()
    assert "Nobody" not in dialog.error.text()
    dialog.raised_by.clear()
    dialog.save_button.click()
    assert "Say who raised it" in dialog.error.text()
    dialog.raised_by.setText("Germany")
    dialog.raised_with.setText("Somebody else")
    dialog.save_button.click()
    assert "not an official or organisation" in dialog.error.text()
    ctx.tasks.wait()
    assert len(read(vault, asks.list_asks)) == 2


def test_at_least_one_case_is_required(qtbot, ctx, vault):
    dialog = open_dialog(qtbot, ctx)
    dialog.raised_by.setText("Germany")
    dialog.save_button.click()
    assert "at least one case" in dialog.error.text()
    ctx.tasks.wait()
    assert len(read(vault, asks.list_asks)) == 2


def test_enter_in_a_multi_line_field_or_the_case_filter_does_not_save(qtbot, ctx, vault):
    dialog = open_dialog(qtbot, ctx, case_ids=(LIN.id,))
    dialog.raised_by.setText("Germany")
    dialog.notes.setFocus()
    QTest.keyClick(dialog.notes, Qt.Key.Key_Return)
    QTest.keyClick(dialog.response_text, Qt.Key.Key_Return)
    dialog.cases.filter.setText("Tursun")
    QTest.keyClick(dialog.cases.filter, Qt.Key.Key_Return)  # checks the one match instead
    assert dialog.isVisible() and not dialog.error.isVisibleTo(dialog)
    assert set(dialog.cases.checked_ids()) == {LIN.id, TURSUN.id}
    ctx.tasks.wait()
    assert len(read(vault, asks.list_asks)) == 2


def test_every_field_has_an_accessible_name(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx)
    fields = [dialog.date, dialog.raised_by, dialog.raised_with, dialog.channel,
              dialog.public, dialog.private, dialog.cases.filter, dialog.cases.list,
              *dialog.requests.values(), dialog.response, dialog.response_date,
              dialog.response_text, dialog.follow_up, dialog.notes]
    assert all(f.accessibleName() for f in fields)


def test_editing_the_selected_ask(qtbot, ctx, vault, screen):
    screen.select_ask(OLD_ASK.id)
    screen.edit_button.click()
    qtbot.waitUntil(lambda: bool(screen.dialogs))
    dialog = screen.dialogs[0]
    qtbot.waitUntil(lambda: dialog.raised_by.text() == "Germany")
    assert dialog.date.text() == "2026-06-01" and dialog.public.isChecked()
    assert dialog.cases.checked_ids() == (LIN.id,)
    dialog.date.setText("2026-06-02")
    dialog.cases.set_checked(TURSUN.id)
    dialog.response.setCurrentIndex(dialog.response.findData(Response.DENIED.value))
    with qtbot.waitSignal(screen.loaded):
        dialog.save_button.click()
    ask = read(vault, lambda s: asks.get_ask(s, OLD_ASK.id))
    assert ask.date == FuzzyDate.parse("2026-06-02") and ask.response is Response.DENIED
    assert set(ask.case_ids) == {LIN.id, TURSUN.id}
    assert len(read(vault, asks.list_asks)) == 2
    assert not screen.dialogs
    assert screen.selected().id == OLD_ASK.id  # the list was read again, the ask kept
    assert screen.selected().date == "2026-06-02"
    assert screen.model.index(1, 5).data() == "Lin Wenjie; Tursun Ablet"


def test_deleting_asks_for_confirmation(qtbot, vault, screen):
    questions = []
    screen.confirm = lambda q: questions.append(q) or False
    screen.select_ask(OLD_ASK.id)
    screen.delete_button.click()
    assert len(questions) == 1 and "2026-06-01" in questions[0]
    screen.ctx.tasks.wait()
    assert len(read(vault, asks.list_asks)) == 2
    screen.confirm = lambda q: True
    with qtbot.waitSignal(screen.loaded):
        screen.delete_button.click()
    assert [v.ask.id for v in read(vault, asks.list_asks)] == [RECENT_ASK.id]
    assert screen.model.rowCount() == 1


def test_the_overdue_switch(qtbot, screen):
    with qtbot.waitSignal(screen.loaded):
        screen.show_overdue()
    assert screen.overdue.isChecked()
    assert [screen.model.line_at(r).id for r in range(screen.model.rowCount())] == [OLD_ASK.id]
    assert screen.count.text() == "1 of 2 asks"
    with qtbot.waitSignal(screen.loaded):
        screen.overdue.setChecked(False)
    assert screen.model.rowCount() == 2


def test_the_filter_box(qtbot, screen):
    screen.filter.setText("tursun")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1)
    assert screen.model.line_at(0).id == RECENT_ASK.id
    screen.filter.setText("no such thing")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0)
    assert screen.empty.isVisible()


def test_double_clicking_an_ask_of_one_case_opens_it(qtbot, screen):
    row = screen.model.row_of(OLD_ASK.id)
    with qtbot.waitSignal(screen.ctx.case_requested) as requested:
        screen.table.doubleClicked.emit(screen.model.index(row, 5))
    assert requested.args == [LIN.id]


def test_clear_empties_the_model_and_closes_dialogs(qtbot, screen):
    screen.log_ask()
    dialog = screen.log_ask()
    screen.filter.setText("Lin")
    screen.clear()
    assert screen.model.rowCount() == 0 and screen.model.total() == 0
    assert screen.filter.text() == "" and not screen.dialogs
    assert not dialog.isVisible()


def test_log_ask_opens_the_dialog_for_given_cases(qtbot, ctx):
    dialog = log_ask(ctx, None, case_ids=[TURSUN.id])
    with qtbot.waitSignal(dialog.loaded):
        pass
    assert dialog.isVisible() and dialog.cases.checked_ids() == (TURSUN.id,)
    dialog.reject()


def test_party_labels_are_unique():
    twin = Official(id="99999999-9999-4999-8999-999999999999", name="Karl Weiss",
                    organisation_id=GERMANY.id)
    labels = [t for t, _k, _i in party_choices([GERMANY, MFA], [AMBASSADOR, twin, WANG_YI])]
    assert len(set(labels)) == len(labels)
    assert "王毅 \u2014 Ministry of Foreign Affairs" in labels


# -- a list read a few lines at a time --------------------------------------------------------
def shown_ids(qtbot, model) -> list[str]:
    """Every row's ask, reading the blocks not read yet."""
    ids = []
    for row in range(model.rowCount()):
        qtbot.waitUntil(lambda r=row: model.line_at(r) is not None)
        ids.append(model.line_at(row).id)
    return ids


def expected(vault, needle: str) -> set[str]:
    """What the old in-memory filter found."""
    return {line.id for line in read(vault, asks.ask_lines)
            if needle.casefold() in haystack(line)}


@pytest.fixture
def small_blocks(qtbot, ctx, more_asks):
    """The screen over eleven asks, reading blocks of three and keeping at most three."""
    view = AsksScreen(ctx)
    view.model.block, view.model.cached_blocks = 3, 3
    qtbot.addWidget(view)
    rows = view.table.verticalHeader().defaultSectionSize()
    view.table.setFixedHeight(view.table.horizontalHeader().sizeHint().height() + 4 * rows)
    view.lines_when_loaded = []
    view.loaded.connect(lambda: view.lines_when_loaded.append(view.model.cached_lines()))
    with qtbot.waitSignal(view.loaded):
        view.show()
    yield view
    view.clear()
    ctx.tasks.wait()


def test_lines_are_read_in_blocks_and_few_are_kept(qtbot, small_blocks):
    model, most = small_blocks.model, []
    model.blocks_read.connect(lambda: most.append(model.cached_lines()))
    assert model.rowCount() == 11 and small_blocks.count.text() == "11 asks"
    assert small_blocks.lines_when_loaded == [3]  # the first block came with the list
    ids = shown_ids(qtbot, model)
    assert ids == [RECENT_ASK.id, OLD_ASK.id, *(ask.id for ask in reversed(MORE))]
    assert most and max(most) <= 9 and model.cached_lines() <= 9
    small_blocks.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.index(10, 0).data() == "2025-01-01")
    assert model.index(10, 5).data() == "Lin Wenjie"
    assert model.index(9, 5).data() == "王小波"
    assert model.cached_lines() <= 9


def test_selecting_an_ask_whose_line_is_not_read(qtbot, small_blocks):
    small_blocks.table.scrollToTop()
    small_blocks.select_ask(MORE[0].id)  # the last row: its block was never read
    qtbot.waitUntil(lambda: bool(small_blocks.table.selectionModel().selectedRows()))
    assert small_blocks.table.selectionModel().selectedRows()[0].row() == 10
    qtbot.waitUntil(lambda: small_blocks.selected() is not None)
    assert small_blocks.selected().id == MORE[0].id


def test_deleting_an_ask_whose_line_was_dropped(qtbot, vault, small_blocks):
    model, questions = small_blocks.model, []
    small_blocks.confirm = lambda q: questions.append(q) or True
    small_blocks.table.selectRow(10)
    assert small_blocks.edit_button.isEnabled()
    qtbot.waitUntil(lambda: model.line_at(10) is not None)
    small_blocks.table.scrollToTop()
    for row in range(9):  # reading three other blocks drops the selected one
        qtbot.waitUntil(lambda r=row: model.line_at(r) is not None)
    assert model.index(10, 0).data() is None
    with qtbot.waitSignal(small_blocks.loaded):
        small_blocks.delete_button.click()
    assert len(questions) == 1 and "2025-01-01" in questions[0]
    assert MORE[0].id not in {v.ask.id for v in read(vault, asks.list_asks)}
    assert model.rowCount() == 10 and small_blocks.count.text() == "10 asks"


@pytest.mark.parametrize("needle", [
    "2025-01-03",            # date
    "karl",                  # raised by an official
    "WEISS — germany",   # with their organisation
    "germany",               # raised by an organisation
    "王毅",                  # raised with, in Chinese
    "foreign affairs",       # raised with an organisation
    "letter",                # channel
    "denied",                # response
    "lin wen",               # a case
    "王小",                  # a case in Chinese
    "2025-02",               # follow-up due
])
def test_the_filter_box_field_by_field(qtbot, more_asks, screen, needle):
    want = expected(more_asks, needle)
    assert 0 < len(want) < 11
    with qtbot.waitSignal(screen.loaded):
        screen.filter.setText(needle)
    assert set(shown_ids(qtbot, screen.model)) == want
    assert screen.count.text() == f"{len(want)} of 11 asks"


def test_the_overdue_switch_with_the_filter(qtbot, more_asks, screen):
    with qtbot.waitSignal(screen.loaded):
        screen.overdue.setChecked(True)
    overdue = read(more_asks, lambda s: asks.overdue_ask_ids(s, NOW.date()))
    assert overdue == {OLD_ASK.id, MORE[7].id}
    assert shown_ids(qtbot, screen.model) == [OLD_ASK.id, MORE[7].id]
    with qtbot.waitSignal(screen.loaded):
        screen.filter.setText("王小波")
    assert shown_ids(qtbot, screen.model) == [MORE[7].id]
    assert screen.count.text() == "1 of 11 asks"
    with qtbot.waitSignal(screen.loaded):
        screen.overdue.setChecked(False)
    assert shown_ids(qtbot, screen.model) == [MORE[i].id for i in (7, 5, 3, 1)]
    with qtbot.waitSignal(screen.loaded):
        screen.filter.clear()
    assert screen.model.rowCount() == 11 and screen.count.text() == "11 asks"


def test_a_change_elsewhere_reads_the_list_again(qtbot, ctx, vault, screen):
    with qtbot.waitSignal(screen.loaded):
        ctx.write(lambda s: asks.save_ask(s, MORE[0]), "asks")
    assert screen.model.rowCount() == 3 and screen.count.text() == "3 asks"
    assert screen.model.index(2, 0).data() == "2025-01-01"


def test_lock_drops_every_line_and_a_block_read_under_way(qtbot, ctx, small_blocks):
    model = small_blocks.model
    # A row whose block is not read yet (which ones the view has read depends on how many
    # rows it has shown): asking for its line starts a block read.
    order = [RECENT_ASK.id, OLD_ASK.id, *(ask.id for ask in reversed(MORE))]
    row = next(r for r, ask_id in enumerate(order) if model.row_of(ask_id) is None)
    assert model.line_at(row) is None
    ctx.closed()                      # the window locks: the context first, then the screens
    small_blocks.clear()
    ctx.tasks.wait()
    QCoreApplication.processEvents()  # a late result, if any, would arrive now
    assert model.rowCount() == 0 and model.total() == 0 and model.cached_lines() == 0
    assert model.row_of(OLD_ASK.id) is None and small_blocks.count.text() == ""


def test_channels_and_responses_show_and_filter_in_the_readers_language(qtbot, more_asks,
                                                                         screen):
    """Labels are looked up when shown, not when the module loads (before the translation
    is installed): in Chinese the list says 信函 and the filter finds it."""
    from PySide6.QtCore import QCoreApplication

    from app.ui import i18n

    translators = i18n.install(QCoreApplication.instance(), "zh_CN")
    assert translators, "the Chinese translation did not load"
    try:
        letters = {a.id for a in MORE if a.channel is Channel.LETTER}
        screen.filter.setText("信函")
        qtbot.waitUntil(lambda: screen.model.rowCount() == len(letters))
        assert {screen.model.line_at(r).id for r in range(len(letters))} == letters
        assert screen.model.data(screen.model.index(0, 3)) == "信函"
        assert "信函" in haystack(screen.model.line_at(0))
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
