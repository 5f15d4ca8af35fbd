"""`par trend` and `par gaps` through the views layer: the Markdown and Word outputs the shared writers give them,
pinned as a reader sees them (the outputs they had before are pinned byte for byte by the golden script)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import ROOT, run, runner

YEARS = [str(ROOT / f"examples/{year}") for year in (2023, 2024, 2025)]


def test_trend_in_markdown_is_the_table_with_its_notes() -> None:
    code, out, err = run("trend", *YEARS, "-f", "markdown", "--lang", "en")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:7] == [
        "# Index across periods: 2023, 2024, 2025",
        "",
        "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu)",
        "",
        "| Agency | Index 2023 | Rank 2023 | Index 2024 | Rank 2024 | Index 2025 | Rank 2025 | Trend | Change |",
        "| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        "| Sở Tư pháp | 85.50 | 2 | 89.54 | 1 | 90.03 | 1 | ▆▇█ | +4.53 |",
    ]
    assert "| Sở Công Thương và Khoa học, Công nghệ | 79.64* | 8* | 78.51* | 9* | 79.38 | 8 | ▃▃▃ | −0.26 |" in lines
    n = lines.index("| Sở Công Thương và Khoa học, Công nghệ | 79.64* | 8* | 78.51* | 9* | 79.38 | 8 | ▃▃▃ | −0.26 |")
    assert lines[n + 1 : n + 3] == [  # the predecessors' own figures, nested under it
        "| &nbsp;&nbsp;↳ Sở Công Thương | — | — | 76.75 | 11 | — | — |  ▂  | — |",
        "| &nbsp;&nbsp;↳ Sở Khoa học và Công nghệ | 79.64 | 8 | 80.27 | 7 | — | — | ▃▃  | +0.63 |",
    ]
    assert "| Sở Kế hoạch và Đầu tư | 83.73 | 4 | — | — | — | — | ▅   | — |" in lines
    # a note starting with `*` stays a paragraph, not a list item; the mean with the figures of the lines above
    assert lines[-1] == (
        "\\* Sở Công Thương và Khoa học, Công nghệ, 2024: the mean of the predecessors' indices "
        "(Sở Công Thương, Sở Khoa học và Công nghệ): 78.51 = (76.75 + 80.27) / 2; "
        "rank: where that index stands in that period's ranking"
    )


def test_gaps_in_markdown_has_a_table_per_set_and_every_agency_losing_most() -> None:
    code, out, err = run("gaps", str(ROOT / "examples/2025"), "-f", "markdown", "--lang", "vi")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:7] == [
        "# Nơi mất điểm",
        "",
        "## Bộ Chỉ số CCHC các sở, ban, ngành (mẫu) · 11 cơ quan",
        "",
        "| Mã | Tiêu chí | CQ mất điểm | Tổng mất | Bình quân | % tối đa | Mất nhiều nhất |",
        "| :--- | :--- | ---: | ---: | ---: | ---: | :--- |",
        "| 3.2 | Thực hiện cơ chế một cửa, một cửa liên thông | 10/11 | 16,19 | 1,47 | 24,91 "
        "| Sở Nông nghiệp và Môi trường (2,78); Sở Giáo dục và Đào tạo (2,54); Sở Y tế (1,77) |",
    ]
    assert len([line for line in lines if line.startswith("| ")]) == 1 + 1 + 69  # every criterion (69), not --top's


def _docx(tmp_path: Path, *args: str) -> object:
    pytest.importorskip("docx")
    from docx import Document

    out = tmp_path / "out.docx"
    code, _, err = run(*args, "-f", "docx", "-o", str(out))
    assert code == 0, err
    return Document(str(out))


def test_trend_in_word_is_a_landscape_table_with_the_notes(tmp_path: Path) -> None:
    from docx.enum.section import WD_ORIENT

    document: object = _docx(tmp_path, "trend", *YEARS, "--lang", "vi")
    from docx.document import Document

    assert isinstance(document, Document)
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE  # nine columns
    assert [p.text for p in document.paragraphs[:2]] == [
        "Chỉ số qua các kỳ: 2023, 2024, 2025",
        "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu)",
    ]
    [table] = document.tables
    assert [cell.text for cell in table.rows[0].cells] == [
        "Cơ quan", "Chỉ số\n2023", "Hạng\n2023", "Chỉ số\n2024", "Hạng\n2024",
        "Chỉ số\n2025", "Hạng\n2025", "Xu hướng", "Thay đổi",
    ]  # fmt: skip
    assert [cell.text for cell in table.rows[1].cells] == [
        "Sở Tư pháp", "85,50", "2", "89,54", "1", "90,03", "1", "▆▇█", "+4,53",
    ]  # fmt: skip
    notes = [p.text for p in document.paragraphs if p.text.startswith("*")]
    assert notes[0].startswith("* Sở Công Thương và Khoa học, Công nghệ, 2023: chỉ số của đơn vị tiền thân")


def test_gaps_in_word_puts_the_agencies_losing_most_under_the_criterion(tmp_path: Path) -> None:
    from docx.enum.section import WD_ORIENT

    document: object = _docx(tmp_path, "gaps", str(ROOT / "examples/2025"), "--lang", "en")
    from docx.document import Document

    assert isinstance(document, Document)
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT  # six columns fit an A4 page upright
    assert document.paragraphs[0].text == "Where points are lost"
    [table] = document.tables
    assert len(table.rows) == 1 + 69
    assert [cell.text for cell in table.rows[1].cells] == [
        "3.2",
        "Thực hiện cơ chế một cửa, một cửa liên thông\n"
        "↳ Sở Nông nghiệp và Môi trường (2.78)\n↳ Sở Giáo dục và Đào tạo (2.54)\n↳ Sở Y tế (1.77)",
        "10/11", "16.19", "1.47", "24.91",
    ]  # fmt: skip


def test_trend_area_tables_in_html_close_their_rows() -> None:
    """Each row of an area's table ends with </tr> (it did not: the writer of every table now closes them)."""
    code, out, err = run("trend", *YEARS, "--areas", "-f", "html", "--lang", "en")
    assert code == 0, err
    area = out.split("<h2>Area index across periods (rank): 1. Công tác chỉ đạo, điều hành cải cách hành chính</h2>")[
        1
    ].split("</tbody></table>")[0]
    rows = [line for line in area.splitlines() if line.startswith("<tr>")]
    assert len(rows) == 14 and all(row.endswith("</td></tr>") for row in rows)  # 12 units, 2 predecessors


