# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A file the import wizard refuses as a whole (empty, unreadable, damaged, without headers,
a broken mapping file, an interchange file that does not validate) is refused in the user's
language: the services give each refusal a code, app.ui.import_problems and
app.ui.interchange_problems the words. Waits on signals, never sleeps."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from app.services.interchange_findings import SENTENCES
from app.ui import i18n
from app.ui.import_pages import PAGE_DATES, PAGE_PREVIEW
from app.ui.import_wizard import ImportWizard
from app.ui.interchange_problems import KINDS, TEXTS

DATA = Path(__file__).resolve().parents[1] / "data"
# Three English words in a row: a sentence the translation missed (paths and key names
# such as cases[0].staus or "vigil-interchange" are not sentences).
ENGLISH = re.compile(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+")
ID = "55555555-5555-4555-8555-555555555555"


@pytest.fixture
def vault(make_vault):
    return make_vault()


@pytest.fixture
def chinese(qapp):
    translators = i18n.install(qapp, "zh_CN")
    assert translators
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)


def chinese_only(text: str) -> str:
    assert text and not ENGLISH.search(text), text
    return text


def preview_problems(qtbot, w: ImportWizard) -> list[str]:
    with qtbot.waitSignal(w.preview_ended, timeout=60_000):
        w.next()
    assert w.currentId() == PAGE_PREVIEW and w.preview.result is None
    table = w.preview.problems
    return [table.item(row, 3).text() for row in range(table.rowCount())]


def test_an_empty_workbook_is_refused_on_the_first_page(import_wizard, chinese, tmp_path):
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    w = import_wizard(path)
    assert chinese_only(w.file_page.status.text()) == "该电子表格是空的。"
    assert not w.file_page.isComplete()


def test_an_empty_sheet_names_the_others(import_wizard, chinese, tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Empty"
    book.create_sheet("名单").append(["Name"])
    path = tmp_path / "two.xlsx"
    book.save(path)
    w = import_wizard(path)
    assert chinese_only(w.file_page.status.text()) == \
        '工作表“Empty”是空的；该工作簿包含 "Empty", "名单"：请选择其他工作表。'


@pytest.mark.parametrize(("content", "said"), [
    (b"PK\x03\x04 junk that is not a zip", "该文件看起来是 Excel 工作簿或 ODS 文件，但已损坏"),
    (b"Name\x00\xff\xfe,x\n", "该文件不是 UTF-8、UTF-16 或 GB18030 编码的 CSV 电子表格"),
    (b"   \n\n", "该电子表格是空的。"),
])
def test_an_unreadable_file_is_refused_in_chinese(import_wizard, chinese, tmp_path, content, said):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    w = import_wizard(path)
    assert chinese_only(w.file_page.status.text()).startswith(said)
    assert not w.file_page.isComplete()


def test_a_protected_workbook_is_refused_in_chinese(import_wizard, chinese):
    w = import_wizard(DATA / "password.xlsx")
    assert chinese_only(w.file_page.status.text()).startswith("该工作簿受密码保护")


def test_a_sheet_without_a_header_row_or_cases(import_wizard, chinese, tmp_path):
    sheet = tmp_path / "no-header.csv"
    sheet.write_text("\nLi Wei,male\n", encoding="utf-8")
    w = import_wizard(sheet)
    assert chinese_only(w.file_page.status.text()) == "工作表第 1 行是空的：请选择列标题所在的行。"
    assert not w.file_page.isComplete()
    w.file_page.header_row.setValue(2)  # the only row: headers, but no cases under them
    assert chinese_only(w.file_page.status.text()) == "该电子表格只有标题行，没有个案。"
    w.file_page.header_row.setValue(5)
    assert chinese_only(w.file_page.status.text()) == "该工作表没有第 5 行，无法从中读取列标题。"


def told(w: ImportWizard) -> str:
    (box,) = [b for b in w.findChildren(QMessageBox) if b.isVisible()]
    text = box.text()
    box.close()
    return text


def test_a_broken_mapping_file_is_refused_in_chinese(import_wizard, chinese, tmp_path):
    w = import_wizard(DATA / "cases-bilingual.csv")
    broken = tmp_path / "mapping.json"
    broken.write_text('{"columns": {"Name": "display_name",}}', encoding="utf-8")
    assert not w.load_mapping(broken)
    assert chinese_only(told(w)) == "该映射文件不是有效的 JSON（第 1 行，第 37 列）。"
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"colums": {}, "values": {"gender": {"m": "robot"}},
                                 "date_formats": ["%d.%m"]}), encoding="utf-8")
    assert not w.load_mapping(wrong)
    assert chinese_only(told(w)) == (
        "无法使用该映射文件（共 3 个问题）；第一个问题：未知的键“colums”（可用的键："
        "columns, values, date_formats, id_column, empty_values）。")


