"""A command that writes into a folder (-o) and fails writes nothing: not even the folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_english


def test_a_failed_import_makes_no_folder(in_tmp: Path) -> None:
    shutil.copy(ROOT / "examples/office-year/danh-sach.csv", "danh-sach.csv")  # a list of agencies, not an export
    code, _, err = run_english("import", "danh-sach.csv", "--criteria", "mau-so-nganh", "-o", "newdir/")
    assert code == 1 and "error S001: cannot tell the table's shape" in err
    assert not Path("newdir").exists()


def test_a_failed_import_makes_no_nested_folders(in_tmp: Path) -> None:
    Path("t.csv").write_text("Mã,Số liệu\n9.9.9,1\n", encoding="utf-8")
    code, _, _ = run_english("import", "t.csv", "--criteria", "mau-so-nganh", "-o", "a/b/c")
    assert code == 1
    assert not Path("a").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("appraisal", "read", "book.xlsx", "-o", "out"),
        ("report", "bad", "-o", "out", "-f", "html"),
        ("template", "mau-so-nganh", "--agencies", "ds.csv", "-f", "xlsx", "-o", "out"),
    ],
    ids=["appraisal-read", "report", "template-agencies"],
)
def test_other_commands_writing_into_a_folder_make_none_when_they_fail(in_tmp: Path, args: tuple[str, ...]) -> None:
    Path("book.xlsx").write_bytes(b"not a workbook")
    Path("bad").mkdir()
    Path("bad/a.yaml").write_text("kind: assessment\ncriteria: mau-so-nganh\nagency: {id: a}\n", encoding="utf-8")
    Path("ds.csv").write_text("Mã cơ quan,Tên cơ quan\n,Sở Y tế\n", encoding="utf-8")
    code, _, _ = run_english(*args)
    assert code == 1
    assert not Path("out").exists()
