# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Meetings screen over a real vault: plan a meeting, order its cases, save and reload,
suggest cases for the government met (chosen in a list first), record the outcome as asks by
our organisation with the counterpart, delete with a confirmation, and forget everything on
lock. Waits on signals, never on sleeps."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, MeetingStatus, Request, Response, Status
from app.domain.model import Ask, Case, Meeting, MeetingCase, Official, Organisation
from app.errors import UserError
from app.services import asks, cases, directory, meetings
from app.ui import unsaved
from app.ui.plain import PlainLabel
from app.ui.screens.meetings.screen import MeetingsScreen

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
GERMANY = Organisation(id="11111111-1111-4111-8111-111111111111", name="Germany", country="DE",
                       kind="government")
OURS = Organisation(id="99999999-9999-4999-8999-999999999999", name="Rights Watchers",
                    kind="ngo")
FRANCE = Organisation(id="12121212-1212-4212-8212-121212121212", name="France", country="FR",
                      kind="government")
ATTACHE = Official(id="13131313-1313-4313-8313-131313131313", name="Claire Martin",
                   organisation_id=FRANCE.id)
ENVOY = Official(id="55555555-5555-4555-8555-555555555555", name="Anna Weber",
                 title="Human rights envoy", organisation_id=GERMANY.id)
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰", status=Status.RSDL, consent=Consent.PUBLIC)
TURSUN = Case(id="33333333-3333-4333-8333-333333333333", display_name="Tursun Ablet",
              name_original="تۇرسۇن ئابلەت", status=Status.MISSING,
              consent=Consent.DO_NOT_RAISE)
WANG = Case(id="66666666-6666-4666-8666-666666666666", display_name="Wang Quanzhang",
            name_original="王全璋", status=Status.SENTENCED, consent=Consent.PUBLIC)
ANSWERED = Ask(id="44444444-4444-4444-8444-444444444444", date=FuzzyDate.parse("2026-10-01"),
               raised_by_organisation_id=GERMANY.id, public=False,
               response=Response.ACKNOWLEDGED, case_ids=(WANG.id,))
PLANNED = Meeting(id="77777777-7777-4777-8777-777777777777", title="Berlin consultations",
                  starts_at=datetime(2026, 12, 3, 14, 0, tzinfo=UTC),
                  organisation_id=GERMANY.id, official_ids=(ENVOY.id,),
                  status=MeetingStatus.PLANNED,
                  cases=(MeetingCase(LIN.id, ask="Proof of life"), MeetingCase(WANG.id)))


def seed(session) -> None:
    for org in (GERMANY, OURS, FRANCE):
        directory.save_organisation(session, org)
    session.flush()
    directory.set_our_organisation(session, OURS.id)
    directory.save_official(session, ENVOY)
    directory.save_official(session, ATTACHE)
    for case in (LIN, TURSUN, WANG):
        cases.save_case(session, case)
    session.flush()
    asks.save_ask(session, ANSWERED)
    meetings.save_meeting(session, PLANNED)


@pytest.fixture
def vault(make_vault):
    return make_vault(seed, reopen=True)


@pytest.fixture
def screen(shown, ctx):
    return shown(MeetingsScreen(ctx))


def stored(vault, meeting_id):
    with vault.session() as session:
        return meetings.get_meeting(session, meeting_id)


def set_when(screen, when: datetime) -> None:
    screen.form.when.set_value(when.astimezone().replace(tzinfo=None))


def test_lists_meetings_and_shows_the_selected_one(screen):
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, 1).data() == "Berlin consultations"
    assert screen.model.index(0, 2).data() == "Germany"
    assert screen.model.index(0, 4).data() == "2"
    assert not screen.empty.isVisible()
    screen.select_meeting(PLANNED.id)
    assert screen.form.title.text() == "Berlin consultations"
    assert screen.form.organisation.currentData() == GERMANY.id
    assert screen.form.chosen_officials() == (ENVOY.id,)
    assert screen.cases.case_ids() == [LIN.id, WANG.id]
    assert screen.cases.ask.text() == "Proof of life"  # the first case is selected
    assert "王全璋" in screen.cases.case_list.item(1).text()
    assert not screen.is_dirty()


