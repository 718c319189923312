# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The screens of the main window, one package each: the screen (``screen.py``), its item
models and its dialogs.

Every screen keeps the same contract: ``XScreen(ctx)`` over a ``VaultContext``; it loads
itself through the context's task runner (never on the UI thread) and drops a result that
lands after a newer request or a lock; ``refresh()`` loads it, ``clear()`` forgets every
piece of case data (on lock). The window only hosts the screens and navigates between them
(``app.ui.navigation``); it builds each one the first time it is shown, so nothing here is
imported before the vault is unlocked.
"""
