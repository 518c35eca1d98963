"""The window's features beyond reading: each is a class taking the MainWindow.

A feature adds its commands (through `window.registry`), its panels, and its marks on the
reading pane when `window.article_shown` fires. Listed here, in the order they attach.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def load_features() -> list[Callable[[Any], object]]:
    """The feature classes, imported when the window is built."""
    from reader.ui.annotation_feature import AnnotationFeature
    from reader.ui.entity_feature import EntityFeature

    return [AnnotationFeature, EntityFeature]
