# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Calendar screen: the moments to press, in a month and a list; encounters kept here."""
