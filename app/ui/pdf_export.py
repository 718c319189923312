# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What every "write a PDF" window shares: the dialog's password and file fields with their
checks, and the run after it (a background job with a progress window, Cancel, and one
sentence at the end). The dossier and the sanctions referral are built on it.

The file is written by the service through a hidden temporary name beside the target and
renamed when complete, so a failure or a cancel leaves nothing behind. The dialog never
suggests a file name made from vault data, and the run never shows an exception's own text
(it could quote a case).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from app.errors import UserError
from app.ui import filedialogs
from app.ui.widgets import problem_label


class PdfExportDialog(QDialog):
    """A dialog ending in a PDF password (twice) and a file to save to.

    Subclasses call ``_build_pdf_fields`` and add its rows to their form, and give
    ``_pdf_texts``: the file dialog's title, the neutral default file name, and the
    sentences for a missing target and a bad one.
    """

    def _build_pdf_fields(self) -> QHBoxLayout:
        """The password fields, the error label and the file row (returned for the form)."""
        self._path: Path | None = None
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(QCoreApplication.translate("PdfExport", "Optional"))
        self.password.setAccessibleName(QCoreApplication.translate("PdfExport", "PDF password"))
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again.setAccessibleName(
            QCoreApplication.translate("PdfExport", "PDF password again"))
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(QCoreApplication.translate("PdfExport", "No file chosen"))
        self.file.setAccessibleName(QCoreApplication.translate("PdfExport", "Save as"))
        choose = QPushButton(QCoreApplication.translate("PdfExport", "Choose…"))
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(choose)
        self.error = problem_label(QCoreApplication.translate("PdfExport", "Problem"))
        return file_row

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(QCoreApplication.translate("PdfExport", "Export"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _pdf_texts(self) -> tuple[str, str, str, str]:
        """(save-as title, default file name, "choose where" sentence, "bad file" sentence)."""
        raise NotImplementedError

    def pdf_password(self) -> str | None:
        return self.password.text() or None

    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: Path | str | None) -> None:
        self._path = Path(path).expanduser() if path else None
        self.file.setText(str(self._path) if self._path else "")

    def choose_file(self) -> None:
        title, default_name, _, _ = self._pdf_texts()
        kinds = QCoreApplication.translate("PdfExport", "PDF documents (*.pdf)")
        chosen = filedialogs.save_file(self, title, default_name, kinds)
        if chosen is not None:
            self.set_path(chosen)

    def problem(self) -> str | None:
        """The first thing wrong with the choices, as one sentence; None when all is well.
        Subclasses check their own fields first, then return this."""
        if self.password.text() != self.password_again.text():
            return QCoreApplication.translate("PdfExport", "The two PDF passwords differ.")
        _, _, choose_where, bad_file = self._pdf_texts()
        if self._path is None:
            return choose_where
        if self._path.suffix.lower() != ".pdf":
            self.set_path(self._path.with_name(self._path.name + ".pdf"))
        target = self._path
        if target is None or target.is_dir() or not target.parent.is_dir():
            return bad_file
        return None

    def accept(self) -> None:
        wrong = self.problem()
        if wrong:
            self.error.setText(wrong)
            self.error.show()
            return
        self.error.hide()
        super().accept()

    def forget(self) -> None:
        """Drop the passwords and the chosen file (after use, or when the vault locks)."""
        self.password.clear()
        self.password_again.clear()
        self.set_path(None)


class Written:
    """Shared between the job and the UI: set once the PDF is renamed into place."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.report = None

    def keep(self, report):
        """Called by the job once the file is in place; returns the report."""
        self.report = report
        self.done.set()
        return report


class PdfExportRun(QObject):
    """One export: the dialog, then the job and its progress window.

    Subclasses give the dialog, ``_work()`` (the job's function, a partial taking
    ``vault, job``, made from the dialog's choices before it forgets them), ``texts`` and
    ``success_text(report)``; a job that reports progress gets ``_progress_label``.
    """

    finished = Signal(bool, str)  # succeeded, the sentence shown to the user

    def __init__(self, ctx, parent: QWidget, dialog: PdfExportDialog) -> None:
        super().__init__(parent)
        self._window = parent
        self.ctx = ctx
        self.dialog = dialog
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.accepted.connect(self._start)
        self.dialog.rejected.connect(self._forget)
        self.progress: QProgressDialog | None = None
        self.job = None
        self._written = Written()

    def texts(self) -> dict[str, str]:
        """Translated sentences: title, working, locked, cancelling, cancelled, failed."""
        raise NotImplementedError

    def _work(self):
        raise NotImplementedError

    def success_text(self, report) -> str:
        raise NotImplementedError

    def _progress_label(self, done: int, total: int) -> str:
        return self.texts()["working"]

    def _forget(self) -> None:
        """Cancelled before anything ran: nothing to keep (what was typed included)."""
        if self.job is None:
            self.dialog.forget()
            self.dialog.deleteLater()
            self.deleteLater()

    def _start(self) -> None:
        if self.dialog.path() is None:  # accept() checked it: never here
            return
        texts = self.texts()
        work = self._work()
        self.dialog.forget()
        cancel = QCoreApplication.translate("PdfExport", "Cancel")
        progress = QProgressDialog(texts["working"], cancel, 0, 0, self._window)
        progress.setWindowTitle(texts["title"])
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        self.progress = progress
        self.job = self.ctx.run(work, self._done, on_failed=self._failed,
                                on_progress=self._progressed, on_cancelled=self._cancelled)
        if self.job is None:
            self._end(False, texts["locked"])
            return
        progress.show()

    def _progressed(self, done: int, total: int) -> None:
        progress = self.progress
        if progress is None or (self.job is not None and self.job.cancelled()):
            return
        progress.setMaximum(total)
        progress.setLabelText(self._progress_label(done, total))
        # Last: a window-modal progress dialog runs the event loop in setValue, where the
        # export may end and drop self.progress.
        progress.setValue(done)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self.ctx.say(self.texts()["cancelling"])

    def _done(self, report) -> None:
        self._end(True, self.success_text(report))

    def _sentence(self, error: BaseException) -> str:
        if isinstance(error, UserError):
            return str(error)
        return self.texts()["failed"]  # never the exception's own words

    def _failed(self, error: BaseException) -> None:
        self._end(False, self._sentence(error))

    def _cancelled(self) -> None:
        if self.progress is None:
            return
        if self._written.done.is_set() and self._written.report is not None:
            # the file was already complete when Cancel was pressed: say so honestly
            self._end(True, self.success_text(self._written.report))
        else:
            self._end(False, self.texts()["cancelled"])

    def _end(self, ok: bool, text: str) -> None:
        self._close_progress()
        self.ctx.say(text)
        self.finished.emit(ok, text)
        self.dialog.deleteLater()
        self.deleteLater()

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def abort(self) -> None:
        """The vault is locking: stop the job, close every window, forget the choices."""
        if self.job is not None:
            self.job.cancel()
        self._close_progress()
        self.dialog.forget()
        self.dialog.reject()
        self.dialog.deleteLater()


def abort_all(parent: QWidget) -> None:
    """Stop and close every PDF export started from ``parent`` (call from ``clear()``)."""
    for export in parent.findChildren(PdfExportRun):
        export.abort()
        export.deleteLater()
