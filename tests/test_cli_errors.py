"""The command line's own errors: every line carries its code and follows --lang, with the right exit code."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import SPEC, Write, run, run_english


def test_every_command_words_a_missing_file_with_its_code_in_both_languages(in_tmp: object) -> None:
    for command in (["score"], ["explain"], ["rank"]):
        code, out, err = run(*command, "missing.yaml")
        assert code == 1 and out == "", (command, err)
        assert "missing.yaml" in err and " F00" in err, (command, err)
    assert run("score", "missing.yaml", "--lang", "vi") == (1, "", "missing.yaml: lỗi F001: không có tệp này\n")
    assert run("score", "missing.yaml") == (1, "", "missing.yaml: error F001: no such file\n")


def test_a_binary_format_without_output_is_a_usage_error(in_tmp: object) -> None:
    assert run("rank", str(SPEC), "--format", "xlsx") == (
        2,
        "",
        "par: error U001: --format xlsx writes a workbook: give --output FILE.xlsx\n",
    )
    assert run("rank", str(SPEC), "--format", "xlsx", "--lang", "vi") == (
        2,
        "",
        "par: lỗi U001: --format xlsx ghi ra một sổ tính: cần --output TỆP.xlsx\n",
    )


def test_a_missing_optional_package_names_the_install_command(in_tmp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as if the xlsx extra were not installed
    monkeypatch.delitem(sys.modules, "par_cli.render.xlsx", raising=False)
    monkeypatch.delitem(sys.modules, "par_cli.writers.xlsx", raising=False)
    monkeypatch.delitem(sys.modules, "par_cli.writers.xlsx_cells", raising=False)
    code, out, err = run_english("rank", str(SPEC), "--format", "xlsx", "--output", "r.xlsx", "--allow-incomplete")
    assert (code, out) == (1, "")
    unanswered = (  # said before the ranking is written (R010), and let through by --allow-incomplete
        f"{SPEC}: warning R010: 1 agency has criteria without an answer (1 in all, 1.5 points): they score 0"
        " (hint: `par check --strict` lists them)\n"
    )
    assert err == unanswered + "par: error F004: --format xlsx needs openpyxl: pip install openpyxl\n"


def test_fail_under_and_unwritable_output_in_vietnamese(write: Write) -> None:
    code, _, err = run("rank", str(SPEC), "--fail-under", "80", "--lang", "vi")
    assert code == 1
    assert err.splitlines()[-1].endswith("so-y-te.yaml:3:14: lỗi R005: Sở Y tế thấp hơn --fail-under 80"), err
    code, _, err = run("score", str(SPEC / "so-noi-vu.yaml"), "-o", "nowhere/out.txt", "--lang", "vi")
    assert code == 1
    assert err.startswith("nowhere/out.txt: lỗi F003: không ghi được tệp: "), err
