# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Export…: the case list as shown (CSV or XLSX, for one's own reports) or the whole
vault as interchange JSON (as ``vigil export --plaintext``). Neither file is encrypted, and
the dialog says so before anything is written; the writing happens off the UI thread and
leaves no partial file (``app.services.exports``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import VigilError
from app.services import exports
from app.ui import filedialogs
from app.ui.context import VaultContext

Table = tuple[list[str], list[list[str]]]


class ExportDialog(QDialog):
    """Choose what to export; ``table`` is the case list as the Cases screen shows it."""

    def __init__(self, ctx: VaultContext, table: Table, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = table
        self.setWindowTitle(self.tr("Export"))
        self.as_table = QRadioButton(self.tr("The case list as shown ({0} cases), as a CSV or "
                                             "Excel file").format(len(table[1])))
        self.as_json = QRadioButton(self.tr("The whole vault as an interchange file (JSON), "
                                            "to move it to another tool"))
        self.as_table.setChecked(True)
        warning = QLabel(self.tr(
            "The file will NOT be encrypted: anyone who gets it can read every case in it. "
            "Keep it only as long as you need it, and delete it securely. To give cases to a "
            "colleague, use Colleagues → Share instead."))
        warning.setWordWrap(True)
        warning.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("Export…"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._choose_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.as_table, self.as_json, warning, self.status, self.buttons):
            layout.addWidget(widget)
        self.written: Path | None = None

    def _choose_file(self) -> None:
        if self.as_json.isChecked():
            target = filedialogs.save_file(self, self.tr("Export the vault"), "vigil-export.json",
                                           self.tr("Interchange JSON (*.json)"))
        else:
            target = filedialogs.save_file(self, self.tr("Export the case list"), "cases.xlsx",
                                           self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if target is not None:
            self.export_to(target)

    def export_to(self, target: Path) -> None:
        """Write the chosen export to ``target`` in the background."""
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Writing…"))
        if self.as_json.isChecked():
            self.ctx.read(lambda session: exports.write_interchange(session, target),
                          lambda _r: self._written(target), on_failed=self._failed)
        else:
            headers, rows = self.table
            self.ctx.run(lambda _vault, _job: _write_table(target, headers, rows),
                         lambda _r: self._written(target), on_failed=self._failed)

    def _written(self, target: Path) -> None:
        self.written = target
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(str(error) if isinstance(error, VigilError) else
                            self.tr("The export could not be written; no file was left "
                                    "behind."))


def _write_table(target: Path, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    if target.suffix.lower() not in exports.TABLE_SUFFIXES:  # "cases" typed without one
        target = target.with_suffix(".xlsx")
    exports.write_table(target, headers, rows)


def open_export_dialog(parent: QWidget, ctx: VaultContext, table: Table) -> Path | None:
    """Run the dialog; returns the file written, if any."""
    dialog = ExportDialog(ctx, table, parent)
    dialog.exec()
    if dialog.written is not None:
        ctx.message.emit(dialog.tr("Exported to {0}: it is not encrypted.").format(
            dialog.written.name))
    return dialog.written
