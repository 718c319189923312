# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The scorecard as output: the documented ``vigil scorecard --json`` object of one
government (``to_json``) and the figures as labelled rows of text, one cell per government
(``rows``: the CLI's table and the PDF's). The rules are in ``app.services.scorecard``;
nothing is counted here.
"""

from __future__ import annotations

from app.domain.enums import Response, label
from app.services.scorecard import MATCH_DAYS, Figure, LevelRow, Scorecard, Share


def to_json(card: Scorecard) -> dict:
    """The documented ``vigil scorecard --json`` object of one government."""
    def fig(f: Figure) -> dict:
        return {"count": f.count, "ids": list(f.ids)}

    def share(s: Share) -> dict:
        return {"count": s.hits.count, "of": s.of.count, "ids": list(s.hits.ids),
                "of_ids": list(s.of.ids)}

    def level_row(row: LevelRow) -> dict:
        return {"raised": fig(row.raised), "public": fig(row.public),
                "private_only": fig(row.private_only)}

    return {
        "government_id": card.government_id, "government": card.government,
        "from": card.start.isoformat(), "to": card.end.isoformat(),
        "today": card.today.isoformat(),
        "asks": fig(card.asks),
        "cases_raised": fig(card.cases_raised), "cases_public": fig(card.cases_public),
        "cases_private_only": fig(card.cases_private_only),
        "by_level": {(row.level.value if row.level else "unknown"): level_row(row)
                     for row in card.by_level},
        "high_level": level_row(card.high_level),
        "not_raised_high_level": fig(card.not_raised_high_level),
        "high_level_encounters": share(card.high_level_encounters),
        "high_level_encounters_public": share(card.high_level_encounters_public),
        "summonses": fig(card.summonses),
        "senior_matched": share(card.senior_matched),
        "senior_unmatched": fig(card.senior_unmatched),
        "responses": {r.value: fig(f) for r, f in card.responses},
        "overdue_follow_ups": fig(card.overdue_follow_ups),
    }


def _share(share: Share) -> str:
    if share.ratio is None:
        return "0 of 0"
    return f"{share.hits.count} of {share.of.count} ({round(100 * share.ratio)}%)"


def rows(cards: list[Scorecard]) -> list[tuple[str, list[str]]]:
    """The figures as labelled rows of text, one cell per government (the CLI's table and
    the PDF's): levels nobody raised a case at are left out."""
    def each(get) -> list[str]:
        return [str(get(card)) for card in cards]

    out = [
        ("Asks counted", each(lambda c: c.asks.count)),
        ("Named cases raised", each(lambda c: c.cases_raised.count)),
        ("  publicly (at least once)", each(lambda c: c.cases_public.count)),
        ("  only privately", each(lambda c: c.cases_private_only.count)),
        ("  at the highest level", each(lambda c: c.high_level.raised.count)),
        ("    publicly", each(lambda c: c.high_level.public.count)),
    ]
    for n, row in enumerate(cards[0].by_level if cards else ()):
        if any(card.by_level[n].raised.count for card in cards):
            name = label(row.level) if row.level else "Level unknown"
            out.append((f"  by {name.lower()}" if row.level else "  level unknown", [
                f"{card.by_level[n].raised.count} ({card.by_level[n].public.count} public)"
                for card in cards]))
    out += [
        ("Cases to raise not raised at the highest level",
         each(lambda c: c.not_raised_high_level.count)),
        ("High-level encounters", each(lambda c: c.high_level_encounters.of.count)),
        ("  with a named case raised", [_share(c.high_level_encounters) for c in cards]),
        ("  with a named case raised publicly",
         [_share(c.high_level_encounters_public) for c in cards]),
        ("Ambassadors summoned", each(lambda c: c.summonses.count)),
        ("Senior encounters", each(lambda c: c.senior_matched.of.count)),
        (f"  with a civil-society meeting within {MATCH_DAYS} days",
         [_share(c.senior_matched) for c in cards]),
        ("  without one", each(lambda c: c.senior_unmatched.count)),
    ]
    for n, response in enumerate(Response):
        out.append((f"Response: {label(response)}",
                    each(lambda c, n=n: c.responses[n][1].count)))
    out.append(("Follow-ups overdue", each(lambda c: c.overdue_follow_ups.count)))
    return out
