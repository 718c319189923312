# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Asks screen: every ask raised, filtered and paged, with follow-ups."""