def test_empty_vault_says_what_to_do(shown, ctx, vault):
    with vault.session() as session:
        meetings.delete_meeting(session, PLANNED.id)
    widget = shown(MeetingsScreen(ctx))
    assert widget.empty.isVisible()
    assert "New meeting" in widget.empty.text()
    assert not widget.editor.isEnabled()


def test_create_reorder_save_and_reload(qtbot, screen, vault, ctx):
    screen.new_meeting()
    assert screen.editor.isEnabled() and screen.cases.case_ids() == []
    screen.form.title.setText("Geneva side event")
    set_when(screen, datetime(2027, 1, 15, 10, 30, tzinfo=UTC))
    screen.form.location.setText("Palais des Nations")
    screen.form.organisation.setCurrentIndex(screen.form.organisation.findData(GERMANY.id))
    screen.form.officials.item(0).setCheckState(Qt.CheckState.Checked)
    for case_id in (LIN.id, WANG.id, TURSUN.id):
        assert screen.cases.add_case(case_id)
    assert not screen.cases.add_case(LIN.id)  # never twice
    screen.cases.case_list.setCurrentRow(0)
    screen.cases.ask.setText("Release")
    screen.cases.talking_points.setPlainText("RSDL since February")
    # keyboard buttons: Lin down one, then Tursun up one
    qtbot.mouseClick(screen.cases.down_button, Qt.MouseButton.LeftButton)
    assert screen.cases.case_ids() == [WANG.id, LIN.id, TURSUN.id]
    assert screen.cases.case_list.currentRow() == 1
    screen.cases.case_list.setCurrentRow(2)
    qtbot.mouseClick(screen.cases.up_button, Qt.MouseButton.LeftButton)
    assert screen.cases.case_ids() == [WANG.id, TURSUN.id, LIN.id]
    # what a drag does: a move in the list's model
    assert screen.cases.case_list.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert screen.cases.case_ids() == [LIN.id, WANG.id, TURSUN.id]
    screen.cases.case_list.setCurrentRow(2)
    qtbot.mouseClick(screen.cases.remove_case_button, Qt.MouseButton.LeftButton)
    assert screen.cases.case_ids() == [LIN.id, WANG.id]
    assert screen.is_dirty()
    meeting_id = screen._current_id

    with qtbot.waitSignal(screen.loaded):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    saved = stored(vault, meeting_id)
    assert saved.title == "Geneva side event"
    assert saved.starts_at == datetime(2027, 1, 15, 10, 30, tzinfo=UTC)
    assert saved.location == "Palais des Nations"
    assert saved.organisation_id == GERMANY.id and saved.official_ids == (ENVOY.id,)
    assert [c.case_id for c in saved.cases] == [LIN.id, WANG.id]
    assert saved.cases[0] == MeetingCase(LIN.id, "Release", "RSDL since February")
    assert not screen.is_dirty()
    assert screen.model.rowCount() == 2
    assert screen.model.index(0, 1).data() == "Berlin consultations"  # the sooner first

    # edit it: change the title, swap the order
    screen.form.title.setText("Geneva side event (HRC)")
    screen.cases.case_list.setCurrentRow(1)
    screen.cases.move_case(-1)
    with qtbot.waitSignal(screen.loaded):
        screen.save()
    assert stored(vault, meeting_id).title == "Geneva side event (HRC)"
    assert [c.case_id for c in stored(vault, meeting_id).cases] == [WANG.id, LIN.id]

    # a fresh screen shows what was saved
    again = MeetingsScreen(ctx)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.loaded):
        again.refresh()
    again.select_meeting(meeting_id)
    assert again.form.title.text() == "Geneva side event (HRC)"
    assert again.cases.case_ids() == [WANG.id, LIN.id]
    again.cases.case_list.setCurrentRow(1)
    assert again.cases.ask.text() == "Release"
    assert again.cases.talking_points.toPlainText() == "RSDL since February"


