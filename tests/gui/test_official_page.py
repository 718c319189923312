# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""An official's page on the Directory screen (names in every script, positions, sanctions,
the cases they are involved in, each opening the case), the official editor's new fields
and lists with bad input that writes nothing, and the officials filters (involved in N or
more cases, not yet sanctioned by a regime; any name in any script). Waits on signals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from app.domain.dates import FuzzyDate
from app.domain.enums import Level, Regime, Role
from app.domain.model import (
    Case,
    Identifier,
    Involvement,
    Official,
    Organisation,
    OtherName,
    Position,
    Sanction,
)
from app.services import cases, directory, involvements
from app.ui.screens.directory.screen import DirectoryScreen

PSB = Organisation(id="11111111-1111-4111-8111-111111111111", name="Public Security Bureau")
TURSUN = Official(id="33333333-3333-4333-8333-333333333333", name="Abdurehim Tursun",
                  name_original="ئابدۇرېھىم تۇرسۇن",
                  other_names=(OtherName(name="阿不都热依木·吐尔逊", script="zh-Hans"),),
                  level=Level.SENIOR_OFFICIAL, organisation_id=PSB.id,
                  identifiers=(Identifier(kind="Police number", value="650001"),),
                  positions=(Position(title="Director", organisation_id=PSB.id,
                                      start=FuzzyDate.parse("2016"),
                                      end=FuzzyDate.parse("2020-06")),),
                  sanctions=(Sanction(regime=Regime.US_GLOMAG,
                                      listed_on=FuzzyDate.parse("2020-07-09"),
                                      reference="EO 13818"),))
ZHANG = Official(id="44444444-4444-4444-8444-444444444444", name="Zhang Wei",
                 name_original="张伟")
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie")
ANNA = Case(id="55555555-5555-4555-8555-555555555555", display_name="Anna Berg")


def seed(session) -> None:
    directory.save_organisation(session, PSB)
    directory.save_official(session, TURSUN)
    directory.save_official(session, ZHANG)
    cases.save_case(session, LIN)
    cases.save_case(session, ANNA)
    session.flush()
    for n, (case, official, role) in enumerate(((LIN, TURSUN, Role.INTERROGATED),
                                                 (ANNA, TURSUN, Role.ORDERED_DETENTION),
                                                 (LIN, ZHANG, Role.JUDGED))):
        involvements.save_involvement(session, Involvement(
            id=f"9999999{n}-9999-4999-8999-999999999999", case_id=case.id,
            official_id=official.id, role=role, date=FuzzyDate.parse(f"202{n}-01")))


@pytest.fixture
def vault(make_vault):
    return make_vault(seed)


@pytest.fixture
def screen(shown, ctx):
    view = shown(DirectoryScreen(ctx))
    view.tabs.setCurrentWidget(view.officials)
    return view


def names(screen) -> list[str]:
    model = screen.officials.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def read(vault, fn):
    with vault.session() as session:
        return fn(session)


def test_the_page_of_the_selected_official(qtbot, screen):
    with qtbot.waitSignal(screen.page_loaded, timeout=60_000):
        screen.officials.select(TURSUN.id)
    text = screen.officials.page.toPlainText()
    for expected in ("Abdurehim Tursun", "ئابدۇرېھىم تۇرسۇن", "阿不都热依木·吐尔逊",
                     "Senior official", "Police number", "650001", "Director",
                     "2016 to 2020-06", "EO 13818", "2020-07-09", "Lin Wenjie",
                     "Anna Berg", "Interrogated", "Ordered the detention"):
        assert expected in text, expected
    html = screen.officials.page.toHtml()
    assert f"case:{LIN.id}" in html and f"case:{ANNA.id}" in html
    with qtbot.waitSignal(screen.ctx.case_requested, timeout=60_000) as opened:
        screen.officials.page.anchorClicked.emit(QUrl(f"case:{ANNA.id}"))
    assert opened.args == [ANNA.id]


