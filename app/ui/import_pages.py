# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The first pages of the import wizard: the file and its sheet, what each column fills,
what each vocabulary cell means, and how dates read. They only edit the wizard's
``ImportDraft``; nothing here touches the vault.

Every cell shown comes from someone's spreadsheet: table items and labels are plain text,
tooltips go through ``literal``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from app.domain.enums import EventKind
from app.errors import VigilError
from app.services.sheet_cells import CellProblem, cell_text, fold
from app.services.sheet_suggest import preview_columns, suggest_mapping
from app.services.spreadsheet_mapping import (
    CELL_KEYS,
    ENUM_KEYS,
    EVENT_PREFIX,
    convert_date,
    header_key,
)
from app.ui import filedialogs
from app.ui.i18n import label, tr
from app.ui.import_draft import IGNORE, NOTES, ImportDraft
from app.ui.import_problems import cell_problem, refusal
from app.ui.plain import PlainLabel, literal
from app.ui.tasks import TaskRunner

PAGE_FILE, PAGE_COLUMNS, PAGE_VALUES, PAGE_DATES, PAGE_PREVIEW, PAGE_IMPORT = range(6)
SAMPLES_SHOWN = 3


def field_choices() -> list[tuple[str, str]]:
    """(target, label) for every key one cell can fill, in the case editor's words."""
    return [
        ("display_name", tr("Display name")), ("name_original", tr("Name in original script")),
        ("other_names", tr("Other names")), ("gender", tr("Gender")),
        ("birth_year", tr("Birth year")), ("ethnicity", tr("Ethnicity")),
        ("nationalities", tr("Nationalities")), ("category", tr("Category")),
        ("occupation", tr("Occupation")), ("status", tr("Status")),
        ("status_since", tr("Status since")), ("location", tr("Last known location")),
        ("facility", tr("Facility")), ("charges", tr("Charges")),
        ("sentence", tr("Sentence")), ("sentence_ends", tr("Sentence ends")),
        ("lawyer_access", tr("Lawyer access")), ("family_access", tr("Family access")),
        ("consular_access", tr("Consular access")),
        ("health_concerns", tr("Health concerns")), ("consent", tr("Consent for advocacy")),
        ("sensitivity", tr("Sensitivity")), ("priority", tr("Priority")),
        ("tags", tr("Tags")), ("summary", tr("Public-safe summary")),
        ("internal_notes", tr("Internal notes")),
    ]


