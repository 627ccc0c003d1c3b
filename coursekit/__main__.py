"""``python -m coursekit COMMAND``: the course's command line (see :mod:`coursekit.tooling.cli`)."""
import sys

from coursekit.tooling.cli import main

if __name__ == "__main__":
    sys.exit(main())
