# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Simplified Chinese translation covers every string of the UI, keeps every
placeholder, is compiled from its source, and shows in the window."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from app.domain.enums import Status
from app.ui import i18n
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "vigil_zh_CN.ts"
EN = ROOT / "resources" / "translations" / "vigil_en.ts"
PLACEHOLDER = re.compile(r"\{[0-9]*(?::[^}]*)?\}|<[^>]+>|%[0-9n]")


def messages(ts: Path = TS):
    """(context, source, translation) for each message; each plural form on its own."""
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            forms = [form.text or "" for form in message.iter("numerusform")] or \
                [message.findtext("translation")]
            for form in forms:
                yield context.findtext("name"), message.findtext("source"), form


def test_every_string_of_the_ui_is_translated():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_translations.py"),
                             "--check"], capture_output=True, text=True, check=False,
                            cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_translations_keep_every_placeholder():
    wrong = [(context, source) for ts in (TS, EN) for context, source, translation in messages(ts)
             if set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(translation))]
    assert wrong == []


def test_case_is_always_ge_an():
    """A caseworker's "case" is 个案 in every Chinese string, never 案例 (an example)."""
    assert "案例" not in TS.read_text(encoding="utf-8")


def test_english_has_every_count_in_both_forms():
    forms = [(source, translation) for _context, source, translation in messages(EN)]
    assert forms and all("(s)" in source and "(s)" not in translation
                         for source, translation in forms)
    assert len(forms) == 2 * len({source for source, _ in forms})


def test_the_compiled_file_matches_its_source(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(tmp_path / "x.qm")],
                   check=True, timeout=120)
    assert (tmp_path / "x.qm").read_bytes() == TS.with_suffix(".qm").read_bytes(), \
        "run: uv run python scripts/update_translations.py"


@pytest.fixture
def chinese(qapp):
    translators = i18n.install(qapp, "zh_CN")
    assert translators, "the Chinese translation did not load"
    yield
    i18n.uninstall(translators)
    QLocale.setDefault(i18n.locale_for("en"))


def test_the_window_speaks_chinese(qtbot, tmp_path, chinese):
    win = MainWindow(tmp_path / "vault")
    qtbot.addWidget(win)
    assert win.windowTitle() == "Vigil"
    assert win.lock_action.text() == "锁定"
    items = [win.sidebar.item(r).text() for r in range(win.sidebar.count())]
    assert items[0] == "总览" and "同事" in items
    assert i18n.label(Status.RSDL) == "指定居所监视居住"
    assert i18n.tr("Past a legal time limit") != "Past a legal time limit"


def test_the_bundled_fonts_cover_chinese_uyghur_and_tibetan(qapp):
    from PySide6.QtGui import QFont, QFontMetrics

    from app.ui import fonts

    previous = qapp.font()
    try:
        loaded = fonts.install(qapp)
        assert {"Noto Sans", *fonts.FALLBACKS} <= set(loaded)
        for family, text in (("WenQuanYi Micro Hei", "王全璋伊力哈木·土赫提"),
                             ("Noto Naskh Arabic", "تۇرسۇن"), ("Noto Serif Tibetan", "བློ")):
            metrics = QFontMetrics(QFont(family))
            assert all(metrics.inFontUcs4(ord(c)) for c in text if not c.isspace()), family
    finally:
        qapp.setFont(previous)
