# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Grouped horizontal bar charts drawn with plain Qt painting (no QtCharts, no browser).

One group per figure, one bar per government in its colour; a click on a bar says which.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

COLOURS = ("#1f77b4", "#d9822b", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#17becf")
BAR = 16
GAP = 12
PAD = 8


class BarChart(QWidget):
    bar_clicked = Signal(int, int)  # group, series

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[str] = []
        self.series: list[str] = []
        self.values: list[list[int]] = []  # values[group][series]
        self._bars: list[tuple[QRectF, int, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_data(self, groups: list[str], series: list[str], values: list[list[int]]) -> None:
        self.groups, self.series, self.values = groups, series, values
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def clear(self) -> None:
        self.set_data([], [], [])

    def _legend_height(self) -> int:
        """A line per government: long ministry names side by side would run off the edge."""
        return len(self.series) * (self.fontMetrics().height() + 2) + 2 * PAD \
            if self.series else 0

    def _group_height(self) -> int:
        return max(len(self.series), 1) * (BAR + 2) + GAP

    def sizeHint(self) -> QSize:
        return QSize(480, self._legend_height() + len(self.groups) * self._group_height() + PAD)

    def bar_rects(self) -> list[tuple[QRectF, int, int]]:
        """Each bar's rectangle, group and series (as last painted or laid out)."""
        self._layout()
        return list(self._bars)

    def _layout(self) -> None:
        metrics = self.fontMetrics()
        label_width = min(max((metrics.horizontalAdvance(g) for g in self.groups), default=0)
                          + PAD, int(self.width() * 0.45))
        self._label_width = label_width
        value_width = metrics.horizontalAdvance("00000") + PAD
        span = max(self.width() - label_width - value_width - 2 * PAD, 10)
        top = max((max(row, default=0) for row in self.values), default=0) or 1
        self._bars = []
        y = self._legend_height()
        for g, row in enumerate(self.values):
            for s, value in enumerate(row):
                width = span * value / top
                rect = QRectF(label_width + PAD, y + s * (BAR + 2), max(width, 2), BAR)
                self._bars.append((rect, g, s))
            y += self._group_height()

    def paintEvent(self, _event: QPaintEvent) -> None:
        self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().text().color()
        metrics = self.fontMetrics()
        line = metrics.height() + 2  # the legend: a swatch and a name per government
        for s, name in enumerate(self.series):
            top = PAD + s * line
            painter.fillRect(QRectF(PAD, top + 2, 12, 12), QColor(COLOURS[s % len(COLOURS)]))
            painter.setPen(text)
            painter.drawText(PAD + 16, top + metrics.ascent(), metrics.elidedText(
                name, Qt.TextElideMode.ElideMiddle, max(self.width() - 2 * PAD - 16, 40)))
        y = self._legend_height()
        for group in self.groups:
            height = self._group_height() - GAP
            painter.setPen(text)
            painter.drawText(QRectF(0, y, self._label_width, height),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                                 | Qt.TextFlag.TextWordWrap), group)
            y += self._group_height()
        for rect, g, s in self._bars:
            value = self.values[g][s]
            colour = QColor(COLOURS[s % len(COLOURS)])
            if not value:
                colour.setAlphaF(0.3)
            painter.fillRect(rect, colour)
            painter.setPen(text)
            painter.drawText(int(rect.right() + 4), int(rect.top() + metrics.ascent()),
                             str(value))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        for rect, g, s in self._bars:
            if rect.adjusted(0, -1, 40, 1).contains(point):
                self.bar_clicked.emit(g, s)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        over = any(rect.adjusted(0, -1, 40, 1).contains(point) for rect, _g, _s in self._bars)
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)
