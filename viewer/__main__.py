"""`python -m viewer` is the `viewer` command."""

from viewer.cli import main

raise SystemExit(main())
