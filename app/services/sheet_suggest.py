# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the import wizard shows before anything converts: each column's header and first
values, and a mapping suggested from headers and values, in English and Chinese.

Suggestions only: the caseworker confirms or changes them, and the result is an ordinary
Mapping (spreadsheet_mapping.parse_mapping validates what the wizard saves). Never reads a
vault, never writes a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.services.sheet_cells import cell_text, fold
from app.services.sheets import Grid
from app.services.spreadsheet import plan_columns
from app.services.spreadsheet_mapping import ENUM_KEYS, Mapping

SAMPLE_COUNT = 5
MAX_DISTINCT = 200  # a vocabulary column with more distinct values is not one

# Header words for each target, folded; the first target one of whose words the header
# equals wins, else the first one of whose words it contains (as a whole word).
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "display_name": ("display name", "name (english)", "english name", "name in english",
                     "full name", "pinyin", "拼音", "英文名", "英文姓名", "name"),
    "name_original": ("name (chinese)", "chinese name", "original name", "name in chinese",
                      "姓名", "中文名", "中文姓名", "名字"),
    "gender": ("gender", "sex", "性别"),
    "birth_year": ("birth year", "year of birth", "born", "出生年份", "出生年", "出生"),
    "ethnicity": ("ethnicity", "ethnic group", "民族"),
    "nationalities": ("nationality", "nationalities", "citizenship", "国籍"),
    "category": ("category", "group", "类别", "群体"),
    "occupation": ("occupation", "profession", "job", "职业"),
    "status_since": ("status since", "since", "状态日期"),
    "status": ("status", "current status", "situation", "现状", "状态", "目前状况"),
    "facility": ("facility", "place held", "place of detention", "prison", "detention centre",
                 "detention center", "关押地点", "关押场所", "羁押地点", "监狱"),
    "location": ("location", "province", "city", "所在地", "地点", "省份"),
    "charges": ("charges", "charge", "alleged crime", "crime", "accusation", "罪名", "指控"),
    "sentence_ends": ("sentence ends", "release due", "刑满日期", "刑满"),
    "sentence": ("sentence", "刑期", "判决"),
    "health_concerns": ("health", "health concerns", "健康", "健康状况"),
    "summary": ("summary", "description", "case summary", "案情", "简介", "摘要"),
    "tags": ("tags", "tag", "标签"),
    "other_names": ("other names", "alias", "aliases", "also known as", "别名", "曾用名"),
    "event:detained": ("detained", "detained on", "date detained", "detention date",
                       "date of detention", "拘留日期", "被拘留日期", "羁押日期"),
    "event:abducted": ("disappeared", "date disappeared", "失踪日期"),
    "event:arrested": ("arrested", "arrest date", "date of arrest", "逮捕日期", "批捕日期"),
    "event:sentenced": ("sentenced", "sentenced on", "date sentenced", "判刑日期", "宣判日期"),
    "event:released": ("released", "released on", "release date", "date released",
                       "释放日期"),
}

# Words in a vocabulary cell, folded, and the value each suggests; the first hit wins, so
# the specific come before the general ("监视居住" before "关押").
VALUE_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    "gender": (("female", "female"), ("女", "female"), ("male", "male"), ("男", "male"),
               ("f", "female"), ("m", "male"), ("其他", "other"), ("other", "other")),
    "status": (
        ("指定居所监视居住", "rsdl"), ("residential surveillance", "rsdl"), ("rsdl", "rsdl"),
        ("监视居住", "rsdl"), ("取保候审", "released_on_bail"), ("bail", "released_on_bail"),
        ("exit ban", "exit_banned"), ("限制出境", "exit_banned"), ("去世", "deceased"),
        ("死亡", "deceased"), ("deceased", "deceased"), ("died", "deceased"),
        ("incommunicado", "detained_incommunicado"), ("失联", "detained_incommunicado"),
        ("失踪", "missing"), ("missing", "missing"), ("disappear", "missing"),
        ("判刑", "sentenced"), ("服刑", "sentenced"), ("sentenced", "sentenced"),
        ("审判", "on_trial"), ("on trial", "on_trial"), ("起诉", "indicted"),
        ("indicted", "indicted"), ("逮捕", "formally_arrested"), ("arrested",
                                                                 "formally_arrested"),
        ("监控", "released_under_surveillance"), ("under surveillance",
                                                "released_under_surveillance"),
        ("释放", "released"), ("released", "released"), ("拘留", "criminal_detention"),
        ("关押", "criminal_detention"), ("detain", "criminal_detention"),
        ("不明", "unknown"), ("unknown", "unknown")),
    "access": (("部分", "partial"), ("partial", "partial"), ("拒绝", "denied"),
               ("不允许", "denied"), ("denied", "denied"), ("no", "denied"),
               ("允许", "granted"), ("获准", "granted"), ("granted", "granted"),
               ("yes", "granted"), ("不适用", "not_applicable"), ("n/a", "not_applicable")),
    "consent": (("不要", "do_not_raise"), ("do not raise", "do_not_raise"),
                ("private", "private_only"), ("不公开", "private_only"), ("公开", "public"),
                ("public", "public")),
    "sensitivity": (("high", "high"), ("高", "high"), ("normal", "normal"), ("一般", "normal")),
    "category": (("律师", "human_rights_lawyer"), ("lawyer", "human_rights_lawyer"),
                 ("记者", "journalist"), ("journalist", "journalist"),
                 ("书商", "bookseller_publisher"), ("publisher", "bookseller_publisher"),
                 ("劳工", "labour_activist"), ("labour", "labour_activist"),
                 ("labor", "labour_activist"), ("女权", "feminist_advocate"),
                 ("feminist", "feminist_advocate"), ("学者", "scholar"),
                 ("scholar", "scholar"), ("宗教", "religious_practitioner"),
                 ("religio", "religious_practitioner"), ("家属", "family_member"),
                 ("family", "family_member"), ("活动人士", "activist"),
                 ("维权", "activist"), ("activist", "activist")),
}
_VOCABULARY = {"lawyer_access": "access", "family_access": "access",
               "consular_access": "access"}


