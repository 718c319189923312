# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Commands about case data: demo, import, export, cases."""

from __future__ import annotations


def register(commands) -> None:
    """Added with the case-data services."""
