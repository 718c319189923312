# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Cases screen's search box and filters, and the ``CaseFilter`` they stand for.

Typing is debounced (one request per pause, not per keystroke); a changed choice asks at
once. The completions offered for nationality and tag are vault data: emptied on lock.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit

from app.domain.enums import Category, Consent, Status
from app.services.cases import CaseFilter
from app.ui.i18n import label

SEARCH_DELAY_MS = 200


class CaseFilters(QObject):
    changed = Signal()  # after a pause in typing, or at once for a choice

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names in any script, charges, notes…"))
        self.search.setAccessibleName(self.tr("Search cases"))
        self.search.setClearButtonEnabled(True)
        self.status = _combo(self.tr("Status filter"), self.tr("Any status"),
                             [(label(s), s) for s in Status])
        self.category = _combo(self.tr("Category filter"), self.tr("Any category"),
                               [(label(c), c) for c in Category])
        self.consent = _combo(self.tr("Consent filter"), self.tr("Any consent"),
                              [(label(c), c) for c in Consent])
        self.priority = _combo(self.tr("Priority filter"), self.tr("Any priority"),
                               [(self.tr("Priority {0}").format(p), p) for p in (1, 2, 3)])
        self.stale = _combo(self.tr("Not raised since"), self.tr("Raised or not"),
                            [(self.tr("Not raised in 90 days"), 90),
                             (self.tr("Not raised in a year"), 365)])
        self.nationality = _text_filter(self.tr("Nationality filter"),
                                        self.tr("Nationality (CN, SE…)"))
        self.tag = _text_filter(self.tr("Tag filter"), self.tr("Tag"))
        self.combos = (self.status, self.category, self.consent, self.priority, self.stale)
        self.texts = (self.search, self.nationality, self.tag)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.changed)
        for edit in self.texts:
            edit.textChanged.connect(self._debounce.start)
        for combo in self.combos:
            combo.currentIndexChanged.connect(self.changed)

    def current(self) -> CaseFilter:
        def one(combo, kind):  # Qt hands enum members back as plain strings
            value = combo.currentData()
            return frozenset() if value is None else frozenset({kind(value)})

        return CaseFilter(query=self.search.text(), statuses=one(self.status, Status),
                          categories=one(self.category, Category),
                          consents=one(self.consent, Consent),
                          nationality=self.nationality.text().strip().upper() or None,
                          tag=self.tag.text().strip() or None,
                          priority=self.priority.currentData(),
                          not_raised_since_days=self.stale.currentData())

    def set_not_raised_since(self, days: int | None) -> None:
        self.stale.setCurrentIndex(max(0, self.stale.findData(days)))

    def reset(self) -> None:
        """Every filter back to "any", the search kept; no request is made."""
        for widget in (*self.combos, self.nationality, self.tag):
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            else:
                widget.clear()
            widget.blockSignals(False)

    def learn(self, cases) -> None:
        """Offer the nationalities and tags seen so far as completions (plain summaries)."""
        for edit, values in ((self.nationality, {n for c in cases for n in c.nationalities}),
                             (self.tag, {t for c in cases for t in c.tags})):
            model = _completions(edit)
            known = set(model.stringList())
            if not values <= known:
                model.setStringList(sorted(known | values))

    def clear(self) -> None:
        """Forget the typed text and the completions (vault data), on lock."""
        for edit in self.texts:
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
            if edit.completer() is not None:
                _completions(edit).setStringList([])
        self._debounce.stop()


def _completions(edit: QLineEdit) -> QStringListModel:
    completer = edit.completer()
    assert completer is not None  # every text filter is made with one (``_text_filter``)
    return cast(QStringListModel, completer.model())


def _combo(name: str, anything: str, items) -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    combo.addItem(anything, None)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def _text_filter(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setToolTip(name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.setMaximumWidth(160)
    completer = QCompleter(QStringListModel(edit), edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    edit.setCompleter(completer)
    return edit
