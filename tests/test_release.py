"""The release an office installs: the wheel and sdist as built, installed into a clean venv, `par` run from PATH.

The venv gets par only from the wheel (its own site-packages); the libraries par needs are borrowed from the
test's environment through a path file, so that the test runs offline. `.ci/run` installs the wheel with its
dependencies from the index as well.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from par_cli import __version__
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CRITERIA = sorted(p.name for p in (ROOT / "criteria").glob("*.yaml"))
DISTRIBUTION = "par_index"  # the name on the package index (`par-index`); the command is `par`, the package par_cli


def build(kind: str, into: Path, source: Path = ROOT) -> Path:
    """A wheel or sdist built by hatchling from `source`, without network (no build isolation)."""
    if kind == "wheel":
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(into)]
        done = subprocess.run([*command, str(source)], capture_output=True, text=True)
    else:
        code = f"import hatchling.build as b; print(b.build_sdist({str(into)!r}))"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=source)
    assert done.returncode == 0, done.stderr
    [built] = into.glob(f"{DISTRIBUTION}-{__version__}*" + (".whl" if kind == "wheel" else ".tar.gz"))
    return built


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build("wheel", tmp_path_factory.mktemp("wheel"))


def test_the_wheel_carries_the_licence_the_sets_and_the_command(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = archive.read(f"{DISTRIBUTION}-{__version__}.dist-info/METADATA").decode()
        entry_points = archive.read(f"{DISTRIBUTION}-{__version__}.dist-info/entry_points.txt").decode()
        licence = archive.read(f"{DISTRIBUTION}-{__version__}.dist-info/licenses/LICENSE").decode()
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8") and licence.startswith("MIT License")
    assert {f"par_cli/criteria/{name}" for name in CRITERIA} <= names
    assert "par = par_cli.__main__:main" in entry_points
    assert "Name: par-index\n" in metadata and f"Version: {__version__}\n" in metadata
    assert "License-Expression: MIT\n" in metadata and "Requires-Python: >=3.11\n" in metadata
    assert "Classifier: Natural Language :: Vietnamese\n" in metadata


def test_the_changelog_names_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d\d-\d\d$", changelog, re.M), __version__


def test_the_sdist_holds_what_a_wheel_is_built_from(tmp_path: Path) -> None:
    sdist = build("sdist", tmp_path)
    top = f"{DISTRIBUTION}-{__version__}"
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
        archive.extractall(tmp_path / "src", filter="data")
    for name in ("LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "par_cli/__main__.py"):
        assert f"{top}/{name}" in names, name
    assert {f"{top}/criteria/{name}" for name in CRITERIA} <= names
    assert f"{top}/examples/2024/so-noi-vu.yaml" in names
    rebuilt = build("wheel", tmp_path / "again", tmp_path / "src" / top)  # a wheel from the sdist alone
    with zipfile.ZipFile(rebuilt) as archive:
        assert {f"par_cli/criteria/{name}" for name in CRITERIA} <= set(archive.namelist())


def test_the_quickstart_ranks_from_a_clean_venv_with_par_on_path(wheel: Path, tmp_path: Path) -> None:
    """`par rank examples/2024 --previous examples/2023` as the README's Quickstart, with `par` the venv's own."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False, symlinks=os.name != "nt")
    scripts = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "-q"]
    done = subprocess.run([*install, str(wheel)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # The libraries only, after the venv's own site-packages: par itself comes from the wheel.
    Path(purelib, "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    env = {
        "PATH": os.pathsep.join([str(scripts), *os.defpath.split(os.pathsep)]),
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "PAR_CACHE_DIR": str(tmp_path / "cache"),
        **({"SYSTEMROOT": os.environ["SYSTEMROOT"]} if "SYSTEMROOT" in os.environ else {}),
    }
    par = shutil.which("par", path=env["PATH"])
    assert par is not None and Path(par).parent == scripts
    where = subprocess.run(
        [str(python), "-c", "import par_cli; print(par_cli.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,  # not the checkout: `python -c` puts the working folder first on the path
    )
    assert Path(where.stdout.strip()).is_relative_to(Path(purelib)), where.stdout + where.stderr
    version = subprocess.run(["par", "--version"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert (version.returncode, version.stdout) == (0, f"par {__version__}\n"), version.stderr
    shown = subprocess.run(
        ["par", "rank", "examples/2024", "--previous", "examples/2023"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
    )
    assert shown.returncode == 0, shown.stderr
    sample = re.search(r"<!-- rank-sample:start -->\n```text\n(.*?)```\n<!-- rank-sample:end -->", README, re.S)
    assert sample is not None
    assert [line.rstrip() for line in shown.stdout.splitlines()] == sample.group(1).splitlines()
    # Shell completion (bash, PowerShell…), built only when the shell asks: a plain start does not pay for it.
    bash = subprocess.run(
        ["par"], capture_output=True, text=True, cwd=ROOT, env={**env, "_PAR_COMPLETE": "complete_bash"} | COMPLETE
    )
    assert (bash.returncode, bash.stdout.split()) == (0, ["rank"]), bash.stderr
    powershell = subprocess.run(
        ["par"], capture_output=True, text=True, cwd=ROOT, env={**env, "_PAR_COMPLETE": "source_powershell"}
    )
    assert "Register-ArgumentCompleter -Native -CommandName par " in powershell.stdout, powershell.stderr


COMPLETE = {"COMP_WORDS": "par ra", "COMP_CWORD": "1"}
