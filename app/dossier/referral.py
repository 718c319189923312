# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a sanctions referral: the evidence on one official, for one regime, as a PDF.

Sections, in the order a sanctions team reads them: the submitting organisation; the
person (every name, identifiers, posts over time, existing designations); the conduct,
case by case, each claim followed by its citations [n]; the evidence table; the cases
linked; exculpatory information; the regime's criteria; the sources cited. What may show
is decided first, by `referral_model.screen`; this module prints what it is given, with the
dossier's fonts, text blocks, page template, neutral metadata and optional AES-256 password.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer

from app.domain.enums import Role, label
from app.dossier.brief import SCRIPTS, facts_table, h2, notice
from app.dossier.layout import WIDTH, DossierCanvas, DossierTemplate, Styles, day, fuzzy, grid, para
from app.dossier.pdf import _blank_banner, _encrypt
from app.dossier.referral_model import (
    Claim,
    LeftOut,
    ReferralCase,
    ReferralInput,
    consent_mark,
    numbered_sources,
    screen,
)
from app.dossier.regimes import REGIMES, ROLE_CONDUCT
from app.dossier.sections import outlined
from app.errors import Cancelled, UserError

CLASSIFICATION = "Sanctions referral. Confidential: not for publication."
NOTHING_LEFT = ("No claim about this official may appear in a referral (confidential "
                "sources, \u201cdo not raise\u201d or unconfirmed cases); nothing was written.")
NONE_KNOWN = ("None known. The submitting organisation is not aware of information that "
              "would contradict or mitigate the conduct set out above.")


@dataclass(frozen=True, slots=True)
class ReferralReport:
    cases: int
    claims: int
    sources: int
    pages: int
    encrypted: bool
    left_out: LeftOut


