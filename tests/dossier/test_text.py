# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scripts in one paragraph: font runs, escaping, right-to-left word order."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

from app.dossier.text import ARABIC, CJK, SANS, markup, runs, visual_word_order

FIRST, SECOND = "ئابدۇۋەلى", "مەمەت"  # an invented two-word Uyghur name


def test_chinese_runs_keep_the_middle_dot():
    assert runs("Ilham 伊力哈木·测试提 (x)") == [(SANS, "Ilham "), (CJK, "伊力哈木·测试提 "),
                                           (SANS, "(x)")]


def test_uyghur_words_in_visual_order_letters_in_logical_order():
    # Read right to left: the first word is drawn on the right, so it comes second here;
    # each word keeps its letters in logical order for the shaper.
    assert visual_word_order(f"{FIRST} {SECOND}") == f"{SECOND} {FIRST}"
    mixed = visual_word_order(f"Name: {FIRST} {SECOND} (Abduweli)")
    assert mixed.startswith("Name: ") and mixed.index(SECOND) < mixed.index(FIRST)
    assert mixed.endswith("(Abduweli)")
    assert [f for f, _ in runs(f"{FIRST} {SECOND}")] == [ARABIC]


def test_latin_text_is_untouched():
    text = "Release on medical grounds; 3 visits."
    assert visual_word_order(text) == text


def test_markup_escapes_what_the_user_typed():
    out = markup('<b>bold</b> & <font name="x">王</font>')
    assert "<b>" not in out and "&lt;b&gt;" in out and "&amp;" in out
    assert '<font face="VigilCJK">王</font>' in out
    assert markup("a\nb") == "a<br/>b"
    assert markup(None) == ""



def _ink_columns(pdf: Path, tmp_path: Path) -> list[int]:
    subprocess.run(["pdftoppm", "-png", "-r", "72", str(pdf), str(tmp_path / "page")],
                   check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    return [x for x in range(image.width)
            if any(image.getpixel((x, y)) < 128 for y in range(image.height))]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_uyghur_first_word_is_drawn_on_the_right(tmp_path):
    """Looked at on the page: a long first word and a short second one, read right to left."""
    pdf = tmp_path / "order.pdf"
    page = canvas.Canvas(str(pdf), pagesize=(600, 100))
    style = ParagraphStyle("s", fontName=SANS, fontSize=30, leading=40, shaping=1)
    paragraph = Paragraph(markup(f"{FIRST}{FIRST} {SECOND[:2]}"), style)
    paragraph.wrapOn(page, 580, 100)
    paragraph.drawOn(page, 10, 30)
    page.save()
    ink = _ink_columns(pdf, tmp_path)
    _, gap_start, gap_end = max((b - a, a, b) for a, b in zip(ink, ink[1:], strict=False))
    left, right = gap_start - ink[0], ink[-1] - gap_end
    assert right > 3 * left  # the long first word is on the right
