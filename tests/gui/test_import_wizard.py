# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Import…: messy CSV, XLSX and ODS sheets through the wizard's pages; a sheet with
problems lists every one and imports nothing; a cancelled import leaves the vault as it was;
mappings saved are the CLI's. Waits on signals, never sleeps.

Every page is also grabbed at 1280×720 in English and Chinese (into the test's own folder,
or with VIGIL_SCREENSHOTS=1 into docs/screenshots/), so a page that cannot be drawn in
either language fails here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QComboBox, QWizard

from app.services import bulk, cases
from app.services.spreadsheet_mapping import load_mapping
from app.ui import fonts, i18n, import_run
from app.ui import import_wizard as module
from app.ui.import_draft import IGNORE, NOTES
from app.ui.import_pages import PAGE_COLUMNS, PAGE_DATES, PAGE_PREVIEW, PAGE_VALUES
from app.ui.import_wizard import ImportWizard

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture
def vault(make_vault):
    return make_vault()


def case_names(vault) -> list[str]:
    with vault.session() as session:
        return sorted(c.display_name for c in cases.all_cases(session))


def closed_and_deleted(qtbot, w: ImportWizard, close) -> bool:
    gone: list[bool] = []
    w.destroyed.connect(lambda: gone.append(True))
    with qtbot.waitSignal(w.finished, timeout=60_000):
        close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return gone == [True]


def to_preview(qtbot, w: ImportWizard) -> None:
    while w.currentId() != PAGE_DATES:
        w.next()
    with qtbot.waitSignal(w.preview_ended, timeout=60_000):
        w.next()
    assert w.currentId() == PAGE_PREVIEW


def import_all(qtbot, w: ImportWizard):
    with qtbot.waitSignal(w.imported, timeout=60_000) as blocker:
        w.next()
    return blocker.args[0]


def test_the_messy_csv_with_its_mapping_imports(qtbot, import_wizard, vault):
    w = import_wizard(DATA / "cases-bilingual.csv")
    assert w.load_mapping(DATA / "cases-bilingual.mapping.json")
    w.next()
    assert w.currentId() == PAGE_COLUMNS
    combos = {w.columns.headers[i]: c.currentData() for i, c in enumerate(w.columns.combos)}
    assert combos["Sex"] == "gender" and combos["Remarks"] == NOTES
    status = w.columns.combos[w.columns.headers.index("Status")]
    assert status.findData(NOTES) == -1  # "Status" fills status by its name alone
    w.next()
    assert w.currentId() == PAGE_VALUES
    chosen = {(k, raw): c.currentData() for k, raw, c in w.values.combos}
    assert chosen[("gender", "男/ male")] == "male"
    w.next()
    assert w.dates.table.rowCount() > 0
    with qtbot.waitSignal(w.preview_ended, timeout=60_000):
        w.next()
    assert w.preview.result is not None, w.preview.summary.text()
    assert w.preview.cases.rowCount() == 5
    assert "Remarks" in w.preview.summary.text()
    outcome = import_all(qtbot, w)
    assert (outcome.created, outcome.updated) == (5, 0)
    assert "Gao Yunfei" in case_names(vault)
    with vault.session() as session:
        gao = next(c for c in cases.all_cases(session) if c.display_name == "Gao Yunfei")
    assert "Remarks: Lawyer Mr. Tang denied visits twice" in gao.internal_notes


def test_the_same_sheet_again_updates_nothing(qtbot, import_wizard, vault):
    for created in (5, 0):
        w = import_wizard(DATA / "cases-bilingual.csv")
        w.load_mapping(DATA / "cases-bilingual.mapping.json")
        to_preview(qtbot, w)
        outcome = import_all(qtbot, w)
        assert outcome.created == created
    assert outcome.unchanged == 5
    assert len(case_names(vault)) == 5


def test_the_vault_remembers_the_mapping_of_these_headers(qtbot, import_wizard, vault):
    w = import_wizard(DATA / "cases-bilingual.csv")
    w.load_mapping(DATA / "cases-bilingual.mapping.json")
    to_preview(qtbot, w)
    import_all(qtbot, w)
    used = w.preview.result.mapping
    assert used.columns["Place held"] == "facility"  # suggested on top of the file's
    again = import_wizard(DATA / "cases-bilingual.csv")
    assert again.draft.mapping == used
    to_preview(qtbot, again)
    assert again.preview.result is not None
    assert again.preview.result.outcome.unchanged == 5


def test_an_ignored_column_goes_nowhere(qtbot, import_wizard, vault):
    w = import_wizard(DATA / "cases-bilingual.csv")
    w.load_mapping(DATA / "cases-bilingual.mapping.json")
    w.next()
    combo = w.columns.combos[w.columns.headers.index("Remarks")]
    combo.setCurrentIndex(combo.findData(IGNORE))
    to_preview(qtbot, w)
    assert w.preview.result is not None
    assert "Remarks" not in w.preview.result.sheet.noted_columns
    assert "Source" in w.preview.result.sheet.noted_columns


