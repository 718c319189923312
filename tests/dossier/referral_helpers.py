# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The dossier test vault plus an official of the detaining state and their involvements.

Markers in capitals stand for what a referral must never show: CONFSRC (a confidential
source), CONFONLYCLAIM (a claim known only from it), DNRCLAIM (a claim in a "do not raise"
case), UNKNOWNCLAIM / PRIVATECLAIM (cases shown only when confirmed), FAMILYCONTACT and
SOURCENOTE (internal notes), OFFICIALNOTE (the official's own notes).
"""

from __future__ import annotations

from dossier_helpers import DNR_CASE, PRC, PRIVATE_CASE, PUBLIC_CASE, UNKNOWN_CASE, _id

from app.domain.dates import FuzzyDate
from app.domain.enums import Gender, Level, Regime, Role
from app.domain.model import Identifier, Involvement, Official, OtherName, Position, Sanction
from app.services import directory, involvements

OFFICER = _id(40)
GONE = _id(41)  # an official removed from the vault
IDLE = _id(42)  # an official with no involvement
OFFICER_CHINESE = "张测试官"
OFFICER_UYGHUR = "ئابلىز تەستچى"
CLAIMS = {"ordered": _id(50), "confonly": _id(51), "mixed": _id(52), "dnr": _id(53),
          "unknown": _id(54), "private": _id(55)}


def fill_referral(vault) -> None:
    with vault.session() as s:
        directory.save_official(s, Official(
            id=OFFICER, name="Zhang Ceshi", name_original=OFFICER_CHINESE,
            other_names=(OtherName(OFFICER_UYGHUR, "ug-Arab"),
                         OtherName("Zhang Ce-shi", "zh-Latn-pinyin")),
            gender=Gender.MALE, birth_year=1970, level=Level.SENIOR_OFFICIAL,
            title="Director", organisation_id=PRC, country="CN",
            notes="OFFICIALNOTE met him once",
            identifiers=(Identifier(kind="Police number", value="PN-0042",
                                    note="Court judgment, page 3"),),
            positions=(Position(organisation_id=PRC, title="Deputy director",
                                start=FuzzyDate(2012), end=FuzzyDate(2016, 5)),
                       Position(organisation_id=PRC, title="Director", start=FuzzyDate(2016, 6))),
            sanctions=(Sanction(regime=Regime.US_GLOMAG, listed_on=FuzzyDate(2021, 3, 22),
                                reference="GLOMAG-TEST-1"),)))
        directory.save_official(s, Official(id=GONE, name="Removed Official"))
        directory.save_official(s, Official(id=IDLE, name="Idle Official"))
        s.flush()
        for key, case, role, sources, text in (
                ("ordered", PUBLIC_CASE, Role.ORDERED_DETENTION, (_id(102),),
                 "Signed the detention order PUBLICCLAIM"),
                ("confonly", PUBLIC_CASE, Role.ILL_TREATMENT, (_id(103),),
                 "CONFONLYCLAIM beaten in custody"),
                ("mixed", PUBLIC_CASE, Role.INTERROGATED, (_id(102), _id(103)),
                 "Led the interrogations MIXEDCLAIM"),
                ("dnr", DNR_CASE, Role.ARRESTED, (), "DNRCLAIM arrest"),
                ("unknown", UNKNOWN_CASE, Role.PROSECUTED, (), "UNKNOWNCLAIM indictment"),
                ("private", PRIVATE_CASE, Role.DENIED_ACCESS, (), "PRIVATECLAIM no lawyer")):
            involvements.save_involvement(s, Involvement(
                id=CLAIMS[key], case_id=case, official_id=OFFICER, role=role,
                date=FuzzyDate(2014, 1, 15), description=text, source_ids=sources))
        involvements.save_involvement(s, Involvement(
            id=_id(56), case_id=PUBLIC_CASE, official_id=GONE, role=Role.ARRESTED))
        s.flush()
        directory.delete_official(s, GONE)
