# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The "Export dossier…" dialog: profile, recipient, optional PDF password, the asks per
case, and the file. Never suggests a file name made from case data, and never lets the file
dialog remember where it was. Writing the PDF is ``app.ui.dossier_export``'s.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dossier.model import Profile
from app.ui.pdf_export import PdfExportDialog
from app.ui.plain import PlainLabel

DEFAULT_NAME = "dossier.pdf"  # neutral: never a case's or a meeting's name

PROFILE_TEXT = {
    Profile.INTERNAL: "Everything, internal notes and confidential sources included: "
                      "for your own team only.",
    Profile.DIPLOMATIC: "For officials: no internal notes, confidential sources or "
                        "\u201cdo not raise\u201d cases; private-advocacy cases are marked.",
    Profile.PUBLIC: "For anyone: only cases with consent to public advocacy, and only "
                    "public asks.",
}
PROFILE_NAMES = {Profile.INTERNAL: "Internal", Profile.DIPLOMATIC: "Diplomatic",
                 Profile.PUBLIC: "Public"}


class DossierExportDialog(PdfExportDialog):
    """The choices for one dossier; tests fill it in and call ``accept()`` directly."""

    def __init__(self, parent: QWidget | None = None, *,
                 profile: Profile = Profile.DIPLOMATIC, for_meeting: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export dossier"))
        file_row = self._build_pdf_fields()
        choices = self._build_profiles(profile)
        self._build_recipient(for_meeting)
        form = QFormLayout()
        form.addRow(self.tr("Profile"), choices)
        form.addRow(self.tr("Prepared for"), self.recipient)
        form.addRow(self.tr("Recipient government"), self.government)
        asks = self._build_asks()
        if not for_meeting:  # a meeting has its own asks
            form.addRow(self.tr("What we ask"), asks)
        form.addRow(self.tr("PDF password"), self.password)
        form.addRow(self.tr("Password again"), self.password_again)
        form.addRow(self.tr("Save as"), file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())

    def _build_profiles(self, profile: Profile) -> QVBoxLayout:
        self.profiles = QButtonGroup(self)
        self.profile_buttons: dict[Profile, QRadioButton] = {}
        choices = QVBoxLayout()
        for each in Profile:
            button = QRadioButton(self.tr(PROFILE_NAMES[each]))
            button.setChecked(each == profile)
            explain = PlainLabel(self.tr(PROFILE_TEXT[each]))
            explain.setWordWrap(True)
            explain.setIndent(24)
            explain.setBuddy(button)
            self.profiles.addButton(button)
            self.profile_buttons[each] = button
            choices.addWidget(button)
            choices.addWidget(explain)
        return choices

    def _build_recipient(self, for_meeting: bool) -> None:
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(
            self.tr("Printed on every page: \u201cPrepared for …\u201d"))
        self.recipient.setAccessibleName(self.tr("Prepared for"))
        # Whose private asks may show: only the government that made them (DESIGN section 6).
        self.government = QComboBox()
        self.government.setAccessibleName(self.tr("Recipient government"))
        self.government.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.government.setMaximumWidth(420)
        self.government.addItem(self.tr("The meeting's counterpart") if for_meeting else
                                self.tr("None: no private asks"), None)

    def _build_asks(self) -> QVBoxLayout:
        """One ask for every chosen case, or (ticked) a table with an ask per case."""
        self.ask = QPlainTextEdit()
        self.ask.setAccessibleName(self.tr("What we ask"))
        self.ask.setPlaceholderText(self.tr("Optional: one ask for every case chosen"))
        self.ask.setTabChangesFocus(True)
        self.ask.setMaximumHeight(72)
        self.per_case = QCheckBox(self.tr("A different ask for each case"))
        self.case_asks = QTableWidget(0, 2)  # case names are vault data: items are plain text
        self.case_asks.setHorizontalHeaderLabels([self.tr("Case"), self.tr("What we ask")])
        self.case_asks.horizontalHeader().setStretchLastSection(True)
        self.case_asks.verticalHeader().hide()
        self.case_asks.setMaximumHeight(160)
        self.case_asks.hide()
        self.per_case.toggled.connect(self.case_asks.setVisible)
        self.per_case.toggled.connect(lambda on: self.ask.setVisible(not on))
        asks = QVBoxLayout()
        asks.addWidget(self.ask)
        asks.addWidget(self.case_asks)
        asks.addWidget(self.per_case)
        return asks

    # -- what was chosen -----------------------------------------------------------------------
    def profile(self) -> Profile:
        return next(p for p, b in self.profile_buttons.items() if b.isChecked())

    def set_profile(self, profile: Profile) -> None:
        self.profile_buttons[profile].setChecked(True)

    def recipient_name(self) -> str:
        return self.recipient.text().strip()

    def set_governments(self, organisations) -> None:
        """The organisations that may receive the dossier (names are vault data, plain)."""
        for org in organisations:
            self.government.addItem(org.name, org.id)

    def recipient_org(self) -> str | None:
        return self.government.currentData()

    def set_cases(self, named: list[tuple[str, str]]) -> None:
        """The chosen cases (ID, display name), one row each for its own ask."""
        self.case_asks.setRowCount(len(named))
        for row, (case_id, name) in enumerate(named):
            item = QTableWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, case_id)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.case_asks.setItem(row, 0, item)
            self.case_asks.setItem(row, 1, QTableWidgetItem(""))
        self.case_asks.resizeColumnToContents(0)

    def case_asks_given(self) -> dict[str, str]:
        """The ask for each chosen case (ID → text), one for all or each its own."""
        if not self.per_case.isChecked():
            text = self.ask.toPlainText().strip()
            return {self.case_asks.item(r, 0).data(Qt.ItemDataRole.UserRole): text
                    for r in range(self.case_asks.rowCount())} if text else {}
        given = {}
        for row in range(self.case_asks.rowCount()):
            text = (self.case_asks.item(row, 1) or QTableWidgetItem("")).text().strip()
            if text:
                given[self.case_asks.item(row, 0).data(Qt.ItemDataRole.UserRole)] = text
        return given

    def _pdf_texts(self) -> tuple[str, str, str, str]:
        return (self.tr("Save the dossier as"), DEFAULT_NAME,
                self.tr("Choose where to save the dossier."),
                self.tr("Give the dossier a file name in an existing folder."))

    # -- checks --------------------------------------------------------------------------------
    def problem(self) -> str | None:
        """The first thing wrong with the choices, as one sentence; None when all is well."""
        if not self.recipient_name():
            return self.tr("Say who the dossier is prepared for.")
        return super().problem()

    def forget(self) -> None:
        """Drop what was typed and chosen (after use, or when the vault locks)."""
        self.ask.clear()
        self.case_asks.setRowCount(0)
        self.government.clear()
        self.recipient.clear()
        super().forget()

