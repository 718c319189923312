# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
""""Prepare sanctions referral…" for one official: choose the regime and the recipient, give
the exculpatory information or say that none is known, confirm each private-only or
unknown-consent case one by one, see what is left out, then write the PDF in the background.

Mirrors ``vigil referral`` (the same service writes it, through a temporary file renamed
when complete). Standalone: it takes the context and an official's ID; the official's page
opens it. Never suggests a file name made from vault data, never shows an exception's own
text, and shows names as plain text only.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Regime
from app.services import referral_data
from app.services.referral_data import ReferralPreview
from app.ui.i18n import label
from app.ui.pdf_export import PdfExportDialog, PdfExportRun, Written
from app.ui.plain import PlainLabel

DEFAULT_NAME = "referral.pdf"  # neutral: never the official's name


class ReferralDialog(PdfExportDialog):
    """The choices for one referral; tests fill it in and call ``accept()`` directly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prepare sanctions referral"))
        file_row = self._build_pdf_fields()
        self._preview: ReferralPreview | None = None
        self.official = PlainLabel(self.tr("Loading…"))
        self.regime = QComboBox()
        self.regime.setAccessibleName(self.tr("Sanctions regime"))
        for regime in Regime:
            self.regime.addItem(label(regime), regime)
        self.recipient = QLineEdit()
        self.recipient.setAccessibleName(self.tr("Prepared for"))
        self.recipient.setPlaceholderText(
            self.tr("The sanctions team it goes to, printed on every page"))
        self.left_out = PlainLabel("")
        self.left_out.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Official"), self.official)
        form.addRow(self.tr("Sanctions regime"), self.regime)
        form.addRow(self.tr("Prepared for"), self.recipient)
        form.addRow(self.tr("Exculpatory information"), self._build_exculpatory())
        form.addRow(self.tr("Cases to confirm"), self._build_cases())
        form.addRow(self.tr("Left out"), self.left_out)
        form.addRow(self.tr("PDF password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        form.addRow(self.tr("Save as"), file_row)
        buttons = self._buttons()
        self.export_button.setEnabled(False)  # until the preview is in
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)

    def _build_exculpatory(self) -> QVBoxLayout:
        self.exculpatory = QPlainTextEdit()
        self.exculpatory.setAccessibleName(self.tr("Exculpatory information"))
        self.exculpatory.setPlaceholderText(
            self.tr("Anything known that contradicts or mitigates the conduct"))
        self.exculpatory.setTabChangesFocus(True)
        self.exculpatory.setMaximumHeight(90)
        self.none_known = QCheckBox(self.tr("None known"))
        self.none_known.toggled.connect(lambda on: self.exculpatory.setEnabled(not on))
        excul = QVBoxLayout()
        excul.addWidget(self.exculpatory)
        excul.addWidget(self.none_known)
        return excul

    def _build_cases(self) -> QVBoxLayout:
        """The private-only and unknown-consent cases, each ticked by hand to be included."""
        self.cases = QListWidget()  # names are vault data: item text is plain
        self.cases.setAccessibleName(self.tr("Cases to include"))
        self.cases.setMaximumHeight(120)
        self.cases.setWordWrap(True)
        self.cases.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cases.itemChanged.connect(self._update_left_out)
        self.cases_note = PlainLabel(self.tr(
            "These cases have private-only or unknown consent. Tick a case only if it may "
            "be named to this government; it is marked in the referral."))
        self.cases_note.setWordWrap(True)
        cases = QVBoxLayout()
        cases.addWidget(self.cases_note)
        cases.addWidget(self.cases)
        return cases

    # -- what the vault says -------------------------------------------------------------------
    def set_preview(self, preview: ReferralPreview) -> None:
        self._preview = preview
        self.official.setText(preview.official_name)
        self.cases.blockSignals(True)
        self.cases.clear()
        for choice in preview.to_confirm:
            kind = (self.tr("private advocacy only") if choice.private_only
                    else self.tr("consent unknown"))
            if choice.claims and choice.confidential_only == choice.claims:
                kind += self.tr("; nothing to show: confidential sources only")
            item = QListWidgetItem(f"{choice.display_name} ({kind})")
            item.setData(Qt.ItemDataRole.UserRole, choice.case_id)
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.cases.addItem(item)
        self.cases.blockSignals(False)
        shown = bool(preview.to_confirm)
        self.cases.setVisible(shown)
        self.cases_note.setText(self.cases_note.text() if shown else self.tr("None."))
        self.export_button.setEnabled(True)
        self._update_left_out()

    def left_out_lines(self) -> list[str]:
        """What will be left out as the choices stand: counts, one sentence each."""
        p = self._preview
        if p is None:
            return []
        left = p.left_out
        ticked = set(self.included_cases())
        secret = len(left.confidential_only) - sum(
            c.confidential_only for c in p.to_confirm if c.case_id not in ticked)
        lines = []
        if secret:
            lines.append(self.tr("%n claim(s) left out: their only sources are "
                                 "confidential.", "", secret))
        if left.do_not_raise:
            lines.append(self.tr("%n \u201cdo not raise\u201d case(s) left out, with every "
                                 "claim made in them.", "", len(left.do_not_raise)))
        unticked = len(p.to_confirm) - len(ticked)
        if unticked:
            lines.append(self.tr("%n case(s) with private-only or unknown consent left out "
                                 "(not ticked).", "", unticked))
        bare = len(left.uncited) - sum(c.uncited for c in p.to_confirm
                                       if c.case_id not in ticked)
        if bare:
            lines.append(self.tr("%n claim(s) cite no source; the referral says "
                                 "so.", "", bare))
        return lines

    def _update_left_out(self, *_args) -> None:
        lines = self.left_out_lines()
        self.left_out.setText("\n".join(lines) if lines else self.tr("Nothing."))

    # -- what was chosen -----------------------------------------------------------------------
    def chosen_regime(self) -> Regime:
        return self.regime.currentData()

    def set_regime(self, regime: Regime) -> None:
        self.regime.setCurrentIndex(self.regime.findData(regime))

    def recipient_name(self) -> str:
        return self.recipient.text().strip()

    def exculpatory_text(self) -> str | None:
        """The text to print, or None for "none known" (after ``problem()`` passed)."""
        return None if self.none_known.isChecked() else self.exculpatory.toPlainText().strip()

    def included_cases(self) -> list[str]:
        return [self.cases.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.cases.count())
                if self.cases.item(i).checkState() == Qt.CheckState.Checked]

    def _pdf_texts(self) -> tuple[str, str, str, str]:
        return (self.tr("Save the referral as"), DEFAULT_NAME,
                self.tr("Choose where to save the referral."),
                self.tr("Give the referral a file name in an existing folder."))

    # -- checks --------------------------------------------------------------------------------
    def problem(self) -> str | None:
        """The first thing wrong with the choices, as one sentence; None when all is well."""
        if not self.recipient_name():
            return self.tr("Say who the referral is prepared for.")
        if not self.none_known.isChecked() and not self.exculpatory.toPlainText().strip():
            return self.tr("Give the exculpatory information known, or tick \u201cNone "
                           "known\u201d.")
        return super().problem()

    def forget(self) -> None:
        """Drop what was typed (after use, or when the vault locks)."""
        self.recipient.clear()
        self.exculpatory.clear()
        self.cases.clear()
        super().forget()


