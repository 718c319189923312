# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Meetings screen: meetings with governments, the cases raised at each, and their outcomes."""
