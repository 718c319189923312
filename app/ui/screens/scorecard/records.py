# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The records a scorecard figure counts, in a simple list: cases (a row opens the case),
asks or encounters. Read off the UI thread as plain rows (``read_records``: a case's names
only, never the whole case: a figure may count 10,000 of them), shown by ``RecordsDialog``
through a list model that formats a row only when the view draws it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListView,
    QPushButton,
    QVBoxLayout,
)

from app.domain.enums import EncounterKind, Response
from app.services.ask_pages import read_block, rowid_of
from app.services.cases import case_names
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
        found = case_names(session, ids)
        return [Record(i, "case", found[i]) for i in ids if i in found]
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


_ROOT = QModelIndex()


class RecordsModel(QAbstractListModel):
    """The records as a list: a row's text is made when the view asks for it."""

    def __init__(self, records: list[Record], parent=None) -> None:
        super().__init__(parent)
        self._records = records

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._records)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(record)  # a tooltip too: a long name is elided in the list
        if role == Qt.ItemDataRole.UserRole:
            return record.id
        return None

    def text(self, record: Record) -> str:
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


class RecordsDialog(QDialog):
    case_requested = Signal(str)

    def __init__(self, title: str, records: list[Record], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Records counted"))
        self.resize(640, 420)
        self.model = RecordsModel(records, self)
        self.list = QListView()
        self.list.setAccessibleName(title)
        self.list.setUniformItemSizes(True)  # 10,000 rows laid out without measuring each
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setModel(self.model)
        heading = PlainLabel(self.tr("{0}: {1}").format(title, len(records)))
        heading.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button: QPushButton | None = None
        if records and records[0].kind == "case":
            self.open_button = buttons.addButton(self.tr("Open case"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
            self.open_button.clicked.connect(self._open)
            self.list.doubleClicked.connect(lambda _index: self._open())
            self.list.setCurrentIndex(self.model.index(0))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def texts(self) -> list[str]:
        """What the list shows, row by row."""
        return [self.model.index(row).data() for row in range(self.model.rowCount())]

    def _open(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self.case_requested.emit(index.data(Qt.ItemDataRole.UserRole))
            self.accept()
