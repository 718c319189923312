# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The lists behind dashboard counts: cases past a legal time limit, the detention
anniversaries coming up this month (dates worth a public statement), and the cases one
government has not raised lately. A row opens its case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.rules import AnniversaryKind, BreachKind
from app.services.cases import CaseSummary
from app.services.dashboard import Milestone, Overdue
from app.ui.i18n import label, tr
from app.ui.plain import PlainLabel


def breach_rows(found: list[Overdue]) -> list[tuple[str, str, str, str]]:
    """(case id, name, what, since when) for each time limit passed, longest first."""
    what = {BreachKind.RSDL_BEYOND_SIX_MONTHS: tr("Residential surveillance beyond the "
                                                  "six-month legal limit"),
            BreachKind.HELD_PAST_SENTENCE: tr("Held after the sentence ended")}
    return [(o.case_id, o.display_name, what.get(o.breach.kind, str(o.breach.kind)),
             tr("{0:,} days over (limit reached {1})").format(o.breach.days_over,
                                                             o.breach.deadline.isoformat()))
            for o in found]


def anniversary_rows(found: list[Milestone]) -> list[tuple[str, str, str, str]]:
    rows = []
    for m in found:
        a = m.anniversary
        what = (tr("{0:,} days held").format(a.count) if a.kind == AnniversaryKind.DAYS
                else tr("%n year(s) held", "", a.count))
        rows.append((m.case_id, m.display_name, what, a.on.isoformat()))
    return rows


class CaseListDialog(QDialog):
    """A short list of cases with a reason each; Enter or a double-click opens the case."""

    case_requested = Signal(str)

    def __init__(self, title: str, explanation: str, empty: str,
                 rows: list[tuple[str, str, str, str]], headers: tuple[str, str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)  # a fixed phrase, never a case name
        self.resize(720, 420)
        note = PlainLabel(explanation if rows else empty)
        note.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(title)
        self.tree.setHeaderLabels(list(headers))
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for case_id, name, what, when in rows:
            item = QTreeWidgetItem([name, what, when])
            item.setData(0, Qt.ItemDataRole.UserRole, case_id)
            self.tree.addTopLevelItem(item)
        self.tree.setVisible(bool(rows))
        self.tree.itemActivated.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        if rows:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def case_ids(self) -> list[str]:
        return [self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                for i in range(self.tree.topLevelItemCount())]

    def _open(self, item: QTreeWidgetItem) -> None:
        self.case_requested.emit(item.data(0, Qt.ItemDataRole.UserRole))
        self.accept()

    def done(self, result: int) -> None:  # forget the names on close
        self.tree.clear()
        super().done(result)


def time_limit_dialog(found: list[Overdue], parent: QWidget | None = None) -> CaseListDialog:
    return CaseListDialog(
        tr("Past a legal time limit"),
        tr("These people are held beyond a limit in the detaining state's own law: a strong "
           "point to raise. Open a case to see its timeline."),
        tr("Nobody is held past a legal time limit, as far as the recorded dates show."),
        breach_rows(found), (tr("Case"), tr("Time limit"), tr("How far over")), parent)


def anniversaries_dialog(found: list[Milestone],
                         parent: QWidget | None = None) -> CaseListDialog:
    return CaseListDialog(
        tr("Anniversaries this month"),
        tr("Dates this month that mark how long someone has been held: moments for a "
           "statement or a renewed ask."),
        tr("No detention anniversaries fall in the rest of this month."),
        anniversary_rows(found), (tr("Case"), tr("Held"), tr("On")), parent)


def not_raised_rows(found: list[CaseSummary]) -> list[tuple[str, str, str, str]]:
    """(case id, name, status, last raised) for each case, stalest first as given."""
    return [(c.id, f"{c.display_name}  {c.name_original or ''}".strip(),
             label(c.status) if c.status else tr("unknown"),
             c.last_raised.isoformat() if c.last_raised else tr("never"))
            for c in found]


def not_raised_dialog(found: list[CaseSummary], government: str | None, days: int,
                      parent: QWidget | None = None) -> CaseListDialog:
    """The cases ``government`` (None: any government) has not raised in ``days`` days."""
    if government is None:
        title = tr("Not raised in {0} days").format(days)
        explanation = tr("No government, parliament or intergovernmental body has raised "
                         "these cases in {0} days, stalest first.").format(days)
    else:
        title = tr("Not raised by a government in {0} days").format(days)
        explanation = tr("{0} has not raised these cases in {1} days, stalest first; "
                         "'last raised' is its last ask.").format(government, days)
    return CaseListDialog(title, explanation,
                          tr("Every case was raised in the last {0} days.").format(days),
                          not_raised_rows(found),
                          (tr("Case"), tr("Status"), tr("Last raised")), parent)
