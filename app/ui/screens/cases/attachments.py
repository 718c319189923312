# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Attachments tab of a case: files are encrypted on the way in, shown from memory, and
copied out decrypted only on request, after a warning, to a place the user chose.

It must never write decrypted content to a temporary file, and never put a file name or
any other case data in a window title or a log. Only raster pictures are drawn: an SVG can
name local files that Qt would read, so it is a file to save, like a PDF.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import VigilError
from app.services import attachments, vault_access
from app.services.attachments import Attachment
from app.ui import filedialogs, pictures
from app.ui.context import ATTACHMENTS, VaultContext
from app.ui.i18n import tr
from app.ui.plain import PlainLabel
from app.ui.screens.cases import editor as case_editor
from app.ui.screens.cases.models import AttachmentTableModel

TEXT_TYPES = ("application/json", "application/xml", "application/csv")
NO_PDF = ("Vigil cannot show PDFs inside the app; save a decrypted copy to read it.")
NO_VIEW = ("Vigil cannot show this kind of file inside the app; save a decrypted copy to "
           "open it.")
COPY_WARNING = ("This copy will not be encrypted. Anyone who can open that folder, or the "
                "device it is on, can read it, and Vigil cannot delete it for you. Save it "
                "only where it is safe.")


class AttachmentViewer(QDialog):
    """One attachment shown from memory: an image, text, or why it cannot be shown."""

    def __init__(self, attachment: Attachment, data: bytes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Attachment"))  # never the file name: titles are public
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        name = PlainLabel(attachment.filename)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(name)
        self.kind = "message"
        layout.addWidget(self._build_content(attachment.media_type, data), 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        layout.addWidget(close)

    def _build_content(self, kind: str, data: bytes) -> QWidget:
        """The image, the text, or the sentence that says why it cannot be shown."""
        if kind.startswith("image/") and kind not in pictures.SHOWN_TYPES:
            self.message = tr(NO_VIEW)  # SVG and the like: a file to save, not to draw
        elif kind.startswith("image/"):
            pixmap = pictures.picture(data)
            if pixmap is not None:
                self.kind = "image"
                self.image = PlainLabel()
                self.image.setAccessibleName(tr("Image"))
                self.image.setPixmap(pixmap)
                area = QScrollArea()
                area.setWidget(self.image)
                area.setAlignment(Qt.AlignmentFlag.AlignCenter)
                return area
            self.message = tr("Vigil could not read this image; save a decrypted copy to "
                              "open it with another program.")
        elif kind == "application/pdf":
            self.message = tr(NO_PDF)
        elif kind.startswith("text/") or kind in TEXT_TYPES:
            self.kind = "text"
            self.text = QPlainTextEdit(data.decode("utf-8", errors="replace"))
            self.text.setReadOnly(True)
            self.text.setAccessibleName(tr("Text of the attachment"))
            return self.text
        else:
            self.message = tr(NO_VIEW)
        note = PlainLabel(self.message)
        note.setWordWrap(True)
        return note


class AttachmentsTab(QWidget):
    loaded = Signal()
    photo_changed = Signal(object)  # the new photo's bytes, or None
    viewer_shown = Signal()
    copy_saved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: VaultContext | None = None
        self.case_id: str | None = None
        self.viewer: AttachmentViewer | None = None
        self._job = None
        self._build_table()
        row = self._build_buttons()
        busy = self._build_busy()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(busy)
        self.setAcceptDrops(True)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._busy(False)
        self.clear()

    def _build_table(self) -> None:
        """The attachments (double-click views one), or a sentence when there are none."""
        self.model = AttachmentTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Attachments"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.view())
        self.empty = PlainLabel(tr("No attachments yet. Add photos or documents with Add…, or "
                                    "drop files here: they are encrypted inside the vault."))
        self.empty.setWordWrap(True)

    def _build_buttons(self) -> QHBoxLayout:
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("add", tr("Add…"), self.add),
                                ("view", tr("View"), self.view),
                                ("photo", tr("Set as photo"), self.set_as_photo),
                                ("copy", tr("Save copy…"), self.save_copy),
                                ("remove", tr("Remove…"), self.remove)):
            button = QPushButton(text)
            button.setAccessibleName(text.rstrip("…"))
            if key == "copy":
                button.setAccessibleName(tr("Save a decrypted copy"))
                button.setToolTip(tr("Save a decrypted copy of this attachment"))
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        return row

    def _build_busy(self) -> QHBoxLayout:
        """The progress of files being encrypted, and Cancel."""
        self.progress = QProgressBar()
        self.progress.setAccessibleName(tr("Encrypting"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setAccessibleName(tr("Cancel adding files"))
        self.cancel_button.clicked.connect(self.cancel)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        return busy

    def set_context(self, ctx: VaultContext) -> None:
        self.ctx = ctx

    # -- replaceable edges (tests bypass the file dialogs) ------------------------------------
    def choose_files(self) -> list[Path]:
        return filedialogs.open_files(self, tr("Add attachments"))

    def choose_destination(self, filename: str) -> Path | None:
        return filedialogs.save_file(self, tr("Save a decrypted copy"), filename)

    # -- showing -----------------------------------------------------------------------------
    def show_case(self, case_id: str | None) -> None:
        if case_id != self.case_id:
            self.model.clear()
        self.case_id = case_id
        self.refresh()

    def refresh(self) -> None:
        case_id = self.case_id
        if self.ctx is None or case_id is None:
            self._update_empty()
            return
        self.ctx.read(lambda s: (attachments.list_attachments(s, case_id),
                                 attachments.photo_id(s, case_id)),
                      lambda result: self._show(case_id, result))

    def _show(self, case_id: str, result) -> None:
        if case_id != self.case_id:
            return
        self.model.set_attachments(*result)
        self.table.resizeColumnsToContents()
        self._update_empty()
        self.loaded.emit()

    def _update_empty(self) -> None:
        has = self.model.rowCount() > 0
        self.table.setVisible(has)
        self.empty.setVisible(not has)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        item = self.current()
        for key in ("view", "copy", "remove"):
            self.buttons[key].setEnabled(item is not None)
        self.buttons["photo"].setEnabled(item is not None and
                                         item.media_type in pictures.SHOWN_TYPES)
        self.buttons["add"].setEnabled(self.case_id is not None and self._job is None)

    def current(self) -> Attachment | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.attachment_at(rows[0].row()) if rows else None

    def clear(self) -> None:
        """Forget everything: the list, an open viewer (its decrypted pixels), a running add."""
        self.cancel()
        if self.viewer is not None:
            self.viewer.close()
            self.viewer.deleteLater()
            self.viewer = None
        self.case_id = None
        self.model.clear()
        self._update_empty()

    # -- adding ------------------------------------------------------------------------------
    def add(self) -> None:
        if self.case_id is not None:
            paths = self.choose_files()
            if paths:
                self.add_files(paths)

    def add_files(self, paths: list[Path]) -> None:
        case_id = self.case_id
        if self.ctx is None or case_id is None or self._job is not None:
            return
        paths = [Path(p) for p in paths]

        def work(vault, job):
            total = max(1, sum(p.stat().st_size for p in paths))
            before = 0
            for path in paths:
                with path.open("rb") as source:
                    attachments.add_attachment(
                        vault, case_id, source, path.name,
                        progress=lambda n, b=before: job.report((b + n) // 1024, total // 1024),
                        cancelled=job.cancelled)
                before += path.stat().st_size
            return len(paths)

        self._busy(True)
        self._job = self.ctx.run(work, self._added, on_failed=self._failed,
                                 on_progress=self._progressed)
        if self._job is None:  # the vault was locked meanwhile
            self._busy(False)
        self._update_buttons()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, max(1, total)))

    def _added(self, count: int) -> None:
        self._busy(False)
        self.ctx.say(tr("Added and encrypted: %n file(s).", "", count))
        self.ctx.changed.emit(ATTACHMENTS)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        if isinstance(error, VigilError):
            self.ctx.say(str(error))
        elif isinstance(error, OSError):
            self.ctx.say(tr("Vigil could not read that file; nothing was added."))
        else:
            self.ctx.report(error)
        self.refresh()

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        if not busy:
            self._job = None
        self.progress.setRange(0, 0)
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self._update_buttons()

    def dragEnterEvent(self, event) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if self.case_id is not None and urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.is_file()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    # -- using one ---------------------------------------------------------------------------
    def view(self) -> None:
        item = self.current()
        if item is None or self.ctx is None:
            return
        self.ctx.run(lambda vault, _job: attachments.read_attachment(vault, item.id),
                     lambda data: self._show_viewer(item, data))

    def _show_viewer(self, item: Attachment, data: bytes) -> None:
        if self.case_id != item.case_id:
            return
        if self.viewer is not None:
            self.viewer.close()
            self.viewer.deleteLater()
        self.viewer = AttachmentViewer(item, data, self)
        self.viewer.show()
        self.viewer_shown.emit()

    def set_as_photo(self) -> None:
        item = self.current()
        if item is None or self.ctx is None:
            return

        def work(vault, _job):
            with vault_access.session(vault) as session:
                attachments.set_photo(session, item.case_id, item.id)
            return attachments.read_attachment(vault, item.id)

        def done(data: bytes) -> None:
            if self.case_id == item.case_id:
                self.photo_changed.emit(data)
            self.ctx.changed.emit(ATTACHMENTS)
            self.refresh()

        self.ctx.run(work, done)

    def save_copy(self) -> None:
        item = self.current()
        if item is None or self.ctx is None:
            return
        if not case_editor.confirm(self, tr(COPY_WARNING), tr("Save a decrypted copy…")):
            return
        # A neutral name: the file's own may name the person (and the dialog shows it)
        dest = self.choose_destination("attachment" + Path(item.filename).suffix[:10])
        if dest is None:
            return

        def done(_result) -> None:
            self.ctx.say(tr("The decrypted copy was saved."))
            self.copy_saved.emit()

        self.ctx.run(lambda vault, job: attachments.save_decrypted_copy(
            vault, item.id, dest, cancelled=job.cancelled), done)

    def remove(self) -> None:
        item = self.current()
        if item is None or self.ctx is None:
            return
        was_photo = self.model.is_photo(self.table.selectionModel().selectedRows()[0].row())
        if not case_editor.confirm(
                self, tr("Remove the attachment “{0}”? Its encrypted file is deleted and "
                         "cannot be recovered.").format(item.filename), tr("Remove")):
            return

        def done(_result) -> None:
            if was_photo and self.case_id == item.case_id:
                self.photo_changed.emit(None)
            self.ctx.changed.emit(ATTACHMENTS)
            self.refresh()

        self.ctx.run(lambda vault, _job: attachments.delete_attachment(vault, item.id), done)
