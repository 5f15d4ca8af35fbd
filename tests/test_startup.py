"""Start-up stays cheap: `par score FILE --format json` loads no module it does not use.

Timings are measured by benchmarks/startup.py; this guards the imports that made them slow before.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import SPEC

PROBE = """
import sys
from par_cli.cli import app
try:
    app([{args}])
except SystemExit:
    pass
print(__import__("json").dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_modules(*args: str) -> set[str]:
    code = PROBE.format(args=", ".join(repr(a) for a in args))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_score_json_loads_neither_pydantic_models_nor_rich_nor_a_process_pool() -> None:
    modules = loaded_modules("score", str(SPEC / "so-noi-vu.yaml"), "--format", "json")
    assert "par_cli.scoring" in modules and "pydantic_core" in modules
    for heavy in (
        "pydantic.main",
        "pydantic.plugin._loader",
        "importlib.metadata",
        "rich.console",
        "concurrent.futures",
        "par_cli.checking",
        "par_cli.render.html_out",
        "openpyxl",
    ):
        assert heavy not in modules, heavy
