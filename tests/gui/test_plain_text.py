# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Names are plain text on every screen. A name, title or note that looks like markup
(``<img src=…>``, ``<b>``, ``<a href>``), arriving by import or in a colleague's bundle, is
shown exactly as typed. Qt never reads it as rich text, so it never opens the file an
``<img>`` names. SVG attachments are not rendered, because they can name local files too.

The canary is a FIFO in the test's folder, watched by a child process. If Qt opens it for
reading (an ``<img src>`` read as markup, an SVG ``<image href>``), the opening is recorded
and unblocked, so a regression fails the test instead of hanging it.
"""

from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from PySide6.QtCore import QPoint
from PySide6.QtGui import Qt, QTextDocument  # QtGui's Qt: it has mightBeRichText
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolTip,
)

from app.domain.dates import FuzzyDate
from app.domain.enums import OrganisationKind, Response, Status
from app.domain.model import (
    Ask,
    Case,
    Event,
    Meeting,
    MeetingCase,
    Official,
    Organisation,
    OtherName,
    Source,
)
from app.services import asks, attachments, cases, directory, meetings
from app.services.attachments import Attachment
from app.sharing import colleagues
from app.ui import plain
from app.ui.log_ask import log_ask
from app.ui.screens.cases.attachments import AttachmentViewer
from app.ui.screens.cases.detail import CaseDetail
from app.ui.screens.settings.travel import TravelCasesDialog
from app.vault.vault import Vault
from tests.gui.conftest import NOW, PASSPHRASE

CANARY = "vigil-canary"  # relative: an attachment's file name keeps no folder
WATCHER = """
import os, sys, threading, time
fifo, log, parent = sys.argv[1], sys.argv[2], os.getppid()

def leave_with_the_test():  # even if pytest is killed
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)

threading.Thread(target=leave_with_the_test, daemon=True).start()
while True:
    fd = os.open(fifo, os.O_WRONLY)  # returns once someone opens it to read
    with open(log, "a") as out:
        out.write("opened\\n")
    os.close(fd)  # the reader sees the end of the file and goes on
