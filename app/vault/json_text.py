# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""List and object columns: JSON values in Python, JSON text in the database.

The text is exactly what the services wrote by hand before this type existed (``json.dumps``
with ``ensure_ascii=False`` and ``sort_keys=True``, default separators), so vaults written
by older builds read as they are and new writes are byte for byte what older builds wrote:
no migration. SQL that reads these columns (``json_each``, ``LIKE``) sees the same text.
Raw SQL that writes them (travel mode's strip, snapshot purges) uses ``dump_json``.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator, TypeEngine


def dump_json(value: Any) -> str:
    """The stored text of a JSON column's value."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class JsonText(TypeDecorator):
    """A JSON value stored as its ``dump_json`` text in a ``TEXT`` column; SQL NULL is None.

    ``null_as_text``: None is stored as the text ``null`` instead, for a ``NOT NULL`` column
    whose value may itself be None (a conflict's losing value: an optional field cleared).
    """

    impl = Text
    cache_ok = True

    def __init__(self, *, null_as_text: bool = False) -> None:
        super().__init__()
        self.null_as_text = null_as_text
        self.should_evaluate_none = null_as_text  # the ORM hands None to the type

    def process_bind_param(self, value: Any, dialect) -> str | None:
        return None if value is None and not self.null_as_text else dump_json(value)

    def process_result_value(self, value: str | None, dialect) -> Any:
        return None if value is None else json.loads(value)

    def coerce_compared_value(self, op, value: Any) -> TypeEngine[Any]:
        # A string compared with the column (``cases.contains(case_id)``, a LIKE) is a
        # piece of the stored text, not a JSON value.
        if isinstance(value, str):
            return Text()
        return self
