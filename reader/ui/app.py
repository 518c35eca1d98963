"""Starting the window: QApplication, theme, stores, and the offscreen screenshot mode."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QWidget

    from reader.ui.main_window import MainWindow
    from reader.ui.single_instance import Claim

START = time.perf_counter()
CODE_CACHE = "pyside-support.marshal"  # in the profile's cache folder (reader/ui/pyside_code_cache.py)


def parse_size(text: str) -> tuple[int, int]:
    """'1280x800' -> (1280, 800), with a clear error for anything else."""
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise SystemExit(f"news-reader: --size takes WIDTHxHEIGHT, like 1280x800, not {text!r}") from None
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise SystemExit("news-reader: --size must be between 200x200 and 10000x10000")
    return w, h


def has_display() -> bool:
    """False on a Linux/BSD machine with no X11 or Wayland display and no explicit Qt platform."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_app(args: argparse.Namespace) -> int:
    """Open the window (or render it to a PNG with --screenshot) and run until it closes.

    The garbage collector is off until the window's frame is built and frozen (`gc.freeze`): the start makes many
    objects (PySide6's classes and enums, the modules) and frees few, so the collections their allocations set off
    (16 M instructions before the first paint) found next to nothing (75 objects)."""
    if getattr(args, "self_test", False):
        from reader.ui.self_test import run_self_test

        return run_self_test()
    gc.disable()
    try:
        return _run_window(args)
    finally:
        gc.enable()


def _run_window(args: argparse.Namespace) -> int:
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not has_display():
        print("news-reader: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set). "
              "Run it on a desktop, or render the window to a picture with --screenshot FILE.png.",
              file=sys.stderr)  # fmt: skip
        return 2
    from reader.paths import resolve_paths, resources_dir
    from reader.ui.pyside_code_cache import import_qt

    paths = resolve_paths(args.data_dir, args.profile).ensure()
    import_qt(paths.cache / CODE_CACHE)  # PySide6's support code without compiling it again
    from PySide6.QtWidgets import QApplication

    from reader.ui.pyside_imports import read_sources_lightly

    read_sources_lightly()  # before the window's modules are imported: PySide6 looks at each of them
    from reader.ui.idle_release import share_one_heap

    share_one_heap()  # before the window starts a thread
    from reader.core.errors import ReaderError
    from reader.settings import Settings
    from reader.ui.main_window import MainWindow
    from reader.ui.quit_signals import QuitOnSignals
    from reader.ui.single_instance import claim_profile
    from reader.ui.startup import show_notices, start_after_first_paint
    from reader.ui.themes import apply_theme, new_application

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"news-reader: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    existing = QApplication.instance()
    # The window needs a widget application; a bare QCoreApplication left by other code cannot show one.
    app = existing if isinstance(existing, QApplication) else new_application(sys.argv[:1])
    app.setApplicationName("News Reader")
    app.setDesktopFileName("news-reader")
    if args.screenshot:
        app.setWindowIcon(window_icon(resources_dir() / "icons"))  # a real start sets it after the first paint
    # the channel for later starts is opened after the first paint (QtNetwork is not needed to show the window)
    claim = None if args.screenshot else claim_profile(paths, args.paths, listen=False)
    if claim is not None and (claim.handed_over or claim.server is None and claim.lock is None):
        if claim.error:  # printed and shown: a double-clicked app has no terminal
            from PySide6.QtWidgets import QMessageBox

            from reader.ui.plain_text import message_box

            print(f"news-reader: {claim.error}", file=sys.stderr)
            message_box(None, QMessageBox.Icon.Warning, "News Reader", claim.error)
        return 0 if claim.handed_over else 1
    settings = Settings(paths.settings_file)
    # the focus frames once the first paint is on screen (`window_panes.build_panes`), unless drawn at once
    apply_theme(app, args.theme or settings.get("theme"), frames=bool(args.screenshot))
    quit_on_signals = QuitOnSignals(app)  # before the window: a kill while it is being built still closes it
    # A screenshot opens the cache before drawing; the window paints first and opens it after (reader/ui/startup.py)
    cache_notice = None
    if args.screenshot:
        from reader.core.store.cache_health import ensure_cache_usable

        cache_notice = ensure_cache_usable(paths.library_db)
    try:
        window = MainWindow(paths, settings, files=args.paths, samples=not args.no_samples,
                            deferred=not args.screenshot)  # fmt: skip
    except ReaderError as exc:  # the user database cannot be opened: say so, touch nothing
        message = f"{exc}\n\nYour daily backups are in {paths.backups}."
        print(f"news-reader: {message}", file=sys.stderr)
        if not args.screenshot:
            from PySide6.QtWidgets import QMessageBox

            from reader.ui.plain_text import message_box

            message_box(None, QMessageBox.Icon.Critical, "News Reader cannot open your data", message)
        return 1
    if args.screenshot:
        show_notices(window, [n for n in (window.session.notice, cache_notice, settings.error) if n], box=False)
        gc.enable()  # the scan and the tagging run before the picture is taken
        return _screenshot(app, window, args)
    # the icon (5 PNGs read: 10 ms) once the window shows; the session and the cache, the list, the last article and
    # the rescan; then the channel for later starts
    start_after_first_paint(window, None if claim is None else lambda: _listen(window, claim),
                            notices=[settings.error] if settings.error else [],
                            painted=lambda: app.setWindowIcon(window_icon(resources_dir() / "icons")))  # fmt: skip
    if window.layout_restored:  # put back as the last session left it when it was built
        window.show()
    else:
        show_fitted(window, parse_size(args.size))
    quit_on_signals.attach(window)
    # The modules and the window built so far live as long as the app: out of the garbage collector's sight,
    # a full pass (which holds the GIL, so the window waits) walks only what was made since, not all of it.
    gc.freeze()
    gc.enable()
    try:
        status = app.exec()
        return 1 if window.data_error else status  # the user database could not be opened (after the first paint)
    finally:
        quit_on_signals.uninstall()


