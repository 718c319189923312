# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A paragraph of plain text in any mix of scripts, of any length: `TextBlock`.

reportlab's own shaping sends a whole word to one font (a Tibetan name in brackets of
Chinese punctuation crashes in `hbAddPrivate`), maps shaped glyphs back to presentation
forms or private code points (copied text is wrong), and has no bidi. So this flowable does
the whole job itself:
- the text is cut at every change of font (script) and of bidi level before shaping; each
  run is shaped alone by uharfbuzz with its own font and direction;
- bidi levels come from python-bidi's implementation of the Unicode algorithm, per hard
  line, with a left-to-right base (paragraphs that open in Arabic script are set flush
  right); lines are broken in logical order, then each put in visual order (rule L2);
- lines break at spaces, between CJK characters, after Tibetan tsheg and shad, and inside an
  over-long word at a character boundary, so any text fits any width;
- it splits between lines, so a block taller than a page flows on (tables split in rows);
- a run whose glyphs do not map one-to-one back to its characters (Arabic joining forms,
  Tibetan stacks, ligatures) is drawn inside a marked-content span whose /ActualText is the
  run's logical text, so copying and pdftotext give back exactly what was typed.
Never parses markup: the text is drawn, never interpreted.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import uharfbuzz as hb
from bidi import algorithm as uba
from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from app.dossier.text import (
    SANS,
    SANS_BOLD,
    font_lock,
    has_rtl,
    hb_face,
    runs,
)

_CONTROLS = {"\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
             "\u2066", "\u2067", "\u2068", "\u2069"}


def _cjk(char: str) -> bool:
    code = ord(char)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
            or 0x20000 <= code <= 0x3FFFF or 0xAC00 <= code <= 0xD7AF)


def _closing(char: str) -> bool:
    return unicodedata.category(char) in ("Pe", "Pf", "Po") and _cjk(char) or char in "、。，）」』"


def _mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M" or char in "\u200d\u200c"


def _breaks(text: str) -> list[int]:
    """Indices where a line may start (besides 0)."""
    out = []
    for i in range(1, len(text)):
        before, char = text[i - 1], text[i]
        if _mark(char) or char.isspace():
            continue
        if before.isspace() or before in "\u0f0b\u0f0d\u0f0e" or \
                ((_cjk(before) or _cjk(char)) and not _closing(char)
                 and unicodedata.category(before) != "Ps"):
            out.append(i)
    return out


def _graphemes(text: str, start: int, end: int) -> list[int]:
    """Character boundaries inside text[start:end] where no mark is cut from its base."""
    return [i for i in range(start + 1, end) if not _mark(text[i])]


@lru_cache(maxsize=8192)
def _shape(font: str, text: str, rtl: bool) -> tuple[tuple, float]:
    """(glyphs, advance in font units); glyphs are (gid, cluster, x_adv, x_off, y_off)."""
    face, hbfont = hb_face(font)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
    hb.shape(hbfont, buf, {"kern": True, "liga": True})
    glyphs = tuple((i.codepoint, i.cluster, p.x_advance, p.x_offset, p.y_offset)
                   for i, p in zip(buf.glyph_infos, buf.glyph_positions, strict=True))
    return glyphs, float(sum(g[2] for g in glyphs))


def _upem(font: str) -> int:
    return hb_face(font)[0].upem


def _levels(text: str) -> tuple[list[int], int]:
    """Bidi embedding level of each character, and the paragraph's base level."""
    if not has_rtl(text):
        return [0] * len(text), 0
    storage = uba.get_empty_storage()
    # The document's language is English: every paragraph is resolved with a left-to-right
    # base (a Uyghur paragraph is still right-to-left, and set flush right), which is also
    # the order text extractors assume, so copied mixed text keeps its order.
    base = uba.get_base_level(text)
    storage["base_level"], storage["base_dir"] = 0, "L"
    uba.get_embedding_levels(text, storage)
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    levels = [c["level"] for c in storage["chars"]]
    if len(levels) != len(text):  # controls removed: fall back to strong types only
        levels = [1 if unicodedata.bidirectional(c) in ("R", "AL") else 0 for c in text]
    return levels, base


class _Line:
    __slots__ = ("runs", "width", "rtl_base")

    def __init__(self, runs_, width, rtl_base):
        self.runs, self.width, self.rtl_base = runs_, width, rtl_base


def _fonts(text: str, bold_upto: int) -> list[str]:
    out: list[str] = []
    for font, chunk in runs(text):
        out.extend([font] * len(chunk))
    for i in range(min(bold_upto, len(out))):
        if out[i] == SANS:
            out[i] = SANS_BOLD
    return out


