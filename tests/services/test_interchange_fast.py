# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""jsonschema_rs, the fast check, refuses exactly what jsonschema refuses.

Import asks jsonschema_rs first and goes through jsonschema (which gives Vigil's messages)
only when jsonschema_rs refuses the file. So a file jsonschema_rs accepts must be one
jsonschema accepts too, or a broken file would be imported. These tests break the sample file
of test_interchange_schema in thousands of ways, one and two changes at a time, and compare
the two validators and the importer's schema check with the fast path on and off.
"""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from typing import Any

import pytest
from test_interchange_schema import CASE, ORG, sample, sample_v1

from app.services import interchange_schema
from app.services.interchange import LISTS, V1_LISTS

Path = tuple[str | int, ...]
DELETE = object()
# Values that break most keys somewhere: wrong types, empty and blank text, the spaces each
# regular expression engine reads differently, near-misses of each pattern.
VALUES: list[Any] = [
    DELETE, None, "", " ", "\t\n", "\x1c", "\x1f", "\x85", "\u00a0", "\u3000", "\ufeff",
    "\u200b", "x", "nul \x00", "林文杰", 0, -1, 7, 1.5, 2.0, 10**30, True, False, [], [None],
    ["x"], [1, 1], {}, {"x": 1}, "2015-13", "2015-02-30", "2015-07~", "0000", "2015-7",
    "2026-03-01T14:30", "2026-03-01T14:30+01:00", "cn", "CN", "C N", CASE, CASE.upper(),
    CASE[:-1] + "g", "release", "government", "us-glomag", "vigil-interchange",
]


def paths(node: Any, prefix: Path = ()) -> Iterator[Path]:
    """Every key and list item under `node`, parents first."""
    items = node.items() if isinstance(node, dict) else enumerate(node) \
        if isinstance(node, list) else ()
    for key, value in items:
        yield (*prefix, key)
        yield from paths(value, (*prefix, key))


def objects(node: Any, prefix: Path = ()) -> Iterator[Path]:
    if isinstance(node, dict):
        yield prefix
    for path in paths(node, prefix):
        value = at(node, path[len(prefix):])
        if isinstance(value, dict):
            yield path


def lists(node: Any) -> Iterator[Path]:
    return (path for path in paths(node) if isinstance(at(node, path), list) and at(node, path))


def at(doc: Any, path: Path) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def put(doc: Any, path: Path, value: Any) -> bool:
    """Set (or delete) the value at `path`; False when the path is no longer there."""
    try:
        parent = at(doc, path[:-1])
    except (KeyError, IndexError, TypeError):
        return False
    last = path[-1]
    if not isinstance(parent, dict | list) or isinstance(last, int) != isinstance(parent, list):
        return False
    if isinstance(parent, list) and last >= len(parent):
        return False
    if value is DELETE:
        del parent[last]
    else:
        parent[last] = copy.deepcopy(value)
    return True


def single_changes(base: dict) -> Iterator[dict]:
    for path in paths(base):
        for value in VALUES:
            doc = copy.deepcopy(base)
            if put(doc, path, value):
                yield doc
    for path in objects(base):
        for key in ("colour", "level", "involvements", "encounter_id", "name"):
            doc = copy.deepcopy(base)
            if key not in at(doc, path):
                at(doc, path)[key] = "x"
                yield doc
    for path in lists(base):
        doc = copy.deepcopy(base)
        listed = at(doc, path)
        listed.append(copy.deepcopy(listed[0]))  # the same item twice
        yield doc


def double_changes(base: dict, count: int, seed: int) -> Iterator[dict]:
    rng = random.Random(seed)
    every = list(paths(base))
    for _ in range(count):
        doc = copy.deepcopy(base)
        for _ in range(2):
            put(doc, rng.choice(every), rng.choice(VALUES))
        yield doc


def variants() -> Iterator[tuple[str, dict]]:
    v2_in_v1 = sample_v1()
    v2_in_v1["officials"][0]["level"] = "ambassador"
    v2_in_v1["encounters"] = []
    for name, base in (("v2", sample()), ("v1", sample_v1()), ("v2-keys-in-v1", v2_in_v1)):
        for number, doc in enumerate(single_changes(base)):
            yield f"{name} single {number}", doc
        for number, doc in enumerate(double_changes(base, 400, seed=len(name))):
            yield f"{name} double {number}", doc


def slow_problems(doc: dict, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """schema_problems as it was before the fast path: jsonschema alone."""
    lists_read = V1_LISTS if doc.get("version") == 1 else LISTS
    with monkeypatch.context() as patch:
        patch.setattr(interchange_schema, "fast_accepts", lambda _doc: False)
        return interchange_schema.schema_problems(doc, lists_read)[0]


def test_the_fast_check_refuses_what_jsonschema_refuses(monkeypatch):
    slow = interchange_schema._validator()  # jsonschema, on the schema the importer uses
    counts = {"accepted": 0, "refused": 0}
    for label, doc in variants():
        if doc.get("version") not in (1, 2) or type(doc.get("version")) is not int:
            continue  # parse_document stops before the schema
        fast = interchange_schema.fast_accepts(doc)
        assert fast == slow.is_valid(doc), label
        if fast:  # nor does the importer's own check of version 1 keys find anything
            assert slow_problems(doc, monkeypatch) == [], label
        counts["accepted" if fast else "refused"] += 1
    assert counts["refused"] > 3000 and counts["accepted"] > 300, counts


def test_the_fast_check_gives_the_same_messages(monkeypatch):
    """With the fast path on, a refused file gets jsonschema's messages, unchanged."""
    for label, doc in list(variants())[::10]:
        if type(doc.get("version")) is not int or doc["version"] not in (1, 2):
            continue
        lists_read = V1_LISTS if doc["version"] == 1 else LISTS
        assert interchange_schema.schema_problems(doc, lists_read)[0] == \
            slow_problems(doc, monkeypatch), label


# Where jsonschema_rs refuses what jsonschema accepts; jsonschema then decides, so the
# importer's answer is the same as before (and check_rules refuses each, BEYOND_THE_SCHEMA).
@pytest.mark.parametrize(("path", "value"), [
    (("cases", 0, "status_since"), "2015\n"),
    (("meetings", 0, "starts_at"), "2026-03-01T14:30+01:00\n"),
    (("cases", 0, "summary"), "bad \ud800 text"),
])
def test_where_only_the_fast_check_refuses_jsonschema_decides(monkeypatch, path, value):
    doc = sample()
    put(doc, path, value)
    assert not interchange_schema.fast_accepts(doc)
    assert interchange_schema._validator().is_valid(doc)
    assert interchange_schema.schema_problems(doc, LISTS) == ([], False)
    assert slow_problems(doc, monkeypatch) == []


def test_a_value_json_cannot_hold_is_left_to_jsonschema():
    doc = sample()
    doc["cases"][0]["summary"] = b"bytes"
    doc["organisations"][0][1] = ORG  # a key that is not a string
    assert not interchange_schema.fast_accepts(doc)
