"""``python -m desktop`` is the same program as the ``prolegis-desktop`` console script."""

import sys

from desktop.cli import main

sys.exit(main())