@pytest.mark.parametrize("title, dated, wanted", [
    ("", True, "title"),
    ("   ", True, "title"),
    ("Undated", False, "date"),
])
def test_validation_is_one_sentence_and_saves_nothing(qtbot, screen, vault, monkeypatch,
                                                      title, dated, wanted):
    writes = []
    monkeypatch.setattr(screen.ctx, "write", lambda *a, **k: writes.append(a))
    screen.new_meeting()
    screen.form.title.setText(title)
    if dated:
        set_when(screen, datetime(2027, 2, 1, 9, 0, tzinfo=UTC))
    screen.save()
    assert screen.error.isVisible()
    assert wanted in screen.error.text() and screen.error.text().count(".") == 1
    assert writes == []
    with vault.session() as session:
        assert [m.id for m in meetings.list_meetings(session)] == [PLANNED.id]


def test_suggest_cases_shows_the_list_before_adding(qtbot, screen, ctx, vault):
    chen = Case(id="14141414-1414-4414-8414-141414141414", display_name="Chen Qiushi",
                name_original="陈秋实", status=Status.MISSING, consent=Consent.PUBLIC)
    with vault.session() as session:
        cases.save_case(session, chen)
    with qtbot.waitSignal(screen.loaded):
        screen.refresh()
    screen.new_meeting()
    screen.suggest_cases()
    assert "counterpart" in screen.error.text() and screen.error.isVisible()
    assert screen.cases.case_ids() == [] and screen.suggestions is None

    screen.form.organisation.setCurrentIndex(screen.form.organisation.findData(GERMANY.id))
    screen.suggest_cases()
    qtbot.waitUntil(lambda: screen.suggestions is not None, timeout=60_000)
    dialog = screen.suggestions
    assert dialog.isVisible()
    shown_ids = [dialog.list.item(row).data(Qt.ItemDataRole.UserRole)
                 for row in range(dialog.list.count())]
    assert sorted(shown_ids) == sorted([LIN.id, chen.id])  # never raised by Germany
    assert TURSUN.id not in shown_ids and WANG.id not in shown_ids
    assert "陈秋实" in dialog.list.item(shown_ids.index(chen.id)).text()
    assert screen.cases.case_ids() == []  # nothing added before the user chooses
    dialog.reject()  # Cancel adds nothing
    assert screen.cases.case_ids() == [] and screen.suggestions is None

    screen.suggest_cases()
    qtbot.waitUntil(lambda: screen.suggestions is not None, timeout=60_000)
    dialog = screen.suggestions
    assert not dialog.add_button.isEnabled()  # nothing ticked until the user says so
    dialog.all_button.click()
    assert dialog.add_button.isEnabled()
    dialog.none_button.click()
    assert not dialog.add_button.isEnabled()
    dialog.list.item(shown_ids.index(LIN.id)).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(ctx.message) as said:
        dialog.add_button.click()
    assert screen.cases.case_ids() == [LIN.id]  # only the ticked one
    assert "1" in said.args[0]

    screen.suggest_cases()
    qtbot.waitUntil(lambda: screen.suggestions is not None, timeout=60_000)
    assert screen.suggestions.list.count() == 1  # Lin is on the list already
    screen.suggestions.all_button.click()
    with qtbot.waitSignal(ctx.message):
        screen.suggestions.accept()
    assert screen.cases.case_ids() == [LIN.id, chen.id]
    with qtbot.waitSignal(ctx.message) as said:
        screen.suggest_cases()
    assert "No further" in said.args[0] and screen.suggestions is None


