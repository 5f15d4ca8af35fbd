"""A ranking's files found by one `os.scandir` a folder and their kinds read by the workers (issue 31): the same
files, problems, notes and kinds, in the same order, as `sorted(rglob)` and `kind_and_id` one by one gave."""

from __future__ import annotations

import os
import pickle
import shutil
from fractions import Fraction
from pathlib import Path

import pytest

from par_cli.core.diagnostics import Diagnostic, LineCol, msg, problem
from par_cli.io.json_kind import PAR_KINDS, is_ranking_json
from par_cli.io.spoken import languages
from par_cli.io.suffixes import FOUND_IN_FOLDERS, kind_of_suffix, not_read_book
from par_cli.readers import files
from par_cli.services import pool
from par_cli.services.workspace import FileScorer
from tests.conftest import ROOT, run

WORKLOAD_LIKE = ROOT / "examples" / "2025"


def rglob_search(paths: list[Path]) -> tuple[list[Path], list[Diagnostic], list[Diagnostic]]:
    """`discover_yaml` as it was (rglob, sorted Paths, a stat or two a file): the reference."""
    found: list[Path] = []
    problems: list[Diagnostic] = []
    notes: list[Diagnostic] = []
    for path in paths:
        for item in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in item.relative_to(path).parts)
            lock = item.name.startswith(("~$", ".~lock."))
            suffix = kind_of_suffix(item)
            if suffix not in FOUND_IN_FOLDERS:
                if not_read_book(item) and not hidden and not lock:
                    note = problem("F006", "left-out-workbook", hint=msg("hint.left-out-workbook"))
                    notes.append(note.at(LineCol(files.display(item))))
                continue
            if hidden or item.is_dir() or lock:
                continue
            odd = files.not_a_file(item)
            if odd is not None:
                problems.append(odd)
            elif suffix != "json" or files.kind_and_id(item)[0] in PAR_KINDS:
                found.append(item)
            else:
                why = "left-out-ranking" if is_ranking_json(item) else "left-out-json"
                notes.append(problem("F006", why, hint=msg(f"hint.{why}")).at(LineCol(files.display(item))))
    return found, problems, notes


@pytest.fixture
def tree(in_tmp: Path) -> Path:
    """Every sort of entry a folder holds: nested folders whose names sort around each other, hidden files and
    folders, lock files, workbooks par reads and does not, JSON files of every sort, links, a FIFO."""
    source = sorted(WORKLOAD_LIKE.glob("so-*.yaml"))
    for folder in ("top/a", "top/a-b", "top/a.yaml", "top/.hidden", "top/sub/deep", "top/x.xlsb", "top/b/.h"):
        Path(folder).mkdir(parents=True)
    places = ["a/z.yaml", "a-b/y.yaml", "a.yaml/inner.yml", ".hidden/h.yaml", "sub/deep/Q.YAML", "b/.h/q.yaml"]
    for name, origin in zip(places, source, strict=False):
        shutil.copy(origin, Path("top") / name)
    shutil.copy(source[-1], "top/B.yaml")
    (Path("top") / "rank.json").write_text('{"groups": [{"rows": []}]}', encoding="utf-8")
    (Path("top") / "other.json").write_text('{"x": 1}', encoding="utf-8")
    (Path("top") / "a.json").write_text('{"kind": "assessment"}', encoding="utf-8")
    for name in ("~$lock.yaml", "~$book.xlsx", "book.xlsb", "sub/book.numbers", ".hidden.xlsb", "notes.txt", "f.xlsx"):
        (Path("top") / name).write_bytes(b"")
    os.symlink("nowhere.yaml", "top/broken.yaml")
    os.symlink("a", "top/linkdir")
    os.symlink("a/z.yaml", "top/link.yaml")
    os.mkfifo("top/fifo.yaml")
    return Path("top")


@pytest.mark.parametrize("given", [["top"], ["top/sub", "top/a.yaml"], ["top/a", "top"], ["top/linkdir"]])
def test_the_search_finds_what_sorted_rglob_found(tree: Path, given: list[str]) -> None:
    paths = [Path(name) for name in given]
    expected, expected_problems, expected_notes = rglob_search(paths)
    files.left_out()
    found, problems = files.discover_yaml(paths)
    assert [str(path) for path in found] == [str(path) for path in dict.fromkeys(expected)]
    assert problems == expected_problems
    assert files.left_out() == expected_notes