def layout(text: str, lead: str, size: float, width: float, bold: bool = False) -> list[_Line]:
    """Lines of ``lead`` (bold) + ``text``, each a list of visual runs, to fit ``width``."""
    full = "".join(c for c in lead + text if c not in _CONTROLS)
    fonts = _fonts(full, len(full) if bold else len(lead))
    lines: list[_Line] = []
    pos = 0
    for para in full.split("\n"):
        lines += _layout_para(para, fonts[pos:pos + len(para)], size, width)
        pos += len(para) + 1
    return lines


def _width(text: str, fonts: list[str], start: int, end: int, size: float) -> float:
    total, i = 0.0, start
    while i < end:
        j = i + 1
        while j < end and fonts[j] == fonts[i]:
            j += 1
        total += _shape(fonts[i], text[i:j], False)[1] * size / _upem(fonts[i])
        i = j
    return total


def _layout_para(text: str, fonts: list[str], size: float, width: float) -> list[_Line]:
    if not text.strip():
        return [_Line([], 0.0, False)]
    levels, base = _levels(text)
    starts = [0] + _breaks(text) + [len(text)]
    pieces: list[tuple[int, int]] = []
    for a, b in zip(starts, starts[1:], strict=False):
        core = b
        while core > a and text[core - 1].isspace():
            core -= 1
        if core > a and _width(text, fonts, a, core, size) > width:
            cut = a  # an over-long word: break it at character boundaries
            for i in _graphemes(text, a, core) + [b]:
                if i < b and _width(text, fonts, cut, i + 1 if not _mark(text[i]) else i,
                                     size) > width and i > cut:
                    pieces.append((cut, i))
                    cut = i
            pieces.append((cut, b))
        else:
            pieces.append((a, b))
    lines, line_start, used = [], 0, 0.0
    for a, b in pieces:
        core = b
        while core > a and text[core - 1].isspace():
            core -= 1
        w_core = _width(text, fonts, a, core, size)
        if a > line_start and used + w_core > width:
            lines.append((line_start, a))
            line_start, used = a, 0.0
        used += _width(text, fonts, a, b, size) if b > core else w_core
    lines.append((line_start, len(text)))
    return [_visual(text, fonts, levels, base, a, b, size) for a, b in lines]


def _visual(text, fonts, levels, base, start, end, size) -> _Line:
    while end > start and text[end - 1].isspace():
        end -= 1
    groups: list[list] = []  # [font, level, start, end]
    for i in range(start, end):
        level = levels[i]
        if groups and groups[-1][0] == fonts[i] and groups[-1][1] == level:
            groups[-1][3] = i + 1
        else:
            groups.append([fonts[i], level, i, i + 1])
    if groups:  # rule L2: reverse every sequence at or above each odd level
        top = max(g[1] for g in groups)
        low = min(g[1] for g in groups)
        low = low + 1 if low % 2 == 0 else low
        for level in range(top, low - 1, -1):
            i = 0
            while i < len(groups):
                if groups[i][1] >= level:
                    j = i
                    while j < len(groups) and groups[j][1] >= level:
                        j += 1
                    groups[i:j] = groups[i:j][::-1]
                    i = j
                else:
                    i += 1
    out, total = [], 0.0
    for font, level, a, b in groups:
        chunk = text[a:b]
        glyphs, advance = _shape(font, chunk, level % 2 == 1)
        scale = size / _upem(font)
        out.append((font, chunk, glyphs, scale, level % 2 == 1))
        total += advance * scale
    return _Line(out, total, base == 1)


