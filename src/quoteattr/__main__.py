"""``python -m quoteattr``: the same command as ``quoteattr``."""

import sys

from quoteattr.cli import main

if __name__ == "__main__":
    sys.exit(main())
