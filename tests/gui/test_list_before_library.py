"""The article list in the window's first paint: its header names the order before the store is imported (the
library is given after the paint), and the row drawing's style constants are Qt's own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle

from reader.core.store.library import RowInfo
from reader.core.store.library_query import ListQuery
from reader.ui import article_row
from reader.ui.article_list import FIRST_ORDER, ArticleListModel, ArticleListView
from tests.gui.test_article_list import FakeLibrary

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("^This plugin does not support")]


def header(model: ArticleListModel) -> str:
    return str(model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))


def test_the_header_names_the_first_order_before_the_library_is_given_and_the_same_after(qtbot) -> None:
    model = ArticleListModel()
    view = ArticleListView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == 0
    assert header(model) == "Newest first  ▾"
    assert FIRST_ORDER == (ListQuery().sort, ListQuery().descending)  # the order the first query lists in
    lib = FakeLibrary([RowInfo("a", "Budget passes", "Harbour Gazette", "2025-03-12", 120, "/news/a.txt")])
    model.attach(lib)  # type: ignore[arg-type]
    model.set_query(ListQuery())
    assert model.rowCount() == 1
    assert header(model) == "Newest first  ▾"
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert header(model) == "Title A–Z  ▾"


def test_a_list_closed_before_it_was_given_a_library_clears_without_error(qtbot) -> None:
    model = ArticleListModel()
    model.clear()
    assert model.rowCount() == 0


def test_the_row_states_are_qt_s_own_values() -> None:
    assert article_row.SELECTED == QStyle.StateFlag.State_Selected.value
    assert article_row.STATE_ACTIVE == QStyle.StateFlag.State_Active.value
    assert article_row.item_view_item() == QStyle.ControlElement.CE_ItemViewItem
