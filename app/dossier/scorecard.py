# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The scorecard PDF: governments side by side, a table of figures, bar charts, and the
cases behind the two lists a caseworker acts on (raised at the highest level, and not).

Plain data in (``ScorecardInput``, built by ``app.services.scorecard_data`` with counts
already made under the profile, ``profiles.scorecard_counts``), PDF out, through the
dossier's fonts, page template and neutral metadata. ``write_scorecard`` lists a case only
if ``profiles.case_allowed`` lets the profile show it, with its consent mark. Charts are
reportlab graphics (no network, no browser); their legends are set as text (any script).
Never prints internal notes, sources or ask details: none are in its input.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Paragraph, Spacer

from app.domain.model import Case
from app.dossier.layout import WIDTH, DossierCanvas, DossierTemplate, Styles, day, grid, para
from app.dossier.model import Profile
from app.dossier.pdf import _blank_banner
from app.dossier.profiles import case_allowed, consent_mark
from app.dossier.sections import CLASSIFICATION, outlined
from app.dossier.text import SANS

PALETTE = ("#1f5f8b", "#d9822b", "#3c8d5a", "#a23b72", "#6c757d", "#b8a02a", "#4b3f8f",
           "#c0392b")


@dataclass(frozen=True, slots=True)
class Chart:
    """Bars: for each category (our English label), one bar per government."""

    title: str
    categories: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]  # per government, one value per category
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CaseList:
    heading: str
    cases: tuple[Case, ...]  # id, names and consent are all it reads; in the order shown
    limit: int | None = None  # list the first this many the profile shows, then "and N more"


