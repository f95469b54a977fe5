"""`python -m coop_desk` runs the command line."""

import sys

from coop_desk.cli import main

sys.exit(main())
