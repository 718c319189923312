# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`vigil dossier` end to end: read the PDF back per profile, and every bad input."""

from __future__ import annotations

import errno
import os

import pikepdf
import pytest
from dossier_helpers import (
    BAD_PHOTO_CASE,
    CHINESE_NAME,
    DNR_CASE,
    EMPTY_MEETING,
    MEETING,
    PRIVATE_CASE,
    PUBLIC_CASE,
    THIRD_GOV,
    UNKNOWN_CASE,
    image_count,
    pdf_text,
)

from app.vault.fsutil import atomic_output

NEVER_OUTSIDE_INTERNAL = ("CONFSRC", "CONFEVENT", "FAMILYCONTACT", "ASKNOTE", "SOURCENOTE",
                          "Donotraise", "DNRASK")


def dossier(vigil, vault, out, profile, *extra):
    return vigil("--vault", vault, "dossier", "--meeting", MEETING, "--profile", profile,
                 "--recipient", "Ambassador Jane Roe", "-o", out, *extra)


def clean_error(result, *secrets):
    assert result.code == 1, result
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    for secret in secrets:
        assert secret not in result.err


@pytest.mark.parametrize("profile", ["internal", "diplomatic", "public"])
def test_profiles_read_back(vigil, dossier_vault, tmp_path, profile):
    out = tmp_path / "d.pdf"
    result = dossier(vigil, dossier_vault, out, profile)
    assert result.code == 0, result.err
    text = pdf_text(out)
    flat = " ".join(text.split())
    assert "Prepared for Ambassador Jane Roe" in text
    with pikepdf.open(out) as pdf:
        pages = len(pdf.pages)
    assert text.count("Prepared for Ambassador Jane Roe,") == pages  # every footer
    assert f"Page {pages}" in text
    assert CHINESE_NAME in text  # embedded font, extracts as text, middle dot included
    assert "THEASK release now" in flat and "PUBSOURCE" in text and "PUBLICASK" in flat
    with pikepdf.open(out) as pdf:
        assert not pdf.check_pdf_syntax(), pdf.check_pdf_syntax()
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
        outline = [item.title for item in pdf.open_outline().root]
    assert info["/Title"] == "Dossier" and info["/Producer"] == "Vigil"
    assert info.get("/Author", "") == "" and info["/Creator"] == "Vigil"
    raw = out.read_bytes()
    for leak in (os.environ.get("USER", "root"), str(tmp_path), str(dossier_vault)):
        assert leak.encode() not in raw
    assert outline[:2] == ["Cover", "Summary"]
    assert any(CHINESE_NAME in title for title in outline)
    if profile == "internal":
        for marker in NEVER_OUTSIDE_INTERNAL:
            assert marker in text, marker
        assert "DO NOT RAISE" in text and "Raise privately" in text
        assert image_count(out) == 2
    else:
        for marker in NEVER_OUTSIDE_INTERNAL:
            assert marker not in text, marker
        assert image_count(out) == 1  # the private case's photo is confidential
    if profile == "diplomatic":
        assert "Privata Person" in text and "Raise privately" in text
        assert "Unconsented Person" in text and "PRIVATEASK" in flat
    if profile == "public":
        for absent in ("Privata", "Unconsented", "PRIVATEASK", "Raise privately"):
            assert absent not in text, absent


def test_aes_password(vigil, dossier_vault, tmp_path):
    secret = tmp_path / "pw.txt"
    secret.write_text("open sesame 芝麻\n", encoding="utf-8")
    out = tmp_path / "d.pdf"
    result = dossier(vigil, dossier_vault, out, "diplomatic", "--pdf-password-file", secret)
    assert result.code == 0, result.err
    assert "encrypted" in result.err
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)
    with pikepdf.open(out, password="open sesame 芝麻") as pdf:
        assert pdf.encryption.R == 6 and pdf.encryption.bits == 256
        assert pdf.encryption.stream_method.name == "aesv3"
        assert pdf.is_encrypted and not pdf.check_pdf_syntax()
        assert str(pdf.docinfo["/Producer"]) == "Vigil"
    assert CHINESE_NAME.encode("utf-16-be") not in out.read_bytes()
    assert b"Ilham" not in out.read_bytes()


