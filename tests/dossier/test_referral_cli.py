# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""`vigil referral` end to end: the PDF read back, the safety rules on a real vault, and
every bad input as one sentence with nothing written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pikepdf
import pytest
from dossier_helpers import (
    CHINESE_NAME,
    PASSPHRASE,
    PRIVATE_CASE,
    UNKNOWN_CASE,
    fill,
    pdf_text,
)
from referral_helpers import (
    CLAIMS,
    GONE,
    IDLE,
    OFFICER,
    OFFICER_CHINESE,
    OFFICER_UYGHUR,
    fill_referral,
)

from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

NEVER = ("CONFSRC", "CONFONLYCLAIM", "DNRCLAIM", "Donotraise", "FAMILYCONTACT", "SOURCENOTE",
         "OFFICIALNOTE", "ASKNOTE", "PRIVATEASK", "THIRDPARTYASK")


@pytest.fixture(scope="module")
def referral_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("referral") / "v"
    vault, _ = Vault.create(path, PASSPHRASE, kdf=KdfParams.minimum())
    with vault:
        fill(vault)
        fill_referral(vault)
    return path


@pytest.fixture
def vault_dir(referral_template, tmp_path, monkeypatch) -> Path:
    path = tmp_path / "v"
    shutil.copytree(referral_template, path)
    monkeypatch.setenv("VIGIL_PASSPHRASE", PASSPHRASE)
    return path


@pytest.fixture
def out_dir(tmp_path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def referral(vigil, vault, out, *extra, official=OFFICER, regime="uk-ghr"):
    return vigil("--vault", vault, "referral", "--official", official, "--regime", regime,
                 "--recipient", "FCDO Sanctions Unit", "-o", out, *extra)


def one_sentence(result, code=1):
    assert result.code == code, result
    assert "Traceback" not in result.err and "internal error" not in result.err
    lines = [x for x in result.err.strip().splitlines()
             if not x.startswith(("usage:", " "))]  # argparse's usage lines
    assert len(lines) == 1, result.err
    return lines[0]


def test_referral_reads_back_in_order(vigil, vault_dir, out_dir):
    out = out_dir / "referral.pdf"
    result = referral(vigil, vault_dir, out, "--no-exculpatory-known")
    assert result.code == 0, result.err
    text = pdf_text(out)
    flat = " ".join(text.split())
    for name in ("Zhang Ceshi", OFFICER_CHINESE, OFFICER_UYGHUR, CHINESE_NAME, "PN-0042",
                 "Court judgment, page 3", "Deputy director", "GLOMAG-TEST-1"):
        assert name in text, name
    # Sections in order; each claim followed by its citation.
    order = [flat.index(x) for x in ("1. Submitting organisation", "2. The person",
                                     "3. The conduct", "4. Evidence table",
                                     "5. The cases linked", "6. Exculpatory information",
                                     "7. The regime's criteria", "8. Sources cited")]
    assert order == sorted(order)
    assert "Signed the detention order PUBLICCLAIM [1]" in flat
    assert "Led the interrogations MIXEDCLAIM [1]" in flat  # its confidential source dropped
    assert "[1] PUBSOURCE news report" in flat
    assert "None known." in text and "Regulations 2020" in text
    for marker in NEVER + ("UNKNOWNCLAIM", "PRIVATECLAIM", "Unconsented", "Privata"):
        assert marker not in text, marker
    with pikepdf.open(out) as pdf:
        pages = len(pdf.pages)
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
    assert text.count("Prepared for FCDO Sanctions Unit,") == pages
    assert info["/Title"] == "Referral" and info.get("/Author", "") == ""
    raw = out.read_bytes()
    for leak in (os.environ.get("USER", "root"), str(out_dir), str(vault_dir)):
        assert leak.encode() not in raw
    assert sorted(p.name for p in out_dir.iterdir()) == ["referral.pdf"]


def test_left_out_is_told_before_writing_as_counts_and_ids(vigil, vault_dir, out_dir):
    result = referral(vigil, vault_dir, out_dir / "r.pdf", "--no-exculpatory-known")
    assert result.code == 0
    err = result.err
    assert "1 claim left out: its only sources are confidential." in err
    assert "marked \u201cdo not raise\u201d left out" in err
    assert "2 cases with private-only or unknown consent left out" in err
    assert CLAIMS["confonly"] in err and UNKNOWN_CASE in err and PRIVATE_CASE in err
    assert err.index("left out") < err.index("Wrote a ")
    for name in NEVER + ("Unconsented", "Privata", "Ilham", "Zhang", "CLAIM"):
        assert name not in err, name


def test_confirmed_cases_appear_marked(vigil, vault_dir, out_dir):
    out = out_dir / "r.pdf"
    result = referral(vigil, vault_dir, out, "--no-exculpatory-known", "--include-case",
                      UNKNOWN_CASE, "--include-case", PRIVATE_CASE)
    assert result.code == 0, result.err
    text = pdf_text(out)
    assert "UNKNOWNCLAIM indictment [no source recorded]" in " ".join(text.split())
    assert "PRIVATECLAIM" in text and "Unconsented Person" in text and "Privata Person" in text
    assert "PRIVATE ADVOCACY ONLY" in text and "CONSENT UNKNOWN" in text
    assert "DNRCLAIM" not in text and "CONFSRC" not in text


def test_exculpatory_text_is_printed(vigil, vault_dir, out_dir, tmp_path):
    given = tmp_path / "excul.txt"
    given.write_text("He was on leave from March 2014 (EXCULMARK).\n", "utf-8")
    out = out_dir / "r.pdf"
    result = referral(vigil, vault_dir, out, "--exculpatory-file", given)
    assert result.code == 0, result.err
    text = pdf_text(out)
    assert "EXCULMARK" in text and "None known." not in text


def test_password(vigil, vault_dir, out_dir, tmp_path):
    secret = tmp_path / "pw"
    secret.write_text("correct horse\n", "utf-8")
    out = out_dir / "r.pdf"
    result = referral(vigil, vault_dir, out, "--no-exculpatory-known", "--pdf-password-file",
                      secret)
    assert result.code == 0 and "encrypted" in result.err
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)
    with pikepdf.open(out, password="correct horse") as pdf:
        assert len(pdf.pages) >= 3


