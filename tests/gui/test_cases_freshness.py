# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Cases screen's guard against stale results (its two Refreshers): the answer to a
request the user has since replaced, or to one made before the lock, is never shown.

A load is held up on a gate in the worker thread, so which answer lands first is decided by
the test, not by timing; each test waits until the held-up job's own answer has reached the
UI thread (and been dropped) before the last assertion."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from app.domain.enums import Status
from app.domain.model import Case
from app.services import cases
from app.services.cases import CaseFilter
from app.ui.screens.cases.screen import CasesScreen

LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰", status=Status.RSDL)
ANNA = Case(id="55555555-5555-4555-8555-555555555555", display_name="Anna Berg",
            status=Status.RELEASED)
WAIT = 60_000


@pytest.fixture
def vault(make_vault):
    def seed(session) -> None:
        cases.save_case(session, LIN)
        cases.save_case(session, ANNA)
    return make_vault(seed)


class Gate:
    """Holds up the first call of a service function in the worker, once it has read,
    until ``open()``."""

    def __init__(self, monkeypatch, name: str) -> None:
        self.entered, self.opened = threading.Event(), threading.Event()
        real = getattr(cases, name)

        def held(*args, **kwargs):
            result = real(*args, **kwargs)  # read now: what the vault holds before the test
            if not self.entered.is_set():  # goes on
                self.entered.set()
                self.opened.wait(WAIT / 1000)
            return result
        monkeypatch.setattr(cases, name, held)

    def open(self) -> None:
        self.opened.set()


@pytest.fixture
def gate(monkeypatch):
    """``gate(name)``: a Gate on ``app.services.cases.<name>``; opened after the test
    whatever happened, so no worker is left waiting."""
    made: list[Gate] = []

    def make(name: str) -> Gate:
        made.append(Gate(monkeypatch, name))
        return made[-1]
    yield make
    for held in made:
        held.open()


@pytest.fixture
def screen(qtbot, ctx):
    view = CasesScreen(ctx)
    qtbot.addWidget(view)
    ctx.tasks.wait()  # what the screen reads as it is built is over
    yield view
    view.clear()


class Started:
    """A job the screen started: ``answered`` once its result or error reached the UI
    thread (and the screen took it, or dropped it)."""

    answered = False


@pytest.fixture
def jobs(ctx, screen, monkeypatch):
    """Every job started from now on, in order (to wait for a held-up one's answer)."""
    started: list[Started] = []
    run = ctx.run

    def recorded(work, on_done, *, on_failed=None, **kwargs):
        record = Started()

        def done(result) -> None:
            record.answered = True
            on_done(result)

        def failed(error) -> None:
            record.answered = True
            (on_failed or ctx.report)(error)
        started.append(record)
        return run(work, done, on_failed=failed, **kwargs)
    monkeypatch.setattr(ctx, "run", recorded)
    return started


def listed(view) -> list[str]:
    model = view.model
    return [model.case_at(row).display_name for row in range(model.rowCount())]


def test_a_slow_list_load_superseded_by_newer_filters_is_dropped(qtbot, screen, jobs, gate):
    held = gate("list_cases")
    screen.refresh_cases(CaseFilter(), reload=True)  # every case: held up
    qtbot.waitUntil(held.entered.is_set, timeout=WAIT)
    with qtbot.waitSignal(screen.cases_shown, timeout=WAIT):
        screen.refresh_cases(CaseFilter(statuses=frozenset({Status.RSDL})))
    assert listed(screen) == ["Lin Wenjie"]
    held.open()
    qtbot.waitUntil(lambda: jobs[0].answered, timeout=WAIT)
    assert listed(screen) == ["Lin Wenjie"]  # the older, wider answer came and was dropped
    assert not screen.freshness.loading


def test_a_slow_case_load_superseded_by_a_newer_one_is_dropped(qtbot, screen, jobs, vault,
                                                               gate):
    held = gate("get_case")
    screen.load_case(LIN.id)  # Lin as stored now: held up
    qtbot.waitUntil(held.entered.is_set, timeout=WAIT)
    with vault.session() as session:
        cases.save_case(session, replace(LIN, display_name="Lin Wenjie (renamed)"))
    with qtbot.waitSignal(screen.case_shown, timeout=WAIT):
        screen.load_case(LIN.id)
    assert screen.detail.case.display_name == "Lin Wenjie (renamed)"
    held.open()
    qtbot.waitUntil(lambda: jobs[0].answered, timeout=WAIT)
    assert screen.detail.case.display_name == "Lin Wenjie (renamed)"  # not the older Lin


@pytest.mark.parametrize("service", ["list_cases", "get_case"])
def test_a_load_that_finishes_after_the_lock_is_dropped(qtbot, screen, jobs, gate, service):
    """The screen's own guard: the context stays open here, only the screen is cleared."""
    held = gate(service)
    if service == "list_cases":
        screen.refresh()
    else:
        screen.load_case(LIN.id)
    qtbot.waitUntil(held.entered.is_set, timeout=WAIT)
    screen.clear()  # as on lock
    held.open()
    qtbot.waitUntil(lambda: jobs[0].answered, timeout=WAIT)
    assert screen.model.rowCount() == 0 and screen.detail.case is None
    assert not screen.freshness.loading and not screen.case_freshness.loading


def test_a_change_reloads_the_list_and_the_case_even_while_hidden(qtbot, screen, vault):
    """The window's Log ask names the case the screen shows: never one deleted meanwhile."""
    with qtbot.waitSignal(screen.case_shown, timeout=WAIT):
        screen.load_case(ANNA.id)
    assert not screen.isVisible()
    with vault.session() as session:
        cases.delete_case(session, ANNA.id)
    with qtbot.waitSignals([screen.cases_shown], timeout=WAIT):
        screen.ctx.changed.emit("cases")
    assert listed(screen) == ["Lin Wenjie"] and screen.shown_case_id is None
