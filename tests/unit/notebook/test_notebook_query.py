"""The notebook's query: each filter, both orders, the rows' article data and the orphan marks."""

from __future__ import annotations

from reader.core.store.notebook_query import NotebookQuery, notebook_ids, notebook_rows, notebook_sources


def quotes(nb, **query) -> list[str]:
    db = nb.library.db
    ids = notebook_ids(db, NotebookQuery(**query))
    rows = notebook_rows(db, ids)
    return [rows[i].quote or f"[note] {rows[i].note}" for i in ids]


def test_newest_first_lists_every_highlight_and_note(notebook) -> None:
    # the article note was written today, after the highlights' fixed March dates
    assert quotes(notebook) == ["[note] Follow up on the vote.", "days of talks", "Émile returns", "end the strike"]


def test_by_article_groups_by_title_then_position(notebook) -> None:
    assert quotes(notebook, order="article") == [
        "[note] Follow up on the vote.", "Émile returns", "end the strike", "days of talks",
    ]  # fmt: skip


def test_text_filter_searches_quotes_and_notes_in_any_case(notebook) -> None:
    assert quotes(notebook, text="STRIKE") == ["end the strike"]
    assert quotes(notebook, text="who is") == ["Émile returns"]  # found in the note only
    assert quotes(notebook, text="émile") == ["Émile returns"]  # beyond ASCII case folding
    assert quotes(notebook, text="follow up") == ["[note] Follow up on the vote."]


def test_colour_tag_and_source_filters(notebook) -> None:
    assert quotes(notebook, color="green") == ["days of talks"]
    assert quotes(notebook, tag="labour") == ["days of talks", "end the strike"]
    assert quotes(notebook, source="City Post") == ["[note] Follow up on the vote.", "Émile returns"]
    assert quotes(notebook, source="City Post", color="pink", text="who") == ["Émile returns"]


def test_date_range_takes_the_day_each_was_made_inclusive(notebook) -> None:
    assert quotes(notebook, date_from="2026-03-04", date_to="2026-03-05") == ["days of talks", "Émile returns"]
    assert quotes(notebook, date_to="2026-03-03") == ["end the strike"]


def test_rows_carry_the_articles_title_source_and_date(notebook) -> None:
    db = notebook.library.db
    row = notebook_rows(db, [notebook.ids["strike"]])[notebook.ids["strike"]]
    assert (row.quote, row.color, row.note) == ("end the strike", "yellow", "Nine days!")
    assert (row.title, row.source, row.published) == ("Harbour strike ends", "Coast Daily", "2026-03-02T08:00:00Z")
    assert row.start == notebook.articles["harbour"].text.index("end the strike")
    assert not row.orphaned
    assert notebook_sources(db) == ["City Post", "Coast Daily"]


def test_orphans_are_marked_with_why(notebook) -> None:
    db, s = notebook.library.db, notebook.session
    s.reanchor(notebook.articles["harbour"].id, "A completely different text now.")
    notebook.library.forget_paths([notebook.articles["budget"].path])  # kept: the user's, not in the library
    rows = notebook_rows(db, notebook_ids(db))
    status = {r.quote or r.note: r.status for r in rows.values()}
    assert status == {"end the strike": "unanchored", "days of talks": "unanchored", "Émile returns": "kept",
                      "Follow up on the vote.": "kept"}  # fmt: skip


def test_an_article_missing_from_the_cache_still_lists_its_highlights(notebook, tmp_path) -> None:
    from reader.core.store.library import Library

    empty = Library(tmp_path / "other-cache.sqlite3", user_db=notebook.session.store.path)
    try:
        rows = notebook_rows(empty.db, notebook_ids(empty.db))
        assert {r.status for r in rows.values()} == {"missing"}
        assert len(rows) == 4 and all(r.title == "" for r in rows.values())
    finally:
        empty.close()


def test_without_a_user_database_the_notebook_is_empty(tmp_path) -> None:
    from reader.core.store.library import Library

    lib = Library(tmp_path / "cache.sqlite3")
    try:
        assert notebook_ids(lib.db) == [] and notebook_sources(lib.db) == []
    finally:
        lib.close()