def test_appraisal_cuts_without_a_cut_says_so_on_the_terminal_and_writes_an_empty_list() -> None:
    import io

    from openpyxl import load_workbook
    from rich.console import Console

    from par_cli.views.appraisal_cuts import report
    from par_cli.writers import write

    screen = Console(file=io.StringIO(), width=80, no_color=True)
    screen.print(write(report([], "en"), "table"))
    assert screen.file.getvalue() == "Criteria the appraisal changed\nNo criterion changed.\n"  # type: ignore[attr-defined]
    sheet = load_workbook(io.BytesIO(write(report([], "vi"), "xlsx"))).worksheets[0]
    assert sheet.title == "Danh sách tiêu chí thẩm định"  # the title, cut after a word within 31 characters
    header = ["Cơ quan", "Mã", "Nội dung", "Điểm tự chấm", "Thẩm định", "Chênh lệch", "Lý do"]
    assert sheet["A1"].value == "Danh sách tiêu chí thẩm định thay đổi điểm"  # its title row, then the header
    assert [c.value for c in sheet[2]] == header
    assert sheet.max_row == 2 and sheet.auto_filter.ref == "A2:G2" and sheet.freeze_panes == "C3"


def test_explain_on_a_narrow_terminal_keeps_every_figure_whole() -> None:
    """The ledger's figures are never cut: where room is short, the title column alone gives way (the views
    layer's `Table.whole`; a table laid out like trend's would crop `−1,58` to `−1,5` at 45 columns)."""
    from par_cli.__main__ import app

    file = str(ROOT / "examples/2024/so-noi-vu.yaml")
    result = runner.invoke(app, ["explain", file, "3.2", "--lang", "vi"], env={"COLUMNS": "45", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    ledger = lines[: next(n for n, line in enumerate(lines) if line.startswith("Chỉ số"))]
    rows = [line.split() for line in ledger if line.lstrip().startswith("3.2")]
    # too narrow for the ledger whole: its titles and first figures, then the others led by the codes
    assert [row[0] for row in rows] == ["3.2", "3.2.1", "3.2.2", "3.2.3"] * 2
    assert rows[0][-2:] == ["4,42", "6,00"]
    assert rows[4:] == [
        ["3.2", "−1,58", "−1,58"],
        ["3.2.1", "−0,08", "−0,08"],
        ["3.2.2", "−0,50", "−0,50"],
        [
            "3.2.3",
            "−1,00",
            "−1,00",
        ],
    ]
    assert max(map(len, lines)) <= 45


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown", "html"])
def test_rank_robustness_margins_are_computed_before_any_rendering(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--robustness` figures are part of the view: a renderer only reads them (none is computed once the
    output is being made)."""
    import par_cli.core.robustness as core
    from par_cli.cli import shell

    rendering: list[bool] = []
    computed: list[bool] = []
    real_robustness, real_write = core.robustness, shell.write

    def robustness(group: object, *steps: int) -> object:
        computed.append(bool(rendering))
        return real_robustness(group, *steps)  # type: ignore[arg-type]

    def write(*args: object) -> object:
        rendering.append(True)
        return real_write(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(core, "robustness", robustness)
    monkeypatch.setattr(shell, "write", write)
    code, _, err = run("rank", str(ROOT / "examples/2025"), "--robustness", "-f", fmt, "--lang", "en")
    assert code == 0, err
    assert computed == [False] and rendering == [True]


def test_the_writers_lay_out_the_new_blocks_of_any_report() -> None:
    """A report no command made: a table too wide for its terminal is split (its first columns, then the rest,
    each led by the kept ones), with its summary and notes under it; problems go to text, GitHub and SARIF as
    their fields say. The writers serve it because they read the report, not the command."""
    from rich.console import Console

    from par_cli.views.report import Column, Kind, Problem, Problems, Report, Table
    from par_cli.writers import write

    columns = [Column("No", Kind.rank), Column("Name", wide=True, narrowest=6)]
    columns += [Column(f"Figure {n}", Kind.figure) for n in range(1, 7)]
    table = Table(columns, [["1", "Alpha", *("12,50" for _ in range(6))]], split=(2, 4), summary="1 row", notes=["x"])
    console = Console(width=48, record=True, file=io.StringIO())
    console.print(write(Report("T", "en", [table], {}, (), on_screen=False, width=48), "table"))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    assert lines[0].split() == ["No", "Name", "Figure", "1", "Figure", "2"]
    assert lines[2].split() == ["1", "Alpha", "12,50", "12,50"]
    assert lines[4].split() == ["No", "Name", "Figure", "3", "Figure", "4", "Figure", "5"]
    assert lines[8].split() == ["No", "Name", "Figure", "6"]
    assert lines[-2:] == ["1 row", "x"]

    problem = Problem("a b.yaml", 3, 0, "warning", "X001", "said: x", "worded, x", "in English")
    report = Report("T", "en", [Problems([problem], [("X001", "about x", "warning")])], {}, ())
    assert write(report, "text") == "said: x\n"
    assert write(report, "github") == "::warning file=a b.yaml,line=3,col=1,title=X001::worded, x\n"
    sarif = write(report, "sarif")
    assert '"ruleIndex": 0' in sarif and '"text": "in English"' in sarif and '"text": "about x"' in sarif


@pytest.mark.parametrize("width", ["40", "50", "55"])
def test_a_ranking_on_a_narrow_terminal_never_cuts_a_figure_nor_drops_a_name(width: str) -> None:
    """Try-out: at 50 columns the first columns alone were too wide: 89,54 showed as 89,5, names vanished.
    They are now parted into tables each led by rank and agency, every figure whole."""
    import json

    args = ["rank", str(ROOT / "examples/2025"), "--previous", str(ROOT / "examples/2024"), "--robustness"]
    code, out, _ = run(*args, COLUMNS=width)
    assert code == 0
    data = json.loads(run(*args, "-f", "json")[1])
    words = out.split()
    for group in data["groups"]:
        for row in group["rows"]:
            for key in ("points", "max", "index"):
                assert f"{row[key]:.2f}".replace(".", ",") in words, (key, row[key])
            assert row["agency"]["name"].split()[1] in out
    assert "…" not in out
