"""`python -m reader` runs the command line front door."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":  # a spawned import worker imports this module too: it must not start the app
    multiprocessing.freeze_support()
    sys.exit(main())
