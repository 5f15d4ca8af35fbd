"""`par` and `python -m par_cli`: each command module registers its commands on the one app, then it runs.

(The modules are imported here, side by side, so that no command sits behind another: start-up stays short.)
"""

import gc

# Importing builds tens of thousands of long-lived objects (modules, classes, functions): the cyclic collector's
# passes over them while they are made find nothing to free and cost ~8 ms of every start (benchmarks/startup.py).
_collecting = gc.isenabled()
gc.disable()

from par_cli.cli import commands, criteria, reports, appraisal, forms, survey, years, serve, completion  # noqa: E402, F401, I001 - each registers its commands, in `par --help` order
from par_cli.cli.app import app, main  # noqa: E402

if _collecting:
    gc.enable()

__all__ = ["app", "main"]

if __name__ == "__main__":
    main()
