# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the GUI tests share: vaults made with the weakest accepted KDF and a fixed clock, a
VaultContext over the test's ``vault``, a screen shown once it has loaded, the import
wizard over a file, the main window unlocked, an in-memory key store and a small PNG;
English loaded as at start.

A test module defines its own ``vault`` fixture (usually with ``make_vault``) and gets
``ctx`` from here; a module that defines its own ``vault``, ``ctx`` or ``screen`` keeps it.
"""

from __future__ import annotations

import gc
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QBuffer, QCoreApplication, QEvent, QIODevice, QLocale
from PySide6.QtGui import QColor, QImage

from app.ui import i18n
from app.ui.collector import UiThreadCollector
from app.ui.context import VaultContext
from app.ui.main_window import MainWindow
from app.ui.tasks import TaskRunner
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
PASSPHRASE = "passphrase for the desktop tests"


def _create(folder, seed, passphrase, clock, create_args) -> Vault:
    vault, _ = Vault.create(folder, passphrase, kdf=KdfParams.minimum(), clock=clock,
                            **create_args)
    if seed is not None:
        with vault.session() as session:
            seed(session)
    return vault


@pytest.fixture(scope="session", autouse=True)
def english(qapp):
    """English, as the app starts in it (app.ui.launch): its plural forms ("1 case")."""
    translators = i18n.install(qapp, "en")
    yield
    i18n.uninstall(translators)


@pytest.fixture(autouse=True)
def settled(qapp):
    """During each test only the UI thread collects garbage, as in the app
    (``app.ui.collector``); after it, the widgets it closed are deleted and its garbage is
    collected here, not at some point inside the next test's event loop."""
    collector = UiThreadCollector(qapp)
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    collector.stop()
    collector.deleteLater()


@pytest.fixture
def translation(qapp):
    """A translation the test may switch (pass it to the window or the wizard); English
    again afterwards."""
    switchable = i18n.Translation(qapp, "en")
    yield switchable
    i18n.uninstall(switchable.translators)
    QLocale.setDefault(i18n.locale_for("en"))


@pytest.fixture
def make_vault(tmp_path):
    """``make_vault(seed)``: a new open vault in ``tmp_path / folder``, with what
    ``seed(session)`` saves in it; closed after the test. ``reopen=True`` closes it once
    seeded and unlocks it again, as the app would."""
    made: list[Vault] = []

    def make(seed=None, *, folder: str = "vault", passphrase: str = PASSPHRASE,
             clock=lambda: NOW, reopen: bool = False, **create_args) -> Vault:
        path = tmp_path / folder
        vault = _create(path, seed, passphrase, clock, create_args)
        if reopen:
            vault.close()
            vault = Vault.unlock(path, passphrase=passphrase, daily_backup=False, clock=clock)
        made.append(vault)
        return vault

    yield make
    for vault in made:
        vault.close()


@pytest.fixture
def make_vault_dir(tmp_path):
    """``make_vault_dir(seed)``: the folder of a new vault, seeded and closed (for the
    window to unlock)."""

    def make(seed=None, *, folder: str = "vault", passphrase: str = PASSPHRASE,
             clock=lambda: NOW, **create_args):
        path = tmp_path / folder
        _create(path, seed, passphrase, clock, create_args).close()
        return path

    return make


@pytest.fixture
def ctx(vault):
    """A VaultContext over the module's ``vault``; its jobs finished after the test."""
    context = VaultContext(TaskRunner())
    context.opened(vault)
    yield context
    context.tasks.wait()
    context.closed()


@pytest.fixture
def shown(qtbot, ctx):
    """``shown(screen)``: the screen shown, once its first load is in; cleared (as on
    lock) after the test."""
    screens = []

    def show(screen, *, timeout: int = 10_000):
        qtbot.addWidget(screen)
        screens.append(screen)
        with qtbot.waitSignal(screen.loaded, timeout=timeout):
            screen.show()
        return screen

    yield show
    for screen in screens:
        screen.clear()
    ctx.tasks.wait()


@pytest.fixture
def import_wizard(qtbot, ctx):
    """``import_wizard(path)``: File -> Import's wizard over ``ctx`` for ``path``, shown at
    1280x720 once the file is read (in the background, then the vault asked for the mapping
    it last imported these headers with: both answers come through the event loop)."""
    from app.ui.import_wizard import ImportWizard

    made: list[ImportWizard] = []

    def make(path) -> ImportWizard:
        w = ImportWizard(ctx, path)
        with qtbot.waitSignal(w.file_ready, timeout=60_000):
            pass
        qtbot.addWidget(w)
        w.resize(1280, 720)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
    ctx.tasks.wait()


@pytest.fixture
def open_window(qtbot):
    """``open_window(vault_dir, **window_args)``: the main window, shown and unlocked with
    ``passphrase``, once the dashboard and the case list are in; locked after the test."""
    windows = []

    def open_(vault_dir, *, passphrase: str = PASSPHRASE, **window_args) -> MainWindow:
        window_args.setdefault("clock", lambda: NOW)
        win = MainWindow(vault_dir, **window_args)
        qtbot.addWidget(win)
        windows.append(win)
        win.show()
        with qtbot.waitSignals([win.vault_unlocked, win.cases_shown, win.dashboard_shown],
                               timeout=20_000):
            win.unlock_with(passphrase)
        win.tasks.wait()  # the daily backup too: nothing writes to disk behind the test
        return win

    yield open_
    for win in windows:
        win.lock()


class MemoryKeyStore:
    """The key store protocol (app.vault.keychain.KeyStore), in a dict."""

    def __init__(self) -> None:
        self.secrets: dict[str, bytes] = {}

    def store(self, account, secret) -> None:
        self.secrets[account] = secret

    def load(self, account):
        return self.secrets.get(account)

    def forget(self, account) -> None:
        self.secrets.pop(account, None)


@pytest.fixture
def keystore() -> MemoryKeyStore:
    return MemoryKeyStore()


@pytest.fixture
def png(qapp) -> bytes:
    """An 8×8 blue PNG, as a photo or an image attachment."""
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())
