# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a dossier: apply the profile, lay out the pages, optionally encrypt, into a stream.

The caller owns the file (write through a temporary name and rename, so a failure leaves
nothing). With a password the unencrypted PDF exists only in memory and is encrypted by
pikepdf with AES-256 (PDF 2.0, revision 6): reportlab's own encryption is RC4, or AES only
through the unmaintained `pyaes` at the deprecated revision 5. Metadata is neutral: title
"Dossier", creator and producer "Vigil", no author, no user name, no path, dates in UTC;
reportlab's "ReportLab Generated" header comment is blanked (same length: offsets hold).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

import pikepdf

from app.dossier.layout import DossierCanvas, DossierTemplate, Styles, day
from app.dossier.model import DossierInput, Profile
from app.dossier.profiles import apply_profile
from app.dossier.sections import CLASSIFICATION, case_section, cover, summary
from app.errors import Cancelled, UserError

NOTHING_LEFT = ("None of the chosen cases may appear in a {profile} dossier (consent or "
                "\"do not raise\"); nothing was written.")


@dataclass(frozen=True, slots=True)
class DossierReport:
    cases: int
    pages: int
    photo_problems: int  # cases shown with a placeholder instead of their photo
    encrypted: bool


def write_dossier(dossier: DossierInput, profile: Profile, out: BinaryIO, *,
                  password: str | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> DossierReport:
    """Render ``dossier`` as ``profile`` allows into ``out``; raises UserError if it is empty."""
    shown = apply_profile(dossier, profile)
    if not shown.cases:
        raise UserError(NOTHING_LEFT.format(profile=profile.value))
    if password is not None and not password:
        raise UserError("The PDF password is empty.")
    styles = Styles()
    total = len(shown.cases)
    problems: list[int] = []

    def on_section(key: str) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None and key.startswith("case"):
            progress(int(key[4:]) + 1, total)

    footer_left = f"Prepared for {shown.recipient}, {day(shown.prepared_on)}"
    footer_mid = CLASSIFICATION[profile].split(" — ")[0].split(". ")[0]
    target = io.BytesIO()
    doc = DossierTemplate(target, styles=styles, footer_left=footer_left,
                          footer_mid=footer_mid, on_section=on_section)
    sections = (case_section(styles, item, index, total, profile, problems, shown)
                for index, item in enumerate(shown.cases))
    doc.build(LazyStory(cover(styles, shown, profile) + summary(styles, shown), sections),
              canvasmaker=DossierCanvas)
    doc.finish()
    pages = doc.page
    _blank_banner(target)
    if password:
        _encrypt(target, out, password)
    else:
        out.write(target.getbuffer())
    return DossierReport(cases=total, pages=pages, photo_problems=len(problems),
                         encrypted=bool(password))


class LazyStory(list):
    """A story that lays out one case's flowables (and decodes its photo) only when needed.

    platypus consumes its story from the front and asks ``len()`` before each flowable; the
    next case is added then, so memory holds about one case's flowables, not all of them.
    """

    def __init__(self, first: list, rest: Iterator[list]) -> None:
        super().__init__(first)
        self._rest = rest

    def __len__(self) -> int:
        while super().__len__() < 2:
            more = next(self._rest, None)
            if more is None:
                break
            self.extend(more)
        return super().__len__()


BANNERS = (b"ReportLab Generated PDF document (opensource)",
           b"ReportLab generated PDF document -- digest (opensource)")


def _blank_banner(pdf: io.BytesIO) -> None:
    """Blank reportlab's comments in place (same length, so every offset stays right)."""
    view = pdf.getbuffer()
    size = len(view)
    for banner, start in ((BANNERS[0], 0), (BANNERS[1], max(0, size - 2000))):
        at = view[start:start + 2000].tobytes().find(banner)
        if at >= 0:
            view[start + at:start + at + len(banner)] = b" " * len(banner)
    del view


def _encrypt(plain: io.BytesIO, out: BinaryIO, password: str) -> None:
    plain.seek(0)
    with pikepdf.open(plain) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user=password, owner=password, R=6,
                                                    aes=True, metadata=True),
                 fix_metadata_version=False)
    plain.seek(0)
    plain.truncate()
