"""The frozen app's entry point: the same front door as the `news-reader` command."""

import multiprocessing
import sys

from reader.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen import worker runs its task here instead of the app
    sys.exit(main())