def test_the_editor_saves_the_new_fields_and_lists(qtbot, vault, screen):
    screen.officials.select(ZHANG.id)
    form = screen.edit(screen.officials)
    assert form.name_original.text() == "张伟"
    form.level.setCurrentIndex(form.level.findData(Level.MINISTER.value))
    row = form.identifiers.add_row(("ID card", "110101", ""))
    assert row == 0
    form.positions.add_row(("Judge", PSB.id, "2019", ""))
    form.sanctions.add_row((Regime.UK_GHR.value, "2021-03-22", "GHR0042"))
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        form.buttons.accepted.emit()
    saved = read(vault, lambda s: directory.get_official(s, ZHANG.id))
    assert saved.level is Level.MINISTER and saved.name_original == "张伟"
    assert saved.identifiers == (Identifier(kind="ID card", value="110101"),)
    assert saved.positions == (Position(title="Judge", organisation_id=PSB.id,
                                        start=FuzzyDate.parse("2019")),)
    assert saved.sanctions == (Sanction(regime=Regime.UK_GHR,
                                        listed_on=FuzzyDate.parse("2021-03-22"),
                                        reference="GHR0042"),)


def test_a_position_ending_before_it_starts_changes_nothing(qtbot, vault, screen):
    screen.officials.select(TURSUN.id)
    form = screen.edit(screen.officials)
    form.positions.set_cell(0, 3, "2010")
    form.buttons.accepted.emit()
    assert form.isVisible() and form.error.text() == "A position cannot end before it starts."
    form.positions.set_cell(0, 3, "June")
    form.buttons.accepted.emit()
    assert form.isVisible() and "not a date" in form.error.text()
    screen.ctx.tasks.wait()
    assert read(vault, lambda s: directory.get_official(s, TURSUN.id)) == TURSUN


def test_the_officials_filters(qtbot, screen):
    assert names(screen) == ["Abdurehim Tursun", "Zhang Wei"]
    screen.min_cases.setValue(2)
    assert names(screen) == ["Abdurehim Tursun"]
    screen.not_sanctioned.setCurrentIndex(screen.not_sanctioned.findData(
        Regime.US_GLOMAG.value))
    assert names(screen) == []
    screen.min_cases.setValue(1)
    assert names(screen) == ["Zhang Wei"]
    screen.not_sanctioned.setCurrentIndex(screen.not_sanctioned.findData(
        Regime.EU_GHRSR.value))
    assert names(screen) == ["Abdurehim Tursun", "Zhang Wei"]
    screen.min_cases.setValue(0)
    screen.not_sanctioned.setCurrentIndex(0)
    for text, found in (("تۇرسۇن", ["Abdurehim Tursun"]), ("吐尔逊", ["Abdurehim Tursun"]),
                        ("张伟", ["Zhang Wei"]), ("zhang", ["Zhang Wei"])):
        screen.officials.filter.setText(text)
        assert names(screen) == found, text


def test_counts_follow_a_new_involvement(qtbot, screen):
    screen.min_cases.setValue(2)
    assert names(screen) == ["Abdurehim Tursun"]
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        screen.ctx.write(lambda s: involvements.save_involvement(s, Involvement(
            id="88888888-8888-4888-8888-888888888888", case_id=ANNA.id,
            official_id=ZHANG.id, role=Role.JUDGED)), "cases", lambda _r: None)
    assert names(screen) == ["Abdurehim Tursun", "Zhang Wei"]


def test_prepare_sanctions_referral_opens_for_the_selected_official(qtbot, screen):
    assert not screen.referral_button.isEnabled()
    screen.officials.select(TURSUN.id)
    assert screen.referral_button.isEnabled()
    screen.referral_button.click()
    export = screen.referral
    assert export is not None and export.official_id == TURSUN.id
    qtbot.waitUntil(lambda: export.dialog.export_button.isEnabled(), timeout=60_000)
    assert export.dialog.isVisible()
    screen.clear()  # as on lock: the referral is abandoned with the screen
    assert screen.referral is None and not screen.referral_button.isEnabled()
