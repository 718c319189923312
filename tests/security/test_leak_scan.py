# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Leak scan: a scripted command-line session and a scripted desktop session put canary
strings in names (Latin, Chinese, Uyghur), notes, sources and attachment names, then every
file under the private HOME (config, cache, data and state folders, Qt's own settings and the
file dialog's history, temp folders, the vaults themselves, backups and bundles) is read for
the canaries in UTF-8 and UTF-16. Only the two outputs a user asks for in plain text (a PDF
dossier, an export with --plaintext) are kept outside HOME and out of the scan. Zero hits.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from vaults import run_cli_process

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, Status
from app.domain.model import Case, Organisation, Source
from app.services import attachments, cases, directory
from app.ui.dossier_export import export_dossier
from app.ui.log_ask import log_ask
from app.ui.main_window import MainWindow
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

CANARIES = ("Qxcanary Wenjie", "金丝雀测试", "كانارىيا تېست", "qxnote-4f1d9a", "qxsource-77c2e0",
            "qxfile-31b9")
PASSPHRASE = "leak scan session passphrase"
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
CASE_ID = "9a9a9a9a-9a9a-4a9a-8a9a-9a9a9a9a9a9a"


def encodings(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]


PATTERNS = [(c, b) for c in CANARIES for b in encodings(c)]


def scan(root: Path) -> list[str]:
    """Every (file, canary) hit under ``root``; file names count too."""
    hits = []
    for path in root.rglob("*"):
        for canary in CANARIES:
            if canary in path.name:
                hits.append(f"{path.relative_to(root)}: name holds {canary!r}")
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            hits += [f"{path.relative_to(root)}: {canary!r}" for canary, raw in PATTERNS
                     if raw in data]
    return hits


def canary_document() -> dict:
    return {"format": "vigil-interchange", "version": 1,
            "cases": [{"id": CASE_ID, "display_name": CANARIES[0], "name_original": CANARIES[1],
                       "other_names": [{"name": CANARIES[2], "script": "ug-Arab"}],
                       "status": "rsdl", "status_since": "2025-01", "consent": "public",
                       "internal_notes": f"family said {CANARIES[3]}",
                       "sources": [{"id": str(uuid.uuid4()), "title": CANARIES[4],
                                    "confidential": True}]}]}


def test_a_command_line_session_leaves_no_canary_outside_the_vault(private_home, tmp_path):
    plain = tmp_path / "asked-for-in-plain-text"
    plain.mkdir()
    source = tmp_path / "input.json"
    source.write_text(json.dumps(canary_document(), ensure_ascii=False), encoding="utf-8")
    env = {"VIGIL_PASSPHRASE": PASSPHRASE}
    mine, theirs = private_home / "vault", private_home / "colleague"

    def vigil(*argv, vault=mine):
        result = run_cli_process(private_home, *argv, "--vault", vault, env=env, timeout=120)
        assert result.code == 0, result.err[-300:]
        for canary in CANARIES:
            assert canary not in result.err
        return result

    vigil("init")
    vigil("init", vault=theirs)
    vigil("import", source)
    assert CANARIES[0] in vigil("cases", "--json").out
    vigil("dossier", "--case", CASE_ID, "--profile", "internal", "--recipient", "Desk",
          "-o", plain / "dossier.pdf")
    vigil("export", "-o", plain / "export.json", "--plaintext")
    them = json.loads(vigil("identity", "--json", vault=theirs).out)
    vigil("colleague", "add", "Colleague", "--recipient", them["recipient"],
          "--signing-key", them["signing_key"])
    us = json.loads(vigil("identity", "--json").out)
    vigil("colleague", "add", "Sender", "--recipient", us["recipient"],
          "--signing-key", us["signing_key"], vault=theirs)
    vigil("share", "export", "--to", them["fingerprint"], "-o", private_home / "out.vigil")
    vigil("share", "import", private_home / "out.vigil", vault=theirs)
    assert CANARIES[0] in vigil("cases", "--json", vault=theirs).out
    vigil("backup", "-o", private_home / "backup.tar")
    # The default calendar file is meant for cloud calendars: it is scanned like the rest.
    vigil("calendar", "--ics", "-o", private_home / "calendar.ics", "--days", "3660")

    assert (plain / "dossier.pdf").stat().st_size > 0  # the one place a name may appear
    assert scan(private_home) == []


@pytest.fixture
def gui_home(private_home, monkeypatch):
    """Qt settings and temp files of this process pointed into the private HOME."""
    tmp = private_home / "tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    config = Path(os.environ["XDG_CONFIG_HOME"])
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(config))
    return private_home


