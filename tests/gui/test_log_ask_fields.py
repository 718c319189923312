# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The "Log ask" dialog's level and encounter (issue 17) and where it opens from (issue 20):
the level follows the raising official until set, and is saved exactly as chosen; the
encounters offered are the raising government's around the ask's date, nearest first; an
encounter of another government is refused with one sentence and nothing saved; the Asks
list shows both; Log ask on the Meetings screen pre-ticks the open meeting's cases. Offscreen,
over a real vault; waits on signals, never on sleeps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import text

from app.domain.dates import FuzzyDate
from app.domain.enums import EncounterKind, Level, MeetingStatus, OrganisationKind
from app.domain.model import (
    Ask,
    Case,
    Encounter,
    Meeting,
    MeetingCase,
    Official,
    Organisation,
)
from app.services import asks, cases, directory, encounters, meetings
from app.ui import log_ask as log_ask_module
from app.ui.log_ask import LogAskDialog
from app.ui.log_ask import log_ask as open_log_ask
from app.ui.navigation import Screen
from app.ui.screens.asks.screen import AsksScreen

D = FuzzyDate.parse
GERMANY = Organisation(id="11111111-1111-4111-8111-111111111111", name="Germany",
                       kind=OrganisationKind.GOVERNMENT)
SWEDEN = Organisation(id="12121212-1212-4212-8212-121212121212", name="Sweden",
                      kind=OrganisationKind.GOVERNMENT)
ENVOY = Official(id="66666666-6666-4666-8666-666666666666", name="Karl Weiss",
                 organisation_id=GERMANY.id, level=Level.AMBASSADOR)
MINISTER = Official(id="67676767-6767-4767-8767-676767676767", name="Annalena Berg",
                    organisation_id=GERMANY.id, level=Level.MINISTER)
SWEDE = Official(id="68686868-6868-4868-8868-686868686868", name="Sven Lund",
                 organisation_id=SWEDEN.id)
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰")
TURSUN = Case(id="33333333-3333-4333-8333-333333333333", display_name="Tursun Ablet",
              name_original="تۇرسۇن ئابلەت")
WANG = Case(id="44444444-4444-4444-8444-444444444444", display_name="Wang Quanzhang",
            name_original="王全璋")


def _met(ident, title, starts, ends=None, governments=(GERMANY.id,)) -> Encounter:
    return Encounter(id=ident, kind=EncounterKind.STATE_VISIT, title=title,
                     starts_on=D(starts), ends_on=D(ends) if ends else None,
                     organisation_ids=governments, level=Level.MINISTER)


VISIT = _met("a1111111-1111-4111-8111-111111111111", "Chancellor visits Beijing",
             "2026-11-19", "2026-11-21")
DIALOGUE = _met("a2222222-2222-4222-8222-222222222222", "Human rights dialogue",
                "2026-11-02")
LONG_AGO = _met("a3333333-3333-4333-8333-333333333333", "Old summit", "2026-06-01")
SWEDISH = _met("a4444444-4444-4444-8444-444444444444", "Swedish visit", "2026-11-20",
               governments=(SWEDEN.id,))
KNOWN = Ask(id="55555555-5555-4555-8555-555555555555", date=D("2026-11-20"),
            raised_by_official_id=ENVOY.id, public=False, case_ids=(LIN.id,),
            level=Level.DEPUTY_MINISTER, encounter_id=VISIT.id)
PLANNED = Meeting(id="77777777-7777-4777-8777-777777777777", title="Berlin consultations",
                  starts_at=datetime(2026, 12, 3, 14, 0, tzinfo=UTC),
                  organisation_id=GERMANY.id, status=MeetingStatus.PLANNED,
                  cases=(MeetingCase(TURSUN.id), MeetingCase(WANG.id)))


def seed(session) -> None:
    for org in (GERMANY, SWEDEN):
        directory.save_organisation(session, org)
    for person in (ENVOY, MINISTER, SWEDE):
        directory.save_official(session, person)
    for case in (LIN, TURSUN, WANG):
        cases.save_case(session, case)
    for encounter in (VISIT, DIALOGUE, LONG_AGO, SWEDISH):
        encounters.save_encounter(session, encounter)
    session.flush()
    asks.save_ask(session, KNOWN)
    meetings.save_meeting(session, PLANNED)


@pytest.fixture
def vault(make_vault):
    return make_vault(seed)


