"""Links in the window: drawn as links over every layer, opened only after confirming, never fetched.

Nothing here hands a link to the system for real: `QDesktopServices.openUrl` is replaced in every test that
could reach it, and the replacement records what it was given.
"""

from __future__ import annotations

import threading
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from reader.core.article import Article, Block, Link, make_article
from reader.ui import link_opening
from reader.ui.link_marks import LINK_ONLY_TEXT
from reader.ui.link_opening import confirm_box, confirm_text, host_span, open_link, openable

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]

FIRST = "Dockers in Tallinn went back to work, the union said on Monday."
SECOND = "Read the full statement or the older notice before the vote."
UNION = "https://union.example/statements/2025?id=7"
OLD = "javascript:alert(document.cookie)"


def linked_article() -> Article:
    return make_article(
        title="Harbour strike ends",
        blocks=[
            Block(FIRST, links=(Link(FIRST.index("the union"), FIRST.index(" said"), UNION),)),
            Block(SECOND, links=(Link(5, 23, "mailto:press@union.example"),
                                 Link(SECOND.index("the older"), SECOND.index(" before"), OLD))),
        ],
        source="Harbour Daily",
    )  # fmt: skip


class Opened:
    """Stands in for the confirmation and the system browser; records both."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: bool) -> None:
        self.asked: list[str] = []
        self.urls: list[str] = []
        self.warnings: list[str] = []
        self.answer = answer
        monkeypatch.setattr(link_opening, "ask_to_open", lambda _parent, href: self.asked.append(href) or self.answer)
        monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: self.urls.append(url.toString()) or True)
        monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: self.warnings.append(text))


def show(window, qtbot, article: Article) -> None:  # type: ignore[no-untyped-def]
    """Put `article` in the window's library (as if a file held it) and open it from the list."""
    window.library.store_file(str(Path(window.library_folders()[0]) / f"{article.id}.html"), 1.0, 1, [article])
    window.apply_view()
    assert window.select_article(article.id)
    qtbot.waitUntil(lambda: window.reading_pane.article is not None and window.reading_pane.article.id == article.id)


