"""Criteria sets kept built between runs (`services.criteria_cache`): a kept set is the set built again (every
shipped set, the benchmark's and generated sets), found only under its bytes and par's code; a damaged, foreign
or forged entry is a miss, never an error, a call or a wrong set; `--no-cache` neither reads nor keeps one."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from par_cli.core.diagnostics import ParError
from par_cli.core.model import Node
from par_cli.services import criteria_cache, workspace
from par_cli.services.criteria import LoadedCriteria
from par_cli.services.workspace import load_criteria
from tests.conftest import ROOT, SPEC, run
from tests.test_compiled import criteria_sets

SHIPPED = sorted({*(ROOT / "criteria").glob("*.yaml"), *(ROOT / "examples").rglob("criteria.yaml")})


def entries() -> list[Path]:
    return sorted((criteria_cache.cache_dir() / criteria_cache.FOLDER).glob(f"*{criteria_cache.SUFFIX}"))


def node_at(loaded: LoadedCriteria, path: tuple[Any, ...]) -> Node:
    found: Any = loaded.model
    for part in path:
        found = found[part] if isinstance(part, int) else getattr(found, part)
    return found  # type: ignore[no-any-return]


def shape(loaded: LoadedCriteria) -> tuple[str, list[tuple[str, bool, bool]]]:
    """Everything a set is: its values as written (repr: Decimal exponents, read-only mappings, types), and which
    objects are one (each index entry's node is the tree's; a subtree's whole maximum is its leaf's own)."""
    same = [
        (code, info.node is node_at(loaded, info.path), info.whole_max is info.max_points)
        for code, info in loaded.nodes.items()
    ]
    return repr((loaded.model, loaded.nodes)), same


def kept_and_read(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[LoadedCriteria, LoadedCriteria]:
    """The set built afresh, and as a later run finds it kept (building it again would fail the test)."""
    fresh = load_criteria(path, kept=False)
    load_criteria(path)  # built and kept
    with monkeypatch.context() as patched:
        patched.setattr("par_cli.services.workspace._built", lambda *_: pytest.fail("built again"))
        found = load_criteria(path)
    return fresh, found


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_kept_shipped_set_is_the_set_built_again(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh, found = kept_and_read(path, monkeypatch)
    assert found.model == fresh.model and found.nodes == fresh.nodes
    assert shape(found) == shape(fresh)
    assert found.path == path and found.reads == {}


def test_the_benchmark_set_is_kept_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks.startup import large_file

    large_file(tmp_path)
    fresh, found = kept_and_read(tmp_path / "criteria.yaml", monkeypatch)
    assert shape(found) == shape(fresh)


def plain(value: Any) -> Any:
    """Generated data as YAML writes it: numbers as numbers (short decimals: a float's repr is their text)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


tally = {"kept": 0}


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(criteria_sets())
def test_a_kept_generated_set_is_the_set_built_again(data: dict[str, Any]) -> None:
    folder = criteria_cache.cache_dir() / "generated"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "criteria.yaml"
    path.write_text(yaml.safe_dump(plain(data), allow_unicode=True, sort_keys=False), encoding="utf-8")
    before = entries()
    try:
        load_criteria(path, kept=False)
    except ParError as refused:  # a set its checks refuse: the same errors, and nothing kept
        with pytest.raises(ParError) as again:
            load_criteria(path)
        assert again.value.diagnostics == refused.diagnostics and entries() == before
        return
    tally["kept"] += 1
    with pytest.MonkeyPatch.context() as monkeypatch:
        fresh, found = kept_and_read(path, monkeypatch)
    assert shape(found) == shape(fresh)


SET = ROOT / "criteria" / "mau-so-nganh.yaml"


def test_the_generated_sets_were_mostly_kept() -> None:
    """Run after the property test (file order): most generated sets had no error, and were kept."""
    if not tally["kept"]:
        pytest.skip("the property test did not run first")
    assert tally["kept"] > 30, tally


def test_a_damaged_entry_is_a_miss_and_is_written_again() -> None:
    fresh = load_criteria(SET, kept=False)
    load_criteria(SET)
    (entry,) = entries()
    for damage in (b"", b"not a pickle", entry.read_bytes()[:-9], pickle.dumps(("a", "tuple")), pickle.dumps(1)):
        entry.write_bytes(damage)
        assert shape(load_criteria(SET)) == shape(fresh)
        assert shape(load_criteria(SET)) == shape(fresh)  # the entry written again, and read


def test_an_entry_moved_onto_another_sets_name_is_a_miss_never_that_set(tmp_path: Path) -> None:
    """The try-out: entry A copied over entry B (a sync tool, a hand) gave B's file A's figures and grade."""
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_bytes(SET.read_bytes())
    second.write_bytes(SET.read_bytes().replace(b"title:", b"title: B", 1))
    fresh = load_criteria(second, kept=False)
    load_criteria(first)
    (entry_a,) = entries()
    load_criteria(second)
    (entry_b,) = [entry for entry in entries() if entry != entry_a]
    entry_b.write_bytes(entry_a.read_bytes())
    assert shape(load_criteria(second)) == shape(fresh)  # not a.yaml's set: built again
    assert shape(load_criteria(second)) == shape(fresh)


def test_cache_info_and_clear_count_the_kept_sets_and_say_when_they_cannot_be_removed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    example = str(SPEC / "so-noi-vu.yaml")
    assert run("check", example)[0] == 0
    code, out, _ = run("cache", "info", "--lang", "vi")
    assert (
        code == 0 and out.splitlines()[1] == f"1 bộ tiêu chí đã lưu tại {criteria_cache.cache_dir() / 'criteria-sets'}"
    )
    with monkeypatch.context() as patched:
        patched.setattr(
            "par_cli.services.criteria_cache.os.unlink", lambda *_: (_ for _ in ()).throw(PermissionError(13, "no"))
        )
        code, out, err = run("cache", "clear", "--lang", "en")
    assert code == 1 and out.splitlines()[1].startswith("removed 0 kept criteria sets (")
    assert err == (
        f"{criteria_cache.cache_dir()}: error F003: the cache folder could not be emptied: some kept files are still"
        " there (hint: the folder or its files may be read-only: give yourself write permission, or remove the"
        " folder by hand)\n"
    )
    code, out, _ = run("cache", "clear", "--lang", "en")
    assert code == 0 and out.splitlines()[1].startswith("removed 1 kept criteria set (") and entries() == []


class Forged:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return os.mkdir, (str(self.marker),)


def test_an_entry_is_never_code(tmp_path: Path) -> None:
    """An entry naming anything but the core's classes, Decimal, Fraction and read-only mappings is refused
    before it is called: nothing runs, the set is built again."""
    fresh = load_criteria(SET, kept=False)
    load_criteria(SET)
    (entry,) = entries()
    marker = tmp_path / "ran"
    for forged in (pickle.dumps(Forged(marker)), pickle.dumps((Forged(marker), {})), pickle.dumps(len)):
        entry.write_bytes(forged)
        assert shape(load_criteria(SET)) == shape(fresh)
        assert not marker.exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no owners")
def test_an_entry_or_folder_others_may_write_is_not_used() -> None:
    fresh = load_criteria(SET, kept=False)
    load_criteria(SET)
    (entry,) = entries()
    entry.chmod(0o666)
    assert shape(load_criteria(SET)) == shape(fresh)
    assert entry.stat().st_mode & 0o022 == 0  # written again, as a new file
    folder = entry.parent
    for path in entries():
        path.unlink()
    folder.chmod(0o777)
    try:
        assert shape(load_criteria(SET)) == shape(fresh)
        assert entries() == []  # not written where others may write
    finally:
        folder.chmod(0o700)


def test_a_set_with_errors_is_never_kept() -> None:
    bad = str(ROOT / "tests" / "check" / "bad" / "c-max-sum.yaml")
    first, again = run("score", bad), run("score", bad)
    assert first[0] == 1 and first == again
    assert entries() == []


def test_another_build_of_par_never_reads_an_entry_and_removes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    load_criteria(SET)
    assert len(entries()) == 1
    monkeypatch.setattr(criteria_cache, "_fingerprint", ["another-par"])
    built: list[Path] = []
    real = workspace._built

    def counted(path: Path, raw: bytes | None) -> Any:
        built.append(path)
        return real(path, raw)

    monkeypatch.setattr(workspace, "_built", counted)
    load_criteria(SET)
    assert built == [SET]
    (new,) = entries()
    assert new.name.startswith("another-par-")


def test_the_entries_kept_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(criteria_cache, "LIMIT", 3)
    for n in range(5):
        path = tmp_path / f"set-{n}.yaml"
        path.write_text(SET.read_text(encoding="utf-8").replace("title:", f"title: {n}", 1), encoding="utf-8")
        load_criteria(path)
    assert len(entries()) == 3


def test_no_cache_neither_reads_nor_keeps_a_set_and_cache_clear_removes_them() -> None:
    example = str(SPEC / "so-noi-vu.yaml")
    fresh = run("score", example, "--format", "json", "--no-cache")
    assert fresh[0] == 0 and entries() == []
    assert run("score", example, "--format", "json") == fresh
    assert len(entries()) == 1
    assert run("score", example, "--format", "json") == fresh  # read from the entry
    assert run("check", example)[0] == 0 and len(entries()) == 1
    assert run("cache", "clear")[0] == 0 and entries() == []
    assert run("check", example, "--no-cache")[0] == 0 and entries() == []  # check has the option too
    assert run("check", example)[0] == 0 and len(entries()) == 1


@pytest.mark.parametrize(
    "env",
    [{"HOME": "/home/u"}, {"HOME": "/home/u", "XDG_CACHE_HOME": "/x/cache"}, {"HOME": "/", "XDG_CACHE_HOME": "rel"}],
)
def test_the_cache_folder_is_platformdirs_one(env: dict[str, str]) -> None:
    """Worked out without importing platformdirs on Linux (~3.5 ms of a start): the same folder it gives."""
    code = (
        "import platformdirs; from par_cli.services.criteria_cache import cache_dir; "
        "print(platformdirs.user_cache_dir('par', appauthor=False)); print(cache_dir())"
    )
    kept = {name: os.environ[name] for name in ("PATH", "SYSTEMROOT") if name in os.environ}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env={**kept, **env}
    )
    theirs, ours = result.stdout.splitlines()
    assert ours == theirs
