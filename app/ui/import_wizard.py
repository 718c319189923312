# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Import…: a spreadsheet (or an interchange file) into the vault, with a preview.

The file is read once into memory, off the UI thread; conversion, the check against the
vault and the import run through the task runner (import_run). Never writes the sheet, the
mapping or any cell anywhere but the vault (a mapping file only where the user saves one).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from app.errors import VigilError
from app.services import import_memory
from app.services.spreadsheet_mapping import Mapping
from app.ui import filedialogs
from app.ui.context import VaultContext
from app.ui.import_draft import ImportDraft
from app.ui.import_pages import (
    PAGE_COLUMNS,
    PAGE_DATES,
    PAGE_FILE,
    PAGE_IMPORT,
    PAGE_PREVIEW,
    PAGE_VALUES,
    ColumnsPage,
    DatesPage,
    FilePage,
    ValuesPage,
)
from app.ui.import_problems import refusal
from app.ui.import_run import ImportPage, PreviewPage
from app.ui.plain import message_box


class ImportWizard(QWizard):
    preview_ended = Signal()
    imported = Signal(object)  # sheet_import.Outcome
    import_failed = Signal()
    import_cancelled = Signal()
    file_ready = Signal()  # the file was read (or refused) and the vault asked for a mapping

    def __init__(self, ctx: VaultContext, path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.draft = ImportDraft()
        self.setWindowTitle(self.tr("Import cases"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self.draft, ctx.tasks)
        self.columns = ColumnsPage(self.draft)
        self.values = ValuesPage(self.draft)
        self.dates = DatesPage(self.draft)
        self.preview = PreviewPage(self)
        self.run_page = ImportPage(self)
        for page_id, page in ((PAGE_FILE, self.file_page), (PAGE_COLUMNS, self.columns),
                              (PAGE_VALUES, self.values), (PAGE_DATES, self.dates),
                              (PAGE_PREVIEW, self.preview), (PAGE_IMPORT, self.run_page)):
            self.setPage(page_id, page)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Load mapping…"))
        self.setButtonText(QWizard.WizardButton.CustomButton2, self.tr("Save mapping…"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1)
        self.setOption(QWizard.WizardOption.HaveCustomButton2)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.customButtonClicked.connect(self._custom)
        self.currentIdChanged.connect(self._page_changed)
        self.mapping_loaded = False  # a mapping file was loaded: the vault's is not wanted
        self.file_page.file_opened.connect(self._recall)
        if path is not None:
            self.file_page.open(path)

    def _recall(self) -> None:
        """Start from the mapping this vault last imported a sheet of these headers with."""
        draft = self.draft
        # An interchange file, or refused (unreadable, empty): nothing to recall.
        if draft.grid is None or draft.refusal() is not None:
            draft.recalling = False
            self.file_page.initializePage()
            self._page_changed(self.currentId())  # no mapping buttons for interchange files
            self.file_ready.emit()
            return
        headers = draft.header()

        def done(mapping: Mapping | None) -> None:
            draft.recalling = False
            if mapping is not None and not self.mapping_loaded:
                draft.adopt(mapping)
            if self.currentPage() is self.file_page:
                self.file_page.initializePage()
            self.file_ready.emit()

        draft.recalling = True
        job = self.ctx.read(lambda session: import_memory.remembered_mapping(session, headers),
                            done, on_failed=lambda _error: done(None))
        if job is None:
            done(None)

    def _page_changed(self, page_id: int) -> None:
        sheet = not self.draft.is_json and page_id not in (PAGE_IMPORT,)
        for which in (QWizard.WizardButton.CustomButton1, QWizard.WizardButton.CustomButton2):
            self.button(which).setVisible(sheet)

    def _custom(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            path = filedialogs.open_file(self, self.tr("Load mapping"),
                                         self.tr("Mapping files (*.json)"))
            if path is not None:
                self.load_mapping(path)
        else:
            self.save_current_page()
            path = filedialogs.save_file(self, self.tr("Save mapping"), "mapping.json",
                                         self.tr("Mapping files (*.json)"))
            if path is not None:
                self.save_mapping(path)

    def save_current_page(self) -> None:
        """What the page on show has chosen, into the draft (as Next would)."""
        page = self.currentPage()
        if isinstance(page, ColumnsPage | ValuesPage):
            page.validatePage()

    def load_mapping(self, path: Path) -> bool:
        try:
            self.draft.load(path)
            self.mapping_loaded = True
        except VigilError as error:
            self._tell(refusal(error))
            return False
        page = self.currentPage()
        if isinstance(page, FilePage | ColumnsPage | ValuesPage | DatesPage | PreviewPage):
            page.initializePage()  # the preview converts again with the mapping loaded
        return True

    def save_mapping(self, path: Path) -> bool:
        try:
            self.draft.save(path)
        except (VigilError, OSError) as error:
            self._tell(refusal(error) if isinstance(error, VigilError) else
                       self.tr("The mapping file could not be written."))
            return False
        return True

    def _tell(self, text: str) -> None:
        box = message_box(QMessageBox.Icon.Warning, self.tr("Import cases"), text, self)
        box.open()

    def done(self, result: int) -> None:
        if self.preview.job is not None and not self.preview.job.ended():
            self.preview.job.cancel()
        self.run_page.stop.set()
        super().done(result)


def open_import_wizard(parent: QWidget | None, ctx: VaultContext,
                       path: Path | None = None) -> ImportWizard | None:
    """File → Import…: ask for the file (unless given one), then show the wizard
    (window-modal). None if no file was chosen or no vault is open."""
    if ctx.vault is None:
        return None
    if path is None:
        path = filedialogs.open_file(parent, QCoreApplication.translate(
            "ImportWizard", "Import cases"), QCoreApplication.translate(
            "FilePage", "Spreadsheets and interchange files (*.csv *.tsv *.txt *.xlsx *.xls "
            "*.ods *.json);;All files (*)"))
        if path is None:
            return None
    wizard = ImportWizard(ctx, path, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # the sheet's rows go with it
    wizard.resize(1000, 640)
    wizard.open()
    return wizard
