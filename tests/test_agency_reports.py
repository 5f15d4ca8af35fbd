"""Reports per agency (`par score --among`, `par report`): rank and group average, findings as the table shows
them, the code column, the charts, the score workbook's total; the Word report as LibreOffice prints it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.conftest import ROOT, run
from tests.pages import needs_soffice, pdf_pages, pdf_words, to_pdf

AGENCY = "examples/2024/so-noi-vu.yaml"


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text]


def test_score_among_gives_rank_and_group_average(at_root: None, tmp_path: Path) -> None:
    target = tmp_path / "so-noi-vu.docx"
    code, _, err = run("score", AGENCY, "--among", "examples/2024", "-f", "docx", "-o", str(target))
    assert code == 0, err
    lines = paragraphs(target)
    assert "Xếp hạng trong nhóm: 3/12 cơ quan" in lines
    assert "Chỉ số bình quân của nhóm: 81,69 %" in lines
    code, out, _ = run("score", AGENCY, "--among", "examples/2024")
    assert "Xếp hạng trong nhóm 3/12 cơ quan · chỉ số bình quân của nhóm 81,69 %" in out


def test_score_among_another_period_is_refused_where_it_is_written(at_root: None) -> None:
    code, out, err = run("score", AGENCY, "--among", "examples/2025", "--lang", "en")
    assert (code, out) == (1, "")
    assert "examples/2024/so-noi-vu.yaml:6:9: error R006:" in err


def test_findings_name_the_criterion_and_show_the_tables_figures(at_root: None, tmp_path: Path) -> None:
    """Not `thông tin: 6.1.1: thẩm định giảm ≈1,9077 → ≈1,7538 (≈−0,1538)`."""
    target = tmp_path / "r.docx"
    assert run("score", AGENCY, "-f", "docx", "-o", str(target))[0] == 0
    lines = paragraphs(target)
    cut = "–\t6.1.1 Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao: thẩm định giảm 1,91 → 1,75 (−0,16)"
    assert cut in lines
    assert not [line for line in lines if "≈" in line]
    gap = next(line for line in lines if line.startswith("1.\t4.2.1 "))
    assert "đạt mức Không vượt số được giao: +3,00 điểm" in gap and "'" not in gap  # a label, never 'dung-quy-dinh'
    _, out, _ = run("score", AGENCY, "-f", "markdown")
    assert "- 6.1.1 Tỷ lệ giải ngân kế hoạch vốn đầu tư công được giao: thẩm định giảm 1,91 → 1,75 (−0,16)" in out


def test_difference_is_that_of_the_shown_figures(at_root: None, tmp_path: Path) -> None:
    """95,99 − 87,33 = 8,66 (the exact difference rounds to 8,65)."""
    target = tmp_path / "r.docx"
    assert run("score", AGENCY, "-f", "docx", "-o", str(target))[0] == 0
    total = [cell.text for cell in Document(str(target)).tables[0].rows[-1].cells]
    assert total == ["", "Tổng", "100,00", "95,99", "87,33", "−8,66", "87,33"]
    finance = [cell.text for cell in Document(str(target)).tables[0].rows[6].cells]
    assert finance[3:6] == ["7,91", "5,75", "−2,16"]


def test_code_column_holds_the_longest_code_at_13_points(at_root: None, tmp_path: Path) -> None:
    target = tmp_path / "r.docx"
    assert run("score", AGENCY, "--depth", "3", "-f", "docx", "-o", str(target))[0] == 0
    table = Document(str(target)).tables[0]
    twips = int(table._tbl.tblGrid.findall(qn("w:gridCol"))[0].get(qn("w:w")))
    codes = [row.cells[0].text for row in table.rows[1:]]
    longest = max(codes, key=len)
    assert longest == "1.1.1"
    # Times New Roman at 13 pt: digits 0.5 em, dots 0.25 em; Word's cell margins 0.19 cm a side
    needed = (3 * 0.5 + 2 * 0.25) * 13 * 20 + 2 * 108
    assert twips >= needed
    before = 12 * (165 * 1440 / 25.4) / 167  # the width its weight gave before: too narrow, `1.5.`/`1`
    assert before < needed


def test_report_writes_one_file_per_agency_with_its_rank(at_root: None, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    code, _, err = run("report", "examples/2024", "-o", str(out))
    assert code == 0, err
    written = sorted(path.name for path in out.iterdir())
    assert len(written) == 12 and "so-noi-vu.docx" in written
    ranking = json.loads(run("rank", "examples/2024", "-f", "json")[1])["groups"][0]
    for row in ranking["rows"]:
        lines = paragraphs(out / f"{row['agency']['id']}.docx")
        assert f"Xếp hạng trong nhóm: {row['rank']}/12 cơ quan" in lines, row["agency"]["id"]
        assert "Chỉ số bình quân của nhóm: 81,69 %" in lines
    before = (out / "so-noi-vu.docx").read_bytes()
    code, _, err = run("report", "examples/2024", "-o", str(out), "--lang", "en")
    assert code == 2
    assert err.count("error U003: exists already: writing the reports would overwrite it") == 12
    assert (out / "so-noi-vu.docx").read_bytes() == before
    assert run("report", "examples/2024", "-o", str(out), "--force")[0] == 0


def test_report_never_writes_into_the_folder_it_reads_a_workbook_would_be_read(at_root: None, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "so-noi-vu.yaml").write_bytes((ROOT / AGENCY).read_bytes())
    code, _, err = run("report", str(folder), "-o", str(folder), "-f", "xlsx", "--lang", "en")
    assert code == 2, err
    assert "so-noi-vu.xlsx: error U003:" in err
    assert sorted(path.name for path in folder.iterdir()) == ["so-noi-vu.yaml"]


def test_report_file_names_are_safe_on_windows() -> None:
    from par_cli.services.reports import file_name

    assert file_name("so-noi-vu", "docx") == "so-noi-vu.docx"
    assert file_name("con", "docx") == "_con.docx"
    assert file_name('a/b:c*d "e".', "xlsx") == "a-b-c-d-e.xlsx"
    assert len(file_name("x" * 300, "docx")) == 105


def test_score_workbook_sums_to_the_index_points(at_root: None, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "r.xlsx"
    assert run("score", AGENCY, "-f", "xlsx", "-o", str(target))[0] == 0
    sheet = load_workbook(target).active
    assert sheet is not None
    rows = [row for row in sheet.iter_rows(values_only=True) if row[0] is not None or row[1] == "Tổng"]
    header = next(n for n, row in enumerate(rows) if row[0] == "Mã")
    body, total = rows[header + 1 : -1], rows[-1]
    assert [row[0] for row in body] == ["1", "2", "3", "4", "5", "6", "7", "8", "T", "P"]
    assert total[1:] == ("Tổng", 100, 95.99, 87.33, 87.33)
    points = [float(str(row[4])) for row in body]
    assert round(sum(points), 2) == total[4] == 87.33
    assert round(sum(points[:8]), 2) == 86.33


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One agency's Word report (three levels, with its group) and its workbook, as LibreOffice prints them."""
    folder = tmp_path_factory.mktemp("printed")
    document, workbook = folder / "bao-cao.docx", folder / "bang-tinh.xlsx"  # each its own PDF
    for target in (document, workbook):
        fmt = target.suffix[1:]
        args = ("score", str(ROOT / AGENCY), "--depth", "3", "--among", str(ROOT / "examples/2024"), "-f", fmt)
        code, _, err = run(*args, "-o", str(target))
        assert code == 0, err
    return to_pdf(document), to_pdf(workbook)


