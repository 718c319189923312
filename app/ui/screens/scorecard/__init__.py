# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Scorecard screen: how hard governments pressed the detaining state, side by side."""
