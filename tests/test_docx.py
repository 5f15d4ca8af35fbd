"""Word out: the ranking as the decision's annex and one agency's report, read back with python-docx."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from tests.conftest import ROOT, Write, run
from tests.pages import own_profile


def vietnamese(value: Any, places: int = 2) -> str:
    """A JSON figure as the annex writes it in Vietnamese: `89,54`, `100,00`."""
    return f"{Decimal(str(value)):.{places}f}".replace(".", ",")


def millimetres(*lengths: Any) -> list[int]:
    return [round(length.mm) for length in lengths]


def texts(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def ranked(tmp_path: Path, *more: str) -> tuple[Any, dict[str, Any]]:
    """The annex of examples/2024 (against 2023) and the same ranking as JSON."""
    target = tmp_path / "phu-luc.docx"
    args = ("rank", "examples/2024", "--previous", "examples/2023", *more)
    code, out, err = run(*args, "-f", "docx", "-o", str(target))
    gone = "Sở Kế hoạch và Đầu tư (so-ke-hoach-dau-tu, #4)"  # in 2023, not in 2024: said (R012)
    assert (code, out, err) == (
        0,
        "",
        f"examples/2023: warning R012: 1 unit ranked last period is not in this ranking: {gone}\n"
        if "en" in more  # --lang en; otherwise the sets' language (Vietnamese)
        else f"examples/2023: cảnh báo R012: 1 đơn vị được xếp hạng kỳ trước không có trong bảng xếp hạng này: {gone}\n",
    )
    code, out, err = run(*args, "-f", "json")
    assert code == 0, err
    return Document(str(target)), json.loads(out)


def test_the_ranking_annex_has_the_json_figures_the_vietnamese_way(at_root: None, tmp_path: Path) -> None:
    document, data = ranked(tmp_path)
    lines = [p.text for p in document.paragraphs if p.text]
    assert lines[:4] == [
        "PHỤ LỤC",
        "KẾT QUẢ XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
        "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu)",  # the set's title, no id; one group, no label: no group heading
        "(Kèm theo Quyết định số       /QĐ-        ngày      tháng      năm        )",  # no office file: blank
    ]
    (table,) = document.tables
    cells = texts(table)
    assert cells[0][:3] == ["STT", "Cơ quan, đơn vị", "Điểm tối đa"]
    assert cells[0][3:6] == ["Điểm đạt"] * 3  # one merged heading over its three parts
    assert cells[1][3:6] == ["Điểm thẩm định", "Điểm điều tra XHH", "Tổng điểm"]
    assert cells[0][6:] == ["Chỉ số (%)", "Xếp hạng", "Xếp loại", "Xếp hạng 2023", "Tăng (+), giảm (−) bậc"]
    rows = data["groups"][0]["rows"]
    assert len(cells) == 2 + len(rows) == 14
    for number, (row, item) in enumerate(zip(cells[2:], rows, strict=True), start=1):
        change = item["rank_change"]
        expected = [
            str(number),
            item["agency"]["name"],
            vietnamese(item["max"]),
            vietnamese(item["appraised_points"]),
            vietnamese(item["survey_points"]),
            vietnamese(item["points"]),
            vietnamese(item["index"]),
            str(item["rank"]),
            item["grade"],
            "" if item["previous_rank"] is None else str(item["previous_rank"]),
            "mới" if change is None else f"+{change}" if change > 0 else f"−{-change}" if change < 0 else "0",
        ]
        assert row == expected, (row, expected)
    assert cells[2] == ["1", "Sở Tư pháp", "100,00", "71,68", "17,87", "89,54", "89,54", "1", "Tốt", "2", "+1"]
    assert cells[12][-2:] == ["", "mới"]  # Sở Công Thương was not ranked in 2023
    assert lines[4] == "Tổng số: 12 cơ quan; chỉ số bình quân: 81,69%; Tốt: 07, Khá: 05"


def test_the_annex_is_laid_out_as_an_administrative_document(at_root: None, tmp_path: Path) -> None:
    document, _ = ranked(tmp_path)
    section = document.sections[0]
    assert millimetres(section.page_width, section.page_height) == [297, 210]  # A4 landscape
    assert millimetres(section.left_margin, section.right_margin, section.top_margin) == [30, 15, 20]
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Times New Roman", Pt(13))
    footer = section.footer.paragraphs[0]._p
    assert [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))] == ["PAGE"]
    table = document.tables[0]
    repeated = [row._tr.trPr is not None and row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows]
    assert repeated == [True, True] + [False] * 12  # the two header rows come back on every page
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_areas_come_as_a_table_of_their_own_with_the_titles(at_root: None, tmp_path: Path) -> None:
    document, data = ranked(tmp_path, "--areas")
    assert len(document.tables) == 2
    cells = texts(document.tables[1])
    assert cells[0] == ["STT", "Cơ quan, đơn vị", "1", "2", "3", "4", "5", "6", "7", "8"]
    first = data["groups"][0]["rows"][0]
    assert cells[1] == ["1", first["agency"]["name"], *(vietnamese(a["index"]) for a in first["areas"])]
    legend = [p.text for p in document.paragraphs if p.text.startswith("1: ")]
    assert legend and legend[0].startswith("1: Công tác chỉ đạo, điều hành cải cách hành chính; 2: Cải cách thể chế;")


def test_the_annex_in_english(at_root: None, tmp_path: Path) -> None:
    document, _ = ranked(tmp_path, "--lang", "en")
    lines = [p.text for p in document.paragraphs if p.text]
    assert lines[:2] == ["ANNEX", "PAR INDEX RESULTS AND RANKING FOR 2024"]
    cells = texts(document.tables[0])
    assert cells[1][3:6] == ["Appraised", "Survey", "Total"]
    assert cells[2][:7] == ["1", "Sở Tư pháp", "100.00", "71.68", "17.87", "89.54", "89.54"]
    assert cells[12][-1] == "new"


SMALL_SET = """\
kind: criteria
id: small
title: "Bộ nhỏ"
precision: 2
grades: [{min: 80, label: "Tốt"}, {min: 0, label: "Khá"}]
areas:
  - {code: "1", title: "Chỉ đạo", max: 3, children: [{code: "1.1", title: "Kế hoạch", max: 3, rule: {kind: points}}]}
  - {code: "2", title: "Thể chế", max: 2, children: [{code: "2.1", title: "Văn bản", max: 2, rule: {kind: points}}]}
