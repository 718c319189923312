# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
""""Export dossier…" on the desktop: choose a profile, a recipient, an optional PDF password
and a file, then write the PDF in the background with progress and a working Cancel.

Mirrors ``vigil dossier``: the PDF goes to a hidden temporary name beside the target and is
renamed only when complete, so a failure or a cancel leaves nothing behind. Never suggests
a file name made from case data, never lets the file dialog remember where it was, and
never shows an exception's own text (it could quote a case).
"""

from __future__ import annotations

import errno
from collections.abc import Sequence
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QWidget

from app.dossier.model import Profile
from app.dossier.pdf import DossierReport, write_dossier
from app.errors import Cancelled, UserError
from app.services import cases, directory, dossier_data
from app.services.vault_access import atomic_output
from app.ui.dossier_dialog import PROFILE_NAMES, DossierExportDialog
from app.ui.i18n import tr as _tr
from app.ui.pdf_export import PdfExportRun, Written


def _write(vault, job, *, meeting_id: str | None, case_ids: Sequence[str] | None,
           profile: Profile, recipient: str, password: str | None, target: Path,
           written: Written, recipient_org: str | None = None,
           case_asks: dict[str, str] | None = None) -> DossierReport:
    """The background part: gather, render, write (runs off the UI thread)."""
    job.report(0, 0)  # gathering: no measure yet
    today = vault.clock().date()
    if meeting_id is not None:
        material = dossier_data.for_meeting(vault, meeting_id, today,
                                            recipient_org_id=recipient_org)
        if not material.cases:
            raise UserError(_tr("That meeting has no cases to raise; nothing was written."))
    else:
        material = dossier_data.for_cases(vault, case_ids or (), today,
                                          government_id=recipient_org)
        if not material.cases:
            raise UserError(_tr("Choose at least one case; nothing was written."))
    if job.cancelled():
        raise Cancelled()
    dossier = dossier_data.dossier_input(
        material, recipient, today, read_photo=partial(dossier_data.read_photo, vault),
        issuer=dossier_data.issuing_organisation(vault), case_asks=case_asks or None)
    try:
        with atomic_output(target) as out:
            report = write_dossier(dossier, profile, out, password=password,
                                   progress=job.report, cancelled=job.cancelled)
            if job.cancelled():  # still inside: the temporary file is removed
                raise Cancelled()
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise UserError(_tr("The disk is full; no dossier was written.")) from None
        raise UserError(_tr("The dossier could not be written to that folder; "
                            "nothing was left behind.")) from None
    return written.keep(report)


class DossierExport(PdfExportRun):
    """One dossier: the dialog, then the job and its progress window."""

    dialog: DossierExportDialog

    def __init__(self, ctx, parent: QWidget, *, meeting_id: str | None = None,
                 case_ids: Sequence[str] | None = None) -> None:
        super().__init__(ctx, parent, DossierExportDialog(
            parent, profile=Profile.DIPLOMATIC, for_meeting=meeting_id is not None))
        self.meeting_id = meeting_id
        self.case_ids = list(case_ids) if case_ids is not None else None
        self._profile = Profile.DIPLOMATIC

    def open(self) -> None:
        self.ctx.read(directory.governments, self._governments)
        if self.case_ids:
            chosen = list(self.case_ids)
            self.ctx.read(lambda session: [(c.id, c.display_name) for c in (
                cases.get_case(session, cid) for cid in chosen if cases.live(
                    session, cases.CaseRow, cid))], self._cases)
        self.dialog.open()

    # The dialog may be gone before these reads are in (cancelled, or an export that ended
    # at once): then there is nothing to fill.
    def _governments(self, organisations) -> None:
        if shiboken6.isValid(self.dialog):
            self.dialog.set_governments(organisations)

    def _cases(self, named) -> None:
        if shiboken6.isValid(self.dialog):
            self.dialog.set_cases(named)

    def texts(self) -> dict[str, str]:
        return {"title": self.tr("Export dossier"), "working": self.tr("Gathering the cases…"),
                "locked": self.tr("The vault is locked; no dossier was written."),
                "cancelling": self.tr("Cancelling the export…"),
                "cancelled": self.tr("Export cancelled; nothing was written."),
                "failed": self.tr("Something went wrong; no dossier was written.")}

    def _work(self):
        dialog = self.dialog
        self._profile = dialog.profile()
        return partial(_write, meeting_id=self.meeting_id, case_ids=self.case_ids,
                       profile=self._profile, recipient=dialog.recipient_name(),
                       password=dialog.pdf_password(), target=dialog.path(),
                       written=self._written, recipient_org=dialog.recipient_org(),
                       case_asks=dialog.case_asks_given())

    def _progress_label(self, done: int, total: int) -> str:
        if total == 0:
            return self.tr("Gathering the cases…")
        return self.tr("Laying out case {0} of {1}…").format(done, total)

    def success_text(self, report: DossierReport) -> str:
        profile = self.tr(PROFILE_NAMES[self._profile]).lower()
        if report.cases == 1:
            text = self.tr("Wrote a {0}-page {1} dossier of 1 case.").format(report.pages,
                                                                              profile)
        else:
            text = self.tr("Wrote a {0}-page {1} dossier of {2} cases.").format(
                report.pages, profile, report.cases)
        if report.encrypted:
            text += " " + self.tr("It is protected by its PDF password.")
        if report.photo_problems:
            text += " " + self.tr("Note: %n photo(s) could not be read; the dossier shows a "
                                  "placeholder instead.", "", report.photo_problems)
        return text


def export_dossier(ctx, parent: QWidget, *, meeting_id: str | None = None,
                   case_ids: Sequence[str] | None = None) -> DossierExport | None:
    """Ask for the dossier's profile, recipient, password and file, then write it in the
    background. Returns the export (its ``dialog`` is open) or None if there is nothing to
    export; either way the user is told in one sentence through ``ctx.say``."""
    if meeting_id is None and not case_ids:
        ctx.say(_tr("Choose at least one case to put in the dossier."))
        return None
    export = DossierExport(ctx, parent, meeting_id=meeting_id, case_ids=case_ids)
    export.open()
    return export
