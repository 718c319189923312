# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small vault for dossier tests, filled through the services; and ways to read a PDF back.

Everything in it is invented. Markers in capitals (CONFSRC, FAMILYCONTACT, …) stand for what
must never leave the internal profile, so tests can look for them in the extracted text.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from app.domain.dates import FuzzyDate
from app.domain.enums import (
    Access,
    Channel,
    Consent,
    EventKind,
    OrganisationKind,
    Request,
    Response,
    SourceKind,
    Status,
)
from app.domain.model import (
    Ask,
    Case,
    Event,
    Meeting,
    MeetingCase,
    Official,
    Organisation,
    OtherName,
    Source,
)
from app.services import asks, attachments, cases, directory, meetings
from app.vault.vault import Vault

PASSPHRASE = "passphrase123"
CHINESE_NAME = "伊力哈木·测试提"  # invented, with the middle dot U+00B7
UYGHUR_NAME = "ئابدۇۋەلى مەمەت"  # invented two-word name


def _id(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


GOV, PRC, MINISTER, VICE = _id(1), _id(2), _id(3), _id(4)
PUBLIC_CASE, PRIVATE_CASE, DNR_CASE, UNKNOWN_CASE, BAD_PHOTO_CASE = (_id(n) for n in
                                                                      range(10, 15))
MEETING, EMPTY_MEETING = _id(20), _id(21)
THIRD_GOV, THIRD_ENVOY = _id(5), _id(6)  # another government, with its own private démarche


def png(color=(90, 110, 140)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), color).save(out, "PNG")
    return out.getvalue()


def _case(case_id: str, name: str, consent: Consent, **kw) -> Case:
    return Case(id=case_id, display_name=name, consent=consent, status=Status.SENTENCED,
                status_since=FuzzyDate(2019, 3, 2), lawyer_access=Access.DENIED, **kw)


def fill(vault: Vault) -> None:
    with vault.session() as s:
        directory.save_organisation(s, Organisation(id=GOV, name="Examplestan Foreign Office",
                                                    country="XE",
                                                    kind=OrganisationKind.GOVERNMENT))
        directory.save_organisation(s, Organisation(id=PRC, name="PRC Foreign Ministry",
                                                    kind=OrganisationKind.DETAINING_AUTHORITY))
        directory.save_official(s, Official(id=MINISTER, name="Anna Example", title="Minister",
                                            organisation_id=GOV))
        directory.save_official(s, Official(id=VICE, name="王测试", organisation_id=PRC))
        directory.save_organisation(s, Organisation(id=THIRD_GOV, name="Thirdland Foreign Office",
                                                    kind=OrganisationKind.GOVERNMENT))
        directory.save_official(s, Official(id=THIRD_ENVOY, name="THIRDENVOY Smith",
                                            organisation_id=THIRD_GOV))
        cases.save_case(s, _case(
            PUBLIC_CASE, "Ilham Testov", Consent.PUBLIC, name_original=CHINESE_NAME,
            other_names=(OtherName(UYGHUR_NAME, "ug-Arab"),),
            summary="An invented economist.", internal_notes="FAMILYCONTACT sister +1 555 0100",
            charges=("separatism",), health_concerns="Heart condition.",
            events=(Event(id=_id(100), date=FuzzyDate(2014, 1, 15), kind=EventKind.DETAINED,
                          title="Taken from home", source_ids=(_id(102),)),
                    Event(id=_id(101), date=FuzzyDate(2014, 2), kind=EventKind.OTHER,
                          title="CONFEVENT told in confidence", source_ids=(_id(103),))),
            sources=(Source(id=_id(102), title="PUBSOURCE news report", kind=SourceKind.NEWS,
                            url="https://example.org/report", notes="SOURCENOTE"),
                     Source(id=_id(103), title="CONFSRC family interview", confidential=True,
                            kind=SourceKind.FAMILY))))
        cases.save_case(s, _case(PRIVATE_CASE, "Privata Person", Consent.PRIVATE_ONLY,
                                 name_original="李私下"))
        cases.save_case(s, _case(DNR_CASE, "Donotraise Person", Consent.DO_NOT_RAISE))
        cases.save_case(s, _case(UNKNOWN_CASE, "Unconsented Person", Consent.UNKNOWN))
        cases.save_case(s, _case(BAD_PHOTO_CASE, "Brokenphoto Person", Consent.PUBLIC))
        asks.save_ask(s, Ask(id=_id(30), date=FuzzyDate(2024, 5, 1),
                             raised_by_official_id=MINISTER, raised_with_official_id=VICE,
                             channel=Channel.BILATERAL_MEETING, public=False,
                             requests=(Request.RELEASE,), response=Response.INTERNAL_AFFAIR,
                             response_text="PRIVATEASK reply", case_ids=(PUBLIC_CASE,),
                             notes="ASKNOTE working note"))
        asks.save_ask(s, Ask(id=_id(31), date=FuzzyDate(2023, 3), raised_by_organisation_id=GOV,
                             channel=Channel.PUBLIC_STATEMENT, public=True,
                             requests=(Request.MEDICAL_CARE,), response=Response.NONE,
                             response_text="PUBLICASK statement", case_ids=(PUBLIC_CASE,)))
        asks.save_ask(s, Ask(id=_id(32), date=FuzzyDate(2025, 1, 9),
                             raised_by_official_id=THIRD_ENVOY, raised_with_official_id=VICE,
                             channel=Channel.DEMARCHE, public=False,
                             requests=(Request.RELEASE,), response=Response.INTERNAL_AFFAIR,
                             response_text="THIRDPARTYASK reply in confidence",
                             case_ids=(PUBLIC_CASE, UNKNOWN_CASE)))
        meetings.save_meeting(s, Meeting(
            id=MEETING, title="Bilateral on human rights",
            starts_at=datetime(2026, 3, 5, 10, 0, tzinfo=UTC), organisation_id=GOV,
            official_ids=(MINISTER,), location="Capital",
            cases=(MeetingCase(PUBLIC_CASE, ask="THEASK release now", talking_points="TP one"),
                   MeetingCase(PRIVATE_CASE, ask="Proof of life"),
                   MeetingCase(DNR_CASE, ask="DNRASK"),
                   MeetingCase(UNKNOWN_CASE, ask="Whereabouts"))))
        meetings.save_meeting(s, Meeting(id=EMPTY_MEETING, title="Nothing yet",
                                         starts_at=datetime(2026, 4, 1, tzinfo=UTC)))
    attachments.add_attachment(vault, PUBLIC_CASE, io.BytesIO(png()), "a.png", as_photo=True)
    attachments.add_attachment(vault, PRIVATE_CASE, io.BytesIO(png((200, 50, 50))), "b.png",
                               as_photo=True, confidential=True)
    attachments.add_attachment(vault, BAD_PHOTO_CASE, io.BytesIO(b"not an image at all"),
                               "c.png", as_photo=True)


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          check=True)
    return done.stdout.decode("utf-8")


def image_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return sum(1 for page in pdf.pages for _ in page.get_images())