def test_the_kinds_of_files_are_those_kind_and_id_reads(in_tmp: Path) -> None:
    for path in sorted(WORKLOAD_LIKE.glob("*.yaml")):
        shutil.copy(path, path.name)
    criteria = (ROOT / "examples" / "revised-2025" / "criteria.yaml").read_text(encoding="utf-8")
    Path("odd.yaml").write_text("hello: 1\n", encoding="utf-8")
    Path("spaced.yaml").write_text(criteria.replace("kind: criteria", "kind : criteria"), encoding="utf-8")
    Path("none.yaml").write_text("- a\n- b\n", encoding="utf-8")
    named = sorted(Path(".").glob("*.yaml"))
    files.forget_kinds()
    expected = [files.kind_and_id(path) for path in named]
    remembered, said = dict(files._KINDS), languages()
    assert ("criteria", "mau-so-nganh-2025") in expected
    assert said  # the set read whole (its kind written unusually) says its language
    files.forget_kinds()
    assert files.file_kinds(named) == [kind for kind, _ in expected]
    assert dict(files._KINDS) == remembered and languages() == said
    files.forget_kinds()
    kinds, told = files.told_kinds([str(path) for path in named])
    assert kinds == [kind for kind, _ in expected] and files._KINDS == {}
    files.remember_kinds(told)
    assert dict(files._KINDS) == remembered
    assert [files.kind_and_id(path) for path in named] == expected
    assert files.file_kinds(named) == kinds  # remembered: read again from the open file's status only


def test_the_workers_read_the_kinds_the_parent_would(in_tmp: Path) -> None:
    for n in range(pool.SERIAL_BELOW + 5):
        shutil.copy(WORKLOAD_LIKE / "so-noi-vu.yaml", f"s{n:03d}.yaml")
    criteria = (ROOT / "examples" / "revised-2025" / "criteria.yaml").read_text(encoding="utf-8")
    Path("zz-criteria.yaml").write_text(criteria.replace("kind: criteria", "kind : criteria"), encoding="utf-8")
    named = sorted(Path(".").glob("*.yaml"))
    files.forget_kinds()
    expected = files.file_kinds(named)
    remembered, said = dict(files._KINDS), languages()
    files.forget_kinds()
    with pool.early_workers(FileScorer, 2, True):
        assert pool.kinds_of(named) == expected
    assert dict(files._KINDS) == remembered
    assert languages() == said and expected[-1] == "criteria"


def test_a_worker_sends_a_fraction_as_its_terms() -> None:
    for value in (Fraction(865290563772381721690829, 20158802080160286017475), Fraction(-3, 7), Fraction(5)):
        rebuild, terms = pool._fraction_parts(value)
        made = rebuild(*terms)
        assert type(made) is Fraction and made == value and hash(made) == hash(value)
        assert (made.numerator, made.denominator) == (value.numerator, value.denominator)
        assert pickle.loads(pickle.dumps(made)) == value


def test_a_folder_with_its_criteria_last_ranks_alike_serial_and_parallel(in_tmp: Path) -> None:
    """Enough files for the pool; the set sorts after its assessments and says its kind unusually (read whole);
    a hidden file, a broken link and a broken assessment: the same output and errors either way."""
    Path("y").mkdir()
    for n in range(pool.SERIAL_BELOW + 12):
        text = (WORKLOAD_LIKE / "so-noi-vu.yaml").read_text(encoding="utf-8")
        Path(f"y/s{n:03d}.yaml").write_text(text.replace("so-noi-vu", f"s{n:03d}"), encoding="utf-8")
    assert run("rank", "y", "-f", "json", "-j", "1", "--no-cache") == run("rank", "y", "-f", "json", "-j", "2")
    Path("y/.hidden.yaml").write_text("kind: assessment\n", encoding="utf-8")
    os.symlink("nowhere.yaml", "y/broken.yaml")
    Path("y/s007.yaml").write_text("kind: assessment\nagency: {id: x}\n", encoding="utf-8")
    serial = run("rank", "y", "-f", "json", "-j", "1", "--no-cache")
    assert serial[0] == 1 and "broken.yaml" in serial[2] and "s007.yaml" in serial[2]
    assert serial == run("rank", "y", "-f", "json", "-j", "2", "--no-cache")