def test_an_xlsx_made_here_imports_with_suggestions_only(qtbot, import_wizard, vault, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["Name", "姓名", "性别", "Status"])
    sheet.append(["Li Wei", "李伟", "男", "Released"])
    sheet.append(["Zhang Min", "张敏", "女", "sentenced"])
    book.create_sheet("Notes").append(["nothing here"])
    path = tmp_path / "register.xlsx"
    book.save(path)
    w = import_wizard(path)
    assert w.file_page.sheet.count() == 2
    to_preview(qtbot, w)
    assert w.preview.result is not None, w.preview.summary.text()
    import_all(qtbot, w)
    with vault.session() as session:
        li = next(c for c in cases.all_cases(session) if c.display_name == "Li Wei")
    assert (li.name_original, li.gender.value, li.status.value) == ("李伟", "male", "released")


def test_the_ods_sheet_with_a_title_row(qtbot, import_wizard, vault):
    w = import_wizard(DATA / "cases-bilingual.ods")
    assert w.draft.header_row > 1  # the title row above the headers is skipped
    w.load_mapping(DATA / "cases-bilingual.mapping.json")
    to_preview(qtbot, w)
    assert w.preview.result is not None, w.preview.summary.text()
    import_all(qtbot, w)
    assert len(case_names(vault)) == 5


def test_every_problem_is_listed_and_nothing_imports(qtbot, import_wizard, vault, tmp_path):
    sheet = tmp_path / "bad.csv"
    sheet.write_text("Name,Sex,Detained on\nA,male,2014.03.05\nB,robot,yesterday\n"
                     "C,martian,14.3.5\n", encoding="utf-8")
    w = import_wizard(sheet)
    to_preview(qtbot, w)
    assert w.preview.result is None and not w.preview.isComplete()
    rows = [[w.preview.problems.item(r, c).text() for c in range(4)]
            for r in range(w.preview.problems.rowCount())]
    assert ["3", "Sex", "robot"] in [r[:3] for r in rows]
    assert ["4", "Sex", "martian"] in [r[:3] for r in rows]
    assert {r[0] for r in rows} >= {"3", "4"}
    assert any(r[1] == "Detained on" and r[0] == "3" for r in rows)
    assert case_names(vault) == []


def test_more_problems_than_are_listed_are_counted(qtbot, import_wizard, vault, tmp_path):
    sheet = tmp_path / "many.csv"
    sheet.write_text("Name,Sex\n" + "".join(f"P{n},robot{n}\n" for n in range(250)),
                     encoding="utf-8")
    w = import_wizard(sheet)
    to_preview(qtbot, w)
    assert w.preview.problems.rowCount() == 200
    assert "250 problems" in w.preview.summary.text()
    assert case_names(vault) == []


def test_a_mapping_loaded_on_the_preview_converts_again(qtbot, import_wizard, vault):
    w = import_wizard(DATA / "cases-bilingual.csv")
    to_preview(qtbot, w)
    assert not w.preview.result.sheet.stable_ids  # suggestions name no ID column
    with qtbot.waitSignal(w.preview_ended, timeout=60_000):
        w.load_mapping(DATA / "cases-bilingual.mapping.json")
    assert w.preview.result.sheet.stable_ids, w.preview.summary.text()


def test_cancel_leaves_the_vault_unchanged(qtbot, import_wizard, vault, monkeypatch):
    w = import_wizard(DATA / "cases-bilingual.csv")
    w.load_mapping(DATA / "cases-bilingual.mapping.json")
    to_preview(qtbot, w)
    real = bulk.import_document

    def cancelled_midway(session, doc, **kwargs):
        real(session, doc, **kwargs)
        w.run_page.stop.set()  # as the Cancel button does, once every case is written

    monkeypatch.setattr(import_run.bulk, "import_document", cancelled_midway)
    with qtbot.waitSignal(w.import_cancelled, timeout=60_000):
        w.next()
    assert case_names(vault) == []
    assert "nothing was imported" in w.run_page.summary.text()


def test_a_saved_mapping_is_the_one_the_cli_reads(qtbot, import_wizard, tmp_path):
    w = import_wizard(DATA / "cases-bilingual.csv")
    w.next()
    combo: QComboBox = w.columns.combos[w.columns.headers.index("Sex")]
    combo.setCurrentIndex(combo.findData("gender"))
    w.next()
    assert w.save_mapping(tmp_path / "m.json")
    saved = load_mapping(tmp_path / "m.json")
    assert saved.columns["Sex"] == "gender"
    assert json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["columns"]


def test_an_interchange_file_goes_straight_to_the_preview(qtbot, import_wizard, vault, tmp_path):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"format": "vigil-interchange", "version": 1, "cases": [
        {"id": "55555555-5555-4555-8555-555555555555", "display_name": "Wang Quanzhang"}]}),
        encoding="utf-8")
    w = import_wizard(path)
    assert not w.button(QWizard.WizardButton.CustomButton1).isVisible()  # no mapping
    with qtbot.waitSignal(w.preview_ended, timeout=60_000):
        w.next()
    assert w.currentId() == PAGE_PREVIEW
    import_all(qtbot, w)
    assert case_names(vault) == ["Wang Quanzhang"]


