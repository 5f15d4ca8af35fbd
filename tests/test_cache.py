"""The results cache (issue 16): ranking again scores only what changed, and never shows a result computed from
other files than the ones there now."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from par_cli.io import cache
from par_cli.io.workspace import FileScorer
from tests.conftest import ROOT, run


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of examples/2024 to edit, ranked from inside it."""
    shutil.copytree(ROOT / "examples" / "2024", tmp_path / "2024")
    monkeypatch.chdir(tmp_path / "2024")
    yield tmp_path / "2024"


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files actually scored (not taken from the cache), in order."""
    calls: list[str] = []
    original = FileScorer.__call__

    def counting(self: FileScorer, path: Path) -> object:
        calls.append(path.name)
        return original(self, path)

    monkeypatch.setattr(FileScorer, "__call__", counting)
    return calls


def ranked(*extra: str) -> dict[str, object]:
    code, out, err = run("rank", ".", "-f", "json", *extra)
    assert code == 0, err
    return {r["agency"]["id"]: r["index"] for g in json.loads(out)["groups"] for r in g["rows"]}


def test_ranking_again_scores_nothing_and_shows_the_same(folder: Path, scored: list[str]) -> None:
    first = ranked()
    assert len(scored) == 12
    scored.clear()
    assert ranked() == first
    assert scored == []
    code, out, err = run("cache", "info")
    assert code == 0 and out.startswith("12 kept results in "), out + err


def test_editing_an_assessment_scores_that_file_only(folder: Path, scored: list[str]) -> None:
    before = ranked()
    scored.clear()
    path = folder / "so-tu-phap.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"1.1.2": {self: true,', '"1.1.2": {self: false,'), "utf-8")
    after = ranked()
    assert scored == ["so-tu-phap.yaml"]
    assert after["so-tu-phap"] != before["so-tu-phap"]
    assert ranked("--no-cache") == after  # the kept results are the figures scoring afresh gives


def test_editing_the_criteria_set_scores_everything_again(folder: Path, scored: list[str]) -> None:
    path = folder / "criteria.yaml"  # the built-in set the files name, copied beside them (found there first)
    shutil.copy(ROOT / "criteria" / "mau-so-nganh.yaml", path)
    ranked()
    scored.clear()
    path.write_text(path.read_text(encoding="utf-8").replace("precision: 2", "precision: 3"), "utf-8")
    code, out, err = run("rank", ".", "-f", "json")
    assert code == 0, err
    assert len(scored) == 12
    assert json.loads(out)["groups"][0]["precision"] == 3


def test_an_edited_or_new_appraisal_file_beside_is_never_hidden_by_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scored: list[str]
) -> None:
    shutil.copytree(ROOT / "examples" / "tham-dinh-2025", tmp_path / "x")
    monkeypatch.chdir(tmp_path / "x")
    first = ranked()
    assert first["xa-tan-thanh"] == 74.5
    appraisal = tmp_path / "x" / "tham-dinh-so-tu-phap.yaml"
    appraisal.write_text(appraisal.read_text("utf-8").replace('"3.2": false', '"3.2": true'), "utf-8")
    assert ranked()["xa-tan-thanh"] == 84.5  # 3.2 now gives its 10 points
    text = appraisal.read_text("utf-8")
    appraisal.unlink()  # its values move to a new file: same figures, one file more and one less
    (tmp_path / "x" / "tu-phap-2.yaml").write_text(text, "utf-8")
    scored.clear()
    assert ranked()["xa-tan-thanh"] == 84.5
    assert len(scored) == 6  # scored again (twice each: relative leaves), not taken from the cache


def test_upgrading_par_scores_everything_again(
    folder: Path, scored: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ranked()
    scored.clear()
    monkeypatch.setattr(cache, "_code", "another version of par")
    ranked()
    assert len(scored) == 12


def test_no_cache_neither_uses_nor_keeps_results(folder: Path, scored: list[str]) -> None:
    ranked("--no-cache")
    ranked("--no-cache")
    assert len(scored) == 24
    code, out, _ = run("cache", "info")
    assert code == 0 and out.startswith("0 kept results"), out


def test_cache_clear_removes_every_result(folder: Path, scored: list[str]) -> None:
    ranked()
    code, out, err = run("cache", "clear", "--lang", "vi")
    assert code == 0, err
    assert out.startswith("đã xóa 12 kết quả đã lưu ("), out
    scored.clear()
    ranked()
    assert len(scored) == 12


@pytest.mark.parametrize("damage", ["garbage", "truncated", "value"])
def test_a_corrupted_cache_is_ignored_and_rebuilt(folder: Path, scored: list[str], damage: str) -> None:
    first = ranked()
    store = Path(os.environ["PAR_CACHE_DIR"]) / cache.FILE_NAME
    if damage == "garbage":
        store.write_bytes(b"this is not a database" * 100)
    elif damage == "truncated":
        store.write_bytes(store.read_bytes()[:1000])
    else:  # a stored value altered (its checksum no longer matches): one wrong figure must never come back
        with sqlite3.connect(store) as db:
            key, value = next(row for row in db.execute("SELECT key, value FROM entries") if b"so-tu-phap" in row[1])
            db.execute("UPDATE entries SET value = ? WHERE key = ?", (value.replace(b"so-tu-phap", b"so-tu-phaq"), key))
    scored.clear()
    assert ranked() == first
    assert len(scored) == (12 if damage != "value" else 1)  # only the altered result is scored again
    scored.clear()
    assert ranked() == first
    assert scored == []


def test_concurrent_runs_share_the_cache_safely(folder: Path) -> None:
    command = [sys.executable, "-m", "par_cli", "rank", ".", "-f", "json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outputs = [process.communicate() for process in runs]
    assert [process.returncode for process in runs] == [0, 0, 0], outputs
    assert outputs[0][0] == outputs[1][0] == outputs[2][0]
    assert json.loads(outputs[0][0]) == json.loads(run("rank", ".", "-f", "json", "--no-cache")[1])


def test_a_set_named_by_a_path_outside_the_watched_folders_is_checked_on_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scored: list[str]
) -> None:
    (tmp_path / "sets").mkdir()
    (tmp_path / "units").mkdir()
    set_path = tmp_path / "sets" / "own.yaml"
    set_path.write_text(
        'kind: criteria\nid: own\ntitle: "Riêng"\nareas:\n  - {code: "1", title: "Một", max: 10}\n', "utf-8"
    )
    (tmp_path / "units" / "a.yaml").write_text(
        'kind: assessment\ncriteria: ../sets/own.yaml\nagency: {id: a, name: "A"}\nanswers: {"1": {self: 5, evidence: [e]}}\n',
        "utf-8",
    )
    monkeypatch.chdir(tmp_path / "units")
    assert ranked() == {"a": 50}
    set_path.write_text(set_path.read_text("utf-8").replace("max: 10", "max: 8"), "utf-8")
    scored.clear()
    assert ranked() == {"a": 62.5}  # 5 of 8: the kept result was made with the old set
    assert scored == ["a.yaml"]


def test_an_edit_that_keeps_the_size_and_puts_the_time_back_is_still_seen(
    folder: Path, scored: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unchanged files are not read again (their digest is remembered by device, inode, size and times), but any
    write changes the file's change time, which no program can set back."""
    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # trust every stamp at once (normally: files older than 3 s)
    path = folder / "so-tu-phap.yaml"
    before = ranked()
    info = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace('"1.1.2": {self: true,', '"1.1.2": {self: fals,')  # same length: `true` → `fals`
    assert len(edited.encode()) == len(text.encode())
    path.write_text(edited, "utf-8")
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))  # the old modification time, as `touch -r` would
    code, _, err = run("rank", ".", "-f", "json")
    assert code == 1 and "so-tu-phap.yaml" in err, err  # `fals` is read, and refused: not the kept result
    path.write_text(text, "utf-8")
    assert ranked() == before
