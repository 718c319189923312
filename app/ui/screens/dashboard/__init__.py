# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Dashboard: headline counts and the case × government matrix, and the case lists a count
opens."""