def test_day_first_dates_are_detected(qtbot, import_wizard, vault, tmp_path):
    sheet = tmp_path / "days.csv"
    sheet.write_text("Name,Detained on,Released\nA,25.03.2019,\nB,01.12.2020,2014-03-05\n"
                     "C,2018.11,03/04/2021\n", encoding="utf-8")
    w = import_wizard(sheet)
    while w.currentId() != PAGE_DATES:
        w.next()
    assert "%d.%m.%Y" in w.draft.mapping.date_formats
    assert "%d/%m/%Y" not in w.draft.mapping.date_formats  # or 4 March? not guessed
    assert "%m/%d/%Y" in w.dates.detected.text()
    cells = {w.dates.table.item(r, 1).text(): w.dates.table.item(r, 2).text()
             for r in range(w.dates.table.rowCount())}
    assert cells["25.03.2019"] == "2019-03-25"


def test_a_protected_workbook_is_refused_in_one_sentence(qtbot, import_wizard):
    w = import_wizard(DATA / "password.xlsx")
    assert "password" in w.file_page.status.text()
    assert not w.file_page.isComplete()


def test_file_import_asks_for_the_file_first(qtbot, ctx, monkeypatch):
    asked: list[str] = []

    def chosen(_parent, title, _filter=""):
        asked.append(title)
        return None if len(asked) == 1 else DATA / "cases-bilingual.csv"

    monkeypatch.setattr(module.filedialogs, "open_file", chosen)
    assert module.open_import_wizard(None, ctx) is None  # the dialog was cancelled
    w = module.open_import_wizard(None, ctx)
    assert w is not None
    with qtbot.waitSignal(w.file_ready, timeout=60_000):
        pass
    assert w.draft.grid is not None and len(asked) == 2
    gone = closed_and_deleted(qtbot, w, w.close)
    assert gone


def test_locking_the_window_closes_the_wizard(qtbot, make_vault_dir, open_window):
    win = open_window(make_vault_dir())
    w = module.open_import_wizard(win, win.ctx, DATA / "cases-bilingual.csv")
    assert w is not None and w.isVisible()
    with qtbot.waitSignal(w.file_ready, timeout=60_000):
        pass
    assert closed_and_deleted(qtbot, w, win.lock)  # and the sheet's rows with it


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_screenshots(qtbot, import_wizard, qapp, language, tmp_path):
    translators = i18n.install(qapp, language)
    font = qapp.font()
    fonts.install(qapp)  # as the app does: Chinese cells are not boxes
    try:
        shots = SHOTS if os.environ.get("VIGIL_SCREENSHOTS") == "1" else tmp_path / "shots"
        folder = shots if language == "en" else shots / language
        folder.mkdir(parents=True, exist_ok=True)
        sheet = tmp_path / "cases.csv"
        sheet.write_bytes((DATA / "cases-bilingual.csv").read_bytes())
        w = import_wizard(sheet)
        w.load_mapping(DATA / "cases-bilingual.mapping.json")
        names = ["file", "columns", "values", "dates"]
        for index, name in enumerate(names):
            w.grab().save(str(folder / f"import-wizard-{name}.png"))
            if index < len(names) - 1:
                w.next()
        with qtbot.waitSignal(w.preview_ended, timeout=60_000):
            w.next()
        w.grab().save(str(folder / "import-wizard-preview.png"))
        with qtbot.waitSignal(w.imported, timeout=60_000):
            w.next()
        w.grab().save(str(folder / "import-wizard-summary.png"))
        bad = tmp_path / "problems.csv"
        bad.write_text("Name,Sex,Detained on\nA,male,2014.03.05\nB,robot,yesterday\n"
                       "C,martian,14.3.5\n", encoding="utf-8")
        w = import_wizard(bad)
        to_preview(qtbot, w)
        w.grab().save(str(folder / "import-wizard-problems.png"))
        saved = sorted(p.name for p in folder.glob("import-wizard-*.png") if p.stat().st_size)
        assert len(saved) == 7, saved
    finally:
        qapp.setFont(font)
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


def test_file_import_opens_the_wizard_once_unlocked(qtbot, open_window, make_vault_dir,
                                                    monkeypatch):
    from app.ui import filedialogs
    from app.ui.import_wizard import ImportWizard

    sample = Path(__file__).resolve().parents[1] / "data" / "cases-bilingual.csv"
    monkeypatch.setattr(filedialogs, "open_file", lambda *args, **kwargs: sample)
    window = open_window(make_vault_dir())
    assert window.import_action.isEnabled()
    window.import_action.trigger()

    qtbot.waitUntil(lambda: any(isinstance(w, ImportWizard) and w.isVisible()
                                for w in window.findChildren(ImportWizard)), timeout=10_000)
    window.lock()
    assert not window.import_action.isEnabled()
