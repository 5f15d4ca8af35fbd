"""Start-up stays cheap: `par score FILE --format json` loads no module it does not use.

Timings are measured by benchmarks/startup.py; this guards the imports that made them slow before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SPEC, env_without_color

PROBE = """
import sys
from par_cli.__main__ import main
sys.argv = ["par", {args}]
try:
    main()
except SystemExit:
    pass
print(__import__("json").dumps(sorted(sys.modules)), file=sys.stderr)
"""


def loaded_modules(*args: str, env: dict[str, str] | None = None) -> set[str]:
    code = PROBE.format(args=", ".join(repr(a) for a in args))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_score_json_loads_neither_pydantic_models_nor_rich_nor_a_process_pool() -> None:
    modules = loaded_modules("score", str(SPEC / "so-noi-vu.yaml"), "--format", "json")
    assert "par_cli.core.scoring" in modules and "pydantic_core" in modules
    for heavy in (
        "pydantic.main",
        "pydantic.plugin._loader",
        "importlib.metadata",
        "rich.console",
        "concurrent.futures",
        "par_cli.services.checking",
        "par_cli.writers.html",
        "openpyxl",
    ):
        assert heavy not in modules, heavy


def test_one_file_into_a_pipe_loads_neither_libyaml_nor_rich_drawing(tmp_path: Path) -> None:
    """A file in the plain subset is read the fast way (no libyaml: ~6 ms), and a table rich would draw without
    styles (a pipe) is drawn by `writers.plain` (no rich console, table or tree: ~40 ms); on the small example and
    on benchmarks/startup.py's 30 KB file and its 27 KB set."""
    from benchmarks.startup import large_file

    for file in (str(SPEC / "so-noi-vu.yaml"), str(large_file(tmp_path))):
        for args in (["score", file], ["score", file, "--format", "json"], ["check", file]):
            modules = loaded_modules(*args)
            assert "par_cli.core.scoring" in modules, args
            for heavy in ("yaml", "par_cli.yamlengine.loader", "rich.console", "rich.table", "rich.tree"):
                assert heavy not in modules, (heavy, args)
        assert "par_cli.writers.plain" in loaded_modules("score", file)


@pytest.mark.skipif(sys.platform != "linux", reason="the cache folder is worked out without platformdirs on Linux")
def test_a_criteria_set_kept_in_the_user_cache_costs_no_heavy_import(tmp_path: Path) -> None:
    """The 30 KB file's set found built (`services.criteria_cache`) in the user's cache folder: neither platformdirs
    (~3.5 ms), hashlib (OpenSSL, ~4 ms) nor pickle's Python module is imported for it."""
    from benchmarks.startup import large_file

    env = {name: value for name, value in os.environ.items() if name not in ("PAR_CACHE_DIR", "XDG_CACHE_HOME")}
    env["HOME"] = str(tmp_path / "home")
    file = str(large_file(tmp_path))
    for args in (["score", file], ["check", file], ["score", file, "--format", "json"]):
        modules = loaded_modules(*args, env=env)
        for heavy in ("platformdirs", "hashlib", "pickle", "yaml"):
            assert heavy not in modules, (heavy, args)
    assert len(list((tmp_path / "home" / ".cache" / "par" / "criteria-sets").iterdir())) == 1


def par(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "par_cli", *args], capture_output=True, text=True, env=env_without_color()
    )


def test_main_registers_only_the_command_being_run_yet_every_command_works() -> None:
    listing = par("--help")
    assert listing.returncode == 0
    for command in ("score", "explain", "rank", "check", "schema", "criteria", "template", "import", "survey"):
        assert f" {command} " in listing.stdout
    assert par("criteria", "list").returncode == 0
    assert "--depth" in par("score", "--help").stdout
    unknown = par("frobnicate")
    assert unknown.returncode == 2 and "No such command" in unknown.stderr
    scored = par("score", str(SPEC / "so-y-te.yaml"), "--format", "json")
    assert scored.returncode == 0 and json.loads(scored.stdout)["index"] == 25.38


GC_PROBE = """
import gc, json, sys
enabled_before = gc.isenabled()
from par_cli.__main__ import main
passes = []
gc.callbacks.append(lambda phase, info: phase == "start" and passes.append(info["generation"]))
sys.argv = ["par", "score", {file!r}, "--format", "json"]
try:
    main()
except SystemExit:
    pass
print(json.dumps([enabled_before, gc.isenabled(), len(passes), gc.get_freeze_count(), len(gc.get_objects())]),
      file=sys.stderr)
"""


def test_start_up_objects_are_left_out_of_collections_yet_the_collector_still_runs_during_a_command() -> None:
    """`par score FILE` spent ~25 ms in collections of what start-up built, most in the last one at exit."""
    code = GC_PROBE.format(file=str(SPEC / "so-noi-vu.yaml"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    enabled_before, enabled_after, passes, frozen, tracked = json.loads(result.stderr.strip().splitlines()[-1])
    assert enabled_before and enabled_after, result.stderr  # importing par_cli.__main__ gives the collector back
    assert passes > 0, result.stderr  # a command that makes garbage still has it collected
    assert frozen > 20_000 and tracked < 1_000, result.stderr  # nothing left for the pass at exit to look at


def test_shell_completion_is_built_only_when_asked_for() -> None:
    """typer builds its completion options only for `--show-completion`, `--install-completion` or the shell."""
    assert "--install-completion" not in par("--help").stdout


RUN = """
import json, runpy, sys
sys.argv = ["par", {args}]
try:
    runpy.run_module("par_cli", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(name for name in sys.modules if name.startswith("par_cli.cli."))), file=sys.stderr)
"""


def cli_modules(*args: str) -> set[str]:
    """The modules of `par_cli.cli` a run of `par ARGS` imports (as `par` runs: its arguments known first)."""
    code = RUN.format(args=", ".join(repr(a) for a in args))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_a_command_named_first_imports_its_module_alone() -> None:
    """`par check FILE` imports only the module registering `check` (`__main__.MODULES`, which names every command
    and group: each is its module's); a run not naming one first (`par --help`) imports them all."""
    from par_cli.__main__ import MODULES, app

    registered = {
        info.name or getattr(info.callback, "__name__", ""): getattr(info.callback, "__module__", "")
        for info in app.registered_commands
    }
    for group in app.registered_groups:
        commands = group.typer_instance.registered_commands if group.typer_instance is not None else []
        registered[str(group.name)] = {getattr(command.callback, "__module__", "") for command in commands}.pop()
    assert {name: f"par_cli.cli.{module}" for name, module in MODULES.items()} == registered
    alone = cli_modules("check", str(SPEC / "so-noi-vu.yaml"))
    assert "par_cli.cli.commands" in alone and not alone & {"par_cli.cli.forms", "par_cli.cli.completion"}
    assert {"par_cli.cli.commands", "par_cli.cli.forms", "par_cli.cli.completion"} <= cli_modules("--help")
