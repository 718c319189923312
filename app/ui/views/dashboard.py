# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Dashboard: headline counts that open filtered lists, and the case × government
matrix as a heat map (green: raised lately; amber: within a year; red: longer; grey: never).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.models import MatrixModel

COUNTS = (
    ("not_raised_90", "Not raised in 90 days"),
    ("follow_ups_overdue", "Follow-ups overdue"),
    ("upcoming_meetings", "Upcoming meetings"),
    ("past_time_limit", "Past a legal time limit"),
    ("anniversaries_this_month", "Anniversaries this month"),
)


class DashboardView(QWidget):
    count_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for column, (key, text) in enumerate(COUNTS):
            button = QPushButton(f"–\n{self.tr(text)}")
            button.setMinimumHeight(64)
            button.setAccessibleName(self.tr(text))
            button.clicked.connect(lambda _=False, k=key: self.count_clicked.emit(k))
            grid.addWidget(button, 0, column)
            self.buttons[key] = button
        self.model = MatrixModel(self)
        self.matrix = QTableView()
        self.matrix.setModel(self.model)
        self.matrix.setAccessibleName(self.tr("Cases by government"))
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.matrix.horizontalHeader().setDefaultSectionSize(44)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("Who has raised whom, and how recently")))
        layout.addWidget(self.matrix)

    def show_dashboard(self, counts: dict[str, int], matrix, today) -> None:
        for key, text in COUNTS:
            self.buttons[key].setText(f"{counts.get(key, 0)}\n{self.tr(text)}")
        self.model.set_matrix(matrix, today)

    def clear(self) -> None:
        for key, text in COUNTS:
            self.buttons[key].setText(f"–\n{self.tr(text)}")
        self.model.clear()
