"""`par trend` and `par gaps` as a reader holds them: every code and colour has its legend, headings name sets by
their titles (never an id), the trend chart's lines can be told apart on screen and printed, the Word documents
keep every figure and the sparklines' glyphs, the worst agencies stay whole on an 80-column terminal."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run
from tests.pages import measure, needs_chromium, needs_soffice, pdf_pages, pdf_words, to_pdf

YEARS = [str(ROOT / f"examples/{year}") for year in (2023, 2024, 2025)]
SET_TITLE = "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu)"
IDS = ("mau-so-nganh", "so-cong-thuong", "so-khoa-hoc-cong-nghe", "so-tu-phap")


def test_trend_headings_name_the_periods_the_set_and_each_area_by_its_title() -> None:
    code, out, err = run("trend", *YEARS, "--areas", COLUMNS="120")
    assert code == 0, err
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[:2] == ["Chỉ số qua các kỳ: 2023, 2024, 2025", SET_TITLE]
    headings = [line for line in lines if line.startswith("Chỉ số thành phần")]
    assert headings == [
        "Chỉ số thành phần qua các kỳ (hạng): 1. Công tác chỉ đạo, điều hành cải cách hành chính",
        "Chỉ số thành phần qua các kỳ (hạng): 2. Cải cách thể chế",
        "Chỉ số thành phần qua các kỳ (hạng): 3. Cải cách thủ tục hành chính",
        "Chỉ số thành phần qua các kỳ (hạng): 4. Cải cách tổ chức bộ máy hành chính",
        "Chỉ số thành phần qua các kỳ (hạng): 5. Cải cách chế độ công vụ",
        "Chỉ số thành phần qua các kỳ (hạng): 6. Cải cách tài chính công",
        "Chỉ số thành phần qua các kỳ (hạng): 7. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        "Chỉ số thành phần qua các kỳ (hạng): 8. Tác động của cải cách hành chính (điều tra xã hội học)",
    ]
    # the sparkline's legend: what a bar stands for, on the scale of the whole table
    assert (
        "Xu hướng: mỗi kỳ một cột (2023, 2024, 2025), cao theo chỉ số: cột thấp nhất 73,83 (chỉ số thấp nhất trong "
        "bảng), cột cao nhất 90,03 (cao nhất)"
    ) in " ".join(lines)  # (folded at the terminal's width)
    assert not any(slug in out for slug in IDS), out


def test_trend_from_ranking_files_keeps_the_titles(tmp_path: Path) -> None:
    """A period given as `par rank --format json` carries its set's and areas' titles as a folder does."""
    files = []
    for year in ("2024", "2025"):
        target = tmp_path / f"{year}.json"
        code, _, err = run("rank", str(ROOT / "examples" / year), "--areas", "-f", "json", "-o", str(target))
        assert code == 0, err
        files.append(str(target))
    code, out, err = run("trend", *files, "--areas", "--lang", "en")
    assert code == 0, err
    assert out.splitlines()[:2] == ["Index across periods: 2024, 2025", SET_TITLE]
    assert "Area index across periods (rank): 2. Cải cách thể chế\n" in out


def _rank_json(path: Path, period: str, names: list[str], shift: int) -> str:
    rows = [
        {"rank": n + 1, "agency": {"id": f"a{n:02d}", "name": name}, "index": 95 - n - shift * (n % 3)}
        for n, name in enumerate(names)
    ]
    group = {"criteria": "x", "criteria_title": "Bộ thử", "group": None, "period": period, "rows": rows}
    path.write_text(json.dumps({"groups": [group]}, ensure_ascii=False), encoding="utf-8")
    return str(path)


STYLES = """[...document.querySelectorAll('svg g.series')].map(g => {
  const line = g.querySelector('polyline'); const dot = g.querySelector('[fill]:not(polyline)');
  const box = dot.getBBox(); const first = dot.points ? dot.points.getItem(0) : null;
  const turned = first ? dot.points.numberOfItems + (first.y < box.y + box.height / 2 ? 'up' : 'down') : '';
  return [line.getAttribute('stroke'), line.getAttribute('stroke-dasharray') || '', g.dataset.marker,
          dot.tagName + turned];
})"""
LEGEND = "[...document.querySelectorAll('ul.legend li')].map(li => li.textContent.trim())"


@needs_chromium
@pytest.mark.parametrize("count", [13, 20])
def test_trend_chart_lines_are_told_apart_and_the_legend_names_every_agency(tmp_path: Path, count: int) -> None:
    """13 and 20 lines: each its own colour, dash and marker — pairwise distinct, and distinct by dash and marker
    alone (a page printed in black and white) —; the legend under the chart lists every agency, in order."""
    names = [f"Sở thử nghiệm số {n + 1}" for n in range(count)]
    periods = [_rank_json(tmp_path / f"{y}.json", y, names, shift) for y, shift in (("2024", 0), ("2025", 1))]
    page = tmp_path / "trend.html"
    code, _, err = run("trend", *periods, "-f", "html", "-o", str(page))
    assert code == 0, err
    found = measure(page, f"[{STYLES}, {LEGEND}]")
    assert isinstance(found, list)
    styles, legend = found
    assert len(styles) == count
    assert len({tuple(style) for style in styles}) == count  # colour, dash, marker: no two lines alike
    assert len({(dash, marker) for _, dash, marker, _ in styles}) == count  # apart without colour too
    assert len({shape for _, _, _, shape in styles}) == 5  # the markers drawn differ in shape, not only in name
    assert legend == names


def test_trend_chart_legend_says_what_a_hollow_dot_is() -> None:
    code, out, err = run("trend", *YEARS, "-f", "html", "--lang", "en")
    assert code == 0, err
    legend = out.split('<ul class="legend"')[1].split("</ul>")[0]
    items = re.findall(r"<span>([^<]*)</span></li>", legend)
    assert items[-1] == "an index computed from the predecessors&#x27; (the notes marked *)"
    assert len(items) == 12 + 2 + 1  # every agency, the merged unit's two predecessors, then the hollow dot
    assert items[8:10] == ["Sở Công Thương", "Sở Khoa học và Công nghệ"]  # after their merged unit, as in the table


def test_gaps_headings_say_the_title_once_and_the_set_by_its_title() -> None:
    code, out, err = run("gaps", str(ROOT / "examples/2025"), "-f", "markdown", "--lang", "en")
    assert code == 0, err
    headings = [line for line in out.splitlines() if line.startswith("#")]
    assert headings == ["# Where points are lost", f"## {SET_TITLE} · 11 agencies"]


def test_gaps_heat_map_heading_key_and_legends() -> None:
    """The heading says what the cells show (points lost, not a percentage); the key says figure and colour;
    the rows' codes and the numbered columns each have their legend."""
    code, out, err = run("gaps", str(ROOT / "examples/2025"), "-f", "html", "--lang", "vi")
    assert code == 0, err
    assert "<h2>Điểm bị mất theo tiêu chí và cơ quan</h2>" in out
    assert (
        '<p class="meta">Số trong ô: điểm bị mất (để trống: không mất điểm; —: không áp dụng). Màu: phần điểm '
        "tối đa của tiêu chí bị mất, từ trắng (0 %) đến đỏ đậm (100 %).</p>"
    ) in out
    heat = out.split("<h2>Điểm bị mất theo tiêu chí và cơ quan</h2>")[1]
    assert "<strong>Các dòng (tiêu chí)</strong>" in heat and "<strong>Các cột (cơ quan)</strong>" in heat
    rows = re.findall(r"<dt>([^<]*)</dt><dd[^>]*>([^<]*)</dd>", heat)
    assert (
        rows[0] == ("3.2", "Thực hiện cơ chế một cửa, một cửa liên thông") and len(rows) == 62
    )  # every criterion losing points
    columns = re.findall(r"<li>([^<]*)</li>", heat.split('<ol class="meta legend"')[1])
    assert columns[0] == "Ban Dân tộc tỉnh" and len(columns) == 11
    assert not any(slug in out for slug in IDS)


