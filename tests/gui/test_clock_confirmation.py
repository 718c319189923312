# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A computer clock far ahead of the vault's last change: the app asks before it stamps
anything, and saves only if the caseworker confirms the date (security issue 15, item 7)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import NOW
from PySide6.QtWidgets import QMessageBox

from app.domain.model import Case
from app.services import cases
from app.services.cases import new_id
from app.ui import plain


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def vault(make_vault, clock):
    return make_vault(lambda s: cases.save_case(s, Case(id=new_id(), display_name="Lin")),
                      clock=clock, reopen=True)


def _save(qtbot, ctx, case_id):
    done = []
    ctx.write(lambda s: cases.save_case(s, Case(id=case_id, display_name="Tursun")),
              "cases", lambda _r: done.append(True), on_failed=lambda e: done.append(e))
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    ctx.tasks.wait()
    return done


@pytest.mark.parametrize(("answer", "saved"), [(QMessageBox.StandardButton.Save, True),
                                               (QMessageBox.StandardButton.Cancel, False)])
def test_a_year_ahead_is_saved_only_after_the_date_is_confirmed(qtbot, ctx, vault, clock,
                                                                monkeypatch, answer, saved):
    asked = []

    def fake_ask(_parent, title, text, _buttons, _default):
        asked.append(text)
        return answer

    monkeypatch.setattr(plain, "ask", fake_ask)
    clock.now = NOW + timedelta(days=365)
    case_id = new_id()
    done = _save(qtbot, ctx, case_id)

    assert len(asked) == 1 and "2027-11-28" in asked[0] and "2026-11-28" in asked[0]
    assert (done == [True]) is saved
    with vault.session() as session:
        assert (cases.live(session, cases.CaseRow, case_id) is not None) is saved
