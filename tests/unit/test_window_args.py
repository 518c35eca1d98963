"""A plain start of the window (`--data-dir`, `--profile`, `--no-samples`) is read without argparse, to the same
options the window's parser gives; anything else goes to that parser."""

from __future__ import annotations

import pytest

from reader.cli import plain_window_args, window_parser

PLAIN = [
    [],
    ["--no-samples"],
    ["--data-dir", "/tmp/profile", "--no-samples"],
    ["--data-dir=/tmp/a=b", "--profile", "work"],
    ["--profile=", "--data-dir", "x", "--data-dir", "y"],  # the last one counts, as argparse has it
    ["--no-samples", "--profile", "extract"],  # a value named like a command stays a value
]
NOT_PLAIN = [
    ["folder"],
    ["--data-dir"],
    ["--data-dir", "--no-samples"],
    ["--data", "x"],  # argparse's abbreviation
    ["--no-samples=yes"],
    ["--theme", "dark"],
    ["--help"],
    ["--version"],
    ["--data-dir", "x", "extract", "file.html"],
    ["--screenshot", "x.png"],
]


@pytest.mark.parametrize("args", PLAIN)
def test_a_plain_start_gets_what_the_parser_gives(args: list[str]) -> None:
    assert vars(plain_window_args(args)) == vars(window_parser().parse_args(args))


@pytest.mark.parametrize("args", NOT_PLAIN)
def test_anything_else_is_left_to_the_parser(args: list[str]) -> None:
    assert plain_window_args(args) is None
