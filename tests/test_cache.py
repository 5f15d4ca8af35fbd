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

from par_cli.services import cache, cache_json, digests
from par_cli.services.workspace import FileScorer
from tests.conftest import ROOT, run, run_english


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
            key, value = next(row for row in db.execute("SELECT key, value FROM results") if "so-tu-phap" in row[1])
            db.execute("UPDATE results SET value = ? WHERE key = ?", (value.replace("so-tu-phap", "so-tu-phaq"), key))
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


# Issue 25: a result is keyed by the content of everything it was computed from, never by a name or path; the
# store holds data, never code, and only the user's own.

OWN_SET = 'kind: criteria\nid: own\ntitle: "Riêng"\nareas:\n  - {code: "1", title: "Một", max: MAX}\n'


def own_set(path: Path, maximum: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(OWN_SET.replace("MAX", str(maximum)), "utf-8")
    return path


def unit(folder: Path, criteria: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.yaml").write_text(
        f'kind: assessment\ncriteria: {criteria}\nagency: {{id: a, name: "A"}}\n'
        'answers: {"1": {self: 5, evidence: [e]}}\n',
        "utf-8",
    )


def ranked_at(where: str, *extra: str) -> dict[str, object]:
    code, out, err = run("rank", where, "-f", "json", *extra)
    assert code == 0, err
    return {r["agency"]["id"]: r["index"] for g in json.loads(out)["groups"] for r in g["rows"]}


def test_a_set_id_given_on_the_command_line_is_the_set_found_from_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scored: list[str]
) -> None:
    """`--criteria own` is looked up from where par runs: the same files ranked from another folder, whose own
    set of that id has other maxima, show that set's figures."""
    own_set(tmp_path / "ten" / "own.yaml", 10)
    own_set(tmp_path / "eight" / "own.yaml", 8)
    unit(tmp_path / "units", "own")
    monkeypatch.chdir(tmp_path / "ten")
    assert ranked_at("../units", "--criteria", "own") == {"a": 50}  # 5 of 10
    monkeypatch.chdir(tmp_path / "eight")
    assert ranked_at("../units", "--criteria", "own") == {"a": 62.5}  # 5 of 8: not the first folder's figures
    scored.clear()
    monkeypatch.chdir(tmp_path / "ten")
    assert ranked_at("../units", "--criteria", "own") == {"a": 50}
    assert scored == []  # each folder's result is kept, under the content of its own set


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
@pytest.mark.parametrize("named", ["by the assessment", "on the command line"])
def test_a_set_reached_through_a_link_that_is_repointed_gives_the_new_sets_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, named: str
) -> None:
    own_set(tmp_path / "sets" / "ten.yaml", 10)
    own_set(tmp_path / "sets" / "eight.yaml", 8)  # the same id, other maxima
    link = tmp_path / "sets" / "current.yaml"
    link.symlink_to("ten.yaml")
    unit(tmp_path / "units", "../sets/current.yaml" if named == "by the assessment" else "own")
    monkeypatch.chdir(tmp_path)
    extra = ("--criteria", "sets/current.yaml") if named == "on the command line" else ()
    assert ranked_at("units", *extra) == {"a": 50}
    link.unlink()
    link.symlink_to("eight.yaml")
    assert ranked_at("units", *extra) == {"a": 62.5}
    link.unlink()
    link.symlink_to("ten.yaml")
    assert ranked_at("units", *extra) == {"a": 50}


@pytest.mark.parametrize("given", [False, True])
def test_an_edited_survey_results_file_is_never_hidden_by_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: bool
) -> None:
    """Survey results beside the assessments, or given with --survey: their bytes are part of the key."""
    shutil.copytree(ROOT / "examples" / "survey-2024", tmp_path / "x")
    monkeypatch.chdir(tmp_path / "x")
    survey = tmp_path / "survey.yaml"
    if given:
        shutil.move(tmp_path / "x" / "survey.yaml", survey)
    else:
        survey = tmp_path / "x" / "survey.yaml"
    extra = ("--survey", str(survey)) if given else ()
    before = ranked(*extra)
    text = survey.read_text("utf-8")
    text = text.replace('{"A": 226, "B": 26,', '{"A": 26, "B": 226,', 1).replace("90.2222", "60.5926", 1)
    survey.write_text(text, "utf-8")  # ban-dan-toc's 8.1: fewer A answers, more B
    after = ranked(*extra)
    assert after["ban-dan-toc"] != before["ban-dan-toc"]
    assert after == ranked("--no-cache", *extra)


