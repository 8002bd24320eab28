"""Entry point of the frozen app: the `viewer` command line, which opens the window by default."""

import multiprocessing

if __name__ == "__main__":
    # The importer's worker processes are started with "spawn": in a frozen app each worker
    # is this same executable, and freeze_support() turns it into a worker instead of
    # starting a second window or command.
    multiprocessing.freeze_support()

    from viewer.cli import main

    raise SystemExit(main())
