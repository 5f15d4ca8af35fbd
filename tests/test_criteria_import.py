"""`par criteria import`: a decision's annex (Word or Excel) → a draft criteria set, and what it could not decide.

The annexes under tests/annexes/ are built by tests/annexes/build.py (python-docx, openpyxl): numbering in its
own column and at the start of the text, Roman areas, a) and - sub-items, decimal commas, merged cells, a table
split across pages with its header repeated, a note row, slips in the sums.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from par_cli.core.annex import AnnexRow
from par_cli.core.annex_rules import read_rule
from par_cli.core.diagnostics import LineCol
from tests.conftest import ROOT, run, run_english

ANNEXES = ROOT / "tests" / "annexes"
NO_GRADES = (
    "{}: warning C026: the draft has no grade bands (grades: []): copy the decision's classification (xếp loại) into it"
)


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def imported(annex: str, tmp_path: Path, name: str) -> tuple[int, str, list[str]]:
    target = tmp_path / name
    code, out, err = run_english("criteria", "import", f"tests/annexes/{annex}", "-o", str(target))
    assert out == "", out
    return code, target.read_text(encoding="utf-8"), err.replace(str(tmp_path) + "/", "").splitlines()


def test_the_national_shape_gives_the_golden_set_and_its_undecided_rows(at_root: None, tmp_path: Path) -> None:
    code, text, lines = imported("national.docx", tmp_path, "national.yaml")
    assert text == (ANNEXES / "national.expected.yaml").read_text(encoding="utf-8")
    assert (code, lines) == (
        0,
        [
            NO_GRADES.format("national.yaml:10:1"),
            "national.yaml:12:3: info C014: areas total 15 points (3 areas)",
            "tests/annexes/national.docx:table 1:row 8: info C022: 1.3: scoring text left as points with a TODO: "
            "decide its rule",
            "tests/annexes/national.docx:table 2:row 4: warning C020: could not place this row (numbering I, 1, "
            "1.1, a), - expected): Ghi chú: tiêu chí 1.3 do Hội đồng thẩm định chấm",
            "note: national.yaml written: 3 areas, 7 leaves; rules read: check 1, deduction 1, levels 1, linear 1, "
            "points 1, tiers 2",
        ],
    )
    code, _, err = run_english("check", str(tmp_path / "national.yaml"))
    assert code == 0, err


def test_the_provincial_shape_and_its_slips(at_root: None, tmp_path: Path) -> None:
    code, text, lines = imported("provincial.docx", tmp_path, "provincial.yaml")
    assert text == (ANNEXES / "provincial.expected.yaml").read_text(encoding="utf-8")
    assert code == 1  # written, but 1.2's maximum is not the sum of its parts: the office fixes the draft
    assert lines == [
        NO_GRADES.format("provincial.yaml:9:1"),
        "provincial.yaml:11:3: info C014: areas total 19.5 points (2 areas)",
        "tests/annexes/provincial.docx: warning C024: the annex's total row says 20, its areas add up to 19.5",
        # the criterion's parts do not add up: said at the annex's row of 1.2 (2.), where the office fixes it
        "tests/annexes/provincial.docx:table 1:row 6: error C001: 1.2: max 5 is not the sum of its children's max "
        "4.5 (difference +0.5) (hint: set max to 4.5 or correct a child's max)",
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
    assert lines[2] == "tests/annexes/national.xlsx:Phụ lục!A8: info C022: 1.3: scoring text left as points with a " + (
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
        ("0,5 điểm mỗi phần mềm được triển khai, tối đa 2 điểm", "2", "count"),
        ("Mỗi ứng dụng 1 điểm, không quá 5 điểm", "5", "count"),
        ("0,5 điểm mỗi phần mềm, tối đa 3 điểm", "2", "points"),  # the cap is not the maximum
        ("Tỷ lệ × 2 điểm; dưới 80%: 0 điểm", "2", "linear"),
        ("Điểm = Tỷ lệ x điểm tối đa", "1.5", "linear"),
        ("Tỷ lệ × 3 điểm", "2", "points"),  # not the maximum
        ("Tỷ lệ × 2 điểm; trên 90%: 2 điểm", "2", "points"),  # a part it does not read
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
    assert (
        err
        == f"{tmp_path}/bad.docx: error C023: cannot read this annex (not a zip file: the file is damaged or is not a Word document)\n"
    )
    (tmp_path / "x.yaml").write_text("kept", encoding="utf-8")
    code, _, err = run("criteria", "import", "tests/annexes/national.docx", "-o", str(tmp_path / "x.yaml"))
    assert code == 2 and "U003: exists already: importing would overwrite it" in err, err
    assert (tmp_path / "x.yaml").read_text(encoding="utf-8") == "kept"  # never over a file without --force
    code, _, _ = run("criteria", "import", "tests/annexes/national.docx", "-o", str(tmp_path / "x.yaml"), "--force")
    assert code == 0
    missing = tmp_path / "no-such-folder" / "x.yaml"
    code, out, err = run("criteria", "import", "tests/annexes/national.docx", "-o", str(missing))
    assert (code, out, err) == (1, "", f"{missing}: error F003: cannot write the file: no such file or folder\n")


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
    code, _, err = run_english("criteria", "import", str(tmp_path / "a.docx"), "-o", str(tmp_path / "a.yaml"))
    assert code == 1  # 1.1 is 0 points and 1 is 2: the draft is written, not yet a set
    assert f"{tmp_path}/a.docx:table 1:row 3: warning C021: 1.1: no maximum in 'hai' (max left 0)" in err.splitlines()
    empty = Document()
    empty.add_paragraph("PHỤ LỤC")
    empty.save(str(tmp_path / "b.docx"))
    code, _, err = run_english("criteria", "import", str(tmp_path / "b.docx"), "-o", str(tmp_path / "b.yaml"))
    assert (code, err) == (
        1,
        f"{tmp_path}/b.docx: error C023: no criteria table found (headings such as STT, Tiêu chí, Điểm tối đa)\n",
    )
    assert not (tmp_path / "b.yaml").exists()


def test_the_office_layouts_levels_as_sub_rows_count_linear_adjustments_and_words_markup(
    at_root: None, tmp_path: Path
) -> None:
    """office.docx: levels written as `-`/`+` sub-rows with their own points, `x điểm mỗi …, tối đa y điểm`,
    `Tỷ lệ × y điểm; dưới 80%: 0`, an ĐIỂM THƯỞNG heading over two items and an unnumbered `Diem tru` row, and
    Word's own markup: a tracked insertion (8 % → 85 %), a tracked deletion, a smart tag holding a maximum, a
    field and a hyperlink in the text, a row deleted with track changes on."""
    code, text, lines = imported("office.docx", tmp_path, "office.yaml")
    assert text == (ANNEXES / "office.expected.yaml").read_text(encoding="utf-8")
    assert (code, lines) == (
        0,
        [
            NO_GRADES.format("office.yaml:9:1"),
            "office.yaml:11:3: info C014: areas total 10 points (2 areas)",  # the bonus and penalty add nothing
            "note: office.yaml written: 2 areas, 6 leaves; rules read: count 1, levels 1, linear 2, tiers 2",
        ],
    )
    assert "            - {above: 85, points: 2}\n" in text  # the tracked insertion is read: 85 %, not 8 %
    assert '        title: "Tiếp nhận và giải quyết thủ tục hành chính"\n' in text  # "hồ sơ" was deleted
    assert "Tiêu chí đã bỏ" not in text  # the row deleted with track changes on
    code, _, err = run_english("check", str(tmp_path / "office.yaml"))
    assert code == 0, err


def test_a_file_libreoffice_wrote_reads_the_same(at_root: None, tmp_path: Path) -> None:
    """office.docx opened and saved by LibreOffice (docx → odt → docx): its tracked changes, fields (written back
    as fldChar/instrText) and smart tags come out as LibreOffice writes them, and the draft is the same."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot make a file LibreOffice wrote")
    profile = f"-env:UserInstallation=file://{tmp_path}/profile"
    shutil.copy(ANNEXES / "office.docx", tmp_path / "office.docx")
    for source, target, folder in (("office.docx", "odt", tmp_path), ("office.odt", "docx", tmp_path / "lo")):
        subprocess.run(
            [soffice, "--headless", profile, "--convert-to", target, "--outdir", str(folder), str(tmp_path / source)],
            check=True,
            capture_output=True,
            timeout=120,
        )
    import zipfile

    with zipfile.ZipFile(tmp_path / "lo" / "office.docx") as written:
        assert "LibreOffice" in written.read("docProps/app.xml").decode()  # the file is LibreOffice's, not ours
    code, _, err = run("criteria", "import", str(tmp_path / "lo" / "office.docx"), "-o", str(tmp_path / "office.yaml"))
    assert code == 0, err
    assert (tmp_path / "office.yaml").read_text(encoding="utf-8") == (ANNEXES / "office.expected.yaml").read_text(
        encoding="utf-8"
    )


