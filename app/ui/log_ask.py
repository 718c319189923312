# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The "Log ask" dialog: record (or edit) one intervention naming one or more cases.

It reads its choices (officials, organisations, cases) off the UI thread and writes the ask in
one transaction through ``ctx.write``. Bad input is one inline sentence and nothing is saved;
the sentence never quotes what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Channel, Request, Response
from app.domain.model import Ask, Official
from app.errors import VigilError
from app.services.asks import save_ask
from app.services.cases import list_cases, new_id
from app.services.directory import officials, organisations
from app.ui.ask_fields import EncounterField, LevelField
from app.ui.ask_pickers import OFFICIAL, ORGANISATION, CasePicker, PartyField, party_choices
from app.ui.context import ASKS, VaultContext
from app.ui.date_entry import DateEntry
from app.ui.i18n import label
from app.ui.widgets import problem_label


class LogAskDialog(QDialog):
    """Log a new ask, or edit ``ask``. ``saved(ask_id)`` after the write succeeded."""

    loaded = Signal()
    saved = Signal(str)

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None, *,
                 case_ids=(), ask: Ask | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ask = ask
        self._open = True
        self._officials: dict[str, Official] = {}
        self._ready = False  # the choices have loaded
        self.setWindowTitle(self.tr("Edit ask") if ask else self.tr("Log ask"))
        self._build_fields()
        requests = self._build_requests()
        self._build_answer()
        body = self._build_layout(requests)
        self._build_tab_order()
        screen = self.screen().availableGeometry()
        self.resize(min(720, screen.width()), min(body.sizeHint().height() + 90,
                                                  screen.height() - 60))

        self._fill(ask, tuple(ask.case_ids) if ask else tuple(case_ids))
        self.raised_by.textChanged.connect(self._raiser_changed)
        self.date.textChanged.connect(self._look_up_encounters)
        today = ctx.today()
        ctx.read(lambda session: (organisations(session), officials(session),
                                  [(c.id, c.display_name, c.name_original)
                                   for c in list_cases(session, today)]),
                 self._choices_loaded, on_failed=self._load_failed)

    def _build_fields(self) -> None:
        """When, who raised it with whom, where and how, in public or not, for which cases."""
        ctx = self.ctx
        self.date = DateEntry(self.tr("Date of the ask"), today=ctx.today)
        self.raised_by = PartyField(self.tr("Raised by: an official or an organisation"))
        self.raised_with = PartyField(self.tr("Raised with: an official or an organisation"))
        self.level = LevelField()
        self.encounter = EncounterField(ctx)
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("Channel"))
        self.channel.addItem(self.tr("Not recorded"), None)
        for channel in Channel:
            self.channel.addItem(self.tr(label(channel)), channel.value)
        self.public = QRadioButton(self.tr("Public"))
        self.public.setAccessibleName(self.tr("Raised in public"))
        self.private = QRadioButton(self.tr("Private"))
        self.private.setAccessibleName(self.tr("Raised in private"))
        self.private.setChecked(True)  # the safer assumption
        visibility = QButtonGroup(self)
        visibility.addButton(self.public)
        visibility.addButton(self.private)
        self.cases = CasePicker()

    def _build_requests(self) -> QGridLayout:
        """What was asked for: one box per request, three to a row."""
        self.requests: dict[Request, QCheckBox] = {}
        requests = QGridLayout()
        for i, request in enumerate(Request):
            box = QCheckBox(self.tr(label(request)))
            box.setAccessibleName(self.tr("Asked for: {0}").format(self.tr(label(request))))
            self.requests[request] = box
            requests.addWidget(box, i // 3, i % 3)
        return requests

    def _build_answer(self) -> None:
        """The response, the follow-up, notes, the problem sentence and the buttons."""
        today = self.ctx.today
        self.response = QComboBox()
        self.response.setAccessibleName(self.tr("Response"))
        self.response.addItem(self.tr("Not recorded"), None)
        for response in Response:
            self.response.addItem(self.tr(label(response)), response.value)
        self.response_date = DateEntry(self.tr("Date of the response"), today=today)
        self.response_text = self._text(self.tr("What they answered"))
        self.follow_up = DateEntry(self.tr("Follow-up due"), today=today)
        self.notes = self._text(self.tr("Notes"))
        self.error = problem_label(self.tr("Problem"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save |
                                        QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the choices have loaded
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _build_layout(self, requests: QGridLayout) -> QWidget:
        """The form (returned: its height sizes the dialog), scrolling up and down only when
        the screen is too short for it, as a 1280x720 one is; the problem sentence and the
        buttons stay in view below it."""
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("Raised &by"), self.raised_by)
        form.addRow(self.tr("&Level"), self.level)
        form.addRow(self.tr("Raised &with"), self.raised_with)
        form.addRow(self.tr("At &encounter"), self.encounter)
        form.addRow(self.tr("C&hannel"), self.channel)
        row = QHBoxLayout()
        row.addWidget(self.private)
        row.addWidget(self.public)
        row.addStretch(1)
        form.addRow(self.tr("Public or private"), row)
        form.addRow(self.tr("&Cases"), self.cases)
        form.addRow(self.tr("Asked for"), requests)
        form.addRow(self.tr("&Response"), self.response)
        form.addRow(self.tr("Response date"), self.response_date)
        form.addRow(self.tr("Response text"), self.response_text)
        form.addRow(self.tr("&Follow-up due"), self.follow_up)
        form.addRow(self.tr("&Notes"), self.notes)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        return body

    def _build_tab_order(self) -> None:
        order = [self.date, self.raised_by, self.level, self.raised_with, self.encounter,
                 self.channel, self.private, self.public, self.cases.filter, self.cases.list,
                 *self.requests.values(),
                 self.response, self.response_date, self.response_text, self.follow_up,
                 self.notes, self.buttons]
        for first, second in zip(order, order[1:], strict=False):
            self.setTabOrder(first, second)

    def _text(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)  # Tab moves on; Enter is a new line, never "save"
        edit.setMaximumHeight(72)
        return edit

    def _fill(self, ask: Ask | None, case_ids: tuple[str, ...]) -> None:
        self._case_ids = case_ids
        if ask is None:
            self.date.set_value(self.ctx.today())
            return
        self.date.setText(str(ask.date))
        self.level.set_level(ask.level)
        self.encounter.set_encounter_id(ask.encounter_id)
        self._set_combo(self.channel, ask.channel)
        (self.public if ask.public else self.private).setChecked(True)
        for request, box in self.requests.items():
            box.setChecked(request in ask.requests)
        self._set_combo(self.response, ask.response)
        self.response_date.setText(str(ask.response_date) if ask.response_date else "")
        self.response_text.setPlainText(ask.response_text or "")
        self.follow_up.setText(str(ask.follow_up_due) if ask.follow_up_due else "")
        self.notes.setPlainText(ask.notes or "")

    @staticmethod
    def _set_combo(combo: QComboBox, value) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value.value if value else None)))

    def done(self, result: int) -> None:  # accept, reject and close end here
        self._open = False
        super().done(result)

    def _choices_loaded(self, result) -> None:
        if not self._open:  # closed (perhaps deleted) before the choices arrived
            return
        orgs, people, cases = result
        self._officials = {person.id: person for person in people}
        choices = party_choices(orgs, people)
        for field in (self.raised_by, self.raised_with):
            field.set_choices(choices)
        ask = self._ask
        if ask is not None:
            self.raised_by.set_party(*((OFFICIAL, ask.raised_by_official_id)
                                       if ask.raised_by_official_id else
                                       (ORGANISATION, ask.raised_by_organisation_id)))
            self.raised_with.set_party(*((OFFICIAL, ask.raised_with_official_id)
                                         if ask.raised_with_official_id else
                                         (ORGANISATION, ask.raised_with_organisation_id)))
        self.cases.set_cases(cases, self._case_ids)
        self._ready = True
        self._raiser_changed()
        self.save_button.setEnabled(True)
        self.loaded.emit()

    # -- level and encounter follow who raised it, and when ----------------------------------
    def _raiser(self) -> Official | None:
        found = self.raised_by.party()
        return self._officials.get(found[1]) if found and found[0] == OFFICIAL else None

    def government_id(self) -> str | None:
        """The organisation the ask is raised for: the one named, or the official's."""
        found = self.raised_by.party()
        if found is None:
            return None
        official = self._raiser()
        return found[1] if found[0] == ORGANISATION else \
            official.organisation_id if official else None

    def _raiser_changed(self) -> None:
        official = self._raiser()
        self.level.follow(official.level if official else None, official=official is not None)
        self._look_up_encounters()

    def _look_up_encounters(self) -> None:
        if not self._ready:  # who raised it is not known yet
            return
        try:
            when = self.date.value()
        except ValueError:  # not a date yet: no encounters around it
            when = None
        self.encounter.look_up(self.government_id(), when)

    # -- saving --------------------------------------------------------------------------------
    def _problem(self, text: str, field: QWidget | None = None) -> None:
        self.error.setText(text)
        self.error.show()
        if field is not None:
            field.setFocus()

    def _date(self, field: DateEntry, what: str, required: bool = False):
        try:
            found = field.value()
        except ValueError:
            raise _Invalid(self.tr("The {0} must be a year, a month or a day, like 2025, "
                                   "2025-03 or 2025-03-14.").format(what), field) from None
        if found is None and required:
            raise _Invalid(self.tr("Enter the date of the ask: a year, a month or a day, "
                                   "like 2025-03-14."), field)
        return found

    def _party(self, field: PartyField, required: bool):
        if not field.text().strip():
            if required:
                raise _Invalid(self.tr("Say who raised it: pick an official or an "
                                       "organisation from the list."), field)
            return None
        found = field.party()
        if found is None:
            raise _Invalid(self.tr("That name is not an official or organisation in the "
                                   "vault: pick one from the list, or add it under Officials "
                                   "& organisations first."), field)
        return found

    def build_ask(self) -> Ask:
        """The ask the form describes; raises ``_Invalid`` with one sentence if it cannot."""
        when = self._date(self.date, self.tr("date"), required=True)
        by = self._party(self.raised_by, required=True)
        with_ = self._party(self.raised_with, required=False)
        case_ids = self.cases.checked_ids()
        if not case_ids:
            raise _Invalid(self.tr("Choose at least one case this ask names."),
                           self.cases.filter)
        response_date = self._date(self.response_date, self.tr("response date"))
        follow_up = self._date(self.follow_up, self.tr("follow-up date"))
        channel, response = self.channel.currentData(), self.response.currentData()
        encounter = self.encounter.encounter()
        if encounter is not None and self.government_id() not in encounter.organisation_ids:
            raise _Invalid(self.tr("The government that raised this ask did not take part in "
                                   "that encounter: choose one of its own encounters, or "
                                   "none."), self.encounter)
        return Ask(
            id=self._ask.id if self._ask else new_id(), date=when,
            raised_by_official_id=by[1] if by[0] == OFFICIAL else None,
            raised_by_organisation_id=by[1] if by[0] == ORGANISATION else None,
            raised_with_official_id=with_[1] if with_ and with_[0] == OFFICIAL else None,
            raised_with_organisation_id=with_[1] if with_ and with_[0] == ORGANISATION
            else None,
            channel=Channel(channel) if channel else None, public=self.public.isChecked(),
            requests=tuple(r for r, box in self.requests.items() if box.isChecked()),
            response=Response(response) if response else None, response_date=response_date,
            response_text=self.response_text.toPlainText().strip() or None,
            follow_up_due=follow_up, case_ids=case_ids,
            notes=self.notes.toPlainText().strip() or None, level=self.level.level(),
            encounter_id=self.encounter.encounter_id())

    def save(self) -> None:
        try:
            ask = self.build_ask()
        except _Invalid as invalid:
            self._problem(invalid.sentence, invalid.field)
            return
        self.error.hide()
        self.save_button.setEnabled(False)
        self.ctx.write(lambda session: save_ask(session, ask), ASKS,
                       lambda _r: self._saved(ask.id), on_failed=self._failed)

    def _saved(self, ask_id: str) -> None:
        if not self._open:
            return
        self.saved.emit(ask_id)
        self.ctx.say(self.tr("Ask saved."))
        self.accept()

    def _load_failed(self, error: BaseException) -> None:
        if self._open:
            self._problem(self.tr("The lists of officials and cases could not be read; "
                                  "close this dialog and try again."))

    def _failed(self, error: BaseException) -> None:
        if not self._open:
            return
        self.save_button.setEnabled(True)
        self._problem(str(error) if isinstance(error, VigilError) else
                      self.tr("Something went wrong; nothing was saved."))


class _Invalid(Exception):
    def __init__(self, sentence: str, field: QWidget) -> None:
        super().__init__(sentence)
        self.sentence, self.field = sentence, field


def log_ask(ctx: VaultContext, parent: QWidget | None = None,
            case_ids=()) -> LogAskDialog:
    """Open the dialog (window-modal, not blocking) to log an ask naming ``case_ids``."""
    dialog = LogAskDialog(ctx, parent, case_ids=tuple(case_ids))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
