# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The referral's safety rules on generated data: what `screen` keeps, and what the PDF
shows when read back with pdftotext. Every confidential source title, every claim in a
"do not raise" case and every unconfirmed case carries a marker that must never appear."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.enums import Consent, Regime, Reliability, Role, SourceKind, Status
from app.dossier.referral import write_referral
from app.dossier.referral_model import (
    Claim,
    Person,
    ReferralCase,
    ReferralInput,
    ReferralSource,
    numbered_sources,
    screen,
)

CONSENTS = [Consent.PUBLIC, Consent.PRIVATE_ONLY, Consent.DO_NOT_RAISE, Consent.UNKNOWN, None]


@st.composite
def cases(draw, index: int) -> ReferralCase:
    consent = draw(st.sampled_from(CONSENTS))
    secret_flags = draw(st.lists(st.booleans(), min_size=0, max_size=4))
    sources = tuple(ReferralSource(
        id=f"s{index}-{k}", title=(f"SECRET{index}X{k}" if secret else f"OPEN{index}X{k}"),
        kind=draw(st.sampled_from(list(SourceKind))),
        reliability=draw(st.sampled_from(list(Reliability))), confidential=secret)
        for k, secret in enumerate(secret_flags))
    ids = [s.id for s in sources]
    claims = tuple(Claim(id=f"c{index}-{k}", role=draw(st.sampled_from(list(Role))),
                         description=f"CLAIM{index}X{k}",
                         source_ids=tuple(draw(st.lists(st.sampled_from(ids), unique=True))
                                          if ids else ()))
                   for k in range(draw(st.integers(1, 3))))
    return ReferralCase(id=f"case{index}", display_name=f"PERSON{index}X", consent=consent,
                        status=draw(st.sampled_from(list(Status))), claims=claims,
                        sources=sources, summary=f"SUMMARY{index}X")


@st.composite
def referrals(draw) -> tuple[ReferralInput, frozenset[str]]:
    count = draw(st.integers(1, 5))
    made = tuple(draw(cases(i)) for i in range(count))
    confirmed = frozenset(draw(st.lists(st.sampled_from([c.id for c in made]), unique=True)))
    return ReferralInput(person=Person(name="Official Testperson"), regime=Regime.EU_GHRSR,
                         recipient="Sanctions team", prepared_on=date(2026, 1, 2),
                         cases=made, exculpatory=None), confirmed


def _secret(source_ids, case: ReferralCase) -> bool:
    by_id = {s.id: s for s in case.sources}
    return bool(source_ids) and all(by_id[s].confidential for s in source_ids)


@settings(max_examples=300, deadline=None)
@given(referrals())
def test_screen_keeps_only_what_may_be_sent(made):
    referral, confirmed = made
    shown, left = screen(referral, confirmed)
    originals = {c.id: c for c in referral.cases}
    for case in shown.cases:
        original = originals[case.id]
        assert case.consent != Consent.DO_NOT_RAISE
        if case.consent != Consent.PUBLIC:
            assert case.id in confirmed  # private-only, unknown or unrecorded: confirmed
        assert not any(s.confidential for s in case.sources)
        allowed = {s.id for s in case.sources}
        for claim in case.claims:
            assert set(claim.source_ids) <= allowed
            before = next(c for c in original.claims if c.id == claim.id)
            assert not _secret(before.source_ids, original)
    for case in referral.cases:
        if case.consent == Consent.DO_NOT_RAISE:
            assert case.id in left.do_not_raise
        elif case.consent != Consent.PUBLIC and case.id not in confirmed:
            assert case.id in left.unconfirmed
        else:
            for claim in case.claims:
                if _secret(claim.source_ids, case):
                    assert claim.id in left.confidential_only
    numbers = numbered_sources(shown)
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))
    assert all(not sid.startswith("SECRET") for sid in numbers)


def _text(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True)
    return done.stdout.decode("utf-8")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(referrals())
def test_the_pdf_never_shows_what_was_screened_out(made):
    referral, confirmed = made
    shown, left = screen(referral, confirmed)
    if not shown.cases:
        return  # write_referral refuses: tested with the CLI
    out = io.BytesIO()
    report = write_referral(referral, out, confirmed=confirmed)
    text = _text(out.getvalue())
    assert "SECRET" not in text
    kept = {c.id for c in shown.cases}
    for case in referral.cases:
        name = case.display_name
        if case.id in kept:
            assert name in text
            if case.consent != Consent.PUBLIC:
                assert ("PRIVATE ADVOCACY ONLY" if case.consent == Consent.PRIVATE_ONLY
                        else "CONSENT UNKNOWN") in text
        else:
            assert name not in text and f"SUMMARY{case.id[4:]}X" not in text
        for claim in case.claims:
            assert (claim.description in text) == any(
                claim.id == c.id for s in shown.cases for c in s.claims)
    assert report.left_out == left
    # Citations in order: each claim's text is followed by its numbers.
    numbers = numbered_sources(shown)
    flat = " ".join(text.split())
    for case in shown.cases:
        for claim in case.claims:
            cited = "".join(f"[{numbers[s]}]" for s in claim.source_ids) or \
                "[no source recorded]"
            assert f"{claim.description} {cited}" in flat


def test_any_length_in_any_script_renders():
    """A pasted page of text in a claim, a name or the exculpatory section flows over
    pages (a table row never has to hold it whole)."""
    long = "王全璋 ئابدۇۋەلى مەمەت རྡོ་རྗེ Wang Quanzhang " * 120
    sources = (ReferralSource(id="s0", title=long[:2000], url="https://example.org/" + "x" * 300),)
    claims = tuple(Claim(id=f"c{k}", role=Role.JUDGED, description=long, source_ids=("s0",))
                   for k in range(3))
    case = ReferralCase(id="case0", display_name=long[:300], name_original="王" * 150,
                        consent=Consent.PUBLIC, summary=long, claims=claims, sources=sources)
    referral = ReferralInput(person=Person(name=long[:300]), regime=Regime.CA_SEMA,
                             recipient="Global Affairs Canada", prepared_on=date(2026, 1, 2),
                             cases=(case,), exculpatory=long)
    out = io.BytesIO()
    report = write_referral(referral, out)
    assert report.pages > 5 and report.claims == 3 and report.sources == 1
