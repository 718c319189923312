# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one-page brief that opens each case: who, where, since when, what we ask.

Read by someone with a minute before a meeting: the ask and the talking points come before
the facts, the last time the recipient's government raised the case and the answer right
after. Photos are decoded with Pillow, downscaled and re-encoded (which also drops their
EXIF data, GPS included); a photo that will not decode becomes a placeholder. Prints only
what it is given.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image as PILImage
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, Spacer, Table, TableStyle

from app.domain import rules
from app.domain.enums import label
from app.domain.model import Case
from app.dossier.layout import MUTED, RULE, WIDTH, Styles, day, fuzzy, grid, para
from app.dossier.model import AskRecord, DossierCase, DossierInput, PhotoProblem, Profile
from app.dossier.profiles import DO_NOT_RAISE_MARK, PRIVATE_MARK, consent_mark
from app.dossier.text import SANS

PHOTO_W, PHOTO_H = 30 * mm, 38 * mm
PHOTO_PIXELS = (320, 400)

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

MARK_TEXT = {
    PRIVATE_MARK: "Raise privately: consent is for private advocacy only. Do not mention "
                  "this case in public.",
    DO_NOT_RAISE_MARK: "DO NOT RAISE: the family or the person has asked that this case "
                       "not be raised.",
}
UNKNOWN_TEXT = ("Consent unknown: raise privately only. We do not know whether the person "
                "or the family agree to public advocacy.")


def brief(s: Styles, item: DossierCase, index: int, profile: Profile, problems: list[int],
          d: DossierInput) -> list:
    c = item.case
    story: list = [para(s, c.display_name, s.h1)]
    if c.name_original:
        story.append(para(s, c.name_original, s.h1_sub))
    mark = consent_mark(c)
    if mark:
        story.append(notice(para(s, MARK_TEXT.get(mark, UNKNOWN_TEXT),
                                 s.stop if mark == DO_NOT_RAISE_MARK else s.notice)))
    photo, trouble = _photo(s, item)
    if trouble:
        problems.append(index)
    names = _names(s, c, WIDTH - PHOTO_W - 5 * mm)
    if names.wrap(WIDTH - PHOTO_W - 5 * mm, 1e9)[1] > 3 * PHOTO_H:
        photo.hAlign = "LEFT"
        story += [photo, Spacer(1, 2 * mm), _names(s, c, WIDTH)]  # a table row cannot split
    else:
        top = Table([[photo, names]], colWidths=[PHOTO_W + 5 * mm, WIDTH - PHOTO_W - 5 * mm],
                    hAlign="LEFT")
        top.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        story.append(top)
    story.append(Spacer(1, 2 * mm))
    if item.ask or item.talking_points:
        rows = []
        if item.ask:
            rows.append(("What we ask", item.ask))
        if item.talking_points:
            rows.append(("Talking points", item.talking_points))
        story += [h2(s, "For this meeting"), facts_table(s, rows, strong=True)]
    story += [h2(s, "Key facts"), facts_table(s, _key_facts(c, item, d))]
    story += _last_raised(s, item, d)
    return story


def notice(content) -> Table:
    box = Table([[content]], colWidths=[WIDTH], hAlign="LEFT")
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),
                             ("BACKGROUND", (0, 0), (-1, -1), content.style.backColor),
                             ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    box.spaceAfter = 6
    return box


def h2(s: Styles, text: str) -> Paragraph:
    return Paragraph(text, s.h2)


def facts_table(s: Styles, rows: list[tuple[str, str]], *, strong: bool = False) -> Table:
    value = s.cell_strong if strong else s.cell
    data = [[Paragraph(k, s.label), para(s, v, value)] for k, v in rows]
    return grid(data or [[Paragraph("—", s.label), ""]], [WIDTH * 0.22, WIDTH * 0.78],
                header=False, zebra=False)


def _names(s: Styles, c: Case, width: float) -> Table:
    rows = [[Paragraph("Name", s.label), para(s, c.display_name, s.cell)]]
    if c.name_original:
        rows.append([Paragraph("Original script", s.label), para(s, c.name_original, s.cell)])
    for other in c.other_names:
        kind = SCRIPTS.get(other.script or "", other.script or "Other name")
        rows.append([para(s, kind, s.label), para(s, other.name, s.cell)])
    return grid(rows, [34 * mm, width - 34 * mm], header=False, zebra=False)


def _key_facts(c: Case, item: DossierCase, d: DossierInput) -> list[tuple[str, str]]:
    status = label(c.status) if c.status else "Unknown"
    if c.status_since:
        status += f" (this status since {fuzzy(c.status_since)})"
    rows = [("Status", status)]
    if item.detained_since is not None:
        since = fuzzy(item.detained_since)
        if item.days_detained is not None:
            since += f": at least {item.days_detained} days detained"
        rows.append(("Detained since", since))
    rows.append(("Where held", ", ".join(x for x in (c.facility, c.location) if x)))
    rows.append(("Charges", "; ".join(c.charges)))
    sentence = c.sentence or ""
    if c.sentence_ends:
        sentence += f" (ends {fuzzy(c.sentence_ends)})"
    rows.append(("Sentence", sentence.strip()))
    for breach in rules.time_limit_breaches(c, d.prepared_on):
        rows.append(("Legal time limit passed", BREACHES[breach.kind].format(
            deadline=day(breach.deadline), days=breach.days_over)))
    access = [f"{name}: {label(value).lower()}" for name, value in (
        ("lawyer of choice", c.lawyer_access), ("family", c.family_access),
        ("consular", c.consular_access)) if value is not None]
    rows.append(("Access", "; ".join(access).capitalize() if access else ""))
    rows.append(("Health", c.health_concerns or ""))
    return [(k, v) for k, v in rows if v]


def _last_raised(s: Styles, item: DossierCase, d: DossierInput) -> list:
    asks = [a for a in item.asks  # what counts as raising it (docs/counting.md)
            if a.counts and (d.recipient_org_id is None or a.government_id == d.recipient_org_id)]
    who = d.government or "anyone"
    if not asks:
        return [h2(s, "Last raised"), para(s, f"Never raised by {who}, as far as we know.",
                                           s.cell)]
    last: AskRecord = max(asks, key=lambda a: a.date)
    raised = fuzzy(last.date) + ", " + last.raised_by
    if last.raised_with:
        raised += f" with {last.raised_with}"
    raised += " (public)" if last.public else " (private)"
    return [h2(s, f"Last raised by {who}"),
            facts_table(s, [("Raised", raised), ("The answer", answer_text(last))])]


def answer_text(a: AskRecord) -> str:
    answer = label(a.response) if a.response else "—"
    if a.response_date:
        answer += f" ({fuzzy(a.response_date)})"
    if a.response_text:
        answer += f": {a.response_text}"
    return answer


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
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),
                             ("BOX", (0, 0), (-1, -1), 0.6, RULE),
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
