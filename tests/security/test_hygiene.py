# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Process hygiene: no core dumps, logs that can hold only event types and numbers, and a
crash dialog whose report never holds an exception's message or a local value."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app import hygiene

ROOT = Path(__file__).resolve().parents[2]
CANARY = "CRASH-CANARY-4e1d 王全璋 تۇرسۇن"


def test_core_dumps_are_off_after_harden_process():
    # In a child: PR_SET_DUMPABLE and the rlimit would otherwise stay on the test runner.
    code = ("import resource, sys\n"
            "from app import hygiene\n"
            "hygiene.harden_process()\n"
            "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
            "if sys.platform.startswith('linux'):\n"
            "    import ctypes\n"
            "    print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))\n")  # PR_GET_DUMPABLE
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=60).stdout.split()
    assert "".join(out[:2]) == "(0,0)"
    if sys.platform.startswith("linux"):
        assert out[2] == "0"


def test_log_event_refuses_text(capsys):
    hygiene.configure_logging()
    with pytest.raises(TypeError):
        hygiene.log_event("case.saved", name=CANARY)
    for bad in (1.5, None, b"x", ["a"]):
        with pytest.raises(TypeError):
            hygiene.log_event("case.saved", value=bad)
    with pytest.raises(ValueError):
        hygiene.log_event(f"opened {CANARY}")
    with pytest.raises(ValueError):
        hygiene.log_event("case.saved", **{CANARY: 1})
    hygiene.log_event("bundle.imported", level=logging.WARNING, records=12, replayed=False)
    err = capsys.readouterr().err
    assert "bundle.imported records=12 replayed=0" in err
    assert CANARY not in err


def test_library_messages_and_tracebacks_are_withheld(capsys):
    hygiene.configure_logging()
    hygiene.configure_logging()  # idempotent: one handler
    try:
        raise ValueError(CANARY)
    except ValueError:
        logging.getLogger("somelibrary").exception("failed on %s", CANARY)
    logging.getLogger("somelibrary").info("quiet %s", CANARY)  # below WARNING: nothing
    err = capsys.readouterr().err
    assert CANARY not in err
    assert err.count("somelibrary") == 1 and "withheld" in err


# -- the crash dialog ---------------------------------------------------------------------

def _fail_with_canary_in_locals():
    secret_local = CANARY  # noqa: F841  (a local a traceback printer could show)
    try:
        {}[CANARY]
    except KeyError as exc:
        raise RuntimeError(f"could not save {CANARY}") from exc


def _captured():
    try:
        _fail_with_canary_in_locals()
    except RuntimeError:
        return sys.exc_info()
    raise AssertionError("expected an error")


def test_the_report_holds_no_message_and_no_locals():
    from app.ui.crash import scrubbed_report

    report = scrubbed_report(*_captured())
    assert CANARY not in report and "王全璋" not in report and "secret_local" not in report
    assert "_fail_with_canary_in_locals" in report and "RuntimeError" in report
    assert "KeyError" in report  # the chained cause: its type only
    assert "test_hygiene.py:" in report
    assert str(Path.home()) not in report


@pytest.fixture
def hooks(monkeypatch):
    """Put sys.excepthook and threading.excepthook back after the test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def test_an_uncaught_error_shows_the_dialog_and_saves_only_when_asked(qtbot, hooks, tmp_path,
                                                                      capsys):
    from app.ui.crash import install_excepthook

    chosen = tmp_path / "report.txt"
    asked = []

    def ask_path(_parent):
        asked.append(True)
        return str(chosen)

    reporter = install_excepthook(lambda: None, ask_path=ask_path)
    with qtbot.waitSignal(reporter.dialog_shown, timeout=5000) as shown:
        sys.excepthook(*_captured())
    dialog = shown.args[0]
    assert dialog.text() == "Vigil hit an internal error"
    assert CANARY not in dialog.detailedText() and "RuntimeError" in dialog.detailedText()
    assert not chosen.exists() and not asked
    assert CANARY not in capsys.readouterr().err

    with qtbot.waitSignal(dialog.report_saved, timeout=5000):
        dialog.save_button.click()
    assert dialog.isVisible()  # saving does not close it
    saved = chosen.read_text(encoding="utf-8")
    assert saved == dialog.detailedText() and CANARY not in saved
    assert chosen.stat().st_mode & 0o077 == 0

    # A second error while the dialog is open does not stack another one.
    sys.excepthook(*_captured())
    qtbot.wait(50)
    assert reporter.dialog is dialog
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        dialog.close_button.click()
    assert reporter.dialog is None


def test_an_error_in_another_thread_reaches_the_ui_thread(qtbot, hooks):
    from app.ui.crash import install_excepthook

    reporter = install_excepthook(lambda: None, ask_path=lambda _p: None)

    def work():
        _fail_with_canary_in_locals()

    with qtbot.waitSignal(reporter.dialog_shown, timeout=5000) as shown:
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
    dialog = shown.args[0]
    assert CANARY not in dialog.detailedText() and "work" in dialog.detailedText()
    dialog.close_button.click()