@pytest.mark.parametrize("case", ["no exculpatory", "both", "empty file", "unknown official",
                                  "removed official", "no involvement", "not involved case",
                                  "bad folder", "empty recipient"])
def test_bad_input_is_one_sentence_and_writes_nothing(vigil, vault_dir, out_dir, tmp_path,
                                                      case):
    out = out_dir / "r.pdf"
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", "utf-8")
    args = {"no exculpatory": [],
            "both": ["--no-exculpatory-known", "--exculpatory-file", empty],
            "empty file": ["--exculpatory-file", empty]}.get(case, ["--no-exculpatory-known"])
    official = {"unknown official": "99999999-9999-4999-8999-999999999999",
                "removed official": GONE, "no involvement": IDLE}.get(case, OFFICER)
    if case == "not involved case":
        args += ["--include-case", "99999999-9999-4999-8999-999999999998"]
    if case == "bad folder":
        out = out_dir / "missing" / "r.pdf"
    if case == "empty recipient":
        result = vigil("--vault", vault_dir, "referral", "--official", official, "--regime",
                       "uk-ghr", "--recipient", " ", "-o", out, *args)
    else:
        result = referral(vigil, vault_dir, out, *args, official=official)
    line = one_sentence(result, code=2 if case == "both" else 1)
    expected = {"no exculpatory": "exculpatory information (--exculpatory-file F)",
                "empty file": "file is empty",
                "unknown official": "No official with ID 99999999-9999-4999-8999-999999999999.",
                "removed official": "That official was removed from this vault",
                "no involvement": "No involvement of this official",
                "not involved case": "not one this official is involved in",
                "bad folder": "existing folder",
                "empty recipient": "prepared for"}.get(case, "")
    assert expected in line
    assert list(out_dir.iterdir()) == []


def test_unknown_regime_is_a_usage_error(vigil, vault_dir, out_dir):
    result = referral(vigil, vault_dir, out_dir / "r.pdf", "--no-exculpatory-known",
                      regime="us-magnitsky")
    assert result.code == 2
    assert "invalid choice: 'us-magnitsky'" in result.err and "Traceback" not in result.err
    assert list(out_dir.iterdir()) == []


def test_nothing_left_to_show(vigil, vault_dir, out_dir):
    from app.services import involvements

    vault = Vault.unlock(vault_dir, passphrase=PASSPHRASE)
    with vault, vault.session() as s:  # only the confidential-only claim stays
        for key in ("ordered", "mixed"):
            involvements.delete_involvement(s, CLAIMS[key])
    result = referral(vigil, vault_dir, out_dir / "r.pdf", "--no-exculpatory-known")
    assert result.code == 1 and "Traceback" not in result.err
    notes, line = result.err.strip().splitlines()[:-1], result.err.strip().splitlines()[-1]
    assert all(n.startswith(("Note: ", "  left out")) for n in notes)  # why, first
    assert line.endswith("nothing was written.") and "No claim about this official" in line
    assert list(out_dir.iterdir()) == []
