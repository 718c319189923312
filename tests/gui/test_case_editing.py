# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Editing cases on the Cases screen: new case, profile form and its validation, timeline,
attachments from memory, delete with confirmation, multi-select, filters, clear on lock.

The main window lists, loads and reloads the cases, as in the app. Waits on signals, never on
sleeps."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from app.domain.dates import FuzzyDate
from app.domain.enums import EventKind, Status
from app.domain.model import Case
from app.errors import UserError
from app.services import attachments, cases
from app.services.cases import list_cases
from app.ui import unsaved
from app.ui.screens.cases import attachments as attachments_tab
from app.ui.screens.cases import editor as case_editor

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰", status=Status.RSDL, status_since=FuzzyDate.parse("2025-02"),
           nationalities=("CN",), birth_year=1980)
ANNA = Case(id="55555555-5555-4555-8555-555555555555", display_name="Anna Berg",
            nationalities=("CN", "SE"), tags=("bookseller",))


def seed(session) -> None:
    cases.save_case(session, LIN)
    cases.save_case(session, ANNA)


@pytest.fixture
def window(open_window, make_vault_dir):
    """The main window on the Cases screen: it lists, loads and reloads the cases."""
    win = open_window(make_vault_dir(seed))
    win.sidebar.setCurrentRow(win.screens.indexOf(win.cases_screen))
    return win


@pytest.fixture
def vault(window):
    return window.vault


@pytest.fixture
def screen(window):
    return window.cases_screen


def stored(vault, case_id: str) -> Case:
    with vault.session() as session:
        return cases.get_case(session, case_id)


def open_case(qtbot, view, case_id: str) -> None:
    with qtbot.waitSignals([view.window().case_shown, view.detail.attachments.loaded],
                           timeout=10_000):
        view.select_case(case_id)


def saved(qtbot, view):
    """A save, and the reload of the list and of the case it causes (one at a time: see the
    vault's HLC write)."""
    window = view.window()
    return qtbot.waitSignals([view.detail.case_saved, window.cases_shown, window.case_shown],
                             timeout=10_000)


def save(qtbot, view) -> None:
    with saved(qtbot, view):
        view.save_action.trigger()


@pytest.fixture
def confirmations(monkeypatch):
    """Every confirmation dialog, answered from ``answers`` (default yes) and recorded."""
    asked: list[str] = []
    answers: list[bool] = []

    def confirm(_parent, text, _action):
        asked.append(text)
        return answers.pop(0) if answers else True

    monkeypatch.setattr(case_editor, "confirm", confirm)
    return asked, answers


def test_a_new_case_with_chinese_and_uyghur_names(qtbot, screen, vault):
    detail, form = screen.detail, screen.detail.form
    screen.new_action.trigger()
    assert detail.editing and detail.is_new
    assert not detail.timeline.isEnabled()  # nothing to hang events on before the first save
    form.display_name.setText("Wang Quanzhang")
    form.name_original.setText("王全璋")
    form.status.setCurrentIndex(form.status.findData(Status.CRIMINAL_DETENTION.value))
    form.status_since.setText("2015-08~")
    form.nationalities.setText("cn")
    form.charges.setPlainText("subversion of state power\n")
    save(qtbot, screen)
    case = stored(vault, detail.case.id)
    assert (case.display_name, case.name_original) == ("Wang Quanzhang", "王全璋")
    assert case.status == Status.CRIMINAL_DETENTION
    assert case.status_since == FuzzyDate(2015, 8, approximate=True)
    assert case.nationalities == ("CN",) and case.charges == ("subversion of state power",)
    assert not detail.editing and detail.name.text() == "Wang Quanzhang"
    assert screen.selected_ids() == [case.id]  # the reloaded list selects the new case

    screen.new_action.trigger()
    form.display_name.setText("Tursun Ablet")
    form.name_original.setText("تۇرسۇن ئابلەت")
    assert form.name_original.layoutDirection() == Qt.LayoutDirection.RightToLeft
    form._add_name_row("Tursun Ablet", "ug-Latn")
    save(qtbot, screen)
    case = stored(vault, detail.case.id)
    assert case.name_original == "تۇرسۇن ئابلەت"
    assert [(n.name, n.script) for n in case.other_names] == [("Tursun Ablet", "ug-Latn")]
    assert detail.original.text() == "تۇرسۇن ئابلەت"