def _item(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)  # items are plain text; tooltips are not
    item.setToolTip(literal(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


def _table(headers: list[str], stretch: int = -1) -> QTableWidget:
    """A read-only table; column `stretch` (default: the last) takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch % len(headers), QHeaderView.ResizeMode.Stretch)
    return table


class FilePage(QWizardPage):
    """The file, its sheet, and which row holds the headers."""

    file_opened = Signal()  # read, or refused (the status says why)

    def __init__(self, draft: ImportDraft, tasks: TaskRunner) -> None:
        super().__init__()
        self.draft = draft
        self.tasks = tasks
        self.setTitle(self.tr("File and sheet"))
        self.setSubTitle(self.tr("A spreadsheet of cases (CSV, XLSX, XLS or ODS, one row a "
                                 "case) or an interchange JSON file."))
        self.path_label = PlainLabel()
        self.path_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_label, 1)
        file_row.addWidget(choose)
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self._sheet_chosen)
        self.sheet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 20)
        self.header_row.valueChanged.connect(self._header_chosen)
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Sheet:"), self.sheet)
        form.addRow(self.tr("Headers in row:"), self.header_row)
        form.addRow(self.status)
        self._filling = False

    def initializePage(self) -> None:
        self._show()

    def _choose(self) -> None:
        path = filedialogs.open_file(self, self.tr("Import cases"), self.tr(
            "Spreadsheets and interchange files (*.csv *.tsv *.txt *.xlsx *.xls *.ods "
            "*.json);;All files (*)"))
        if path is not None:
            self.open(path)

    def open(self, path: Path) -> None:
        """Read the file off the UI thread (a workbook can take seconds); Next waits."""
        self.draft.clear()
        self.draft.recalling = True
        self._show()
        self.status.setText(self.tr("Reading the file…"))
        mapping = self.draft.mapping
        self.tasks.run(lambda _job: ImportDraft.read(path, mapping), self._read,
                       self._refused, cancellable=False)

    def _read(self, read: ImportDraft) -> None:
        self.draft.take(read)
        self.draft.recalling = True  # until the wizard has asked the vault for a mapping
        self._show()
        self.file_opened.emit()

    def _refused(self, error: BaseException) -> None:
        self.draft.clear()
        self._show()
        self.status.setText(refusal(error) if isinstance(error, VigilError) else
                            self.tr("Vigil could not read that file."))
        self.file_opened.emit()

    def _show(self) -> None:
        draft = self.draft
        self._filling = True
        self.path_label.setText(draft.path.name if draft.path else self.tr("(none chosen)"))
        self.sheet.clear()
        self.sheet.addItems(list(draft.sheet_names))
        if draft.grid is not None and draft.grid.sheet:
            self.sheet.setCurrentText(draft.grid.sheet)
        self.sheet.setEnabled(len(draft.sheet_names) > 1)
        self.header_row.setValue(draft.header_row)
        self.header_row.setEnabled(draft.grid is not None)
        self._filling = False
        if draft.is_json:
            self.status.setText(self.tr("An interchange file: it is checked and shown "
                                        "before anything is imported."))
        elif draft.grid is not None:
            self._say_rows()
        self.completeChanged.emit()

    def _say_rows(self) -> None:
        """How many rows were read, or why the sheet (with this header row) cannot be
        imported: said here rather than after three pages of nothing to map."""
        assert self.draft.grid is not None
        refused = self.draft.refusal()
        self.status.setText(self.tr("{0} rows read.").format(len(self.draft.grid.rows))
                            if refused is None else refusal(refused))
        self.completeChanged.emit()

    def _sheet_chosen(self) -> None:
        if not self._filling and self.sheet.currentText():
            try:
                self.draft.choose_sheet(self.sheet.currentText())
            except VigilError as error:
                self.status.setText(refusal(error))
            self._show()

    def _header_chosen(self, row: int) -> None:
        if not self._filling:
            self.draft.choose_header_row(row)
            self._say_rows()

    def isComplete(self) -> bool:
        draft = self.draft
        readable = draft.is_json or (draft.grid is not None and draft.refusal() is None)
        return readable and not draft.recalling

    def nextId(self) -> int:
        return PAGE_PREVIEW if self.draft.is_json else PAGE_COLUMNS


class ColumnsPage(QWizardPage):
    """Each column with its header, first values, and what it fills."""

    def __init__(self, draft: ImportDraft) -> None:
        super().__init__()
        self.draft = draft
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("What each column fills. Columns kept in the internal notes "
                                 "become a “header: value” line on each case."))
        self.table = _table([self.tr("Column"), self.tr("First values"), self.tr("Fills")],
                            stretch=1)
        self.id_column = QComboBox()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        form = QFormLayout()
        form.addRow(self.tr("Column that identifies a row (so importing again updates):"),
                    self.id_column)
        layout.addLayout(form)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        draft = self.draft
        grid = draft.grid
        assert grid is not None
        if not draft.suggested:
            draft.mapping = suggest_mapping(grid, draft.header_row, draft.mapping).mapping
            draft.suggested = True
        columns = preview_columns(grid, draft.header_row, draft.mapping)
        self.table.setRowCount(len(columns))
        self.combos = []
        choices = [(NOTES, self.tr("Keep in internal notes")), (IGNORE, self.tr("Ignore")),
                   *field_choices(),
                   *[(EVENT_PREFIX + kind.value, self.tr("Event: {0}").format(label(kind)))
                     for kind in EventKind]]
        self.id_column.clear()
        self.id_column.addItem(self.tr("(none: every row is a new case)"), None)
        for row, column in enumerate(columns):
            header = column.header or self.tr("column {0}").format(column.index + 1)
            self.table.setItem(row, 0, _item(header))
            self.table.setItem(row, 1, _item(" | ".join(column.samples[:SAMPLES_SHOWN])))
            combo = QComboBox()
            # A header that names a case key ("Status") fills it whatever the mapping says:
            # the mapping file cannot send it to the notes, so that is not offered.
            names_key = bool(column.header) and header_key(column.header) in CELL_KEYS
            for target, text in choices:
                if not (names_key and target == NOTES):
                    combo.addItem(text, target)
            current = IGNORE if column.index in draft.ignored else (column.target or NOTES)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
            if column.header:
                self.id_column.addItem(column.header, column.header)
        if draft.mapping.id_column:
            self.id_column.setCurrentIndex(max(0, self.id_column.findData(
                draft.mapping.id_column)))
        self.headers = [c.header for c in columns]
        self.indexes = [c.index for c in columns]

    def targets(self) -> dict[int, str]:
        return {index: combo.currentData() for index, combo in zip(self.indexes, self.combos,
                                                                   strict=True)}

    def validatePage(self) -> bool:
        self.draft.set_columns(self.headers, self.targets(), self.id_column.currentData())
        return True


class ValuesPage(QWizardPage):
    """For every vocabulary column, each distinct cell, how often, and the value it means."""

    def __init__(self, draft: ImportDraft) -> None:
        super().__init__()
        self.draft = draft
        self.setTitle(self.tr("Values"))
        self.setSubTitle(self.tr("What each value of a list column means. A value left "
                                 "unmapped is a problem the preview lists."))
        self.table = _table([self.tr("Field"), self.tr("Value in the sheet"), self.tr("Rows"),
                             self.tr("Means")])
        QVBoxLayout(self).addWidget(self.table)
        self.combos: list[tuple[str, str, QComboBox]] = []

    def initializePage(self) -> None:
        draft = self.draft
        names = dict(field_choices())
        rows: list[tuple[str, str, int]] = []
        for index, key in draft.enum_columns():
            counts = Counter(cell_text(row[index]) for row in draft.body() if index < len(row))
            rows += [(key, raw, n) for raw, n in counts.items()
                     if raw and not draft.mapping.is_empty(raw)]
        self.table.setRowCount(len(rows))
        self.combos = []
        for row, (key, raw, count) in enumerate(rows):
            self.table.setItem(row, 0, _item(names.get(key, key)))
            self.table.setItem(row, 1, _item(raw))
            self.table.setItem(row, 2, _item(str(count)))
            combo = QComboBox()
            combo.addItem(self.tr("(not mapped)"), None)
            for member in ENUM_KEYS[key]:
                combo.addItem(label(member), member.value)  # type: ignore[arg-type]
            current = draft.mapping.value(key, raw)
            if current is None:
                direct = fold(raw).replace(" ", "_").replace("-", "_")
                current = direct if combo.findData(direct) > 0 else None
            combo.setCurrentIndex(max(0, combo.findData(current)))
            self.table.setCellWidget(row, 3, combo)
            self.combos.append((key, raw, combo))

    def validatePage(self) -> bool:
        self.draft.set_values([(key, raw, combo.currentData())
                               for key, raw, combo in self.combos])
        return True


class DatesPage(QWizardPage):
    """The date formats tried after ISO 8601, and how the first cells of each date column
    read with them."""

    def __init__(self, draft: ImportDraft) -> None:
        super().__init__()
        self.draft = draft
        self.setTitle(self.tr("Dates"))
        self.setSubTitle(self.tr("Dates such as 2014-03-05, 2014.3.5, 2014年3月5日 and "
                                 "2014.03.00 (March 2014) are read by themselves. Other "
                                 "formats, one a line, in Python's strptime notation:"))
        self.formats = QPlainTextEdit()
        self.formats.setMaximumHeight(90)
        self.formats.textChanged.connect(self._show)
        self.table = _table([self.tr("Column"), self.tr("Cell"), self.tr("Read as")])
        self.detected = PlainLabel()
        self.detected.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.formats)
        layout.addWidget(self.detected)
        layout.addWidget(self.table)

    def initializePage(self) -> None:
        draft = self.draft
        found, ambiguous = draft.detect_date_formats()
        if found and not draft.dates_detected:  # once: the user may remove them again
            draft.set_date_formats([*draft.mapping.date_formats, *found])
            draft.dates_detected = True
        texts = []
        if found:
            texts.append(self.tr("Found in this sheet and added: {0}").format(
                "  ".join(found)))
        if ambiguous:
            texts.append(self.tr("Some dates could be read more than one way ({0}): add the "
                                 "format that is meant.").format("  ".join(ambiguous)))
        self.detected.setText("\n".join(texts))
        self.detected.setVisible(bool(texts))
        self.formats.setPlainText("\n".join(draft.mapping.date_formats))
        self._show()

    def _show(self) -> None:
        draft = self.draft
        draft.set_date_formats(self.formats.toPlainText().split("\n"))
        header = draft.header()
        shown: list[tuple[str, str, str]] = []
        for index, _target in draft.date_columns():
            found = 0
            for row in draft.body():
                if index >= len(row) or draft.mapping.is_empty(cell_text(row[index])):
                    continue
                try:
                    read = convert_date(row[index], draft.mapping) or ""
                except CellProblem as problem:
                    read = self.tr("not read: {0}").format(cell_problem(problem))
                shown.append((header[index], cell_text(row[index]), read))
                found += 1
                if found == SAMPLES_SHOWN:
                    break
        self.table.setRowCount(len(shown))
        for number, texts in enumerate(shown):
            for column, text in enumerate(texts):
                self.table.setItem(number, column, _item(text))

    def nextId(self) -> int:
        return PAGE_PREVIEW