def test_jobs_does_not_change_the_key_but_scoring_options_do(folder: Path, scored: list[str]) -> None:
    ranked("--jobs", "1")
    scored.clear()
    ranked("--jobs", "2")
    assert scored == []  # how many processes score changes no figure
    code, _, err = run("rank", ".", "-f", "json", "--robustness")
    assert code == 0, err
    assert len(scored) == 12  # entries carrying more figures: not the kept ones


class Bomb:
    """Unpickling it makes a folder: had the cache unpickled a row, the folder would be there."""

    def __init__(self, where: Path) -> None:
        self.where = where

    def __reduce__(self) -> tuple[object, ...]:
        return (os.mkdir, (str(self.where),))


def test_a_pickle_planted_in_the_cache_is_never_loaded(folder: Path, tmp_path: Path, scored: list[str]) -> None:
    import pickle

    first = ranked()
    store_dir = Path(os.environ["PAR_CACHE_DIR"])
    bomb = pickle.dumps(Bomb(tmp_path / "exploded"))
    with sqlite3.connect(store_dir / cache.FILE_NAME) as db:  # every kept result replaced by the pickle
        db.execute("UPDATE results SET value = ?, sum = ?", (bomb, digests.digest(bomb)))
    legacy = store_dir / "results-v1.sqlite3"  # the store of earlier versions: pickles by key
    with sqlite3.connect(legacy) as db:
        db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, sum TEXT, value BLOB)")
        db.execute("INSERT INTO entries VALUES (?, ?, ?)", ("k", digests.digest(bomb), bomb))
    db.close()
    scored.clear()
    assert ranked() == first
    assert len(scored) == 12  # every planted row is a miss
    assert not (tmp_path / "exploded").exists()
    assert not legacy.exists()  # an earlier version's store is deleted, never read
    assert "pickle" not in vars(cache) and "pickle" not in vars(cache_json)


@pytest.mark.skipif(sys.platform == "win32", reason="no POSIX owners and modes")
@pytest.mark.parametrize("what", ["folder", "store"])
def test_a_cache_others_can_write_is_not_used_with_one_warning(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scored: list[str], what: str
) -> None:
    shared = tmp_path / "shared"
    monkeypatch.setenv("PAR_CACHE_DIR", str(shared))
    monkeypatch.setattr(cache, "_warned", set())
    first = ranked()  # the store is made the user's own (0700 folder, 0600 file): used
    assert (shared.stat().st_mode & 0o777, (shared / cache.FILE_NAME).stat().st_mode & 0o777) == (0o700, 0o600)
    scored.clear()
    assert ranked() == first and scored == []
    os.chmod(shared if what == "folder" else shared / cache.FILE_NAME, 0o777 if what == "folder" else 0o666)
    code, out, err = run_english("rank", ".", "-f", "json")
    assert code == 0 and json.loads(out)
    assert err.count("warning: results cache ") == 1 and f"{shared} not used: other users can write" in err, err
    assert len(scored) == 12  # nothing is read from it
    code, _, err = run_english("rank", ".", "-f", "json", "--lang", "vi")
    assert code == 0 and err == ""  # one warning a run of par
    assert len(scored) == 24


