# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the import wizard has gathered so far: the file's rows (read once, kept in memory,
never written anywhere), the header row, the mapping being built and the columns to ignore.

No Qt and no vault here: the pages edit a draft, the preview converts it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from app.errors import UserError
from app.services.sheet_cells import Cell, CellProblem, cell_text
from app.services.sheet_suggest import suggest_mapping
from app.services.sheets import MAX_BYTES, Grid, read_bounded, read_grid, sheet_names
from app.services.spreadsheet import HEADER_SEARCH_ROWS, sheet_refusal, suggest_header_row
from app.services.spreadsheet_mapping import (
    DATE_KEYS,
    ENUM_KEYS,
    EVENT_PREFIX,
    Mapping,
    convert_date,
    load_mapping,
    parse_mapping,
)

# Formats common in registers that the built-in readings do not take (day first, month
# names, no separators); the first that reads every unread cell of a column is offered.
DATE_CANDIDATES = ("%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y", "%d-%m-%Y", "%Y%m%d", "%d %B %Y",
                   "%d %b %Y", "%B %Y", "%b %Y", "%m/%Y", "%d/%m/%y", "%d.%m.%y")
NOTES, IGNORE = "", "-"  # the columns page's two choices that are not a target
_LEADING_BLANKS = re.compile(rb"[\xef\xbb\xbf \t\r\n]*")


def _reads(fmt: str, text: str) -> bool:
    try:
        datetime.strptime(text.rstrip("~").strip(), fmt)
    except ValueError:
        return False
    return True


