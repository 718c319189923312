# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Colleagues screen: own identity and contact card, adding a colleague from a card
(unverified), verifying after comparing fingerprints, removing with confirmation, a bad card,
and resolving a conflicting edit. Waits on signals, never on sleeps."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.domain.model import Case
from app.services import cases
from app.sharing import bundle, colleagues, conflicts, inbox
from app.ui.screens.colleagues.conflicts import readable
from app.ui.screens.colleagues.screen import ColleaguesScreen

LIN = "22222222-2222-4222-8222-222222222222"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class Files:
    """Stands in for the file dialogs."""

    def __init__(self) -> None:
        self.open_path = ""
        self.save_path = ""

    def open_file(self, *_args) -> str:
        return self.open_path

    def save_file(self, *_args) -> str:
        return self.save_path


@pytest.fixture
def vaults(make_vault):
    made = {}
    for name, display in (("alice", "Alice 王"), ("bob", "Bob تۇرسۇن")):
        clock = Clock()
        made[name] = make_vault(folder=name, name=display, clock=clock)
        made[name].test_clock = clock
    return made


@pytest.fixture
def vault(vaults):
    return vaults["alice"]  # the screen is alice's


@pytest.fixture
def screen(shown, ctx):
    view = shown(ColleaguesScreen(ctx))
    view.files = Files()
    yield view
    view.watcher.stop()


def listed(vault):
    with vault.session() as session:
        return colleagues.list_colleagues(session)


def add_from_card(qtbot, view, card: str):
    dialog = view.add_colleague()
    dialog.card.setPlainText(card)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        dialog.try_accept()


def test_own_identity_and_contact_card(qtbot, screen, vaults, tmp_path):
    fp = vaults["alice"].identity.fingerprint
    assert screen.own_fingerprint.text().split() == fp.split("-")
    screen.copy_card_button.click()
    card = QGuiApplication.clipboard().text()
    assert fp in card and "AGE-SECRET" not in card and "Alice 王" in card
    screen.files.save_path = str(tmp_path / "card.json")
    screen.save_card_button.click()
    saved = (tmp_path / "card.json").read_text(encoding="utf-8")
    assert set(json.loads(saved)) == {"format", "version", "name", "recipient", "signing_key",
                                      "fingerprint"}
    assert colleagues.read_card(saved)[0] == "Alice 王"


def test_add_verify_and_remove_a_colleague(qtbot, screen, vaults):
    bob = vaults["bob"].identity
    add_from_card(qtbot, screen, colleagues.contact_card(bob))
    [added] = listed(vaults["alice"])
    assert added.fingerprint == bob.fingerprint and not added.verified  # the app never vouches
    assert screen.table.rowCount() == 1
    assert screen.table.item(0, 0).text() == "Bob تۇرسۇن"
    assert screen.table.item(0, 2).text().startswith("Not verified")
    assert not screen.send_button.isEnabled()

    screen.select_colleague(bob.fingerprint)
    dialog = screen.mark_verified()
    assert dialog.theirs.text().split() == bob.fingerprint.split("-")
    assert vaults["alice"].identity.fingerprint.split("-")[0] in dialog.mine.text()
    dialog.no_button.click()  # not sure: nothing changes
    screen.ctx.tasks.wait()
    assert not listed(vaults["alice"])[0].verified
    dialog = screen.mark_verified()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        dialog.yes_button.click()
    assert listed(vaults["alice"])[0].verified
    assert screen.table.item(0, 2).text() == "Verified"
    assert screen.send_button.isEnabled()

    box = screen.remove_colleague()
    assert "Bob تۇرسۇن" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    screen.ctx.tasks.wait()
    assert len(listed(vaults["alice"])) == 1
    box = screen.remove_colleague()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert listed(vaults["alice"]) == [] and screen.table.rowCount() == 0


def test_a_bad_card_is_one_sentence_and_adds_nothing(qtbot, screen, vaults, tmp_path):
    bob = vaults["bob"].identity
    forged = json.loads(colleagues.contact_card(bob))
    forged["fingerprint"] = vaults["alice"].identity.fingerprint
    for text in ("hello", "{}", json.dumps(forged)):
        dialog = screen.add_colleague()
        dialog.card.setPlainText(text)
        dialog.try_accept()
        message = dialog.error.text()
        assert message.endswith(".") and "\n" not in message
        assert dialog.isVisible()
        dialog.reject()
    # a card file that is not text
    (tmp_path / "card.bin").write_bytes(b"\xff\xfe\x00garbage")
    screen.files.open_path = str(tmp_path / "card.bin")
    dialog = screen.add_colleague()
    dialog.open_button.click()
    assert dialog.error.text() == "The contact card could not be read."
    dialog.reject()
    # this vault's own card
    with qtbot.waitSignal(screen.said, timeout=10_000) as said:
        screen.add_colleague().card.setPlainText(colleagues.contact_card(
            vaults["alice"].identity))
        screen.dialog.try_accept()
    assert said.args == ["Those are this vault's own keys."]
    screen.ctx.tasks.wait()
    assert listed(vaults["alice"]) == []