def test_a_desktop_session_leaves_no_canary_outside_the_vault(qtbot, gui_home, tmp_path):
    outside = tmp_path / "asked-for-in-plain-text"
    outside.mkdir()
    folder = gui_home / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.minimum(), clock=lambda: NOW)
    with vault:
        with vault.session() as session:
            cases.save_case(session, Case(
                id=CASE_ID, display_name=CANARIES[0], name_original=CANARIES[1],
                status=Status.RSDL, status_since=FuzzyDate.parse("2025-01"),
                consent=Consent.PUBLIC, internal_notes=CANARIES[3],
                sources=(Source(id=str(uuid.uuid4()), title=CANARIES[4], confidential=True),)))
        attachments.add_attachment(vault, CASE_ID, io.BytesIO(b"%PDF-1.4 " + CANARIES[5].encode()),
                                   f"{CANARIES[5]}.pdf", media_type="application/pdf")

    win = MainWindow(folder, clock=lambda: NOW, kdf=KdfParams.minimum())
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignals([win.vault_unlocked, win.cases_shown, win.dashboard_shown],
                           timeout=20_000):
        win.unlock_with(PASSPHRASE)
    view = win.cases_screen
    for query in ("Qxcanary", "金丝雀"):
        with qtbot.waitSignal(win.cases_shown, timeout=10_000):
            view.search.setText(query)
        assert view.model.rowCount() == 1
    with qtbot.waitSignal(win.case_shown, timeout=10_000):
        view.table.selectRow(0)
    view.copy_current_name()
    # A dossier from the app: the PDF goes where the user asked (outside HOME); nothing else.
    export = export_dossier(win.ctx, win, case_ids=[CASE_ID])
    export.dialog.recipient.setText("Desk officer")
    export.dialog.set_path(outside / "dossier.pdf")
    with qtbot.waitSignal(export.finished, timeout=60_000) as done:
        export.dialog.accept()
    assert done.args[0] is True
    # An ask logged from the app, naming the case.
    with qtbot.waitSignal(win.ctx.changed, timeout=10_000):  # a government to raise it
        win.ctx.write(lambda session: directory.save_organisation(session, Organisation(
            id=str(uuid.uuid4()), name="Qxgov Ministry", country="DE", kind="government")),
            "directory")
    dialog = log_ask(win.ctx, win, case_ids=[CASE_ID])
    qtbot.waitUntil(lambda: dialog.cases.checked_ids() == (CASE_ID,), timeout=10_000)
    dialog.date.setText("2026-11-20")
    dialog.raised_by.setText("Qxgov Ministry")
    dialog.response_text.setPlainText(f"They said {CANARIES[3]} is well")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    win.sidebar.setCurrentRow(win.screens.indexOf(win.settings_screen))
    win.settings_screen.idle.setValue(7)
    with qtbot.waitSignal(win.ctx.message, timeout=20_000):
        win.settings_screen.ask_backup(gui_home / "backup.tar")
    for row in range(win.sidebar.count()):  # every screen shown once while unlocked
        win.sidebar.setCurrentRow(row)
        qtbot.wait(50)
        assert win.windowTitle() == "Vigil"
    win.lock()
    assert QGuiApplication.clipboard().text() == ""
    QSettings().sync()

    hits = scan(gui_home)
    assert hits == []
    assert (outside / "dossier.pdf").stat().st_size > 0
    # The scan looked where it should: the settings file and the vault are there.
    names = {p.name for p in gui_home.rglob("*")}
    assert "vault.db" in names and "backup.tar" in names
    assert any(re.fullmatch(r"Vigil\.(conf|ini)", n) for n in names)