def confirm(monkeypatch, reply):
    """Answer the "meeting still to come" question with ``reply``; returns what was asked."""
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return reply

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_record_outcome_records_what_we_asked_and_what_they_committed_to(
        qtbot, screen, vault, ctx, monkeypatch):
    asked = confirm(monkeypatch, QMessageBox.StandardButton.Yes)
    screen.select_meeting(PLANNED.id)
    screen.record_outcome()
    assert len(asked) == 1  # 3 December is still to come on 28 November
    dialog = screen.outcome_dialog
    assert dialog is not None and dialog.isVisible()
    assert "Rights Watchers" in dialog.findChildren(PlainLabel)[0].text()
    assert not dialog.ours.isVisible()  # our organisation is set
    assert [case.case_id for case in dialog.cases] == [LIN.id, WANG.id]
    lin = dialog.cases[0]
    assert lin.ask.text() == "Proof of life"  # the planned ask, carried over
    lin.ask.setText("Proof of life within a month")
    lin.requests[Request.PROOF_OF_LIFE].setChecked(True)  # several things asked for
    lin.requests[Request.FAMILY_ACCESS].setChecked(True)
    lin.commitment.setText("Raise it at the dialogue in Beijing")
    assert lin.response.currentData() == "promise"  # a commitment is a promise
    lin.follow_up.setText("2026-12-20")
    dialog.cases[1].setChecked(False)  # Wang was not raised
    with qtbot.waitSignals([screen.loaded, ctx.message], timeout=60_000):
        dialog.accept()
    with vault.session() as session:
        lin_asks = asks.list_asks(session, case_id=LIN.id)
        wang_asks = asks.list_asks(session, case_id=WANG.id)
        assert meetings.get_meeting(session, PLANNED.id).status == MeetingStatus.HELD
    (view,) = lin_asks
    ask = view.ask
    assert ask.raised_by_organisation_id == OURS.id  # we asked Germany
    assert ask.raised_with_organisation_id == GERMANY.id
    assert ask.raised_with_official_id == ENVOY.id
    assert not view.counts  # Germany did not raise it
    assert ask.requests == (Request.PROOF_OF_LIFE, Request.FAMILY_ACCESS)
    assert ask.notes == "Proof of life within a month"
    assert ask.response == Response.PROMISE
    assert ask.response_text == "Raise it at the dialogue in Beijing"
    assert ask.follow_up_due == FuzzyDate.parse("2026-12-20")
    assert ask.date == FuzzyDate.parse("2026-12-03")
    assert [v.ask.id for v in wang_asks] == [ANSWERED.id]
    assert screen.form.status.currentData() == "held"


def test_a_meeting_still_to_come_is_confirmed_first(qtbot, screen, vault, monkeypatch):
    writes = []
    monkeypatch.setattr(screen.ctx, "write", lambda *a, **k: writes.append(a))
    asked = confirm(monkeypatch, QMessageBox.StandardButton.No)
    screen.select_meeting(PLANNED.id)
    screen.record_outcome()
    assert len(asked) == 1 and "not come yet" in asked[0]
    assert PLANNED.starts_at.astimezone().strftime("%Y-%m-%d %H:%M") in asked[0]
    assert screen.outcome_dialog is None and writes == []
    assert stored(vault, PLANNED.id).status == MeetingStatus.PLANNED


def test_a_past_meeting_is_not_questioned(qtbot, screen, vault, monkeypatch):
    past = Meeting(id="15151515-1515-4515-8515-151515151515", title="Brussels dialogue",
                   starts_at=datetime(2026, 11, 2, 9, 0, tzinfo=UTC), organisation_id=GERMANY.id,
                   cases=(MeetingCase(LIN.id),))
    with vault.session() as session:
        meetings.save_meeting(session, past)
    with qtbot.waitSignal(screen.loaded):
        screen.refresh()
    asked = confirm(monkeypatch, QMessageBox.StandardButton.No)
    screen.select_meeting(past.id)
    screen.record_outcome()
    assert asked == [] and screen.outcome_dialog.isVisible()
    screen.outcome_dialog.cases[0].follow_up.setText("soon")
    screen.outcome_dialog.accept()  # a bad date: one sentence, nothing written
    assert screen.outcome_dialog.isVisible()
    assert "follow-up date" in screen.outcome_dialog.error.text()
    with vault.session() as session:
        assert asks.list_asks(session, case_id=LIN.id) == []


