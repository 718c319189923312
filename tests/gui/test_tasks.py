# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The task runner: results, errors and progress arrive on the UI thread; cancel is
cooperative; a job returning None does not upset the interpreter."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from app.errors import Cancelled, UserError
from app.ui.tasks import TaskRunner


class Inbox(QObject):
    got = Signal()

    def __init__(self):
        super().__init__()
        self.items = []

    def put(self, *item):
        self.items.append((threading.current_thread() is threading.main_thread(), *item))
        self.got.emit()


def test_result_error_and_progress_arrive_on_the_ui_thread(qtbot):
    runner = TaskRunner()
    inbox = Inbox()

    def work(job):
        assert threading.current_thread() is not threading.main_thread()
        job.report(1, 2)
        return 42

    with qtbot.waitSignal(inbox.got):
        runner.run(work, lambda r: inbox.put("done", r), lambda e: inbox.put("failed", e),
                   on_progress=lambda d, t: inbox.put("progress", d, t))
    qtbot.waitUntil(lambda: any(i[1] == "done" for i in inbox.items))
    assert (True, "progress", 1, 2) in inbox.items and (True, "done", 42) in inbox.items

    def fail(job):
        raise UserError("no")

    with qtbot.waitSignal(inbox.got):
        runner.run(fail, lambda r: inbox.put("done", r), lambda e: inbox.put("failed", e))
    on_ui, kind, error = inbox.items[-1]
    assert on_ui and kind == "failed" and isinstance(error, UserError)
    assert runner.wait()


def test_cancel_is_cooperative(qtbot):
    runner = TaskRunner()
    inbox = Inbox()
    started = threading.Event()

    def work(job):
        started.set()
        while not job.cancelled():
            threading.Event().wait(0.005)
        return "stopped early"

    job = runner.run(work, lambda r: inbox.put("done", r), lambda e: inbox.put("failed", e))
    started.wait(5)
    with qtbot.waitSignal(inbox.got):
        job.cancel()
    assert inbox.items[-1][1] == "failed" and isinstance(inbox.items[-1][2], Cancelled)


def test_thousands_of_jobs_and_signals_do_not_crash_the_interpreter(qtbot):
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per job and to True per emit
    and aborts the interpreter after a few thousand: pyproject.toml keeps us below 6.12."""
    runner = TaskRunner()
    inbox = Inbox()
    for _ in range(5_000):
        inbox.got.emit()
    count = 3_000
    done = []
    for _ in range(count):
        runner.run(lambda job: None, done.append, done.append)
    qtbot.waitUntil(lambda: len(done) == count, timeout=30_000)
    assert done == [None] * count
