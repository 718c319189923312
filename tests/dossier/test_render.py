# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The renderer on plain input: long tables, photos, progress and cancel, empty results."""

from __future__ import annotations

import io
from datetime import date

import pikepdf
import pytest
from dossier_helpers import pdf_text, png
from PIL import Image

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, Status
from app.domain.model import Case
from app.dossier.model import AskRecord, DossierCase, DossierInput, Photo, Profile
from app.dossier.pdf import write_dossier
from app.errors import Cancelled, UserError


def entry(n: int, **kw) -> DossierCase:
    case = Case(id=f"c{n}", display_name=f"Person {n}", status=Status.SENTENCED,
                consent=kw.pop("consent", Consent.PUBLIC))
    return DossierCase(case=case, **kw)


def render(tmp_path, *items, profile=Profile.INTERNAL, **kw):
    out = tmp_path / "d.pdf"
    with out.open("wb") as handle:
        report = write_dossier(DossierInput(recipient="Desk", prepared_on=date(2026, 3, 1),
                                            cases=items), profile, handle, **kw)
    return out, report


def test_long_ask_history_breaks_across_pages_with_its_header(tmp_path):
    asks = tuple(AskRecord(date=FuzzyDate(2020, 1 + k % 12), raised_by=f"Minister {k}",
                           raised_with="Vice-minister", government="X", channel=None,
                           public=True, response_text="A long answer. " * 8)
                 for k in range(60))
    out, report = render(tmp_path, entry(1, asks=asks))
    pages = pdf_text(out).split("\f")
    with_header = [p for p in pages if "Raised by / with" in p]
    assert len(with_header) >= 3 and report.pages >= 5
    assert all(f"Minister {k}\n" in pdf_text(out) or f"Minister {k} " in pdf_text(out)
               for k in (0, 59))


def test_photo_is_reencoded_without_its_metadata(tmp_path):
    exif = Image.Exif()
    exif[0x010E] = "EXIFMARKER description"  # ImageDescription
    photo = io.BytesIO()
    Image.new("RGB", (400, 500), (10, 20, 30)).save(photo, "JPEG", exif=exif)
    assert b"EXIFMARKER" in photo.getvalue()
    out, report = render(tmp_path, entry(1, photo=Photo(photo.getvalue())))
    assert report.photo_problems == 0
    assert b"EXIFMARKER" not in out.read_bytes()
    with pikepdf.open(out) as pdf:
        assert sum(1 for page in pdf.pages for _ in page.get_images()) == 1


def test_unreadable_photo_gets_a_placeholder(tmp_path):
    out, report = render(tmp_path, entry(1, photo=Photo(b"\x89PNG broken")),
                         entry(2, photo=Photo(load=lambda: None)), entry(3, photo=Photo(png())))
    assert report.photo_problems == 2
    text = " ".join(pdf_text(out).split())
    assert "Photo could not be read" in text and "Photo missing from the vault" in text


def test_progress_and_cancel(tmp_path):
    seen = []
    _, report = render(tmp_path, entry(1), entry(2), entry(3),
                       progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)] and report.cases == 3
    with pytest.raises(Cancelled):
        render(tmp_path, entry(1), entry(2), cancelled=lambda: True)


def test_nothing_to_show_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="public dossier"):
        render(tmp_path, entry(1, consent=Consent.PRIVATE_ONLY), profile=Profile.PUBLIC)


def test_legal_time_limits_are_stated(tmp_path):
    held = DossierCase(case=Case(id="c", display_name="Person", status=Status.RSDL,
                                 status_since=FuzzyDate(2025, 1, 10), consent=Consent.PUBLIC))
    out, _ = render(tmp_path, held)
    text = " ".join(pdf_text(out).split())
    assert "RSDL beyond the legal six months: the limit ran out on 10 July 2025" in text


def test_clean_file(tmp_path):
    """UTC dates, no reportlab banner, only embedded fonts, /Lang, a title naming no case."""
    import shutil
    import subprocess

    out, _ = render(tmp_path, entry(1, photo=Photo(png())), profile=Profile.DIPLOMATIC)
    raw = out.read_bytes()
    assert b"ReportLab" not in raw
    with pikepdf.open(out) as pdf:
        assert str(pdf.Root.Lang) == "en"
        assert str(pdf.docinfo["/Title"]) == "Dossier"
        for key in ("/CreationDate", "/ModDate"):
            assert str(pdf.docinfo[key]).endswith("+00'00'"), pdf.docinfo[key]
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True,
                               check=True).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
