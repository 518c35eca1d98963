"""Command line front door: subcommands, or the window when none is given.

Qt is imported only when a GUI command runs, so `news-reader extract` works without a display.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

import reader.commands
from reader import __version__


def _command_modules() -> list[ModuleType]:
    mods = []
    for info in sorted(pkgutil.iter_modules(reader.commands.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"reader.commands.{info.name}")
        if hasattr(mod, "NAME") and hasattr(mod, "run"):
            mods.append(mod)
    return mods


def add_common_arguments(parser: argparse.ArgumentParser) -> None:
    """Options every command and the window share."""
    parser.add_argument("--data-dir", metavar="DIR", help="keep user data, cache and settings under DIR")
    parser.add_argument("--profile", metavar="NAME", help="use a separate named set of user data")


def add_gui_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the window itself."""
    parser.add_argument("paths", nargs="*", help="article files or folders to open")
    parser.add_argument("--screenshot", metavar="FILE.png", help="render the window offscreen to FILE and exit")
    parser.add_argument("--select", type=int, metavar="N", help="with --screenshot: select the Nth article (1-based)")
    parser.add_argument("--size", default="1280x800", metavar="WxH", help="window size for --screenshot")
    parser.add_argument("--theme", choices=["light", "dark", "system"], help="colour theme")
    parser.add_argument("--no-samples", action="store_true", help="do not show the bundled sample library")


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    parser = argparse.ArgumentParser(
        prog="news-reader",
        description="Read, annotate and export the news you keep on disk. Without a command, opens the window.",
        epilog="The window: news-reader [FILE or FOLDER ...] [--screenshot FILE.png [--select N] [--size WxH]]"
        " [--theme light|dark] [--no-samples]  (all of them: news-reader-gui --help)",
    )
    parser.add_argument("--version", action="version", version=f"news-reader {__version__}")
    add_common_arguments(parser)
    commands: dict[str, ModuleType] = {}
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in _command_modules():
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.HELP)
        add_common_arguments(p)
        mod.add_arguments(p)
        commands[mod.NAME] = mod
    return parser, commands


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand, or open the window when the first argument is not one."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
    first = next((a for a in args_list if not a.startswith("-")), None)
    wants_help = any(a in ("-h", "--help", "--version") for a in args_list)
    if first in commands or (wants_help and first is None):
        args = parser.parse_args(args_list)
        return int(commands[args.command].run(args) or 0)
    return gui_main(args_list)


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Open the window (the `news-reader-gui` entry point)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="news-reader", description="Open the News Reader window.")
    add_common_arguments(parser)
    add_gui_arguments(parser)
    args = parser.parse_args(args_list)
    from reader.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
