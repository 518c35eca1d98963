"""Command line front door: subcommands, or the window when none is given.

Qt is imported only when a GUI command runs, so `news-reader extract` works without a display.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

import reader.commands
from reader import __version__

WINDOW_SIZE = "1280x800"  # the window's first size, and --screenshot's
# Options a plain start of the window is given (a desktop file, a profile), read without argparse: building its
# parsers and their translated words (gettext asks `locale`) cost 10 M instructions before the window could show
VALUE_OPTIONS = ("--data-dir", "--profile")
FLAGS = ("--no-samples",)


def _command_modules(only: str | None = None) -> list[ModuleType]:
    """The command modules (with `only`, just the module of that command name, if there is one)."""
    import pkgutil  # here, not at the top: the window needs no list of commands

    mods = []
    for info in sorted(pkgutil.iter_modules(reader.commands.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or (only is not None and info.name != only.replace("-", "_")):
            continue
        mod = importlib.import_module(f"reader.commands.{info.name}")
        if hasattr(mod, "NAME") and hasattr(mod, "run"):
            mods.append(mod)
    return mods


def _may_be_command(word: str) -> bool:
    """Whether `word` could name a command: a module of reader.commands is called so (`import` is in
    import_cmd.py). Listing the modules imports none of them."""
    import pkgutil

    names = {i.name for i in pkgutil.iter_modules(reader.commands.__path__) if not i.name.startswith("_")}
    return word.replace("-", "_") in names | {n.removesuffix("_cmd") for n in names}


def add_common_arguments(parser: argparse.ArgumentParser, *, default: object = None) -> None:
    """Options every command and the window share.

    A subcommand's copy has no default (`argparse.SUPPRESS`), so `--data-dir DIR` given before the
    command is not overwritten by the subcommand's own unset option.
    """
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help="keep user data, cache and settings under DIR")
    parser.add_argument("--profile", metavar="NAME", default=default, help="use a separate named set of user data")


def add_gui_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of the window itself (their defaults are `plain_window_args`' too)."""
    parser.add_argument("paths", nargs="*", help="article files or folders to open")
    parser.add_argument("--screenshot", metavar="FILE.png", help="render the window offscreen to FILE and exit")
    parser.add_argument("--select", type=int, metavar="N", help="with --screenshot: select the Nth article (1-based)")
    parser.add_argument("--size", default=WINDOW_SIZE, metavar="WxH", help="window size for --screenshot")
    parser.add_argument("--theme", choices=["light", "dark", "system"], help="colour theme")
    parser.add_argument("--no-samples", action="store_true", help="do not show the bundled sample library")
    parser.add_argument("--self-test", action="store_true",
                        help="check the installed app offscreen (samples, entities, highlight, exports) and exit")


def build_parser(only: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    """The parser with every command, or with `only` that one (starting a command then imports only its
    module: `entities --conll` must not pay for the export modules' imports)."""
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
    for mod in _command_modules(only):
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.HELP)
        add_common_arguments(p, default=argparse.SUPPRESS)
        mod.add_arguments(p)
        commands[mod.NAME] = mod
    return parser, commands


class _Unparsable(Exception):
    """The global options are malformed; the full parser will say so in words."""


class _QuietParser(argparse.ArgumentParser):
    """A parser that raises instead of printing, for a first look at the global options."""

    def error(self, message: str) -> NoReturn:
        raise _Unparsable(message)


def _after_global_options(args: Sequence[str]) -> list[str]:
    """`args` without the options every command shares, wherever they stand."""
    front = _QuietParser(add_help=False)
    add_common_arguments(front)
    try:
        return front.parse_known_args(list(args))[1]
    except _Unparsable:
        return list(args)


def plain_window_args(args: Sequence[str]) -> argparse.Namespace | None:
    """What the window's parser (`gui_main`) makes of `args` when they are only `--data-dir DIR`, `--profile NAME`
    (or `--option=value`) and `--no-samples`; None for anything else (a file, another option, a value that looks
    like an option, an abbreviation), which the full parser reads (and answers, or says what is wrong)."""
    found = argparse.Namespace(data_dir=None, profile=None, paths=[], screenshot=None, select=None, size=WINDOW_SIZE,
                               theme=None, no_samples=False, self_test=False)  # fmt: skip
    words = iter(args)
    for word in words:
        name, equals, value = word.partition("=")
        if name in VALUE_OPTIONS:
            if not equals:
                value = next(words, "-")
                if value.startswith("-"):
                    return None
            setattr(found, name[2:].replace("-", "_"), value)
        elif word in FLAGS:
            setattr(found, word[2:].replace("-", "_"), True)
        else:
            return None
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand, or open the window when none is named.

    The command is the first word after the global options, so `--data-dir DIR extract FILE` works
    as `git -C DIR log` does, and a folder that happens to be named like a command stays a folder
    when it comes after a window option.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    if plain_window_args(args_list) is not None:
        return gui_main(args_list)  # the window with only its usual options: no command to look for
    rest = _after_global_options(args_list)
    asks_about_program = any(a in ("-h", "--help", "--version") for a in rest) and not any(
        not a.startswith("-") for a in rest
    )
    if not asks_about_program and (not rest or rest[0].startswith("-") or not _may_be_command(rest[0])):
        return gui_main(args_list)  # no command named: the window, without importing every command's module
    parser, commands = build_parser(rest[0] if rest and not rest[0].startswith("-") else None)
    if not (rest and rest[0] in commands):
        parser, commands = build_parser()
    command = rest[0] if rest and rest[0] in commands else None
    if command is None and not asks_about_program:
        return gui_main(args_list)
    args = parser.parse_args(args_list)
    try:
        status = int(commands[args.command].run(args) or 0)
        sys.stdout.flush()  # inside the guard: a pipe closed early fails here, not at interpreter exit
        return status
    except BrokenPipeError:
        return _stdout_closed()


def _stdout_closed() -> int:
    """The reader of our output went away (`news-reader extract ... | head`): stop quietly, as `cat` does."""
    # Point stdout at /dev/null so the interpreter's final flush does not fail a second time.
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)
    return 128 + 13  # killed by SIGPIPE, as shells report it


def window_parser() -> argparse.ArgumentParser:
    """The parser of the window's options (`news-reader-gui`, or `news-reader` without a command)."""
    parser = argparse.ArgumentParser(prog="news-reader", description="Open the News Reader window.")
    add_common_arguments(parser)
    add_gui_arguments(parser)
    return parser


def gui_main(argv: Sequence[str] | None = None) -> int:
    """Open the window (the `news-reader-gui` entry point)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    args = plain_window_args(args_list) or window_parser().parse_args(args_list)
    from reader.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