def test_the_preview_lists_mapping_problems_in_chinese(qtbot, import_wizard, chinese):
    w = import_wizard(DATA / "cases-bilingual.csv")
    while w.currentId() != PAGE_DATES:
        w.next()
    w.dates.formats.setPlainText("%d.%m")
    problems = preview_problems(qtbot, w)
    assert [chinese_only(p) for p in problems] == [
        "映射文件：date_formats[0] 中没有年份（%Y 或 %y）"]
    assert chinese_only(w.preview.summary.text())


def test_interchange_problems_keep_their_path_and_speak_chinese(qtbot, import_wizard, chinese,
                                                               tmp_path):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"format": "vigil-interchange", "version": 1, "cases": [
        {"id": "not-an-id", "display_name": "Wang Quanzhang", "status": "flying",
         "staus": "detained", "status_since": "2015-02-30", "nationalities": ["cn"]},
        {"id": ID, "display_name": "Li Heping", "sources": [], "events": [
            {"id": ID, "date": "2015-07", "kind": "detained", "title": "x",
             "source_ids": [ID]}]}]}), encoding="utf-8")
    w = import_wizard(path)
    problems = preview_problems(qtbot, w)
    for problem in problems:
        chinese_only(problem.split("：", 1)[1])
    assert problems[:5] == [
        "cases[0].id：不是 UUID（应为按 8-4-4-4-12 分组的 32 位十六进制数字）",
        "cases[0].status：未知的值“flying”",
        "cases[0].staus：未知的键",
        "cases[0].status_since：该月没有这一天",
        "cases[0].nationalities[0]：应为两个大写字母的国家代码（ISO 3166-1 alpha-2）",
    ]


def test_interchange_rules_beyond_the_schema_speak_chinese(qtbot, import_wizard, chinese, tmp_path):
    other = "66666666-6666-4666-8666-666666666666"
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"format": "vigil-interchange", "version": 1, "cases": [
        {"id": ID, "display_name": "A"},
        {"id": ID.upper(), "display_name": "B", "events": [
            {"id": other, "date": "2015-07", "title": "x", "source_ids": [other]}]}]}),
        encoding="utf-8")
    w = import_wizard(path)
    problems = preview_problems(qtbot, w)
    assert problems == ["cases[1].id：编号重复（cases[0].id 处也用了此编号）",
                        "cases[1].events[0].source_ids[0]：此个案中没有这个编号的信息来源"]
    for problem in problems:
        chinese_only(problem.split("：", 1)[1])


@pytest.mark.parametrize(("content", "said"), [
    ('{"format": "vigil-interchange", "version": 1, "cases": [', "文件在 JSON 完整之前就结束了"),
    ('{"format": "vigil-interchange", "version": 1 "cases": []}', "该文件不是有效的 JSON（第 1 行"),
    ('{"format": "vigil-interchange", "version": 7}', "version：此文件为第 7 版"),
    ('{"format": "other", "version": 1}', "format：应为“vigil-interchange”"),
])
def test_an_unreadable_interchange_file_speaks_chinese(qtbot, import_wizard, chinese, tmp_path,
                                                      content, said):
    path = tmp_path / "cases.json"
    path.write_text(content, encoding="utf-8")
    w = import_wizard(path)
    (problem,) = preview_problems(qtbot, w)
    assert problem.startswith(said), problem
    chinese_only(problem)


def test_interchange_problems_stay_english_in_english(qtbot, import_wizard, tmp_path):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps({"format": "vigil-interchange", "version": 1, "cases": [
        {"id": ID, "display_name": "A", "staus": "x"}]}), encoding="utf-8")
    w = import_wizard(path)
    assert preview_problems(qtbot, w) == ["cases[0].staus: unknown key"]


def test_every_interchange_code_has_words():
    assert set(TEXTS) == set(SENTENCES) - {"other"}
    for code, sentence in SENTENCES.items():
        if code in TEXTS:
            names = set(re.findall(r"\{(\w+)\}", str(TEXTS[code])))
            assert names <= set(re.findall(r"\{(\w+)\}", sentence)), code
    assert {"organisation", "official", "case", "encounter", "source"} <= set(KINDS)
