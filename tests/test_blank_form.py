"""A blank form (no agency details, no answers) reports everything at once: each missing details field at its
own cell (S001), and each unanswered criterion at its input cell (A006): the details never hide the answers."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_english


def test_a_blank_forms_details_and_unanswered_criteria_all_at_once(in_tmp: Path) -> None:
    code, _, err = run_english("template", "mau-so-nganh", "-f", "xlsx", "-o", "form.xlsx")
    assert code == 0, err
    code, out, err = run_english("check", "form.xlsx")
    assert code == 1
    lines = (out + err).splitlines()
    assert lines[:2] == [
        "form.xlsx:Details!B1: error S001: Agency id is blank (hint: fill in Agency id in this sheet)",
        "form.xlsx:Details!B2: error S001: Agency name is blank (hint: fill in Agency name in this sheet)",
    ]
    unanswered = [line for line in lines if " warning A006: " in line]
    assert "form.xlsx:Criteria!E4: warning A006: 1.1.1: no answer; it scores 0 of 1 (hint: fill in the " in (
        "\n".join(unanswered)
    )
    assert "form.xlsx:Survey!I2: warning A006: 8.1: no survey result; it scores 0 of 10" in "\n".join(unanswered)
    assert len(unanswered) == 44  # every leaf of the set: 41 self-assessed, 3 from the survey
    assert lines[-1] == "2 errors, 44 warnings, 0 infos in 1 file"


def test_a_bad_details_field_with_answers_still_reports_the_blank_ones(in_tmp: Path) -> None:
    from openpyxl import load_workbook

    run_english("template", "mau-so-nganh", "-f", "xlsx", "-o", "form.xlsx")
    book = load_workbook("form.xlsx")
    book["Details"]["B1"] = "so-noi-vu"  # the name left out
    book["Criteria"]["E4"] = "kip-thoi"  # 1.1.1 answered
    book.save("form.xlsx")
    code, out, err = run_english("check", "form.xlsx")
    lines = (out + err).splitlines()
    assert code == 1
    assert (
        lines[0] == "form.xlsx:Details!B2: error S001: Agency name is blank (hint: fill in Agency name in this sheet)"
    )
    assert not any(line.startswith("form.xlsx:Criteria!E4:") for line in lines)  # answered: nothing to say
    assert any(line.startswith("form.xlsx:Criteria!E5: warning A006: 1.1.2: no answer") for line in lines)
    assert "form.xlsx:Criteria!G4: warning A007: 1.1.1: 1 self-assessed point without evidence or explanation " in (
        "\n".join(lines)
    )  # its evidence to give, at the form's own column:
    assert "(hint: fill in the Evidence column)" in "\n".join(lines)
    assert len([line for line in lines if " warning A006: " in line]) == 43
    assert lines[-1] == "1 error, 44 warnings, 0 infos in 1 file"
