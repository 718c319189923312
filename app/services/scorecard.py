# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The scorecard: how hard one government pressed the detaining state over a period.

The rules are written here once, as plain functions over the vault; the CLI, the PDF and
the screen only show what this module returns (docs/counting.md, "Scorecard", says each
rule in one sentence). Every figure carries the IDs of the records it counts, so each one
can open its list.

API (plain frozen dataclasses, no ORM object leaves this module)::

    scorecard(session, government_id, start, end, today, scope=Scope()) -> Scorecard
    scorecards(session, government_ids, start, end, today, scope=Scope()) -> list[Scorecard]

(``app.services.scorecard_text`` turns scorecards into the CLI's JSON and labelled rows.)

``Figure`` is a count with its records: ``kind`` ("case", "ask" or "encounter"), ``ids``
(sorted), ``count``. ``Share`` is ``hits`` out of ``of`` (``ratio`` is None when ``of`` is
empty). A ``Scorecard`` holds, for ``start``..``end`` (both inclusive):

- ``asks``: the government's counting asks in the period;
- ``cases_raised`` / ``cases_public`` / ``cases_private_only``: named cases raised, at least
  once in public, only in private; ``by_level``: the same per level (one ``LevelRow`` per
  ``Level``, then ``level=None`` for unknown); ``high_level``: the same at HIGH_LEVELS;
- ``not_raised_high_level``: cases to raise (not released, deceased or "do not raise") that
  it did not raise at a high level in the period;
- ``high_level_encounters``: ``Share``s of the high-level encounters with the detaining
  state at which it raised a named case at all (``raised``) and publicly
  (``raised_publicly``);
- ``summonses``: ambassadors summoned;
- ``senior_matched`` / ``senior_unmatched``: senior encounters with (and without) one of
  its civil-society meetings within 30 days (``senior_matched.of`` is every senior one);
- ``responses``: its asks in the period by the response received (``Response.NONE``
  includes none recorded), every ``Response`` present, in enum order;
- ``overdue_follow_ups``: its asks in the period whose follow-up is overdue on ``today``.

``Scope`` narrows what is counted for a document under a profile: only public asks, only
cases of some consents. The counting itself is ``ask_cases.government_id``
(``app.services.asks``): this module must never decide which asks count for a government.
It never reads the clock (``today`` is passed in) and never loops over every ask in Python:
per government it reads its asks in the period (one row each, through ``ask_cases``' index
on the government), their case links, and its encounters (``encounters.starts_on_sort``);
once per call, the live cases' consent and status and the officials' levels.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from app.domain.enums import (
    HIGH_LEVELS,
    SENIOR_LEVELS,
    Consent,
    EncounterKind,
    Level,
    Response,
    Status,
)
from app.errors import UserError
from app.vault.derived import counting_ids
from app.vault.tables import OrganisationRow

MATCH_DAYS = 30  # a civil-society meeting this close to a senior encounter matches it
# Encounters that are not with the detaining state (the one the scorecard looks for beside them).
NOT_WITH_THE_STATE = frozenset({EncounterKind.CIVIL_SOCIETY_MEETING})
# A summons is a rebuke, not an engagement to balance with civil society.
NOT_TO_MATCH = NOT_WITH_THE_STATE | {EncounterKind.AMBASSADOR_SUMMONED}
NOT_TO_RAISE = (Status.RELEASED, Status.DECEASED)  # and consent "do not raise"


@dataclass(frozen=True, slots=True)
class Figure:
    """A count and the records it counts."""

    kind: str  # "case", "ask" or "encounter"
    ids: tuple[str, ...]  # sorted

    @property
    def count(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class Share:
    """``hits`` out of ``of`` (``hits`` is a subset of ``of``)."""

    hits: Figure
    of: Figure

    @property
    def ratio(self) -> float | None:
        return self.hits.count / self.of.count if self.of.count else None


@dataclass(frozen=True, slots=True)
class LevelRow:
    """Named cases raised at a level: at all, at least once publicly, only privately."""

    level: Level | None  # None: unknown (no level on the ask or its raising official)
    raised: Figure
    public: Figure
    private_only: Figure


@dataclass(frozen=True, slots=True)
class Scope:
    """What a document under a profile may count (``Scope()``: everything).

    ``public_asks_only``: private asks are left out; ``consents``: only cases with one of
    these consents count (an unrecorded consent is ``Consent.UNKNOWN``), None for all."""

    public_asks_only: bool = False
    consents: frozenset[Consent] | None = None


@dataclass(frozen=True, slots=True)
class Scorecard:
    government_id: str
    government: str  # its name
    start: date
    end: date
    today: date
    asks: Figure
    cases_raised: Figure
    cases_public: Figure
    cases_private_only: Figure
    by_level: tuple[LevelRow, ...]
    high_level: LevelRow  # level None here means "head of state or government, or minister"
    not_raised_high_level: Figure
    high_level_encounters: Share  # hits: those at which a named case was raised
    high_level_encounters_public: Share  # hits: ... raised publicly
    summonses: Figure
    senior_matched: Share
    senior_unmatched: Figure
    responses: tuple[tuple[Response, Figure], ...]
    overdue_follow_ups: Figure


def _figure(kind: str, ids: Iterable[str]) -> Figure:
    return Figure(kind, tuple(sorted(set(ids))))


class _Shared(NamedTuple):
    """What every government's scorecard reads whole, once per call: the live cases'
    consent and whether they are to be raised, and the officials' levels: one scan each,
    cheaper at reference scale than a lookup per named case or per ask."""

    consent: dict[str, Consent]  # live cases only (unrecorded: UNKNOWN)
    to_raise: set[str]  # live cases not released, deceased or "do not raise"
    levels: dict[str, Level]  # officials with a level


def _shared(session: Session) -> _Shared:
    consent: dict[str, Consent] = {}
    to_raise: set[str] = set()
    for case_id, value, status in session.execute(text(
            "SELECT id, consent, status FROM cases WHERE deleted = 0")):
        consent[case_id] = Consent(value) if value else Consent.UNKNOWN
        if status not in _NOT_TO_RAISE and value != Consent.DO_NOT_RAISE.value:
            to_raise.add(case_id)
    levels = {official_id: Level(value) for official_id, value in session.execute(text(
        "SELECT id, level FROM officials WHERE level IS NOT NULL AND level != ''"))}
    return _Shared(consent, to_raise, levels)


_NOT_TO_RAISE = frozenset(s.value for s in NOT_TO_RAISE)


def check_government(session: Session, government_id: str) -> str:
    """The organisation's name; UserError unless its asks can count (docs/counting.md)."""
    row = session.get(OrganisationRow, government_id)
    if row is None or row.deleted:
        raise UserError("No organisation with that ID.")
    if not counting_ids(session, [government_id]):
        raise UserError("That organisation is not a government, parliament or "
                        "intergovernmental body, so none of its asks count.")
    return row.name


def check_period(start: date, end: date) -> None:
    if start > end:
        raise UserError("The period ends before it starts.")


def scorecards(session: Session, government_ids: Collection[str], start: date, end: date,
               today: date, scope: Scope = Scope()) -> list[Scorecard]:
    """Several governments side by side, in the order given (each checked first)."""
    check_period(start, end)
    names = {g: check_government(session, g) for g in government_ids}
    shared = _shared(session)
    return [_scorecard(session, g, names[g], start, end, today, scope, shared)
            for g in names]


def scorecard(session: Session, government_id: str, start: date, end: date, today: date,
              scope: Scope = Scope()) -> Scorecard:
    check_period(start, end)
    name = check_government(session, government_id)
    return _scorecard(session, government_id, name, start, end, today, scope,
                      _shared(session))


def _scorecard(session: Session, government_id: str, name: str, start: date, end: date,
               today: date, scope: Scope, shared: _Shared) -> Scorecard:
    params = {"government": government_id, "start": start.isoformat(),
              "end": end.isoformat()}
    period = "ac.government_id = :government AND ac.date_sort BETWEEN :start AND :end"
    public = " AND a.public = 1" if scope.public_asks_only else ""
    # Its links to live cases of the consents in scope, read once (ask_cases' rows are
    # scattered: each costs a page).
    shown = _shown(shared, scope)
    links = [(ask_id, case_id) for ask_id, case_id in session.execute(text(
        f"SELECT ac.ask_id, ac.case_id FROM ask_cases AS ac WHERE {period}"),  # noqa: S608
        params) if case_id in shown]
    # Those asks, one row each (one JSON parameter, whatever their number).
    facts = {}
    overdue: set[str] = set()
    due_before = today.isoformat()
    for ask_id, level, official, loud, response, due in session.execute(text(
            "SELECT a.id, a.level, a.raised_by_official_id, a.public, a.response, "  # noqa: S608
            "f.due_until FROM asks AS a LEFT JOIN open_follow_ups AS f ON f.ask_id = a.id "
            f"WHERE a.id IN (SELECT value FROM json_each(:asks)) AND a.deleted = 0{public}"),
            {"asks": json.dumps(sorted({ask_id for ask_id, _ in links}))}):
        facts[ask_id] = (_level(level) or shared.levels.get(official), bool(loud),
                         _response(response))
        if due is not None and due < due_before:
            overdue.add(ask_id)
    per_level: dict[Level | None, tuple[set[str], set[str]]] = {}
    counted: set[str] = set()
    for ask_id, case_id in links:
        fact = facts.get(ask_id)
        if fact is None:  # a private ask, out of scope
            continue
        counted.add(ask_id)
        raised, loud = per_level.setdefault(fact[0], (set(), set()))
        raised.add(case_id)
        if fact[1]:
            loud.add(case_id)
    by_level = tuple(_level_row(lv, *per_level.get(lv, (set(), set())))
                     for lv in (*Level, None))
    everywhere = _union(per_level.values())
    high = _union(v for lv, v in per_level.items() if lv in HIGH_LEVELS)
    responses: dict[Response, set[str]] = {r: set() for r in Response}
    for ask_id in counted:
        responses[facts[ask_id][2]].add(ask_id)
    encounters = _encounters(session, government_id, start, end, scope, shown)
    return Scorecard(
        government_id=government_id, government=name, start=start, end=end, today=today,
        asks=_figure("ask", counted),
        cases_raised=_figure("case", everywhere[0]),
        cases_public=_figure("case", everywhere[1]),
        cases_private_only=_figure("case", everywhere[0] - everywhere[1]),
        by_level=by_level, high_level=_level_row(None, *high),
        not_raised_high_level=_figure("case", shared.to_raise.intersection(shown) - high[0]),
        responses=tuple((r, _figure("ask", ids)) for r, ids in responses.items()),
        overdue_follow_ups=_figure("ask", counted & overdue), **encounters)


def _shown(shared: _Shared, scope: Scope) -> set[str] | dict[str, Consent]:
    """The live cases the scope counts (a dict's keys when it counts them all)."""
    if scope.consents is None:
        return shared.consent
    return {c for c, consent in shared.consent.items() if consent in scope.consents}


_LEVELS: dict[str | None, Level | None] = {lv.value: lv for lv in Level}
_RESPONSES: dict[str | None, Response] = {r.value: r for r in Response}


def _level(value: str | None) -> Level | None:
    return _LEVELS.get(value)  # thousands of rows: a dict, not Enum's lookup


def _response(value: str | None) -> Response:
    return _RESPONSES.get(value, Response.NONE)


def _union(pairs: Iterable[tuple[set[str], set[str]]]) -> tuple[set[str], set[str]]:
    raised: set[str] = set()
    loud: set[str] = set()
    for r, p in pairs:
        raised |= r
        loud |= p
    return raised, loud


def _level_row(level: Level | None, raised: set[str], loud: set[str]) -> LevelRow:
    return LevelRow(level, _figure("case", raised), _figure("case", loud),
                    _figure("case", raised - loud))


# Its encounters: the quoted ID in the JSON list is a cheap test on each row the date index
# finds (json_each per row cost more), confirmed by ``_theirs``.
_THEIRS = ("FROM encounters AS e WHERE e.deleted = 0 "
           "AND instr(e.organisation_ids, :quoted) > 0")


def _theirs(rows, government_id: str) -> list:
    return [r for r in rows if government_id in json.loads(r.organisation_ids)]


def _encounters(session: Session, government_id: str, start: date, end: date,
                scope: Scope, shown: Collection[str]) -> dict:
    """The figures about encounters: high-level ones and what was raised at them,
    summonses, senior ones matched by a civil-society meeting."""
    params = {"quoted": json.dumps(government_id), "start": start.isoformat(),
              "end": end.isoformat()}
    rows = _theirs(session.execute(text(
        "SELECT e.id, e.kind, e.level, e.starts_on_sort AS first, "
        f"COALESCE(e.ends_on_sort, e.starts_on_sort) AS last, e.organisation_ids {_THEIRS} "
        "AND e.starts_on_sort BETWEEN :start AND :end"), params), government_id)
    with_state = [r for r in rows if r.kind not in NOT_WITH_THE_STATE]
    high = [r.id for r in with_state if r.level in HIGH_LEVELS]
    raised: set[str] = set()
    loud: set[str] = set()
    if high:
        public = " AND a.public = 1" if scope.public_asks_only else ""
        statement = text(
            # The few asks at these encounters, then their rows in ask_cases by its key.
            # CROSS JOIN keeps that order, and "+" keeps SQLite off the government index:
            # with it, every ask walked all the government's rows (12 s at reference scale).
            "SELECT a.encounter_id, a.public, ac.case_id FROM asks AS a "  # noqa: S608
            "CROSS JOIN ask_cases AS ac ON ac.ask_id = a.id WHERE a.encounter_id IN :encounters "
            f"AND a.deleted = 0 AND +ac.government_id = :government{public}"
        ).bindparams(bindparam("encounters", expanding=True))
        for encounter_id, is_public, case_id in session.execute(
                statement, {"government": government_id, "encounters": high}):
            if case_id in shown:
                raised.add(encounter_id)
                if is_public:
                    loud.add(encounter_id)
    senior = [r for r in rows if r.kind not in NOT_TO_MATCH and r.level in SENIOR_LEVELS]
    matched: set[str] = set()
    if senior:
        gap = timedelta(days=MATCH_DAYS)
        civil = _theirs(session.execute(text(
            f"SELECT e.starts_on_sort AS first, "
            f"COALESCE(e.ends_on_sort, e.starts_on_sort) AS last, e.organisation_ids "
            f"{_THEIRS} AND e.kind = :civil AND e.starts_on_sort <= :latest"),
            {"quoted": params["quoted"], "civil": EncounterKind.CIVIL_SOCIETY_MEETING.value,
             "latest": (date.fromisoformat(max(r.last for r in senior)) + gap).isoformat()}),
            government_id)
        spans = [(date.fromisoformat(c.first), date.fromisoformat(c.last)) for c in civil
                 if c.first]
        for r in senior:
            matched.update(r.id for first, last in spans if _near(r, first, last))
    every_high = _figure("encounter", high)
    every_senior = _figure("encounter", (r.id for r in senior))
    return {
        "high_level_encounters": Share(_figure("encounter", raised), every_high),
        "high_level_encounters_public": Share(_figure("encounter", loud), every_high),
        "summonses": _figure("encounter", (r.id for r in rows
                                           if r.kind == EncounterKind.AMBASSADOR_SUMMONED)),
        "senior_matched": Share(_figure("encounter", matched), every_senior),
        "senior_unmatched": _figure("encounter", set(every_senior.ids) - matched),
    }


def _near(row, first: date, last: date) -> bool:
    """Whether a civil-society meeting from ``first`` to ``last`` comes within MATCH_DAYS
    of the encounter ``row`` (its first and last possible days), before or after."""
    gap = timedelta(days=MATCH_DAYS)
    return first <= date.fromisoformat(row.last) + gap and \
        last >= date.fromisoformat(row.first) - gap
