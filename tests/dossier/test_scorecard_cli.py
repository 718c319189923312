# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`vigil scorecard` end to end: the table, the JSON shape, the PDF under each profile (read
back as text), and every bad input as one sentence with exit 1. Everyone here is invented."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path

import pikepdf
import pytest
from dossier_helpers import pdf_text

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, EncounterKind, Level, OrganisationKind, Response, Status
from app.domain.model import Ask, Case, Encounter, Official, Organisation
from app.services import asks, cases, directory, encounters
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

PASSPHRASE = "scorecard test passphrase"
D = FuzzyDate.parse


def _id() -> str:
    return str(uuid.uuid4())


DE, FR, NGO = _id(), _id(), _id()
MINISTER, ENVOY, FR_MINISTER = _id(), _id(), _id()
PUB, PRIV, DNR, UNK = _id(), _id(), _id(), _id()
SUMMIT = _id()
PUB_NAME, PRIV_NAME, DNR_NAME, UNK_NAME = "Publica Zhang", "Privata Li", "Donotraise Wu", \
    "Unbekannt Chen"
CHINESE = "王全璋"


def _fill(vault: Vault) -> None:
    with vault.session() as s:
        directory.save_organisation(s, Organisation(id=DE, name="Germany",
                                                    kind=OrganisationKind.GOVERNMENT))
        directory.save_organisation(s, Organisation(id=FR, name="France",
                                                    kind=OrganisationKind.GOVERNMENT))
        directory.save_organisation(s, Organisation(id=NGO, name="Our NGO",
                                                    kind=OrganisationKind.NGO))
        for oid, org, level in ((MINISTER, DE, Level.MINISTER), (ENVOY, DE, Level.AMBASSADOR),
                                (FR_MINISTER, FR, Level.MINISTER)):
            directory.save_official(s, Official(id=oid, name="X", organisation_id=org,
                                                level=level))
        for cid, name, consent in ((PUB, PUB_NAME, Consent.PUBLIC),
                                   (PRIV, PRIV_NAME, Consent.PRIVATE_ONLY),
                                   (DNR, DNR_NAME, Consent.DO_NOT_RAISE), (UNK, UNK_NAME, None)):
            cases.save_case(s, Case(id=cid, display_name=name, consent=consent,
                                    name_original=CHINESE if cid == PUB else None,
                                    status=Status.SENTENCED, internal_notes="INTERNALNOTE"))
        encounters.save_encounter(s, Encounter(
            id=SUMMIT, kind=EncounterKind.SUMMIT, title="Summit", starts_on=D("2025-03-10"),
            organisation_ids=(DE, FR), level=Level.HEAD_OF_STATE_OR_GOVERNMENT))
        for ask in (
                Ask(id=_id(), date=D("2025-03-10"), raised_by_official_id=MINISTER, public=True,
                    case_ids=(PUB, DNR), encounter_id=SUMMIT, response=Response.DENIED,
                    notes="ASKNOTE"),
                Ask(id=_id(), date=D("2025-05"), raised_by_official_id=ENVOY, public=False,
                    case_ids=(PRIV,), follow_up_due=D("2025-06")),
                Ask(id=_id(), date=D("2025-06-01"), raised_by_official_id=FR_MINISTER,
                    public=False, case_ids=(PUB, UNK), encounter_id=SUMMIT),
                Ask(id=_id(), date=D("2024-06-01"), raised_by_official_id=FR_MINISTER,
                    public=True, case_ids=(PRIV,))):
            asks.save_ask(s, ask)


@pytest.fixture(scope="session")
def scorecard_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("scorecard") / "v"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=KdfParams.minimum())
    with vault:
        _fill(vault)
    return path


@pytest.fixture
def folder(scorecard_template, tmp_path, monkeypatch) -> Path:
    path = tmp_path / "v"
    shutil.copytree(scorecard_template, path)
    monkeypatch.setenv("VIGIL_PASSPHRASE", PASSPHRASE)
    return path


def card(vigil, folder, *extra, period=("2025", "2025")):
    return vigil("--vault", folder, "scorecard", "--government", DE, "--government", FR,
                 "--from", period[0], "--to", period[1], *extra)


