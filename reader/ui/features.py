"""The window's features beyond reading: each is a class taking a `FeatureContext` (the window).

A feature adds its commands (through `context.registry`), its panels (`context.add_panel`), and its
layers of marks on the reading pane when `article_shown` fires or a write it cares about is applied.
Listed here, in the order they attach. Their modules are imported after the window's first paint
(`MainWindow.finish_building`); the panels they fill are named in `PANELS`, so the frame that paints first
has their room (and the last session's sizes) already.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.feature_context import FeatureContext

# (title, object name, the setting that shows it, "" for hidden until asked for), in the order the features add them
PANELS = (("Entities", "entityDock", "entity_panel_visible"), ("Saved Searches", "savedSearchesDock", ""))


def load_features() -> list[Callable[[FeatureContext], object]]:
    """The feature classes, imported when the window is built."""
    from reader.ui.annotation_feature import AnnotationFeature
    from reader.ui.entity_feature import EntityFeature
    from reader.ui.folder_watcher import FolderWatchFeature
    from reader.ui.keyboard_order import KeyboardOrder
    from reader.ui.link_opening import LinkFeature
    from reader.ui.saved_search_feature import SavedSearchFeature
    from reader.ui.search_feature import SearchFeature

    return [AnnotationFeature, EntityFeature, LinkFeature, SearchFeature, SavedSearchFeature,
            FolderWatchFeature, KeyboardOrder]
