"""``python -m hq``: see :mod:`hq.cli`."""

from hq.cli import main

raise SystemExit(main())