def test_cases_with_bad_photo_still_render(vigil, dossier_vault, tmp_path):
    out = tmp_path / "d.pdf"
    result = vigil("--vault", dossier_vault, "dossier", "--case", BAD_PHOTO_CASE, "--case",
                   PUBLIC_CASE, "--profile", "public", "--recipient", "Desk", "-o", out)
    assert result.code == 0, result.err
    assert "1 photo(s) could not be read" in result.err
    assert "Brokenphoto" not in result.err
    assert "Photo could not be read" in " ".join(pdf_text(out).split())


def test_missing_photo_blob_still_renders(vigil, dossier_vault, tmp_path):
    for blob in (dossier_vault / "blobs").rglob("*"):
        if blob.is_file():
            blob.unlink()
    out = tmp_path / "d.pdf"
    result = vigil("--vault", dossier_vault, "dossier", "--case", PUBLIC_CASE, "--profile",
                   "internal", "--recipient", "Desk", "-o", out)
    assert result.code == 0, result.err
    assert "Photo missing from the vault" in " ".join(pdf_text(out).split())


@pytest.mark.parametrize("option, ref", [("--meeting", "00000000-0000-4000-8000-999999999999"),
                                         ("--case", "00000000-0000-4000-8000-999999999998")])
def test_unknown_id(vigil, dossier_vault, tmp_path, option, ref):
    result = vigil("--vault", dossier_vault, "dossier", option, ref, "--profile", "internal",
                   "--recipient", "Desk", "-o", tmp_path / "d.pdf")
    clean_error(result)
    assert ref in result.err
    assert list(tmp_path.iterdir()) == [dossier_vault]


def test_nothing_left_after_profile(vigil, dossier_vault, tmp_path):
    result = vigil("--vault", dossier_vault, "dossier", "--case", DNR_CASE, "--case",
                   PRIVATE_CASE, "--case", UNKNOWN_CASE, "--profile", "public",
                   "--recipient", "Desk", "-o", tmp_path / "d.pdf")
    clean_error(result, "Donotraise", "Privata")
    assert "None of the chosen cases may appear in a public dossier" in result.err
    assert list(tmp_path.iterdir()) == [dossier_vault]


def test_meeting_without_cases(vigil, dossier_vault, tmp_path):
    result = vigil("--vault", dossier_vault, "dossier", "--meeting", EMPTY_MEETING, "--profile",
                   "internal", "--recipient", "Desk", "-o", tmp_path / "d.pdf")
    clean_error(result)
    assert list(tmp_path.iterdir()) == [dossier_vault]


def test_missing_password_file(vigil, dossier_vault, tmp_path):
    result = dossier(vigil, dossier_vault, tmp_path / "d.pdf", "internal",
                     "--pdf-password-file", tmp_path / "nope.txt")
    clean_error(result)
    assert list(tmp_path.iterdir()) == [dossier_vault]


def test_missing_output_folder(vigil, dossier_vault, tmp_path):
    result = dossier(vigil, dossier_vault, tmp_path / "nowhere" / "d.pdf", "internal")
    clean_error(result)
    assert list(tmp_path.iterdir()) == [dossier_vault]


def test_unwritable_output_folder(vigil, dossier_vault, tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):  # tests may run as root, who ignores modes
        if str(path).startswith(str(folder)) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr("app.vault.fsutil.os.open", refuse)
    result = dossier(vigil, dossier_vault, folder / "d.pdf", "internal")
    clean_error(result)
    assert list(folder.iterdir()) == []


def test_full_disk_leaves_nothing(vigil, dossier_vault, tmp_path, monkeypatch):
    class FullDisk:
        def __init__(self, handle):
            self.handle, self.written = handle, 0

        def write(self, data):
            self.written += len(data)
            if self.written > 20_000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.handle.write(data)

        def __getattr__(self, name):
            return getattr(self.handle, name)

    from contextlib import contextmanager

    @contextmanager
    def tight(target):
        with atomic_output(target) as handle:
            yield FullDisk(handle)

    monkeypatch.setattr("app.cli.dossier_commands.atomic_output", tight)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = dossier(vigil, dossier_vault, out_dir / "d.pdf", "internal")
    clean_error(result)
    assert "disk is full" in result.err
    assert list(out_dir.iterdir()) == []


# -- the rules that protect people: other governments' confidences, consent marks --------------

def pages_of(path):
    return pdf_text(path).split("\f")[:-1]


@pytest.mark.parametrize("profile", ["diplomatic", "public"])
def test_another_governments_private_ask_stays_out(vigil, dossier_vault, tmp_path, profile):
    out = tmp_path / "d.pdf"
    assert dossier(vigil, dossier_vault, out, profile).code == 0
    text = " ".join(pdf_text(out).split())
    assert "THIRDPARTYASK" not in text and "THIRDENVOY" not in text
    if profile == "diplomatic":
        assert "PRIVATEASK" in text  # the recipient's own private ask


