# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The task runner: results, errors and progress arrive on the UI thread; cancel is
cooperative; a job returning None does not upset the interpreter."""

from __future__ import annotations

import gc
import threading
import weakref

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


def test_a_job_cancelled_before_it_started_never_runs(qtbot):
    runner = TaskRunner()
    release = threading.Event()
    started = threading.Semaphore(0)
    ran, failed = [], []

    def block(job):
        started.release()
        release.wait()

    # The two blockers hold the pool's two threads: the third job waits in the queue.
    blockers = [runner.run(block, lambda _r: None, lambda _e: None) for _ in range(2)]
    assert started.acquire(timeout=10) and started.acquire(timeout=10)
    queued = runner.run(ran.append, ran.append, failed.append)
    assert set(runner.cancel_all()) == {*blockers, queued}  # none had ended
    release.set()
    qtbot.waitUntil(lambda: len(failed) == 1, timeout=60_000)
    assert ran == [] and len(failed) == 1 and isinstance(failed[0], Cancelled)
    assert runner.wait()


def test_after_runs_once_the_jobs_have_ended_and_the_ui_thread_never_waits(qtbot):
    runner = TaskRunner()
    started, release = threading.Event(), threading.Event()
    events = []

    def slow(job):
        started.set()
        release.wait()
        events.append("slow job ended")

    running = runner.run(slow, lambda _r: None, lambda _e: None)
    assert started.wait(10)
    closed = []
    closing = runner.after([running], lambda: events.append("after"), closed.append,
                           lambda _e: None)
    assert events == [] and not closing.ended()  # returned while the slow job still runs
    runner.cancel_all()
    assert running.cancelled() and not closing.cancelled()  # what it does must happen
    release.set()
    qtbot.waitUntil(lambda: closed == [None], timeout=60_000)
    assert events == ["slow job ended", "after"]


def test_a_job_and_what_its_work_holds_are_let_go_on_the_ui_thread(qtbot):
    """A finished job is not kept (each one used to stay alive through its own signal
    connections, with everything its work referred to: case data after a lock too), and
    what the work referred to is freed on the UI thread, where Qt objects must die."""
    runner = TaskRunner()
    freed_on = []

    class Held:  # stands for anything a job's work refers to
        pass

    jobs, outcomes = [], []
    for index in range(50):
        held = Held()
        weakref.finalize(held, lambda: freed_on.append(
            threading.current_thread() is threading.main_thread()))

        def work(job, held=held, index=index):
            if index % 2:
                raise UserError("no")
            return index

        # failures: their type only (a traceback would keep the work's frames alive here)
        job = runner.run(work, outcomes.append, lambda e: outcomes.append(type(e)))
        jobs.append(weakref.ref(job))
        del held, work, job
    qtbot.waitUntil(lambda: len(outcomes) == 50, timeout=60_000)
    assert runner.wait()
    # The pool's threads let go of their last job as they like: soon, not at once.
    qtbot.waitUntil(lambda: gc.collect() >= 0 and all(job() is None for job in jobs),
                    timeout=60_000)
    assert freed_on == [True] * 50
