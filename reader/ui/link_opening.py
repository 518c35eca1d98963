"""Opening an article's links: only on the user's click or command, only after they confirm, only web and mail.

The program never fetches a link itself: a confirmed link is handed to the system (`QDesktopServices.openUrl`,
the user's browser or mail program). Only http, https and mailto addresses without spaces or control
characters are ever handed over; anything else (javascript:, file:, data:...) is refused in words.
Hovering a link shows its address in the status bar. A link-only feed item gets a button under its line.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QObject, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from reader.core.article import Article
from reader.core.safe_text import is_link_url
from reader.ui.feature_context import FeatureContext
from reader.ui.link_marks import shown_href
from reader.ui.plain_text import message_box

OPENED_SCHEMES = ("http", "https", "mailto")


def openable(href: str) -> bool:
    """True for the only links ever handed to the system: http, https and mailto, as Qt reads them too."""
    url = QUrl(href)
    return is_link_url(href) and url.isValid() and url.scheme().lower() in OPENED_SCHEMES


def host_span(href: str) -> tuple[int, int]:
    """Where the host (for mailto: the address) lies in `href`, the part that says where the link goes."""
    parts = urlsplit(href)
    if parts.scheme.lower() == "mailto":
        start = len(parts.scheme) + 1
        return start, start + len(parts.path)
    at = len(parts.scheme) + 1  # "scheme:" then "//" and the authority
    if not parts.netloc or href[at : at + 2] != "//":
        return 0, 0
    host = parts.netloc.rpartition("@")[2]  # user:password@ is not where it goes
    host = host[: host.index("]") + 1] if host.startswith("[") and "]" in host else host.partition(":")[0]
    start = at + 2 + len(parts.netloc) - len(parts.netloc.rpartition("@")[2])
    return start, start + len(host)


def confirm_text(href: str) -> str:
    """The question, with the whole address below it (escaped) and its host in bold."""
    where = "e-mail program" if href.lower().startswith("mailto:") else "web browser"
    start, end = host_span(href)
    shown = f"{html.escape(href[:start])}<b>{html.escape(href[start:end])}</b>{html.escape(href[end:])}"
    lines = [f"<p>Open this link in your {where}?</p>", f"<p>{shown}</p>"]
    host = href[start:end]
    if not host.isascii():  # a look-alike letter from another script: say how the browser will spell it
        try:
            ascii_host = html.escape(host.encode("idna").decode())
            lines.append(f"<p>Its host, as your browser sends it: <b>{ascii_host}</b></p>")
        except UnicodeError:
            lines.append("<p>Its host holds characters that are not allowed in web addresses.</p>")
    return "".join(lines)


def confirm_box(parent: QWidget | None, href: str) -> QMessageBox:
    """Open / Cancel, Cancel the default (Enter and Escape both cancel); the exact address under Show Details."""
    box = QMessageBox(QMessageBox.Icon.Question, "Open Link", "", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.RichText)  # every piece of the address is escaped in confirm_text
    box.setText(confirm_text(href))
    box.setDetailedText(href)
    box.addButton("Open", QMessageBox.ButtonRole.AcceptRole).setObjectName("openLink")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def ask_to_open(parent: QWidget | None, href: str) -> bool:
    """Ask the user; True only when they chose Open."""
    box = confirm_box(parent, href)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "openLink"


def open_link(parent: QWidget | None, href: str) -> bool:
    """Hand `href` to the system browser or mail program after the user confirms; True when handed over."""
    if not openable(href):
        message_box(parent, QMessageBox.Icon.Warning, "Link Not Opened",
                    "News Reader opens only web (http, https) and e-mail (mailto) links, so this one was not "
                    f"opened:\n{shown_href(href) or '(an empty address)'}")  # fmt: skip
        return False
    if not ask_to_open(parent, href):
        return False
    if QDesktopServices.openUrl(QUrl(href)):
        return True
    failed = QMessageBox(QMessageBox.Icon.Warning, "Link Not Opened", "No program on this computer opened the "
                         "link. Its exact address is under Show Details, to copy into a browser or mail program.",
                         QMessageBox.StandardButton.Ok, parent)  # fmt: skip
    failed.setTextFormat(Qt.TextFormat.PlainText)
    failed.setDetailedText(href)
    failed.exec()
    return False


class LinkFeature(QObject):
    """The reading pane's links in the window: hover, click, the Open Link at Cursor command, link-only items."""

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.reading_pane)
        self.context = context
        self.pane = context.reading_pane
        self._hovered = ""
        self._released = ""  # the href under the last mouse release, which a click then opens
        self.button = QPushButton("Open Link…", self.pane.viewport())
        self.button.setObjectName("openItemLink")
        self.button.setToolTip("Open this item's link in your web browser (you are asked first)")
        self.button.hide()
        self.button.clicked.connect(self.open_item_link)
        context.registry.add("link-open", "Open &Link at Cursor…", self.open_at_cursor, menu="&Article",
                             help="Open the link at the caret, or a link-only item's link, after asking")  # fmt: skip
        context.article_shown.connect(self._on_article_shown)
        self.pane.anchorClicked.connect(self._on_anchor_clicked)
        self.pane.verticalScrollBar().valueChanged.connect(lambda _v: self._place_button())
        self.pane.viewport().installEventFilter(self)

    # --- hover and click ------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            self._hover(self.pane.anchorAt(event.position().toPoint()))
        elif kind == QEvent.Type.Leave:
            self._hover("")
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._released = self.pane.anchorAt(event.position().toPoint())  # before the pane reports a click
        elif kind == QEvent.Type.Resize:
            self._place_button()
        return False

    def _hover(self, href: str) -> None:
        if href == self._hovered:
            return
        self._hovered = href
        # The status bar draws plain text; control characters are left out so nothing can disguise the address.
        self.context.show_message(shown_href(href) if href else "", 0 if href else 1)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        # Qt reports a click only when no text was dragged across, so selecting over a link still works.
        href, self._released = self._released or self._selected_anchor() or url.toString(), ""
        self.open(href)

    def _selected_anchor(self) -> str:
        """The href of the link the keyboard chose (Qt selects its text)."""
        chosen = self.pane.textCursor()
        if not chosen.hasSelection():
            return ""
        cursor = QTextCursor(self.pane.document())
        cursor.setPosition(chosen.selectionStart() + 1)
        return cursor.charFormat().anchorHref()

    def open(self, href: str) -> bool:
        return open_link(self.context.dialog_parent(), href)

    # --- commands ------------------------------------------------------------------------------

    def open_at_cursor(self) -> None:
        """The link under the caret (or the selection's start); a link-only item's own link; else say how."""
        article = self.context.current_article()
        if article is None:
            return
        cursor = self.pane.textCursor()
        link = self.pane.link_at(self.pane.text_offset(cursor.selectionStart())) if article.blocks else None
        if link is not None:
            self.open(link.href)
        elif is_link_only(article):
            self.open_item_link()
        else:
            self.context.show_message("There is no link at the cursor: click a link, or move the caret onto one "
                                      "(F7 turns the caret on).", 5000)  # fmt: skip

    def open_item_link(self) -> None:
        article = self.context.current_article()
        if article is not None and article.url:
            self.open(article.url)

    # --- link-only items -------------------------------------------------------------------------

    def _on_article_shown(self, article: Article) -> None:
        self._hover("")
        self.button.setVisible(is_link_only(article))
        self._place_button()

    def _place_button(self) -> None:
        """Under the link-only line, where the text starts; it scrolls with the text."""
        if not self.button.isVisible():
            return
        end = QTextCursor(self.pane.document())
        end.movePosition(QTextCursor.MoveOperation.End)
        line = QTextCursor(end.block())
        self.button.adjustSize()
        self.button.move(self.pane.cursorRect(line).left(), self.pane.cursorRect(end).bottom() + 12)


def is_link_only(article: Article) -> bool:
    """A feed item with no text of its own, only a link (the pane offers to open it)."""
    return not article.blocks and bool(article.url)