def write_referral(referral: ReferralInput, out: BinaryIO, *,
                   confirmed: frozenset[str] | set[str] = frozenset(),
                   password: str | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ReferralReport:
    """Screen ``referral`` and render what may be shown into ``out``.

    ``confirmed``: the private-only or unknown-consent cases the user chose to include.
    Raises UserError when nothing may be shown, before anything is written to ``out``.
    """
    shown, left = screen(referral, confirmed)
    if not shown.cases:
        raise UserError(NOTHING_LEFT)
    if password is not None and not password:
        raise UserError("The PDF password is empty.")
    styles = Styles()
    numbers = numbered_sources(shown)

    def on_section(key: str) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()

    target = io.BytesIO()
    doc = DossierTemplate(target, styles=styles, on_section=on_section,
                          footer_left=f"Prepared for {shown.recipient}, "
                                      f"{day(shown.prepared_on)}",
                          footer_mid=CLASSIFICATION.split(".")[0])
    doc.title = "Referral"
    story = (_cover(styles, shown) + _submitter(styles, shown) + _person(styles, shown)
             + _conduct(styles, shown, numbers) + _evidence(styles, shown, numbers)
             + _cases(styles, shown) + _exculpatory(styles, shown)
             + _criteria(styles, shown) + _sources(styles, shown, numbers))
    doc.build(story, canvasmaker=DossierCanvas)
    doc.finish()
    _blank_banner(target)
    if password:
        _encrypt(target, out, password)
    else:
        out.write(target.getbuffer())
    claims = sum(len(c.claims) for c in shown.cases)
    return ReferralReport(cases=len(shown.cases), claims=claims, sources=len(numbers),
                          pages=doc.page, encrypted=bool(password), left_out=left)


def _cover(s: Styles, r: ReferralInput) -> list:
    regime = REGIMES[r.regime]
    p = r.person
    story: list = [Spacer(1, 16 * mm)]
    if r.submitter:
        story.append(para(s, r.submitter, s.subtitle))
    story.append(outlined(Paragraph("Sanctions referral", s.title), "Cover", "cover"))
    story.append(para(s, p.name, s.subtitle))
    if p.name_original:
        story.append(para(s, p.name_original, s.h1_sub))
    post = ", ".join(x for x in (p.title, p.organisation) if x)
    rows = [("Position", post)] if post else []
    rows += [("Regime", regime.name), ("Legal basis", regime.legal_basis),
             ("Prepared for", r.recipient)]
    if r.submitter:
        rows.append(("Submitted by", r.submitter))
    rows.append(("Information current as of", day(r.prepared_on)))
    count = len(r.cases)
    claims = sum(len(c.claims) for c in r.cases)
    rows.append(("Evidence", f"{claims} claim{'s' if claims != 1 else ''} in {count} "
                             f"case{'s' if count != 1 else ''}, each cited to its sources"))
    return story + [Spacer(1, 8 * mm), facts_table(s, rows), Spacer(1, 6 * mm),
                    Paragraph(CLASSIFICATION, s.classification), PageBreak()]


def _section(s: Styles, number: int, title: str) -> list:
    return [CondPageBreak(40 * mm), Spacer(1, 5 * mm),
            outlined(Paragraph(f"{number}. {title}", s.h1), title, f"section{number}")]


def _submitter(s: Styles, r: ReferralInput) -> list:
    text = r.submitter or "Not recorded in this vault."
    return _section(s, 1, "Submitting organisation") + [
        facts_table(s, [("Organisation", text), ("Submitted to", r.recipient),
                        ("Date", day(r.prepared_on))]), Spacer(1, 4 * mm)]


def _person(s: Styles, r: ReferralInput) -> list:
    p = r.person
    story = _section(s, 2, "The person")
    rows = [("Name", p.name)]
    if p.name_original:
        rows.append(("Original script", p.name_original))
    for other in p.other_names:
        rows.append((SCRIPTS.get(other.script or "", other.script or "Other name"),
                     other.name))
    for key, value in (("Gender", p.gender), ("Born", str(p.birth_year or "") or None),
                       ("Level", p.level), ("Current title", p.title),
                       ("Organisation", p.organisation), ("Country", p.country)):
        if value:
            rows.append((key, value))
    story += [h2(s, "Names and particulars"), _pairs(s, rows)]
    story.append(h2(s, "Identifiers"))
    if p.identifiers:
        head = [Paragraph(t, s.cell_head) for t in ("Kind", "Identifier", "Where it comes from")]
        story.append(grid([head] + [[para(s, i.kind, s.cell), para(s, i.value, s.cell),
                                     para(s, i.note or "", s.cell)] for i in p.identifiers],
                          [WIDTH * f for f in (0.25, 0.3, 0.45)]))
    else:
        story.append(para(s, "None recorded.", s.cell))
    story.append(h2(s, "Positions held"))
    if p.positions:
        head = [Paragraph(t, s.cell_head) for t in ("From", "To", "Title", "Organisation")]
        rows2 = [[para(s, fuzzy(x.start) or "unknown", s.cell),
                  para(s, fuzzy(x.end) or ("unknown" if x.start is None else "present or "
                                           "unknown"), s.cell),
                  para(s, x.title or "", s.cell), para(s, x.organisation or "", s.cell)]
                 for x in sorted(p.positions, key=_start)]
        story.append(grid([head] + rows2, [WIDTH * f for f in (0.15, 0.17, 0.3, 0.38)]))
    else:
        story.append(para(s, "None recorded.", s.cell))
    story.append(h2(s, "Existing sanctions designations"))
    if p.sanctions:
        head = [Paragraph(t, s.cell_head) for t in ("Regime", "Listed on", "Reference")]
        story.append(grid([head] + [[para(s, REGIMES[x.regime].name, s.cell),
                                     para(s, fuzzy(x.listed_on), s.cell),
                                     para(s, x.reference or "", s.cell)] for x in p.sanctions],
                          [WIDTH * f for f in (0.45, 0.2, 0.35)]))
    else:
        story.append(para(s, "None known to the submitting organisation.", s.cell))
    return story


def _start(position) -> tuple[int, date]:
    """Posts by start, undated ones last."""
    return (0, position.start.earliest()) if position.start else (1, date.min)


def _pairs(s: Styles, rows: list[tuple[str, str]]):
    data = [[para(s, k, s.label), para(s, v, s.cell)] for k, v in rows]
    return grid(data, [WIDTH * 0.25, WIDTH * 0.75], header=False, zebra=False)


def case_heading(c: ReferralCase) -> str:
    return c.display_name + (f" ({c.name_original})" if c.name_original else "")


def claim_text(claim: Claim) -> str:
    when = fuzzy(claim.date)
    text = label(claim.role) + (f", {when}" if when else "")
    if claim.description:
        text += f": {claim.description}"
    return text


def citations(claim: Claim, numbers: dict[str, int]) -> str:
    if not claim.source_ids:
        return " [no source recorded]"
    return " " + "".join(f"[{numbers[sid]}]" for sid in claim.source_ids)


def _conduct(s: Styles, r: ReferralInput, numbers: dict[str, int]) -> list:
    story = _section(s, 3, "The conduct, case by case")
    story.append(para(s, "Each claim is followed by the numbers of its sources, listed in "
                         "section 8 and weighed in section 4.", s.small))
    n = 0
    for index, case in enumerate(r.cases, 1):
        title = f"Case {index}: {case_heading(case)}"
        story.append(CondPageBreak(30 * mm))
        story.append(outlined(para(s, title, s.h2), title, f"case{index}", level=1))
        mark = consent_mark(case)
        if mark:
            story.append(notice(para(s, f"{mark.upper()}: included with the explicit "
                                        "confirmation of the submitting organisation. "
                                        "Please do not name this person in public.",
                                     s.notice)))
        for claim in case.claims:
            n += 1
            story.append(para(s, claim_text(claim) + citations(claim, numbers), s.body,
                              lead=f"Claim {n}. "))
    return story


def _evidence(s: Styles, r: ReferralInput, numbers: dict[str, int]) -> list:
    story = _section(s, 4, "Evidence table")
    head = [Paragraph(t, s.cell_head) for t in ("Claim", "Source", "Kind", "Reliability")]
    rows = [head]
    n = 0
    for case in r.cases:
        by_id = {src.id: src for src in case.sources}
        for claim in case.claims:
            n += 1
            what = para(s, f"{label(claim.role)}, {case.display_name}", s.cell,
                        lead=f"{n}. ")
            if not claim.source_ids:
                rows.append([what, para(s, "No source recorded", s.cell), "", ""])
            for k, sid in enumerate(claim.source_ids):
                src = by_id[sid]
                rows.append([what if k == 0 else "",
                             para(s, src.title, s.cell, lead=f"[{numbers[sid]}] "),
                             para(s, label(src.kind) if src.kind else "—", s.cell),
                             para(s, label(src.reliability) if src.reliability else "Not "
                                  "assessed", s.cell)])
    return story + [grid(rows, [WIDTH * f for f in (0.32, 0.4, 0.14, 0.14)], zebra=False)]


def _cases(s: Styles, r: ReferralInput) -> list:
    story = _section(s, 5, "The cases linked")
    head = [Paragraph(t, s.cell_head) for t in ("Case", "Status", "Summary")]
    rows = [head]
    for case in r.cases:
        cell = [para(s, case.display_name, s.cell_bold)]
        if case.name_original:
            cell.append(para(s, case.name_original, s.cell))
        mark = consent_mark(case)
        if mark:
            cell.append(para(s, mark.upper(), s.mark))
        rows.append([cell, para(s, label(case.status) if case.status else "Unknown", s.cell),
                     para(s, case.summary or "—", s.cell)])
    return story + [grid(rows, [WIDTH * f for f in (0.28, 0.2, 0.52)])]


def _exculpatory(s: Styles, r: ReferralInput) -> list:
    text = r.exculpatory if r.exculpatory is not None else NONE_KNOWN
    return _section(s, 6, "Exculpatory information") + [para(s, text)]


def _criteria(s: Styles, r: ReferralInput) -> list:
    regime = REGIMES[r.regime]
    story = _section(s, 7, "The regime's criteria")
    story.append(facts_table(s, [("Regime", regime.name), ("Legal basis", regime.legal_basis),
                                 ("Decided by", regime.authority)]))
    story.append(h2(s, "Criteria"))
    for k, sentence in enumerate(regime.criteria, 1):
        story.append(para(s, sentence, s.body, lead=f"{k}. "))
    roles: Counter[Role] = Counter(claim.role for c in r.cases for claim in c.claims)
    story.append(h2(s, "The conduct set out in section 3"))
    for role, count in sorted(roles.items(), key=lambda kv: list(Role).index(kv[0])):
        story.append(para(s, f"{label(role)} ({count} claim{'s' if count != 1 else ''}): "
                             f"{ROLE_CONDUCT[role]}.", s.body, lead="• "))
    story.append(para(s, "Whether the conduct meets the criteria is for the authority to "
                         "decide; this section says under which criteria it is offered.",
                      s.small))
    return story


def _sources(s: Styles, r: ReferralInput, numbers: dict[str, int]) -> list:
    story = _section(s, 8, "Sources cited")
    by_id = {src.id: src for case in r.cases for src in case.sources}
    rows = []
    for sid, n in sorted(numbers.items(), key=lambda kv: kv[1]):
        src = by_id[sid]
        bits = [src.title]
        if src.kind:
            bits.append(label(src.kind))
        bits.append(f"reliability: {label(src.reliability).lower()}" if src.reliability
                    else "reliability not assessed")
        if src.url:
            bits.append(src.url)
        rows.append([para(s, f"[{n}]", s.cell_bold), para(s, " — ".join(bits), s.cell)])
    if rows:  # a table: an entry never breaks across pages
        story.append(grid(rows, [WIDTH * 0.07, WIDTH * 0.93], header=False, zebra=False))
    else:
        story.append(para(s, "No source is cited.", s.cell))
    return story