@needs_soffice
def test_printed_report_shows_every_figure_whole_and_no_id(printed: tuple[Path, Path], tmp_path: Path) -> None:
    pdf, _ = printed
    words = pdf_words(pdf)
    document = Document(str(pdf.with_suffix(".docx")))
    for row in document.tables[0].rows[1:]:
        cells = [cell.text for cell in row.cells]
        for figure in cells[2:]:
            if figure:
                assert figure in words, (cells[0], figure)
        assert not cells[0] or cells[0] in words  # a code whole: `1.5.1`, never `1.5.`/`1`
    assert "1.5.1" in words
    text = "\n".join(pdf_pages(pdf))
    for key in ("so-noi-vu", "so-nganh", "mau-so-nganh", "dung-quy-dinh", "day-du", "≈"):
        assert key not in text, key
    for line in ("3/12", "81,69", "87,33", "Sở Nội vụ", "Chỉ số các cơ quan trong nhóm (%)"):
        assert line in text
    assert "−8,66" in words


@needs_soffice
def test_printed_workbook_has_the_total_row(printed: tuple[Path, Path]) -> None:
    _, pdf = printed
    words = pdf_words(pdf)
    total = [word for word in words if word.replace(".", ",") in ("87,33", "95,99")]  # the locale's separator
    assert (
        "Tổng" in "".join(pdf_pages(pdf)) and len(total) >= 4
    )  # the summary's index and points, the total row's points and index