@dataclass(frozen=True, slots=True)
class GovernmentLists:
    government: str
    lists: tuple[CaseList, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ScorecardInput:
    profile: Profile
    start: date
    end: date
    prepared_on: date
    governments: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # label, one cell per government
    charts: tuple[Chart, ...]
    lists: tuple[GovernmentLists, ...]
    counted: str  # what the figures count under this profile, in a sentence
    recipient: str | None = None
    issuer: str | None = None


def write_scorecard(doc: ScorecardInput, out: BinaryIO) -> int:
    """Render ``doc`` into ``out``; the number of pages."""
    s = Styles()
    footer = (f"Prepared for {doc.recipient}, {day(doc.prepared_on)}" if doc.recipient
              else f"Scorecard, {day(doc.prepared_on)}")
    target = io.BytesIO()
    template = DossierTemplate(target, styles=s, footer_left=footer,
                               footer_mid=CLASSIFICATION[doc.profile].split(" — ")[0]
                               .split(". ")[0])
    template.title = "Scorecard"
    story = _opening(s, doc) + _figures(s, doc) + _charts(s, doc) + _lists(s, doc)
    template.build(story, canvasmaker=DossierCanvas)
    template.finish()
    _blank_banner(target)
    out.write(target.getbuffer())
    return template.page


def _opening(s: Styles, doc: ScorecardInput) -> list:
    story: list = []
    if doc.issuer:
        story.append(para(s, doc.issuer, s.small))
    story += [outlined(Paragraph("Scorecard", s.h1), "Scorecard", "scorecard"),
              para(s, f"{day(doc.start)} to {day(doc.end)}", s.h1_sub),
              para(s, "; ".join(doc.governments), s.body, lead="Governments: "),
              para(s, day(doc.prepared_on), s.body, lead="Information current as of: "),
              para(s, doc.counted, s.small),
              Spacer(1, 2 * mm), Paragraph(CLASSIFICATION[doc.profile], s.classification),
              Spacer(1, 4 * mm)]
    return story


def _figures(s: Styles, doc: ScorecardInput) -> list:
    n = len(doc.governments)
    first = 0.40 if n <= 3 else 0.30
    widths = [WIDTH * first] + [WIDTH * (1 - first) / n] * n
    head = [Paragraph("", s.cell_head)] + [para(s, g, s.cell_head) for g in doc.governments]
    rows = [head]
    for title, cells in doc.rows:
        indent = len(title) - len(title.lstrip(" "))
        style = s.cell if indent else s.cell_bold
        rows.append([para(s, "\u2003" * (indent // 2) + title.strip(), style)]
                    + [para(s, c, style) for c in cells])
    table = grid(rows, widths)
    table.setStyle([("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])  # one page for 3+ columns
    return [outlined(Paragraph("Figures", s.h2), "Figures", "figures", 1), table]


def _legend(s: Styles, governments: tuple[str, ...]) -> list:
    story = []
    for n, name in enumerate(governments):
        swatch = Drawing(8, 8)
        swatch.add(Rect(0, 0, 8, 8, fillColor=colors.HexColor(PALETTE[n % len(PALETTE)]),
                        strokeColor=None))
        story.append([swatch, para(s, name, s.small)])
    return story


def _chart(s: Styles, doc: ScorecardInput, chart: Chart, key: str) -> list:
    height = 55 * mm
    drawing = Drawing(WIDTH, height)
    bars = VerticalBarChart()
    bars.x, bars.y = 28, 22
    bars.width, bars.height = WIDTH - 40, height - 30
    bars.data = [list(v) for v in chart.values] or [[0] * len(chart.categories)]
    bars.categoryAxis.categoryNames = list(chart.categories)
    bars.categoryAxis.labels.fontName = SANS
    bars.categoryAxis.labels.fontSize = 7
    bars.valueAxis.labels.fontName = SANS
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    top = max((max(v) for v in chart.values if v), default=0)
    bars.valueAxis.valueMax = max(top, 1) * 1.15
    bars.valueAxis.valueStep = max(1, round(top / 5)) if top else 1
    bars.groupSpacing = 8
    bars.barSpacing = 1
    bars.barLabelFormat = "%d"
    bars.barLabels.fontName = SANS
    bars.barLabels.fontSize = 6.5
    bars.barLabels.nudge = 6
    for n in range(len(bars.data)):
        bars.bars[n].fillColor = colors.HexColor(PALETTE[n % len(PALETTE)])
        bars.bars[n].strokeColor = None
    drawing.add(bars)
    block = [Paragraph(chart.title, s.h2)]
    if chart.note:
        block.append(para(s, chart.note, s.small))
    legend = grid(_legend(s, doc.governments), [12, WIDTH - 12], header=False, zebra=False)
    block += [drawing, legend, Spacer(1, 4 * mm)]
    return [outlined(KeepTogether(block), chart.title, key, 1)]


def _charts(s: Styles, doc: ScorecardInput) -> list:
    story: list = [PageBreak()] if doc.charts else []
    for n, chart in enumerate(doc.charts):
        story += _chart(s, doc, chart, f"chart{n}")
    return story


def _lists(s: Styles, doc: ScorecardInput) -> list:
    story: list = []
    for g, block in enumerate(doc.lists):
        story += [CondPageBreak(40 * mm),
                  outlined(para(s, block.government, s.h2), block.government, f"gov{g}", 1)]
        for case_list in block.lists:
            shown = [c for c in case_list.cases if case_allowed(c, doc.profile)]
            story.append(para(s, f"{case_list.heading} ({len(shown)})", s.body,
                              lead=""))
            if not shown:
                story.append(Paragraph("None.", s.small))
                continue
            rows = []
            listed = shown if case_list.limit is None else shown[:case_list.limit]
            for c in listed:
                name = c.display_name + (f" ({c.name_original})" if c.name_original else "")
                mark = consent_mark(c)
                rows.append([para(s, name, s.cell), para(s, (mark or "").upper(), s.mark)
                             if mark else para(s, "", s.cell)])
            story.append(grid(rows, [WIDTH * 0.7, WIDTH * 0.3], header=False))
            if len(shown) > len(listed):
                story.append(Paragraph(f"\u2026 and {len(shown) - len(listed):,} more.",
                                       s.small))
            story.append(Spacer(1, 3 * mm))
    return story
