# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Applying an opened bundle: per-field last-writer-wins by clock stamp, conflicts kept.

Each field of each record is compared by its stamp (plain string order; equal wall times
break by the author's node, which is part of the stamp). Deletion is final: a tombstone
(only an ID and its deletion stamp) erases the record here whatever its other stamps say,
later edits of a deleted record are dropped, and what was about a deleted case alone goes
with it (see app.vault.erasure); vaults keep the latest deletion stamp. A differing value
that loses is kept in ``conflicts`` unless the winner's author had already seen it (its
bundles say which stamps it had seen): then it was a knowing overwrite, not a concurrent
edit. Events, sources and attachments are
rows of their own, so timelines merge as sets. Derived data (search index, ``ask_cases``,
detention start, sort keys) is rebuilt here (``app.sharing.derived``) and by the vault's flush
hook (``app.vault.derived``). Everything happens in one ``session(remote=True)``; a preview
is the same run, rolled back. A bundle whose records break what the services guarantee (a
reference to a record this vault lacks, an involvement moved to another case or citing
another case's sources) is refused whole.

In travel mode the laptop carries only some cases: a bundle naming any other case (a new
one, one removed for the journey, or records about it) is applied only when the caller
says the user agreed (``allow_new_cases``); the preview counts those cases.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain import hlc
from app.errors import IntegrityError, UserError
from app.sharing import colleagues, records
from app.sharing.bundle import SEEN_META, TRAVEL_MODE_META, OpenedBundle, sent_to
from app.sharing.derived import derive, rebuild_rows
from app.vault import erasure
from app.vault.json_text import dump_json
from app.vault.schema import VaultMeta
from app.vault.sharing_tables import BundleLogRow, ColleagueRow, ConflictRow
from app.vault.tables import AttachmentRow, CaseRow, SourceRow
from app.vault.vault import Vault

TRAVEL_MODE = TRAVEL_MODE_META  # vault_meta: set while in travel mode (app.services.travel)
MAX_AHEAD_MS = 24 * 3600 * 1000
AHEAD = ("This bundle's changes are dated more than a day ahead of this computer's clock: "
         "check the date and time on both computers. Nothing was changed.")
ALTERED = ("An attachment in this bundle does not match its record: it was altered. "
           "Nothing was changed.")
UNREADABLE = ("The bundle contains a record this version of Vigil cannot read; "
              "nothing was changed.")
MISSING_REFERENCE = ("The bundle refers to records this vault does not have; nothing was "
                     "changed.")
# Records that belong to one case and never move to another (the services refuse it).
CASE_CHILDREN = frozenset({"event", "source", "attachment", "involvement"})
MISPLACED = ("The bundle moves a record to another case, or cites another case's sources "
             "for it; nothing was changed.")


@dataclass
class Preview:
    """What applying a bundle changes (or changed)."""

    bundle_id: str
    sender: str
    already_applied: bool = False
    new: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    deleted: Counter = field(default_factory=Counter)
    new_case_ids: list[str] = field(default_factory=list)
    changed_fields: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)
    # Travel mode: how many cases the bundle names that are not on this laptop.
    cases_not_here: int = 0
    # The sender's keys changed (old fingerprint, new): vouched for by the old key.
    new_keys: tuple[str, str] | None = None

    def describe(self) -> str:
        if self.already_applied:
            return "This bundle was already applied; nothing was changed."
        parts = []
        for kind in records.KIND_ORDER:
            if self.new[kind] or self.updated[kind] or self.deleted[kind]:
                part = f"{kind}s: {self.new[kind]} new, {self.updated[kind]} updated"
                parts.append(part + (f", {self.deleted[kind]} deleted"
                                     if self.deleted[kind] else ""))
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} conflicting edit(s) kept for review")
        return "; ".join(parts) or "nothing new"


