# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The selected case on the Cases screen: its header, its tabs (profile, timeline, asks,
sources, internal notes, attachments), and editing it.

It shows a plain ``Case`` it is given and saves through the VaultContext (one ``ctx.write``
per save, which emits ``changed(CASES)``); it never holds a session. Every text it renders
from case data is HTML-escaped in the pages and plain text in the labels (``app.ui.plain``);
the photo is drawn only from a raster format (``app.ui.pictures``).
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Consent
from app.domain.model import Case
from app.errors import VigilError
from app.services import drafts
from app.services.cases import save_case
from app.ui import fit, pictures
from app.ui.context import CASES, VaultContext
from app.ui.i18n import label, tr
from app.ui.plain import PlainLabel
from app.ui.screens.cases import editor as case_editor
from app.ui.screens.cases import items as case_items
from app.ui.screens.cases.attachments import AttachmentsTab
from app.ui.screens.cases.responsible import ResponsibleTab

CONSENT_COLOURS = {Consent.PUBLIC: "#2e7d32", Consent.PRIVATE_ONLY: "#ef6c00",
                   Consent.DO_NOT_RAISE: "#c62828"}


class CaseDetail(QWidget):
    """The selected case: a header (photo, names, status, days, consent badge, Edit/Save/
    Revert/Delete) and tabs. Read-only until Edit is pressed, so nothing is changed by a
    stray keystroke; the timeline, sources and attachments save each change as it is made."""

    case_saved = Signal(str)
    save_failed = Signal()  # Save found problems in the form, or the write was refused
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: VaultContext | None = None
        self.case: Case | None = None
        self.is_new = False
        self.editing = False
        self._writing = False
        self._days: int | None = None
        head = self._build_header()
        buttons = self._build_buttons()
        self._build_tabs()
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(head)
        body.addLayout(buttons)
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.body)
        self.clear()

    def _build_header(self) -> QGridLayout:
        """Photo, names, status, days and consent (laid out in the grid returned), and the
        placeholder shown instead when no case is selected."""
        self.photo = PlainLabel()
        self.photo.setFixedSize(112, 112)
        self.photo.setScaledContents(True)
        self.photo.setAccessibleName(self.tr("Photo"))
        self.name = PlainLabel()
        self.name.setObjectName("caseName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setWordWrap(True)
        self.name.setAccessibleName(self.tr("Name"))
        self.original = PlainLabel()
        font = self.original.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.original.setFont(font)
        self.original.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.original.setAccessibleName(self.tr("Name in original script"))
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        for widget in (self.name, self.original, self.status):
            widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.days = PlainLabel()
        self.days.setAccessibleName(self.tr("Days detained"))
        self.consent = PlainLabel()
        self.consent.setAccessibleName(self.tr("Consent"))
        self.placeholder = PlainLabel(self.tr("Select a case in the list to see it here, or add "
                                               "one with New case (Ctrl+N)."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        head = QGridLayout()
        head.addWidget(self.photo, 0, 0, 5, 1, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.name, 0, 1)
        head.addWidget(self.original, 1, 1)
        head.addWidget(self.status, 2, 1)
        head.addWidget(self.days, 3, 1)
        head.addWidget(self.consent, 4, 1, Qt.AlignmentFlag.AlignLeft)
        head.setColumnStretch(1, 1)
        return head

    def _build_buttons(self) -> QHBoxLayout:
        """Edit, Save, Revert, and Delete apart at the right."""
        self.edit_button = self._button(self.tr("Edit"), self.tr("Edit this case (Ctrl+E)"),
                                        self.edit)
        self.save_button = self._button(self.tr("Save"), self.tr("Save the case (Ctrl+S)"),
                                        self.save)
        self.revert_button = self._button(self.tr("Revert"),
                                          self.tr("Forget the changes not saved"), self.revert)
        self.delete_button = self._button(self.tr("Delete case…"),
                                          self.tr("Delete this case"), self.delete_requested.emit)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.save_button, self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        return buttons

    def _build_tabs(self) -> None:
        """The tabs: profile and notes (read, or the form while editing), timeline, asks,
        sources, attachments, responsible."""
        self.form = case_editor.ProfileForm()
        self.timeline = case_items.timeline_tab()
        self.sources = case_items.sources_tab()
        self.attachments = AttachmentsTab()
        self.responsible = ResponsibleTab()
        self.attachments.photo_changed.connect(self.set_photo)
        self.timeline.edited.connect(lambda items: self._save_part(events=items))
        self.sources.edited.connect(lambda items: self._save_part(sources=items))
        self.pages: dict[str, QTextBrowser] = {}
        for key, title in (("profile", self.tr("Profile")), ("asks", self.tr("Asks")),
                           ("notes", self.tr("Internal notes"))):
            page = QTextBrowser()
            page.setOpenLinks(False)
            page.setAccessibleName(title)
            self.pages[key] = page
        self.form_scroll = fit.vertical_form(self.form)
        self.profile_stack = self._stack(self.pages["profile"], self.form_scroll)
        self.notes_stack = self._stack(self.pages["notes"], self.form.notes)
        self.tabs = fit.show_all_tabs(QTabWidget())
        for widget, title in ((self.profile_stack, self.tr("Profile")),
                              (self.timeline, self.tr("Timeline")),
                              (self.pages["asks"], self.tr("Asks")),
                              (self.sources, self.tr("Sources")),
                              (self.notes_stack, self.tr("Internal notes")),
                              (self.attachments, self.tr("Attachments")),
                              (self.responsible, self.tr("Responsible"))):
            self.tabs.addTab(widget, title)

    def _button(self, text: str, description: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.setToolTip(description)
        button.clicked.connect(slot)
        return button

    @staticmethod
    def _stack(*widgets) -> QStackedWidget:
        stack = QStackedWidget()
        for widget in widgets:
            stack.addWidget(widget)
        return stack

    def set_context(self, ctx: VaultContext) -> None:
        self.ctx = ctx
        self.attachments.set_context(ctx)
        self.responsible.set_context(ctx)
        ctx.lock_requested.connect(self._hand_over_draft)

    def _today(self) -> date:
        return self.ctx.today() if self.ctx is not None else date.today()

    # -- showing -------------------------------------------------------------------------------
    def show_case(self, case: Case, photo: bytes | None, asks, days_detained) -> None:
        if self.editing and self.case is not None and case.id != self.case.id:
            self._set_editing(False)  # the list already asked before leaving unsaved edits
        same = self.case is not None and self.case.id == case.id and not self.is_new
        self.case, self.is_new, self._days = case, False, days_detained
        self.set_photo(photo)
        self.pages["asks"].setHtml(asks_html(asks))
        self._render()
        if not same:
            self.attachments.show_case(case.id)
        self.responsible.show_case(case)
        self.placeholder.hide()
        self.body.show()

    def _render(self) -> None:
        case = self.case
        self.name.setText(case.display_name or self.tr("New case"))
        self.original.setText(case.name_original or "")
        status = label(case.status) if case.status else self.tr("Status unknown")
        if case.status_since:
            status = self.tr("{0} since {1}").format(status, str(case.status_since))
        self.status.setText(status)
        self.days.setText(self.tr("{0:,} days detained").format(self._days)
                          if self._days is not None else "")
        if case.consent:
            colour = CONSENT_COLOURS.get(case.consent, "#555555")
            self.consent.setText(self.tr("Consent: {0}").format(label(case.consent)))
            self.consent.setStyleSheet(f"color: white; background: {colour}; "
                                       "border-radius: 4px; padding: 2px 6px;")
        else:
            self.consent.setText(self.tr("Consent not recorded"))
            self.consent.setStyleSheet("border: 1px solid #888; border-radius: 4px; "
                                       "padding: 2px 6px;")
        self.pages["profile"].setHtml(profile_html(case))
        self.pages["notes"].setHtml(notes_html(case))
        self.timeline.set_items(case.events)
        self.sources.set_items(case.sources)
        for widget in (self.timeline, self.sources, self.attachments, self.responsible,
                       self.delete_button):
            widget.setEnabled(not self.is_new)

    def set_photo(self, photo: bytes | None) -> None:
        pixmap = pictures.picture(photo)
        if pixmap is not None:
            self.photo.setPixmap(pixmap)
        else:
            self.photo.clear()
            self.photo.setText(self.tr("No photo"))
            self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def clear(self) -> None:
        self._set_editing(False)
        self._set_writing(False)
        self.case, self.is_new, self._days = None, False, None
        for widget in (self.photo, self.name, self.original, self.status, self.days,
                       self.consent):
            widget.clear()
        for page in self.pages.values():
            page.clear()
        self.form.clear()
        self.timeline.clear()
        self.sources.clear()
        self.attachments.clear()
        self.responsible.clear()
        self.body.hide()
        self.placeholder.show()

    # -- editing -------------------------------------------------------------------------------
    def start_new(self, case: Case) -> None:
        """An empty case, only in memory until it is saved with a display name."""
        self.clear()
        self.case, self.is_new = case, True
        self.set_photo(None)
        self._render()
        self.placeholder.hide()
        self.body.show()
        self.edit()

    def edit(self) -> None:
        if self.case is None or self.editing or self.ctx is None:
            return
        self.form.load(self.case)
        self._set_editing(True)
        if self.tabs.currentWidget() is not self.notes_stack:
            self.tabs.setCurrentWidget(self.profile_stack)
        fit.scroll_to_top(self.form_scroll)  # the first field in view, wherever the last was
        self.form.display_name.setFocus()

    def _set_editing(self, editing: bool) -> None:
        self.editing = editing
        self.profile_stack.setCurrentIndex(1 if editing else 0)
        self.notes_stack.setCurrentIndex(1 if editing else 0)
        self.edit_button.setEnabled(not editing)
        self.save_button.setEnabled(editing)
        self.revert_button.setEnabled(editing)

    def has_unsaved_changes(self) -> bool:
        return self.editing and (self.is_new or self.form.is_dirty())

    def _hand_over_draft(self) -> None:
        """Locking: the unsaved profile and notes are kept in the vault, to be offered back."""
        if self.ctx is None or self.case is None or not self.editing or \
                not self.form.is_dirty():
            return
        title = self.form.display_name.text().strip() if self.is_new else \
            self.case.display_name
        self.ctx.keep_draft(drafts.Draft(drafts.CASE, self.case.id, title, self.form.draft(),
                                         new=self.is_new))

    def restore_draft(self, draft: drafts.Draft) -> None:
        """Edit again what was kept at lock: the case shown (or a new one) with the form as
        it was, unsaved."""
        if draft.new:
            self.start_new(Case(id=draft.record_id, display_name=""))
        elif self.case is None or self.case.id != draft.record_id:
            return
        else:
            self.edit()
        self.form.restore(draft.fields)

    def revert(self) -> None:
        if not self.editing:
            return
        if self.is_new:
            self.clear()
            return
        self.form.load(self.case)
        self._set_editing(False)

    def save(self) -> None:
        if not self.editing or self.case is None or self.ctx is None:
            return
        case, problems = self.form.build(self.case, self._today())
        if case is None:
            self.save_failed.emit()
        else:
            self._write(case, finish=True)

    def _save_part(self, **changes) -> None:
        """A timeline or sources change: saved at once, on the case as last loaded (edits
        pending in the profile form stay pending)."""
        if self.case is not None and not self.is_new:
            self._write(replace(self.case, **changes), finish=False)

    def _write(self, case: Case, *, finish: bool) -> None:
        # One write at a time: each is built on the case as last saved, so a second one
        # started meanwhile would silently undo the first.
        if self._writing:
            self.ctx.say(self.tr("Still saving the last change; try again in a moment."))
            return
        self._set_writing(True)

        def done(_result) -> None:
            self._set_writing(False)
            if self.case is None or self.case.id != case.id:
                return  # cleared or moved on meanwhile
            self.case, self.is_new = case, False
            if finish:
                self._set_editing(False)
            self._render()
            self.attachments.show_case(case.id)
            self.ctx.say(self.tr("Saved."))
            self.case_saved.emit(case.id)

        def failed(error: BaseException) -> None:
            self._set_writing(False)
            text = (str(error) if isinstance(error, VigilError) else
                    self.tr("Something went wrong; nothing was saved."))
            if finish:
                self.form.problems.setText(text)
                self.form.problems.show()
                self.save_failed.emit()
            self.ctx.say(text)

        if self.ctx.write(lambda session: save_case(session, case), CASES, done,
                          on_failed=failed) is None:
            self._set_writing(False)

    def _set_writing(self, writing: bool) -> None:
        self._writing = writing
        for tab in (self.timeline, self.sources):
            for button in (tab.add_button, tab.edit_button, tab.remove_button):
                button.setEnabled(not writing)
        self.save_button.setEnabled(self.editing and not writing)


def _esc(value) -> str:
    return html.escape(str(value))


def profile_html(case: Case) -> str:
    facts = [(tr("Other names"), " · ".join(f"{n.name}" for n in case.other_names)),
             (tr("Gender"), label(case.gender) if case.gender else ""),
             (tr("Born"), case.birth_year or ""), (tr("Ethnicity"), case.ethnicity or ""),
             (tr("Nationality"), ", ".join(case.nationalities)),
             (tr("Category"), label(case.category) if case.category else ""),
             (tr("Occupation"), case.occupation or ""),
             (tr("Location"), case.location or ""), (tr("Facility"), case.facility or ""),
             (tr("Charges"), "; ".join(case.charges)), (tr("Sentence"), case.sentence or ""),
             (tr("Sentence ends"), case.sentence_ends or ""),
             (tr("Lawyer access"), label(case.lawyer_access) if case.lawyer_access else ""),
             (tr("Family access"), label(case.family_access) if case.family_access else ""),
             (tr("Consular access"),
              label(case.consular_access) if case.consular_access else ""),
             (tr("Health concerns"), case.health_concerns or ""),
             (tr("Sensitivity"), label(case.sensitivity) if case.sensitivity else ""),
             (tr("Priority"), case.priority or ""), (tr("Tags"), ", ".join(case.tags))]
    rows = "".join(f"<tr><td><b>{_esc(k)}</b>&nbsp;&nbsp;</td><td>{_esc(v)}</td></tr>"
                   for k, v in facts if v)
    summary = f"<p>{_esc(case.summary)}</p>" if case.summary else ""
    if not rows and not summary:
        empty = tr("Nothing recorded yet. Press Edit (Ctrl+E) to fill in the profile.")
        return f"<p>{_esc(empty)}</p>"
    return f"{summary}<table>{rows}</table>"


def asks_html(asks) -> str:
    if not asks:
        nobody = tr("Nobody has raised this case yet.")
        return f"<p>{_esc(nobody)}</p>"
    out = []
    for view in asks:
        ask = view.ask
        who = view.raised_by or "?"
        line = f"<b>{_esc(ask.date)}</b> · {_esc(who)}"
        if view.raised_with:
            line += _esc(tr(" with {0}").format(view.raised_with))
        line += " · " + _esc(tr("public") if ask.public else tr("private"))
        if ask.channel:
            line += " · " + _esc(label(ask.channel))
        if ask.requests:
            line += "<br>" + _esc(tr("Asked: {0}").format(
                ", ".join(label(r) for r in ask.requests)))
        if ask.response:
            line += "<br>" + _esc(tr("Response: {0}").format(label(ask.response)))
        if ask.response_text:
            line += f" — {_esc(ask.response_text)}"
        if ask.follow_up_due:
            line += "<br>" + _esc(tr("Follow-up due: {0}").format(ask.follow_up_due))
        if ask.notes:
            line += "<br>" + _esc(ask.notes)
        out.append(f"<p>{line}</p>")
    return "".join(out)


def notes_html(case: Case) -> str:
    if not case.internal_notes:
        none_yet = tr("No internal notes. Press Edit (Ctrl+E) to write some.")
        return f"<p>{_esc(none_yet)}</p>"
    return "<p>" + _esc(case.internal_notes).replace("\n", "<br>") + "</p>"