def test_cells_word_shows_but_par_cannot_read_as_text_are_refused_at_their_row(tmp_path: Path) -> None:
    """An equation as the maximum, a picture as the scoring text: refused (C023) at the table row, every one at
    once, and no draft written. A picture among the evidence (a column par does not read) does not matter."""
    from docx import Document
    from docx.oxml import parse_xml

    math = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'
    word = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = Document()
    rows = [["STT", "Tiêu chí", "Điểm tối đa", "Cách chấm", "Tài liệu kiểm chứng"], ["1", "Chỉ đạo", "3", "", ""]]
    rows += [["1.1", "Kế hoạch", "EQ", "Có: 1 điểm; không: 0 điểm", "PIC"], ["1.2", "Báo cáo", "2", "PIC", ""]]
    table = document.add_table(rows=4, cols=5)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            paragraph = table.cell(r, c).paragraphs[0]
            if text == "EQ":
                paragraph._p.append(parse_xml(f"<m:oMath {math}><m:r><m:t>1</m:t></m:r></m:oMath>"))
            elif text == "PIC":
                paragraph._p.append(parse_xml(f"<w:r {word}><w:pict/></w:r>"))
            else:
                paragraph.add_run(text)
    document.save(str(tmp_path / "a.docx"))
    code, out, err = run("criteria", "import", str(tmp_path / "a.docx"), "-o", str(tmp_path / "a.yaml"))
    hint = "(hint: retype it as plain text in Word (accept or reject the tracked changes first if any))"
    assert (code, out, err.splitlines()) == (
        1,
        "",
        [
            f"{tmp_path}/a.docx:table 1:row 3: error C023: the Điểm tối đa cell holds an equation, which par cannot "
            f"read as text {hint}",
            f"{tmp_path}/a.docx:table 1:row 4: error C023: the Cách chấm cell holds a picture or shape, which par "
            f"cannot read as text {hint}",
        ],
    )
    assert not (tmp_path / "a.yaml").exists()


