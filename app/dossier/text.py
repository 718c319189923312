# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fonts and scripts: Latin, Chinese, Uyghur (Arabic script) and Tibetan in one paragraph.

Bundled TrueType fonts (resources/fonts) are registered once and embedded as subsets.
`markup` turns plain text into reportlab paragraph markup, escaping it and giving each run of
characters a font that has them. Arabic-script text is put into visual word order with
python-bidi; each word keeps its logical letter order so that reportlab shapes it with
uharfbuzz (joining forms, right-to-left glyph order). reportlab's own bidi needs `rlbidi`,
which is not used. Never read case data from anywhere but the arguments.
"""

from __future__ import annotations

import threading
import unicodedata
from xml.sax.saxutils import escape

import uharfbuzz as hb
from bidi import get_display
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import resource

SANS = "VigilSans"
SANS_BOLD = "VigilSans-Bold"
CJK = "VigilCJK"
ARABIC = "VigilArabic"
TIBETAN = "VigilTibetan"

_FILES = {
    SANS: ("NotoSans-Regular.ttf", 0),
    SANS_BOLD: ("NotoSans-Bold.ttf", 0),
    CJK: ("wqy-microhei.ttc", 0),
    ARABIC: ("NotoNaskhArabic-Regular.ttf", 0),
    TIBETAN: ("NotoSerifTibetan-Regular.ttf", 0),
}

_lock = threading.Lock()
_cmaps: dict[str, frozenset[int]] = {}
font_lock = threading.RLock()  # held while glyphs get private codes in a shared font
_hb: dict[str, tuple[hb.Face, hb.Font]] = {}


def hb_face(name: str) -> tuple[hb.Face, hb.Font]:
    """The uharfbuzz face and font (at units-per-em scale) of a bundled font."""
    found = _hb.get(name)
    if found is None:
        with font_lock:
            found = _hb.get(name)
            if found is None:
                filename, index = _FILES[name]
                face = hb.Face(hb.Blob(resource("fonts", filename).read_bytes()), index)
                found = _hb[name] = (face, hb.Font(face))
    return found


def register_fonts() -> None:
    """Register the bundled fonts with reportlab (once per process; thread-safe)."""
    with _lock:
        if _cmaps:
            return
        for name, (filename, index) in _FILES.items():
            font = TTFont(name, str(resource("fonts", filename)), subfontIndex=index)
            pdfmetrics.registerFont(font)
            _cmaps[name] = frozenset(font.face.charToGlyph)
        for bold, italic in ((0, 0), (0, 1), (1, 0), (1, 1)):
            addMapping(SANS, bold, italic, SANS_BOLD if bold else SANS)
        for name in (CJK, ARABIC, TIBETAN):  # no bold face: <b> keeps the regular one
            for bold, italic in ((0, 0), (0, 1), (1, 0), (1, 1)):
                addMapping(name, bold, italic, name)


def is_rtl_char(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def has_rtl(text: str) -> bool:
    return any(is_rtl_char(c) for c in text)


def is_tibetan(char: str) -> bool:
    return "\u0f00" <= char <= "\u0fff"


def needs_shaping(text: str) -> bool:
    """Arabic and Tibetan script need the shaper (joining forms, stacked letters)."""
    return any(is_rtl_char(c) or is_tibetan(c) for c in text)


def visual_word_order(text: str) -> str:
    """Words in the order they are seen, letters of right-to-left words in logical order.

    python-bidi gives the full visual order (letters of RTL words reversed); reversing each
    RTL word back leaves the word order right and lets the shaper join the letters.
    Applied to a whole paragraph: right for names and one-line values, which is what
    dossiers hold in Arabic script.
    """
    if not has_rtl(text):
        return text
    lines = []
    for line in text.split("\n"):
        visual = get_display(line)
        words = visual.split(" ")
        lines.append(" ".join(w[::-1] if has_rtl(w) else w for w in words))
    return "\n".join(lines)


def _font_for(char: str, current: str | None) -> str | None:
    """The font for ``char``; None means "whatever run it is in" (spaces, punctuation)."""
    if is_rtl_char(char) or unicodedata.category(char) == "Mn" and current == ARABIC:
        return ARABIC
    if is_tibetan(char):
        return TIBETAN
    category = unicodedata.category(char)
    # Closing and inner punctuation stays with the text before it; opening brackets and
    # quotes belong to what follows, so they take their own font.
    if char.isspace() or (category[0] in "PZ" and category not in ("Ps", "Pi") and current
                          and ord(char) in _cmaps[current]):
        return None
    code = ord(char)
    if code in _cmaps[SANS]:
        return SANS
    if code in _cmaps[CJK]:
        return CJK
    if code in _cmaps[ARABIC]:
        return ARABIC
    return SANS


def runs(text: str) -> list[tuple[str, str]]:
    """Split ``text`` into (font, text) runs; neutral characters join the run they are in."""
    register_fonts()
    out: list[tuple[str, str]] = []
    current: str | None = None
    buf: list[str] = []
    for char in text:
        font = _font_for(char, current)
        if font is None or font == current:
            buf.append(char)
            continue
        if buf:
            out.append((current or font, "".join(buf)))
        buf, current = [char], font
    if buf:
        out.append((current or SANS, "".join(buf)))
    return out


def markup(text: str | None) -> str:
    """Plain text as escaped paragraph markup, each run in a font that has its characters."""
    if not text:
        return ""
    parts = []
    for font, chunk in runs(visual_word_order(text)):
        body = escape(chunk).replace("\n", "<br/>")
        parts.append(body if font == SANS else f'<font face="{font}">{body}</font>')
    return "".join(parts)
