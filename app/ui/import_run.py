# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The import wizard's last two pages: the preview (the sheet converted and checked against
the vault, or every problem) and the import itself, both through the task runner.

All or nothing: a sheet with any problem imports nothing, and a cancelled or failed import
rolls its one transaction back.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QProgressBar, QPushButton, QVBoxLayout, QWizard, QWizardPage

from app.domain.model import Document
from app.errors import Cancelled, VigilError
from app.services import bulk, import_memory, sheet_import
from app.services.interchange import InterchangeError
from app.services.spreadsheet import MAX_PROBLEMS, SheetResult, convert_grid
from app.services.spreadsheet_mapping import Mapping, SpreadsheetError
from app.ui.context import CASES
from app.ui.i18n import label
from app.ui.import_pages import PAGE_IMPORT, _item, _table
from app.ui.import_problems import refusal, sheet_problem
from app.ui.interchange_problems import interchange_problems
from app.ui.plain import PlainLabel
from app.ui.tasks import Job

if TYPE_CHECKING:
    from app.ui.import_wizard import ImportWizard
PREVIEW_ROWS = 50


@dataclass(frozen=True)
class Preview:
    doc: Document
    sheet: SheetResult | None  # None for an interchange file
    outcome: sheet_import.Outcome
    headers: tuple[str, ...] = ()
    mapping: Mapping | None = None  # the sheet's, remembered by the vault once imported


