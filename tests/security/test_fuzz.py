# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fuzz every parser of outside input: interchange JSON, spreadsheets, mapping files,
keyslots.json, backup files and typed recovery keys.

Whatever the bytes, a parser either succeeds or raises its documented ``app.errors`` type,
promptly, with a message that never repeats case data (a canary planted in the values).
Inputs are mostly mutations of valid files, so the fuzz reaches past the first check.
The CI budget is small; ``VIGIL_FUZZ_EXAMPLES=5000 uv run pytest tests/security/test_fuzz.py``
runs a longer campaign. Every crash found is pinned below as a regression test.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import tarfile
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import documents
from vaults import CANARY, unlock

from app.errors import AuthenticationError, IntegrityError, UserError, VigilError
from app.services.interchange import (
    InterchangeError,
    dump_document,
    load_json_bytes,
    parse_document,
)
from app.services.spreadsheet import read_cases
from app.services.spreadsheet_mapping import SpreadsheetError, load_mapping, parse_mapping
from app.vault import backup, recovery
from app.vault.keyslots import Keyslots, _canonical

EXAMPLES = int(os.environ.get("VIGIL_FUZZ_EXAMPLES", "0"))


def budget(examples: int):
    """``examples`` in CI, or VIGIL_FUZZ_EXAMPLES; a 5-second deadline flags a hang."""
    return settings(max_examples=EXAMPLES or examples, deadline=timedelta(seconds=5),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much],
                    print_blob=True)


def documented(expected: tuple[type[VigilError], ...], fn, *args, case_data=True, **kwargs):
    """Call ``fn``: its result, or the documented error it raised (checked for leaks).

    ``case_data=False`` for mapping files: they hold headers and vocabulary, which messages
    name on purpose, and no case data.
    """
    try:
        return fn(*args, **kwargs)
    except expected as exc:
        message = str(exc)
        assert message.strip()
        if not case_data:
            return exc
        assert CANARY not in message and "CANARY" not in message, message
        for problem in getattr(exc, "problems", ()):
            assert "CANARY" not in problem, problem
        return exc


# -- generic JSON values and mutations ----------------------------------------------------

KEYS = ("format", "version", "organisations", "officials", "cases", "asks", "meetings", "id",
        "name", "status", "date", "events", "sources", "kind", "columns", "values",
        "date_formats", "id_column", "slots", "vault_id", "kdf", "salt", "nonce", "wrapped",
        "memory_kib", "iterations", "lanes", "files", "checksum", "mac")
json_leaves = (st.none() | st.booleans() | st.integers() | st.integers(-2**70, 2**70)
               | st.floats(allow_nan=False, allow_infinity=False)
               | st.text(max_size=12) | st.just(CANARY) | st.sampled_from(KEYS)
               | st.just("2026-13-45") | st.just("\ud800"))
json_values = st.recursive(
    json_leaves,
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), inner, max_size=4),
    max_leaves=16)


def paths(obj, prefix=()):
    yield prefix
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            yield from paths(value, (*prefix, index))


