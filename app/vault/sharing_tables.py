# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tables for sharing between staff: colleagues, merge conflicts, the bundle log, marks.

None of these rows is synced: they describe this vault's view of its colleagues and of the
bundles it has sent and applied. A conflict row holds a losing value (case data), so it
lives here, inside SQLCipher, and never in a log line.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.vault.json_text import JsonText
from app.vault.schema import Base


class ColleagueRow(Base):
    """A colleague's public keys; ``verified`` once fingerprints were compared out of band."""

    __tablename__ = "colleagues"

    fingerprint: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    recipient: Mapped[str] = mapped_column(Text)  # age1…
    signing_key: Mapped[str] = mapped_column(Text)  # base64 raw Ed25519 public key
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    added_at: Mapped[str] = mapped_column(String(40))
    # The newest clock stamp per author this colleague said it had seen (JSON {node: stamp}),
    # from the manifests of its bundles: tells a knowing overwrite from a concurrent edit.
    seen: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)


class ConflictRow(Base):
    """The value that lost a concurrent edit of one field, kept for review."""

    __tablename__ = "conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(64))
    losing_value: Mapped[Any] = mapped_column(JsonText(null_as_text=True))
    losing_stamp: Mapped[str] = mapped_column(String(64))
    winning_stamp: Mapped[str] = mapped_column(String(64))
    bundle_id: Mapped[str] = mapped_column(String(36))
    detected_at: Mapped[str] = mapped_column(String(40))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (UniqueConstraint("record_kind", "record_id", "field", "losing_stamp"),)


class BundleLogRow(Base):
    """Every bundle written or applied here: the applied IDs are what refuses a replay."""

    __tablename__ = "bundle_log"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    direction: Mapped[str] = mapped_column(String(3))  # "in" or "out"
    sender: Mapped[str] = mapped_column(String(32))
    recipients: Mapped[list[str]] = mapped_column(JsonText)  # fingerprints
    created_at: Mapped[str] = mapped_column(String(40))
    logged_at: Mapped[str] = mapped_column(String(40))
    records: Mapped[int] = mapped_column(Integer, default=0)
    attachments: Mapped[int] = mapped_column(Integer, default=0)


class OutgoingMarkRow(Base):
    """For a set of recipients: the audit log position their last bundle covered."""

    __tablename__ = "outgoing_marks"

    recipients: Mapped[str] = mapped_column(Text, primary_key=True)  # sorted, comma-joined
    audit_id: Mapped[int] = mapped_column(Integer)
    bundle_id: Mapped[str] = mapped_column(String(36))
