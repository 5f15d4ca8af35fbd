"""A form's hints name the cell to fill in by its column's title in that form (its language, whatever the run's),
and the survey sheet's cell by the survey sheet's column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run


def _forms(lang: str) -> Path:
    shutil.copy(ROOT / "examples/office-year/danh-sach.csv", "ds.csv")
    code, _, err = run(
        "template",
        "mau-so-nganh",
        "--agencies",
        "ds.csv",
        "-f",
        "xlsx",
        "-o",
        "forms",
        "--period",
        "2024",
        PAR_LANG=lang,
    )
    assert code == 0, err
    return Path("forms/ban-dan-toc.xlsx")


@pytest.mark.parametrize("run_lang", ["en", "vi"])
def test_an_english_forms_hints_name_its_english_columns(in_tmp: Path, run_lang: str) -> None:
    form = _forms("en")
    code, out, err = run("check", str(form), PAR_LANG=run_lang)
    assert code == 0, err  # warnings only
    lines = (out + err).splitlines()
    criterion = next(line for line in lines if line.startswith("forms/ban-dan-toc.xlsx:Criteria!E4: "))
    survey = next(line for line in lines if line.startswith("forms/ban-dan-toc.xlsx:Survey!I2: "))
    if run_lang == "en":
        assert criterion.endswith(
            "1.1.1: no answer; it scores 0 of 1 (hint: fill in the Self-assessment data cell, or KPS if allowed; "
            "a survey criterion takes its survey results)"
        )
        assert survey.endswith("(hint: fill in the Points cell, or the count of each answer in its column)")
    else:
        assert "(gợi ý: điền ô Self-assessment data, hoặc KPS nếu được phép;" in criterion
        assert survey.endswith("(gợi ý: điền ô Points, hoặc số phiếu của mỗi đáp án vào cột của nó)")
    assert "Số liệu tự đánh giá" not in out + err


def test_a_vietnamese_forms_hints_name_its_vietnamese_columns_in_an_english_run(in_tmp: Path) -> None:
    form = _forms("vi")
    code, out, err = run("check", str(form), PAR_LANG="en")
    assert code == 0, err  # warnings only
    lines = (out + err).splitlines()
    criterion = next(line for line in lines if line.startswith("forms/ban-dan-toc.xlsx:Tiêu chí!E4: "))
    survey = next(line for line in lines if line.startswith("forms/ban-dan-toc.xlsx:Điều tra XHH!I2: "))
    assert criterion.endswith(
        "(hint: fill in the Số liệu tự đánh giá cell, or KPS if allowed; a survey criterion takes its survey results)"
    )
    assert survey.endswith("(hint: fill in the Điểm cell, or the count of each answer in its column)")


def test_an_english_forms_yes_and_no_are_said_in_its_words(in_tmp: Path) -> None:
    from openpyxl import load_workbook

    code, _, err = run("template", "mau-so-nganh", "-f", "xlsx", "-o", "form.xlsx", PAR_LANG="en")
    assert code == 0, err
    book = load_workbook("form.xlsx")
    book["Details"]["B1"], book["Details"]["B2"] = "so-noi-vu", "Sở Nội vụ"
    book["Criteria"]["E5"] = "maybe"  # 1.1.2 takes yes or no
    book.save("form.xlsx")
    code, out, err = run("check", "form.xlsx", PAR_LANG="vi")
    assert code == 1
    assert (
        "form.xlsx:Criteria!E5: lỗi A003: 1.1.2: cần Yes hoặc No, nhưng có 'maybe' (gợi ý: chọn Yes hoặc No)"
        in out + err
    )
    code, out, err = run("check", "form.xlsx", PAR_LANG="en")
    assert code == 1
    assert (
        "form.xlsx:Criteria!E5: error A003: 1.1.2: expected Yes or No, got 'maybe' (hint: choose Yes or No)"
        in out + err
    )