@dataclass(frozen=True)
class ColumnPreview:
    """One column as the wizard lists it."""

    index: int  # 0-based
    header: str
    samples: tuple[str, ...]  # its first non-empty cells, as text
    target: str | None  # what the mapping given makes of it (None: the internal notes)


@dataclass(frozen=True)
class Suggestion:
    mapping: Mapping  # the mapping given, with suggested columns and values added
    unmatched: dict[str, tuple[str, ...]]  # vocabulary key -> cells no value was found for


def preview_columns(grid: Grid, header_row: int = 1, mapping: Mapping | None = None,
                    count: int = SAMPLE_COUNT) -> list[ColumnPreview]:
    """The columns of the header row (a spreadsheet row number) with their first values."""
    header = [cell_text(cell) for cell in grid.rows[header_row - 1]]
    width = max([len(header), *map(len, grid.rows[header_row:header_row + 1000])])
    header += [""] * (width - len(header))
    samples: list[list[str]] = [[] for _ in range(width)]
    for row in grid.rows[header_row:]:
        for index, cell in enumerate(row):
            text = cell_text(cell)
            if text and len(samples[index]) < count:
                samples[index].append(text)
        if all(len(found) >= count for found in samples):
            break
    columns = plan_columns(header, mapping or Mapping())
    return [ColumnPreview(c.index, c.header, tuple(samples[c.index]), c.target)
            for c in columns]


def suggest_mapping(grid: Grid, header_row: int = 1,
                    mapping: Mapping | None = None) -> Suggestion:
    """`mapping` (default: empty) with a target suggested for each column it leaves to the
    notes, and a value for each vocabulary cell its `values` leave unmapped."""
    mapping = mapping or Mapping()
    header = [cell_text(cell) for cell in grid.rows[header_row - 1]]
    planned = plan_columns(header, mapping)
    taken = {c.target for c in planned if c.target}
    columns = dict(mapping.columns)
    targets: dict[int, str] = {c.index: c.target for c in planned if c.target}
    for column in planned:
        if column.target is None and column.header:
            target = _target_of(column.header, taken)
            if target is not None:
                columns[column.header] = target
                targets[column.index] = target
                taken.add(target)
    values = {key: dict(table) for key, table in mapping.values.items()}
    unmatched: dict[str, tuple[str, ...]] = {}
    probe = Mapping(columns, mapping.values, mapping.date_formats, mapping.id_column,
                    mapping.empty_values)
    for index, target in targets.items():
        if target not in ENUM_KEYS:
            continue
        missing = []
        for raw in _distinct(grid, header_row, index):
            if probe.value(target, raw) is not None or probe.is_empty(raw):
                continue
            direct = fold(raw).replace(" ", "_").replace("-", "_")
            if direct in {member.value for member in ENUM_KEYS[target]}:
                continue
            value = _value_of(target, raw)
            if value is None:
                missing.append(raw)
            else:
                values.setdefault(target, {})[raw] = value
        if missing:
            unmatched[target] = tuple(missing)
    return Suggestion(Mapping(columns, values, mapping.date_formats, mapping.id_column,
                              mapping.empty_values), unmatched)


def _words(text: str) -> str:
    return f" {re.sub(r'[^0-9a-z一-鿿]+', ' ', fold(text)).strip()} "


def _target_of(header: str, taken: set[str]) -> str | None:
    folded = fold(header)
    for exact in (True, False):
        for target, words in HEADER_WORDS.items():
            if target in taken:
                continue
            for word in words:
                if folded == word if exact else (f" {_words(word).strip()} " in _words(header)
                                                 or (not word.isascii() and word in folded)):
                    return target
    return None


def _distinct(grid: Grid, header_row: int, index: int) -> list[str]:
    seen: dict[str, None] = {}
    for row in grid.rows[header_row:]:
        if index < len(row):
            text = cell_text(row[index])
            if text:
                seen.setdefault(text)
                if len(seen) > MAX_DISTINCT:
                    return []
    return list(seen)


def _value_of(key: str, raw: str) -> str | None:
    words = _words(raw)
    for word, value in VALUE_WORDS.get(_VOCABULARY.get(key, key), ()):
        if word.isascii() and f" {word} " in words or not word.isascii() and word in raw:
            return value
        if word.isascii() and len(word) > 3 and word in words:  # "disappear" in "disappeared"
            return value
    return None