def test_gaps_worst_agencies_stay_whole_at_80_columns() -> None:
    """Each agency losing most, with its figure, whole on a line of its own (it folded inside a 28-column cell:
    `Sở Nông nghiệp và Môi` / `trường (2,78)`)."""
    code, out, err = run("gaps", str(ROOT / "examples/2025"), "--top", "4", COLUMNS="80")
    assert code == 0, err
    lines = [line.rstrip() for line in out.splitlines()]
    assert max(len(line) for line in lines) <= 80
    start = lines.index("Cơ quan mất nhiều điểm nhất ở từng tiêu chí (điểm bị mất)")
    assert lines[start + 1 : start + 7] == [
        "  3.2   Sở Nông nghiệp và Môi trường (2,78)",
        "        Sở Giáo dục và Đào tạo (2,54)",
        "        Sở Y tế (1,77)",
        "  3.1   Sở Xây dựng (2,50)",
        "        Sở Công Thương và Khoa học, Công nghệ (2,00)",
        "        Sở Y tế (2,00)",
    ]
    assert "↳" not in out


@pytest.fixture(scope="module")
def word_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """The trend (with its areas) and gaps Word documents and LibreOffice's PDF of each, made once."""
    folder = tmp_path_factory.mktemp("legends")
    made = {}
    for name, args in (("trend", ["trend", *YEARS, "--areas"]), ("gaps", ["gaps", str(ROOT / "examples/2025")])):
        document = folder / f"{name}.docx"
        code, _, err = run(*args, "-f", "docx", "-o", str(document))
        assert code == 0, err
        made[name] = (document, to_pdf(document) if _has_soffice() else document)
    return made