def test_recipient_org_decides_whose_private_asks_show(vigil, dossier_vault, tmp_path):
    out = tmp_path / "d.pdf"
    result = dossier(vigil, dossier_vault, out, "diplomatic", "--recipient-org", THIRD_GOV)
    assert result.code == 0, result.err
    text = " ".join(pdf_text(out).split())
    assert "THIRDPARTYASK" in text and "PRIVATEASK" not in text
    internal = tmp_path / "i.pdf"
    assert dossier(vigil, dossier_vault, internal, "internal").code == 0
    assert "THIRDPARTYASK" in " ".join(pdf_text(internal).split())


def test_case_selection_without_recipient_org_shows_no_private_ask(vigil, dossier_vault,
                                                                   tmp_path):
    out = tmp_path / "d.pdf"
    result = vigil("--vault", dossier_vault, "dossier", "--case", PUBLIC_CASE, "--profile",
                   "diplomatic", "--recipient", "Desk", "-o", out)
    assert result.code == 0, result.err
    text = " ".join(pdf_text(out).split())
    assert "PRIVATEASK" not in text and "THIRDPARTYASK" not in text and "PUBLICASK" in text


def test_unknown_recipient_org_is_a_clear_error(vigil, dossier_vault, tmp_path):
    result = dossier(vigil, dossier_vault, tmp_path / "d.pdf", "diplomatic",
                     "--recipient-org", "00000000-0000-4000-8000-999999999997")
    clean_error(result)
    assert "No organisation" in result.err


def test_unknown_consent_is_marked_on_every_page_row_and_bookmark(vigil, dossier_vault,
                                                                   tmp_path):
    out = tmp_path / "d.pdf"
    assert dossier(vigil, dossier_vault, out, "diplomatic").code == 0
    pages = pages_of(out)
    summary = next(p for p in pages if p.lstrip().startswith("Summary"))
    rows = " ".join(summary.split())
    assert "CONSENT UNKNOWN: RAISE PRIVATELY" in rows and "RAISE PRIVATELY" in rows
    for name, mark in (("Unconsented Person", "CONSENT UNKNOWN: RAISE PRIVATELY"),
                       ("Privata Person", "RAISE PRIVATELY")):
        own = [p for p in pages if f"of 3: {name}" in " ".join(p.split())]
        assert own, name
        assert all(mark in " ".join(p.split()) for p in own), name
    public = [p for p in pages if "of 3: Ilham Testov" in " ".join(p.split())]
    assert public and not any("RAISE PRIVATELY" in p for p in public)
    with pikepdf.open(out) as pdf:
        outline = [item.title for item in pdf.open_outline().root]
    assert any(t.startswith("Unconsented Person") and t.endswith(
        "Consent unknown: raise privately") for t in outline)
    assert any(t.startswith("Privata Person") and t.endswith("Raise privately")
               for t in outline)


def test_unknown_consent_continuation_pages_carry_the_mark(tmp_path):
    """A case whose history runs over many pages: every one of them says whose and the mark."""
    from datetime import date

    from app.domain.dates import FuzzyDate
    from app.domain.enums import Consent, Status
    from app.domain.model import Case
    from app.dossier.model import AskRecord, DossierCase, DossierInput, Profile
    from app.dossier.pdf import write_dossier

    asks = tuple(AskRecord(date=FuzzyDate(2020, 1 + k % 12), raised_by=f"Envoy {k}",
                           raised_with="", government="G", government_id="g", channel=None,
                           public=True, response_text="A long answer. " * 10)
                 for k in range(80))
    case = Case(id="c", display_name="Longhistory Person", consent=Consent.UNKNOWN,
                status=Status.SENTENCED)
    out = tmp_path / "d.pdf"
    with out.open("wb") as handle:
        report = write_dossier(DossierInput(recipient="Desk", prepared_on=date(2026, 3, 1),
                                            cases=(DossierCase(case=case, asks=asks),)),
                               Profile.DIPLOMATIC, handle)
    pages = pages_of(out)
    own = [" ".join(p.split()) for p in pages[2:]]
    assert report.pages >= 5 and len(own) == report.pages - 2
    assert all("Case 1 of 1: Longhistory Person" in p for p in own)
    assert all("CONSENT UNKNOWN: RAISE PRIVATELY" in p for p in own)