"""


def test_a_set_without_a_survey_has_one_points_column(write: Write) -> None:
    write("small.yaml", SMALL_SET)
    write(
        "a.yaml",
        "kind: assessment\ncriteria: small\nagency: {id: a, name: Xã A}\nperiod: 2025\n"
        'answers: {"1.1": {self: 2.5}, "2.1": {self: 1.125}}\n',
    )
    code, _, err = run("rank", "a.yaml", "-f", "docx", "-o", "out.docx")
    assert code == 0, err
    code, out, _ = run("rank", "a.yaml", "-f", "json")
    item = json.loads(out)["groups"][0]["rows"][0]
    cells = texts(Document("out.docx").tables[0])
    assert cells == [
        ["STT", "Cơ quan, đơn vị", "Điểm tối đa", "Điểm đạt", "Chỉ số (%)", "Xếp hạng", "Xếp loại"],
        ["1", "Xã A", "5,00", "3,63", "72,50", "1", "Khá"],  # 3.625 rounded half-up once
    ]
    assert "survey_points" not in item and "appraised_points" not in item
    assert cells[1][2:5] == [vietnamese(item["max"]), vietnamese(item["points"]), vietnamese(item["index"])]


def test_one_agencys_report(at_root: None, tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.docx"
    file = "examples/2024/ban-dan-toc.yaml"
    code, out, err = run("score", file, "--depth", "2", "-f", "docx", "-o", str(target))
    assert (code, out, err) == (0, "", ""), err
    data = json.loads(run("score", file, "-f", "json")[1])
    document = Document(str(target))
    assert millimetres(document.sections[0].page_width, document.sections[0].page_height) == [210, 297]
    lines = [p.text for p in document.paragraphs if p.text]
    assert lines[:7] == [
        "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
        "BAN DÂN TỘC TỈNH",
        "Bộ chỉ số: Bộ Chỉ số CCHC các sở, ban, ngành (mẫu)",
        f"Chỉ số: {vietnamese(data['index'])} %",
        f"Điểm: {vietnamese(data['points'])} / {vietnamese(data['max'])}",
        f"Xếp loại: {data['grade']}",
        f"Tự đánh giá: {vietnamese(data['self']['index'])} %",
    ]
    cells = texts(document.tables[0])
    header = ["Mã", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Chênh lệch"]
    assert cells[0] == [*header, "Chỉ số (%)"]
    area = ["1", "Công tác chỉ đạo, điều hành cải cách hành chính", "9,00", "9,00", "8,50", "−0,50", "94,44"]
    assert cells[1] == area
    assert cells[4][:3] == ["1.3", "Kiểm tra công tác CCHC đối với các đơn vị trực thuộc", "K.P.S"]  # indented
    own, final = Decimal(str(data["self"]["points"])), Decimal(str(data["points"]))
    total = ["", "Tổng", vietnamese(data["max"]), vietnamese(own), vietnamese(final), "−" + vietnamese(own - final)]
    assert cells[-1] == [*total, vietnamese(data["index"])]
    assert "Lưu ý" in lines and "Điểm có thể cải thiện (lớn nhất trước)" in lines


def test_a_word_document_needs_an_output_file(at_root: None) -> None:
    code, out, err = run("rank", "examples/2024", "-f", "docx")
    assert (code, out) == (2, "")
    assert err == "par: error U001: --format docx writes a Word document: give --output FILE.docx\n"
    code, out, err = run("score", "examples/2024/ban-dan-toc.yaml", "-f", "docx")
    assert (code, out) == (2, "")
    assert "U001" in err


def test_names_with_control_characters_and_markup_are_written_as_text(write: Write) -> None:
    from tests.conftest import SPEC

    write("criteria.yaml", (SPEC / "criteria.yaml").read_text(encoding="utf-8"))
    text = (SPEC / "so-noi-vu.yaml").read_text(encoding="utf-8")
    assert '"Sở Nội vụ"' in text
    write("a.yaml", text.replace('"Sở Nội vụ"', '"Sở <b>[red]X[/red]</b> \\x1b[31m\\x07 =SUM(A1)"', 1))
    code, _, err = run("rank", "a.yaml", "--criteria", "criteria.yaml", "-f", "docx", "-o", "out.docx")
    assert code == 0, err
    assert texts(Document("out.docx").tables[0])[2][1] == "Sở <b>[red]X[/red]</b> \\x1b[31m\\x07 =SUM(A1)"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_the_annex_and_report_convert_to_pdf(at_root: None, tmp_path: Path) -> None:
    for args in (
        ("rank", "examples/2024", "--previous", "examples/2023", "--areas"),
        ("score", "examples/2024/ban-dan-toc.yaml", "--depth", "3"),
    ):
        target = tmp_path / f"{args[0]}.docx"
        assert run(*args, "-f", "docx", "-o", str(target))[0] == 0
        result = subprocess.run(
            ["soffice", own_profile(), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(target)],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert result.returncode == 0, result.stderr
        pdf = tmp_path / f"{args[0]}.pdf"
        assert pdf.stat().st_size > 10_000
        pages = (
            subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True) if shutil.which("pdfinfo") else None
        )
        if pages is not None:
            count = int(next(line for line in pages.stdout.splitlines() if line.startswith("Pages:")).split()[1])
            assert count >= 2  # the tables run onto a second page, under their repeated header


def test_word_and_excel_files_say_par_made_them_and_when(tmp_path: Path) -> None:
    """Issue 28: File › Properties said "python-docx", 2013 and "openpyxl": now par, its version and today."""
    import datetime
    import zipfile

    from par_cli import __version__

    for fmt in ("docx", "xlsx"):
        out = tmp_path / f"rank.{fmt}"
        code, _, err = run("rank", str(ROOT / "examples/2024"), "-f", fmt, "-o", str(out))
        assert code == 0, err
        core = zipfile.ZipFile(out).read("docProps/core.xml").decode()
        assert f">par {__version__}</dc:creator>" in core and f">par {__version__}</cp:lastModifiedBy>" in core
        assert "python-docx" not in core and "openpyxl" not in core
        assert f">{datetime.datetime.now(datetime.UTC).year}-" in core
