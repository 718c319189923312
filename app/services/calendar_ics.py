# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The advocacy calendar as an ICS file (RFC 5545) that any calendar application opens.

Calendars get synced to other people's servers, so what a file may carry is decided here and
nowhere else, by profile:
- no profile (the default): each moment's neutral title ("Follow-up due", "Anniversary"),
  "(approximate date)" when it is not known to the day, and its days. No names of people or
  governments, no notes, no titles or locations the user wrote, no record IDs;
- ``public`` and ``diplomatic``: also the neutral detail ("RSDL six-month limit",
  "1,000 days", "State visit"), the names of the governments concerned, and the names
  (display and original script) of the cases whose consent is to public advocacy
  (``app.dossier.profiles.case_allowed`` under the public profile). A calendar has no
  recipient, so the dossier's diplomatic latitude for private-only cases does not apply: a
  synced calendar is treated as published;
- ``internal``: also the names of cases with private-only or unknown consent (never those
  marked "do not raise": ``case_allowed`` under the diplomatic profile), and the title and
  location of encounters and meetings as the user wrote them.
Never, under any profile: notes, agendas, outcomes, talking points, record IDs. Each event's
UID is an HMAC of the moment's kind and record (not its date) under a random key kept in
the vault (``vault_meta``), so re-importing a newer file updates the same events, a
rescheduled meeting included, without revealing which record they come from. Every event
is a whole-day, transparent (not busy), private event.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from app.domain.model import Case, CaseId
from app.dossier.model import Profile
from app.dossier.profiles import case_allowed
from app.services.calendar import CaseName, Moment, Names, names_of
from app.vault.schema import VaultMeta

UID_KEY = "calendar.uid_key"  # vault_meta key: the HMAC key of events' UIDs (hex)
PRODID = "-//Vigil//Calendar//EN"
APPROXIMATE = " (approximate date)"


def calendar_file(session: Session, found: list[Moment], *, now: datetime,
                  profile: Profile | None = None) -> bytes:
    """The ICS bytes of ``found`` under ``profile`` (None: neutral titles only). Creates
    the vault's UID key on first use (the caller commits the session)."""
    from icalendar import Calendar  # imported only when a file is written

    key = _uid_key(session)
    names = names_of(session, found) if profile is not None else Names({}, {})
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    shell = cal.to_ical()
    if not shell.endswith(_END):  # pragma: no cover - a change in icalendar's output
        raise RuntimeError("Unexpected end of an icalendar calendar.")
    lines = _Lines()
    parts = [shell[:-len(_END)]]
    for moment in found:
        values: dict[str, object] = {
            "uid": _uid(key, moment), "dtstamp": now, "dtstart": moment.on,
            "dtend": moment.last + timedelta(days=1),
            "summary": summary(moment, names, profile)}
        description = _description(moment, names, profile)
        if description:
            values["description"] = description
        if profile is Profile.INTERNAL and moment.location:
            values["location"] = moment.location
        values["transp"] = "TRANSPARENT"
        values["class"] = "PRIVATE"
        parts.append(b"BEGIN:VEVENT\r\n")
        parts.extend(lines.line(name, values[name]) for name in lines.order(tuple(values)))
        parts.append(b"END:VEVENT\r\n")
    parts.append(_END)
    return b"".join(parts)


_END = b"END:VCALENDAR\r\n"
_UID = re.compile(r"[0-9a-f]{32}@vigil")


class _Lines:
    """The content lines of events as icalendar writes them, each distinct property value
    rendered by icalendar once (a file repeats titles, dates and stamps thousands of
    times; icalendar's own per-event work took over a second for 90 days at reference
    scale). The output is byte for byte what a Calendar of Events would give."""

    def __init__(self) -> None:
        self._lines: dict[tuple[str, type, object], bytes] = {}
        self._orders: dict[tuple[str, ...], list[str]] = {}

    def line(self, name: str, value: object) -> bytes:
        if name == "uid" and isinstance(value, str) and _UID.fullmatch(value):
            return b"UID:" + value.encode() + b"\r\n"  # hex: nothing to escape or fold
        key = (name, type(value), value)
        found = self._lines.get(key)
        if found is None:
            from icalendar import Event

            event = Event()
            event.add(name, value)
            found = self._lines[key] = event.to_ical().removeprefix(
                b"BEGIN:VEVENT\r\n").removesuffix(b"END:VEVENT\r\n")
        return found

    def order(self, names: tuple[str, ...]) -> list[str]:
        """The order icalendar writes these properties of an event in."""
        found = self._orders.get(names)
        if found is None:
            from icalendar import Event

            event = Event()
            for name in names:
                event[name] = ""
            found = self._orders[names] = [name.lower() for name in event.sorted_keys()]
        return found


def summary(moment: Moment, names: Names, profile: Profile | None) -> str:
    """An event's one-line title under ``profile``."""
    text = moment.title
    if profile is not None:
        if moment.detail:
            text += f": {moment.detail}"
        if profile is Profile.INTERNAL and moment.subject:
            text += f" \u2014 {moment.subject}"
        shown = [_case_label(names.cases[c]) for c in moment.case_ids
                 if c in names.cases and named(names.cases[c], profile)]
        if shown:
            text += f" ({', '.join(shown)})"
    return text + (APPROXIMATE if moment.approximate else "")


def named(case: CaseName, profile: Profile | None) -> bool:
    """Whether a calendar file under ``profile`` may name this case (see the docstring)."""
    if profile is None:
        return False
    rule = Profile.DIPLOMATIC if profile is Profile.INTERNAL else Profile.PUBLIC
    # case_allowed reads only the consent of the case it is given.
    return case_allowed(Case(id=CaseId(""), display_name="", consent=case.consent), rule)


def _case_label(case: CaseName) -> str:
    if case.name_original and case.name_original != case.display_name:
        return f"{case.display_name} {case.name_original}"
    return case.display_name


def _description(moment: Moment, names: Names, profile: Profile | None) -> str | None:
    if profile is None:
        return None
    lines = []
    governments = [names.governments[g] for g in moment.government_ids if g in names.governments]
    if governments:
        lines.append("Governments: " + ", ".join(governments))
    if profile is Profile.INTERNAL and moment.starts_at is not None:
        lines.append(f"Starts {moment.starts_at.isoformat(timespec='minutes')}")
    return "\n".join(lines) or None


def _uid_key(session: Session) -> bytes:
    row = session.get(VaultMeta, UID_KEY)
    if row is None:
        row = VaultMeta(key=UID_KEY, value=secrets.token_hex(32))
        session.add(row)
    return bytes.fromhex(row.value)


def _uid(key: bytes, moment: Moment) -> str:
    what = "|".join((moment.kind.value, moment.record_kind.value, moment.record_id,
                     moment.sub_kind or "", str(moment.count or "")))
    return hmac.new(key, what.encode(), hashlib.sha256).hexdigest()[:32] + "@vigil"