def test_revert_forgets_a_new_case_and_nothing_is_written(qtbot, screen, vault):
    screen.new_action.trigger()
    screen.detail.form.display_name.setText("Never saved")
    screen.detail.revert_button.click()
    assert screen.detail.case is None and not screen.detail.body.isVisible()
    with vault.session() as session:
        assert len(list_cases(session, NOW.date())) == 2


def test_editing_status_and_dates_and_bad_input_saves_nothing(qtbot, screen, vault):
    open_case(qtbot, screen, LIN.id)
    detail, form = screen.detail, screen.detail.form
    form.display_name.setText("typed before Edit")  # read-only look: the form is not shown
    assert not detail.editing and detail.profile_stack.currentIndex() == 0
    screen.edit_action.trigger()
    assert detail.editing and form.display_name.text() == "Lin Wenjie"
    form.birth_year.setText("1850")
    form.status_since.setText("2025-13")
    form.display_name.setText("  ")
    screen.save_action.trigger()
    assert detail.editing
    assert form.errors["birth_year"].isVisibleTo(form)
    assert "1900" in form.errors["birth_year"].text()
    assert "not a date" in form.errors["status_since"].text()
    assert "2025-13" not in form.errors["status_since"].text()  # never echoes the input
    assert form.errors["display_name"].text() == "A case needs a display name."
    assert "Nothing was saved" in form.problems.text()
    screen.ctx.tasks.wait()
    assert stored(vault, LIN.id) == LIN

    form.display_name.setText("Lin Wenjie")
    form.birth_year.setText("1979")
    form.status.setCurrentIndex(form.status.findData(Status.FORMALLY_ARRESTED.value))
    form.status_since.setText("2025-09-03")
    form.notes.setPlainText("Wife visited the detention centre.")
    save(qtbot, screen)
    case = stored(vault, LIN.id)
    assert case.status == Status.FORMALLY_ARRESTED and case.birth_year == 1979
    assert case.status_since == FuzzyDate(2025, 9, 3)
    assert case.internal_notes == "Wife visited the detention centre."
    assert case.name_original == "林文杰"  # untouched fields stay
    assert not form.errors["birth_year"].isVisibleTo(form)
    assert "since 2025-09-03" in detail.status.text()
    assert "Wife visited" in detail.pages["notes"].toPlainText()


@pytest.mark.qt_log_ignore("^This plugin does not support (raise|grabbing)")
def test_an_event_date_typed_as_sheets_write_it_or_picked(qtbot, screen, vault):
    """Issue 20: the event's date is the one date field (typed, picked, tidied)."""
    open_case(qtbot, screen, LIN.id)
    timeline = screen.detail.timeline
    timeline.add()
    dialog = timeline.dialog
    dialog.title.setText("Seen in court")
    dialog.date.insert("2024年5月")  # what an input method commits (QTest types ASCII only)
    dialog.date.editingFinished.emit()  # the field is left
    assert dialog.date.text() == "2024-05"
    popup = dialog.date.open_calendar()
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2024, 5)
    popup.calendar.clicked.emit(QDate(2024, 5, 17))
    with saved(qtbot, screen):
        dialog.accept()
    event = next(e for e in stored(vault, LIN.id).events if e.title == "Seen in court")
    assert event.date == FuzzyDate(2024, 5, 17)


