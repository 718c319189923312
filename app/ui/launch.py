# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start the desktop app on a vault folder."""

from __future__ import annotations

import sys
from pathlib import Path


def run(vault: Path, passphrase: str | None = None) -> int:
    # The desktop app is a later piece of work (issue "The desktop app"); until it lands
    # the command line is the whole interface, and this says so plainly.
    print("The desktop window is not built yet. Meanwhile, use the command line, e.g. "
          f"'vigil cases --vault {vault}'; 'vigil --help' lists every command.",
          file=sys.stderr)
    return 1