@st.composite
def mutated(draw, base):
    """``base`` (a decoded JSON document) with one to three random edits."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(list(paths(doc))))
        if not where:
            doc = draw(json_values)
            continue
        parent = doc
        for step in where[:-1]:
            parent = parent[step]
        last = where[-1]
        action = draw(st.sampled_from(("replace", "canary", "delete", "add")))
        if action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent[last], dict):
            parent[last][draw(st.sampled_from(KEYS))] = draw(json_values)
        elif action == "add" and isinstance(parent[last], list):
            parent[last].append(draw(json_values))
        elif action == "canary":
            parent[last] = CANARY
        else:
            parent[last] = draw(json_values)
    return doc


@st.composite
def mangled_bytes(draw, data: bytes):
    """``data`` truncated, with bytes flipped, inserted or deleted."""
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(("flip", "truncate", "insert", "delete")))
        if action == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif action == "truncate":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8)
                               | st.sampled_from([b"[" * 100_000, b"\xef\xbb\xbf", b"\x00"]))
        else:
            del data[at:at + draw(st.integers(1, 16))]
    return bytes(data)


# -- interchange JSON -----------------------------------------------------------------------

def interchange(data: bytes):
    obj = documented((InterchangeError,), load_json_bytes, data)
    if not isinstance(obj, Exception):
        documented((InterchangeError,), parse_document, obj)


@budget(60)
@given(st.data())
def test_fuzz_interchange_documents(data):
    doc = dump_document(data.draw(documents()))
    bad = data.draw(mutated(doc))
    documented((InterchangeError,), parse_document, json.loads(json.dumps(bad)))


@budget(60)
@given(st.data())
def test_fuzz_interchange_bytes(data):
    text = json.dumps(dump_document(data.draw(documents())),
                      ensure_ascii=data.draw(st.booleans()))
    interchange(data.draw(mangled_bytes(text.encode())))


@budget(40)
@given(st.binary(max_size=200))
def test_fuzz_interchange_random_bytes(raw):
    interchange(raw)


# -- spreadsheets and mapping files ---------------------------------------------------------

HEADERS = ("display_name", "name_original", "status", "gender", "birth_year", "consent",
           "detained_on", "Name", "Birth year", "event:detained", "event:sentenced", "notes",
           "id", "ID", "")
# Headers and mapping keys are the sheet's structure and are named in messages on purpose;
# the canary goes into cells, which hold case data and must never be repeated.
vocabulary = st.text(max_size=10) | st.sampled_from(
    ["1970", "2026-02-30", "1.5.2020", "detained", "female", "yes", "=cmd|'/C calc'!A0",
     "\x00", '"', "\r\n", "﻿"])
cells = vocabulary | st.just(CANARY)


@st.composite
def sheets(draw):
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6))
    width = len(header)
    rows = draw(st.lists(st.lists(cells, min_size=max(0, width - 1), max_size=width + 1),
                         max_size=5))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    lines = [delimiter.join(header)] + [
        delimiter.join('"' + c.replace('"', '""') + '"' if draw(st.booleans()) else c
                       for c in row) for row in rows]
    text = draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "latin-1"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        data = draw(mangled_bytes(data))
    return data


mappings = st.fixed_dictionaries({}, optional={
    "columns": st.dictionaries(st.sampled_from(HEADERS) | st.text(max_size=6),
                               st.sampled_from(HEADERS) | json_leaves, max_size=4) | json_values,
    "values": st.dictionaries(st.sampled_from(HEADERS), st.dictionaries(
        vocabulary, st.text(max_size=8) | st.integers(), max_size=3) | json_values, max_size=3),
    "date_formats": st.lists(st.sampled_from(["%Y", "%d.%m.%Y", "%Y-%m", "%", "%Q", "x"])
                             | json_leaves, max_size=3) | json_values,
    "id_column": st.sampled_from(HEADERS) | json_leaves,
    "extra": json_values,
})


@budget(150)
@given(sheets(), st.none() | mappings)
def test_fuzz_spreadsheets(data, mapping_obj):
    mapping = None
    if mapping_obj is not None:
        mapping = documented((SpreadsheetError,), parse_mapping, mapping_obj, case_data=False)
        if isinstance(mapping, Exception):
            mapping = None
    result = documented((SpreadsheetError,), read_cases, data, mapping)
    if not isinstance(result, Exception):
        # What a sheet turns into is interchange JSON: it goes through the same validation.
        documented((InterchangeError,), parse_document, result.document)


@budget(60)
@given(mappings | json_values)
def test_fuzz_mapping_objects(obj):
    documented((SpreadsheetError,), parse_mapping, obj, case_data=False)


@budget(60)
@given(st.data())
def test_fuzz_mapping_files(data):
    raw = data.draw(st.sampled_from([b"", b"{}", b'{"columns": {"Name": "display_name"}}',
                                     b'{"id_column": 1' + b"0" * 5000 + b"}",
                                     b"[" * 100_000]))
    raw = data.draw(st.just(raw) | mangled_bytes(raw or b"{}"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mapping.json"
        path.write_bytes(raw)
        documented((SpreadsheetError,), load_mapping, path, case_data=False)


# -- keyslots.json --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def keyslots_doc(template_vault):
    return json.loads((template_vault.path / "keyslots.json").read_bytes())


def write_keyslots(folder: Path, doc, *, fix_checksum: bool) -> Path:
    if fix_checksum and isinstance(doc, dict):
        # Past the checksum, so the fuzz reaches the structural checks behind it.
        body = {k: v for k, v in doc.items() if k not in ("checksum", "mac")}
        doc = {**doc, "checksum": hashlib.sha256(_canonical(body)).hexdigest()}
    path = folder / "keyslots.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@budget(150)
@given(data=st.data())
def test_fuzz_keyslots(keyslots_doc, template_vault, data):
    doc = data.draw(mutated(keyslots_doc))
    with tempfile.TemporaryDirectory() as folder:
        path = write_keyslots(Path(folder), doc, fix_checksum=data.draw(st.booleans()))
        slots = documented((IntegrityError,), Keyslots.load, path)
        if isinstance(slots, Keyslots):
            # Cheap unlocks only (no Argon2 here): a forged slot must not crash them either.
            secret = recovery.parse(template_vault.recovery_key)
            key = documented((IntegrityError, AuthenticationError),
                             slots.unlock_with_recovery, secret)
            if isinstance(key, bytes):
                documented((IntegrityError,), slots.verify_mac, key)


@budget(80)
@given(data=st.data())
def test_fuzz_keyslots_bytes(keyslots_doc, data):
    raw = data.draw(mangled_bytes(json.dumps(keyslots_doc).encode()))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "keyslots.json"
        path.write_bytes(raw)
        documented((IntegrityError,), Keyslots.load, path)


def test_deeply_nested_keyslots_are_damage_not_a_crash(tmp_path):
    """Regression (fuzz): json.loads raised RecursionError past the `except ValueError`."""
    (tmp_path / "keyslots.json").write_bytes(b"[" * 100_000)
    with pytest.raises(IntegrityError, match="damaged"):
        Keyslots.load(tmp_path / "keyslots.json")


def test_a_non_ascii_checksum_is_damage_not_a_crash(keyslots_doc, tmp_path):
    """Regression (fuzz): hmac.compare_digest raised TypeError on a non-ASCII checksum."""
    for field in ("checksum", "mac"):
        write_keyslots(tmp_path, {**keyslots_doc, field: "校验"}, fix_checksum=False)
        with pytest.raises(IntegrityError, match="damaged"):
            Keyslots.load(tmp_path / "keyslots.json")


def test_a_mapping_file_nested_too_deeply_is_refused_clearly(tmp_path):
    """Regression (fuzz): RecursionError and int-digit ValueError escaped load_mapping."""
    for raw in (b"[" * 100_000, b'{"id_column": ' + b"1" * 5000 + b"}"):
        (tmp_path / "mapping.json").write_bytes(raw)
        with pytest.raises(SpreadsheetError, match="not valid JSON"):
            load_mapping(tmp_path / "mapping.json")


# -- backup files ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def backup_bytes(template_vault, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-backup")
    vault_copy = folder / "vault"
    import shutil

    shutil.copytree(template_vault.path, vault_copy)
    with unlock(vault_copy) as vault:
        vault.blobs.write(io.BytesIO(b"attachment " * 100))
        backup.write_backup(vault, folder / "backup.vigil")
    return (folder / "backup.vigil").read_bytes()


def restore(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "in.vigil", Path(folder) / "out" / "vault"
        source.write_bytes(raw)
        outcome = documented((IntegrityError, UserError), backup.restore_backup, source, target)
        written = {p.relative_to(folder).as_posix() for p in Path(folder).rglob("*")}
        # Nothing outside the target folder, and a failed restore leaves no vault behind.
        assert all(p in ("in.vigil", "out") or p.startswith("out/vault") for p in written), written
        if isinstance(outcome, Exception):
            assert not (target / "keyslots.json").exists()
        else:
            Keyslots.load(target / "keyslots.json")


@budget(60)
@given(data=st.data())
def test_fuzz_backup_files(backup_bytes, data):
    restore(data.draw(mangled_bytes(backup_bytes)))


MEMBER_NAMES = ("vault.db", "keyslots.json", "manifest.json", "blobs/ab/" + "0" * 32,
                "../escape", "/etc/escape", "blobs/../../escape", "blobs/ab", "out/vault")


@st.composite
def forged_backups(draw):
    """A tar archive of chosen members, links and manifests, as an attacker would make it."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as tar:
        for _ in range(draw(st.integers(0, 5))):
            name = draw(st.sampled_from(MEMBER_NAMES) | st.text(max_size=10))
            info = tarfile.TarInfo(name)
            kind = draw(st.sampled_from((tarfile.REGTYPE, tarfile.REGTYPE, tarfile.SYMTYPE,
                                         tarfile.LNKTYPE, tarfile.DIRTYPE)))
            info.type = kind
            if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE):
                info.linkname = draw(st.sampled_from(("/etc/passwd", "../../x", "vault.db")))
                tar.addfile(info)
                continue
            if name == "manifest.json" and draw(st.booleans()):
                payload = draw(st.sampled_from([b"[" * 100_000, b"1" * 5000]) | st.builds(
                    lambda v: json.dumps(v).encode(), json_values | st.fixed_dictionaries(
                        {"files": st.dictionaries(st.sampled_from(MEMBER_NAMES),
                                                  st.text(max_size=64))})))
            else:
                payload = draw(st.binary(max_size=64))
            info.size = len(payload) if kind == tarfile.REGTYPE else 0
            tar.addfile(info, io.BytesIO(payload) if kind == tarfile.REGTYPE else None)
    return out.getvalue()


