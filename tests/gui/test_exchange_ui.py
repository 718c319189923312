# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The exchange folder in the app: the watcher queues bundles addressed to this vault for
review, skips partial and applied ones, lists refused ones; Apply / Ignore; sending and
importing from the Colleagues screen; the folder setting. Waits on signals, never sleeps."""

from __future__ import annotations

import pyrage
import pytest
from PySide6.QtCore import QCoreApplication

from app.domain.model import Case
from app.services import cases
from app.sharing import bundle, colleagues, container, inbox
from app.ui.context import COLLEAGUES, VaultContext
from app.ui.exchange import ExchangeWatcher, choose_exchange_folder, exchange_folder_text
from app.ui.screens.colleagues.screen import ColleaguesScreen
from app.ui.tasks import TaskRunner

WANG = Case(id="55555555-5555-4555-8555-555555555555", display_name="Wang Quanzhang",
            name_original="王全璋")
DEEP = 100_000
TURSUN = Case(id="33333333-3333-4333-8333-333333333333", display_name="Tursun Ablet",
              name_original="تۇرسۇن ئابلەت")


@pytest.fixture
def vaults(tmp_path, make_vault):
    shared = tmp_path / "Sync"
    shared.mkdir()
    made = {name: make_vault(folder=name, name=name) for name in ("alice", "bob", "mallory")}
    for me in ("alice", "bob"):
        other = made["bob" if me == "alice" else "alice"].identity.public
        with made[me].session() as session:
            colleagues.add_colleague(session, made[me].identity, "colleague", other.recipient,
                                     other.signing_key, verified=True, now="2026-11-01")
    # mallory knows bob, but bob never verified mallory
    public = made["bob"].identity.public
    with made["mallory"].session() as session:
        colleagues.add_colleague(session, made["mallory"].identity, "bob", public.recipient,
                                 public.signing_key, verified=True, now="2026-11-01")
    for vault in made.values():
        inbox.set_folder(vault, shared)
    made["folder"] = shared
    return made


@pytest.fixture
def vault(vaults):
    return vaults["bob"]  # the screens and the watcher are bob's


@pytest.fixture
def watcher(qtbot, ctx):
    made = ExchangeWatcher(ctx, interval_ms=3_600_000)
    yield made
    made.stop()
    ctx.tasks.wait()


def save(vault, case: Case) -> None:
    with vault.session() as session:
        cases.save_case(session, case)


def send(vaults, sender="alice", to="bob"):
    return inbox.send_to_folder(vaults[sender], [vaults[to].identity.fingerprint])[0]


def scan(qtbot, watcher):
    with qtbot.waitSignal(watcher.scanned, timeout=10_000):
        if watcher.is_running():
            assert watcher.scan_now()
        else:
            watcher.start()


def names(vault):
    with vault.session() as session:
        return sorted(c.display_name for c in cases.all_cases(session))


def test_a_bundle_in_the_folder_is_queued_and_applying_it_adds_the_cases(
        qtbot, vaults, ctx, watcher):
    save(vaults["alice"], WANG)
    save(vaults["alice"], TURSUN)
    path = send(vaults)
    counts = []
    watcher.pending_changed.connect(counts.append)
    scan(qtbot, watcher)
    assert counts == [1]
    [review] = watcher.pending
    assert review.path == path and sorted(review.new_cases) == ["Tursun Ablet",
                                                               "Wang Quanzhang"]
    assert names(vaults["bob"]) == []  # nothing applied before the user says so
    changed = []
    ctx.changed.connect(changed.append)
    with qtbot.waitSignal(watcher.bundle_applied, timeout=10_000):
        assert watcher.apply(path.name)
        assert not watcher.apply(path.name)  # a second click while it runs does nothing
    assert names(vaults["bob"]) == ["Tursun Ablet", "Wang Quanzhang"]
    assert watcher.pending == [] and counts == [1, 0]
    assert {"cases", "asks", "meetings"} <= set(changed)
    scan(qtbot, watcher)  # applied: never offered again
    assert watcher.pending == [] and counts == [1, 0]


def test_partial_files_are_ignored_until_complete(qtbot, vaults, watcher):
    save(vaults["alice"], WANG)
    path = send(vaults)
    data = path.read_bytes()
    path.unlink()
    folder = vaults["folder"]
    (folder / f"{path.name}.part").write_bytes(data)
    (folder / ".syncthing.x.vigil.tmp").write_bytes(data[:100])
    path.write_bytes(data[: len(data) - 40])
    scan(qtbot, watcher)
    assert watcher.pending == [] and watcher.refused == []
    path.write_bytes(data)
    scan(qtbot, watcher)
    assert [r.path for r in watcher.pending] == [path]


def test_a_bundle_applied_before_is_skipped(qtbot, vaults, watcher):
    save(vaults["alice"], WANG)
    path = send(vaults)
    inbox.import_bundle(vaults["bob"], path)
    scan(qtbot, watcher)
    assert watcher.pending == [] and watcher.refused == []


def test_refused_bundles_are_listed_with_their_reason(qtbot, vaults, watcher):
    save(vaults["mallory"], WANG)
    path = send(vaults, "mallory", "bob")
    scan(qtbot, watcher)
    assert watcher.pending == []
    [refused] = watcher.refused
    assert refused.name == path.name and refused.reason.endswith(".")
    assert "Wang" not in refused.reason


def test_a_refused_bundle_is_read_again_only_when_colleagues_change(qtbot, vaults, ctx,
                                                                    watcher, monkeypatch):
    save(vaults["mallory"], WANG)
    path = send(vaults, "mallory", "bob")
    opened = []
    real = inbox.review_bundle
    monkeypatch.setattr(inbox, "review_bundle",
                        lambda vault, p: opened.append(p.name) or real(vault, p))
    scan(qtbot, watcher)
    scan(qtbot, watcher)
    assert opened == [path.name] and [r.name for r in watcher.refused] == [path.name]
    public = vaults["mallory"].identity.public
    with vaults["bob"].session() as session:  # bob verifies mallory after all
        colleagues.add_colleague(session, vaults["bob"].identity, "mallory", public.recipient,
                                 public.signing_key, verified=True, now="2026-11-02")
    ctx.changed.emit(COLLEAGUES)
    scan(qtbot, watcher)
    assert opened == [path.name, path.name]
    assert watcher.refused == [] and [r.path for r in watcher.pending] == [path]


def test_one_scan_at_a_time_and_stop_empties_the_queue(qtbot, vaults, ctx, watcher):
    save(vaults["alice"], WANG)
    send(vaults)
    watcher.start()
    assert watcher.is_scanning()
    assert not watcher.scan_now()  # skipped while the first runs
    with qtbot.waitSignal(watcher.pending_changed, timeout=10_000):
        pass
    assert len(watcher.pending) == 1
    with qtbot.waitSignal(watcher.pending_changed) as emitted:
        watcher.stop()
    assert emitted.args == [0] and watcher.pending == [] and watcher.refused == []
    assert not watcher.scan_now()  # stopped: no scans until started again
    # a scan still running when the vault locks delivers nothing
    watcher.start()
    watcher.stop()
    ctx.tasks.wait()
    QCoreApplication.processEvents()  # the dropped result's queued signal arrives now
    assert watcher.pending == []


def test_the_timer_scans_again(qtbot, ctx, vaults):
    quick = ExchangeWatcher(ctx, interval_ms=20)
    quick.start()
    for _ in range(3):
        with qtbot.waitSignal(quick.scanned, timeout=10_000):
            pass
    quick.stop()
    ctx.tasks.wait()


def test_ignore_and_the_review_panel(qtbot, vaults, ctx, watcher):
    save(vaults["alice"], WANG)
    send(vaults)
    screen = ColleaguesScreen(ctx, watcher=watcher)
    qtbot.addWidget(screen)
    screen.show()
    scan(qtbot, watcher)
    panel = screen.incoming
    assert panel.list.count() == 1 and screen.tabs.tabText(1) == "Incoming bundles (1)"
    assert "Wang Quanzhang" in panel.detail.toPlainText()
    panel.ignore_button.click()
    assert panel.list.count() == 0 and screen.tabs.tabText(1) == "Incoming bundles"
    scan(qtbot, watcher)
    assert panel.list.count() == 0  # ignored until the next unlock
    watcher.stop()
    scan(qtbot, watcher)
    assert panel.list.count() == 1
    with qtbot.waitSignal(watcher.bundle_applied, timeout=10_000):
        panel.apply_button.click()
    assert names(vaults["bob"]) == ["Wang Quanzhang"]
    screen.clear()
    assert panel.list.count() == 0 and panel.detail.toPlainText() == ""


def test_send_changes_to_the_folder_from_the_screen(qtbot, vaults, tmp_path):
    context = VaultContext(TaskRunner())
    context.opened(vaults["alice"])
    save(vaults["alice"], WANG)
    screen = ColleaguesScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.refresh()
    dialog = screen.send_changes()
    dialog.check(vaults["bob"].identity.fingerprint)
    with qtbot.waitSignal(screen.said, timeout=10_000) as said:
        dialog.buttons.accepted.emit()
    assert said.args[0].startswith("Bundle written")
    context.tasks.wait()
    scanned = inbox.scan(vaults["bob"])
    assert len(scanned.pending) == 1 and scanned.pending[0].preview.new_case_ids == [WANG.id]
    context.closed()


def test_import_a_bundle_file_after_a_preview(qtbot, vaults, ctx, tmp_path):
    save(vaults["alice"], WANG)
    target = tmp_path / "by-usb.vigil"
    bundle.export_bundle(vaults["alice"], [vaults["bob"].identity.fingerprint], target)
    screen = ColleaguesScreen(ctx)
    qtbot.addWidget(screen)

    class Files:
        def open_file(self, *_args):
            return str(target)

    screen.files = Files()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.refresh()
    screen.import_bundle()
    qtbot.waitUntil(lambda: screen.dialog is not None, timeout=10_000)
    assert "Wang Quanzhang" in screen.dialog.text.toPlainText()
    assert names(vaults["bob"]) == []
    screen.dialog.reject()  # cancelled: nothing changes
    ctx.tasks.wait()
    assert names(vaults["bob"]) == []
    screen.import_bundle()
    qtbot.waitUntil(lambda: screen.dialog is not None, timeout=10_000)
    with qtbot.waitSignal(screen.said, timeout=10_000) as said:
        screen.dialog.accept()
    assert said.args[0].startswith("Bundle applied")
    assert names(vaults["bob"]) == ["Wang Quanzhang"]
    screen.import_bundle()  # again: already applied, one sentence, nothing changes
    qtbot.waitUntil(lambda: "already applied" in screen.notice.text(), timeout=10_000)
    assert screen.dialog is None


def test_choosing_the_exchange_folder(qtbot, vaults, ctx, tmp_path):
    other = tmp_path / "Nextcloud"
    other.mkdir()
    assert exchange_folder_text(vaults["bob"]) == str(vaults["folder"].resolve())
    assert not choose_exchange_folder(ctx, ask=lambda: "")  # cancelled
    with qtbot.waitSignal(ctx.changed, timeout=10_000) as changed:
        assert choose_exchange_folder(ctx, ask=lambda: str(other))
    assert changed.args == ["settings"]
    assert exchange_folder_text(vaults["bob"]) == str(other.resolve())
    inbox.set_folder(vaults["bob"], None)
    assert exchange_folder_text(vaults["bob"]) == "No exchange folder is set."


def test_a_poisoned_file_beside_a_bundle_is_listed_as_refused(qtbot, vaults, watcher):
    """A file anyone who knows bob's public age key can write (a manifest 100,000 lists
    deep, no signing key) never stops the scan: the bundle beside it is still offered."""
    save(vaults["alice"], WANG)
    good = send(vaults)
    bad = vaults["folder"] / "0-poisoned.vigil"  # scanned first
    archive = b"".join(container.archive_chunks(
        [container.Entry(container.MANIFEST, DEEP, lambda: [b"[" * DEEP]),
         container.Entry(container.SIGNATURE, 64, lambda: [bytes(64)])], 0))
    bad.write_bytes(pyrage.encrypt(archive, [pyrage.x25519.Recipient.from_str(
        vaults["bob"].identity.public.recipient)]))
    scan(qtbot, watcher)
    assert [r.path for r in watcher.pending] == [good]
    [refused] = watcher.refused
    assert refused.name == bad.name and "signature" in refused.reason
    with qtbot.waitSignal(watcher.bundle_applied, timeout=10_000):
        assert watcher.apply(good.name)
    assert names(vaults["bob"]) == ["Wang Quanzhang"]


def _travel_mode(vault) -> None:
    """As after `vigil travel prepare` (the strip itself is tested in tests/services)."""
    from app.services.travel import TRAVEL_MODE

    vault.set_meta(TRAVEL_MODE, "2026-11-01")


def test_in_travel_mode_an_import_asks_before_putting_cases_on_the_laptop(
        qtbot, vaults, ctx, tmp_path):
    save(vaults["alice"], WANG)
    target = tmp_path / "by-usb.vigil"
    bundle.export_bundle(vaults["alice"], [vaults["bob"].identity.fingerprint], target)
    _travel_mode(vaults["bob"])
    screen = ColleaguesScreen(ctx)
    qtbot.addWidget(screen)

    class Files:
        def open_file(self, *_args):
            return str(target)

    screen.files = Files()
    with qtbot.waitSignal(screen.loaded, timeout=10_000):
        screen.refresh()
    screen.import_bundle()
    qtbot.waitUntil(lambda: screen.dialog is not None, timeout=10_000)
    dialog = screen.dialog
    assert "1 case not on this laptop" in dialog.text.toPlainText()
    apply_button = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not apply_button.isEnabled()  # until the user says so
    dialog.allow.setChecked(True)
    assert apply_button.isEnabled()
    with qtbot.waitSignal(screen.said, timeout=10_000) as said:
        dialog.accept()
    assert said.args[0].startswith("Bundle applied")
    assert names(vaults["bob"]) == ["Wang Quanzhang"]


def test_in_travel_mode_the_exchange_folder_cannot_be_set_and_apply_asks(
        qtbot, vaults, ctx, watcher):
    from app.errors import UserError
    from app.ui.exchange import IncomingPanel

    save(vaults["alice"], WANG)
    send(vaults)
    scan(qtbot, watcher)  # queued before the vault went into travel mode
    _travel_mode(vaults["bob"])
    with pytest.raises(UserError):
        inbox.set_folder(vaults["bob"], vaults["folder"])
    panel = IncomingPanel(watcher)
    qtbot.addWidget(panel)
    review = watcher.pending[0]
    review.preview.cases_not_here = 1  # as a review made in travel mode counts it
    box = panel.apply_current()
    assert box is not None and "1 case not on this laptop" in box.text()
    assert names(vaults["bob"]) == []
    with qtbot.waitSignal(watcher.bundle_applied, timeout=10_000):
        box.accept()
    assert names(vaults["bob"]) == ["Wang Quanzhang"]
