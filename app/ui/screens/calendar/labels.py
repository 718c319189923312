# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The words for each kind of moment (context "CalendarScreen"), shared with the dashboard."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.services.calendar import MomentKind

KIND_LABELS: dict[MomentKind, str] = {
    MomentKind.ENCOUNTER: str(QT_TRANSLATE_NOOP("CalendarScreen", "Encounter")),
    MomentKind.MEETING: str(QT_TRANSLATE_NOOP("CalendarScreen", "Meeting")),
    MomentKind.FOLLOW_UP_DUE: str(QT_TRANSLATE_NOOP("CalendarScreen", "Follow-up due")),
    MomentKind.UN_REPLY_DUE: str(QT_TRANSLATE_NOOP("CalendarScreen", "UN reply due")),
    MomentKind.TIME_LIMIT: str(QT_TRANSLATE_NOOP("CalendarScreen", "Legal time limit")),
    MomentKind.ANNIVERSARY: str(QT_TRANSLATE_NOOP("CalendarScreen", "Anniversary")),
}