def test_a_card_file_adds_an_unverified_colleague(qtbot, screen, vaults, tmp_path):
    (tmp_path / "bob.json").write_text(colleagues.contact_card(vaults["bob"].identity),
                                       encoding="utf-8")
    screen.files.open_path = str(tmp_path / "bob.json")
    dialog = screen.add_colleague()
    dialog.open_button.click()
    dialog.name.setText("Bob at the office")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        dialog.try_accept()
    [added] = listed(vaults["alice"])
    assert added.name == "Bob at the office" and not added.verified


def introduce(vaults):
    for me, other in (("alice", "bob"), ("bob", "alice")):
        public = vaults[other].identity.public
        with vaults[me].session() as session:
            colleagues.add_colleague(session, vaults[me].identity, other, public.recipient,
                                     public.signing_key, verified=True, now="2026-11-01")


def edit_summary(vault, text: str) -> None:
    from dataclasses import replace

    with vault.session() as session:
        cases.save_case(session, replace(cases.get_case(session, LIN), summary=text))


def make_conflict(vaults, tmp_path) -> None:
    """Alice and Bob edit the same summary; Bob's later edit wins at Alice's."""
    alice, bob = vaults["alice"], vaults["bob"]
    introduce(vaults)
    with alice.session() as session:
        cases.save_case(session, Case(id=LIN, display_name="Lin Wenjie", name_original="林文杰",
                                      charges=("subversion",)))
    bundle.export_bundle(alice, [bob.identity.fingerprint], tmp_path / "first.vigil")
    inbox.import_bundle(bob, tmp_path / "first.vigil")
    alice.test_clock.now += timedelta(minutes=1)
    bob.test_clock.now += timedelta(minutes=2)
    edit_summary(alice, "Alice's long summary\nwith a second line")
    edit_summary(bob, "Bob's summary")
    bundle.export_bundle(bob, [alice.identity.fingerprint], tmp_path / "second.vigil")


def test_a_conflict_is_listed_and_the_other_value_can_be_taken(qtbot, screen, vaults,
                                                               tmp_path):
    alice = vaults["alice"]
    make_conflict(vaults, tmp_path)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        inbox.import_bundle(alice, tmp_path / "second.vigil")
        screen.ctx.changed.emit("cases")

    panel = screen.conflicts
    assert panel.table.rowCount() == 1
    cells = [panel.table.item(0, c).text() for c in range(5)]
    assert cells[0] == "Case: Lin Wenjie" and cells[1] == "Summary"
    assert cells[2] == "Bob's summary"
    assert cells[3].startswith("Alice's long summary")
    assert screen.tabs.tabText(2) == "Conflicts (1)"
    panel.select(0)
    assert "with a second line" in panel.detail.toPlainText()
    alice.test_clock.now += timedelta(minutes=5)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        panel.take_button.click()
    with alice.session() as session:
        assert cases.get_case(session, LIN).summary.startswith("Alice's long summary")
    assert conflicts.list_conflicts(alice) == []
    assert panel.table.rowCount() == 0 and screen.tabs.tabText(2) == "Conflicts"


def test_values_are_shown_readably():
    assert readable(None) == "(empty)"
    assert readable(["subversion", "inciting"]) == "• subversion\n• inciting"
    assert readable([{"name": "王全璋", "script": "zh-Hans"}]) == "• 王全璋, zh-Hans"
    assert readable(True) == "yes"


def test_clear_forgets_everything(qtbot, screen, vaults):
    add_from_card(qtbot, screen, colleagues.contact_card(vaults["bob"].identity))
    screen.add_colleague()
    screen.clear()
    assert screen.table.rowCount() == 0 and screen.own_fingerprint.text() == ""
    assert screen.dialog is None and screen.data is None
    assert screen.conflicts.table.rowCount() == 0 and screen.incoming.list.count() == 0


def test_keep_current_closes_the_conflict(qtbot, screen, vaults, tmp_path):
    make_conflict(vaults, tmp_path)
    inbox.import_bundle(vaults["alice"], tmp_path / "second.vigil")
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.refresh()
    screen.conflicts.select(0)
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.conflicts.keep_button.click()
    with vaults["alice"].session() as session:
        assert cases.get_case(session, LIN).summary == "Bob's summary"
    assert conflicts.list_conflicts(vaults["alice"]) == []
    assert screen.conflicts.table.rowCount() == 0


def test_a_hidden_screen_reloads_when_shown(qtbot, screen, vaults):
    screen.hide()
    introduce(vaults)
    screen.ctx.changed.emit("colleagues")
    assert screen.table.rowCount() == 0  # not reloaded while hidden
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.show()
    assert screen.table.rowCount() == 1