def test_without_our_organisation_the_dialog_asks_for_it(qtbot, screen, vault, ctx,
                                                         monkeypatch):
    with vault.session() as session:
        directory.set_our_organisation(session, None)
    with qtbot.waitSignal(screen.loaded):
        screen.refresh()
    confirm(monkeypatch, QMessageBox.StandardButton.Yes)
    screen.select_meeting(PLANNED.id)
    screen.record_outcome()
    dialog = screen.outcome_dialog
    assert dialog.ours.isVisible() and dialog.ours_note.isVisible()
    assert "not set" in dialog.ours_note.text()
    assert dialog.ours.findData(GERMANY.id) == -1  # not the counterpart itself
    dialog.accept()
    assert dialog.isVisible() and "Choose our organisation" in dialog.error.text()
    with vault.session() as session:
        assert asks.list_asks(session, case_id=LIN.id) == []
    dialog.ours.setCurrentIndex(dialog.ours.findData(OURS.id))
    with qtbot.waitSignals([screen.loaded, ctx.message], timeout=60_000):
        dialog.accept()
    with vault.session() as session:
        assert directory.our_organisation(session) == OURS.id  # kept, as in Settings
        (view,) = asks.list_asks(session, case_id=LIN.id)
    assert view.ask.raised_by_organisation_id == OURS.id


def test_officials_are_filtered_by_the_counterpart(screen):
    screen.select_meeting(PLANNED.id)
    officials = screen.form.officials

    def visible():
        return [officials.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(officials.count()) if not officials.item(row).isHidden()]

    assert officials.minimumHeight() >= 150  # more than three rows
    assert visible() == [ENVOY.id]  # Germany's, not France's
    screen.form.all_officials.setChecked(True)
    assert visible() == [ENVOY.id, ATTACHE.id]
    screen.form.all_officials.setChecked(False)
    screen.form.organisation.setCurrentIndex(screen.form.organisation.findData(FRANCE.id))
    assert visible() == [ENVOY.id, ATTACHE.id]  # the ticked envoy stays in sight
    officials.item(0).setCheckState(Qt.CheckState.Unchecked)
    screen.form.organisation.setCurrentIndex(screen.form.organisation.findData(FRANCE.id))
    screen.form.organisation.setCurrentIndex(0)  # not set: everyone
    assert visible() == [ENVOY.id, ATTACHE.id]
    screen.form.organisation.setCurrentIndex(screen.form.organisation.findData(FRANCE.id))
    assert visible() == [ATTACHE.id]


def test_outcome_waits_for_unsaved_changes(screen):
    screen.select_meeting(PLANNED.id)
    screen.form.title.setText("Changed")
    screen.record_outcome()
    assert screen.outcome_dialog is None
    assert "Save the meeting" in screen.error.text()