def stored(vault, ask_id: str) -> Ask:
    with vault.session() as session:
        return asks.get_ask(session, ask_id)


def ask_count(vault) -> int:
    with vault.session() as session:
        return session.execute(text("SELECT count(*) FROM asks")).scalar_one()


def open_dialog(qtbot, ctx, **kwargs) -> LogAskDialog:
    dialog = LogAskDialog(ctx, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignals([dialog.loaded, dialog.encounter.loaded], timeout=60_000):
        dialog.show()
    return dialog


def raise_by(qtbot, dialog: LogAskDialog, who: str) -> None:
    """Name who raised it and wait for the encounters of their government."""
    with qtbot.waitSignal(dialog.encounter.loaded, timeout=60_000):
        dialog.raised_by.setText(who)


def offered(dialog: LogAskDialog) -> list[str | None]:
    return [dialog.encounter.itemData(i) for i in range(dialog.encounter.count())]


def test_the_level_follows_the_raising_official_until_set(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx, case_ids=(LIN.id,))
    assert dialog.level.currentText() == "Not recorded" and dialog.level.level() is None
    raise_by(qtbot, dialog, "Karl Weiss \u2014 Germany")
    assert dialog.level.currentText() == "From the official: Ambassador"
    dialog.raised_by.setText("Annalena Berg \u2014 Germany")
    assert dialog.level.currentText() == "From the official: Minister"
    dialog.raised_by.setText("Sven Lund \u2014 Sweden")
    assert dialog.level.currentText() == "From the official: not recorded"
    dialog.raised_by.setText("Germany")
    assert dialog.level.currentText() == "Not recorded"
    assert dialog.level.level() is None  # following: the ask stores no level of its own
    dialog.level.set_level(Level.HEAD_OF_STATE_OR_GOVERNMENT)
    dialog.raised_by.setText("Karl Weiss \u2014 Germany")
    assert dialog.level.level() is Level.HEAD_OF_STATE_OR_GOVERNMENT  # set: it stays
    dialog.level.setFocus()
    QTest.keyClick(dialog.level, Qt.Key.Key_Delete)  # clearing returns to the default
    assert dialog.level.currentIndex() == 0 and dialog.level.level() is None
    assert dialog.level.currentText() == "From the official: Ambassador"


def test_logging_an_ask_with_a_level_and_an_encounter(qtbot, ctx, vault, shown):
    screen = shown(AsksScreen(ctx))
    dialog = open_dialog(qtbot, ctx, case_ids=(TURSUN.id,))
    with qtbot.waitSignal(dialog.encounter.loaded, timeout=60_000):
        dialog.date.setText("2026-11-25")
    assert offered(dialog) == [None]  # nobody raised it yet: no government, no encounters
    raise_by(qtbot, dialog, "Karl Weiss \u2014 Germany")
    # Germany's within 30 days, nearest first: the visit (4 days), the dialogue (23 days);
    # not the summit in June, nor Sweden's visit.
    assert offered(dialog) == [None, VISIT.id, DIALOGUE.id]
    assert dialog.encounter.itemText(1) == "Chancellor visits Beijing (2026-11-19 \u2013 " \
                                           "2026-11-21)"
    dialog.encounter.setCurrentIndex(1)
    dialog.level.set_level(Level.MINISTER)
    with qtbot.waitSignal(dialog.saved, timeout=60_000) as saved, \
            qtbot.waitSignal(screen.loaded, timeout=60_000):
        dialog.save_button.click()
    ask = stored(vault, saved.args[0])
    assert (ask.level, ask.encounter_id, ask.case_ids) == (Level.MINISTER, VISIT.id,
                                                           (TURSUN.id,))
    # The Asks list shows the level and the encounter's title.
    model = screen.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    level, at = headers.index("Level"), headers.index("At encounter")
    rows = {model.index(r, 5).data(): (model.index(r, level).data(), model.index(r, at).data())
            for r in range(model.rowCount())}
    assert rows == {"Tursun Ablet": ("Minister", "Chancellor visits Beijing"),
                    "Lin Wenjie": ("Deputy minister", "Chancellor visits Beijing")}


def test_a_level_left_to_the_official_is_saved_as_none(qtbot, ctx, vault):
    dialog = open_dialog(qtbot, ctx, case_ids=(LIN.id,))
    raise_by(qtbot, dialog, "Annalena Berg \u2014 Germany")
    with qtbot.waitSignal(dialog.saved, timeout=60_000) as saved:
        dialog.save_button.click()
    ask = stored(vault, saved.args[0])
    assert ask.level is None and ask.encounter_id is None


def test_editing_keeps_then_changes_the_level_and_encounter(qtbot, ctx, vault):
    dialog = open_dialog(qtbot, ctx, ask=KNOWN)
    assert dialog.level.level() is Level.DEPUTY_MINISTER
    assert dialog.encounter.encounter_id() == VISIT.id
    assert dialog.encounter.currentText().startswith("Chancellor visits Beijing")
    with qtbot.waitSignal(dialog.saved, timeout=60_000):
        dialog.save_button.click()
    assert stored(vault, KNOWN.id) == KNOWN  # kept exactly

    again = open_dialog(qtbot, ctx, ask=KNOWN)
    assert offered(again) == [None, VISIT.id, DIALOGUE.id]
    again.encounter.setCurrentIndex(offered(again).index(DIALOGUE.id))
    again.level.clear_choice()
    with qtbot.waitSignal(again.saved, timeout=60_000):
        again.save_button.click()
    ask = stored(vault, KNOWN.id)
    assert (ask.level, ask.encounter_id) == (None, DIALOGUE.id)

    third = open_dialog(qtbot, ctx, ask=ask)
    third.encounter.setFocus()
    QTest.keyClick(third.encounter, Qt.Key.Key_Delete)
    with qtbot.waitSignal(third.saved, timeout=60_000):
        third.save_button.click()
    assert stored(vault, KNOWN.id).encounter_id is None


def test_an_encounter_of_another_government_is_refused(qtbot, ctx, vault):
    dialog = open_dialog(qtbot, ctx, case_ids=(LIN.id,))
    dialog.date.setText("2026-11-20")
    raise_by(qtbot, dialog, "Karl Weiss \u2014 Germany")
    dialog.encounter.setCurrentIndex(offered(dialog).index(VISIT.id))
    raise_by(qtbot, dialog, "Sven Lund \u2014 Sweden")
    # The chosen encounter stays chosen (nothing changes by itself), beside Sweden's own.
    assert offered(dialog) == [None, VISIT.id, SWEDISH.id]
    assert dialog.encounter.encounter_id() == VISIT.id
    before = ask_count(vault)
    dialog.save_button.click()
    assert dialog.error.isVisible()
    assert dialog.error.text() == ("The government that raised this ask did not take part "
                                   "in that encounter: choose one of its own encounters, or "
                                   "none.")
    assert dialog.encounter.hasFocus() or not dialog.isActiveWindow()
    ctx.tasks.wait()
    assert ask_count(vault) == before
    dialog.encounter.setCurrentIndex(offered(dialog).index(SWEDISH.id))
    with qtbot.waitSignal(dialog.saved, timeout=60_000) as saved:
        dialog.save_button.click()
    assert stored(vault, saved.args[0]).encounter_id == SWEDISH.id


def test_log_ask_on_the_meetings_screen_ticks_the_meetings_cases(qtbot, make_vault_dir,
                                                                open_window, monkeypatch):
    made: list[LogAskDialog] = []

    def log_ask(*args, **kwargs) -> LogAskDialog:
        made.append(open_log_ask(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(log_ask_module, "log_ask", log_ask)
    win = open_window(make_vault_dir(seed))
    with qtbot.waitSignal(win.case_shown, timeout=60_000):
        win.show_case(LIN.id)  # the case last shown on the Cases screen

    screen = win.meetings_screen
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        win.show_screen(Screen.MEETINGS)
    assert logged_with(qtbot, win, made) == ()  # no meeting open: no case ticked
    screen.select_meeting(PLANNED.id)
    assert logged_with(qtbot, win, made) == (TURSUN.id, WANG.id)
    win.show_screen(Screen.CASES)  # elsewhere, the case shown, as before
    assert logged_with(qtbot, win, made) == (LIN.id,)


def logged_with(qtbot, win, made: list[LogAskDialog]) -> tuple[str, ...]:
    """The cases ticked in the dialog Log ask (Ctrl+Shift+A) opens, closed again."""
    before = len(made)
    win.log_ask_action.trigger()
    assert len(made) == before + 1
    dialog = made[-1]
    if not dialog.save_button.isEnabled():  # its choices are still being read
        with qtbot.waitSignal(dialog.loaded, timeout=60_000):
            pass
    ticked = dialog.cases.checked_ids()
    dialog.reject()
    return ticked
