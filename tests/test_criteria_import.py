"""`par criteria import`: a decision's annex (Word or Excel) → a draft criteria set, and what it could not decide.

The annexes under tests/annexes/ are built by tests/annexes/build.py (python-docx, openpyxl): numbering in its
own column and at the start of the text, Roman areas, a) and - sub-items, decimal commas, merged cells, a table
split across pages with its header repeated, a note row, slips in the sums.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from par_cli.core.annex_rules import read_rule
from tests.conftest import ROOT, run

ANNEXES = ROOT / "tests" / "annexes"


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def imported(annex: str, tmp_path: Path, name: str) -> tuple[int, str, list[str]]:
    target = tmp_path / name
    code, out, err = run("criteria", "import", f"tests/annexes/{annex}", "-o", str(target))
    assert out == "", out
    return code, target.read_text(encoding="utf-8"), err.replace(str(tmp_path) + "/", "").splitlines()


def test_the_national_shape_gives_the_golden_set_and_its_undecided_rows(at_root: None, tmp_path: Path) -> None:
    code, text, lines = imported("national.docx", tmp_path, "national.yaml")
    assert text == (ANNEXES / "national.expected.yaml").read_text(encoding="utf-8")
    assert (code, lines) == (
        0,
        [
            "national.yaml:12:3: info C014: areas total 15 points (3 areas)",
            "tests/annexes/national.docx:table 1:row 8: info C022: 1.3: scoring text left as points with a TODO: "
            "decide its rule",
            "tests/annexes/national.docx:table 2:row 3: info C022: 3.1: scoring text left as points with a TODO: "
            "decide its rule",
            "tests/annexes/national.docx:table 2:row 4: warning C020: could not place this row (numbering I, 1, "
            "1.1, a), - expected): Ghi chú: tiêu chí 1.3 do Hội đồng thẩm định chấm",
            "note: national.yaml written: 3 areas, 7 leaves; rules read: check 1, deduction 1, levels 1, points 2, "
            "tiers 2",
        ],
    )
    code, _, err = run("check", str(tmp_path / "national.yaml"))
    assert code == 0, err


def test_the_provincial_shape_and_its_slips(at_root: None, tmp_path: Path) -> None:
    code, text, lines = imported("provincial.docx", tmp_path, "provincial.yaml")
    assert text == (ANNEXES / "provincial.expected.yaml").read_text(encoding="utf-8")
    assert code == 1  # written, but 1.2's maximum is not the sum of its parts: the office fixes the draft
    assert lines == [
        "provincial.yaml:11:3: info C014: areas total 19.5 points (2 areas)",
        "provincial.yaml:39:14: error C001: 1.2: max 5 is not the sum of its children's max 4.5 (difference +0.5) "
        "(hint: set max to 4.5 or correct a child's max)",
        "tests/annexes/provincial.docx: warning C024: the annex's total row says 20, its areas add up to 19.5",
        "tests/annexes/provincial.docx:table 1:row 10: info C022: 2.1: scoring text left as points with a TODO: "
        "decide its rule",
        "note: provincial.yaml written: 2 areas, 6 leaves; rules read: check 1, deduction 1, levels 2, points 1, "
        "tiers 1",
    ]
    assert '        rule: {kind: "points"}  # TODO: Theo tỷ lệ văn bản ban hành đúng hạn\n' in text


def test_the_same_annex_as_a_workbook(at_root: None, tmp_path: Path) -> None:
    code, text, lines = imported("national.xlsx", tmp_path, "national.yaml")
    golden = (ANNEXES / "national.expected.yaml").read_text(encoding="utf-8")
    golden = golden.replace("from national.docx", "from national.xlsx").replace(
        'source: "Kèm theo Quyết định số 1234/QĐ-UBND ngày 15/8/2025 của UBND tỉnh"\n', ""
    )
    assert (code, text) == (0, golden)
    assert lines[1] == "tests/annexes/national.xlsx:Phụ lục!A8: info C022: 1.3: scoring text left as points with a " + (
        "TODO: decide its rule"
    )


@pytest.mark.parametrize(
    ("guide", "maximum", "rule"),
    [
        ("Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm", "1", "levels"),
        ("Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm", "2", "tiers"),
        ("Mỗi văn bản chậm trừ 0,25 điểm", "1", "deduction"),
        ("Có: 1 điểm; không: 0 điểm", "1", "check"),
        ("Từ 70%: 1 điểm; trên 90%: 2 điểm", "2", "points"),  # thresholds rising: not a tier list
        ("Đạt: 3 điểm; không đạt: 0 điểm", "2", "points"),  # more than the maximum
        ("Dưới 50%: 0,5 điểm; từ 50%: 1 điểm", "1", "points"),  # points below the lowest tier
        ("Hội đồng xem xét", "1", "points"),
    ],
)
def test_phrasings_become_rules_only_when_unambiguous(guide: str, maximum: str, rule: str) -> None:
    from decimal import Decimal

    found, todo = read_rule(guide, Decimal(maximum))
    assert found["kind"] == rule, found
    assert (todo is None) == (rule != "points")


def test_refusals(at_root: None, tmp_path: Path) -> None:
    (tmp_path / "bad.docx").write_text("not a document", encoding="utf-8")
    code, out, err = run("criteria", "import", str(tmp_path / "bad.docx"), "-o", str(tmp_path / "x.yaml"))
    assert (code, out) == (1, "")
    assert err == f"{tmp_path}/bad.docx: error C023: cannot read this annex (PackageNotFoundError)\n"
    (tmp_path / "x.yaml").write_text("kept", encoding="utf-8")
    code, _, err = run("criteria", "import", "tests/annexes/national.docx", "-o", str(tmp_path / "x.yaml"))
    assert code == 2 and "U003: exists already: importing would overwrite it" in err, err
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == "kept"  # never over a file without --force
    code, _, _ = run("criteria", "import", "tests/annexes/national.docx", "-o", str(tmp_path / "x.yaml"), "--force")
    assert code == 0
    missing = tmp_path / "no-such-folder" / "x.yaml"
    code, out, err = run("criteria", "import", "tests/annexes/national.docx", "-o", str(missing))
    assert (code, out, err) == (1, "", f"{missing}: error F003: cannot write the file: No such file or directory\n")


def test_the_built_annexes_are_what_the_builder_makes(tmp_path: Path) -> None:
    """The committed annexes come from tests/annexes/build.py (its tables, not its timestamps)."""
    from docx import Document

    from tests.annexes import build

    build.national(tmp_path / "national.docx")
    made = [[c.text for c in row.cells] for t in Document(str(tmp_path / "national.docx")).tables for row in t.rows]
    kept = [[c.text for c in row.cells] for t in Document(str(ANNEXES / "national.docx")).tables for row in t.rows]
    assert made == kept


def test_a_maximum_it_cannot_read_and_a_document_without_the_table(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    table = document.add_table(rows=3, cols=3)
    for r, cells in enumerate([["STT", "Tiêu chí", "Điểm tối đa"], ["1", "Chỉ đạo", "2"], ["1.1", "Kế hoạch", "hai"]]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.save(str(tmp_path / "a.docx"))
    code, _, err = run("criteria", "import", str(tmp_path / "a.docx"), "-o", str(tmp_path / "a.yaml"))
    assert code == 1  # 1.1 is 0 points and 1 is 2: the draft is written, not yet a set
    assert f"{tmp_path}/a.docx:table 1:row 3: warning C021: 1.1: no maximum in 'hai' (max left 0)" in err.splitlines()
    empty = Document()
    empty.add_paragraph("PHỤ LỤC")
    empty.save(str(tmp_path / "b.docx"))
    code, _, err = run("criteria", "import", str(tmp_path / "b.docx"), "-o", str(tmp_path / "b.yaml"))
    assert (code, err) == (
        1,
        f"{tmp_path}/b.docx: error C023: no criteria table found (headings such as STT, Tiêu chí, Điểm tối đa)\n",
    )
    assert not (tmp_path / "b.yaml").exists()
