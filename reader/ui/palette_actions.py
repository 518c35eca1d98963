"""What the window does with a palette choice, what the palette finds in the library, and the recent choices.

Enter on a command runs it; on an article shows it (in All Articles when the list shown lacks it); on
an entity lists its articles (an `entity:` search); on a highlight or note opens the article there.
The recent choices (newest first, at most RECENT_KEPT) are a preference, not the user's work: they
are kept in the settings file as "palette_recent", so they come first again after a restart.
"""

from __future__ import annotations

import weakref
from dataclasses import asdict, fields, replace
from typing import TYPE_CHECKING, Any

from reader.core.palette_search import Found, find_articles, find_entities, find_highlights
from reader.core.styles import ENTITY_STYLES
from reader.ui.notebook_view import open_entry
from reader.ui.palette import CommandPalette

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

RECENT_KEPT = 20
_TEXT_FIELDS = {f.name for f in fields(Found) if f.name != "score"}
_recent: weakref.WeakKeyDictionary[MainWindow, list[Found]] = weakref.WeakKeyDictionary()


def recent_choices(w: MainWindow) -> list[Found]:
    """The window's recent palette choices, newest first (read from the settings the first time)."""
    if w not in _recent:
        _recent[w] = stored_choices(w.settings.get("palette_recent"))
    return _recent[w]


def stored_choices(value: Any) -> list[Found]:
    """The choices kept in the settings file; anything malformed (a hand-edited file) is skipped."""
    out: list[Found] = []
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict):
            text = {k: v for k, v in item.items() if k in _TEXT_FIELDS and isinstance(v, str)}
            if {"kind", "label", "key"} <= text.keys():
                out.append(Found(text["kind"], text["label"], text["key"], text.get("article_id", ""),
                                 text.get("entity_type", "")))  # fmt: skip
    return out[:RECENT_KEPT]


def find(w: MainWindow, query: str) -> list[Found]:
    """Articles, entities and highlights matching `query`, labelled as the user knows them."""
    db = w.library.db
    entities = [replace(e, label=f"{w.library.entity_name(e.key, e.entity_type)} ({_type_label(e.entity_type)})")
                for e in find_entities(db, query)]  # fmt: skip
    highlights = find_highlights(db, query)
    rows = w.library.rows(sorted({h.article_id for h in highlights}))
    highlights = [replace(h, label=f"“{h.label}” — {rows[h.article_id].title}" if h.article_id in rows else h.label)
                  for h in highlights]  # fmt: skip
    return [*find_articles(db, query), *entities, *highlights]


def _type_label(entity_type: str) -> str:
    style = ENTITY_STYLES.get(entity_type)
    return style.label if style is not None else entity_type


def show_palette(w: MainWindow) -> None:
    """Ctrl+K: choose, then do what the choice means; the choice becomes the most recent."""
    recent = recent_choices(w)
    present = w.library.rows([f.article_id for f in recent if f.kind == "article"])
    # an article whose files left the library is not offered again (a highlight stays: it is the user's)
    shown = [f for f in recent if f.kind != "article" or f.article_id in present]
    palette = CommandPalette(w.registry, w, finder=lambda q: find(w, q), recent=shown)
    if palette.exec() and palette.choice is not None:
        choose(w, palette.choice)


def choose(w: MainWindow, found: Found) -> None:
    """Do what a palette row means, and remember it first among the recent choices."""
    recent = recent_choices(w)
    recent[:] = [replace(found, score=0)] + [f for f in recent if (f.kind, f.key) != (found.kind, found.key)]
    del recent[RECENT_KEPT:]
    if not w.settings.set("palette_recent", [{k: v for k, v in asdict(f).items() if k != "score"} for f in recent]):
        w.show_message(w.settings.write_error, 10000)  # still first for this session
    if found.kind == "command":
        w.registry.run(found.key)
    elif found.kind == "article":
        open_article(w, found.article_id)
    elif found.kind == "entity":
        name = w.library.entity_name(found.key, found.entity_type)
        w.show_list_filter(f'entity:"{name.replace(chr(34), "")}"')
    elif found.kind == "highlight":
        open_entry(w, found.article_id, found.key)


def open_article(w: MainWindow, article_id: str) -> None:
    """Select the article in the list, in All Articles without a filter when the list shown lacks it."""
    if not w.select_article(article_id):
        w.filter_box.clear()
        if w.view_kind != "view" or w.view_value != "all":
            w.sidebar.select_view("all")
        w.apply_view()
        if not w.select_article(article_id):
            w.show_article(article_id)
    w.list_view.setFocus()