def test_report_and_among_score_relative_criteria_against_the_group_as_the_ranking_does(
    at_root: None, tmp_path: Path
) -> None:
    """A `relative` criterion scores against the group's leader: scored alone, each commune would be its own
    leader (full points), so its report would show another index than its ranking's."""
    ranking = json.loads(run("rank", "examples/tham-dinh-2025", "-f", "json")[1])["groups"][0]["rows"]
    assert [row["index"] for row in ranking] == [93.68, 76.89, 74.5]
    out = tmp_path / "reports"
    assert run("report", "examples/tham-dinh-2025", "-o", str(out), "-f", "html")[0] == 0
    for row in ranking:
        code, shown, err = run(
            "score",
            f"examples/tham-dinh-2025/{row['agency']['id']}.yaml",
            "--among",
            "examples/tham-dinh-2025",
            "-f",
            "json",
        )
        assert code == 0, err
        assert json.loads(shown)["index"] == row["index"], row["agency"]["id"]
        page = (out / f"{row['agency']['id']}.html").read_text(encoding="utf-8")
        assert f"{row['index']:.2f} %".replace(".", ",") in page, row["agency"]["id"]


ROUNDED_SET = """\
kind: criteria
id: bo-lam-tron
title: "Bộ thử làm tròn"
areas:
  - {code: "1", title: "Chỉ đạo", max: 10, rule: {kind: points}}
  - {code: "2", title: "Thể chế", max: 10, rule: {kind: points}}
"""
ROUNDED = """\
kind: assessment
criteria: bo-lam-tron
agency: {id: a, name: "Sở A"}
period: 2025
answers: {"1": 1.125, "2": 1.125}
"""


@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "docx", "xlsx"])
def test_rows_that_do_not_add_up_to_the_total_say_why(tmp_path: Path, fmt: str) -> None:
    """Each area rounded on its own (1,125 → 1,13, twice) adds up to 2,26 beside a total of 2,25: every format
    says under the table that the total is computed before rounding, with the rows' sum per column."""
    (tmp_path / "criteria.yaml").write_text(ROUNDED_SET, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(ROUNDED, encoding="utf-8")
    target = tmp_path / f"a.{fmt}"
    args = ["-o", str(target)] if fmt in ("docx", "xlsx", "html") else []
    code, out, err = run("score", str(tmp_path / "a.yaml"), "-f", fmt, *args)
    assert code == 0, err
    if fmt == "docx":
        out = "\n".join(paragraphs(target))
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(target).active
        assert sheet is not None
        out = "\n".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c is not None)
    elif fmt == "html":
        out = target.read_text(encoding="utf-8")
    flat = " ".join(out.split())
    assert "Tổng tính từ số chưa làm tròn" in flat
    self_title, final_title = ("Điểm tự đánh giá", "Điểm thẩm định") if fmt == "docx" else ("Tự chấm", "Đạt")
    assert f"cộng các dòng đã làm tròn: {self_title} 2,26; {final_title} 2,26." in flat


def test_rows_that_add_up_need_no_note(at_root: None) -> None:
    code, out, _ = run("score", AGENCY)
    assert code == 0
    assert "làm tròn" not in out


def test_report_workbook_gives_rank_and_group_average(at_root: None, tmp_path: Path) -> None:
    """`par report -f xlsx` (and `par score --among -f xlsx`): the rank and the group's average, as the Word report
    and the page give them, the average a number."""
    from openpyxl import load_workbook

    code, _, err = run("report", "examples/2024", "-o", str(tmp_path), "-f", "xlsx")
    assert code == 0, err
    sheet = load_workbook(tmp_path / "so-noi-vu.xlsx").active
    assert sheet is not None
    lines = {row[0]: row[2] for row in sheet.iter_rows(max_row=9, values_only=True) if row[0]}
    assert lines["Xếp hạng trong nhóm"] == "3/12 cơ quan"
    assert lines["Chỉ số bình quân của nhóm"] == 81.69


@needs_soffice
def test_the_areas_chart_is_on_one_page_with_its_title(tmp_path: Path) -> None:
    """Try-out: the chart's title and three bars ended page 1, its other five bars began page 2. A chart of an
    agency's areas is kept whole: every area's figure follows its title on one page."""
    target = tmp_path / "bao-cao.docx"
    args = ("score", str(ROOT / "examples/2025/so-noi-vu.yaml"), "--among", str(ROOT / "examples/2025"))
    assert run(*args, "-f", "docx", "-o", str(target))[0] == 0
    areas = json.loads(run(*args, "-f", "json")[1])["areas"]
    shown = [f"{area['index']:.2f}".replace(".", ",") for area in areas]
    title = "Chỉ số theo lĩnh vực (%)"
    page = next(page for page in pdf_pages(to_pdf(target)) if title in page)
    chart = page[page.index(title) :].split()
    assert [word for word in chart if word in shown] == shown, chart
