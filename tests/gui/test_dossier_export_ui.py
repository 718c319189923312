# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
""""Export dossier…" on the desktop: the dialog's checks, the PDF under each profile, and
every way it can fail or be cancelled leaving nothing behind. No real file dialog: the test
sets the output path on the dialog. Waits on signals, never on sleeps."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import threading
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QWidget

from app.domain.enums import Consent, MeetingStatus, Status
from app.domain.model import Case, Meeting, MeetingCase, Organisation
from app.dossier.model import Profile
from app.services import cases, directory, meetings
from app.ui import dossier_export
from app.ui.dossier_export import DossierExportDialog, export_dossier
from app.ui.screens.meetings.screen import MeetingsScreen

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
GERMANY = Organisation(id="11111111-1111-4111-8111-111111111111", name="Germany", country="DE",
                       kind="government")
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰", status=Status.RSDL, consent=Consent.PUBLIC)
TURSUN = Case(id="33333333-3333-4333-8333-333333333333", display_name="Tursun Ablet",
              name_original="تۇرسۇن ئابلەت", status=Status.MISSING,
              consent=Consent.DO_NOT_RAISE)
MEETING = Meeting(id="77777777-7777-4777-8777-777777777777", title="Berlin consultations",
                  starts_at=datetime(2026, 12, 3, 14, 0, tzinfo=UTC),
                  organisation_id=GERMANY.id, status=MeetingStatus.PLANNED,
                  cases=(MeetingCase(LIN.id, ask="Proof of life"), MeetingCase(TURSUN.id)))
EMPTY = Meeting(id="88888888-8888-4888-8888-888888888888", title="Courtesy call",
                starts_at=datetime(2026, 12, 4, 9, 0, tzinfo=UTC), organisation_id=GERMANY.id)


def seed(session) -> None:
    directory.save_organisation(session, GERMANY)
    cases.save_case(session, LIN)
    cases.save_case(session, TURSUN)
    session.flush()
    meetings.save_meeting(session, MEETING)
    meetings.save_meeting(session, EMPTY)


@pytest.fixture
def vault(make_vault):
    return make_vault(seed, reopen=True)


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def fill(export, path, *, profile=None, recipient="Anna Weber, German MFA"):
    dialog = export.dialog
    if profile is not None:
        dialog.set_profile(profile)
    dialog.recipient.setText(recipient)
    dialog.set_path(path)
    return dialog


def run(qtbot, export, path, **kwargs):
    dialog = fill(export, path, **kwargs)
    with qtbot.waitSignal(export.finished, timeout=60_000) as done:
        dialog.accept()
    return done.args


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


def test_internal_dossier_shows_every_case(qtbot, ctx, window, out_dir):
    export = export_dossier(ctx, window, meeting_id=MEETING.id)
    assert export.dialog.isVisible()
    assert export.dialog.profile() == Profile.DIPLOMATIC  # the default for a meeting
    target = out_dir / "dossier.pdf"
    ok, text = run(qtbot, export, target, profile=Profile.INTERNAL)
    assert ok, text
    assert text.startswith("Wrote a ") and "-page internal dossier of 2 cases." in text
    content = pdf_text(target)
    assert "Lin Wenjie" in content and "Tursun Ablet" in content
    assert sorted(p.name for p in out_dir.iterdir()) == ["dossier.pdf"]


def test_diplomatic_dossier_leaves_out_do_not_raise(qtbot, ctx, window, out_dir):
    export = export_dossier(ctx, window, meeting_id=MEETING.id)
    target = out_dir / "for-officials"  # .pdf is added
    ok, text = run(qtbot, export, target)
    assert ok and "diplomatic dossier of 1 case." in text
    content = pdf_text(out_dir / "for-officials.pdf")
    assert "Lin Wenjie" in content
    assert "Tursun" not in content and "تۇرسۇن" not in content


def test_chosen_cases_with_a_password(qtbot, ctx, window, out_dir):
    export = export_dossier(ctx, window, case_ids=[LIN.id])
    export.dialog.password.setText("correct horse")
    export.dialog.password_again.setText("correct horse")
    ok, text = run(qtbot, export, out_dir / "dossier.pdf")
    assert ok and "encrypted" not in text and "PDF password" in text
    assert (out_dir / "dossier.pdf").read_bytes().count(b"/Encrypt") >= 1


def test_empty_meeting_is_one_sentence_and_no_file(qtbot, ctx, window, out_dir):
    export = export_dossier(ctx, window, meeting_id=EMPTY.id)
    ok, text = run(qtbot, export, out_dir / "dossier.pdf")
    assert not ok
    assert text == "That meeting has no cases to raise; nothing was written."
    assert list(out_dir.iterdir()) == []


def test_unknown_meeting_and_empty_selection(qtbot, ctx, window, out_dir):
    export = export_dossier(ctx, window, meeting_id="99999999-9999-4999-8999-999999999999")
    ok, text = run(qtbot, export, out_dir / "dossier.pdf")
    assert not ok and text.startswith("No meeting with ID")
    with qtbot.waitSignal(ctx.message) as said:
        assert export_dossier(ctx, window, case_ids=[]) is None
    assert said.args[0] == "Choose at least one case to put in the dossier."
    assert list(out_dir.iterdir()) == []


def test_only_do_not_raise_cases_in_public(qtbot, ctx, window, out_dir):
    export = export_dossier(ctx, window, case_ids=[TURSUN.id])
    ok, text = run(qtbot, export, out_dir / "dossier.pdf", profile=Profile.PUBLIC)
    assert not ok and "nothing was written" in text
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize("code, wanted", [
    (errno.EACCES, "may not write to that folder"),
    (errno.ENOSPC, "disk is full"),
])
def test_unwritable_folder_leaves_nothing_behind(qtbot, ctx, window, out_dir, monkeypatch,
                                                 code, wanted):
    # as root a read-only folder is still writable: fail the final rename instead, after
    # the whole PDF went to its temporary file
    target = out_dir / "dossier.pdf"
    real_replace = os.replace

    def refuse(src, dst, *args, **kwargs):
        if os.fspath(dst) == os.fspath(target):
            assert os.path.getsize(src) > 0  # the PDF was written to its temporary file
            raise OSError(code, os.strerror(code))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "replace", refuse)
    export = export_dossier(ctx, window, meeting_id=MEETING.id)
    ok, text = run(qtbot, export, target)
    assert not ok and wanted in text
    assert list(out_dir.iterdir()) == []


def test_a_folder_that_cannot_hold_files(qtbot, ctx, window):
    export = export_dossier(ctx, window, meeting_id=MEETING.id)
    ok, text = run(qtbot, export, "/proc/dossier.pdf")
    assert not ok and "could not be written" in text


def test_cancel_leaves_nothing_behind(qtbot, ctx, window, out_dir, monkeypatch):
    gathering, release = threading.Event(), threading.Event()
    real = dossier_export.dossier_data.for_meeting

    def slow_for_meeting(*args, **kwargs):
        gathering.set()
        release.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(dossier_export.dossier_data, "for_meeting", slow_for_meeting)
    export = export_dossier(ctx, window, meeting_id=MEETING.id)
    dialog = fill(export, out_dir / "dossier.pdf")
    with qtbot.waitSignal(export.finished, timeout=60_000) as done:
        dialog.accept()
        assert export.progress is not None and export.progress.isVisible()
        assert gathering.wait(30)
        export.progress.canceled.emit()  # what the Cancel button does
        release.set()
    assert done.args == [False, "Export cancelled; nothing was written."]
    assert list(out_dir.iterdir()) == []
    assert export.progress is None


def test_dialog_checks_are_one_sentence(qtbot, window, out_dir):
    dialog = DossierExportDialog(window)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.accept()
    assert dialog.isVisible() and "prepared for" in dialog.error.text()
    dialog.recipient.setText("Anna Weber")
    dialog.password.setText("one")
    dialog.password_again.setText("two")
    dialog.accept()
    assert dialog.isVisible() and "passwords differ" in dialog.error.text()
    dialog.password_again.setText("one")
    dialog.accept()
    assert dialog.isVisible() and "Choose where" in dialog.error.text()
    dialog.set_path(out_dir / "missing" / "dossier.pdf")
    dialog.accept()
    assert dialog.isVisible() and "existing folder" in dialog.error.text()
    dialog.set_path(out_dir / "dossier.pdf")
    dialog.accept()
    assert not dialog.isVisible() and dialog.result() == DossierExportDialog.DialogCode.Accepted
    dialog.forget()  # what the export does once it has read the choices
    assert dialog.pdf_password() is None and dialog.path() is None
    assert dialog.recipient_name() == "" and dialog.password_again.text() == ""


def test_meetings_screen_exports_its_meeting(qtbot, shown, ctx, out_dir):
    screen = shown(MeetingsScreen(ctx))
    screen.select_meeting(MEETING.id)
    screen.export_button.click()
    export = screen.export
    assert export is not None and export.meeting_id == MEETING.id
    ok, text = run(qtbot, export, out_dir / "dossier.pdf")
    assert ok and "of 1 case" in text
    screen.select_meeting(EMPTY.id)
    screen.export_dossier()
    assert "no cases" in screen.error.text()


def test_clear_closes_an_open_export(qtbot, shown, ctx, out_dir):
    screen = shown(MeetingsScreen(ctx))
    screen.select_meeting(MEETING.id)
    screen.export_dossier()
    dialog = screen.export.dialog
    dialog.recipient.setText("Anna Weber")
    assert dialog.isVisible()
    screen.clear()
    assert not dialog.isVisible() and dialog.recipient.text() == ""
    assert screen.export is None


def test_chosen_cases_with_one_ask_and_the_recipient_government(qtbot, ctx, window, out_dir):
    """The ask typed once shows for every case chosen, the issuing organisation set in
    Settings is on the cover, and the government chosen is the one private asks are for."""
    from app.domain.dates import FuzzyDate
    from app.domain.model import Ask
    from app.services import asks, dossier_data

    dossier_data.set_issuing_organisation(ctx.vault, "Rights Watch Fictional")
    with ctx.vault.session() as session:
        asks.save_ask(session, Ask(id="99999999-9999-4999-8999-999999999999",
                                   date=FuzzyDate.parse("2026-10-01"),
                                   raised_by_organisation_id=GERMANY.id, public=False,
                                   case_ids=(LIN.id,), response_text="Private reply QZP"))
    for government, shown in ((None, False), (GERMANY.id, True)):
        export = export_dossier(ctx, window, case_ids=[LIN.id])
        qtbot.waitUntil(lambda e=export: e.dialog.government.count() > 1
                        and e.dialog.case_asks.rowCount() == 1, timeout=10_000)
        dialog = export.dialog
        dialog.government.setCurrentIndex(dialog.government.findData(government))
        dialog.ask.setPlainText("Release him and let his lawyer visit QZA")
        target = out_dir / f"selection-{shown}.pdf"
        ok, text = run(qtbot, export, target)
        assert ok, text
        content = " ".join(pdf_text(target).split())
        assert "Release him and let his lawyer visit QZA" in content
        assert "Rights Watch Fictional" in content
        assert ("QZP" in content) is shown


def test_a_different_ask_for_each_case(qtbot, ctx, window, out_dir):
    public = Case(id="44444444-4444-4444-8444-444444444444", display_name="Anna Berg",
                  consent=Consent.PUBLIC)
    with ctx.vault.session() as session:
        cases.save_case(session, public)
    export = export_dossier(ctx, window, case_ids=[LIN.id, public.id])
    qtbot.waitUntil(lambda: export.dialog.case_asks.rowCount() == 2, timeout=10_000)
    dialog = export.dialog
    dialog.per_case.setChecked(True)
    assert dialog.case_asks.isVisibleTo(dialog) and not dialog.ask.isVisibleTo(dialog)
    names = [dialog.case_asks.item(r, 0).text() for r in range(2)]
    assert names == ["Lin Wenjie", "Anna Berg"]
    dialog.case_asks.item(0, 1).setText("Proof of life QZ1")
    dialog.case_asks.item(1, 1).setText("Lift the exit ban QZ2")
    ok, text = run(qtbot, export, out_dir / "each.pdf")
    assert ok, text
    content = " ".join(pdf_text(out_dir / "each.pdf").split())
    assert "Proof of life QZ1" in content and "Lift the exit ban QZ2" in content
