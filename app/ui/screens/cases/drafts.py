# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Offering back, after unlock, the edits to a case that were kept (encrypted, in the vault)
when Vigil locked: restore them into the case's form, or discard them.

A draft left unanswered stays in the vault for the next unlock; nothing of it is written
anywhere else.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.services import drafts
from app.ui import plain
from app.ui.context import VaultContext
from app.ui.screens.cases.detail import CaseDetail


class DraftOffer(QObject):
    checked = Signal(bool)  # after unlock: whether edits kept at lock were offered

    def __init__(self, ctx: VaultContext, screen: QWidget, detail: CaseDetail) -> None:
        super().__init__(screen)
        self.ctx, self._screen, self._detail = ctx, screen, detail
        self.box: QMessageBox | None = None  # "restore or discard" after unlock
        self.restoring: drafts.Draft | None = None  # put back once its case is shown
        self._carried = False  # ``restoring`` came in memory (a rebuild), not from the vault
        ctx.vault_opened.connect(self.look)
        if ctx.vault is not None:  # built after the unlock: its signal was missed
            self.look()

    def look(self) -> None:
        self.ctx.read(drafts.pending, self._offer)

    def _offer(self, found: list[drafts.Draft]) -> None:
        """Unlocked: offer back the edits the lock kept (a draft left unanswered stays in
        the vault, for the next unlock)."""
        draft = next((d for d in found if d.kind == drafts.CASE), None)
        if draft is None or self.box is not None:
            self.checked.emit(False)
            return
        if draft.new:
            text = self.tr("You were adding a new case when Vigil locked, and had not saved "
                           "it. Restore it, or discard it?")
        else:
            text = self.tr("You were editing the case of {0} when Vigil locked, and had not "
                           "saved your changes. Restore them, or discard them?"
                           ).format(draft.title)
        box = plain.message_box(QMessageBox.Icon.Question, self.tr("Unsaved changes"), text,
                                self._screen)
        restore = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(restore)

        def answered(button) -> None:
            if button is restore:
                self._restore(draft)
            elif button is discard:
                self._forget(draft)
                self.ctx.say(self.tr("The changes that were not saved were discarded."))

        box.buttonClicked.connect(answered)
        box.finished.connect(self._closed)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.box = box
        box.open()
        self.checked.emit(True)

    def _closed(self, _result: int) -> None:
        self.box = None

    def _restore(self, draft: drafts.Draft) -> None:
        """Show the case (through the window, which brings the Cases screen up) and put the
        draft back into its form once it is shown (``open_case``, ``show_case``)."""
        self.restoring = draft
        self.ctx.case_requested.emit(draft.record_id)

    def carry(self, draft: drafts.Draft) -> None:
        """Edits handed over by the screen this one replaces (the window rebuilt in another
        language): put back once their case is shown, silently; none is in the vault."""
        self.restoring, self._carried = draft, True

    def restored(self, case_id: str) -> bool:
        """Put the draft being restored back into the case's form, if ``case_id`` is
        its case (just shown)."""
        draft = self.restoring
        if draft is None or draft.record_id != case_id:
            return False
        self.restoring = None
        self._detail.restore_draft(draft)
        if self._carried:
            self._carried = False
            return True
        self._forget(draft)
        self.ctx.say(self.tr("The changes you had not saved are back; save or revert them."))
        return True

    def _forget(self, draft: drafts.Draft) -> None:
        self.ctx.read(lambda session: drafts.discard(session, draft.kind), lambda _r: None)
