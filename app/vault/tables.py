# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tables for case data. Column names are the interchange keys of DESIGN.md section 9.

Every synced row has a UUID, its origin (the author's fingerprint), the clock stamp of its
latest change, the stamp of each field (``field_versions``) and a tombstone flag: rows are
never deleted, so colleagues' vaults converge, but a tombstone's columns are emptied (only
its ID and deletion stamp remain; see ``app.vault.erasure``). Enum values are stored as
their strings, fuzzy dates as their canonical text plus an ISO ``*_sort`` column for
ordering, lists and small objects as JSON text (``JsonText``: JSON values in Python).
Derived tables (``ask_cases``, ``open_follow_ups``, ``case_search``, ``case_search_grams``)
and derived columns (``cases.detention_start``, ``cases.last_raised``) are kept by the
flush hook (``app.vault.derived``) from the rows they derive from, and are not synced.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.vault.json_text import JsonText
from app.vault.schema import Base

ID = String(36)


def _ref(table: str) -> ForeignKey:
    # Deferred, so a bundle can bring a case and the ask that names it in either order.
    return ForeignKey(f"{table}.id", deferrable=True, initially="DEFERRED")


class Synced:
    """Columns that let vaults exchanging bundles converge (see app.sharing)."""

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    origin: Mapped[str] = mapped_column(String(32), default="")
    version: Mapped[str] = mapped_column(String(64), default="")
    field_versions: Mapped[dict[str, str]] = mapped_column(JsonText, default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class OrganisationRow(Synced, Base):
    __tablename__ = "organisations"
    __audit_kind__ = "organisation"

    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(2))
    kind: Mapped[str | None] = mapped_column(String(32))


class OfficialRow(Synced, Base):
    __tablename__ = "officials"
    __audit_kind__ = "official"

    name: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    organisation_id: Mapped[str | None] = mapped_column(ID, _ref("organisations"), index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    notes: Mapped[str | None] = mapped_column(Text)
    name_original: Mapped[str | None] = mapped_column(Text)
    other_names: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    gender: Mapped[str | None] = mapped_column(String(16))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    level: Mapped[str | None] = mapped_column(String(32))
    identifiers: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    positions: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    sanctions: Mapped[list[Any]] = mapped_column(JsonText, default=list)


class CaseRow(Synced, Base):
    __tablename__ = "cases"
    __audit_kind__ = "case"

    display_name: Mapped[str] = mapped_column(Text)
    name_original: Mapped[str | None] = mapped_column(Text)
    other_names: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    gender: Mapped[str | None] = mapped_column(String(16))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    ethnicity: Mapped[str | None] = mapped_column(Text)
    nationalities: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    category: Mapped[str | None] = mapped_column(String(32))
    occupation: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(32))
    status_since: Mapped[str | None] = mapped_column(String(16))
    location: Mapped[str | None] = mapped_column(Text)
    facility: Mapped[str | None] = mapped_column(Text)
    charges: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    sentence: Mapped[str | None] = mapped_column(Text)
    sentence_ends: Mapped[str | None] = mapped_column(String(16))
    lawyer_access: Mapped[str | None] = mapped_column(String(16))
    family_access: Mapped[str | None] = mapped_column(String(16))
    consular_access: Mapped[str | None] = mapped_column(String(16))
    health_concerns: Mapped[str | None] = mapped_column(Text)
    confession: Mapped[dict[str, Any] | None] = mapped_column(JsonText)
    consent: Mapped[str | None] = mapped_column(String(16))
    sensitivity: Mapped[str | None] = mapped_column(String(16))
    priority: Mapped[int | None] = mapped_column(Integer)
    tags: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    summary: Mapped[str | None] = mapped_column(Text)
    internal_notes: Mapped[str | None] = mapped_column(Text)
    photo_id: Mapped[str | None] = mapped_column(ID)  # an attachment of this case
    safe_to_travel: Mapped[bool] = mapped_column(Boolean, default=False)
    # Derived from status and timeline on every save (not synced): the case list shows
    # days detained for thousands of cases without reading their timelines.
    detention_start: Mapped[str | None] = mapped_column(String(16))
    # Derived from ask_cases whenever an ask naming the case changes (not synced): the
    # case list, "not raised since" and the matrix's row order read it without a join.
    last_raised: Mapped[str | None] = mapped_column(String(10))

    # What the detention rules read of a held person, led by the status: the calendar's
    # time limits and anniversaries (and the dashboard's) read this index, never the wide
    # rows (whose notes and summaries made reading 6,000 of them cost 100 ms at reference
    # scale); a query on the status alone uses it as it used the status's own index.
    __table_args__ = (Index("ix_cases_detention", "status", "deleted", "detention_start",
                            "status_since", "sentence_ends", "id", "display_name"),
                      # The case list and the matrix's rows, each one scan of an index in its
                      # own order instead of the wide rows and a sort: half the time at 10,000
                      # cases. Their columns: cases._SUMMARY_COLUMNS and dashboard.matrix's.
                      Index("ix_cases_list", "deleted", "display_name", "id", "name_original",
                            "status", "category", "consent", "priority", "nationalities",
                            "tags", "detention_start", "last_raised"),
                      Index("ix_cases_matrix", "deleted", "last_raised", "display_name", "id",
                            "name_original"))


class EventRow(Synced, Base):
    __tablename__ = "events"
    __audit_kind__ = "event"

    case_id: Mapped[str | None] = mapped_column(ID, _ref("cases"), index=True)  # None: deleted
    position: Mapped[int] = mapped_column(Integer, default=0)
    date: Mapped[str] = mapped_column(String(16))
    date_sort: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    source_ids: Mapped[list[Any]] = mapped_column(JsonText, default=list)

    # The few events the time-limit rules read of every RSDL case (its RSDL start and the
    # releases that end a detention), without reading the events' wide rows. Partial: it
    # serves queries that carry these same terms, literally (``dashboard.held_cases``).
    __table_args__ = (Index("ix_events_detention", "case_id", "position", "kind", "date", "id",
                            sqlite_where=text("deleted = 0 AND kind IN ('rsdl_began', "
                                              "'released')")),)


class SourceRow(Synced, Base):
    __tablename__ = "sources"
    __audit_kind__ = "source"

    case_id: Mapped[str | None] = mapped_column(ID, _ref("cases"), index=True)  # None: deleted
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(32))
    reliability: Mapped[str | None] = mapped_column(String(16))
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)