def test_results_of_another_version_of_par_are_deleted(
    folder: Path, scored: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Path(os.environ["PAR_CACHE_DIR"]) / cache.FILE_NAME
    ranked()
    with sqlite3.connect(store) as db:  # what an earlier version left: many results of files since changed
        rows = [(f"old-{n}", "an earlier version", "", "x" * 2000) for n in range(500)]
        db.executemany("INSERT INTO results VALUES (?, ?, ?, ?)", rows)
    db.close()
    monkeypatch.setattr(cache, "_code", "this version of par")
    size = store.stat().st_size
    scored.clear()
    ranked()
    assert len(scored) == 12
    with sqlite3.connect(store) as db:
        versions = [version for (version,) in db.execute("SELECT version FROM results")]
    db.close()
    assert versions == ["this version of par"] * 12
    assert store.stat().st_size < size / 4  # the file shrinks: not kept for ever


def test_every_figure_an_entry_can_carry_comes_back_exactly(tmp_path: Path) -> None:
    """Entries as JSON: Fractions as "n/d" text, locations, cuts, leaves, nodes, robustness figures."""
    from dataclasses import fields, replace
    from fractions import Fraction

    from par_cli.core.cuts import Cut
    from par_cli.core.diagnostics import Cell, Row
    from par_cli.core.ranking import Entry

    scorer = FileScorer(leaves=True, robust=True, nodes=True, cuts=True, cache=True)
    assert scorer.cache_options() is not None  # as a ranking asks first
    cache.held(Cut)
    entries = [scorer(path) for path in sorted((ROOT / "examples" / "tham-dinh-2025").glob("*.yaml"))]
    kept = [entry for entry in entries if not isinstance(entry, tuple)]
    assert kept
    odd = replace(
        kept[0],
        points=Fraction(10**30 + 1, 3**40),
        agency_where=Cell("a.xlsx", "Sheet", "E12", 12, 5),
        period_where=Row("s.csv", 3, "x", 2),
    )
    texts = [cache_json.dump(entry) for entry in [*kept, odd]]
    assert [cache_json.load(text, Entry) for text in texts] == [*kept, odd]
    text = texts[-1]
    assert text is not None
    assert any(getattr(entry, f.name) != f.default for entry in kept for f in fields(entry) if f.name == "cuts")
    not_a_figure = text.replace('"1000000000000000000000000000001/', '"1.5/')
    for wrong in (not_a_figure, text.replace('["Cell",', '["Other",'), "[]", b"\x80\x05", "[" * 100_000):
        assert cache_json.load(wrong, Entry) is None  # a miss, never an error or a wrong value


def test_areas_come_back_packed_as_their_text_and_a_wrong_one_is_a_miss(folder: Path, scored: list[str]) -> None:
    """Read by a ranking (`ResultCache.get_many`), an entry's areas stay the text they are kept as (`PackedAreas`):
    the same figures as the entry scored; an index that is not "n/d" (or divides by 0) is a miss."""
    from fractions import Fraction

    from par_cli.core.compact import Compactor, PackedAreas
    from par_cli.core.ranking import Entry

    path = sorted(folder.glob("*.yaml"))[0]
    scorer = FileScorer(cache=True)
    assert scorer.cache_options() is not None  # as a ranking asks first
    entry = scorer(path)
    assert isinstance(entry, Entry) and entry.areas
    store = cache.ResultCache(folder.parent / "store")
    store.put("k", entry)
    store.flush()
    found = store.get_many(["k"])["k"]
    assert type(found.areas) is PackedAreas and found == entry
    packed, again = Compactor()(found).areas, Compactor()(entry).areas
    assert isinstance(packed, PackedAreas) and isinstance(again, PackedAreas)
    assert packed == again and packed.figures == again.figures
    text = cache_json.dump(entry)
    assert text is not None
    values = json.loads(text)
    at = next(n for n, value in enumerate(values) if value == json.loads(json.dumps(cache_json._plain(entry.areas))))
    for wrong in ("5/0", "1.5/2", " 5/2", 5):
        values[at][0][2] = wrong
        assert cache_json.load(json.dumps(values), Entry) is None
    values[at][0][2] = "10/4"  # not written so, but the same figure
    reread = cache_json.load(json.dumps(values), Entry)
    assert reread is not None and reread.areas[0][2] == Fraction(5, 2)
