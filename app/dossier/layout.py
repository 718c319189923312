# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Typography and the page: styles, paragraph and table helpers, the running footer.

Every string that may hold case data goes through `para`, which escapes it and picks fonts
for its scripts; nothing here is ever built from markup the user typed.
"""

from __future__ import annotations

import time
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle

from app.domain.dates import FuzzyDate, Precision
from app.dossier.text import SANS, SANS_BOLD, register_fonts
from app.dossier.textblock import TextBlock

PAGE = A4
MARGIN = 18 * mm
FOOTER = 12 * mm
HEADER = 9 * mm
WIDTH = PAGE[0] - 2 * MARGIN
INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#5b6570")
RULE = colors.HexColor("#c9d0d8")
HEAD_BG = colors.HexColor("#e9edf2")
NOTICE_BG = colors.HexColor("#fff3cd")
NOTICE_INK = colors.HexColor("#6b4e00")
STOP_BG = colors.HexColor("#f8d7da")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _style(name: str, **kw) -> ParagraphStyle:
    kw.setdefault("fontName", SANS)
    kw.setdefault("fontSize", 9.5)
    kw.setdefault("leading", kw["fontSize"] * 1.35)
    kw.setdefault("textColor", INK)
    return ParagraphStyle(name, **kw)


class Styles:
    def __init__(self) -> None:
        register_fonts()
        self.body = _style("body", spaceAfter=4)
        self.small = _style("small", fontSize=8, textColor=MUTED)
        self.cell = _style("cell", fontSize=8.5)
        self.cell_head = _style("cell_head", fontSize=8.5, fontName=SANS_BOLD)
        self.label = _style("label", fontSize=8.5, textColor=MUTED)
        self.title = _style("title", fontSize=30, fontName=SANS_BOLD, spaceAfter=10)
        self.subtitle = _style("subtitle", fontSize=15, spaceAfter=6)
        self.h1 = _style("h1", fontSize=17, fontName=SANS_BOLD, spaceBefore=2, spaceAfter=2)
        self.h1_sub = _style("h1_sub", fontSize=13, spaceAfter=8, textColor=MUTED)
        self.h2 = _style("h2", fontSize=11.5, fontName=SANS_BOLD, spaceBefore=10, spaceAfter=4)
        self.notice = _style("notice", fontSize=10, fontName=SANS_BOLD, textColor=NOTICE_INK,
                             backColor=NOTICE_BG)
        self.stop = _style("stop", parent=self.notice, backColor=STOP_BG,
                           textColor=colors.HexColor("#721c24"))
        self.classification = _style("classification", fontSize=10, fontName=SANS_BOLD,
                                     textColor=NOTICE_INK)
        self.footer = _style("footer", fontSize=7.5, textColor=MUTED)
        self.footer_right = _style("footer_right", parent=self.footer, alignment=TA_RIGHT)
        self.header = _style("header", fontSize=8, fontName=SANS_BOLD, textColor=MUTED)
        self.header_mark = _style("header_mark", fontSize=8, fontName=SANS_BOLD,
                                  textColor=NOTICE_INK, backColor=NOTICE_BG, alignment=TA_RIGHT)
        self.cell_bold = _style("cell_bold", fontSize=8.5, fontName=SANS_BOLD)
        self.cell_strong = _style("cell_strong", fontSize=10)
        self.mark = _style("mark", fontSize=7.5, fontName=SANS_BOLD, textColor=NOTICE_INK,
                           backColor=NOTICE_BG)
        self.h1_annex = _style("h1_annex", fontSize=13, fontName=SANS_BOLD, spaceAfter=4,
                               textColor=MUTED)


def para(styles: Styles, text: str | None, style: ParagraphStyle | None = None,
         lead: str = "") -> TextBlock:
    """A paragraph of plain ``text``; ``lead`` is a label of our own, set in bold before it."""
    return TextBlock(text or "", style or styles.body, lead)


def grid(rows: list[list], widths: list[float], *, header: bool = True,
         zebra: bool = True) -> Table:
    """A table that breaks across pages, repeating its header row."""
    rows = _split_tall_rows(rows, widths, 1 if header else 0)
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # empty cells: else a non-embedded Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED)]
    if zebra and len(rows) > 2:
        commands.append(("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1),
                         [colors.white, colors.HexColor("#f7f9fb")]))
    table.setStyle(TableStyle(commands))
    return table


ROW_LINES = 30  # a row never holds more lines than this: a page always has room for it
PADDING = 8  # left + right cell padding


def _split_tall_rows(rows: list[list], widths: list[float], skip: int) -> list[list]:
    """A row with a cell taller than ROW_LINES lines goes on over continuation rows.

    reportlab cannot break a table row across pages (LayoutError, nothing written); a
    pasted 3,000-character reply must still flow, so its lines are dealt out over rows.
    """
    out = rows[:skip]
    for row in rows[skip:]:
        cells = [_cell_blocks(cell, w - PADDING) for cell, w in zip(row, widths, strict=True)]
        if all(sum(len(b._lines) for b in blocks) <= ROW_LINES for blocks in cells if blocks):
            out.append(row)
            continue
        chunks = [_deal(blocks, row[i]) for i, blocks in enumerate(cells)]
        for k in range(max(len(c) for c in chunks)):
            out.append([c[k] if k < len(c) else "" for c in chunks])
    return out


def _cell_blocks(cell, width: float) -> list[TextBlock] | None:
    items = cell if isinstance(cell, list) else [cell]
    if not all(isinstance(item, TextBlock) for item in items):
        return None
    for item in items:
        item.wrap(width, 1e9)
    return items


def _deal(blocks: list[TextBlock] | None, cell) -> list:
    if blocks is None:
        return [cell]
    groups: list[list] = [[]]
    used = 0
    for block in blocks:
        for part in block.in_pieces(ROW_LINES):
            size = len(part._lines)
            if used and used + size > ROW_LINES:
                groups.append([])
                used = 0
            groups[-1].append(part)
            used += size
    return groups


def fuzzy(value: FuzzyDate | None) -> str:
    """A date as precisely as it is known: "9 July 2015", "July 2015", "2015", "about …"."""
    if value is None:
        return ""
    if value.precision is Precision.YEAR:
        text = str(value.year)
    elif value.precision is Precision.MONTH:
        text = f"{MONTHS[value.month - 1]} {value.year}"
    else:
        text = f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    return f"about {text}" if value.approximate else text


def day(value: date) -> str:
    return fuzzy(FuzzyDate.from_date(value))


class UTCStamp:
    """reportlab's timestamp, in UTC: the local offset would say where the file was made."""

    def __init__(self) -> None:
        self.t = time.time()
        self.lt = tuple(time.gmtime(self.t))
        self.YMDhms = self.lt[:6]
        self.dhh = self.dmm = 0
        self.tzname = "UTC"


