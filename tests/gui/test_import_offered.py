# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The import wizard offered where a new user looks (the empty dashboard), and its problems
said in the user's language: the services give each a code, app.ui.import_problems the
words. Waits on signals, never sleeps."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from app.ui import i18n
from app.ui.import_pages import PAGE_DATES, PAGE_PREVIEW
from app.ui.import_problems import TEXTS
from app.ui.import_wizard import ImportWizard

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def vault(make_vault):
    return make_vault()


@pytest.fixture
def chinese(qapp):
    translators = i18n.install(qapp, "zh_CN")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def problems_shown(qtbot, ctx, path: Path) -> list[list[str]]:
    w = ImportWizard(ctx, path)
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.file_ready, timeout=60_000):
        pass
    w.show()
    while w.currentId() != PAGE_DATES:
        w.next()
    with qtbot.waitSignal(w.preview_ended, timeout=60_000):
        w.next()
    assert w.currentId() == PAGE_PREVIEW and w.preview.result is None
    table = w.preview.problems
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    w.close()
    ctx.tasks.wait()
    return rows


def test_problems_are_in_chinese_under_zh_cn(qtbot, ctx, chinese, tmp_path):
    sheet = tmp_path / "problems.csv"
    sheet.write_text("Name,Sex,Detained on\nA,male,2014.03.05\nB,robot,yesterday\n"
                     "C,female,14.3.5\n", encoding="utf-8")
    rows = problems_shown(qtbot, ctx, sheet)
    by_place = {(r[0], r[1]): r for r in rows}
    assert by_place[("4", "Detained on")][2:] == [
        "14.3.5", "两位数的年份：请用四位数写年份（2014，而非 14）"]
    assert by_place[("3", "Detained on")][3].startswith("不是日期")
    assert by_place[("3", "Sex")][2:] == ["robot", "性别：尚未在“取值”页为此值选择含义"]
    assert not any("not a" in r[3] for r in rows)


def test_header_problems_are_in_chinese_too(qtbot, ctx, chinese, tmp_path):
    sheet = tmp_path / "twice.csv"
    sheet.write_text("Name,Remarks,remarks\nA,1,2\n", encoding="utf-8")
    (row,) = problems_shown(qtbot, ctx, sheet)
    assert row == ["", "", "", '列 "Remarks" 和列 "remarks" 的标题相同']


def test_problems_stay_english_in_english(qtbot, ctx, tmp_path):
    sheet = tmp_path / "problems.csv"
    sheet.write_text("Name,Detained on\nA,14.3.5\n", encoding="utf-8")
    (row,) = problems_shown(qtbot, ctx, sheet)
    assert row == ["2", "Detained on", "14.3.5",
                   "a two-digit year: write the year with four digits (2014, not 14)"]


def test_every_code_the_services_give_has_words():
    from app.services.spreadsheet import PROBLEM_CODES

    assert set(TEXTS) == set(PROBLEM_CODES) - {"other"}
    for code, params in PROBLEM_CODES.items():
        if code in TEXTS:
            str(TEXTS[code]).format(**{name: "x" for name in params})  # no placeholder missing


def test_the_empty_dashboard_offers_the_import_wizard(qtbot, open_window, make_vault_dir,
                                                      monkeypatch):
    from app.ui import filedialogs

    monkeypatch.setattr(filedialogs, "open_file", lambda *args, **kwargs: DATA /
                        "cases-bilingual.csv")
    window = open_window(make_vault_dir())
    dashboard = window.dashboard_screen
    qtbot.waitUntil(lambda: not dashboard.empty.isHidden(), timeout=60_000)
    if os.environ.get("VIGIL_SCREENSHOTS") == "1":
        window.resize(1280, 720)
        window.grab().save(str(DATA.parents[1] / "docs" / "screenshots" / "dashboard-empty.png"))
    texts = [label.text() for label in dashboard.empty.findChildren(QLabel)]
    assert texts and not any("vigil import" in text for text in texts)
    dashboard.import_button.click()  # a file is asked for (here: the sample), as File → Import…
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(ImportWizard)),
                    timeout=60_000)
    (wizard,) = window.findChildren(ImportWizard)
    qtbot.waitUntil(lambda: wizard.draft.grid is not None and not wizard.draft.recalling,
                    timeout=60_000)
    window.lock()