class TextBlock(Flowable):
    """Plain text in a paragraph style (font size, leading, colour, spacing, alignment)."""

    def __init__(self, text: str, style, lead: str = "", lines: list[_Line] | None = None,
                 width: float | None = None) -> None:
        super().__init__()
        self.text, self.style, self.lead = text, style, lead
        self._lines, self._for_width = lines, width
        self._fixed = lines is not None  # a piece of a longer block: its lines are final
        self.width = self.height = 0

    def _ensure(self, width: float) -> list[_Line]:
        if not self._fixed and (self._lines is None or abs(self._for_width - width) > 0.01):
            self._lines = layout(self.text, self.lead, self.style.fontSize, width,
                                 self.style.fontName == SANS_BOLD)
            self._for_width = width
        return self._lines

    def wrap(self, avail_width, avail_height):
        lines = self._ensure(avail_width)
        self.width = avail_width
        self.height = len(lines) * self.style.leading
        return avail_width, self.height

    def minWidth(self):
        return self.style.fontSize * 2

    def split(self, avail_width, avail_height):
        lines = self._ensure(avail_width)
        fit = int((avail_height + 1e-6) // self.style.leading)
        if fit <= 0 or fit >= len(lines):
            return [] if fit <= 0 else [self]
        first = TextBlock(self.text, self.style, self.lead, lines[:fit], avail_width)
        rest = TextBlock(self.text, self.style, self.lead, lines[fit:], avail_width)
        first.spaceAfter = 0
        rest.spaceBefore = 0
        return [first, rest]

    def in_pieces(self, most: int) -> list[TextBlock]:
        """This block (already wrapped) as blocks of at most ``most`` lines each."""
        lines = self._lines or []
        if len(lines) <= most:
            return [self]
        return [TextBlock(self.text, self.style, self.lead, lines[k:k + most],
                          self._for_width) for k in range(0, len(lines), most)]

    def getSpaceBefore(self):
        return getattr(self, "spaceBefore", self.style.spaceBefore)

    def getSpaceAfter(self):
        return getattr(self, "spaceAfter", self.style.spaceAfter)

    def draw(self) -> None:
        canvas = self.canv
        style = self.style
        if style.backColor is not None:
            canvas.saveState()
            canvas.setFillColor(style.backColor)
            canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
            canvas.restoreState()
        code = ["BT"]
        color = style.textColor
        code.append(f"{color.red:.4f} {color.green:.4f} {color.blue:.4f} rg")
        descent = style.fontSize * 0.25
        y = self.height - style.leading + (style.leading - style.fontSize) / 2 + descent
        right = style.alignment == TA_RIGHT
        for line in self._lines or ():
            x = self.width - line.width if (line.rtl_base or right) else 0.0
            for font, chunk, glyphs, scale, rtl in line.runs:
                x = _draw_run(canvas, code, font, chunk, glyphs, scale, style.fontSize, x, y,
                              rtl)
            y -= style.leading
        code.append("ET")
        canvas._code.append("\n".join(code))


def _draw_run(canvas, code, font_name, chunk, glyphs, scale, size, x, y,
              rtl: bool) -> float:
    doc = canvas._doc
    font = pdfmetrics.getFont(font_name)
    chars = _chars_for(font_name, font, chunk, glyphs)
    # One glyph per character, in order, none moved back over another: the text reads
    # back as drawn. Otherwise (joining forms, stacks, marks, ligatures) the span says it.
    exact = not rtl and len(glyphs) == len(chunk) and \
        all(g[3] == 0 and g[4] == 0 and g[2] > 0 for g in glyphs) and "".join(chars) == chunk
    if not exact:
        # Extractors put right-to-left text back in reading order from its place on the
        # page, so its ActualText is given in the order it is seen.
        actual = ("\ufeff" + (chunk[::-1] if rtl else chunk)).encode("utf-16-be").hex()
        code.append(f"/Span <</ActualText <{actual}>>> BDC")
    current = None
    for (_gid, _, x_adv, x_off, y_off), char in zip(glyphs, chars, strict=True):
        if not char.isspace():
            for subset, data in font.splitString(char, doc):
                if subset != current:
                    code.append(f"{font.getSubsetInternalName(subset, doc)} {size:.2f} Tf")
                    current = subset
                code.append(f"1 0 0 1 {x + x_off * scale:.2f} {y + y_off * scale:.2f} Tm "
                            f"<{data.hex()}> Tj")
        x += x_adv * scale
    if not exact:
        code.append("EMC")
    return x


def _chars_for(font_name: str, font, chunk: str, glyphs) -> list[str]:
    """A character per glyph that the subset can encode: its own where it has one."""
    face = font.face
    out = []
    with font_lock:
        for gid, cluster, *_ in glyphs:
            own = chunk[cluster]
            if face.charToGlyph.get(ord(own)) == gid:
                out.append(own)
                continue
            known = face.glyphToChar.get(gid)
            if known:
                out.append(chr(known[0]))
                continue
            out.append(chr(_private(font_name, face, gid)))
    return out


_next_private: dict[str, int] = {}


def _private(font_name: str, face, gid: int) -> int:
    """Give a glyph with no character of its own a private-use code (its text: ActualText)."""
    code = _next_private.get(font_name, 0xE000)
    while code in face.charToGlyph:
        code += 1
    if code > 0xF8FF:
        raise ValueError("no private code left")  # thousands of shaped glyphs: not met
    _next_private[font_name] = code + 1
    face.charToGlyph[code] = gid
    face.glyphToChar.setdefault(gid, []).append(code)
    hbface, hbfont = hb_face(font_name)
    face.charWidths[code] = hbfont.get_glyph_h_advance(gid) * 1000 / hbface.upem
    return code
