# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Data kept beside the asks, re-derived by one flush hook whoever wrote the rows.

``ask_cases`` mirrors each live ask's case list (the cases this vault has) with the
government it counts for; ``cases.last_raised`` is each case's last ask date by a
government; ``open_follow_ups`` holds the asks whose follow-up no later ask by the same
government on any of their cases has answered (for an ask that counts for none, such as
ours, also none by the government it was raised with), with the last day the follow-up
date allows, the government the follow-up concerns (the one the ask counts for, else the counting
organisation it was raised with, else none) and copies of the ask's columns the calendar
shows (its follow-up date, channel, response and cases).
Computing the last two at read time took seconds at reference scale (100,000 asks).

An ask counts as a government raising its cases (the matrix, "last raised", "not raised")
only when the organisation it counts for (its own, or its official's) is a government, a
parliament or an intergovernmental body, or of a kind not yet recorded (older vaults and
imported spreadsheets have none), and is not our own organisation (a setting): what we or
another NGO asked someone to do is history, not pressure on the detaining state. Such asks
keep their ``ask_cases`` rows (the case's history lists them) with no ``government_id``,
and answer each other's follow-ups. Only ``counting`` decides what counts.

The hook (``after_flush`` on every vault session, see ``install``) looks at what the flush
wrote: asks (their cases, raiser, date, follow-up, whom they were raised with, channel,
response, deletion), officials moving organisation or deleted, organisations changing kind
or deleted (their asks, and the open follow-ups raised with them), our organisation
changing, and new cases (a bundle's ask may name a case that arrives later). It rebuilds
the ``ask_cases`` rows of exactly the asks concerned, then ``last_raised`` of the cases
they named before and now and the open follow-ups of every ask on those cases. Writers
only set attributes. Statements that bypass the session (travel mode's strip) call
``rebuild`` afterwards; a bulk import's new rows, inserted in batches without ORM objects
(``app.vault.batch``), call ``created``. The same hook keeps what each case derives from its
own row and timeline (its detention start and search entry: ``app.vault.case_derived``).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable

from sqlalchemy import (
    ColumnElement,
    and_,
    bindparam,
    delete,
    event,
    exists,
    func,
    insert,
    inspect,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased, sessionmaker

from app.vault import case_derived
from app.vault.schema import VaultMeta
from app.vault.tables import AskCase, AskRow, CaseRow, OfficialRow, OpenFollowUp, OrganisationRow

OUR_ORGANISATION = "our_organisation"  # vault_meta key: the organisation the vault's users work for
COUNTING_KINDS = ("government", "parliament", "intergovernmental")  # and NULL: not recorded

_COPIED = ("follow_up_due", "channel", "response", "case_ids")  # into open_follow_ups
_ASK_FIELDS = ("case_ids", "raised_by_official_id", "raised_by_organisation_id", "date_sort",
               "follow_up_due", "raised_with_organisation_id", "channel", "response",
               "deleted")
_OFFICIAL_FIELDS = ("organisation_id", "deleted")
_ORGANISATION_FIELDS = ("kind", "deleted")


def counting(organisation: ColumnElement | InstrumentedAttribute, *,
             of_asks: bool = False) -> ColumnElement:
    """The organisation (an SQL expression) when its asks count, else NULL. ``of_asks``:
    ``organisation`` is a column of the ask of an enclosing query more than one level up
    (auto-correlation stops at the next one, and would read every ask instead)."""
    body = aliased(OrganisationRow)
    ours = select(VaultMeta.value).where(VaultMeta.key == OUR_ORGANISATION).scalar_subquery()
    found = select(body.id).where(
        body.id == organisation, body.deleted.is_(False),
        or_(body.kind.is_(None), body.kind.in_(COUNTING_KINDS)),
        body.id.is_not(ours))
    return (found.correlate(AskRow) if of_asks else found).scalar_subquery()


def counting_ids(session: Session | Connection, ids: Iterable[str]) -> set[str]:
    """Those of the organisations ``ids`` whose asks count, by ``counting`` itself: the one
    rule, for code that decides in Python (a scorecard's government, an ask's raiser)."""
    return set(session.scalars(select(OrganisationRow.id).where(
        _among(OrganisationRow.id), counting(OrganisationRow.id).is_not(None)), _ids(ids)))


def raiser() -> ColumnElement:
    """The organisation an ask is raised for: its own, or its official's."""
    official = (select(OfficialRow.organisation_id)
                .where(OfficialRow.id == AskRow.raised_by_official_id)
                .correlate(AskRow).scalar_subquery())  # nested: auto-correlation stops short
    return func.coalesce(AskRow.raised_by_organisation_id, official)


def _among(column) -> ColumnElement:
    """``column IN :ids``, the IDs bound as one JSON array (``_ids``): no limit on their
    number, and one statement built once for any number of them."""
    each = func.json_each(bindparam("ids")).table_valued("value")
    return column.in_(select(each.c.value))


def _ids(ids: Iterable[str]) -> dict[str, str]:
    return {"ids": json.dumps(list(ids))}


def _open_follow_ups(where: ColumnElement | None = None):
    """INSERT of the open follow-ups (of the asks ``where`` selects, default all)."""
    mine, later = aliased(AskCase), aliased(AskCase)
    due = func.fuzzy_latest(AskRow.follow_up_due)
    asked = counting(AskRow.raised_with_organisation_id, of_asks=True)
    # Answered by a later ask on one of its cases that counts for the same government (or,
    # like it, for none); an ask counting for none that was raised with a government (what
    # we asked Germany to do) is also answered when that government raises the case.
    answered = (select(1).select_from(mine)
                .join(later, and_(later.case_id == mine.case_id,
                                  later.date_sort > mine.date_sort,
                                  or_(later.government_id.is_(mine.government_id),
                                      and_(mine.government_id.is_(None),
                                           later.government_id == asked))))
                .where(mine.ask_id == AskRow.id))
    counted = (select(AskCase.government_id).where(AskCase.ask_id == AskRow.id)
               .correlate(AskRow).limit(1).scalar_subquery())  # one government per ask
    government = func.coalesce(counted, counting(AskRow.raised_with_organisation_id))
    rows = select(AskRow.id, due, government, *(getattr(AskRow, c) for c in _COPIED)).where(
        AskRow.deleted.is_(False), AskRow.follow_up_due.is_not(None), due.is_not(None),
        ~exists(answered))
    if where is not None:
        rows = rows.where(where)
    return insert(OpenFollowUp).from_select(["ask_id", "due_until", "government_id",
                                             *_COPIED], rows)


def _index(where: ColumnElement | None = None):
    """INSERT of the ``ask_cases`` rows (of the asks ``where`` selects, default all): the
    cases each live ask names that this vault has, and the government it counts for."""
    named = func.json_each(AskRow.case_ids).table_valued("value")
    rows = (select(AskRow.id, named.c.value, AskRow.date_sort, counting(raiser())).distinct()
            .select_from(AskRow).join(named, true())
            .where(AskRow.deleted.is_(False), named.c.value.in_(select(CaseRow.id))))
    if where is not None:
        rows = rows.where(where)
    return insert(AskCase).from_select(["ask_id", "case_id", "date_sort", "government_id"],
                                       rows)


# Every ``last_raised`` from ask_cases (narrowed below to the cases in :ids).
_LAST_RAISED = update(CaseRow).values(last_raised=select(func.max(AskCase.date_sort)).where(
    AskCase.case_id == CaseRow.id, AskCase.government_id.is_not(None)).scalar_subquery())
# Built once: building a statement costs more than running it on a handful of rows.
_CASES_OF_ASKS = select(AskCase.case_id).where(_among(AskCase.ask_id))
_ASKS_ON_CASES = select(AskCase.ask_id).where(_among(AskCase.case_id))
_DROP_INDEX = delete(AskCase).where(_among(AskCase.ask_id))
_INDEX = _index(_among(AskRow.id))
_LAST_RAISED_OF = _LAST_RAISED.where(_among(CaseRow.id))
_DROP_OPEN = delete(OpenFollowUp).where(_among(OpenFollowUp.ask_id))
_OPEN = _open_follow_ups(_among(AskRow.id))
_WITHOUT_BODY = AskRow.raised_by_organisation_id.is_(None)
_BY_OFFICIALS = select(AskRow.id).where(_WITHOUT_BODY, _among(AskRow.raised_by_official_id))
_BY_BODIES = select(AskRow.id).where(_among(AskRow.raised_by_organisation_id))
_WITH_BODIES = (select(OpenFollowUp.ask_id).join(AskRow, AskRow.id == OpenFollowUp.ask_id)
                .where(_among(AskRow.raised_with_organisation_id)))
_BY_THEIR_OFFICIALS = select(AskRow.id).where(_WITHOUT_BODY, AskRow.raised_by_official_id.in_(
    select(OfficialRow.id).where(_among(OfficialRow.organisation_id))))
_named = func.json_each(AskRow.case_ids).table_valued("value")
_NAMING = select(AskRow.id).where(AskRow.deleted.is_(False), select(1).select_from(_named)
                                  .where(_among(_named.c.value)).exists())


def _reindex_asks(connection: Connection, ask_ids: Collection[str],
                  new_ask_ids: Collection[str] = ()) -> set[str]:
    """Rebuild the ``ask_cases`` rows of these asks (``new_ask_ids`` have none yet);
    return the cases they named before and now."""
    cases: set[str] = set()
    if ask_ids:
        cases.update(connection.scalars(_CASES_OF_ASKS, _ids(ask_ids)))
        connection.execute(_DROP_INDEX, _ids(ask_ids))
    every = _ids([*ask_ids, *new_ask_ids])
    if ask_ids or new_ask_ids:
        connection.execute(_INDEX, every)
        cases.update(connection.scalars(_CASES_OF_ASKS, every))
    return cases


def refresh(connection: Connection, case_ids: Collection[str],
            ask_ids: Collection[str] = ()) -> None:
    """Recompute ``last_raised`` of ``case_ids`` and the open follow-ups of every ask on
    them and of ``ask_ids``, from ``ask_cases`` as it stands."""
    scope = set(ask_ids)
    if case_ids:
        connection.execute(_LAST_RAISED_OF, _ids(case_ids))
        scope.update(connection.scalars(_ASKS_ON_CASES, _ids(case_ids)))
    if scope:  # one IN list: SQLite plans an OR of two subqueries as a full scan
        connection.execute(_DROP_OPEN, _ids(scope))
        connection.execute(_OPEN, _ids(scope))


def rebuild(session: Session) -> None:
    """Everything from scratch: every ask's ``ask_cases``, every ``last_raised`` and every
    open follow-up (after writes that bypassed the session, and to check the hook)."""
    session.flush()
    connection = session.connection()
    connection.execute(delete(AskCase))
    connection.execute(_index())
    connection.execute(_LAST_RAISED)
    connection.execute(delete(OpenFollowUp))
    connection.execute(_open_follow_ups())


# -- the hook ----------------------------------------------------------------------------------


def _changed(obj, fields: Iterable[str]) -> bool:
    attrs = inspect(obj).attrs
    return any(attrs[name].history.has_changes() for name in fields)


def _ours(obj: VaultMeta, new: bool) -> set[str]:
    """Our organisation before and after a write to its ``vault_meta`` row."""
    if new:
        return {obj.value}
    history = inspect(obj).attrs.value.history
    return set(filter(None, (*history.deleted, *history.added, obj.value)))


def _after_flush(session: Session, _context) -> None:
    touched = case_derived.touched_cases(session)
    if touched:  # detention start and search entry (the rows are written: read them back)
        case_derived.refresh_cases(session, session.connection(), touched)
    _ask_data(session)


def _ask_data(session: Session) -> None:
    new_asks: set[str] = set()
    asks: set[str] = set()
    officials: set[str] = set()
    organisations: set[str] = set()
    new_cases: set[str] = set()
    for obj in session.new:
        if isinstance(obj, AskRow):
            new_asks.add(obj.id)
        elif isinstance(obj, CaseRow):
            new_cases.add(obj.id)
        elif isinstance(obj, VaultMeta) and obj.key == OUR_ORGANISATION:
            organisations |= _ours(obj, True)
    for obj in session.dirty:
        if isinstance(obj, AskRow):
            if _changed(obj, _ASK_FIELDS):
                asks.add(obj.id)
        elif isinstance(obj, OfficialRow):
            if _changed(obj, _OFFICIAL_FIELDS):
                officials.add(obj.id)
        elif isinstance(obj, OrganisationRow):
            if _changed(obj, _ORGANISATION_FIELDS):
                organisations.add(obj.id)
        elif isinstance(obj, VaultMeta) and obj.key == OUR_ORGANISATION:
            organisations |= _ours(obj, False)
    for obj in session.deleted:
        if isinstance(obj, AskRow):
            asks.add(obj.id)
        elif isinstance(obj, OfficialRow):
            officials.add(obj.id)
        elif isinstance(obj, OrganisationRow):
            organisations.add(obj.id)
        elif isinstance(obj, VaultMeta) and obj.key == OUR_ORGANISATION:
            organisations.add(obj.value)
    if not (new_asks or asks or officials or organisations or new_cases):
        return
    connection = session.connection()
    asks |= _asks_of(connection, officials, organisations, new_cases)
    asks -= new_asks
    cases = _reindex_asks(connection, asks, new_asks)
    refresh(connection, cases, asks | new_asks)


def created(session: Session, case_ids: Collection[str], ask_ids: Collection[str]) -> None:
    """What the hook derives about asks from new cases and asks that were inserted without
    ORM objects (``app.vault.batch``, which indexes the cases itself), as if a flush had
    written them: the ``ask_cases`` of the new asks and of older asks that name the new
    cases, then last raised and open follow-ups."""
    connection = session.connection()
    asks = _asks_of(connection, (), (), case_ids) - set(ask_ids) if case_ids else set()
    if asks or ask_ids:
        cases = _reindex_asks(connection, asks, ask_ids)
        refresh(connection, cases, asks | set(ask_ids))


def _asks_of(connection: Connection, officials: Collection[str],
             organisations: Collection[str], new_cases: Collection[str]) -> set[str]:
    """The asks whose counting or case list these changes may alter."""
    found: set[str] = set()
    if officials:  # their asks raised for no body
        found.update(connection.scalars(_BY_OFFICIALS, _ids(officials)))
    if organisations:  # their own asks, and their officials' raised for no body
        found.update(connection.scalars(_BY_BODIES, _ids(organisations)))
        found.update(connection.scalars(_BY_THEIR_OFFICIALS, _ids(organisations)))
        # the open follow-ups raised with them (the government the follow-up concerns)
        found.update(connection.scalars(_WITH_BODIES, _ids(organisations)))
    if new_cases:  # a bundle's ask may name a case that arrived after it
        found.update(connection.scalars(_NAMING, _ids(new_cases)))
    return found


def install(sessions: sessionmaker) -> None:
    """Keep the derived data of every session this factory makes."""
    event.listen(sessions, "after_flush", _after_flush)