def test_delete_asks_first(qtbot, screen, vault, monkeypatch):
    asked = []

    def answer(reply):
        def question(*args, **kwargs):
            asked.append(args[2])
            return reply
        return question

    screen.select_meeting(PLANNED.id)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    screen.delete()
    assert len(asked) == 1
    assert stored(vault, PLANNED.id).title == "Berlin consultations"
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(screen.loaded):
        qtbot.mouseClick(screen.delete_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2
    with pytest.raises(UserError):
        stored(vault, PLANNED.id)
    assert screen.model.rowCount() == 0
    assert screen.form.title.text() == "" and not screen.editor.isEnabled()


def test_switching_with_unsaved_changes_asks(qtbot, screen, monkeypatch):
    monkeypatch.setattr(unsaved, "ask", lambda *a: unsaved.CANCEL)
    screen.new_meeting()
    screen.form.title.setText("Draft")
    screen.select_meeting(PLANNED.id)
    assert screen.form.title.text() == "Draft"  # kept
    monkeypatch.setattr(unsaved, "ask", lambda *a: unsaved.DISCARD)
    screen.select_meeting(PLANNED.id)
    assert screen.form.title.text() == "Berlin consultations"


def test_clear_forgets_everything(qtbot, screen):
    screen.select_meeting(PLANNED.id)
    screen.cases.pick_case()
    picker = screen.cases.picker
    assert picker.isVisible()
    screen.clear()
    assert screen.model.rowCount() == 0
    assert screen.form.title.text() == "" and screen.cases.case_list.count() == 0
    assert screen.form.officials.count() == 0 and screen.form.organisation.count() == 0
    assert screen.cases.ask.text() == "" and screen.form.agenda.toPlainText() == ""
    assert not picker.isVisible() and screen.cases.picker is None
    assert screen.cases._cases == {} and screen.cases._points == {}
    assert screen.form._organisations == [] and screen.form._officials == []


def test_case_picker_searches_any_script(qtbot, screen):
    screen.select_meeting(PLANNED.id)
    screen.cases.pick_case()
    picker = screen.cases.picker
    assert picker.list.count() == 1  # Lin and Wang are already on the list
    picker.search.setText("ابلە")  # part of the Uyghur name
    assert picker.chosen_id() == TURSUN.id
    picker.search.setText("nobody")
    assert picker.chosen_id() is None
    picker.search.setText("tursun")
    picker.accept()
    assert screen.cases.case_ids() == [LIN.id, WANG.id, TURSUN.id]
    assert "do not raise" in screen.cases.case_list.item(2).text()


def test_switching_meetings_keeps_each_ask(qtbot, screen, vault):
    other = Meeting(id="88888888-8888-4888-8888-888888888888", title="Brussels dialogue",
                    starts_at=datetime(2026, 10, 1, 9, 0, tzinfo=UTC),
                    cases=(MeetingCase(LIN.id, ask="Release"),))
    with vault.session() as session:
        meetings.save_meeting(session, other)
    with qtbot.waitSignal(screen.loaded):
        screen.refresh()
    assert screen.model.index(1, 1).data() == "Brussels dialogue"  # past ones after
    screen.select_meeting(PLANNED.id)
    assert screen.cases.ask.text() == "Proof of life"
    screen.select_meeting(other.id)
    assert screen.cases.ask.text() == "Release"
    screen.select_meeting(PLANNED.id)
    assert screen.cases.ask.text() == "Proof of life"
    assert not screen.is_dirty()


def test_a_new_meeting_can_start_with_a_government_and_cases(screen):
    """What "Prepare…" on the Calendar screen opens."""
    screen.new_meeting(organisation_id=GERMANY.id, case_ids=[WANG.id, LIN.id])
    assert screen.form.organisation_id() == GERMANY.id
    assert screen.cases.case_ids() == [WANG.id, LIN.id]
    assert screen.is_dirty() and screen.form.title.text() == ""


@pytest.mark.qt_log_ignore("^This plugin does not support (raise|grabbing)")
def test_the_when_field_types_opens_at_today_and_clears(qtbot, screen, vault, ctx,
                                                        monkeypatch):
    """Issue 20: the calendar opened on September 1752, typing glued digits to "No date yet"
    and were then refused."""
    writes = []
    monkeypatch.setattr(screen.ctx, "write", lambda *a, **k: writes.append(a))
    screen.new_meeting()
    when = screen.form.when
    assert when.day.text() == "" and when.day.placeholderText().startswith("No date yet")
    popup = when.day.open_calendar()
    assert popup.calendar.selectedDate().toPython() == ctx.today()  # not 1752
    assert popup.calendar.monthShown() == ctx.today().month
    popup.hide()
    screen.form.title.setText("Geneva side event")
    when.day.setFocus()
    QTest.keyClicks(when.day, "2027-01-15")
    assert when.day.text() == "2027-01-15"
    assert screen.is_dirty()
    when.day.clear()
    QTest.keyClicks(when.day, "2027-01-16")  # typed again after clearing: taken
    assert when.value() is not None and when.value().date() == date(2027, 1, 16)

    when.day.setText("2027-01")  # a month is not a meeting day: refused, nothing written
    screen.save()
    assert screen.error.isVisible() and "date" in screen.error.text()
    assert when.day.problem() is not None
    assert writes == []