def test_add_edit_and_remove_timeline_events(qtbot, screen, confirmations, vault):
    asked, answers = confirmations
    open_case(qtbot, screen, LIN.id)
    timeline = screen.detail.timeline
    for when, title in (("2025-02-10", "Taken from home"), ("2015~", "First detained")):
        timeline.add()
        dialog = timeline.dialog
        dialog.title.setText(title)
        if title == "Taken from home":  # a bad date keeps the dialog open and says why
            dialog.date.setText("2025-02-30")
            dialog.accept()
            assert dialog.isVisible() and "not a date" in dialog.error.text()
        dialog.date.setText(when)
        dialog.kind.setCurrentIndex(dialog.kind.findData(EventKind.DETAINED.value))
        with saved(qtbot, screen):
            dialog.accept()
    events = stored(vault, LIN.id).events
    assert {e.title for e in events} == {"Taken from home", "First detained"}
    assert [timeline.table.item(r, 2).text() for r in range(2)] == [
        "First detained", "Taken from home"]  # sorted by date

    timeline.table.selectRow(1)
    timeline.edit()
    timeline.dialog.title.setText("Taken from home by state security")
    with saved(qtbot, screen):
        timeline.dialog.accept()
    event = next(e for e in stored(vault, LIN.id).events
                 if e.date == FuzzyDate(2025, 2, 10))
    assert event.title == "Taken from home by state security"
    assert event.kind == EventKind.DETAINED

    timeline.table.selectRow(0)
    answers.append(False)
    timeline.remove()
    assert len(stored(vault, LIN.id).events) == 2
    timeline.table.selectRow(0)
    with saved(qtbot, screen):
        timeline.remove()
    assert [e.title for e in stored(vault, LIN.id).events] == [
        "Taken from home by state security"]
    assert "First detained" in asked[-1] and "cannot be undone" in asked[-1]


def test_sources_add_with_confidential_flag(qtbot, screen, vault):
    open_case(qtbot, screen, LIN.id)
    sources = screen.detail.sources
    sources.add()
    sources.dialog.title.setText("Family interview")
    sources.dialog.confidential.setChecked(True)
    with saved(qtbot, screen):
        sources.dialog.accept()
    (source,) = stored(vault, LIN.id).sources
    assert source.title == "Family interview" and source.confidential


def test_attachments_add_view_photo_copy_and_remove(qtbot, screen, tmp_path, confirmations,
                                                    vault, png):
    asked, _ = confirmations
    open_case(qtbot, screen, LIN.id)
    tab = screen.detail.attachments
    assert tab.empty.isVisibleTo(tab)
    picture = tmp_path / "portrait.png"
    picture.write_bytes(png)
    tab.choose_files = lambda: [picture]
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.add()
    assert tab.model.rowCount() == 1
    assert tab.model.attachment_at(0).filename == "portrait.png"
    tab.table.selectRow(0)

    with qtbot.waitSignal(tab.viewer_shown, timeout=10_000):
        tab.view()
    assert tab.viewer.kind == "image" and not tab.viewer.image.pixmap().isNull()
    assert tab.viewer.windowTitle() == "Attachment"

    assert screen.detail.photo.pixmap().isNull()
    with qtbot.waitSignal(tab.photo_changed, timeout=10_000):
        tab.set_as_photo()
    assert not screen.detail.photo.pixmap().isNull()

    out = tmp_path / "out"
    out.mkdir()
    tab.choose_destination = lambda name: out / name
    with qtbot.waitSignal(tab.copy_saved, timeout=10_000):
        tab.save_copy()
    assert "will not be encrypted" in asked[-1]
    assert (out / "attachment.png").read_bytes() == png
    assert [p.name for p in out.iterdir()] == ["attachment.png"]  # a neutral default name

    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.photo_changed, timeout=10_000):
        tab.remove()
    assert "portrait.png" in asked[-1]
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    assert screen.detail.photo.pixmap().isNull()
    with vault.session() as session:
        assert attachments.list_attachments(session, LIN.id) == []


def test_a_pdf_is_not_shown_and_nothing_is_written(qtbot, screen, vault, tmp_path):
    attachments.add_attachment(vault, LIN.id, io.BytesIO(b"%PDF-1.4 secret"), "court.pdf")
    attachments.add_attachment(vault, LIN.id, io.BytesIO("判决书".encode()), "note.txt")
    open_case(qtbot, screen, LIN.id)
    tab = screen.detail.attachments
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    before = set(tmp_path.rglob("*"))
    rows = {tab.model.attachment_at(r).filename: r for r in range(2)}
    tab.table.selectRow(rows["court.pdf"])
    with qtbot.waitSignal(tab.viewer_shown, timeout=10_000):
        tab.view()
    assert tab.viewer.kind == "message" and tab.viewer.message == attachments_tab.NO_PDF
    tab.table.selectRow(rows["note.txt"])
    with qtbot.waitSignal(tab.viewer_shown, timeout=10_000):
        tab.view()
    assert tab.viewer.kind == "text" and tab.viewer.text.toPlainText() == "判决书"
    assert set(tmp_path.rglob("*")) == before  # viewing writes no file anywhere