def point_of(pane, offset: int) -> QPoint:  # type: ignore[no-untyped-def]
    """The viewport point in the middle of the character at `offset` of the article text."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(offset))
    left = pane.cursorRect(cursor)
    cursor.setPosition(pane.doc_position(offset) + 1)
    return QPoint((left.left() + pane.cursorRect(cursor).left()) // 2, left.center().y())


def format_at(pane, offset: int):  # type: ignore[no-untyped-def]
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(offset) + 1)
    return cursor.charFormat()


def click(qtbot, pane, offset: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, offset))


@pytest.fixture
def window(make_window, qtbot):  # type: ignore[no-untyped-def]
    w = make_window()
    show(w, qtbot, linked_article())
    return w


def test_links_are_anchors_underlined_in_the_link_colour_over_text_of_its_own_colour(window) -> None:
    # Coloured text means an entity (people are blue and underlined): a link is only its underline.
    pane = window.reading_pane
    fmt = format_at(pane, FIRST.index("union"))
    plain = format_at(pane, FIRST.index("Monday"))
    assert fmt.isAnchor() and fmt.anchorHref() == UNION
    assert fmt.foreground().color() == plain.foreground().color() != pane.palette().link().color()
    assert fmt.underlineStyle() == fmt.UnderlineStyle.SingleUnderline
    assert fmt.underlineColor() == pane.palette().link().color()
    assert fmt.toolTip() == f"Link: {UNION}"
    assert not plain.isAnchor() and plain.underlineStyle() == fmt.UnderlineStyle.NoUnderline


def test_a_click_asks_first_and_cancel_opens_nothing(window, qtbot, monkeypatch) -> None:
    opened = Opened(monkeypatch, answer=False)
    click(qtbot, window.reading_pane, FIRST.index("union"))
    assert opened.asked == [UNION] and opened.urls == []


def test_a_click_and_open_opens_exactly_the_href(window, qtbot, monkeypatch) -> None:
    opened = Opened(monkeypatch, answer=True)
    click(qtbot, window.reading_pane, len(FIRST) + 2 + SECOND.index("full"))
    assert opened.asked == ["mailto:press@union.example"] and opened.urls == ["mailto:press@union.example"]


def test_a_javascript_link_is_refused_in_words_and_never_opened(window, qtbot, monkeypatch) -> None:
    opened = Opened(monkeypatch, answer=True)
    click(qtbot, window.reading_pane, len(FIRST) + 2 + SECOND.index("older"))
    assert opened.asked == [] and opened.urls == []
    assert opened.warnings == ["News Reader opens only web (http, https) and e-mail (mailto) links, so this one "
                               f"was not opened:\n{OLD}"]  # fmt: skip
    assert not openable(OLD) and not openable("file:///etc/passwd") and not openable("https://a.example/x y")
    assert openable(UNION) and openable("mailto:a@b.example")


def test_hovering_a_link_shows_its_address_in_the_status_bar(window, qtbot) -> None:
    pane = window.reading_pane
    qtbot.mouseMove(pane.viewport(), point_of(pane, FIRST.index("union")))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == UNION)
    qtbot.mouseMove(pane.viewport(), point_of(pane, FIRST.index("Monday")))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "")


def _drag(pane, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Press at `start`, move with the button held, release at `end` (as a hand drags)."""
    left, held = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    a, b = QPointF(point_of(pane, start)), QPointF(point_of(pane, end))
    up = Qt.MouseButton.NoButton
    steps = [(QEvent.Type.MouseButtonPress, a, left), (QEvent.Type.MouseMove, (a + b) / 2, left),
             (QEvent.Type.MouseMove, b, left), (QEvent.Type.MouseButtonRelease, b, up)]  # fmt: skip
    for kind, pos, buttons in steps:
        event = QMouseEvent(kind, pos, pane.viewport().mapToGlobal(pos), left, buttons, held)
        QApplication.sendEvent(pane.viewport(), event)


def test_dragging_across_a_link_selects_and_highlights_without_opening_it(window, qtbot, monkeypatch) -> None:
    opened = Opened(monkeypatch, answer=True)
    pane = window.reading_pane
    _drag(pane, FIRST.index("work") + 1, FIRST.index("said") + 1)  # starts before the link, ends after it
    assert opened.asked == [] and opened.urls == []
    assert pane.word_selection() == (FIRST.index("work"), FIRST.index(" on Monday"))
    window.registry.run("highlight-add")
    (mark,) = pane.layer("highlights")
    assert pane.article.text[mark.start : mark.end] == "work, the union said"
    inside = format_at(pane, FIRST.index("union"))
    assert inside.isAnchor() and inside.anchorHref() == UNION and inside.background().style() != Qt.BrushStyle.NoBrush
    pane.set_layer("highlights", [])
    assert format_at(pane, FIRST.index("union")).anchorHref() == UNION  # a layer's repaint keeps the link


def test_open_link_at_cursor_takes_the_link_under_the_caret(window, monkeypatch) -> None:
    opened = Opened(monkeypatch, answer=True)
    pane = window.reading_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(FIRST.index("union")))
    pane.setTextCursor(cursor)
    assert window.registry.commands["link-open"].help
    window.registry.run("link-open")
    assert opened.urls == [UNION]
    cursor.setPosition(pane.doc_position(FIRST.index("Monday")))
    pane.setTextCursor(cursor)
    window.registry.run("link-open")
    assert opened.urls == [UNION] and window.statusBar().currentMessage().startswith("There is no link at the cursor")


