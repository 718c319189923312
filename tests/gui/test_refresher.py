# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A Refresher whose load's job is cancelled other than by a lock: the context drops a
cancelled job's answer, so the load would never end. The next change reloads the screen,
and an answer the cancelled job still sends is not shown."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.ui.context import Refresher


class Context(QObject):
    changed = Signal(str)
    vault = object()  # open

    def report(self, error: BaseException) -> None:
        raise AssertionError(error)


class Job:
    def __init__(self) -> None:
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True

    def cancelled(self) -> bool:
        return self._cancelled


def test_a_cancelled_load_does_not_keep_the_screen_loading(qtbot):
    ctx, screen = Context(), QWidget()
    qtbot.addWidget(screen)
    jobs: list[Job] = []
    answers: list[object] = []
    shown: list[object] = []

    def load() -> Job:
        answers.append(refresher.done(shown.append))
        jobs.append(Job())
        return jobs[-1]

    refresher = Refresher(ctx, screen, {"case"}, load)
    screen.show()
    qtbot.waitUntil(lambda: len(jobs) == 1, timeout=60_000)  # shown while stale: loads
    assert refresher.loading
    jobs[0].cancel()  # its answer never comes: ctx.run drops a cancelled job's
    ctx.changed.emit("case")
    qtbot.waitUntil(lambda: len(jobs) == 2, timeout=60_000)
    answers[0]("from the cancelled load")  # had it come after all: not shown
    assert shown == [] and refresher.loading
    answers[1]("fresh")
    assert shown == ["fresh"] and not refresher.loading


def test_a_hidden_screen_whose_load_was_cancelled_loads_when_shown(qtbot):
    ctx, screen = Context(), QWidget()
    qtbot.addWidget(screen)
    jobs: list[Job] = []

    def load() -> Job:
        jobs.append(Job())
        return jobs[-1]

    refresher = Refresher(ctx, screen, {"case"}, load)
    refresher.refresh()
    jobs[0].cancel()
    screen.show()
    qtbot.waitUntil(lambda: len(jobs) == 2, timeout=60_000)
