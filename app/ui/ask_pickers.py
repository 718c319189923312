# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The pickers of the "Log ask" dialog: one line naming an official or an organisation
(``PartyField``), and a searchable multi-select over the cases (``CasePicker``).

They hold plain values (labels and IDs) handed to them; they never read the vault.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QListView, QVBoxLayout, QWidget

from app.ui.plain import PlainLabel

OFFICIAL, ORGANISATION = "official", "organisation"


def party_choices(orgs, people) -> list[tuple[str, str, str]]:
    """(label, kind, id) for every organisation and official; labels are unique, because
    the label is what the caseworker types and what resolves to the one meant."""
    names = {o.id: o.name for o in orgs}
    raw = [(o.name, ORGANISATION, o.id) for o in orgs]
    for p in people:
        org = names.get(p.organisation_id) if p.organisation_id else None
        raw.append((f"{p.name} \u2014 {org}" if org else p.name, OFFICIAL, p.id))
    seen: dict[str, int] = {}
    for text, _kind, _id in raw:
        seen[text.casefold()] = seen.get(text.casefold(), 0) + 1
    return [(f"{text} [{ident[:8]}]" if seen[text.casefold()] > 1 else text, kind, ident)
            for text, kind, ident in raw]


class PartyField(QLineEdit):
    """One line for "an official OR an organisation", completed over both."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setPlaceholderText(self.tr("Start typing a name, then pick from the list"))
        self.setClearButtonEnabled(True)
        self._by_label: dict[str, tuple[str, str]] = {}
        self._by_id: dict[tuple[str, str], str] = {}
        self._completer = QCompleter([], self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(self._completer)

    def set_choices(self, choices: list[tuple[str, str, str]]) -> None:
        self._by_label = {text.casefold(): (kind, ident) for text, kind, ident in choices}
        self._by_id = {(kind, ident): text for text, kind, ident in choices}
        cast(QStringListModel, self._completer.model()).setStringList(
            [text for text, _k, _i in choices])

    def set_party(self, kind: str, ident: str | None) -> None:
        if ident:
            self.setText(self._by_id.get((kind, ident), ""))

    def party(self) -> tuple[str, str] | None:
        """(kind, id) of what the text names, or None if it names nothing known."""
        return self._by_label.get(self.text().strip().casefold())


class CasePicker(QWidget):
    """A searchable multi-select over the cases: a filter box and a checkable list."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter cases by name"))
        self.filter.setAccessibleName(self.tr("Filter cases"))
        self.filter.setClearButtonEnabled(True)
        self._filling = False
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName(self.tr("Cases this ask names"))
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(120)
        self.chosen = PlainLabel()
        self.chosen.setWordWrap(True)
        self.chosen.setAccessibleName(self.tr("Chosen cases"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.model.itemChanged.connect(self._update)
        # Enter in the filter box or the list must not save the dialog half-filled.
        self.filter.installEventFilter(self)
        self.list.installEventFilter(self)
        self._update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.list:
                self._toggle(self.list.currentIndex())
            elif self.proxy.rowCount() == 1:
                self._toggle(self.proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def _toggle(self, index) -> None:
        if index.isValid():
            item = self.model.itemFromIndex(self.proxy.mapToSource(index))
            item.setCheckState(Qt.CheckState.Unchecked if item.checkState() ==
                               Qt.CheckState.Checked else Qt.CheckState.Checked)

    def set_cases(self, cases, checked: tuple[str, ...]) -> None:
        """``cases``: (id, display name, name in original script); checked ones first."""
        wanted = set(checked)
        self._filling = True  # (blocking the model's signals would leave the proxy stale)
        self.model.clear()
        for case_id, name, original in sorted(cases, key=lambda c: c[0] not in wanted):
            item = QStandardItem(f"{name}  {original}" if original else name)
            item.setData(case_id, Qt.ItemDataRole.UserRole)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if case_id in wanted
                               else Qt.CheckState.Unchecked)
            self.model.appendRow(item)
        self._filling = False
        self._update()

    def _checked_items(self) -> list[QStandardItem]:
        return [self.model.item(row) for row in range(self.model.rowCount())
                if self.model.item(row).checkState() == Qt.CheckState.Checked]

    def checked_ids(self) -> tuple[str, ...]:
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in self._checked_items())

    def set_checked(self, case_id: str, checked: bool = True) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == case_id:
                item.setCheckState(Qt.CheckState.Checked if checked else
                                   Qt.CheckState.Unchecked)

    def _update(self, *_args) -> None:
        if self._filling:
            return
        items = self._checked_items()
        self.chosen.setText(self.tr("No case chosen yet.") if not items else
                            self.tr("{0} chosen: {1}").format(
                                len(items), "; ".join(i.text() for i in items)))
        self.changed.emit()