def test_a_link_only_item_is_listed_says_so_and_offers_its_link(make_window, qtbot, monkeypatch) -> None:
    window = make_window()
    item = make_article(title="Port authority notice", blocks=[], url="https://port.example/notice/12", format="rss")
    show(window, qtbot, item)
    assert window.model.row_of(item.id) >= 0
    from reader.ui.article_row import MetaRole

    meta = window.model.index(window.model.row_of(item.id), 0).data(MetaRole)
    assert meta.endswith("no text, a link only") and "0 words" not in meta
    from reader.ui.entity_feature import EntityFeature

    panel = next(f for f in window.features if isinstance(f, EntityFeature)).panel
    assert panel.empty_label.text() == "This item has no text of its own, so it names no one."
    pane = window.reading_pane
    text = pane.document().toPlainText()
    assert text == f"Port authority notice\n{LINK_ONLY_TEXT}https://port.example/notice/12"
    button = pane.viewport().findChild(QPushButton, "openItemLink")
    assert button.isVisible() and button.text() == "Open Link…"
    line = pane.document().lastBlock()
    assert button.y() > pane.cursorRect(QTextCursor(line)).bottom()  # under the line, not over it
    opened = Opened(monkeypatch, answer=False)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.asked == ["https://port.example/notice/12"] and opened.urls == []
    opened.answer = True
    window.registry.run("link-open")
    assert opened.urls == ["https://port.example/notice/12"]
    show(window, qtbot, linked_article())
    assert not button.isVisible()


def test_the_confirmation_names_the_host_and_cancel_is_the_default(qtbot, monkeypatch) -> None:
    tricky = "https://bank.example@evil.example:8443/login?next=<b>x</b>"
    start, end = host_span(tricky)
    assert tricky[start:end] == "evil.example"
    assert confirm_text(tricky) == ("<p>Open this link in your web browser?</p><p>https://bank.example@"
                                    "<b>evil.example</b>:8443/login?next=&lt;b&gt;x&lt;/b&gt;</p>")  # fmt: skip
    assert "<b>xn--le-6kc8da.example</b>" in confirm_text("https://аррle.example/")
    box = confirm_box(None, tricky)
    qtbot.addWidget(box)
    assert box.defaultButton() is box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert [b.text() for b in box.buttons() if b.objectName() == "openLink"] == ["Open"]
    assert box.detailedText() == tricky
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toString()) or True)
    QTimer.singleShot(0, lambda: qtbot.keyClick(QApplication.activeModalWidget(), Qt.Key.Key_Return))
    assert open_link(None, tricky) is False and urls == []  # Enter chose Cancel


