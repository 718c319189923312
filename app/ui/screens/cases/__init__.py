# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Cases screen: the list, its filters and search, and the selected case with its tabs and
editors."""