def test_the_table_shows_governments_side_by_side(vigil, folder):
    result = card(vigil, folder)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Scorecard 2025-01-01 to 2025-12-31 (follow-ups as of " \
        f"{lines[0].split('as of ')[1]}"
    header = lines[2]
    assert header.index("Germany") < header.index("France")
    raised = next(line for line in lines if line.startswith("Named cases raised"))
    assert raised.split()[-2:] == ["3", "2"]
    share = next(line for line in lines if line.startswith("  with a named case raised "))
    assert share.split("  ")[-1].strip() == "1 of 1 (100%)"
    for name in (PUB_NAME, DNR_NAME, "INTERNALNOTE", "ASKNOTE"):
        assert name not in result.out


def test_json_shape(vigil, folder):
    result = card(vigil, folder, "--json")
    assert result.code == 0, result.err
    de, fr = json.loads(result.out)
    assert de["government_id"] == DE and de["from"] == "2025-01-01" and de["to"] == "2025-12-31"
    assert sorted(de["cases_raised"]["ids"]) == sorted([PUB, DNR, PRIV])
    assert de["cases_private_only"] == {"count": 1, "ids": [PRIV]}
    assert de["by_level"]["minister"]["public"]["count"] == 2
    assert de["by_level"]["ambassador"]["private_only"]["ids"] == [PRIV]
    assert set(de["by_level"]) == {lv.value for lv in Level} | {"unknown"}
    assert de["high_level_encounters"] == {"count": 1, "of": 1, "ids": [SUMMIT],
                                           "of_ids": [SUMMIT]}
    assert fr["high_level_encounters_public"]["count"] == 0
    assert de["responses"]["denied"]["count"] == 1 and set(de["responses"]) == \
        {r.value for r in Response}
    assert de["overdue_follow_ups"]["count"] == 1
    assert sorted(fr["cases_raised"]["ids"]) == sorted([PUB, UNK])  # 2024 is outside
    # A year, a month or a day: the same period.
    again = card(vigil, folder, "--json", period=("2025-01", "2025-12-31"))
    assert json.loads(again.out) == [de, fr]


def _one_sentence(result) -> None:
    assert result.code == 1, result
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert len(result.err.strip().splitlines()) == 1


@pytest.mark.parametrize("change, words", [
    ({"gov": "nope"}, "No organisation with that ID."),
    ({"gov": NGO}, "not a government"),
    ({"period": ("2026", "2025")}, "ends before it starts"),
    ({"period": ("2025-13", "2026")}, "--from is not a date"),
    ({"period": ("2025", "soon")}, "--to is not a date"),
    ({"period": ("2025~", "2026")}, "--from is not a date"),
    ({"extra": ("--pdf",)}, "-o FILE.pdf"),
    ({"extra": ("-o", "x.pdf")}, "go with --pdf"),
    ({"extra": ("--pdf", "--json", "-o", "x.pdf")}, "not both"),
])
def test_bad_input_is_one_sentence(vigil, folder, tmp_path, change, words):
    gov = change.get("gov", DE)
    start, end = change.get("period", ("2025", "2025"))
    before = sorted(p.name for p in tmp_path.iterdir())
    result = vigil("--vault", folder, "scorecard", "--government", gov, "--from", start,
                   "--to", end, *change.get("extra", ()))
    _one_sentence(result)
    assert words in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def _pdf(vigil, folder, tmp_path, profile, *extra) -> str:
    out = tmp_path / f"{profile}.pdf"
    result = card(vigil, folder, "--pdf", "-o", out, "--profile", profile,
                  "--recipient", "Jane Roe", *extra)
    assert result.code == 0, result.err
    assert "scorecard of 2 government(s)" in result.err
    with pikepdf.open(out) as pdf:
        assert not pdf.check_pdf_syntax()
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
    assert info["/Title"] == "Scorecard" and info["/Producer"] == "Vigil"
    raw = out.read_bytes()
    for leak in (os.environ.get("USER", "root"), str(tmp_path)):
        assert leak.encode() not in raw
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    return " ".join(pdf_text(out).split())


def test_the_internal_pdf_shows_everything(vigil, folder, tmp_path):
    text = _pdf(vigil, folder, tmp_path, "internal")
    for name in (PUB_NAME, PRIV_NAME, DNR_NAME, CHINESE, "DO NOT RAISE", "Germany", "France",
                 "Named cases raised, by level", "Prepared for Jane Roe"):
        assert name in text, name
    assert "INTERNALNOTE" not in text and "ASKNOTE" not in text


def test_a_diplomatic_pdf_hides_do_not_raise_and_other_governments_private_asks(
        vigil, folder, tmp_path):
    text = _pdf(vigil, folder, tmp_path, "diplomatic", "--recipient-org", DE)
    assert DNR_NAME not in text and "DO NOT RAISE" not in text
    assert PRIV_NAME in text and "RAISE PRIVATELY" in text
    # Germany: its private ask counts (Privata Li), the do-not-raise case does not;
    # France: its private ask is hidden, so it raised nothing at all.
    assert "Named cases raised 2 0" in text


def test_a_public_pdf_counts_only_public_asks_on_public_cases(vigil, folder, tmp_path):
    text = _pdf(vigil, folder, tmp_path, "public")
    assert PUB_NAME in text and CHINESE in text
    for hidden in (PRIV_NAME, DNR_NAME, UNK_NAME, "RAISE PRIVATELY"):
        assert hidden not in text, hidden
    assert "Named cases raised 1 0" in text


def test_a_long_list_shows_its_stalest_cases_and_how_many_more(tmp_path):
    from datetime import date

    from app.dossier.model import Profile
    from app.dossier.scorecard import CaseList, GovernmentLists, ScorecardInput, write_scorecard

    people = tuple(Case(id=_id(), display_name=f"Person {n:03d}", consent=Consent.PUBLIC)
                   for n in range(60))
    out = tmp_path / "scorecard.pdf"
    with out.open("wb") as stream:
        write_scorecard(ScorecardInput(
            profile=Profile.INTERNAL, start=date(2025, 1, 1), end=date(2025, 12, 31),
            prepared_on=date(2026, 1, 5), governments=("Germany",),
            rows=(("Asks counted", ("0",)),), charts=(), counted="Everything.",
            lists=(GovernmentLists("Germany", (CaseList("Cases to raise", people, limit=50),)),)),
            stream)
    text = " ".join(pdf_text(out).split())
    assert "Cases to raise (60)" in text and "Person 049" in text
    assert "Person 050" not in text and "and 10 more." in text
