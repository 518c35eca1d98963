"""What the window's first paint shows in place of its panes: plain Qt widgets, framed and laid out as the panes are.

The sidebar, the article list, the reading pane and the notes panel are Python subclasses whose modules (and their
constructors) cost the first paint about 0.2 s of CPU, while the same plain Qt widgets cost a few ms. A window built
`deferred` shows these stand-ins first; `window_panes.build_panes` puts the real panes in their place right after
that paint. They share what decides their size and frame: the object names the style sheet could use, the list's
header, and the notes panel's whole layout (`notes_frame`), so no pane moves when the real ones arrive; the
sidebar's names, the list's rows and the pane's placeholder text come with them, and so does the focus style sheet
(`themes.frame_views`): the stand-ins have Fusion's own frame lines, at the same places, the header's words 1 px
nearer the corner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from reader.ui.qt_later import ALIGN_LEFT_VCENTER, SCROLL_BAR_ALWAYS_OFF

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

SORTS = (  # the sort menu: label, model column, descending (as a bool: Qt.SortOrder would be read to paint)
    ("Newest first", 3, True), ("Oldest first", 3, False), ("Title A–Z", 1, False), ("Title Z–A", 1, True),
    ("Source A–Z", 2, False), ("Source Z–A", 2, True), ("Longest first", 4, True), ("Shortest first", 4, False),
)  # fmt: skip
NOTE_PLACEHOLDER = "Write a note about this article (Markdown). Saved as you type."
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus ("focusPolicy"): a stand-in never takes the keys from the real panes


def header_text(sort_label: str) -> str:
    """The list's one shown header: the current order, and the mark saying it opens the sort menu."""
    return f"{sort_label}  ▾"


def notes_frame(panel: QWidget) -> tuple[QLabel, QPlainTextEdit, QLabel, QListWidget, QSplitter]:
    """The notes panel's parts laid out in `panel`: "Note" over its editor (disabled until an article is shown), beside
    "Highlights" over their list. The real panel and its stand-in are both made here: the same size and lines."""
    label = QLabel("Note")
    label.setObjectName("notesLabel")
    editor = QPlainTextEdit()
    editor.setObjectName("noteEditor")
    editor.setTabChangesFocus(True)
    editor.setPlaceholderText(NOTE_PLACEHOLDER)
    editor.setEnabled(False)
    highlights_label = QLabel("Highlights")
    highlights_label.setObjectName("highlightsLabel")
    highlights = QListWidget()
    highlights.setObjectName("highlightsList")
    highlights.setWordWrap(True)
    highlights.setUniformItemSizes(False)
    note_side, list_side = QWidget(), QWidget()
    for side, title, body in ((note_side, label, editor), (list_side, highlights_label, highlights)):
        lay = QVBoxLayout(side)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(title)
        lay.addWidget(body)
    splitter = QSplitter()  # horizontal
    splitter.addWidget(note_side)
    splitter.addWidget(list_side)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 1)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(8, 4, 8, 8)
    layout.addWidget(splitter)
    return label, editor, highlights_label, highlights, splitter


def put_stand_ins(w: MainWindow) -> None:
    """Fill the frame's places for the sidebar, the list, the reading pane and the notes with their stand-ins."""
    sidebar = QTreeWidget()
    sidebar.setObjectName("sidebar")
    sidebar.setHeaderHidden(True)
    sidebar.setRootIsDecorated(False)
    sidebar.setIndentation(10)
    rows = QTableView()
    rows.setObjectName("articleList")
    rows.setShowGrid(False)
    rows.verticalHeader().hide()
    rows.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
    header = rows.horizontalHeader()
    header.setProperty("defaultAlignment", ALIGN_LEFT_VCENTER)
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    labels = QStandardItemModel(0, 1, rows)
    labels.setHorizontalHeaderItem(0, QStandardItem(header_text(SORTS[0][0])))
    header.setModel(labels)
    pane = QTextBrowser()
    pane.setObjectName("readingPane")
    # its own frame (Fusion's line): the pane's is drawn by the focus style sheet, which the first paint goes without
    notes = QWidget()
    _label, editor, _highlights_label, highlights, _splitter = notes_frame(notes)
    w.stand_ins = [sidebar, rows, pane, notes]
    for widget in (sidebar, rows, pane, editor, highlights):  # not `findChildren`: it would wrap Qt-made widgets
        widget.setProperty("focusPolicy", NO_FOCUS)
    w.library_dock.setWidget(sidebar)
    w.list_stack.addWidget(rows)
    w.right.addWidget(pane)
    w.right.addWidget(notes)
