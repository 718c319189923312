# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Settings group for sharing with colleagues: which exchange folder bundles go through.

The folder is read in the background (a network folder can hang); never on the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from app.ui.context import VaultContext
from app.ui.exchange import choose_exchange_folder, exchange_folder_text
from app.ui.plain import PlainLabel


class ExchangeGroup(QGroupBox):
    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sharing with colleagues"), parent)
        self.ctx = ctx
        self.folder = PlainLabel(self.tr("No exchange folder is set."))
        self.folder.setWordWrap(True)
        self.choose = QPushButton(self.tr("Choose exchange folder…"))
        self.choose.clicked.connect(self._choose)
        note = PlainLabel(self.tr("A folder your sync tool (Syncthing, Nextcloud, a shared drive) "
                                   "keeps in step with colleagues. Vigil writes bundles there and "
                                   "picks up the ones addressed to you."))
        note.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(note)
        box.addWidget(self.folder)
        box.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignLeft)

    def refresh(self) -> None:
        self.ctx.run(lambda vault, _job: exchange_folder_text(vault), self.folder.setText)

    def _choose(self) -> None:
        choose_exchange_folder(self.ctx, self.window(), on_done=self.refresh)
