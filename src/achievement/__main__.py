"""``python -m achievement``: the same command line as ``achievement``."""

import sys

from achievement.cli import main

if __name__ == "__main__":
    sys.exit(main())
