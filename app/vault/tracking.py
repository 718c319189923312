# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""One flush hook for two duties: the audit log and per-field clock stamps.

Every write through a vault session is recorded (who, when, what kind, which ID, which
field names; never values) and every changed field of a synced row gets a fresh hybrid
logical clock stamp, so services only set attributes. Applying a colleague's bundle sets
``session.info["remote"] = True``: the remote stamps are kept as they came.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from app.vault.json_text import dump_json
from app.vault.schema import AuditEntry

_AUDIT = AuditEntry.metadata.tables[AuditEntry.__tablename__]

# session.info: the (kind, id) of rows a service stamped itself (a deletion and what it takes
# with it carry the deletion's stamp; see app.vault.erasure).
STAMPED = "tracking.stamped"
# Bookkeeping and derived columns: never versioned, never merged.
SYNC_BOOKKEEPING = frozenset({"id", "origin", "version", "field_versions", "rowid",
                              "detention_start", "last_raised", "date_sort",
                              "starts_at_utc", "starts_on_sort", "ends_on_sort"})


def _changed_fields(obj, new: bool) -> list[str]:
    state = inspect(obj)
    if new:  # a pending row holds exactly the values it was given (unset reads as None)
        values = state.dict
        return [key for key in _tracked(state.mapper) if values.get(key) is not None]
    return [key for key in _tracked(state.mapper) if state.attrs[key].history.has_changes()]


@cache
def _tracked(mapper) -> tuple[str, ...]:
    """The column attributes of a mapped class that are versioned, in column order."""
    return tuple(attr.key for attr in mapper.column_attrs if attr.key not in SYNC_BOOKKEEPING)


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    actor = session.info.get("actor")
    if actor is None:  # a session outside a vault (migrations, tests of the schema)
        return
    now: datetime = session.info["clock"]()
    hlc = session.info.get("hlc")
    remote = session.info.get("remote", False)
    if session.new or session.dirty or session.deleted:
        session.info["wrote"] = True  # only a writing session keeps the clock (Vault.session)
    entries = []
    for obj, action in ([(o, "create") for o in session.new]
                        + [(o, "update") for o in session.dirty]
                        + [(o, "delete") for o in session.deleted]):
        kind = getattr(obj, "__audit_kind__", None)
        if kind is None:
            continue
        if action == "update" and not session.is_modified(obj, include_collections=False):
            continue
        fields = [] if action == "delete" else _changed_fields(obj, action == "create")
        if action == "update" and not fields:
            continue
        stamped = (kind, str(obj.id)) in session.info.get(STAMPED, ())
        if hlc is not None and hasattr(obj, "field_versions") and fields and not remote \
                and not stamped:
            stamp = hlc.tick()
            obj.field_versions = {**(obj.field_versions or {}), **dict.fromkeys(fields, stamp)}
            obj.version = stamp
            if action == "create" and not obj.origin:
                obj.origin = actor
        if action == "update" and getattr(obj, "deleted", False) and "deleted" in fields:
            action, fields = "delete", ["deleted"]  # what else it lost is nobody's business
        entries.append({"at": now.isoformat(timespec="seconds"), "actor": actor,
                        "action": ("merge-" + action) if remote else action,
                        "record_kind": kind, "record_id": str(obj.id),
                        "fields": fields})
    if entries:  # rows, not ORM objects: a bulk import writes one for every record
        session.execute(_AUDIT.insert(), entries)
    session.info.pop(STAMPED, None)


def can_stamp(session: Session) -> bool:
    """Whether ``stamp_created`` applies: a vault session with a clock writing its own
    records (a colleague's arrive with their stamps, through the ORM)."""
    return (session.info.get("actor") is not None and session.info.get("hlc") is not None
            and not session.info.get("remote", False))


def stamp_created(session: Session, table, values: dict, at: str) -> tuple:
    """Stamp the values of a new row written without an ORM object (``app.vault.batch``)
    as ``_before_flush`` stamps a pending one, and return its audit entry: the same
    fields (those given a value), one clock stamp for all of them, this vault's origin.

    ``values`` holds what the ORM object would have been given (unset columns absent);
    its ``field_versions`` becomes the column's stored text (``dump_json``), the entry a
    tuple in the order of ``write_audit``'s columns. ``at``: the entry's time
    (``isoformat(timespec="seconds")`` of the session's clock).
    """
    fields = tuple(key for key in _tracked_of(table) if values.get(key) is not None)
    stamp = session.info["hlc"].tick()
    versions, listed = _texts(fields)
    values["field_versions"] = versions.replace(_STAMP, stamp)
    values["version"] = stamp
    if not values.get("origin"):
        values["origin"] = session.info["actor"]
    session.info["wrote"] = True  # the clock moved: Vault.session keeps it
    return (at, session.info["actor"], "create", table.__audit_kind__, str(values["id"]),
            listed)


@cache
def _tracked_of(table) -> tuple[str, ...]:
    return _tracked(inspect(table))


_STAMP = "<stamp>"  # a placeholder: field names are identifiers


@cache
def _texts(fields: tuple[str, ...]) -> tuple[str, str]:
    """The stored texts (``JsonText``) of a new row's ``field_versions`` (stamp left as
    ``_STAMP``) and its audit entry's ``fields``: built once per set of fields
    (a bulk import's rows share a few), since field names and stamps need no escaping."""
    return dump_json(dict.fromkeys(fields, _STAMP)), dump_json(list(fields))


_AUDIT_INSERT = ("INSERT INTO audit_log (at, actor, action, record_kind, record_id, fields) "
                 "VALUES (?, ?, ?, ?, ?, ?)")


def write_audit(session: Session, entries: list[tuple]) -> None:
    """Insert audit entries made by ``stamp_created``: one statement, no per-row binding."""
    if entries:
        session.connection().exec_driver_sql(_AUDIT_INSERT, entries)
