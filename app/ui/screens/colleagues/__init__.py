# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Colleagues screen: colleagues' keys, bundles in and out, and conflicting edits."""
