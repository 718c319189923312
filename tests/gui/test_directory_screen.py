# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Officials & organisations, offscreen, over a real vault: add, edit and delete with
confirmation, validation sentences, a Chinese name round trip, the ask history of the
selected one, and forgetting everything on lock. Waits on signals, never on sleeps."""

from __future__ import annotations

import pytest

from app.domain.dates import FuzzyDate
from app.domain.enums import OrganisationKind
from app.domain.model import Ask, Case, Official, Organisation
from app.services import asks, cases, directory
from app.ui.screens.directory.screen import DirectoryScreen

GERMANY = Organisation(id="11111111-1111-4111-8111-111111111111", name="Germany",
                       country="DE", kind=OrganisationKind.GOVERNMENT)
MFA = Organisation(id="55555555-5555-4555-8555-555555555555",
                   name="Ministry of Foreign Affairs", country="CN",
                   kind=OrganisationKind.DETAINING_AUTHORITY)
AMBASSADOR = Official(id="66666666-6666-4666-8666-666666666666", name="Karl Weiss",
                      title="Ambassador", organisation_id=GERMANY.id)
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰")
ASK = Ask(id="44444444-4444-4444-8444-444444444444", date=FuzzyDate.parse("2026-06-01"),
          raised_by_official_id=AMBASSADOR.id, raised_with_organisation_id=MFA.id,
          public=True, case_ids=(LIN.id,))


def seed(session) -> None:
    directory.save_organisation(session, GERMANY)
    directory.save_organisation(session, MFA)
    directory.save_official(session, AMBASSADOR)
    cases.save_case(session, LIN)
    session.flush()
    asks.save_ask(session, ASK)


@pytest.fixture
def vault(make_vault):
    return make_vault(seed)


@pytest.fixture
def screen(shown, ctx):
    return shown(DirectoryScreen(ctx))


def read(vault, fn):
    with vault.session() as session:
        return fn(session)


def rows(tab) -> list[tuple]:
    model = tab.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def test_both_lists_are_shown(screen):
    assert rows(screen.organisations) == [("Germany", "DE", "Government"),
                                          ("Ministry of Foreign Affairs", "CN",
                                           "Detaining authority")]
    assert rows(screen.officials) == [("Karl Weiss", "Ambassador", "Germany", "")]


def test_adding_an_organisation(qtbot, vault, screen):
    form = screen.add(screen.organisations)
    form.name.setText("Sweden")
    form.country_code.setText("se")
    form.kind.setCurrentIndex(form.kind.findData(OrganisationKind.GOVERNMENT.value))
    with qtbot.waitSignal(screen.loaded):
        form.buttons.accepted.emit()
    saved = [o for o in read(vault, directory.organisations) if o.name == "Sweden"]
    assert len(saved) == 1 and saved[0].country == "SE"
    assert saved[0].kind is OrganisationKind.GOVERNMENT
    assert ("Sweden", "SE", "Government") in rows(screen.organisations)


def test_bad_input_is_one_sentence_and_nothing_is_saved(qtbot, vault, screen):
    form = screen.add(screen.organisations)
    form.buttons.accepted.emit()
    assert "name" in form.error.text() and form.isVisible()
    form.name.setText("Sweden")
    form.country_code.setText("S1")
    form.buttons.accepted.emit()
    assert "two-letter code" in form.error.text() and form.isVisible()
    screen.ctx.tasks.wait()
    assert len(read(vault, directory.organisations)) == 2


def test_a_chinese_official_round_trips(qtbot, vault, screen):
    form = screen.add(screen.officials)
    form.name.setText("王毅")
    form.title.setText("Minister of Foreign Affairs")
    form.organisation.setCurrentIndex(form.organisation.findData(MFA.id))
    form.country_code.setText("CN")
    with qtbot.waitSignal(screen.loaded):
        form.buttons.accepted.emit()
    found = [p for p in read(vault, directory.officials) if p.name == "王毅"]
    assert len(found) == 1 and found[0].organisation_id == MFA.id
    assert ("王毅", "Minister of Foreign Affairs", "Ministry of Foreign Affairs", "CN") \
        in rows(screen.officials)
    screen.officials.select(found[0].id)
    form = screen.edit(screen.officials)
    assert form.name.text() == "王毅"


def test_editing_an_official_and_an_organisation(qtbot, vault, screen):
    screen.officials.select(AMBASSADOR.id)
    form = screen.edit(screen.officials)
    assert form.organisation.currentData() == GERMANY.id
    form.title.setText("Special Envoy")
    with qtbot.waitSignal(screen.loaded):
        form.buttons.accepted.emit()
    assert read(vault, lambda s: directory.get_official(s, AMBASSADOR.id)).title == \
        "Special Envoy"
    screen.organisations.select(GERMANY.id)
    form = screen.edit(screen.organisations)
    form.name.setText("Federal Republic of Germany")
    with qtbot.waitSignal(screen.loaded):
        form.buttons.accepted.emit()
    assert read(vault, lambda s: directory.get_organisation(s, GERMANY.id)).name == \
        "Federal Republic of Germany"
    assert rows(screen.officials)[0][2] == "Federal Republic of Germany"


def test_deleting_asks_for_confirmation(qtbot, vault, screen):
    questions = []
    screen.confirm = lambda q: questions.append(q) or False
    with qtbot.waitSignal(screen.history_loaded):
        screen.officials.select(AMBASSADOR.id)
    screen.delete(screen.officials)
    assert "Karl Weiss" in questions[0] and "1 asks" in questions[0]
    screen.ctx.tasks.wait()
    assert len(read(vault, directory.officials)) == 1
    screen.confirm = lambda q: True
    with qtbot.waitSignal(screen.loaded):
        screen.delete(screen.officials)
    assert read(vault, directory.officials) == [] and rows(screen.officials) == []
    screen.organisations.select(MFA.id)
    with qtbot.waitSignal(screen.loaded):
        screen.delete(screen.organisations)
    assert [o.id for o in read(vault, directory.organisations)] == [GERMANY.id]


def test_a_refused_delete_shows_the_services_sentence(qtbot, vault, screen, monkeypatch):
    from app.errors import UserError

    def refuse(session, ident):
        raise UserError("Asks name this organisation; it cannot be deleted.")

    monkeypatch.setattr(directory, "delete_organisation", refuse)
    screen.confirm = lambda q: True
    screen.organisations.select(GERMANY.id)
    with qtbot.waitSignal(screen.ctx.message):
        screen.delete(screen.organisations)
    assert screen.notice.text() == "Asks name this organisation; it cannot be deleted."


def test_the_ask_history_of_the_selected_one(qtbot, screen):
    with qtbot.waitSignal(screen.history_loaded):
        screen.organisations.select(MFA.id)  # raised *with* it
    assert screen.organisations.history.rowCount() == 1
    assert screen.organisations.history.line_at(0).id == ASK.id
    with qtbot.waitSignal(screen.history_loaded):
        screen.organisations.select(GERMANY.id)  # raised by its ambassador
    assert screen.organisations.history.rowCount() == 1
    assert screen.organisations.history_title.text() == "Asks raised by or with Germany"


def test_clear_empties_the_models(qtbot, screen):
    with qtbot.waitSignal(screen.history_loaded):
        screen.officials.select(AMBASSADOR.id)
    form = screen.add(screen.organisations)
    screen.clear()
    for tab in (screen.organisations, screen.officials):
        assert tab.model.rowCount() == 0 and tab.history.rowCount() == 0
    assert screen.form is None and not form.isVisible()