class AttachmentRow(Synced, Base):
    """An encrypted file of a case; the per-file key lives here, inside SQLCipher."""

    __tablename__ = "attachments"
    __audit_kind__ = "attachment"

    case_id: Mapped[str | None] = mapped_column(ID, _ref("cases"), index=True)  # None: deleted
    blob_id: Mapped[str] = mapped_column(String(32))
    blob_key: Mapped[bytes] = mapped_column(LargeBinary)
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    added_by: Mapped[str] = mapped_column(String(32))
    added_at: Mapped[str] = mapped_column(String(40))
    description: Mapped[str | None] = mapped_column(Text)
    confidential: Mapped[bool] = mapped_column(Boolean, default=False)


ASK_FILTER_COLUMNS = ("date", "follow_up_due", "channel", "response", "raised_by_official_id",
                      "raised_by_organisation_id", "raised_with_official_id",
                      "raised_with_organisation_id", "case_ids")


class AskRow(Synced, Base):
    __tablename__ = "asks"
    __audit_kind__ = "ask"

    date: Mapped[str] = mapped_column(String(16))
    date_sort: Mapped[str] = mapped_column(String(10), index=True)
    raised_by_official_id: Mapped[str | None] = mapped_column(ID, _ref("officials"), index=True)
    raised_by_organisation_id: Mapped[str | None] = mapped_column(
        ID, _ref("organisations"), index=True)
    raised_with_official_id: Mapped[str | None] = mapped_column(ID, _ref("officials"))
    # Indexed: an organisation changing kind re-derives the open follow-ups raised with it.
    raised_with_organisation_id: Mapped[str | None] = mapped_column(
        ID, _ref("organisations"), index=True)
    channel: Mapped[str | None] = mapped_column(String(32))
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    requests: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    response: Mapped[str | None] = mapped_column(String(32))
    response_date: Mapped[str | None] = mapped_column(String(16))
    response_text: Mapped[str | None] = mapped_column(Text)
    follow_up_due: Mapped[str | None] = mapped_column(String(16))
    case_ids: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    level: Mapped[str | None] = mapped_column(String(32))
    # No foreign key (SQLite could add one only by copying the table, see migration 0007):
    # the services and the merge check it.
    encounter_id: Mapped[str | None] = mapped_column(ID, index=True)

    # The asks list, newest first, as one scan of this index. Partial, so that a query for
    # one case's asks is not tempted to walk every ask in date order instead (an index on
    # (deleted, date_sort) made opening a case take 2 s at reference scale). It serves only
    # queries written with the same term: ``deleted = 0``.
    __table_args__ = (Index("ix_asks_live_date_sort", "date_sort",
                            sqlite_where=text("deleted = 0")),
                      # What the asks list's text filter reads of every live ask: one scan of
                      # this index instead of the table (whose rows carry notes and answers).
                      Index("ix_asks_live_filter", *ASK_FILTER_COLUMNS,
                            sqlite_where=text("deleted = 0")))