@budget(100)
@given(forged_backups())
def test_fuzz_forged_backup_archives(raw):
    restore(raw)


def test_a_backup_manifest_nested_too_deeply_is_damage_not_a_crash(tmp_path):
    """Regression (fuzz): a deeply nested manifest.json raised RecursionError."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as tar:
        payload = b"[" * 100_000
        info = tarfile.TarInfo("manifest.json")
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    (tmp_path / "in.vigil").write_bytes(out.getvalue())
    with pytest.raises(IntegrityError, match="damaged"):
        backup.restore_backup(tmp_path / "in.vigil", tmp_path / "vault")


# -- recovery keys --------------------------------------------------------------------------

@budget(200)
@given(st.text(max_size=80) | st.builds(
    lambda key, at, ch: key[:at] + ch + key[at + 1:],
    st.builds(lambda _: recovery.generate()[0], st.none()),
    st.integers(0, 48), st.characters()))
def test_fuzz_recovery_keys(text):
    outcome = documented((recovery.RecoveryKeyTypo,), recovery.parse, text)
    if isinstance(outcome, bytes):
        assert len(outcome) == recovery.SECRET_BYTES
        assert recovery.parse(recovery.format_key(outcome)) == outcome
    else:
        assert len(text.strip()) < 8 or text not in str(outcome)  # the key is never repeated