"""


def hostile(marker: str) -> str:
    """A value that shows ``marker`` in bold, with an image and a link, if read as markup."""
    return f'<img src="{CANARY}"><b>{marker}</b><a href="file:{CANARY}">!</a>'


KEYS = ("vault", "case", "original", "other-name", "occupation", "charge", "summary",
        "internal-notes", "event-title", "event-text", "source-title", "source-notes",
        "organisation", "official-name", "official-title", "official-notes", "response",
        "ask-notes", "meeting-title", "meeting-place", "agenda", "meeting-ask", "talking-points",
        "colleague")
# a marker shows up in the text, bare if the value was read as markup: nothing else says it
VALUES = {f"hostile-{key}": hostile(f"hostile-{key}") for key in KEYS}
# "/" would be cut from a file name: this one opens a tag it never closes
VALUES["hostile-file"] = f'<img src="{CANARY}"><b>hostile-file.txt'
assert not any(a != b and a in b for a in VALUES for b in VALUES)


def v(key: str) -> str:
    return VALUES[f"hostile-{key}"]


ORG = Organisation(id="11111111-1111-4111-8111-111111111111", name=v("organisation"),
                   kind=OrganisationKind.GOVERNMENT)
OFFICIAL = Official(id="55555555-5555-4555-8555-555555555555", name=v("official-name"),
                    title=v("official-title"), organisation_id=ORG.id,
                    notes=v("official-notes"))
CASE = Case(
    id="22222222-2222-4222-8222-222222222222", display_name=v("case"),
    name_original=v("original"), other_names=(OtherName(name=v("other-name")),),
    occupation=v("occupation"), charges=(v("charge"),), summary=v("summary"),
    internal_notes=v("internal-notes"),
    status=Status.RSDL, status_since=FuzzyDate.parse("2025-02"),  # past a legal time limit
    events=(Event(id="66666666-6666-4666-8666-666666666666", date=FuzzyDate.parse("2025-02"),
                  title=v("event-title"), description=v("event-text")),),
    sources=(Source(id="88888888-8888-4888-8888-888888888888", title=v("source-title"),
                    notes=v("source-notes")),))
ASK = Ask(id="44444444-4444-4444-8444-444444444444", date=FuzzyDate.parse("2026-10-01"),
          raised_by_official_id=OFFICIAL.id, raised_with_organisation_id=ORG.id, public=True,
          response=Response.DENIED, response_text=v("response"), notes=v("ask-notes"),
          case_ids=(CASE.id,))
MEETING = Meeting(id="77777777-7777-4777-8777-777777777777", title=v("meeting-title"),
                  starts_at=NOW - timedelta(days=3), location=v("meeting-place"),
                  organisation_id=ORG.id, official_ids=(OFFICIAL.id,), agenda=v("agenda"),
                  cases=(MeetingCase(case_id=CASE.id, ask=v("meeting-ask"),
                                     talking_points=v("talking-points")),))


class Canary:
    def __init__(self, folder: Path) -> None:
        self.path = folder / CANARY
        self.log = folder / "canary-opened"

    def opened(self) -> int:
        return len(self.log.read_text().split()) if self.log.exists() else 0


@pytest.fixture
def canary(tmp_path, monkeypatch):
    """A FIFO named by every hostile value, in the working folder (the values name it
    relatively), and a child process that records any reader. Asked for before ``qtbot``,
    so the watcher outlives every widget."""
    found = Canary(tmp_path)
    os.mkfifo(found.path)
    watcher = subprocess.Popen([sys.executable, "-c", WATCHER, str(found.path),
                                str(found.log)])
    monkeypatch.chdir(tmp_path)
    yield found
    watcher.kill()
    watcher.wait()


def seed(session) -> None:
    directory.save_organisation(session, ORG)
    directory.save_official(session, OFFICIAL)
    cases.save_case(session, CASE)
    session.flush()
    asks.save_ask(session, ASK)
    meetings.save_meeting(session, MEETING)


def colleague_keys() -> tuple[str, str]:
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    signing = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw,
                                                                     PublicFormat.Raw)
    return recipient, base64.b64encode(signing).decode("ascii")


@pytest.fixture
def vault_dir(make_vault_dir):
    folder = make_vault_dir(seed, name=v("vault"))
    with Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False,
                      clock=lambda: NOW) as vault:
        attachments.add_attachment(vault, CASE.id, io.BytesIO(b"a note\n"), v("file"),
                                   media_type="text/plain")
        with vault.session() as session:
            colleagues.add_colleague(session, vault.identity, v("colleague"),
                                     *colleague_keys(), verified=False, now="2026-11-01")
    return folder


# -- what a user would read --------------------------------------------------------------------

def rendered(text: str) -> str:
    """``text`` as Qt shows it when it takes it for rich text."""
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def misread(where: str, text, rich: bool) -> list[str]:
    """A line for each hostile value that ``text`` does not show word for word."""
    if not isinstance(text, str) or not any(marker in text for marker in VALUES):
        return []
    shown = rendered(text) if rich else text
    return [f"{where}: {marker} read as markup ({text!r} shows {shown!r})"
            for marker, value in VALUES.items() if shown.count(marker) != shown.count(value)]


def label_is_rich(label: QLabel) -> bool:
    kind = label.textFormat()
    return kind != Qt.TextFormat.PlainText and (
        kind != Qt.TextFormat.AutoText or Qt.mightBeRichText(label.text()))


def tooltip(where: str, text) -> list[str]:
    # Qt shows a tooltip as rich text whenever it might be rich text
    return misread(where + " tooltip", text, isinstance(text, str) and Qt.mightBeRichText(text))


def model_texts(view: QAbstractItemView) -> list[tuple[str, bool]]:
    """(text, read as rich text) of every cell, or every header section, a view shows."""
    model, found = view.model(), []
    if model is None:
        return found
    roles = ((Qt.ItemDataRole.DisplayRole, False), (Qt.ItemDataRole.ToolTipRole, True))
    if isinstance(view, QHeaderView):
        across = view.orientation() == Qt.Orientation.Horizontal
        for section in range(model.columnCount() if across else model.rowCount()):
            found += [(model.headerData(section, view.orientation(), role), tip)
                      for role, tip in roles]
        return found

    def walk(parent, depth: int) -> None:
        # hasIndex: list and table models keep columnCount or hasChildren private
        row = 0
        while model.hasIndex(row, 0, parent):
            column = 0
            while model.hasIndex(row, column, parent):
                index = model.index(row, column, parent)
                found.extend((model.data(index, role), tip) for role, tip in roles)
                column += 1
            if depth < 3 and model.hasIndex(0, 0, model.index(row, 0, parent)):
                walk(model.index(row, 0, parent), depth + 1)
            row += 1

    walk(view.rootIndex(), 0)
    return found


def shown_everywhere() -> tuple[list[str], set[str], list[str]]:
    """Every widget alive: what it shows other than word for word, the hostile values it
    shows, and the tooltips that carry them."""
    problems, texts, tips = [], [], []
    for widget in QApplication.allWidgets():
        where = f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()}"
        if isinstance(widget, QLabel):
            texts.append(widget.text())
            problems += misread(where, widget.text(), label_is_rich(widget))
        if isinstance(widget, QAbstractButton | QLineEdit):
            texts.append(widget.text())  # always plain
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())  # what the document shows
            problems += misread(where, widget.toPlainText(), False)
        if isinstance(widget, QAbstractItemView):
            for text, tip in model_texts(widget):
                texts.append(text)
                # the delegate draws the display text as it is; the tooltip is guessed
                problems += tooltip(where, text) if tip else misread(where, text, False)
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                problems += tooltip(where, widget.tabToolTip(i))
        for tip in [widget.toolTip()] + [action.toolTip() for action in widget.actions()]:
            problems += tooltip(where, tip)
            tips.append(tip)
        if any(marker in widget.windowTitle() for marker in VALUES):
            problems.append(f"{where}: case data in a window title {widget.windowTitle()!r}")
    texts = [t for t in texts + tips if isinstance(t, str)]
    seen = {marker for marker in VALUES if any(marker in text for text in texts)}
    return problems, seen, [t for t in tips if any(marker in t for marker in VALUES)]


# -- the screens, with everything on them ------------------------------------------------------

class Boxes:
    """Message boxes asked instead of shown: each answers nothing, so nothing is deleted."""

    def __init__(self) -> None:
        self.built: list[QMessageBox] = []   # through exec(): their labels are checked
        self.static: list[str] = []          # QMessageBox.question() and the like

    def exec_(self, box) -> int:
        self.built.append(box)
        return 0

    def ask(self, _parent, _title, text, *_args, **_kwargs):
        self.static.append(text)
        return QMessageBox.StandardButton.Cancel


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    asked = Boxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.exec_(box))
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(asked.ask))
    return asked


def visit_everything(qtbot, win) -> None:
    """Every screen, the case with each tab and its dialogs, the confirmations."""
    dashboard = win.dashboard_screen
    row = next(r for r in range(dashboard.model.rowCount())
               if dashboard.model.ids_at(r, 0)[0] == CASE.id)
    with qtbot.waitSignal(win.cell_detail_shown, timeout=10_000):
        dashboard.matrix.entered.emit(dashboard.model.index(row, 0))

    detail = win.cases_screen.detail
    with qtbot.waitSignals([win.case_shown, detail.attachments.loaded], timeout=10_000):
        win.show_case(CASE.id)
    for tab in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(tab)
    detail.attachments.table.selectRow(0)
    with qtbot.waitSignal(detail.attachments.viewer_shown, timeout=10_000):
        detail.attachments.view()
    detail.attachments.remove()
    detail.timeline.table.setCurrentCell(0, 0)
    detail.timeline.remove()
    detail.timeline.edit()
    detail.sources.table.setCurrentCell(0, 0)
    detail.sources.edit()
    win.cases_screen.delete_case()
    detail.edit()

    def show(name: str, screen) -> None:
        with qtbot.waitSignal(screen.loaded, timeout=10_000):
            win.sidebar.setCurrentRow(win.sidebar.row(win.sidebar.findItems(
                name, Qt.MatchFlag.MatchStartsWith)[0]))

    show("Meetings", win.meetings_screen)
    win.meetings_screen.select_meeting(MEETING.id)
    win.meetings_screen.record_outcome()
    win.meetings_screen.cases.pick_case()

    show("Asks", win.asks_screen)
    win.asks_screen.table.selectRow(0)  # its line came with the list
    win.asks_screen.delete_selected()
    win.asks_screen.edit_selected()
    qtbot.waitUntil(lambda: any(d.save_button.isEnabled() for d in win.asks_screen.dialogs),
                    timeout=10_000)
    dialog = log_ask(win.ctx, win, case_ids=[CASE.id])
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass

    show("Officials", win.directory_screen)
    for tab in (win.directory_screen.organisations, win.directory_screen.officials):
        win.directory_screen.tabs.setCurrentWidget(tab)
        with qtbot.waitSignal(win.directory_screen.history_loaded, timeout=10_000):
            tab.table.selectRow(0)
        win.directory_screen.delete(tab)
    win.directory_screen.edit(win.directory_screen.officials)

    show("Colleagues", win.colleagues_screen)
    win.colleagues_screen.table.selectRow(0)
    win.colleagues_screen.mark_verified()
    win.colleagues_screen.remove_colleague()

    show("Settings", win.settings_screen)
    win.settings_screen.travel.choose.click()
    qtbot.waitUntil(lambda: bool(win.findChildren(TravelCasesDialog)), timeout=10_000)
    win.dashboard_screen.count_clicked.emit("past_time_limit")
    qtbot.waitUntil(lambda: getattr(win.dashboard_screen, "case_list", None) is not None,
                    timeout=10_000)
    win.tasks.wait()


def test_every_screen_shows_hostile_names_word_for_word(canary, qtbot, vault_dir, open_window,
                                                        boxes):
    win = open_window(vault_dir)
    visit_everything(qtbot, win)
    problems, seen, tips = shown_everywhere()
    for text in boxes.static:  # a static QMessageBox guesses the text's format
        problems += misread("QMessageBox", text, Qt.mightBeRichText(text))
    assert problems == []
    assert len(boxes.built) + len(boxes.static) == 6  # every confirmation was asked
    assert seen == set(VALUES), f"never shown: {sorted(set(VALUES) - seen)}"
    detail = win.cases_screen.detail
    assert detail.name.text() == v("case")
    assert detail.name.textFormat() == Qt.TextFormat.PlainText
    for tip in tips:  # shown for real, as when the pointer rests on them
        QToolTip.showText(QPoint(10, 10), tip, win)
        QToolTip.hideText()
    assert canary.opened() == 0


# -- pictures ----------------------------------------------------------------------------------

def svg_naming(path: Path) -> bytes:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="8" height="8"><image width="8" height="8" xlink:href="{path}"/>'
            f'<image width="8" height="8" href="file://{path}"/></svg>').encode()


def attachment(media_type: str) -> Attachment:
    return Attachment("a", "c", "picture", media_type, 10, "0" * 64, "me", "2026-11-28T09:00:00",
                      None, False)


@pytest.mark.parametrize("media_type", ["image/svg+xml", "image/png", "application/xml"])
def test_an_svg_attachment_is_never_rendered(canary, qtbot, media_type):
    viewer = AttachmentViewer(attachment(media_type), svg_naming(canary.path))
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.kind == ("text" if media_type == "application/xml" else "message")
    assert canary.opened() == 0


def test_an_svg_photo_is_not_drawn(canary, qtbot):
    detail = CaseDetail()
    qtbot.addWidget(detail)
    detail.set_photo(svg_naming(canary.path))
    assert detail.photo.pixmap().isNull()
    assert canary.opened() == 0


def test_pictures_in_common_formats_still_show(qtbot, png):
    viewer = AttachmentViewer(attachment("image/png"), png)
    qtbot.addWidget(viewer)
    assert viewer.kind == "image"
    detail = CaseDetail()
    qtbot.addWidget(detail)
    detail.set_photo(png)
    assert not detail.photo.pixmap().isNull()


# -- the helpers -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [v("case"), "a < b & c > d", "two\nlines  spaced",
                                  "<b>bold</b>\n<i>x</i>", "O'Brien <b>", "", "Lin Wenjie 林文杰"])
def test_literal_shows_the_text_as_typed(text):
    shown = plain.literal(text)
    assert (rendered(shown) if Qt.mightBeRichText(shown) else shown) == text


def test_a_plain_label_never_reads_markup(canary, qtbot):
    label = plain.PlainLabel(v("case"))
    qtbot.addWidget(label)
    label.show()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == v("case")
    assert canary.opened() == 0