class AskCase(Base):
    """Which cases an ask names, and the government it counts for: derived from ``asks``
    (and the raising official's organisation) for the matrix and "last raised"."""

    __tablename__ = "ask_cases"

    ask_id: Mapped[str] = mapped_column(ID, _ref("asks"), primary_key=True)
    case_id: Mapped[str] = mapped_column(ID, _ref("cases"), primary_key=True)
    date_sort: Mapped[str] = mapped_column(String(10))
    government_id: Mapped[str | None] = mapped_column(ID)

    __table_args__ = (Index("ix_ask_cases_case_id_government_id_date_sort", "case_id",
                            "government_id", "date_sort"),
                      Index("ix_ask_cases_government_id", "government_id"))


class OpenFollowUp(Base):
    """Asks with a follow-up date and no later ask by the same government on any of their
    cases, with the last day the follow-up date allows: derived from ``asks`` and
    ``ask_cases`` by the flush hook in ``app.vault.derived``, so "follow-ups overdue" is
    one index range at any scale."""

    __tablename__ = "open_follow_ups"

    ask_id: Mapped[str] = mapped_column(ID, _ref("asks"), primary_key=True)
    due_until: Mapped[str] = mapped_column(String(10), index=True)
    # The government the follow-up concerns: the one the ask counts for (``ask_cases``),
    # else the counting organisation it was raised with; None if neither (the calendar).
    government_id: Mapped[str | None] = mapped_column(ID)
    # Copies of the ask's columns the calendar shows, so that its 90 days read this narrow
    # table and not 2,000 wide ask rows.
    follow_up_due: Mapped[str | None] = mapped_column(String(16))
    channel: Mapped[str | None] = mapped_column(String(32))
    response: Mapped[str | None] = mapped_column(String(32))
    case_ids: Mapped[list[Any] | None] = mapped_column(JsonText)


class MeetingRow(Synced, Base):
    __tablename__ = "meetings"
    __audit_kind__ = "meeting"

    title: Mapped[str] = mapped_column(Text)
    starts_at: Mapped[str] = mapped_column(String(40))
    starts_at_utc: Mapped[str] = mapped_column(String(40), index=True)
    location: Mapped[str | None] = mapped_column(Text)
    organisation_id: Mapped[str | None] = mapped_column(ID, _ref("organisations"))
    official_ids: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    agenda: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(16))
    cases: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    outcome: Mapped[str | None] = mapped_column(Text)


class InvolvementRow(Synced, Base):
    """What an official did in a case. Goes with its case when the case is deleted; an
    official's deletion leaves it pointing at the official's tombstone."""

    __tablename__ = "involvements"
    __audit_kind__ = "involvement"

    case_id: Mapped[str | None] = mapped_column(ID, _ref("cases"), index=True)  # None: deleted
    official_id: Mapped[str | None] = mapped_column(ID, _ref("officials"), index=True)
    role: Mapped[str] = mapped_column(String(32), default="")
    date: Mapped[str | None] = mapped_column(String(16))
    date_sort: Mapped[str | None] = mapped_column(String(10))
    description: Mapped[str | None] = mapped_column(Text)
    source_ids: Mapped[list[Any]] = mapped_column(JsonText, default=list)


class EncounterRow(Synced, Base):
    __tablename__ = "encounters"
    __audit_kind__ = "encounter"

    kind: Mapped[str] = mapped_column(String(32), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    starts_on: Mapped[str] = mapped_column(String(16), default="")
    # The first and last day the fuzzy dates allow, for ranges ("in 2025", "next 90 days").
    starts_on_sort: Mapped[str] = mapped_column(String(10), default="", index=True)
    ends_on: Mapped[str | None] = mapped_column(String(16))
    ends_on_sort: Mapped[str | None] = mapped_column(String(10))
    organisation_ids: Mapped[list[Any]] = mapped_column(JsonText, default=list)
    level: Mapped[str | None] = mapped_column(String(32))
    location: Mapped[str | None] = mapped_column(Text)
    public_record: Mapped[str | None] = mapped_column(Text)


SYNCED_TABLES = (OrganisationRow, OfficialRow, CaseRow, EventRow, SourceRow, AttachmentRow,
                 EncounterRow, AskRow, MeetingRow, InvolvementRow)