class DossierCanvas(Canvas):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._doc._timeStamp = UTCStamp()


PAGE_TOTAL = "VigilPageTotal"  # a form drawn on every page, defined once the count is known


class DossierTemplate(BaseDocTemplate):
    """One frame per page; a running header naming the case (and its consent mark) and a
    footer with the recipient and "Page N of M" on every page; bookmarks from flowables."""

    def __init__(self, out, *, styles: Styles, footer_left: str, footer_mid: str,
                 on_section=None) -> None:
        # Neutral metadata: a title naming no case, no author, no user name, no path.
        super().__init__(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + HEADER, bottomMargin=MARGIN + FOOTER,
                         title="Dossier", author="", subject="", creator="Vigil",
                         producer="Vigil", keywords="", lang="en", initialFontName=SANS,
                         initialFontSize=9)
        frame = Frame(MARGIN, MARGIN + FOOTER, WIDTH, PAGE[1] - 2 * MARGIN - FOOTER - HEADER,
                      id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._decorate)])
        self._doSave = 0  # `finish` saves, after the page count is known
        self._s = styles
        self._footer_left = para(styles, footer_left, styles.footer)
        self._footer_mid = Paragraph(footer_mid, styles.footer)
        self._on_section = on_section
        self.current_case = None  # set by CaseStart flowables

    def _decorate(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        top = PAGE[1] - MARGIN
        if self.current_case is not None:
            index, total, name, original, mark = self.current_case
            title = _clip(name) + (f" ({_clip(original)})" if original else "")
            left = para(self._s, title, self._s.header, lead=f"Case {index + 1} of {total}: ")
            lw = WIDTH * (0.62 if mark else 1.0)
            _, h = left.wrap(lw, HEADER)
            left.drawOn(canvas, MARGIN, top - h)
            if mark:
                right = Paragraph(mark.upper(), self._s.header_mark)
                _, h = right.wrap(WIDTH * 0.36, HEADER)
                right.drawOn(canvas, MARGIN + WIDTH * 0.64, top - h)
            canvas.line(MARGIN, top - HEADER + 3 * mm, MARGIN + WIDTH, top - HEADER + 3 * mm)
        y = MARGIN + FOOTER - 4 * mm
        canvas.line(MARGIN, y, MARGIN + WIDTH, y)
        for flowable, x, w in ((self._footer_left, 0, 0.55), (self._footer_mid, 0.56, 0.3)):
            _, h = flowable.wrap(WIDTH * w, FOOTER)
            flowable.drawOn(canvas, MARGIN + WIDTH * x, y - 2 * mm - h)
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(MUTED)
        label = f"Page {doc.page} of "
        x = MARGIN + WIDTH - canvas.stringWidth(label + "0000", SANS, 7.5)
        canvas.drawString(x, y - 2 * mm - 7.5, label)
        canvas.translate(x + canvas.stringWidth(label, SANS, 7.5), y - 2 * mm - 7.5)
        canvas.doForm(PAGE_TOTAL)
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        case = getattr(flowable, "vigil_case", None)
        if case is not None:
            self.current_case = case
        outline = getattr(flowable, "vigil_outline", None)
        if outline is None:
            return
        title, key, level = outline
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=False)
        if self._on_section is not None:
            self._on_section(key)

    def finish(self) -> None:
        """Draw the page count into the form every footer shows, then write the file."""
        canvas = self.canv
        canvas.beginForm(PAGE_TOTAL)
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(0, 0, str(self.page))
        canvas.endForm()
        canvas.save()


def _clip(text: str, limit: int = 70) -> str:
    """A header holds one line: long names are cut there (the page itself has them whole)."""
    return text if len(text) <= limit else text[:limit].rstrip() + "…"
