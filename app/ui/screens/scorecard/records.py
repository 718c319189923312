# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The records a scorecard figure counts, in a simple list: cases (a row opens the case),
asks or encounters. Read off the UI thread (``read_records``), shown by ``RecordsDialog``."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.domain.enums import EncounterKind, Response
from app.services.ask_pages import read_block, rowid_of
from app.services.cases import get_cases
from app.services.encounters import get_encounter
from app.services.scorecard import Figure
from app.ui.i18n import label
from app.ui.plain import PlainLabel


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    kind: str  # "case", "ask" or "encounter"
    # case: name, original name; ask: date, public, response, case names;
    # encounter: dates, kind, title
    fields: tuple


def read_records(session, figure: Figure) -> list[Record]:
    ids = list(figure.ids)
    if figure.kind == "case":
        found = get_cases(session, ids)
        return [Record(i, "case", (found[i].display_name, found[i].name_original))
                for i in ids if i in found]
    if figure.kind == "ask":
        rowids = [r for r in (rowid_of(session, i) for i in ids) if r is not None]
        lines = [line for line in read_block(session, rowids) if line is not None]
        lines.sort(key=lambda line: line.date)
        return [Record(line.id, "ask", (line.date, line.public, line.response, line.cases))
                for line in lines]
    records = []
    for encounter_id in ids:
        encounter = get_encounter(session, encounter_id)
        when = str(encounter.starts_on) + (f" – {encounter.ends_on}" if encounter.ends_on
                                           else "")
        records.append(Record(encounter_id, "encounter",
                              (when, encounter.kind.value, encounter.title)))
    records.sort(key=lambda r: r.fields[0])
    return records


class RecordsDialog(QDialog):
    case_requested = Signal(str)

    def __init__(self, title: str, records: list[Record], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Records counted"))
        self.resize(640, 420)
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        for record in records:
            item = QListWidgetItem(self._text(record))
            item.setData(Qt.ItemDataRole.UserRole, record.id)
            self.list.addItem(item)
        heading = PlainLabel(self.tr("{0}: {1}").format(title, len(records)))
        heading.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button: QPushButton | None = None
        if records and records[0].kind == "case":
            self.open_button = buttons.addButton(self.tr("Open case"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
            self.open_button.clicked.connect(self._open)
            self.list.itemDoubleClicked.connect(lambda _item: self._open())
            self.list.setCurrentRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _text(self, record: Record) -> str:
        if record.kind == "case":
            name, original = record.fields
            return f"{name}  {original}" if original and original != name else name
        if record.kind == "ask":
            when, public, response, cases = record.fields
            words = [when, self.tr("public") if public else self.tr("private")]
            if response:
                words.append(label(Response(response)))
            return " · ".join(words) + ": " + ", ".join(cases)
        when, kind, title = record.fields
        return f"{when} · {label(EncounterKind(kind))} · {title}"

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.case_requested.emit(item.data(Qt.ItemDataRole.UserRole))
            self.accept()
