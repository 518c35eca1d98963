""""Always: X is Y": the user says two names are one entity (an alias kept in the user data, undoable).

The entity feature mixes `SameEntityActions` in; the rule itself is applied by the alias table
(`reader.core.entities.aliases`) in the panel, the top-entities view and `entity:` search.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QInputDialog, QWidget

from reader.core.entities import EntityGroup, EntitySpan
from reader.core.session import Session
from reader.ui.dialogs.top_entities import filter_name


def ask_target(parent: QWidget | None, group: EntityGroup, names: list[str]) -> str | None:
    """Ask which entity `group` is (a name of this article or any other); None when cancelled."""
    target, ok = QInputDialog.getItem(
        parent, "Same Entity", f"In every article, “{group.name}” is the same entity as:", names, 0, True)
    target = " ".join(target.split())
    return target if ok and target else None


class SameEntityActions:
    """The entity feature's alias actions (it provides the attributes declared here)."""

    session: Session
    groups: list[EntityGroup]
    _write: Callable[..., bool]
    context: Any
    panel: Any
    span_at_cursor: Callable[[], EntitySpan | None]

    def group_at_cursor(self) -> EntityGroup | None:
        """The group of the entity at the cursor, else the one chosen in the panel."""
        span = self.span_at_cursor()
        return next((g for g in self.groups if span in g.spans), None) if span else self.panel.current_group()

    def filter_name(self, group: EntityGroup) -> str:
        """The name for `entity:"…"` that finds the articles of `group` (the library's aliases and the user's
        rules applied, as the panel grouped it)."""
        return filter_name(group.name, group.key, self.context.library.alias_table())

    def same_entity(self, group: EntityGroup, target: str) -> bool:
        """Make every name of `group` count as `target` in every article (undo with Ctrl+Z)."""
        return self._write(lambda: self.session.add_alias(alias=group.name, target=target),
                           lambda a: f"“{a.alias}” is now the same entity as “{a.target}” in every article")

    def same_entity_dialog(self, group: EntityGroup | None) -> None:
        if group is None:
            self.context.show_message("Put the cursor on an entity first (] goes to the next one)", 3000)
            return
        same_type = [g.name for g in self.groups if g.type == group.type and g.key != group.key]
        target = ask_target(self.context.dialog_parent(), group, same_type)
        if target is not None:
            self.same_entity(group, target)

    def delete_alias(self, alias_id: str) -> None:
        self._write(lambda: self.session.delete_alias(alias_id),
                    lambda a: f"“{a.alias}” is no longer the same entity as “{a.target}”")  # fmt: skip