def test_delete_asks_first_and_cancel_keeps_the_case(qtbot, screen, confirmations, vault, window):
    asked, answers = confirmations
    open_case(qtbot, screen, LIN.id)
    answers.append(False)
    screen.table.setFocus()
    screen.delete_action.trigger()
    assert "Lin Wenjie" in asked[-1] and "林文杰" in asked[-1]
    assert "cannot be undone" in asked[-1]
    assert stored(vault, LIN.id).display_name == "Lin Wenjie"
    with qtbot.waitSignal(window.cases_shown, timeout=10_000):
        screen.detail.delete_button.click()
    with pytest.raises(UserError):
        stored(vault, LIN.id)
    assert screen.detail.case is None
    assert [screen.model.case_at(r).id for r in range(screen.model.rowCount())] == [ANNA.id]


def test_the_delete_key_on_the_list_asks_to_delete(qtbot, screen, confirmations):
    asked, answers = confirmations
    open_case(qtbot, screen, ANNA.id)
    answers.append(False)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_Delete)
    assert asked and "Anna Berg" in asked[-1]


def test_multi_select_asks_for_a_dossier_and_an_ask(qtbot, screen):
    screen.table.selectAll()
    with qtbot.waitSignal(screen.export_dossier_requested) as blocker:
        screen.export_action.trigger()
    assert sorted(blocker.args[0]) == sorted([LIN.id, ANNA.id])
    with qtbot.waitSignal(screen.log_ask_requested) as blocker:
        screen.log_ask_action.trigger()
    assert sorted(blocker.args[0]) == sorted([LIN.id, ANNA.id])


def test_nationality_and_tag_filters(qtbot, screen, window):
    with qtbot.waitSignal(window.cases_shown, timeout=10_000):
        screen.nationality.setText("se")
    assert screen.current_filter().nationality == "SE"
    assert [screen.model.case_at(r).id for r in range(screen.model.rowCount())] == [ANNA.id]
    with qtbot.waitSignal(window.cases_shown, timeout=10_000):
        screen.nationality.setText("CN")
    assert screen.model.rowCount() == 2
    with qtbot.waitSignal(window.cases_shown, timeout=10_000):
        screen.tag.setText("bookseller")
    assert [screen.model.case_at(r).id for r in range(screen.model.rowCount())] == [ANNA.id]
    assert "SE" in screen.nationality.completer().model().stringList()


def test_clear_forgets_everything(qtbot, screen, vault, window, png):
    attachments.add_attachment(vault, LIN.id, io.BytesIO(png), "p.png", as_photo=True)
    open_case(qtbot, screen, LIN.id)
    tab = screen.detail.attachments
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    with qtbot.waitSignal(tab.viewer_shown, timeout=10_000):
        tab.view()
    screen.edit_action.trigger()
    screen.detail.timeline.add()
    with qtbot.waitSignal(window.cases_shown, timeout=10_000):
        screen.tag.setText("bookseller")
    screen.clear()
    detail = screen.detail
    assert screen.model.rowCount() == 0 and screen.tag.text() == ""
    assert detail.case is None and not detail.editing and not detail.body.isVisible()
    assert detail.form.display_name.text() == "" and detail.form.notes.toPlainText() == ""
    assert detail.name.text() == "" and detail.original.text() == ""
    assert all(page.toPlainText() == "" for page in detail.pages.values())
    assert detail.timeline.table.rowCount() == 0 and detail.timeline.dialog is None
    assert tab.model.rowCount() == 0 and tab.viewer is None and tab.case_id is None
    assert screen.nationality.completer().model().stringList() == []