class NotOnThisLaptop(UserError):
    """Travel mode: the bundle would bring cases onto the laptop that are not on it."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(
            f"This vault is in travel mode, and this bundle names {count} "
            f"case{'s' if count != 1 else ''} not on this laptop (new, or removed for the "
            "journey): nothing was changed.")


# Fields whose losing value is not worth a user's review: an event's place in the list.
UNREVIEWED = frozenset({"position"})


class _DryRun(Exception):
    pass


def already_applied(session: Session, bundle_id: str) -> bool:
    """Applied here before, or written here (a vault's own bundles hold nothing new)."""
    return session.get(BundleLogRow, bundle_id) is not None


def apply(vault: Vault, opened: OpenedBundle, *, dry_run: bool = False,
          allow_new_cases: bool = False) -> Preview:
    """Apply (or preview) a bundle in one transaction. In travel mode, a bundle naming
    cases not on this laptop raises ``NotOnThisLaptop`` unless ``allow_new_cases``."""
    m = opened.manifest
    preview = Preview(m.bundle_id, m.sender)
    try:
        with vault.session(remote=True) as session:
            if already_applied(session, m.bundle_id):
                preview.already_applied = True
                raise _DryRun()
            signer = opened.signer
            if signer is not None and signer.replaces is not None:
                colleagues.take_new_keys(session, signer.replaces, signer.recipient,
                                         signer.signing_key)
                preview.new_keys = (signer.replaces, signer.fingerprint)
            merger = _Merger(vault, session, opened, preview)
            if session.get(VaultMeta, TRAVEL_MODE_META) is not None:
                preview.cases_not_here = len(records.cases_not_here(session, opened.records,
                                                                     opened.conflicts))
                if preview.cases_not_here and not (dry_run or allow_new_cases):
                    raise NotOnThisLaptop(preview.cases_not_here)
            merger.run()
            if dry_run:
                raise _DryRun()
    except _DryRun:
        opened.discard(vault)
        return preview
    except (ValueError, TypeError, KeyError):
        opened.discard(vault)
        raise IntegrityError(UNREADABLE) from None
    except BaseException:
        opened.discard(vault)
        raise
    for attachment_id in merger.attached:  # committed: referenced, no longer to discard
        del opened.blobs[attachment_id]
    opened.discard(vault)  # erased attachments' ciphertext went with the commit (erasure)
    return preview


def _max(stamps) -> str:
    return max(stamps, default=hlc.ZERO)


def _node(stamp: str) -> str:
    return stamp.split(".", 2)[2]


class _Merger:
    def __init__(self, vault, session, opened, preview) -> None:
        self.vault, self.session, self.opened = vault, session, opened
        self.preview = preview
        self.me = vault.identity.fingerprint
        self.m = opened.manifest
        self.knowledge = {c.fingerprint: dict(c.seen or {})
                          for c in session.scalars(select(ColleagueRow))}
        sender_seen = self.knowledge.setdefault(self.m.sender, {})
        for node, stamp in self.m.seen.items():
            sender_seen[node] = max(sender_seen.get(node, hlc.ZERO), stamp)
        self.sent = sent_to(session)
        # Rows are held here: the session's identity map is weak, and a clean row it
        # forgets is read again (one query and one autoflush per row).
        self.touched: dict[str, dict[str, object]] = {}
        self.existing: dict[tuple[str, str], object] = {}
        self.attached: set[str] = set()  # stored blobs the merged rows now refer to
        self.recorded: set[tuple[str, str, str, str]] = set()
        self.now = vault.clock().isoformat(timespec="seconds")

    def run(self) -> None:
        limit = hlc.format_stamp(int(self.vault.clock().timestamp() * 1000) + MAX_AHEAD_MS,
                                 0xFFFF, "~")
        if any(stamp > limit for rec in self.opened.records
               for stamp in rec["field_versions"].values()):
            raise IntegrityError(AHEAD)
        ordered = sorted(self.opened.records,
                         key=lambda r: records.KIND_ORDER.index(r["kind"]))
        all_stamps = []
        with self.session.no_autoflush:
            self._preload(ordered)
            for rec in ordered:
                self._merge(rec)
                all_stamps += rec["field_versions"].values()
        self.session.flush()
        self._follow_deleted_cases()
        self._rebuild()
        self._their_conflicts()
        self._bookkeeping(all_stamps)
        self.session.flush()
        self._check_references()

    def _preload(self, ordered: list[dict]) -> None:
        by_kind: dict[str, list[str]] = {}
        for rec in ordered:
            by_kind.setdefault(rec["kind"], []).append(rec["id"])
        for kind, ids in by_kind.items():
            table = records.KINDS[kind]
            for start in range(0, len(ids), 500):
                for row in self.session.scalars(
                        select(table).where(table.id.in_(ids[start:start + 500]))):
                    self.existing[(kind, row.id)] = row

    # -- one record ----
    def _merge(self, rec: dict) -> None:
        kind, table = rec["kind"], records.KINDS[rec["kind"]]
        incoming = rec["field_versions"]
        row = self.existing.get((kind, rec["id"]))
        if records.is_tombstone(rec):
            self._bury(kind, table, rec["id"], row, incoming.get("deleted", hlc.ZERO))
            return
        if row is not None and row.deleted:
            return  # deletion is final: what a colleague changed before learning of it goes
        if row is None:
            row = table(id=rec["id"], origin=rec["origin"])
            for name in records.FIELDS[kind]:
                setattr(row, name, rec["fields"][name])
            if kind == "attachment":
                self._attach_blob(row)
            derive(kind, row)
            row.field_versions = dict(incoming)
            row.version = _max(incoming.values())
            self.session.add(row)
            self.existing[(kind, row.id)] = row
            self.preview.new[kind] += 1
            if kind == "case":
                self.preview.new_case_ids.append(row.id)
            self._touch(kind, row)
            return
        local = dict(row.field_versions or {})
        if kind in CASE_CHILDREN and rec["fields"].get("case_id") != row.case_id:
            # Never moves (the services refuse it): not even as a conflict to review.
            raise IntegrityError(MISPLACED)
        changed = []
        for name in records.FIELDS[kind]:
            theirs, ours = incoming.get(name, hlc.ZERO), local.get(name, hlc.ZERO)
            if theirs == ours:
                continue
            value = rec["fields"][name]
            current = getattr(row, name)
            if theirs > ours:
                if value != current:
                    if ours != hlc.ZERO and not self._knew(theirs, ours):
                        self._conflict(kind, row.id, name, current, ours, theirs)
                    setattr(row, name, value)
                    changed.append(name)
                local[name] = theirs
            elif value != current and theirs != hlc.ZERO and not self._knew(ours, theirs):
                self._conflict(kind, row.id, name, value, theirs, ours)
        if kind == "attachment" and not row.blob_key:
            self._attach_blob(row)
        if local != row.field_versions:
            row.field_versions = local
            row.version = max(row.version or hlc.ZERO, _max(local.values()))
        if changed:
            self.preview.updated[kind] += 1
            self.preview.changed_fields[(kind, row.id)] = changed
            self._touch(kind, row)

    def _bury(self, kind: str, table, record_id: str, row, stamp: str) -> None:
        """A colleague deleted this record: erase it here too (of two deletions, the later
        stamp is kept).
        One never seen here is kept as a tombstone, so that an older copy arriving later
        does not bring it back."""
        if row is None:
            row = table(id=record_id)
            self.session.add(row)
            erasure.erase(self.session, row, stamp)
            self.existing[(kind, row.id)] = row
            return
        if row.deleted:  # the latest deletion's stamp, the same on every vault
            ours = (row.field_versions or {}).get("deleted") or hlc.ZERO
            if stamp > ours:
                row.field_versions = {"deleted": stamp}
                row.version = stamp
            return
        case_id = getattr(row, "case_id", None)
        erasure.erase_record(self.session, row, stamp)
        self.preview.deleted[kind] += 1
        if case_id is not None:  # the case's timeline or sources changed
            self.touched.setdefault("case", {}).setdefault(
                case_id, self.existing.get(("case", case_id)))

    def _follow_deleted_cases(self) -> None:
        """Records that arrived about a case deleted here go the way of that case."""
        named: set[str] = set()
        for kind, rows in self.touched.items():
            for row in rows.values():
                if row is None or row.deleted:
                    continue
                if kind in ("event", "source", "attachment", "involvement"):
                    named.add(row.case_id)
                elif kind == "ask":
                    named.update(row.case_ids or ())
                elif kind == "meeting":
                    named.update(item.get("case_id") for item in row.cases or ())
        for case_id in sorted(c for c in named if isinstance(c, str)):
            case = self.existing.get(("case", case_id)) or self.session.get(CaseRow, case_id)
            if case is not None and case.deleted:
                erasure.forget_case(self.session, case_id)

    def _attach_blob(self, row: AttachmentRow) -> None:
        info = self.opened.blobs.get(row.id)
        if info is None or row.deleted:
            row.blob_id, row.blob_key = row.blob_id or "", b""
            return
        if (info.sha256, info.size) != (row.sha256, row.size):
            raise IntegrityError(ALTERED)
        row.blob_id, row.blob_key = info.blob_id, info.key
        self.attached.add(row.id)

    def _knew(self, winner: str, loser: str) -> bool:
        """Whether the winner's author had seen the losing stamp (a knowing overwrite)."""
        author = _node(winner)
        if author == self.me:
            return False
        claimed = self.knowledge.get(author, {}).get(_node(loser), hlc.ZERO)
        if _node(loser) == self.me:  # an edit of ours: they saw it only if we sent it to them
            claimed = min(claimed, self.sent.get(author, hlc.ZERO))
        return claimed >= loser

    def _conflict(self, kind, record_id, name, losing, losing_stamp, winning_stamp) -> None:
        if name in UNREVIEWED:
            return
        if name in ("case_ids", "cases") and losing:  # deleted cases are not brought back
            deleted = set(self.session.scalars(select(CaseRow.id).where(
                CaseRow.id.in_([erasure.case_of(item) for item in losing]),
                CaseRow.deleted.is_(True))))
            if deleted:
                kept = erasure.without_cases(losing, deleted)
                if kept == getattr(self.existing[(kind, record_id)], name):
                    return
                losing = kept
        key = (kind, record_id, name, losing_stamp)
        if key in self.recorded or self.session.scalar(select(ConflictRow.id).where(
                ConflictRow.record_kind == kind, ConflictRow.record_id == record_id,
                ConflictRow.field == name, ConflictRow.losing_stamp == losing_stamp)):
            return
        self.recorded.add(key)
        self.session.add(ConflictRow(
            record_kind=kind, record_id=record_id, field=name,
            losing_value=losing,
            losing_stamp=losing_stamp, winning_stamp=winning_stamp,
            bundle_id=self.m.bundle_id, detected_at=self.now, resolved=False))
        self.preview.conflicts.append((kind, record_id, name))

    def _touch(self, kind: str, row) -> None:
        self.touched.setdefault(kind, {})[row.id] = row
        if kind in ("event", "source", "attachment"):
            cases_touched = self.touched.setdefault("case", {})
            if cases_touched.get(row.case_id) is None:
                cases_touched[row.case_id] = self.existing.get(("case", row.case_id))

    def _their_conflicts(self) -> None:
        """Conflicts the sender kept about these records, unless settled here already."""
        for c in self.opened.conflicts:
            row = self.existing.get((c["record_kind"], c["record_id"]))
            if row is None:
                continue
            current = (row.field_versions or {}).get(c["field"], hlc.ZERO)
            if current == c["losing_stamp"]:
                continue  # the "losing" value is the one this vault holds: nothing lost
            self._conflict(c["record_kind"], c["record_id"], c["field"],
                           c["losing_value"],
                           c["losing_stamp"], c["winning_stamp"])

    # -- derived data ----
    def _rebuild(self) -> None:
        # ask_cases, last raised and open follow-ups (also of asks that arrived earlier
        # naming a case that arrives now) follow the flush: app.vault.derived.
        rebuild_rows(self.session, self.touched)

    def _bookkeeping(self, stamps: list[str]) -> None:
        session = self.session
        for stamp in stamps:
            self.vault.hlc.observe(stamp)
        row = session.get(VaultMeta, SEEN_META)
        seen = json.loads(row.value) if row is not None else {}
        for stamp in stamps:
            node = _node(stamp)
            seen[node] = max(seen.get(node, hlc.ZERO), stamp)
        session.merge(VaultMeta(key=SEEN_META, value=dump_json(seen)))
        colleague = session.get(ColleagueRow, self.m.sender)
        if colleague is not None:
            colleague.seen = dict(self.knowledge[self.m.sender])
        session.add(BundleLogRow(
            bundle_id=self.m.bundle_id, direction="in", sender=self.m.sender,
            recipients=list(self.m.recipients), created_at=self.m.created,
            logged_at=self.now, records=len(self.opened.records),
            attachments=len(self.m.attachments)))

    def _check_references(self) -> None:
        for table in ("officials", "events", "sources", "attachments", "asks", "meetings",
                      "involvements", "ask_cases"):
            if self.session.execute(text(f"PRAGMA foreign_key_check({table})")).first():
                raise IntegrityError(MISSING_REFERENCE)
        # An ask's encounter has no foreign key (see migration 0007).
        if self.session.execute(text(
                "SELECT 1 FROM asks WHERE encounter_id IS NOT NULL AND encounter_id NOT IN "
                "(SELECT id FROM encounters) LIMIT 1")).first():
            raise IntegrityError(MISSING_REFERENCE)
        # Events and involvements cite only their own case's sources (one removed since may
        # stay).
        for row in [*self.touched.get("event", {}).values(),
                    *self.touched.get("involvement", {}).values()]:
            if row is None or row.deleted:
                continue
            cited = row.source_ids or []
            if cited and self.session.execute(select(SourceRow.id).where(
                    SourceRow.id.in_(cited), SourceRow.deleted.is_(False),
                    SourceRow.case_id != row.case_id).limit(1)).first():
                raise IntegrityError(MISPLACED)
