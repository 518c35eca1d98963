"""A first start's docks (no layout saved yet) put where `window_frame.place_docks` and `MainWindow._size_docks` put
them, from the state those leave, saved once (`scripts/make_first_layout.py`): `addDockWidget`, `splitDockWidget` and
`resizeDocks` take Qt enums, and PySide6 builds all 93 of `Qt`'s enum classes when the first is read (about 100 M
instructions before the first paint); `restoreState` takes bytes.

The state holds the docks' sizes for a window of `SIZE`: shown at another size (maximized on a small screen), the
window sizes its docks as new as before. With docks other than the state's (a panel added, or hidden by the
settings), they are placed as new.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

SIZE = (1280, 800)  # the window's size the state was saved at (reader.cli.WINDOW_SIZE)
# the docks the state places, by object name, and whether each is shown (the frame's `unplaced`, settings as new)
DOCKS = (("libraryDock", True), ("entityDock", True), ("savedSearchesDock", False))
STATE = bytes.fromhex(
    "000000ff00000000fd0000000100000000000000eb000002f2fc0200000003fb00000016006c006900620072006100720079"
    "0044006f0063006b0100000013000001720000004500fffffefb000000220073006100760065006400530065006100720063"
    "0068006500730044006f0063006b0000000000000000eb0000001000fffffffb000000140065006e00740069007400790044"
    "006f0063006b010000018b0000017a0000001000ffffff0000040f000002f200000004000000040000000800000008fc0000"
    "0000"
)  # written by scripts/make_first_layout.py


def place_first_docks(w: MainWindow) -> bool:
    """Place the docks of a first start from `STATE`; False (nothing done) when the window's docks are not its."""
    if [(dock.objectName(), visible) for dock, visible in w.unplaced] != list(DOCKS):
        return False
    if not w.restoreState(STATE):
        return False
    w.unplaced = []
    w.first_layout_size = SIZE
    return True
