"""`par` and `python -m par_cli`: each command module registers its commands on the one app, then it runs.

(The modules are imported here, side by side, so that no command sits behind another: start-up stays short.)
"""

from par_cli import cli, cli_appraisal, cli_survey, cli_years  # noqa: F401 - each registers its commands, in `par --help` order
from par_cli.app import app, main

__all__ = ["app", "main"]

if __name__ == "__main__":
    main()
