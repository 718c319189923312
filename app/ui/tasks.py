# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one way long work leaves the UI thread: a job in a thread pool, its result or its
error handed back on the UI thread.

No Qt signal is ever emitted from a pool thread. PySide builds the meta-object of a Python
class lazily, and a signal emitted from a worker may do that there while the UI thread
builds another: the suspect in a segmentation fault in ``MetaObjectBuilder::update``
while the window built its screens at unlock (three times under load; the cause is
inferred, not proven). Workers put what they have in a
thread-safe queue and post a plain event to the runner's relay, which lives on the UI
thread and hands each item over there.

Jobs open their own vault sessions; they are never killed: a ``Job`` carries a flag the
work checks to stop early (cooperative cancel), and one cancelled before it started never
starts. ``after`` runs work once given jobs have ended, so that the UI thread never waits
for them (the vault is closed that way on lock).
"""

from __future__ import annotations

import queue
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import TypeVar, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool

from app.errors import Cancelled

T = TypeVar("T")


class Job:
    """One piece of background work. A plain object, not a QObject: the worker thread may
    hold the last reference to it, and a QObject must not be deleted outside its own thread.
    What it reports reaches the UI thread through its runner's relay."""

    def __init__(self, work: Callable[[Job], object], relay: _Relay, *,
                 cancellable: bool = True) -> None:
        self._work: Callable[[Job], object] | None = work
        self._relay = relay
        self._cancellable = cancellable
        self._cancel = threading.Event()
        self._ended = threading.Event()  # the work has returned or raised (or never ran)
        self._outcome: tuple[bool, object] | None = None  # (succeeded, result or exception)

    def cancel(self) -> None:
        if self._cancellable:
            self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """Called by the work (any thread); the progress callback runs on the UI thread."""
        self._relay.send("progressed", self, done, total)

    def ended(self) -> bool:
        """Whether the work is over (any thread); its result may still be on its way."""
        return self._ended.is_set()

    def wait_ended(self) -> None:
        """Block until the work is over: for other jobs only, never the UI thread."""
        self._ended.wait()

    def _run(self) -> None:
        work, self._work = self._work, None  # the runner holds it too: freed on the UI thread
        assert work is not None  # a job runs once
        try:
            # cancelled while queued: the work never starts, so never touches the vault
            outcome: tuple[bool, object] = (True, None if self.cancelled() else work(self))
        except BaseException as exc:  # handed to the UI thread, which decides what to show
            outcome = (False, exc)
        del work
        if outcome[0] and self.cancelled():
            outcome = (False, Cancelled())
        # The outcome is handed over inside the job, and this thread lets go of it first:
        # the UI thread takes it out, so a result or an error's traceback (which holds the
        # work's frames) is freed there.
        self._outcome = outcome
        del outcome
        self._ended.set()
        self._relay.send("ended", self)

    def _take_outcome(self) -> tuple[bool, object]:
        outcome, self._outcome = self._outcome, None
        assert outcome is not None  # delivered once
        return outcome


class _Relay(QObject):
    """Carries every job's outcome and progress from the pool's threads to the UI thread:
    ``send`` (any thread) queues a call and posts an event; the event, on the UI thread,
    makes the calls queued when it came. It refers to its runner weakly (no cycle keeps
    the two, and the outcomes queued, alive after the runner is gone)."""

    _WAKE = QEvent.Type(QEvent.registerEventType())

    def __init__(self, parent: QObject, ended: Callable[[Job], None],
                 progressed: Callable[[Job, int, int], None]) -> None:
        super().__init__(parent)
        self._targets: dict[str, weakref.WeakMethod[Callable[..., None]]] = {
            "ended": weakref.WeakMethod(ended), "progressed": weakref.WeakMethod(progressed)}
        self._calls: queue.SimpleQueue[tuple[str, tuple]] = queue.SimpleQueue()

    def send(self, which: str, *args: object) -> None:
        self._calls.put((which, args))
        QCoreApplication.postEvent(self, QEvent(self._WAKE))

    def customEvent(self, event: QEvent) -> None:
        if event.type() != self._WAKE:
            super().customEvent(event)
            return
        # What was queued when the event came, not what workers add meanwhile: a job
        # reporting faster than the UI shows must not keep the UI thread here. An event
        # may find its call made already by an earlier one: no matter.
        self.drain(self._calls.qsize())

    def drain(self, limit: int | None = None) -> None:
        """Make the calls queued (at most ``limit``), on the UI thread."""
        while limit is None or limit > 0:
            try:
                which, args = self._calls.get_nowait()
            except queue.Empty:
                return
            target = self._targets[which]()
            if target is not None:
                target(*args)
            if limit is not None:
                limit -= 1


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job: Job | None = job

    def run(self) -> None:
        job, self._job = self._job, None  # the pool deletes the runnable when it likes
        assert job is not None
        job._run()


class _Callbacks:
    """What the UI thread keeps of a job until its outcome arrives: the callbacks, and the
    work itself, so that whatever the work refers to is let go on the UI thread."""

    __slots__ = ("work", "done", "failed", "progress")

    def __init__(self, work, done, failed, progress) -> None:
        self.work, self.done, self.failed, self.progress = work, done, failed, progress


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._relay = _Relay(self, self._ended, self._progressed)
        self._jobs: dict[Job, _Callbacks] = {}  # until each reports back

    def run(self, work: Callable[[Job], T], on_done: Callable[[T], None],
            on_failed: Callable[[BaseException], None], *,
            on_progress: Callable[[int, int], None] | None = None,
            cancellable: bool = True) -> Job:
        job = Job(work, self._relay, cancellable=cancellable)
        self._jobs[job] = _Callbacks(work, on_done, on_failed, on_progress)
        self._pool.start(_Runnable(job))
        return job

    def _ended(self, job: Job) -> None:
        callbacks = self._jobs.pop(job)
        succeeded, value = job._take_outcome()
        if succeeded:
            callbacks.done(value)
        else:
            callbacks.failed(cast("BaseException", value))

    def _progressed(self, job: Job, done: int, total: int) -> None:
        callbacks = self._jobs.get(job)
        if callbacks is not None and callbacks.progress is not None:
            callbacks.progress(done, total)

    def cancel_all(self) -> list[Job]:
        """Ask every job to stop; returns those whose work may still be running."""
        running = [job for job in self._jobs if not job.ended()]
        for job in running:
            job.cancel()
        return running

    def after(self, jobs: Iterable[Job], work: Callable[[], T], on_done: Callable[[T], None],
              on_failed: Callable[[BaseException], None]) -> Job:
        """Run ``work()`` in the pool once every one of ``jobs`` has ended; the UI thread
        does not wait. The jobs must have been started before (they are ahead in the queue).
        Not cancellable: what it does (closing the vault) must happen."""
        waited = list(jobs)

        def then(_job: Job) -> T:
            for job in waited:
                job.wait_ended()
            return work()

        return self.run(then, on_done, on_failed, cancellable=False)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block the UI thread until every job is over, then hand over what they left here:
        their callbacks have run when this returns True (a wizard cancelled while it made a
        vault closes that vault)."""
        if not self._pool.waitForDone(msecs):
            return False
        self._relay.drain()
        return True