@pytest.mark.parametrize(
    ("items", "rule"),
    [
        (  # percentage bounds read exactly: tiers, the bottom 0 row dropped
            [("Hoàn thành trên 90% kế hoạch", "2"), ("từ 70% đến 90%", "1"), ("dưới 70%", "0")],
            {"kind": "tiers", "tiers": [{"above": 90, "points": 2}, {"min": 70, "points": 1}]},
        ),
        (
            [("Từ 95% trở lên", "2"), ("từ 80% đến dưới 95%", "1,5"), ("dưới 80%", "0")],
            {"kind": "tiers", "tiers": [{"min": 95, "points": 2}, {"min": 80, "points": "1.5"}]},
        ),
        (  # a gap (70–80 %) between the tiers: not exact, the texts become level labels
            [("trên 90%", "2"), ("từ 70% đến 80%", "1"), ("dưới 70%", "0")],
            {"kind": "levels", "labels": ["trên 90%", "từ 70% đến 80%", "dưới 70%"]},
        ),
        (  # "Hoàn thành 90%": no bound word before the figure: levels
            [("Hoàn thành 90% kế hoạch", "2"), ("Hoàn thành 50% kế hoạch", "1"), ("Không hoàn thành", "0")],
            {"kind": "levels", "labels": ["Hoàn thành 90% kế hoạch", "Hoàn thành 50% kế hoạch", "Không hoàn thành"]},
        ),
        ([("Có", "1"), ("Không", "0")], {"kind": "check"}),
    ],
)
def test_sub_rows_as_levels_or_tiers(items: list[tuple[str, str]], rule: dict[str, object]) -> None:
    from decimal import Decimal

    from par_cli.core.annex_rules import rule_of_items

    found = rule_of_items([(text, Decimal(points.replace(",", "."))) for text, points in items])
    if "labels" in rule:
        assert (found["kind"], [level["label"] for level in found["levels"]]) == ("levels", rule["labels"])
    else:
        tiers = rule.get("tiers", [])
        assert isinstance(tiers, list)
        exact = [{k: Decimal(str(v)) for k, v in tier.items()} for tier in tiers]
        assert found == ({**rule, "tiers": exact} if tiers else rule)


def _rows(*rows: tuple[str, str, str, str]) -> list[AnnexRow]:
    return [AnnexRow(LineCol(f"a.docx:table 1:row {n}"), *row) for n, row in enumerate(rows, start=2)]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        (("IX", "ĐIỂM THƯỞNG", "2", ""), "bonus"),
        (("", "Điểm thưởng:", "2", ""), "bonus"),
        (("3", "DIEM THUONG", "2", ""), "bonus"),
        (("", "IX. ĐIỂM TRỪ", "2", ""), "penalty"),
        (("", "điểm trừ", "2", ""), "penalty"),
    ],
)
def test_bonus_and_penalty_headings_are_adjustments_not_areas(heading: tuple[str, str, str, str], kind: str) -> None:
    from decimal import Decimal

    from par_cli.core.annex import build

    draft = build(_rows(("I", "Chỉ đạo", "2", ""), ("1", "Kế hoạch", "2", "Có: 2 điểm; không: 0 điểm"), heading))
    assert [area["code"] for area in draft.areas] == ["1"]  # the heading adds nothing to the maximum
    code = "T" if kind == "bonus" else "P"
    assert [(a["code"], a["kind"], a["max"]) for a in draft.adjustments] == [(code, kind, Decimal(2))]
    assert draft.problems == []


