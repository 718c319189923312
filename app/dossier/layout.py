# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Typography and the page: styles, paragraph and table helpers, the running footer.

Every string that may hold case data goes through `para`, which escapes it and picks fonts
for its scripts; nothing here is ever built from markup the user typed.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle

from app.domain.dates import FuzzyDate, Precision
from app.dossier.text import SANS, SANS_BOLD, markup, needs_shaping, register_fonts

PAGE = A4
MARGIN = 18 * mm
FOOTER = 12 * mm
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
        self._shaped: dict[str, ParagraphStyle] = {}

    def shaped(self, style: ParagraphStyle) -> ParagraphStyle:
        """The same style with uharfbuzz shaping on (only for Arabic and Tibetan script)."""
        if style.name not in self._shaped:
            self._shaped[style.name] = ParagraphStyle(style.name + "_shaped", parent=style,
                                                      shaping=1)
        return self._shaped[style.name]


def para(styles: Styles, text: str | None, style: ParagraphStyle | None = None,
         prefix: str = "") -> Paragraph:
    """A paragraph of plain ``text``; ``prefix`` is trusted markup of our own (labels)."""
    style = style or styles.body
    text = text or ""
    if needs_shaping(text):
        style = styles.shaped(style)
    return Paragraph(prefix + markup(text), style)


def grid(rows: list[list], widths: list[float], *, header: bool = True,
         zebra: bool = True) -> Table:
    """A table that breaks across pages, repeating its header row."""
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands = [
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


class DossierTemplate(BaseDocTemplate):
    """One frame per page, a footer on every page, bookmarks from flowables that ask."""

    def __init__(self, out, *, footer_left: Paragraph, footer_mid: Paragraph,
                 on_section=None) -> None:
        # Neutral metadata: no author, no user name, no path; "Vigil" as creator/producer.
        super().__init__(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN + FOOTER, title="Dossier",
                         author="", subject="", creator="Vigil", producer="Vigil",
                         keywords="")
        frame = Frame(MARGIN, MARGIN + FOOTER, WIDTH, PAGE[1] - 2 * MARGIN - FOOTER, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._footer)])
        self._footer_left = footer_left
        self._footer_mid = footer_mid
        self._on_section = on_section
        self._styles_footer = ParagraphStyle("pageno", fontName=SANS, fontSize=7.5,
                                             textColor=MUTED, alignment=TA_RIGHT)

    def _footer(self, canvas, doc) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        y = MARGIN + FOOTER - 4 * mm
        canvas.line(MARGIN, y, MARGIN + WIDTH, y)
        left = self._footer_left
        _, h = left.wrap(WIDTH * 0.5, FOOTER)
        left.drawOn(canvas, MARGIN, y - 2 * mm - h)
        mid = self._footer_mid
        _, h = mid.wrap(WIDTH * 0.3, FOOTER)
        mid.drawOn(canvas, MARGIN + WIDTH * 0.5, y - 2 * mm - h)
        number = Paragraph(f"Page {doc.page}", self._styles_footer)
        _, h = number.wrap(WIDTH * 0.2, FOOTER)
        number.drawOn(canvas, MARGIN + WIDTH * 0.8, y - 2 * mm - h)
        canvas.restoreState()

    def afterFlowable(self, flowable) -> None:
        outline = getattr(flowable, "vigil_outline", None)
        if outline is None:
            return
        title, key, level = outline
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(title, key, level=level, closed=False)
        if self._on_section is not None:
            self._on_section(key)
