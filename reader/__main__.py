"""`python -m reader` runs the command line front door."""

import sys

from reader.cli import main

if __name__ == "__main__":  # a spawned import worker imports this module too: it must not start the app
    if getattr(sys, "frozen", False):  # only a frozen app needs it; multiprocessing costs the window's start
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
