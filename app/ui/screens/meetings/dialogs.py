# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Meetings screen's dialogs for its list of cases: picking a case to raise, and
choosing among the suggested ones (recording the outcome is in ``outcome``).

They get plain case summaries and names and hand back IDs; the screen adds them. They never
touch a session.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.domain.enums import Consent
from app.services import cases as case_service
from app.services.dashboard import BriefLine
from app.ui.plain import PlainLabel

ID_ROLE = Qt.ItemDataRole.UserRole


class CasePicker(QDialog):
    """Choose one case by typing any part of its name (Latin or original script)."""

    def __init__(self, cases: list[case_service.CaseSummary], exclude: set[str],
                 parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a case"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Type part of a name in any script…"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.list = QListWidget()
        for case in cases:
            if case.id in exclude:
                continue
            text = case.display_name + (f"  {case.name_original}" if case.name_original else "")
            if case.consent == Consent.DO_NOT_RAISE:
                text += "  " + self.tr("(do not raise)")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, case.id)
            self.list.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(wanted) and wanted not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        if first is not None:
            self.list.setCurrentRow(first)

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None and not item.isHidden() else None


REASONS = {
    "citizen": QT_TRANSLATE_NOOP("SuggestionsDialog", "a citizen"),
    "unanswered": QT_TRANSLATE_NOOP("SuggestionsDialog", "raised without an answer"),
    "never_raised": QT_TRANSLATE_NOOP("SuggestionsDialog", "never raised by them"),
    "priority": QT_TRANSLATE_NOOP("SuggestionsDialog", "top priority"),
}


def suggestion_text(line: BriefLine) -> str:
    """A suggested case as the list shows it: its names and why it is suggested."""
    name = line.case.display_name
    if line.case.name_original:
        name += f"  {line.case.name_original}"
    reasons = [QCoreApplication.translate("SuggestionsDialog", REASONS[r])
               for r in line.reasons if r in REASONS]
    why = QCoreApplication.translate("SuggestionsDialog", ", ").join(reasons)
    return f"{name}  ({why})" if why else name


class SuggestionsDialog(QDialog):
    """The cases suggested for a meeting, none ticked yet: add all, some, or none."""

    def __init__(self, suggestions: list[tuple[str, str]], parent=None) -> None:
        """``suggestions``: (case ID, what to show: the name and why it is suggested)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggested cases"))
        intro = PlainLabel(self.tr("Tick the cases to add to this meeting's list."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Suggested cases"))
        for case_id, text in suggestions:
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, case_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)  # a curated list stays as it is
            self.list.addItem(item)
        self.all_button = QPushButton(self.tr("Tick all"))
        self.none_button = QPushButton(self.tr("Tick none"))
        self.all_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Checked))
        self.none_button.clicked.connect(lambda: self._tick_all(Qt.CheckState.Unchecked))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = buttons.addButton(self.tr("Add ticked cases"),
                                            QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemChanged.connect(lambda _item: self._update())
        ticks = QHBoxLayout()
        ticks.addWidget(self.all_button)
        ticks.addWidget(self.none_button)
        ticks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(ticks)
        layout.addWidget(buttons)
        self.setMinimumSize(520, 360)
        room = self.screen().availableGeometry()
        self.resize(min(760, room.width() - 40), min(560, room.height() - 40))
        self._update()

    def _tick_all(self, state: Qt.CheckState) -> None:
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    def _update(self) -> None:
        self.add_button.setEnabled(bool(self.chosen_ids()))

    def chosen_ids(self) -> list[str]:
        """The ticked cases, in the order suggested."""
        return [self.list.item(row).data(ID_ROLE) for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]