def _has_soffice() -> bool:
    import shutil

    return shutil.which("soffice") is not None and shutil.which("pdftotext") is not None


def test_word_trend_sets_the_sparklines_in_a_font_that_has_their_glyphs(
    word_pages: dict[str, tuple[Path, Path]],
) -> None:
    from docx import Document

    document, _ = word_pages["trend"]
    table = Document(str(document)).tables[0]
    cell = table.rows[1].cells[7]
    assert cell.text == "▆▇█"
    fonts = cell.paragraphs[0].runs[0]._r.rPr.rFonts
    assert {fonts.get(f"{{{fonts.nsmap['w']}}}{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {
        "Segoe UI Symbol"
    }


@needs_soffice
def test_word_trend_and_gaps_print_every_figure_whole_without_ids(word_pages: dict[str, tuple[Path, Path]]) -> None:
    from docx import Document

    for name, (document, pdf) in word_pages.items():
        words = {word.strip("();") for word in pdf_words(pdf)}
        text = "\n".join(pdf_pages(pdf))
        for table in Document(str(document)).tables:
            for row in table.rows[1:]:
                for cell in row.cells:
                    for figure in re.findall(r"[−+]?\d+(?:,\d+)+\*?", cell.text):
                        assert figure in words, (name, figure)
        assert not any(slug in text for slug in IDS), name
        assert "[" not in text, name
    trend = "\n".join(pdf_pages(word_pages["trend"][1]))
    assert "Chỉ số qua các kỳ: 2023, 2024, 2025" in trend and SET_TITLE in trend
    for sparkline in ("▆▇█", "▄▇▇", "▁▄▄", "▅▃▃", "▂▂▂"):  # the glyphs printed, each row's whole
        assert sparkline in pdf_words(word_pages["trend"][1])
    gaps = [line.strip() for line in pdf_pages(word_pages["gaps"][1])[0].splitlines() if line.strip()]
    assert gaps[:2] == ["Nơi mất điểm", f"{SET_TITLE} · 11 cơ quan"]
    assert "Nơi mất điểm" not in "\n".join(gaps[1:])  # the title said once
