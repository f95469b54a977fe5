"""The frozen program's entry point: the same command line as the `coop-desk` script."""

import sys

from coop_desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
