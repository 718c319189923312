# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Settings screen: locking, unlocking, backups, our organisation, language, sharing and travel
mode."""
