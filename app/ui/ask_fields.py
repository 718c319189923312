# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Two fields of the "Log ask" dialog: the level the ask was raised at (``LevelField``, by
default its raising official's) and the encounter it was made at (``EncounterField``, among
the raising government's encounters around the ask's date, looked up off the UI thread).

Neither changes its value by itself: a chosen encounter stays chosen when the government or
the date changes (the save then says why it cannot be), and the default level is shown as
the official's, never copied onto the ask.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.dates import FuzzyDate
from app.domain.enums import Level
from app.domain.model import Encounter
from app.errors import UserError
from app.services.encounters import NEAR_DAYS, encounters_near, get_encounter
from app.ui.context import VaultContext
from app.ui.i18n import label

_CLEARING_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class _ClearableCombo(QComboBox):
    """A drop-down whose first item is "none" (or "the default"): Delete returns to it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _CLEARING_KEYS:
            self.clear_choice()
            return
        super().keyPressEvent(event)

    def clear_choice(self) -> None:
        self.setCurrentIndex(0)


class LevelField(_ClearableCombo):
    """The ask's level: first "from the official: <their level>" (the ask stores none), then
    every level, which the ask then stores."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Level of the ask"))
        self.setToolTip(self.tr("How senior the person who raised it is. Left at the first "
                                "choice, it is the raising official's level."))
        self.addItem("", None)
        for level in Level:
            self.addItem(label(level), level.value)
        self.follow(None, official=False)

    def follow(self, level: Level | None, *, official: bool) -> None:
        """Show what the default is: the raising official's ``level``."""
        if level is not None:
            text = self.tr("From the official: {0}").format(label(level))
        elif official:
            text = self.tr("From the official: not recorded")
        else:
            text = self.tr("Not recorded")
        self.setItemText(0, text)

    def level(self) -> Level | None:
        """The level chosen for the ask; None when it follows the official."""
        value = self.currentData()
        return Level(value) if value else None

    def set_level(self, level: Level | None) -> None:
        self.setCurrentIndex(max(0, self.findData(level.value if level else None)))


def encounter_text(encounter: Encounter) -> str:
    """Its title and dates, as the list shows it."""
    dates = str(encounter.starts_on)
    if encounter.ends_on is not None and encounter.ends_on != encounter.starts_on:
        dates += f" \u2013 {encounter.ends_on}"
    return f"{encounter.title} ({dates})"


class EncounterField(_ClearableCombo):
    """The encounter the ask was made at: "none", then the raising government's encounters
    within ``NEAR_DAYS`` days of the ask's date, nearest first. ``look_up`` reads them off
    the UI thread (a result for an earlier government or date is dropped); ``loaded`` once
    the list is filled."""

    loaded = Signal()

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Encounter the ask was made at"))
        self.setToolTip(self.tr("A visit, dialogue, summit or summons of the raising "
                                "government around the date of the ask."))
        self._key: tuple[str | None, str | None] | None = None
        self._known: dict[str, Encounter] = {}
        self._wanted: str | None = None  # the ask's encounter, until its first list arrives
        self._none_item(0)

    def _none_item(self, found: int) -> None:
        text = self.tr("Not at an encounter") if found or self._key is None or \
            self._key[0] is None else \
            self.tr("Not at an encounter (none of this government's within {0} days)") \
            .format(NEAR_DAYS)
        if self.count():
            self.setItemText(0, text)
        else:
            self.addItem(text, None)

    def set_encounter_id(self, encounter_id: str | None) -> None:
        """Choose ``encounter_id`` once the list holding it has been read."""
        self._wanted = encounter_id

    def clear_choice(self) -> None:
        self._wanted = None
        super().clear_choice()

    def encounter_id(self) -> str | None:
        """The encounter chosen (the ask's own while its list is still being read)."""
        return self.currentData() or self._wanted

    def encounter(self) -> Encounter | None:
        return self._known.get(self.encounter_id() or "")

    def look_up(self, government_id: str | None, when: FuzzyDate | None) -> None:
        """List the encounters of ``government_id`` around ``when`` (none if either is
        unknown); nothing is read again for the same two."""
        key = (government_id, str(when) if when else None)
        if key == self._key:
            return
        self._key = key
        chosen = self.currentData() or self._wanted
        known = set(self._known)

        def read(session) -> tuple[list[Encounter], Encounter | None]:
            near = encounters_near(session, government_id, when) \
                if government_id and when else []
            if not chosen or chosen in known or any(e.id == chosen for e in near):
                return near, None
            try:
                return near, get_encounter(session, chosen)
            except UserError:  # deleted since: the ask is at no encounter any more
                return near, None

        self.ctx.read(read, lambda result: self._arrived(key, result))

    def _arrived(self, key, result: tuple[list[Encounter], Encounter | None]) -> None:
        if not shiboken6.isValid(self) or key != self._key:  # closed, or the government or
            return                                             # date changed meanwhile
        near, extra = result
        for encounter in (*near, *((extra,) if extra else ())):
            self._known[encounter.id] = encounter
        chosen = self.currentData() or self._wanted
        self._wanted = None
        shown = list(near)
        if chosen in self._known and all(e.id != chosen for e in near):
            shown.insert(0, self._known[chosen])  # kept, though not of this government or date
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for encounter in shown:
            self.addItem(encounter_text(encounter), encounter.id)
        self._none_item(len(near))
        self.setCurrentIndex(max(0, self.findData(chosen)) if chosen else 0)
        self.blockSignals(False)
        self.loaded.emit()