class PreviewPage(QWizardPage):
    """The first cases as they will be created, or every problem; nothing imports until
    there are none."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("The first cases as they will be saved, or every problem "
                                 "that stops the import."))
        self.summary = PlainLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.cases = _table([self.tr("Display name"), self.tr("Name in original script"),
                             self.tr("Gender"), self.tr("Status"), self.tr("Events")],
                            stretch=1)
        self.problems = _table([self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                self.tr("Problem")])
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.cases)
        layout.addWidget(self.problems)
        self.result: Preview | None = None
        self.job: Job | None = None

    def initializePage(self) -> None:
        if self.job is not None:  # a preview of an earlier mapping: its result is not wanted
            self.job.cancel()
        self.result = None
        self.cases.setRowCount(0)
        self.problems.setRowCount(0)
        self.cases.show()
        self.problems.hide()
        self.progress.show()
        self.progress.setValue(0)
        self.summary.setText(self.tr("Reading the sheet…"))
        draft = self.wiz.draft
        grid = draft.grid_to_convert() if not draft.is_json else None
        header_row, path = draft.header_row, draft.path
        headers = tuple(draft.header()) if grid is not None else ()
        try:  # read here: the pages may change the draft's mapping while the job runs
            mapping = draft.checked_mapping() if grid is not None else None
        except SpreadsheetError as error:
            self._refused(error)
            self.completeChanged.emit()
            return

        def work(vault, job: Job) -> Preview:
            if grid is None:
                assert path is not None
                with vault.session() as session:
                    doc, _ = bulk.read_document(session, path)
                    return Preview(doc, None, sheet_import.outcome(session, doc,
                                                                   merge_cases=False))
            assert mapping is not None
            result = convert_grid(grid, mapping, header_row=header_row, progress=job.report,
                                  cancelled=job.cancelled)
            with vault.session() as session:
                doc = sheet_import.check_document(session, result.document)
                return Preview(doc, result, sheet_import.outcome(session, doc,
                                                                 merge_cases=True),
                               headers, mapping)

        self.job = self.wiz.ctx.run(work, self._shown, on_failed=self._refused,
                                    on_progress=self._progressed)
        self.completeChanged.emit()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _shown(self, preview: Preview) -> None:
        self.result = preview
        self.progress.hide()
        out = preview.outcome
        text = self.tr("{0} new cases, {1} updated, {2} unchanged.").format(
            out.created, out.updated, out.unchanged)
        if preview.sheet is not None and preview.sheet.noted_columns:
            text += " " + self.tr("Kept in the internal notes: {0}.").format(
                ", ".join(preview.sheet.noted_columns))
        if preview.sheet is not None and not preview.sheet.stable_ids:
            text += " " + self.tr("No column identifies a row: importing this sheet again "
                                  "would make every case again.")
        self.summary.setText(text)
        shown = preview.doc.cases[:PREVIEW_ROWS]
        self.cases.setRowCount(len(shown))
        for row, case in enumerate(shown):
            texts = (case.display_name, case.name_original or "",
                     label(case.gender) if case.gender else "",
                     label(case.status) if case.status else "", str(len(case.events)))
            for column, text in enumerate(texts):
                self.cases.setItem(row, column, _item(text))
        self.completeChanged.emit()
        self.wiz.preview_ended.emit()

    def _refused(self, error: BaseException) -> None:
        self.progress.hide()
        self.cases.hide()
        self.problems.show()
        rows: list[tuple[str, str, str, str]] = []
        if isinstance(error, SpreadsheetError) and error.details:
            rows = [("" if p.row is None else str(p.row), (p.column or "").strip('"'),
                     p.value or "", sheet_problem(p)) for p in error.details]
        elif isinstance(error, InterchangeError):
            rows = [("", "", "", problem) for problem in interchange_problems(error)]
        elif isinstance(error, VigilError):
            rows = [("", "", "", refusal(error))]
        else:
            rows = [("", "", "", self.tr("Something went wrong; nothing was changed."))]
        self.summary.setText(self.tr("Nothing can be imported until every problem is fixed "
                                     "({0} listed). Go back to change the mapping, or fix "
                                     "the sheet and open it again.").format(len(rows)))
        if isinstance(error, SpreadsheetError) and len(rows) >= MAX_PROBLEMS:
            # only the first are listed: the service's sentence says how many there are
            self.summary.setText(self.summary.text() + "\n" + refusal(error))
        self.problems.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                self.problems.setItem(row, column, _item(text))
        self.completeChanged.emit()
        self.wiz.preview_ended.emit()

    def isComplete(self) -> bool:
        return self.result is not None

    def cleanupPage(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def nextId(self) -> int:
        return PAGE_IMPORT


class ImportPage(QWizardPage):
    """The import itself, in one transaction, then what it did."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Import"))
        self.setSubTitle(self.tr("All or nothing, in one step: a cancelled or failed import "
                                 "changes nothing."))
        self.summary = PlainLabel()
        self.summary.setWordWrap(True)
        self.progress = QProgressBar()
        self.cancel = QPushButton(self.tr("Cancel import"))
        self.cancel.clicked.connect(self._cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel)
        layout.addStretch()
        self.job: Job | None = None
        self.ended = False
        # Not the job's own flag: a cancel that comes after the commit must not turn a
        # finished import into a "cancelled" one.
        self.stop = threading.Event()

    def initializePage(self) -> None:
        preview = self.wiz.preview.result
        assert preview is not None
        self.ended = False
        self.stop = stop = threading.Event()
        self.summary.setText(self.tr("Importing…"))
        self.progress.setRange(0, 0)  # one transaction: no steps to count
        self.progress.show()
        self.cancel.show()
        self.cancel.setEnabled(True)
        merge = preview.sheet is not None

        def work(vault, _job: Job) -> sheet_import.Outcome | None:
            """The outcome, or None when cancelled (then the transaction rolled back)."""
            try:
                with vault.session() as session:
                    outcome = sheet_import.outcome(session, preview.doc, merge_cases=merge)
                    if stop.is_set():
                        raise Cancelled()
                    bulk.import_document(session, preview.doc, merge_cases=merge)
                    if preview.mapping is not None:
                        import_memory.remember_mapping(session, list(preview.headers),
                                                       preview.mapping)
                    if stop.is_set():  # the transaction rolls back: nothing was imported
                        raise Cancelled()
                    return outcome
            except Cancelled:  # a result, not a failure: no signal to miss
                return None

        self.job = self.wiz.ctx.run(work, self._done, on_failed=self._failed)
        self.wiz.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.completeChanged.emit()

    def _cancel(self) -> None:
        self.stop.set()
        self.cancel.setEnabled(False)

    def _end(self, text: str) -> None:
        self.ended = True
        self.progress.hide()
        self.cancel.hide()
        # Over: closing now cancels nothing, so only Finish is offered.
        self.wiz.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.summary.setText(text)
        self.completeChanged.emit()

    def _done(self, out: sheet_import.Outcome | None) -> None:
        if out is None:
            self._end(self.tr("Import cancelled: nothing was imported."))
            self.wiz.import_cancelled.emit()
            return
        preview = self.wiz.preview.result
        text = self.tr("Imported: {0} new cases, {1} updated, {2} unchanged.").format(
            out.created, out.updated, out.unchanged)
        if preview is not None and preview.sheet is not None and preview.sheet.noted_columns:
            text += "\n" + self.tr("Kept in the internal notes: {0}.").format(
                ", ".join(preview.sheet.noted_columns))
        self._end(text)
        self.wiz.ctx.changed.emit(CASES)
        self.wiz.imported.emit(out)

    def _failed(self, error: BaseException) -> None:
        self._end(self.tr("Nothing was imported: {0}").format(
            refusal(error) if isinstance(error, VigilError) else
            self.tr("something went wrong.")))
        self.wiz.import_failed.emit()

    def isComplete(self) -> bool:
        return self.ended

    def isFinalPage(self) -> bool:
        return True
