# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The declarative base and the vault's own bookkeeping tables.

A naming convention gives every constraint a stable name, so migrations stay reviewable.
Case-data tables live in ``app.vault.tables``; both are described by Alembic migrations
under ``app/vault/migrations`` and a test checks that models and migrations agree.
"""

from __future__ import annotations

from sqlalchemy import Integer, LargeBinary, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.vault.json_text import JsonText

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class VaultMeta(Base):
    """Small facts about the vault itself (clock, last bundle times); never case data."""

    __tablename__ = "vault_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class IdentityRow(Base):
    """This vault's own keys: the age identity and the Ed25519 signing key (one row)."""

    __tablename__ = "identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, default="")
    age_identity: Mapped[str] = mapped_column(Text)
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[str] = mapped_column(String(40))


class AuditEntry(Base):
    """Who changed which record when, and which fields: names only, never values."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))
    record_kind: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    fields: Mapped[list[str]] = mapped_column(JsonText, default=list)
