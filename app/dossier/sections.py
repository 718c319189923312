# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The parts of a dossier as platypus flowables: cover, summary table, one section per case.

Prints exactly what it is given: what a profile may show is decided before this, in
`app.dossier.profiles`. Photos are decoded with Pillow, downscaled and re-encoded (which also
drops their EXIF data, GPS included); a photo that will not decode becomes a placeholder.
"""

from __future__ import annotations

import io
import warnings
from datetime import date

from PIL import Image as PILImage
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain import rules
from app.domain.enums import Consent, label
from app.domain.model import Case
from app.dossier.layout import MUTED, RULE, WIDTH, Styles, day, fuzzy, grid, para
from app.dossier.model import DossierCase, DossierInput, PhotoProblem, Profile

PHOTO_W, PHOTO_H = 32 * mm, 40 * mm
PHOTO_PIXELS = (320, 400)

CLASSIFICATION = {
    Profile.INTERNAL: "INTERNAL — contains confidential sources and notes. Do not share.",
    Profile.DIPLOMATIC: "For diplomatic use. Not for publication.",
    Profile.PUBLIC: "Public.",
}

BREACHES = {
    rules.BreachKind.RSDL_BEYOND_SIX_MONTHS: "RSDL beyond the legal six months: the limit ran "
                                             "out on {deadline}, at least {days} days ago",
    rules.BreachKind.HELD_PAST_SENTENCE: "Held past the end of the sentence ({deadline}), "
                                         "at least {days} days",
}

SCRIPTS = {
    "zh-Hans": "Chinese (simplified)", "zh-Hant": "Chinese (traditional)",
    "zh-Latn": "Pinyin", "zh-Latn-pinyin": "Pinyin", "yue-Latn": "Cantonese romanisation",
    "ug-Arab": "Uyghur (Arabic script)", "ug-Latn": "Uyghur (Latin script)",
    "ug-Cyrl": "Uyghur (Cyrillic script)", "bo": "Tibetan", "bo-Tibt": "Tibetan",
    "bo-Latn": "Tibetan (Latin script)", "zh-Latn-wadegile": "Wade–Giles",
}


def outlined(flowable, title: str, key: str, level: int = 0):
    flowable.vigil_outline = (title, key, level)
    return flowable


def cover(s: Styles, d: DossierInput, profile: Profile) -> list:
    story: list = [Spacer(1, 30 * mm), outlined(Paragraph("Dossier", s.title), "Cover", "cover")]
    if d.meeting is not None:
        m = d.meeting
        story.append(para(s, m.title, s.subtitle))
        when = f"{day(m.starts_at.date())}, {m.starts_at.strftime('%H:%M')} " \
               f"{m.starts_at.tzname() or ''}".strip()
        rows = [("Date", when), ("Place", m.location), ("Counterpart", m.counterpart),
                ("Officials", ", ".join(m.officials)), ("Agenda", m.agenda)]
        story.append(Spacer(1, 4 * mm))
        story.append(_facts(s, [(k, v) for k, v in rows if v]))
    else:
        story.append(para(s, f"{len(d.cases)} case(s)", s.subtitle))
    story += [Spacer(1, 12 * mm),
              para(s, f"Prepared for {d.recipient}, {day(d.prepared_on)}", s.subtitle),
              Spacer(1, 4 * mm), Paragraph(CLASSIFICATION[profile], s.classification),
              PageBreak()]
    return story


def summary(s: Styles, d: DossierInput) -> list:
    raised_by = "Last raised by this government" if d.government else "Last raised"
    head = [Paragraph(t, s.cell_head) for t in ("Case", "Status", "Days detained", raised_by,
                                                "The ask")]
    rows = [head]
    for item in d.cases:
        c = item.case
        name = para(s, c.display_name, s.cell)
        rows.append([
            [name, para(s, c.name_original, s.cell)] if c.name_original else name,
            para(s, label(c.status) if c.status else "Unknown", s.cell),
            para(s, str(item.days_detained) if item.days_detained is not None else "—", s.cell),
            para(s, fuzzy(item.last_raised_by_government) or "never", s.cell),
            para(s, item.ask or "—", s.cell),
        ])
    widths = [WIDTH * f for f in (0.24, 0.2, 0.1, 0.14, 0.32)]
    intro = (para(s, d.government, s.small, prefix="“This government”: ") if d.government
             else Paragraph("“Last raised”: by anyone, as recorded in the case file.", s.small))
    return [outlined(Paragraph("Summary", s.h1), "Summary", "summary"), intro,
            Spacer(1, 3 * mm), grid(rows, widths), PageBreak()]


def case_section(s: Styles, item: DossierCase, index: int, profile: Profile,
                 problems: list[int], today: date) -> list:
    """The pages of one case; appends ``index`` to ``problems`` if its photo is unusable."""
    c = item.case
    title = c.display_name + (f" {c.name_original}" if c.name_original else "")
    story: list = [outlined(para(s, c.display_name, s.h1), title, f"case{index}")]
    if c.name_original:
        story.append(para(s, c.name_original, s.h1_sub))
    if c.consent == Consent.PRIVATE_ONLY:
        story.append(_notice("Raise privately: consent is for private advocacy only. "
                             "Do not mention this case in public.", s.notice))
    elif c.consent == Consent.DO_NOT_RAISE:
        story.append(_notice("DO NOT RAISE: the family or the person has asked that this "
                             "case not be raised.", s.stop))
    photo, trouble = _photo(s, item)
    if trouble:
        problems.append(index)
    header = Table([[photo, _names(s, c)]], colWidths=[PHOTO_W + 6 * mm, None],
                   hAlign="LEFT")
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [header, Spacer(1, 3 * mm)]
    if c.summary:
        story += [para(s, c.summary)]
    story += [_h2(s, "Key facts"), _facts(s, _key_facts(c, item, profile, today))]
    if c.events:
        story += _timeline(s, c)
    if item.asks:
        story += _asks(s, item)
    if item.ask or item.talking_points:
        block = [_h2(s, "For this meeting")]
        if item.ask:
            block.append(para(s, item.ask, prefix="<b>The ask:</b> "))
        if item.talking_points:
            block.append(para(s, item.talking_points, prefix="<b>Talking points:</b><br/>"))
        story.append(KeepTogether(block))
    if c.sources:
        story += _sources(s, c)
    if profile is Profile.INTERNAL and c.internal_notes:
        story += [_h2(s, "Internal notes (never in other profiles)"),
                  para(s, c.internal_notes)]
    story.append(PageBreak())
    return story


def _notice(text: str, style) -> Table:
    box = Table([[Paragraph(text, style)]], colWidths=[WIDTH], hAlign="LEFT")
    box.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), style.backColor),
                             ("TOPPADDING", (0, 0), (-1, -1), 5),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    box.spaceAfter = 8
    return box


def _h2(s: Styles, text: str) -> Paragraph:
    return Paragraph(text, s.h2)


def _facts(s: Styles, rows: list[tuple[str, str]]) -> Table:
    data = [[Paragraph(k, s.label), para(s, v, s.cell)] for k, v in rows]
    table = grid(data or [[Paragraph("—", s.label), ""]], [WIDTH * 0.24, WIDTH * 0.76],
                 header=False, zebra=False)
    return table


def _names(s: Styles, c: Case) -> Table | Paragraph:
    rows = [[Paragraph("Name", s.label), para(s, c.display_name, s.cell)]]
    if c.name_original:
        rows.append([Paragraph("Original script", s.label), para(s, c.name_original, s.cell)])
    for other in c.other_names:
        kind = SCRIPTS.get(other.script or "", other.script or "Other name")
        rows.append([para(s, kind, s.label), para(s, other.name, s.cell)])
    return grid(rows, [34 * mm, WIDTH - PHOTO_W - 6 * mm - 34 * mm], header=False, zebra=False)


def _photo(s: Styles, item: DossierCase) -> tuple[object, bool]:
    problem = item.photo_problem
    if item.photo is not None and problem is None:
        data = item.photo.content()
        if data is None:
            problem = PhotoProblem.MISSING
        else:
            try:
                return Image(_thumbnail(data), width=PHOTO_W, height=PHOTO_H,
                             kind="proportional"), False
            except (OSError, ValueError, SyntaxError, PILImage.DecompressionBombError):
                problem = PhotoProblem.UNREADABLE
    text = {None: "No photo", PhotoProblem.MISSING: "Photo missing from the vault",
            PhotoProblem.UNREADABLE: "Photo could not be read"}[problem]
    box = Table([[Paragraph(text, s.small)]], colWidths=[PHOTO_W], rowHeights=[PHOTO_H])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.6, RULE),
                             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                             ("TEXTCOLOR", (0, 0), (-1, -1), MUTED)]))
    return box, problem is not None


def _thumbnail(data: bytes) -> io.BytesIO:
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        with PILImage.open(io.BytesIO(data)) as img:
            img.draft("RGB", PHOTO_PIXELS)  # JPEG: decode at reduced size, much faster
            img = img.convert("RGB")
            img.thumbnail(PHOTO_PIXELS)
            out = io.BytesIO()
            img.save(out, "JPEG", quality=85)
    out.seek(0)
    return out


def _key_facts(c: Case, item: DossierCase, profile: Profile,
               today: date) -> list[tuple[str, str]]:
    status = label(c.status) if c.status else "Unknown"
    if c.status_since:
        status += f", since {fuzzy(c.status_since)}"
    rows = [("Status", status)]
    if item.days_detained is not None:
        rows.append(("Days detained", f"at least {item.days_detained}"))
    place = ", ".join(x for x in (c.facility, c.location) if x)
    rows += [("Location", place), ("Charges", "; ".join(c.charges))]
    sentence = c.sentence or ""
    if c.sentence_ends:
        sentence += f" (ends {fuzzy(c.sentence_ends)})"
    rows.append(("Sentence", sentence.strip()))
    for breach in rules.time_limit_breaches(c, today):
        rows.append(("Legal time limit passed", BREACHES[breach.kind].format(
            deadline=day(breach.deadline), days=breach.days_over)))
    for name, value in (("Lawyer of choice", c.lawyer_access), ("Family access",
                        c.family_access), ("Consular access", c.consular_access)):
        if value is not None:
            rows.append((name, label(value)))
    rows.append(("Health", c.health_concerns or ""))
    if c.confession is not None:
        rows.append(("Televised “confession”", ", ".join(
            x for x in (fuzzy(c.confession.date), c.confession.broadcaster) if x) or "yes"))
    rows += [("Nationality", ", ".join(c.nationalities)),
             ("Born", str(c.birth_year) if c.birth_year else ""),
             ("Gender", label(c.gender) if c.gender else ""), ("Ethnicity", c.ethnicity or ""),
             ("Category", label(c.category) if c.category else ""),
             ("Occupation", c.occupation or "")]
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
    return [CondPageBreak(30 * mm), _h2(s, "Timeline"), grid(rows, widths)]


def _asks(s: Styles, item: DossierCase) -> list:
    rows = [[Paragraph(t, s.cell_head) for t in
             ("Date", "Raised by / with", "Channel", "Asked", "Response")]]
    for a in item.asks:
        who = a.raised_by + (f" → {a.raised_with}" if a.raised_with else "")
        channel = label(a.channel) if a.channel else ""
        channel += ", public" if a.public else ", private"
        asked = ", ".join(label(r) for r in a.requests)
        answer = label(a.response) if a.response else "—"
        if a.response_date:
            answer += f" ({fuzzy(a.response_date)})"
        if a.response_text:
            answer += f": {a.response_text}"
        cells = [para(s, fuzzy(a.date), s.cell), para(s, who, s.cell),
                 para(s, channel.lstrip(", "), s.cell), para(s, asked, s.cell),
                 para(s, answer, s.cell)]
        if a.notes:
            cells[-1] = [cells[-1], para(s, f"Note: {a.notes}", s.small)]
        rows.append(cells)
    return [CondPageBreak(30 * mm), _h2(s, "History of asks"),
            grid(rows, [WIDTH * f for f in (0.12, 0.24, 0.14, 0.16, 0.34)])]


def _sources(s: Styles, c: Case) -> list:
    story = [_h2(s, "Sources")]
    for n, src in enumerate(c.sources, 1):
        bits = [src.title]
        if src.kind:
            bits.append(label(src.kind))
        if src.url:
            bits.append(src.url)
        line = para(s, " — ".join(bits), s.cell, prefix=f"{n}. ")
        story.append(line)
        if src.confidential:
            story.append(Paragraph("Confidential source: internal profile only.", s.small))
        if src.notes:
            story.append(para(s, src.notes, s.small))
    story.append(Spacer(1, 2 * mm))
    return story

