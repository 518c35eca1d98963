"""The frozen app's entry point: the same front door as the `news-reader` command."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