def _listen(window: MainWindow, claim: Claim) -> None:
    """Open the channel later starts hand their files over on, and show what they send."""
    from reader.ui.single_instance import show_files

    server = claim.listen()
    if server is not None:
        server.files_received.connect(lambda files: show_files(window, files))


def window_icon(folder: Path) -> QIcon:
    """The app's icon from its PNGs (news-reader-16.png ... -256.png, drawn from news-reader.svg by
    scripts/make_icons.py --window); the SVG only when they are missing: drawing it loads QtSvg and its
    icon plugin, 1.4 MB the window would keep all day."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in sorted(folder.glob("news-reader-*.png")):
        icon.addFile(str(png))
    if icon.isNull() and (folder / "news-reader.svg").is_file():
        icon = QIcon(str(folder / "news-reader.svg"))
    return icon


def show_fitted(window: QWidget, size: tuple[int, int]) -> None:
    """Show the window at `size`, or maximized when that would not fit the screen with its frame
    (a 1280x800 window on a 1280x800 screen would lose its status bar under the bottom edge)."""
    screen = window.screen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None and (size[0] >= room.width() or size[1] >= room.height() - 40):  # 40: a title bar
        window.showMaximized()
        return
    window.resize(*size)
    window.show()


def _screenshot(app, window, args: argparse.Namespace) -> int:
    """Build, scan synchronously, select, render and write the PNG; exit code 0 on success."""
    window.resize(*parse_size(args.size))
    window.show()
    window.rescan(wait=True)
    from reader.ui.workers import tag_library

    try:  # entities too, so the picture shows what a user would see
        tag_library(window.library, lambda: False)
        window.redecorate()  # an article opened from the command line was shown before tagging
    except Exception as exc:  # a missing or unreadable model must not cost the screenshot
        print(f"news-reader: entities were not tagged: {type(exc).__name__}: {exc}", file=sys.stderr)
    if args.select:
        if not 1 <= args.select <= len(window.model.ids):
            print(f"news-reader: --select {args.select}: the list has {len(window.model.ids)} articles",
                  file=sys.stderr)  # fmt: skip
            return 2
        window.select_row(args.select - 1)
        window.list_view.setFocus()
    for _ in range(5):
        app.processEvents()
    out = Path(args.screenshot).expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(out), "PNG")
    window.close()
    if not ok:
        print(f"news-reader: could not write the screenshot to {out}", file=sys.stderr)
        return 2
    print(f"screenshot written to {out}")
    return 0