def test_a_criterion_titled_with_the_words_is_not_a_heading_and_items_go_under_theirs() -> None:
    from decimal import Decimal

    from par_cli.core.annex import build

    draft = build(
        _rows(
            ("I", "Chỉ đạo", "2", ""),
            ("1.1", "Điểm thưởng cho sáng kiến", "2", ""),  # a criterion, deep in the tree
            ("", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", "", ""),
            ("1", "Điểm thưởng", "1", ""),
            ("2", "Điểm trừ", "", ""),
            ("a)", "Chậm báo cáo", "1", ""),
            ("b)", "Bị phê bình", "0,5", ""),
        )
    )
    assert draft.areas[0]["children"][0]["title"] == "Điểm thưởng cho sáng kiến"
    got = [(a["code"], a["title"], a["kind"], a["max"]) for a in draft.adjustments]
    assert got == [
        ("T", "Điểm thưởng", "bonus", Decimal(1)),
        ("P.1", "Chậm báo cáo", "penalty", Decimal(1)),
        ("P.2", "Bị phê bình", "penalty", Decimal("0.5")),
    ]


def test_sub_rows_in_a_bulleted_list_are_read_with_the_bullet_word_shows(tmp_path: Path) -> None:
    """The levels typed as Word's bulleted list (style "List Bullet"): the text has no `-`, Word shows one."""
    from docx import Document

    document = Document()
    rows = [["STT", "Tiêu chí", "Điểm tối đa"], ["1", "Tuyên truyền", "1"], ["", "•Đầy đủ", "1"]]
    rows += [["", "•Chưa đầy đủ", "0,5"], ["", "•Không thực hiện", "0"]]
    table = document.add_table(rows=len(rows), cols=3)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            paragraph = table.cell(r, c).paragraphs[0]
            if text.startswith("•"):
                paragraph.style = document.styles["List Bullet"]
            paragraph.add_run(text.lstrip("•"))
    document.save(str(tmp_path / "a.docx"))
    code, _, err = run("criteria", "import", str(tmp_path / "a.docx"), "-o", str(tmp_path / "a.yaml"))
    assert code == 0, err
    text = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert (
        "    max: 1\n"
        "    rule:\n"
        "      kind: levels\n"
        "      levels:\n"
        '        - {key: "day-du", label: "Đầy đủ", points: 1}\n'
        '        - {key: "chua-day-du", label: "Chưa đầy đủ", points: 0.5}\n'
        '        - {key: "khong-thuc-hien", label: "Không thực hiện", points: 0}\n'
    ) in text


def test_the_total_rows_figures_are_worded_the_readers_way(at_root: None, tmp_path: Path) -> None:
    """Figures for people follow the language (19,5); the C001 hint's figure is the one to type in YAML (4.5)."""
    target = tmp_path / "provincial.yaml"
    code, _, err = run("criteria", "import", "tests/annexes/provincial.docx", "-o", str(target), "--lang", "vi")
    assert code == 1, err
    assert (
        "tests/annexes/provincial.docx: cảnh báo C024: dòng tổng của phụ lục ghi 20, các lĩnh vực cộng lại 19,5\n"
        in err
    ), err
    assert "(chênh lệch +0,5) (gợi ý: đặt max là 4.5 hoặc sửa điểm tối đa của một mục con)" in err, err


def test_the_example_annex_drafts_a_valid_set(at_root: None, tmp_path: Path) -> None:
    """examples/phu-luc/ (the guide's `par criteria import` example) is the national shape: the same draft, a valid
    set (exit 0), its undecided row and its note row said at their rows of the annex."""
    target = tmp_path / "national.yaml"
    code, out, err = run_english(
        "criteria", "import", "examples/phu-luc/phu-luc-bo-chi-so-2025.docx", "-o", str(target)
    )
    assert code == 0, out + err
    golden = (ANNEXES / "national.expected.yaml").read_text(encoding="utf-8")
    assert target.read_text(encoding="utf-8") == golden.replace(
        "from national.docx", "from phu-luc-bo-chi-so-2025.docx"
    )
    assert "examples/phu-luc/phu-luc-bo-chi-so-2025.docx:table 1:row 8: info C022: 1.3: " in err, err
    assert run_english("check", str(target))[0] == 0
