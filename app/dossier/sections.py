# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The parts of a dossier as platypus flowables: cover, summary table, then per case a
one-page brief (`app.dossier.brief`) followed by its annex (timeline, asks, sources).

Prints exactly what it is given: what a profile may show is decided before this, in
`app.dossier.profiles`. The consent mark of a case (`profiles.consent_mark`) is printed
wherever the case appears: summary row, bookmark, and the running header of its pages.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer

from app.domain.enums import label
from app.domain.model import Case
from app.dossier.brief import answer_text, brief, facts_table, h2
from app.dossier.layout import WIDTH, Styles, day, fuzzy, grid, para
from app.dossier.model import DossierCase, DossierInput, Profile
from app.dossier.profiles import consent_mark

CLASSIFICATION = {
    Profile.INTERNAL: "INTERNAL — contains confidential sources and notes. Do not share.",
    Profile.DIPLOMATIC: "For diplomatic use. Not for publication.",
    Profile.PUBLIC: "Public.",
}


class CaseStart(Flowable):
    """Takes no room; tells the page template whose pages follow (for the running header)."""

    def __init__(self, case: Case, index: int, total: int) -> None:
        super().__init__()
        self.vigil_case = (index, total, case.display_name, case.name_original,
                           consent_mark(case))

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self) -> None:
        pass


def outlined(flowable, title: str, key: str, level: int = 0):
    flowable.vigil_outline = (title, key, level)
    return flowable


def case_title(case: Case) -> str:
    """The case as a bookmark names it, mark included: the outline is copied too."""
    title = case.display_name + (f" ({case.name_original})" if case.name_original else "")
    mark = consent_mark(case)
    return f"{title} — {mark}" if mark else title


def cover(s: Styles, d: DossierInput, profile: Profile) -> list:
    story: list = [Spacer(1, 16 * mm)]
    if d.issuer:
        story.append(para(s, d.issuer, s.subtitle))
    story.append(outlined(Paragraph("Dossier", s.title), "Cover", "cover"))
    if d.meeting is not None:
        m = d.meeting
        story.append(para(s, m.title, s.subtitle))
        when = f"{day(m.starts_at.date())}, {m.starts_at.strftime('%H:%M')} " \
               f"{m.starts_at.tzname() or ''}".strip()
        rows = [("Date", when), ("Place", m.location), ("Counterpart", m.counterpart),
                ("Officials", "; ".join(m.officials)), ("Agenda", m.agenda)]
        story += [Spacer(1, 4 * mm), facts_table(s, [(k, v) for k, v in rows if v])]
    else:
        count = len(d.cases)
        story.append(para(s, f"{count} case{'s' if count != 1 else ''}", s.subtitle))
    rows = [("Prepared for", d.recipient)]
    if d.government:
        rows.append(("Recipient organisation", d.government))
    if d.issuer:
        rows.append(("Issued by", d.issuer))
    rows.append(("Information current as of", day(d.prepared_on)))
    story += [Spacer(1, 10 * mm), facts_table(s, rows), Spacer(1, 6 * mm),
              Paragraph(CLASSIFICATION[profile], s.classification), PageBreak()]
    return story


def summary(s: Styles, d: DossierInput) -> list:
    raised_by = "Last raised by this government" if d.government else "Last raised"
    head = [Paragraph(t, s.cell_head) for t in ("Case", "Status", "Detained since",
                                                raised_by, "The ask")]
    rows = [head]
    for item in d.cases:
        c = item.case
        cell = [para(s, c.display_name, s.cell_bold)]
        if c.name_original:
            cell.append(para(s, c.name_original, s.cell))
        mark = consent_mark(c)
        if mark:
            cell.append(para(s, mark.upper(), s.mark))
        since = fuzzy(item.detained_since)
        if since and item.days_detained is not None:
            since += f" (at least {item.days_detained} days)"
        rows.append([cell, para(s, label(c.status) if c.status else "Unknown", s.cell),
                     para(s, since or "—", s.cell),
                     para(s, fuzzy(item.last_raised_by_government) or "never", s.cell),
                     para(s, item.ask or "—", s.cell)])
    widths = [WIDTH * f for f in (0.25, 0.13, 0.16, 0.14, 0.32)]
    intro = (para(s, d.government, s.small, lead="“This government”: ") if d.government
             else Paragraph("“Last raised”: by any government, parliament or intergovernmental "
                             "body (never our own or other NGOs' asks).", s.small))
    return [outlined(Paragraph("Summary", s.h1), "Summary", "summary"), intro,
            Spacer(1, 3 * mm), grid(rows, widths), PageBreak()]


