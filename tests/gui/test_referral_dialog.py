# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
""""Prepare sanctions referral…": the preview (what is left out, the cases to confirm one by
one), the checks, the PDF written in the background, and failures leaving nothing behind.
No real file dialog: the test sets the output path. Waits on signals, never on sleeps."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, Regime, Role, SourceKind, Status
from app.domain.model import Case, Involvement, Official, Source
from app.services import cases, directory, involvements
from app.ui.referral_dialog import prepare_referral

OFFICER = Official(id="44444444-4444-4444-8444-444444444444", name="Wang Testofficer",
                   name_original="王测试官")
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰", status=Status.RSDL, consent=Consent.PUBLIC,
           internal_notes="FAMILYCONTACT",
           sources=(Source(id="55555555-5555-4555-8555-555555555551", title="OPENSOURCE report",
                           kind=SourceKind.NEWS),
                    Source(id="55555555-5555-4555-8555-555555555552", title="CONFSRC interview",
                           confidential=True)))
TURSUN = Case(id="33333333-3333-4333-8333-333333333333", display_name="Tursun Ablet",
              name_original="تۇرسۇن ئابلەت", status=Status.MISSING,
              consent=Consent.DO_NOT_RAISE)
PRIVATE = Case(id="66666666-6666-4666-8666-666666666666", display_name="Privata Person",
               status=Status.SENTENCED, consent=Consent.PRIVATE_ONLY)
HIDDEN = Case(id="88888888-8888-4888-8888-888888888888", display_name="Hidden Source",
              status=Status.MISSING, consent=Consent.UNKNOWN,
              sources=(Source(id="55555555-5555-4555-8555-555555555553",
                              title="CONFSRC two", confidential=True),))


def inv(n, case, role, sources=(), text=""):
    return Involvement(id=f"77777777-7777-4777-8777-77777777777{n}", case_id=case.id,
                       official_id=OFFICER.id, role=role, date=FuzzyDate(2015, 7, 9),
                       description=text, source_ids=sources)


def seed(session) -> None:
    directory.save_official(session, OFFICER)
    for case in (LIN, TURSUN, PRIVATE, HIDDEN):
        cases.save_case(session, case)
    session.flush()
    for item in (inv(1, LIN, Role.ORDERED_DETENTION, (LIN.sources[0].id,), "OPENCLAIM"),
                 inv(2, LIN, Role.ILL_TREATMENT, (LIN.sources[1].id,), "CONFONLYCLAIM"),
                 inv(3, TURSUN, Role.ARRESTED, (), "DNRCLAIM"),
                 inv(4, PRIVATE, Role.JUDGED, (), "PRIVATECLAIM"),
                 inv(5, HIDDEN, Role.INTERROGATED, (HIDDEN.sources[0].id,), "HIDDENCLAIM")):
        involvements.save_involvement(session, item)


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


pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def opened(qtbot, ctx, window):
    export = prepare_referral(ctx, window, OFFICER.id)
    qtbot.waitUntil(lambda: export.dialog.export_button.isEnabled(), timeout=60_000)
    return export


def run(qtbot, export):
    with qtbot.waitSignal(export.finished, timeout=60_000) as done:
        export.dialog.accept()
    return done.args


def test_preview_lists_what_is_left_out_and_the_cases_to_confirm(qtbot, ctx, window):
    export = opened(qtbot, ctx, window)
    dialog = export.dialog
    assert dialog.official.text() == "Wang Testofficer"
    assert dialog.cases.count() == 2
    item, hidden = dialog.cases.item(0), dialog.cases.item(1)  # by first claim
    assert hidden.text() == ("Hidden Source (consent unknown; nothing to show: confidential "
                             "sources only)")
    assert item.text() == "Privata Person (private advocacy only)"
    assert item.checkState() == Qt.CheckState.Unchecked
    text = dialog.left_out.text()
    assert "1 claim left out: its only sources are confidential." in text
    assert "1 \u201cdo not raise\u201d case left out" in text
    assert "2 cases with private-only or unknown consent left out" in text
    hidden.setCheckState(Qt.CheckState.Checked)  # its claim rests on a confidential source
    assert "2 claims left out: their only sources are confidential." in \
        dialog.left_out.text()
    hidden.setCheckState(Qt.CheckState.Unchecked)
    assert "cite no source" not in text  # the unticked case's claim does not count
    item.setCheckState(Qt.CheckState.Checked)
    assert "1 claim cites no source" in dialog.left_out.text()
    assert dialog.included_cases() == [PRIVATE.id]
    assert "1 case with private-only" in dialog.left_out.text()
    dialog.reject()


def test_checks_before_export(qtbot, ctx, window, out_dir):
    export = opened(qtbot, ctx, window)
    dialog = export.dialog
    dialog.accept()
    assert dialog.error.text() == "Say who the referral is prepared for."
    dialog.recipient.setText("OFAC")
    dialog.accept()
    assert "None known" in dialog.error.text()  # neither text nor "none known"
    dialog.none_known.setChecked(True)
    assert not dialog.exculpatory.isEnabled()
    dialog.accept()
    assert dialog.error.text() == "Choose where to save the referral."
    assert dialog.isVisible()
    dialog.reject()
    assert list(out_dir.iterdir()) == []


def test_export_with_a_confirmed_case_and_exculpatory_text(qtbot, ctx, window, out_dir):
    export = opened(qtbot, ctx, window)
    dialog = export.dialog
    dialog.set_regime(Regime.EU_GHRSR)
    dialog.recipient.setText("EEAS sanctions team")
    dialog.exculpatory.setPlainText("EXCULTEXT on leave in 2016")
    dialog.cases.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.set_path(out_dir / "for-eeas")  # .pdf is added
    ok, text = run(qtbot, export)
    assert ok, text
    assert text.startswith("Wrote a ") and "2 claims in 2 cases" in text
    content = pdf_text(out_dir / "for-eeas.pdf")
    assert "王测试官" in content and "林文杰" in content and "EXCULTEXT" in content
    assert "OPENCLAIM [1]" in " ".join(content.split())
    assert "PRIVATECLAIM" in content and "PRIVATE ADVOCACY ONLY" in content
    assert "European Union" not in content or "2020/1998" in content
    for never in ("CONFSRC", "CONFONLYCLAIM", "DNRCLAIM", "Tursun", "FAMILYCONTACT",
                  "HIDDENCLAIM", "Hidden Source"):
        assert never not in content, never
    assert sorted(p.name for p in out_dir.iterdir()) == ["for-eeas.pdf"]


def test_unknown_official_is_one_sentence_and_no_dialog(qtbot, ctx, window):
    export = prepare_referral(ctx, window, "99999999-9999-4999-8999-999999999999")
    with qtbot.waitSignal(export.finished, timeout=60_000) as done:
        pass
    ok, text = done.args
    assert not ok and text == "No official with ID 99999999-9999-4999-8999-999999999999."


def test_a_failed_write_leaves_nothing(qtbot, ctx, window, out_dir):
    export = opened(qtbot, ctx, window)
    dialog = export.dialog
    dialog.recipient.setText("OFAC")
    dialog.none_known.setChecked(True)
    target = out_dir / "sub" / "r.pdf"
    (out_dir / "sub").mkdir()
    dialog.set_path(target)
    (out_dir / "sub").rmdir()  # gone between the check and the write
    dialog.error.hide()
    with qtbot.waitSignal(export.finished, timeout=60_000) as done:
        QDialog.accept(dialog)  # past the dialog's own folder check
    ok, text = done.args
    assert not ok and text.endswith("nothing was left behind.")
    assert list(out_dir.iterdir()) == []