class ImportDraft:
    def __init__(self) -> None:
        self.clear()
        self.mapping = Mapping()

    def clear(self) -> None:
        self.path: Path | None = None
        self.data = b""
        self.is_json = False
        self.sheet_names: tuple[str, ...] = ()
        self.grid: Grid | None = None
        self.header_row = 1
        self.ignored: set[int] = set()
        self.suggested = False
        self.dates_detected = False
        self.recalling = False  # the vault is being asked for this sheet's last mapping

    # -- the file ------------------------------------------------------------------------------
    @staticmethod
    def read(path: Path, mapping: Mapping) -> ImportDraft:
        """A draft of the file at `path` (any thread: it shares nothing with the UI's)."""
        draft = ImportDraft()
        draft.mapping = mapping
        draft.open(path)
        return draft

    def take(self, other: ImportDraft) -> None:
        """What `read` found, as this draft's (the pages hold this one)."""
        self.__dict__.update(other.__dict__)

    def open(self, path: Path) -> None:
        self.clear()
        try:
            with Path(path).open("rb") as handle:
                data = read_bounded(handle)
        except OSError:
            raise UserError("The file to import does not exist or cannot be read.",
                            code="file_unreadable") from None
        if len(data) > MAX_BYTES:
            raise UserError("The file is too large to import (over 100 MB).",
                            code="file_too_large")
        blanks = _LEADING_BLANKS.match(data)
        start = blanks.end() if blanks else 0
        self.path = Path(path)
        if self.path.suffix.lower() == ".json" or data[start:start + 1] == b"{":
            self.is_json = True
            return
        self.data = data
        self.sheet_names = sheet_names(data)
        self._read(None)

    def choose_sheet(self, name: str) -> None:
        if self.grid is None or name != self.grid.sheet:
            self._read(name)

    def _read(self, sheet: str | None) -> None:
        self.grid = read_grid(self.data, sheet)
        self.header_row = self._guess_header_row()
        self.ignored = set()
        self.suggested = False

    def _guess_header_row(self) -> int:
        """The row the mapping finds a display name in, else the first row whose headers
        suggest one ("Name (English)"), else row 1."""
        assert self.grid is not None
        found = suggest_header_row(self.grid, self.mapping)
        for row in range(1, min(len(self.grid.rows), HEADER_SEARCH_ROWS) + 1):
            if found is not None or not any(self.grid.rows[row - 1]):
                break
            suggested = suggest_mapping(self.grid, row, self.mapping).mapping
            if suggest_header_row(self.grid, suggested) == row:
                found = row
        return found or 1

    def choose_header_row(self, row: int) -> None:
        self.header_row = row
        self.suggested = False

    def refusal(self) -> UserError | None:
        """Why the sheet with this header row has no cases to import, or None."""
        return None if self.grid is None else sheet_refusal(self.grid, self.header_row)

    def header(self) -> list[str]:
        assert self.grid is not None
        if self.header_row > len(self.grid.rows):  # an empty sheet: no header row at all
            return []
        return [cell_text(cell) for cell in self.grid.rows[self.header_row - 1]]

    def body(self) -> Iterator[tuple[Cell, ...] | list[Cell]]:
        assert self.grid is not None
        return iter(self.grid.rows[self.header_row:])

    # -- the mapping ---------------------------------------------------------------------------
    def set_columns(self, headers: list[str], targets: dict[int, str],
                    id_column: str | None) -> None:
        """The columns page's choices: a target, NOTES or IGNORE for each column index."""
        columns = {}
        self.ignored = {index for index, target in targets.items() if target == IGNORE}
        for target, header in zip(targets.values(), headers, strict=True):
            if header and target not in (NOTES, IGNORE):
                columns[header] = target
        kept = set(columns.values())
        values = {key: table for key, table in self.mapping.values.items() if key in kept}
        self.mapping = replace(self.mapping, columns=columns, values=values,
                               id_column=id_column)

    def targets(self) -> Iterator[tuple[int, str]]:
        for index, header in enumerate(self.header()):
            target = self.mapping.target(header) if header else None
            if target is not None and index not in self.ignored:
                yield index, target

    def enum_columns(self) -> list[tuple[int, str]]:
        return [(i, t) for i, t in self.targets() if t in ENUM_KEYS]

    def date_columns(self) -> list[tuple[int, str]]:
        return [(i, t) for i, t in self.targets()
                if t in DATE_KEYS or t.startswith(EVENT_PREFIX)]

    def set_values(self, chosen: list[tuple[str, str, str | None]]) -> None:
        values = {key: dict(table) for key, table in self.mapping.values.items()}
        for key, raw, value in chosen:
            table = values.setdefault(key, {})
            if value is None:
                table.pop(raw, None)
            else:
                table[raw] = value
        self.mapping = replace(self.mapping, values={k: v for k, v in values.items() if v})

    def detect_date_formats(self) -> tuple[list[str], list[str]]:
        """Formats that read date cells nothing else reads: (found, ambiguous). A format is
        found when it alone, of the candidates, reads every such cell of a column."""
        found: list[str] = []
        ambiguous: list[str] = []
        for index, _target in self.date_columns():
            unread = []
            for row in self.body():
                if index >= len(row):
                    continue
                try:
                    convert_date(row[index], self.mapping)
                except CellProblem:
                    unread.append(unicodedata.normalize("NFKC", cell_text(row[index])))
            if not unread:
                continue
            fits = [fmt for fmt in DATE_CANDIDATES if all(_reads(fmt, text) for text in unread)]
            if len(fits) == 1 and fits[0] not in found:
                found.append(fits[0])
            elif len(fits) > 1:
                ambiguous += [fmt for fmt in fits if fmt not in ambiguous]
        return found, ambiguous

    def set_date_formats(self, formats: list[str]) -> None:
        self.mapping = replace(self.mapping,
                               date_formats=tuple(f.strip() for f in formats if f.strip()))

    def checked_mapping(self) -> Mapping:
        """The mapping as the CLI would read it (raises SpreadsheetError if it is not one)."""
        return parse_mapping(json.loads(json.dumps(self.mapping.to_dict())))

    def load(self, path: Path) -> None:
        self.adopt(load_mapping(path))

    def adopt(self, mapping: Mapping) -> None:
        """Start again from `mapping` (loaded, or remembered by the vault)."""
        self.mapping = mapping
        self.suggested = False
        if self.grid is not None:
            self.header_row = suggest_header_row(self.grid, self.mapping) or self.header_row

    def save(self, path: Path) -> None:
        text = json.dumps(self.checked_mapping().to_dict(), ensure_ascii=False, indent=2)
        Path(path).write_text(text + "\n", encoding="utf-8")

    def grid_to_convert(self) -> Grid:
        """The grid with the ignored columns blanked out (header and cells)."""
        assert self.grid is not None
        if not self.ignored:
            return self.grid
        rows = [row if not row else [("" if i in self.ignored else cell)
                                     for i, cell in enumerate(row)]
                for row in self.grid.rows]
        return replace(self.grid, rows=rows)