def test_keyboard_new_edit_save(qtbot, screen):
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    detail = screen.detail
    assert detail.editing and detail.is_new
    qtbot.keyClicks(detail.form.display_name, "Wang Quanzhang")
    with saved(qtbot, screen):
        qtbot.keyClick(detail.form.display_name, Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
    assert not detail.editing
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert detail.editing and detail.form.display_name.text() == "Wang Quanzhang"


def test_files_dropped_on_the_tab_are_added(qtbot, screen, tmp_path):
    open_case(qtbot, screen, ANNA.id)
    tab = screen.detail.attachments
    letter = tmp_path / "letter.txt"
    letter.write_text("家属来信", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(letter))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.dropEvent(drop)
    assert [tab.model.attachment_at(r).filename for r in range(tab.model.rowCount())] == [
        "letter.txt"]
    assert tab.model.attachment_at(0).media_type == "text/plain"


@pytest.fixture
def unsaved_answers(monkeypatch):
    """The unsaved-changes question, answered from ``answers`` (Save, Discard or Cancel)."""
    asked: list[str] = []
    answers: list[str] = []

    def ask(_parent, text):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(unsaved, "ask", ask)
    return asked, answers


def test_leaving_unsaved_edits_asks_first(qtbot, screen, unsaved_answers, vault, window):
    asked, answers = unsaved_answers
    open_case(qtbot, screen, LIN.id)
    screen.edit_action.trigger()
    screen.detail.form.occupation.setText("Lawyer")
    answers.append(unsaved.CANCEL)
    screen.select_case(ANNA.id)
    assert "not saved" in asked[-1]
    assert screen.detail.editing and screen.detail.case.id == LIN.id
    qtbot.waitUntil(lambda: screen.selected_ids() == [LIN.id])
    answers.append(unsaved.DISCARD)
    with qtbot.waitSignal(window.case_shown, timeout=60_000):
        screen.select_case(ANNA.id)
    assert screen.detail.case.id == ANNA.id and not screen.detail.editing
    assert stored(vault, LIN.id).occupation is None


def test_save_in_the_unsaved_question_saves_then_goes_on(qtbot, screen, unsaved_answers,
                                                         vault, window):
    asked, answers = unsaved_answers
    open_case(qtbot, screen, LIN.id)
    screen.edit_action.trigger()
    screen.detail.form.display_name.setText("")  # a save that fails: the name is needed
    answers.append(unsaved.SAVE)
    screen.select_case(ANNA.id)
    qtbot.waitUntil(lambda: screen.selected_ids() == [LIN.id], timeout=60_000)
    assert screen.detail.editing and screen.detail.case.id == LIN.id  # stayed, with why
    assert not screen.detail.form.problems.isHidden()
    screen.detail.form.display_name.setText(LIN.display_name)
    screen.detail.form.occupation.setText("Lawyer")
    answers.append(unsaved.SAVE)
    with qtbot.waitSignal(window.case_shown, timeout=60_000):
        screen.select_case(ANNA.id)
    qtbot.waitUntil(lambda: screen.detail.case.id == ANNA.id, timeout=60_000)
    assert not screen.detail.editing and len(asked) == 2
    assert stored(vault, LIN.id).occupation == "Lawyer"


def test_the_unsaved_question_offers_save_discard_and_cancel(qtbot):
    box = unsaved.unsaved_box(None, "This case has changes that are not saved.")
    qtbot.addWidget(box)
    buttons = {box.standardButton(b) for b in box.buttons()}
    assert buttons == {QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard,
                       QMessageBox.StandardButton.Cancel}
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Save).click()
    assert unsaved.answer_of(box) == unsaved.SAVE


def test_only_an_image_of_the_same_case_can_be_the_photo(vault, png):
    pdf = attachments.add_attachment(vault, LIN.id, io.BytesIO(b"%PDF-1.4"), "a.pdf")
    image = attachments.add_attachment(vault, LIN.id, io.BytesIO(png), "a.png")
    with vault.session() as session:
        with pytest.raises(UserError, match="Only an image"):
            attachments.set_photo(session, LIN.id, pdf.id)
        with pytest.raises(UserError):
            attachments.set_photo(session, ANNA.id, image.id)
        assert attachments.photo_id(session, LIN.id) is None
        attachments.set_photo(session, LIN.id, image.id)
    with vault.session() as session:
        assert attachments.photo_id(session, LIN.id) == image.id


def test_the_delete_question_says_when_the_snapshots_forget_the_case(qtbot, screen,
                                                                      confirmations, vault):
    from datetime import timedelta

    from app.vault import backup

    asked, answers = confirmations
    backup.take(vault)
    open_case(qtbot, screen, ANNA.id)
    answers.append(False)
    screen.delete_action.trigger()
    assert "erased from this vault now" in asked[-1]
    horizon = (vault.clock().date() + timedelta(days=7)).isoformat()
    assert horizon in asked[-1] and "Remove deleted items from snapshots" in asked[-1]