def test_a_click_on_a_link_inside_a_highlight_opens_the_link_not_the_highlight_menu(window, qtbot, monkeypatch) -> None:
    opened = Opened(monkeypatch, answer=False)
    pane = window.reading_pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.doc_position(FIRST.index("work")))
    cursor.setPosition(pane.doc_position(FIRST.index(" on Monday")), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    window.registry.run("highlight-add")
    assert len(pane.layer("highlights")) == 1
    pane.setTextCursor(QTextCursor(pane.document()))
    click(qtbot, pane, FIRST.index("union"))
    qtbot.wait(QApplication.doubleClickInterval() + 100)  # the highlight menu waits this long for a double-click
    assert opened.asked == [UNION] and QApplication.activePopupWidget() is None


# --- the pane alone ----------------------------------------------------------------------------


@pytest.fixture
def pane(qtbot):  # type: ignore[no-untyped-def]
    from reader.ui.reading_pane import ReadingPane

    p = ReadingPane()
    qtbot.addWidget(p)
    p.resize(700, 400)
    p.show()
    qtbot.waitExposed(p)
    p.show_article(linked_article())
    return p


def test_an_entity_over_a_link_keeps_its_colour_under_the_links_underline_and_address(pane) -> None:
    from reader.ui.entity_marks import entity_format
    from reader.ui.reading_pane import Mark

    union = FIRST.index("union")
    pane.set_layer("entities", [Mark(union, union + 5, entity_format("ORG", "light"), "Organisation: union")])
    pane.set_layer("highlights", [Mark(union - 4, union + 12, entity_format("PER", "light"), "")])  # no tooltip
    fmt = format_at(pane, union + 1)
    assert fmt.foreground().color() == entity_format("PER", "light").foreground().color()  # layers still win
    assert fmt.isAnchor() and fmt.anchorHref() == UNION
    assert fmt.underlineStyle() == fmt.UnderlineStyle.SingleUnderline
    assert fmt.underlineColor() == pane.link_color()
    assert fmt.toolTip() == f"Organisation: union\nLink: {UNION}"
    assert format_at(pane, FIRST.index("the union")).toolTip() == f"Link: {UNION}"
    pane.clear_layers()  # a new article's features start bare: the links stay, being the text's own
    fmt = format_at(pane, union + 1)
    assert fmt.anchorHref() == UNION and fmt.underlineColor() == pane.link_color()
    assert fmt.foreground().color() != entity_format("PER", "light").foreground().color()
    assert fmt.toolTip() == f"Link: {UNION}"


def test_links_stay_after_a_font_size_change_and_a_new_article_has_only_its_own(pane) -> None:
    pane.set_font_size(17)
    assert format_at(pane, FIRST.index("union")).anchorHref() == UNION
    pane.show_article(make_article(title="Other", blocks=[Block(FIRST)]))
    assert not format_at(pane, FIRST.index("union")).isAnchor()
    assert pane.link_at(FIRST.index("union")) is None


def test_the_link_colours_read_well_in_both_themes() -> None:
    from reader.core.styles import contrast_ratio
    from reader.ui.themes import THEMES

    for theme in THEMES.values():
        assert contrast_ratio(theme["link"], theme["base"]) >= 4.5
        assert theme["link"] != theme["text"]


def test_showing_and_hovering_linked_articles_makes_no_request(make_window, qtbot) -> None:
    from tests.e2e.test_privacy import CountingServer

    server = CountingServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(f"{server.base}/self-check", timeout=10) as answer:  # the counter counts
            assert answer.status == 200 and server.connections == 1
        server.connections, server.paths = 0, []
        window = make_window()
        base = server.base
        text = "See the photo, the page and the feed."
        links = (Link(4, 13, f"{base}/photo.jpg"), Link(15, 23, f"{base}/page"), Link(28, 36, f"{base}/feed.xml"))
        article = make_article(title="Links to a server", blocks=[Block(text, links=links)])
        show(window, qtbot, article)
        pane = window.reading_pane
        for k in links:
            qtbot.mouseMove(pane.viewport(), point_of(pane, k.start + 1))
            qtbot.waitUntil(lambda k=k: window.statusBar().currentMessage() == k.href)
        show(window, qtbot, make_article(title="Only a link", blocks=[], url=f"{base}/item"))
        window.reading_pane.set_font_size(15)
        qtbot.wait(300)
        assert server.connections == 0 and server.paths == []
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_a_new_theme_draws_the_links_in_its_own_link_colour(window, qtbot) -> None:
    from reader.ui.themes import THEMES, current_theme

    pane = window.reading_pane
    first = current_theme()
    try:
        window.toggle_theme()
        other = current_theme()
        assert other != first
        want = THEMES[other]["link"]
        qtbot.waitUntil(lambda: format_at(pane, FIRST.index("union")).underlineColor().name() == want)
        assert format_at(pane, FIRST.index("union")).anchorHref() == UNION
    finally:
        if current_theme() != first:
            window.toggle_theme()
    qtbot.waitUntil(lambda: format_at(pane, FIRST.index("union")).underlineColor().name() == THEMES[first]["link"])


def test_when_no_program_opens_the_link_its_address_is_offered_to_copy(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(link_opening, "ask_to_open", lambda _parent, _href: True)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    seen: list[tuple[str, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), box.detailedText()))
        box.accept()

    QTimer.singleShot(0, answer)
    assert open_link(None, UNION) is False
    assert seen == [("No program on this computer opened the link. Its exact address is under Show Details, to "
                     "copy into a browser or mail program.", UNION)]  # fmt: skip
