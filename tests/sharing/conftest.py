# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fixtures for the sharing tests (defined in sharing_team.py)."""

from sharing_team import team, team_template  # noqa: F401  (fixtures)
