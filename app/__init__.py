# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Vigil: encrypted case files and advocacy tracking for caseworkers."""

__version__ = "0.1.0"