def case_section(s: Styles, item: DossierCase, index: int, total: int, profile: Profile,
                 problems: list[int], d: DossierInput) -> list:
    """The pages of one case; appends ``index`` to ``problems`` if its photo is unusable."""
    c = item.case
    start = outlined(CaseStart(c, index, total), case_title(c), f"case{index}")
    story: list = [start] + brief(s, item, index, profile, problems, d)
    annex = _annex(s, item, profile)
    if annex:
        story += [PageBreak(), Paragraph("Annex: history and sources", s.h1_annex)] + annex
    story.append(PageBreak())
    return story


def _annex(s: Styles, item: DossierCase, profile: Profile) -> list:
    c = item.case
    story: list = []
    if c.summary:
        story += [h2(s, "Summary"), para(s, c.summary)]
    more = _more_facts(c, profile)
    if more:
        story += [h2(s, "Further details"), facts_table(s, more)]
    if c.events:
        story += _timeline(s, c)
    if item.asks:
        story += _asks(s, item)
    if c.sources:
        story += _sources(s, c)
    if profile is Profile.INTERNAL and c.internal_notes:
        story += [h2(s, "Internal notes (never in other profiles)"), para(s, c.internal_notes)]
    return story


def _more_facts(c: Case, profile: Profile) -> list[tuple[str, str]]:
    rows = [("Nationality", ", ".join(c.nationalities)),
            ("Born", str(c.birth_year) if c.birth_year else ""),
            ("Gender", label(c.gender) if c.gender else ""), ("Ethnicity", c.ethnicity or ""),
            ("Category", label(c.category) if c.category else ""),
            ("Occupation", c.occupation or "")]
    if c.confession is not None:
        rows.append(("Televised “confession”", ", ".join(
            x for x in (fuzzy(c.confession.date), c.confession.broadcaster) if x) or "yes"))
    if profile is Profile.INTERNAL:
        rows += [("Consent", label(c.consent) if c.consent else "Unknown"),
                 ("Priority", str(c.priority) if c.priority else ""),
                 ("Tags", ", ".join(c.tags))]
    return [(k, v) for k, v in rows if v]


def _timeline(s: Styles, c: Case) -> list:
    details = any(e.description for e in c.events)
    head = ("Date", "Event", "Details") if details else ("Date", "Event")
    rows = [[Paragraph(t, s.cell_head) for t in head]]
    for e in sorted(c.events, key=lambda e: e.date):
        what = e.title or (label(e.kind) if e.kind else "")
        row = [para(s, fuzzy(e.date), s.cell), para(s, what, s.cell)]
        if details:
            row.append(para(s, e.description or "", s.cell))
        rows.append(row)
    widths = [WIDTH * 0.17, WIDTH * 0.28, WIDTH * 0.55] if details else \
        [WIDTH * 0.17, WIDTH * 0.83]
    return [CondPageBreak(30 * mm), h2(s, "Timeline"), grid(rows, widths)]


def _asks(s: Styles, item: DossierCase) -> list:
    rows = [[Paragraph(t, s.cell_head) for t in
             ("Date", "Raised by / with", "Channel", "Asked", "Response")]]
    for a in item.asks:
        who = a.raised_by + (f" → {a.raised_with}" if a.raised_with else "")
        channel = label(a.channel) if a.channel else ""
        channel += ", public" if a.public else ", private"
        asked = ", ".join(label(r) for r in a.requests)
        cells = [para(s, fuzzy(a.date), s.cell), para(s, who, s.cell),
                 para(s, channel.lstrip(", "), s.cell), para(s, asked, s.cell),
                 para(s, answer_text(a), s.cell)]
        if a.notes:
            cells[-1] = [cells[-1], para(s, a.notes, s.small, lead="Note: ")]
        rows.append(cells)
    return [CondPageBreak(30 * mm), h2(s, "History of asks"),
            grid(rows, [WIDTH * f for f in (0.12, 0.24, 0.14, 0.16, 0.34)])]


def _sources(s: Styles, c: Case) -> list:
    story = [h2(s, "Sources")]
    for n, src in enumerate(c.sources, 1):
        bits = [src.title]
        if src.kind:
            bits.append(label(src.kind))
        if src.url:
            bits.append(src.url)
        story.append(para(s, " — ".join(bits), s.cell, lead=f"{n}. "))
        if src.confidential:
            story.append(Paragraph("Confidential source: internal profile only.", s.small))
        if src.notes:
            story.append(para(s, src.notes, s.small))
    story.append(Spacer(1, 2 * mm))
    return story

