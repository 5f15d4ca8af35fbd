"""Excel in: the fillable form, read back everywhere with the same figures and located cell errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from par_cli.core.model import CriteriaSet
from par_cli.core.tree import walk
from par_cli.services.workspace import builtin_sets
from tests.conftest import SPEC, Write, run, run_english
from tests.pages import own_profile

CRITERIA = (SPEC / "criteria.yaml").read_text(encoding="utf-8")


def form(write: Write, reference: str = "criteria.yaml", *more: str) -> Path:
    """The spec example set and a blank form for it (period 2024)."""
    write("criteria.yaml", CRITERIA)
    code, out, err = run("template", reference, "--format", "xlsx", "-o", "form.xlsx", "--period", "2024", *more)
    assert (code, out, err) == (0, "", ""), err
    return Path("form.xlsx")


def rows_by_code(sheet: Any) -> dict[str, int]:
    return {str(sheet.cell(r, 1).value): r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value}


def fill(path: Path, agency: tuple[str, ...], inputs: dict[str, tuple[Any, ...]], survey: dict[str, list[Any]]) -> Path:
    """Type into the form as a person would: (self, appraised, evidence, explanation) per code. The form has no
    appraised column (the council's values are the council's): an appraised value is typed into a `Thẩm định`
    column added at the end, as in a form made by an earlier par."""
    book = load_workbook(path)
    details, criteria = book.worksheets[0], book.worksheets[1]
    for row, value in enumerate(agency, start=1):
        details.cell(row, 2).value = value
    where = rows_by_code(criteria)
    appraised = any(len(values) > 1 and values[1] is not None for values in inputs.values())
    if appraised and not any(cell.value in ("Thẩm định", "Appraised") for cell in criteria[1]):  # an old form's
        criteria.cell(1, criteria.max_column + 1).value = "Thẩm định"
    titles = {str(cell.value).split(" (")[0]: cell.column for cell in criteria[1] if cell.value}  # no note
    columns = [  # by title: the writer may move, retitle (`Số liệu tự đánh giá`) or drop columns
        next((titles[t] for t in names if t in titles), None)
        for names in (
            ("Số liệu tự đánh giá", "Tự đánh giá", "Self"),
            ("Thẩm định", "Appraised"),
            ("Tài liệu kiểm chứng", "Evidence"),
            ("Giải trình", "Explanation"),
        )
    ]
    for code, values in inputs.items():
        for column, value in zip(columns, values, strict=False):
            if value is not None:
                assert column is not None
                criteria.cell(where[code], column).value = value
    if survey:
        sheet = book[book.sheetnames[-1]]
        at = rows_by_code(sheet)
        for code, counts in survey.items():
            for column, count in enumerate(counts, start=4):
                sheet.cell(at[code], column).value = count
    book.save(path)
    return path


def test_the_form_has_the_titles_offices_expect_in_both_languages(write: Write) -> None:
    book = load_workbook(form(write))
    assert book.sheetnames == ["Thông tin", "Tiêu chí", "Danh mục", "Điều tra XHH"]
    details, criteria = book["Thông tin"], book["Tiêu chí"]
    assert [details.cell(r, 1).value for r in range(1, 6)] == ["Mã cơ quan", "Tên cơ quan", "Nhóm", "Năm", "Bộ chỉ số"]
    assert (details["B4"].value, details["B5"].value) == ("2024", "spec-example-2024")
    header = [cell.value for cell in criteria[1]]
    assert header == [
        "Mã",
        "Nội dung",
        "Điểm tối đa",
        "Cách chấm",
        "Số liệu tự đánh giá (tỷ lệ, số lượng, lựa chọn)",
        "Điểm tự chấm (tự tính)",
        "Tài liệu kiểm chứng",
        "Giải trình",
    ]
    assert criteria.freeze_panes == "C2" and criteria.print_title_rows == "$1:$1"
    assert criteria.page_setup.orientation == "landscape" and criteria.page_setup.paperSize == 9  # A4
    assert criteria.protection.sheet and not criteria.protection.password  # unprotected without a password
    row = rows_by_code(criteria)["1.2"]
    assert criteria.cell(row, 5).protection.locked is False and criteria.cell(row, 2).protection.locked is True
    assert book["Danh mục"].sheet_state == "hidden"
    english = load_workbook(form(write, "criteria.yaml", "--lang", "en", "--force"))
    assert english.sheetnames[:2] == ["Details", "Criteria"]
    assert [cell.value for cell in english["Criteria"][1]] == [
        "Code",
        "Title",
        "Max",
        "Rule",
        "Self-assessment data",
        "Self-assessed points (computed)",
        "Evidence",
        "Explanation",
    ]
    assert [english["Details"].cell(r, 1).value for r in range(1, 5)] == ["Agency id", "Agency name", "Group", "Period"]


def test_a_filled_form_scores_exactly_as_the_yaml(write: Write) -> None:
    path = fill(
        form(write),
        ("so-noi-vu", "Sở Nội vụ"),
        {
            "1.1.1": ("Ban hành kịp thời", None, "Kế hoạch 01/KH-SNV ngày 05/01/2024"),
            "1.1.2": (95, 90, "Báo cáo 120/BC-SNV ngày 10/12/2024"),
            "1.2": ("Có", None, "Báo cáo quý I–IV"),
            "1.3": (1, None, "Kết luận kiểm tra 15/KL-SNV"),
            "2.1": ("190/200", "180/200", "Hệ thống một cửa điện tử"),
            "2.2": (2, None, None, "Quyết định công bố đang trình ký"),
            "T": (None, 0.5),
        },
        {"3": [40, 50, 10, 0, 5]},
    )
    book = load_workbook(path)
    book["Thông tin"]["B3"] = "so-nganh"
    book["Thông tin"].append(["Thẩm định bởi", "Hội đồng thẩm định tỉnh"])  # the council's form: appraised counts
    book.save(path)
    _, from_xlsx, _ = run("score", str(path), "-f", "json")
    _, from_yaml, _ = run("score", str(SPEC / "so-noi-vu.yaml"), "-f", "json")
    assert strip_places(from_xlsx) == strip_places(from_yaml)


def strip_places(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text)
    for finding in data["findings"]:
        finding.pop("file"), finding.pop("line")
    return data


def answer_for(info: Any, lang: str) -> tuple[Any, Any]:
    """A valid input for a leaf: (as YAML writes it, as a person types it in the form)."""
    rule, top = info.node.scoring_rule, info.node.max
    if rule.kind == "check":
        return True, "Có" if lang == "vi" else "Yes"
    if rule.kind == "levels":
        level = rule.levels[-1]
        return level.key, level.label or level.key
    if rule.kind == "tiers" and rule.input == "number":
        return Decimal(3), 3
    if rule.kind in ("tiers", "linear"):
        return {"done": Decimal(45), "total": Decimal(50)}, "45/50"
    if rule.kind in ("deduction", "count"):
        return Decimal(1), 1
    if rule.kind == "likert":
        counts = {
            letter: Decimal(n) for letter, n in zip([*rule.scale, *rule.not_counted], [5, 3, 1, 1, 2], strict=False)
        }
        return counts, None
    step = rule.step or Decimal("0.25")
    half = (top / 2 // step) * step
    return half, float(half)


def yaml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return json.dumps(value) if isinstance(value, bool | str) else str(value)


@pytest.mark.parametrize("criteria", builtin_sets(), ids=lambda loaded: loaded.model.id)
def test_template_round_trip_for_every_built_in_set(write: Write, criteria: Any) -> None:
    """Fill every leaf of the workbook, score it, and get the JSON the same answers give as YAML."""
    model: CriteriaSet = criteria.model
    lang = model.language
    code, _, err = run("template", model.id, "--format", "xlsx", "-o", "form.xlsx", "--period", "2024")
    assert code == 0, err
    lines, inputs, survey = [], {}, {}
    letters = [cell.value for cell in load_workbook("form.xlsx").worksheets[-1][1]][3:]
    for info in walk(model):
        if not info.node.is_leaf:
            continue
        value, typed = answer_for(info, lang)
        if info.source == "survey":
            lines.append(f'  "{info.code}": {{survey: {yaml_value(value)}}}')
            survey[info.code] = [value.get(letter) if isinstance(value, dict) else None for letter in letters[:-1]]
            survey[info.code].append(None if isinstance(value, dict) else float(value))
            survey[info.code] = [float(v) if isinstance(v, Decimal) else v for v in survey[info.code]]
        else:
            lines.append(f'  "{info.code}": {{self: {yaml_value(value)}, evidence: ["Văn bản {info.code}"]}}')
            inputs[info.code] = (typed, None, f"Văn bản {info.code}")
    head = f"kind: assessment\ncriteria: {model.id}\nagency: {{id: a, name: A}}\nperiod: 2024\nanswers:\n"
    write("a.yaml", head + "\n".join(lines) + "\n")
    fill(Path("form.xlsx"), ("a", "A"), inputs, survey)
    code, from_xlsx, err = run("score", "form.xlsx", "-f", "json", "--depth", "3")
    assert code == 0, err
    _, from_yaml, _ = run("score", "a.yaml", "-f", "json", "--depth", "3")
    assert strip_places(from_xlsx) == strip_places(from_yaml)


def test_bad_cells_are_located_in_both_languages(write: Write) -> None:
    path = fill(
        form(write),
        ("so-noi-vu", "Sở Nội vụ"),
        {"1.1.1": ("Ban hành muộn",), "1.1.2": ("1,250",), "1.2": ("có lẽ",), "1.3": (-1,), "2.2": (0.75,)},
        {},
    )
    book = load_workbook(path)
    book["Tiêu chí"]["E10"].number_format = "0%"  # 2.2: a count shown as 75 %
    book.save(path)
    code, _, err = run_english("score", str(path))
    assert code == 1
    assert err.splitlines() == [
        "form.xlsx:Tiêu chí!E4: error A003: 1.1.1: unknown level 'Ban hành muộn'; expected one of: on-time, late, none",
        "form.xlsx:Tiêu chí!E5: error Y005: '1,250' has a decimal comma (hint: write 1.25, or 1250 without a separator)",
        "form.xlsx:Tiêu chí!E6: error A003: 1.2: expected Có or Không, got 'có lẽ' (hint: choose Có or Không)",
        "form.xlsx:Tiêu chí!E7: error A003: 1.3: a count of violations cannot be negative, got −1",
        "form.xlsx:Tiêu chí!E10: error A003: the cell shows 75%: this criterion takes points or a count, not a percentage",
    ]
    _, _, vietnamese = run_english("score", str(path), "--lang", "vi")
    assert vietnamese.splitlines()[3] == "form.xlsx:Tiêu chí!E7: lỗi A003: 1.3: số vi phạm không được âm, nhưng là −1"


def test_odd_cells_are_read_as_decided(write: Write) -> None:
    path = fill(
        form(write),
        ("so-noi-vu", "Sở Nội vụ"),
        {"1.1.1": ("late",), "1.1.2": (0.95,), "1.2": (True,), "1.3": ("KPS",), "2.1": ("95%",), "2.2": ("2",)},
        {"3": [1, None, None, None, 4]},
    )
    book = load_workbook(path)
    book["Tiêu chí"]["E5"].number_format = "0%"  # 95 % stored as 0.95, for a percentage leaf
    book.save(path)
    code, out, err = run("explain", str(path), "--lang", "en")
    assert code == 0, err
    assert "Input: Ban hành không kịp thời" in out  # a level by its label, not its key (late)
    assert "Input: 95 %" in out and "Input: true" in out and "Input: 2" in out
    leaves = {line["code"]: line for line in json.loads(run("explain", str(path), "-f", "json")[1])["lines"]}
    assert leaves["1.3"]["applicable"] is False and leaves["3"]["points"] == 5  # E not counted: 1 × A


def test_merged_inputs_numeric_codes_and_foreign_workbooks_are_refused(write: Write) -> None:
    path = form(write)
    book = load_workbook(path)
    sheet = book["Tiêu chí"]
    sheet.merge_cells("E4:E5")
    sheet["A6"] = 1.2  # a code typed as a number
    book.save(path)
    _, _, err = run_english("score", str(path))
    assert "form.xlsx:Tiêu chí!E4: error A003: input cells E4:E5 are merged over several rows" in err
    assert "(hint: unmerge them (Excel: Merge & Center → Unmerge Cells;" in err  # and the way out
    assert "form.xlsx:Tiêu chí!A6: error S001: the code 1.2 is a number cell" in err
    Workbook().save("other.xlsx")
    Path("broken.xlsx").write_bytes(b"not a zip")
    code, out, _ = run_english("check", "other.xlsx", "broken.xlsx")
    assert code == 1
    assert (
        "broken.xlsx: error F005: cannot be opened as an Excel workbook (not a zip file: the file is damaged or "
        "is not an Excel workbook)" in out
    )
    assert "other.xlsx: error F005: not an assessment form" in out


def test_a_folder_may_mix_yaml_and_workbooks(write: Write) -> None:
    fill(form(write), ("so-noi-vu", "Sở Nội vụ", "so-nganh"), {"1.2": ("Có", None, "BC")}, {"3": [10, 10]})
    Path("2024").mkdir()
    shutil.move("form.xlsx", "2024/so-noi-vu.xlsx")
    shutil.copy("criteria.yaml", "2024/criteria.yaml")
    shutil.copy(SPEC / "so-y-te.yaml", "2024/so-y-te.yaml")
    Path("2024/~$so-noi-vu.xlsx").write_bytes(b"lock")  # Excel's owner file while the workbook is open
    code, out, err = run("rank", "2024", "-f", "json")
    assert code == 0, err
    assert sorted(row["agency"]["id"] for row in json.loads(out)["groups"][0]["rows"]) == ["so-noi-vu", "so-y-te"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_the_form_opens_in_libreoffice(write: Write) -> None:
    form(write)
    result = subprocess.run(
        ["soffice", own_profile(), "--headless", "--convert-to", "pdf", "form.xlsx"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert Path("form.pdf").stat().st_size > 10_000


def test_ranking_and_score_workbooks_are_ready_to_publish(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    target = tmp_path / "rank.xlsx"
    code, _, err = run(
        "rank", "examples/2024", "--previous", "examples/2023", "--areas", "-f", "xlsx", "-o", str(target)
    )
    assert code == 0, err
    sheet = load_workbook(target).worksheets[0]
    assert sheet["A1"].value == "Bộ Chỉ số CCHC các sở, ban, ngành (mẫu) · năm 2024"  # no id; the period
    assert [cell.value for cell in sheet[2]][:8] == [
        "Hạng",
        "Cơ quan",
        "Điểm",
        "Tối đa",
        "Chỉ số %",
        "Xếp loại",
        "Hạng 2023",  # the previous period, named
        "Thay đổi",
    ]
    assert sheet.freeze_panes == "C3" and sheet.auto_filter.ref == "A2:P14"
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$2:$2"
    assert (sheet["B3"].value, sheet["E3"].value, sheet["E3"].number_format) == ("Sở Tư pháp", 89.54, "0.00")
    assert (sheet["H3"].value, sheet["H3"].number_format) == (1, '"▲"0;"▼"0;"="')  # shown ▲1
    assert sheet["I3"].value == 95.83  # area 1, with --areas
    score = tmp_path / "score.xlsx"
    assert run("score", "examples/2024/so-noi-vu.yaml", "-f", "xlsx", "-o", str(score), "--depth", "2")[0] == 0
    report = load_workbook(score).worksheets[0]
    # each figure right of its label's longest ("Tự đánh giá"), never in the narrow code column that cut it
    assert (report["A2"].value, report["B2"].value, report["C2"].value) == ("Chỉ số", None, 87.33)
    assert (report["A6"].value, report["C6"].value) == ("Tự đánh giá", 95.99)
    if shutil.which("soffice"):
        for book in (target, score):
            converted = subprocess.run(
                ["soffice", own_profile(), "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
                capture_output=True,
                timeout=180,
            )
            assert converted.returncode == 0 and book.with_suffix(".pdf").exists()


def test_formulas_count_by_their_computed_value_or_are_refused(write: Write) -> None:
    path = fill(form(write), ("so-noi-vu", "Sở Nội vụ"), {"1.3": ("=1+1",)}, {})
    code, _, err = run_english("score", str(path))
    assert code == 1
    assert err == (
        "form.xlsx:Tiêu chí!E7: error A003: a formula that has never been computed: its value is unknown "
        "(hint: open the file in Excel or LibreOffice and save it, so that the formula is computed)\n"
    )
    if shutil.which("soffice") is None:
        return
    Path("computed").mkdir()
    subprocess.run(
        ["soffice", own_profile(), "--headless", "--convert-to", "xlsx", "--outdir", "computed", str(path)],
        capture_output=True,
        timeout=180,
    )
    code, out, err = run_english("explain", "computed/form.xlsx", "1.3", "-f", "json")
    assert code == 0, err
    assert json.loads(out)["lines"][0]["input"] == "2"  # =1+1, as LibreOffice computed it
