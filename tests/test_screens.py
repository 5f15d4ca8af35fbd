"""Terminals and screens: every table at 80 and 60 columns keeps each word and figure whole (the terminal writer
lays tables out itself: figures never wrap, texts wrap at spaces, a table too wide is parted or stacked); help
keeps its metavars whole; the survey report by names, with a workbook; HTML tables use a wide screen."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import ROOT, run
from tests.pages import measure, needs_chromium, needs_soffice, pdf_page_size_mm, pdf_pages, pdf_words, to_pdf

COMMANDS = {
    "score": ["score", "examples/2024/so-noi-vu.yaml"],
    "explain": ["explain", "examples/2024/so-noi-vu.yaml"],
    "rank-areas": ["rank", "examples/2025", "--previous", "examples/2024", "--areas"],
    "rank-robustness": ["rank", "examples/2025", "--robustness"],
    "rank-against": [
        "rank",
        "examples/2024",
        "--criteria",
        "examples/revised-2025/criteria.yaml",
        "--against",
        "mau-so-nganh",
    ],
    "criteria-list": ["criteria", "list"],
    "criteria-show": ["criteria", "show", "mau-so-nganh"],
    "criteria-diff": ["criteria", "diff", "mau-so-nganh", "examples/revised-2025/criteria.yaml"],
    "trend": ["trend", "examples/2023", "examples/2024", "examples/2025"],
    "gaps": ["gaps", "examples/2025", "--top", "4"],
    "survey": ["survey", "report", "examples/survey-2024/survey.yaml"],
    "cuts": ["appraisal", "cuts", "examples/tham-dinh-2025"],
}
DRAWN = set("█▏▎▍▌▋▊▉·─")  # bars (drawn only on wide terminals) and rules


def _tokens(text: str, figures: bool) -> Counter[str]:
    """The output's words (or only its figures: tokens with a digit), a stacked `title:` as its title."""
    found = (token.rstrip(":") for token in text.split() if not set(token) & DRAWN)
    return Counter(token for token in found if token and (not figures or re.search(r"\d", token)))


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_table_keeps_each_word_and_figure_whole(name: str, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each word and figure a 400-column terminal shows is shown whole at 80 and 60 columns (none cut into
    `90,2`/`2`, none dropped or cut short with `…`), and no line is wider than the terminal."""
    monkeypatch.chdir(ROOT)
    args = [*COMMANDS[name], "--lang", "vi"]
    wide = run(*args, COLUMNS="400")[1]
    code, narrow, err = run(*args, COLUMNS=str(width))
    assert code == 0, err
    assert max(map(len, narrow.splitlines())) <= width
    shown = _tokens(narrow, figures=False)
    stacked = name == "criteria-list" and width == 60  # every column under the names: no header row
    expected = _tokens(wide, figures=stacked)
    assert {token: n for token, n in expected.items() if shown[token] < n} == {}
    assert "…" not in narrow


def test_the_survey_report_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Names, not ids; every figure whole (the README's promise: `90,2`/`2` was printed before)."""
    monkeypatch.chdir(ROOT)
    code, out, _ = run("survey", "report", "examples/survey-2024/survey.yaml", "--lang", "vi", COLUMNS="80")
    assert code == 0
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[0] == "Điều tra xã hội học về chỉ số CCHC các sở, ban, ngành năm 2024 (ví dụ)"
    # too wide for 80 columns whole: the forms and questions, then the criterion's figures, each led by the names
    assert "Ban Dân tộc tỉnh       8.1               275                47    90,22" in lines
    assert "Cơ quan                           Mã  Chỉ số %  % không tính (E)" in lines  # no empty note column
    assert "Sở Giáo dục và Đào tạo           8.2     93,75              0,00" in lines
    assert lines[-4:] == [
        "Câu 1: Ông/bà hài lòng thế nào với sự phục vụ của cơ quan? A. Rất hài lòng B.",
        "Hài lòng C. Bình thường D. Không hài lòng E. Không biết",
        "Câu 2: Đánh giá chất lượng tham mưu của cơ quan: A. Rất tốt B. Tốt C. Trung bình",
        "D. Kém",
    ]


def test_rank_against_at_80_columns_keeps_names_and_effects_together(monkeypatch: pytest.MonkeyPatch) -> None:
    """Names wrapped at their spaces in a column of 16 or more (not squeezed into 5–7 characters), each
    criterion held to its effect; the sets by their titles."""
    monkeypatch.chdir(ROOT)
    code, out, _ = run(*COMMANDS["rank-against"], "--lang", "vi", COLUMNS="80")
    assert code == 0
    lines = [line.rstrip().replace("\xa0", " ") for line in out.splitlines()]
    assert lines[:2] == [
        "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu) → Bộ Chỉ số CCHC các sở, ban, ngành",
        "(mẫu, sửa đổi 2025)",
    ]
    assert "       5   Sở Nông nghiệp và Môi         81,23        80,73      −0,50         5" in lines
    assert "Hạng mới   Cơ quan                       ± hạng   (điểm chỉ số)" in lines
    at = lines.index("       7   Sở Khoa học và Công nghệ           =   1.2.1 → 1.1.4 cách chấm −0,51;")
    assert lines[at + 1 : at + 3] == [" " * 50 + "1.3.1 tối đa 1,5 → 1,", " " * 50 + "cách chấm −0,51"]
    code, out, _ = run(*COMMANDS["rank-against"], "--lang", "vi", "--by", "criterion", COLUMNS="80")
    lines = [line.rstrip().replace("\xa0", " ") for line in out.splitlines()]
    assert "Hạng mới   Cơ quan                           ± hạng   Do tiêu chí (điểm chỉ số)" in lines
    assert "       7   Sở Khoa học và Công nghệ               =   1.1.4 −0,51; 1.3.1 −0,51" in lines


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_help_keeps_every_metavar_whole_at_80_columns(lang: str, tmp_path: Path) -> None:
    """`<table | json | csv | markdown | html | xlsx | docx>` wraps between its choices, never inside one; the
    metavars in the run's language."""
    import subprocess

    env = {"COLUMNS": "80", "NO_COLOR": "1", "PYTHONPATH": str(ROOT), "PAR_LANG": lang, "PATH": "/usr/bin:/bin"}
    for command in (["rank"], ["score"], ["gaps"], ["check"], ["survey", "report"], ["template"]):
        done = subprocess.run(
            [sys.executable, "-m", "par_cli", *command, "--help"], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        assert done.returncode == 0, done.stderr
        out = done.stdout
        for choice in re.findall(r"[a-z]+", " ".join(re.findall(r"<[a-z |]+>?|[a-z |]+>", out))):
            assert re.search(rf"(?<![a-z-]){choice}(?![a-z])", out), choice
        if command == ["rank"]:
            for choice in ("table", "json", "csv", "markdown", "html", "xlsx", "docx"):  # `markdo`/`wn` before
                assert re.search(rf"(?<![a-z]){choice}(?![a-z])", out), choice
            assert ("PHẦN TRĂM" if lang == "vi" else "PERCENT") in out
            assert ("<đường dẫn>" if lang == "vi" else "<path>") in out
        if command == ["gaps"]:  # an option with a range: its metavar in the run's language too
            assert ("<số nguyên> [x>=1]" if lang == "vi" else "<int range> [x>=1]") in out


def test_the_survey_workbook_for_the_survey_team(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Titled by the design, each question's text above the table, ruled, header repeated on each printed page,
    figures as numbers."""
    from openpyxl import load_workbook

    monkeypatch.chdir(ROOT)
    out = tmp_path / "survey.xlsx"
    code, _, err = run("survey", "report", "examples/survey-2024/survey.yaml", "-f", "xlsx", "-o", str(out))
    assert code == 0, err
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["A1"].value == "Điều tra xã hội học về chỉ số CCHC các sở, ban, ngành năm 2024 (ví dụ)"
    assert (sheet["A2"].value, sheet["B2"].value[:20]) == ("Câu 1", "Ông/bà hài lòng thế ")
    header = [cell.value for cell in sheet[5]]
    assert header[:4] == ["Cơ quan", "Mã", "Phiếu: Người dân, tổ chức", "Phiếu: Đại biểu HĐND, lãnh đạo UBND tỉnh"]
    row = [cell.value for cell in sheet[6]]
    assert row[:5] == ["Ban Dân tộc tỉnh", "8.1", 275, 47, pytest.approx(90.22)]
    assert sheet.print_title_rows == "$5:$5"
    assert sheet["A6"].border.left.style == "thin" and sheet["E5"].border.bottom.style == "thin"


@needs_chromium
def test_wide_html_tables_use_the_screen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 1400 px the ranking with its areas is wider than 1000 px (it was capped near 660 px with the page),
    names keep 38 mm, no cell's text overflows; the prose keeps a readable measure."""
    monkeypatch.chdir(ROOT)
    page = tmp_path / "rank.html"
    args = [*COMMANDS["rank-areas"], "-f", "html", "-o", str(page), "--lang", "vi"]
    assert run(*args)[0] == 0
    script = (
        "{table: document.querySelector('table').getBoundingClientRect().width,"
        " name: document.querySelector('td.name').getBoundingClientRect().width,"
        " overflow: [...document.querySelectorAll('td, th')].filter(c => c.scrollWidth > c.clientWidth).length,"
        " prose: Math.max(...[...document.querySelectorAll('p')].map(p => p.getBoundingClientRect().width))}"
    )
    found = measure(page, script)
    assert isinstance(found, dict)
    assert found["table"] > 1000 and found["name"] >= 140 and found["overflow"] == 0
    assert found["prose"] <= 720


@needs_soffice
def test_the_survey_workbook_prints_on_one_a4_page_with_every_figure(tmp_path: Path) -> None:
    """Printed by LibreOffice: one landscape A4 page, the title, every agency and every figure whole."""
    import json

    out = tmp_path / "survey.xlsx"
    results = str(ROOT / "examples/survey-2024/survey.yaml")
    assert run("survey", "report", results, "-f", "xlsx", "-o", str(out))[0] == 0
    pdf = to_pdf(out)
    assert len(pdf_pages(pdf)) == 1 and pdf_page_size_mm(pdf)[0] > pdf_page_size_mm(pdf)[1]
    words = pdf_words(pdf)
    rows = json.loads(run("survey", "report", results, "-f", "json")[1])["rows"]
    for row in rows:
        assert f"{row['percent']:.2f}" in words and f"{row['not_counted_percent']:.2f}" in words
    assert {"Điều", "Thanh", "HĐND,"} <= set(words)


@pytest.mark.parametrize(("lang", "source"), [("vi", "Căn cứ: "), ("en", "Source: ")])
def test_criteria_list_under_the_table_keeps_each_title_in_its_column(lang: str, source: str) -> None:
    """At 100 columns each set's id, title and status stand in columns under the table: a long title wraps
    inside its column between words (it ran on into the next line's start: "…cấp lĩnh\\nvực  partial")."""
    from par_cli.services.workspace import builtin_sets

    code, out, err = run("criteria", "list", "--lang", lang)
    assert code == 0, err
    blocks = out.split("\n\n")[-1].splitlines()  # under the table: each set's names, then its source
    assert blocks[1].startswith(f"  {source}"), blocks
    assert max(map(len, blocks)) <= 100
    titles = {s.model.id: s.model.title for s in builtin_sets()}
    for n, line in enumerate(blocks):
        if line.startswith(" "):
            continue
        set_id = line.split()[0]
        at = line.index(titles[set_id][:10])  # the title's column
        parts = [line[at:].rsplit("  ", 1)[0].strip()]
        for rest in blocks[n + 1 :]:  # the title's next lines: blank before its column
            if not (rest[:at].isspace() and rest.strip()):
                break
            parts.append(rest[at:].strip())
        assert " ".join(parts) == titles[set_id], (set_id, parts)
        assert line.rsplit("  ", 1)[1].strip() in {"một phần", "mẫu", "partial", "template"}, line
