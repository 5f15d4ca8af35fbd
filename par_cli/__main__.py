"""`par` and `python -m par_cli`: each command module registers its commands on the one app, then it runs.

(The modules are imported here, side by side, so that no command sits behind another: start-up stays short. A run
that names its command first, `par check FILE`, imports only that command's module: `app.main` registers only
the command run anyway, and the others' modules cost ~1.3 ms of its start.)
"""

import gc
import os
import sys

# Importing builds tens of thousands of long-lived objects (modules, classes, functions): the cyclic collector's
# passes over them while they are made find nothing to free and cost ~8 ms of every start (benchmarks/startup.py).
_collecting = gc.isenabled()
gc.disable()

# Each command or group of commands → the module of par_cli.cli that registers it (tests/test_startup.py).
MODULES = {
    **dict.fromkeys(("score", "explain", "rank", "check", "schema"), "commands"),
    **{"criteria": "criteria", "report": "reports", "appraisal": "appraisal", "cache": "appraisal"},
    **{"template": "forms", "import": "forms", "survey": "survey", "trend": "years", "gaps": "years"},
    **{"serve": "serve", "completion": "completion"},
}
_named = sys.argv[1] if len(sys.argv) > 1 and "_PAR_COMPLETE" not in os.environ else ""  # completion: all
if _named in MODULES:
    __import__(f"par_cli.cli.{MODULES[_named]}")
else:  # `par`, `par --help`, a misspelt command (click suggests the others), shell completion, tests
    from par_cli.cli import commands, criteria, reports, appraisal, forms, survey, years, serve, completion  # noqa: F401, I001 - each registers its commands, in `par --help` order
from par_cli.cli.app import app, main  # noqa: E402

if _collecting:
    gc.enable()

__all__ = ["app", "main"]

if __name__ == "__main__":
    main()
