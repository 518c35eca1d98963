"""Subcommands of `news-reader`, one module each.

Each module defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`.
The CLI finds them here; a command imports Qt only inside `run` when it needs it.
"""
