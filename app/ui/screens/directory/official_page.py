# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""An official's page on the Officials tab: their names in every script, level,
identifiers, positions over time, sanctions, and the cases they are involved in (each a
link that opens the case). Every text from the vault is HTML-escaped."""

from __future__ import annotations

import html
from datetime import date

from app.domain.enums import Regime
from app.domain.model import Official, Organisation
from app.services.involvements import InvolvementView
from app.ui.i18n import label, tr

CASE_LINK = "case:"


def _esc(value) -> str:
    return html.escape(str(value))


def _heading(text: str) -> str:
    return f"<h4>{_esc(text)}</h4>"


def _paragraph(text: str) -> str:
    return f"<p>{_esc(text)}</p>"


def official_html(official: Official, orgs: dict[str, Organisation],
                  views: list[InvolvementView]) -> str:
    names = [official.name]
    if official.name_original:
        names.append(official.name_original)
    names += [n.name + (f" ({n.script})" if n.script else "") for n in official.other_names]
    out = [f"<h3>{' · '.join(_esc(n) for n in names)}</h3>"]
    facts = []
    if official.title:
        facts.append((tr("Title"), official.title))
    if official.organisation_id in orgs:
        facts.append((tr("Organisation"), orgs[official.organisation_id].name))
    if official.level:
        facts.append((tr("Level"), label(official.level)))
    for identifier in official.identifiers:
        text = identifier.value + (f" ({identifier.note})" if identifier.note else "")
        facts.append((identifier.kind, text))
    if facts:
        out.append("<table>" + "".join(
            f"<tr><td><b>{_esc(k)}</b>&nbsp;&nbsp;</td><td>{_esc(v)}</td></tr>"
            for k, v in facts) + "</table>")
    out.append(_heading(tr("Positions")))
    if official.positions:
        lines = []
        for position in sorted(official.positions,
                               key=lambda p: p.start.earliest() if p.start else date.min):
            where = orgs[position.organisation_id].name \
                if position.organisation_id in orgs else ""
            what = ", ".join(x for x in (position.title or "", where) if x) or "?"
            span = tr("{0} to {1}").format(str(position.start) if position.start else "?",
                                           str(position.end) if position.end else
                                           tr("now or unknown"))
            lines.append(f"<li>{_esc(what)} — {_esc(span)}</li>")
        out.append("<ul>" + "".join(lines) + "</ul>")
    else:
        out.append(_paragraph(tr("No positions recorded.")))
    out.append(_heading(tr("Sanctions")))
    listed = {s.regime: s for s in official.sanctions}
    lines = []
    for regime in Regime:
        sanction = listed.get(regime)
        if sanction is None:
            none = tr("not sanctioned")
            lines.append(f"<li>{_esc(label(regime))}: {_esc(none)}</li>")
            continue
        text = tr("sanctioned")
        if sanction.listed_on:
            text += " " + tr("on {0}").format(str(sanction.listed_on))
        if sanction.reference:
            text += f" ({sanction.reference})"
        lines.append(f"<li><b>{_esc(label(regime))}</b>: {_esc(text)}</li>")
    out.append("<ul>" + "".join(lines) + "</ul>")
    out.append(_heading(tr("Cases involved in")))
    if views:
        lines = []
        for view in views:
            inv = view.involvement
            when = str(inv.date) if inv.date else tr("date unknown")
            lines.append(f'<li><a href="{CASE_LINK}{_esc(inv.case_id)}">'
                         f"{_esc(view.case_name)}</a> — {_esc(label(inv.role))}, "
                         f"{_esc(when)}</li>")
        out.append("<ul>" + "".join(lines) + "</ul>")
    else:
        out.append(_paragraph(tr("Not recorded as involved in any case.")))
    return "".join(out)