def _write(vault, job, *, official_id: str, regime: Regime, recipient: str,
           exculpatory: str | None, include: list[str], password: str | None, target: Path,
           written: Written):
    """The background part: gather, screen, render, write (off the UI thread)."""
    job.report(0, 0)
    report = referral_data.export_referral(
        vault, official_id, regime, recipient, target, exculpatory=exculpatory,
        include_cases=include, password=password, cancelled=job.cancelled)
    return written.keep(report)


class ReferralExport(PdfExportRun):
    """One referral: the dialog (filled from a preview read), then the job and its progress."""

    dialog: ReferralDialog

    def __init__(self, ctx, parent: QWidget, official_id: str) -> None:
        super().__init__(ctx, parent, ReferralDialog(parent))
        self.official_id = official_id

    def open(self) -> None:
        official = self.official_id
        self.ctx.read(lambda session: referral_data.preview(session, official),
                      self._previewed, on_failed=self._preview_failed)
        self.dialog.open()

    def _previewed(self, preview: ReferralPreview) -> None:
        if shiboken6.isValid(self.dialog):
            self.dialog.set_preview(preview)

    def _preview_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self.dialog) and self.job is None:
            self.dialog.reject()
            self._end(False, self._sentence(error))

    def texts(self) -> dict[str, str]:
        return {"title": self.tr("Prepare sanctions referral"),
                "working": self.tr("Writing the referral…"),
                "locked": self.tr("The vault is locked; no referral was written."),
                "cancelling": self.tr("Cancelling the referral…"),
                "cancelled": self.tr("Referral cancelled; nothing was written."),
                "failed": self.tr("Something went wrong; no referral was written.")}

    def _work(self):
        dialog = self.dialog
        return partial(_write, official_id=self.official_id, regime=dialog.chosen_regime(),
                       recipient=dialog.recipient_name(), exculpatory=dialog.exculpatory_text(),
                       include=dialog.included_cases(), password=dialog.pdf_password(),
                       target=dialog.path(), written=self._written)

    def success_text(self, report) -> str:
        text = self.tr("Wrote a {0}-page referral: {1} in {2}.").format(
            report.pages, self.tr("%n claim(s)", "", report.claims),
            self.tr("%n case(s)", "", report.cases))
        if report.encrypted:
            text += " " + self.tr("It is protected by its PDF password.")
        return text


def prepare_referral(ctx, parent: QWidget, official_id: str) -> ReferralExport:
    """Open "Prepare sanctions referral…" for ``official_id``; the export says how it ended
    through ``finished`` and ``ctx.say``."""
    export = ReferralExport(ctx, parent, official_id)
    export.open()
    return export
