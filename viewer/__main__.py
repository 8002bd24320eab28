"""`python -m viewer` is the `viewer` command."""

import gc

# Importing makes objects that live as long as the program (modules, classes, functions):
# the collector would walk them again and again, freeing nothing. Frozen, it never does.
gc.disable()
try:
    from viewer.cli import main
finally:
    gc.freeze()
    gc.enable()

raise SystemExit(main())
