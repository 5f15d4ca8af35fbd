"""No silently wrong figure, no traceback, no lost file: one regression test per class of failure (issue 10).

Each failed before its fix: text from files was rich markup, survey answers were dropped, rankings skipped
files or merged agencies, a local set fell back to a built-in one, a blank appraisal counted as absent, JSON
went through binary floats, narrow terminals cut figures, files were clobbered or written 0600, a closed
stdout gave a traceback, odd option values gave tracebacks or boxes, and Vietnamese output kept English.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT, SPEC, Write, env_without_color, problems_of, run, run_english, score_file

CRITERIA = (SPEC / "criteria.yaml").read_text(encoding="utf-8")
AGENCY = (SPEC / "so-noi-vu.yaml").read_text(encoding="utf-8")


def spec_folder(write: Write, folder: str = ".", **replace: str) -> Path:
    """The spec example set and Sở Nội vụ in `folder`, with text replaced in the assessment."""
    write(f"{folder}/criteria.yaml", CRITERIA)
    text = AGENCY
    for old, new in replace.items():
        text = text.replace(old.replace("_", " ") if old.startswith("_") else old, new)
    return write(f"{folder}/so-noi-vu.yaml", text)


# Input text is text


def test_names_titles_and_labels_are_shown_literally_never_as_markup(write: Write) -> None:
    write(
        "criteria.yaml",
        CRITERIA.replace('"Tốt"', '"[mới thành lập]"').replace("Kế hoạch CCHC năm", "Trung tâm [/] Phục vụ HCC"),
    )
    path = write("a.yaml", AGENCY.replace('"Sở Nội vụ"', '"Sở [b]Nội vụ \\e[31mđỏ"'))
    code, out, err = run("score", str(path), "--depth", "2", "--lang", "en")
    assert (code, err) == (0, "")
    assert "Sở [b]Nội vụ \\x1bmđỏ" not in out and "Sở [b]Nội vụ \\x1b[31mđỏ" in out
    assert "Trung tâm [/] Phục vụ HCC" in out
    assert "[mới thành lập]" in out  # the self-assessed grade
    assert "\x1b" not in out


def test_control_characters_in_error_lines_are_written_out(write: Write) -> None:
    write("criteria.yaml", CRITERIA)
    path = write("a.yaml", AGENCY.replace("self: on-time", 'self: "on\\e[2Jtime"'))
    code, _, err = run_english("score", str(path))
    assert code == 1 and "\x1b" not in err
    assert "unknown level 'on\\x1b[2Jtime'" in err


# Every survey answer is counted or refused


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ("{A: 40, F: 2}", "3: answer 'F' is not one of the survey's answers (A, B, C, D, E)"),
        ('{A: 40, "D ": 2}', "3: answer 'D ' is not one of the survey's answers (A, B, C, D, E) (hint: write 'D')"),
        ("{a: 40}", "3: answer 'a' is not one of the survey's answers (A, B, C, D, E) (hint: write 'A')"),
    ],
)
def test_survey_answers_off_the_scale_are_refused(write: Write, counts: str, message: str) -> None:
    path = spec_folder(write, **{"{A: 40, B: 50, C: 10, D: 0, E: 5}": counts})
    assert problems_of(path) == [f"so-noi-vu.yaml:12:17: error: {message}"]


def test_not_counted_answers_are_accepted_and_left_out(write: Write) -> None:
    with_e = score_file(spec_folder(write))
    without = score_file(spec_folder(write, **{", E: 5": ""}))
    assert with_e.points == without.points  # E ("không biết") is not counted, and not dropped silently


# par rank ranks exactly the agencies in the folder, or refuses


def test_rank_reports_a_broken_link_and_a_criteria_file_that_is_not_one(write: Write) -> None:
    spec_folder(write, "2024")
    os.symlink("gone.yaml", "2024/link.yaml")
    write("2024/changed.yaml", AGENCY.replace("kind: assessment", "kind: criteria"))
    code, out, err = run_english("rank", "2024")
    assert (code, out) == (1, "")
    assert "2024/link.yaml: error F001: a broken link: it points to gone.yaml, which does not exist" in err
    assert "2024/changed.yaml:2:1: error S001: criteria: unknown field 'criteria'" in err
    code, out, _ = run_english("check", "2024")
    assert code == 1 and "2024/link.yaml: error F001: a broken link" in out


def test_agency_ids_are_one_agency_whatever_their_case(write: Write) -> None:
    spec_folder(write, "2024")
    write("2024/copy.yaml", AGENCY.replace("id: so-noi-vu", "id: SO-NOI-VU"))
    code, _, err = run_english("rank", "2024")
    assert code == 1
    assert err.startswith("2024/so-noi-vu.yaml:3:14: error R003: agency id 'so-noi-vu' is also in 2024/copy.yaml")


def test_files_of_different_periods_are_not_ranked_together(write: Write) -> None:
    spec_folder(write, "all")
    write("all/old.yaml", AGENCY.replace("period: 2024", "period: 2023").replace("so-noi-vu", "so-y-te"))
    write("all/older.yaml", AGENCY.replace("period: 2024", "period: 2022").replace("so-noi-vu", "so-tu-phap"))
    code, _, err = run_english("rank", "all")
    assert code == 1
    assert err.splitlines()[0] == (
        "all/old.yaml:4:9: error R006: period 2023, but the other files of this ranking are for 2024 "
        "(hint: rank each period's files apart, or rank them together with --group-by period)"
    )
    assert run_english("rank", "all", "--group-by", "period")[0] == 0


def test_an_attribute_some_agencies_lack_is_an_error(write: Write) -> None:
    spec_folder(write, "2024", **{"group: so-nganh}": "group: so-nganh, attributes: {cap: tinh}}"})
    write("2024/b.yaml", AGENCY.replace("so-noi-vu", "so-y-te"))
    code, _, err = run_english("rank", "2024", "--group-by", "cap")
    assert code == 1
    assert err.startswith("2024/b.yaml:3:14: error R007: this agency has no attribute 'cap' to rank by")


# The criteria set used is the one the files name, or an error


@pytest.mark.parametrize(
    "head",
    [
        '"kind": criteria\nid: mau-so-nganh\n',
        "kind : criteria\nid: mau-so-nganh\n",
        '{"kind": "criteria", "id": "mau-so-nganh", "title": "Local", "areas": [{"code": "1", "title": "A", "max": 2}]}\n',
        "kind: criteria\r'id': mau-so-nganh\r",
    ],
)
def test_a_local_set_in_any_style_is_found_never_the_built_in_one(write: Write, head: str) -> None:
    body = "" if head.startswith("{") else 'title: "Local"\nareas: [{code: "1", title: A, max: 2}]\n'
    if "\r" in head:
        body = body.replace("\n", "\r")
    (Path("criteria.yaml")).write_bytes((head + body).encode())
    path = write("a.yaml", "kind: assessment\ncriteria: mau-so-nganh\nagency: {id: a, name: A}\nanswers: {'1': 1}\n")
    result = score_file(path)
    assert (result.criteria_title, result.max) == ("Local", Fraction(2))


def test_a_local_set_that_cannot_be_used_is_an_error_not_a_fall_back(write: Write) -> None:
    write(
        "criteria.yaml", 'kind: criteria\nid: mau-so-nganh\ntitle: "Local"\nareas: [{code: "1", title: A, max: 0,5}]\n'
    )
    path = write("a.yaml", "kind: assessment\ncriteria: mau-so-nganh\nagency: {id: a, name: A}\n")
    assert problems_of(path)[0].startswith("criteria.yaml:4:36: error: '0,5' has a decimal comma")


def test_a_fifo_or_a_folder_named_as_the_criteria_says_what_it_is(write: Write) -> None:
    os.mkfifo("set.yaml")
    os.mkdir("folder.yaml")
    for name, what in (("set.yaml", "is a named pipe (FIFO), not a file"), ("folder.yaml", "is a folder, not a file")):
        path = write(f"a-{name}", f"kind: assessment\ncriteria: {name}\nagency: {{id: a, name: A}}\n")
        assert problems_of(path) == [f"{name}: error: {what}"]


# A blank appraisal is not a missing one


def test_a_blank_appraisal_is_an_error(write: Write) -> None:
    path = spec_folder(write, **{"appraised: 90,": "appraised: ,"})
    assert problems_of(path) == [
        "so-noi-vu.yaml:7:23: error: 1.1.2: appraised is left blank: a blank appraisal is not a missing one "
        "(hint: write the appraised input, or remove 'appraised:' until the council has appraised it)"
    ]


# Exact everywhere


def test_json_carries_exact_decimals(write: Write) -> None:
    write(
        "criteria.yaml",
        "kind: criteria\nid: big\ntitle: Big\nprecision: 2\nareas: [{code: '1', title: A, max: 987654321012345.18}]\n",
    )
    path = write(
        "a.yaml", "kind: assessment\ncriteria: big\nagency: {id: a, name: A}\nanswers: {'1': 123456789012495.18}\n"
    )
    _, out, _ = run("score", str(path), "--format", "json")
    assert '"points": 123456789012495.18,' in out
    assert '"max": 987654321012345.18,' in out


def test_sums_of_thirty_digit_figures_are_exact(write: Write) -> None:
    """0.5 + 0.500…001 (30 digits) is not 1: a sum kept to 28 digits would have said it is."""
    tiny = "0.500000000000000000000000000001"
    write(
        "s.yaml",
        f"kind: criteria\nid: s\ntitle: S\nareas:\n  - {{code: '1', title: A, max: 1, children: [{{code: '1.1', title: B, max: 0.5}}, {{code: '1.2', title: C, max: {tiny}}}]}}\n",
    )
    code, out, _ = run_english("check", "s.yaml")
    assert code == 1
    assert "error C001: 1: max 1 is not the sum of its children's max 1.000000000000000000000000000001 " in out


@pytest.mark.parametrize("columns", ["80", "100"])
def test_a_narrow_terminal_never_cuts_a_figure(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = subprocess.run(
        [sys.executable, "-m", "par_cli", "rank", "examples/2024", "--areas", "--previous", "examples/2023"],
        capture_output=True,
        text=True,
        env={**env_without_color(), "COLUMNS": columns},
        check=True,
    ).stdout
    assert all(len(line) <= int(columns) for line in out.splitlines())
    _, data, _ = run("rank", "examples/2024", "--areas", "--format", "json", "--lang", "vi")
    figures = re.findall(r"\d+,\d\d", out)
    for row in json.loads(data)["groups"][0]["rows"]:
        for area in row["areas"]:
            assert f"{area['index']:.2f}".replace(".", ",") in figures, (row["agency"]["name"], area)


def test_nfd_and_nfc_are_one_key(write: Write) -> None:
    import unicodedata

    write("criteria.yaml", CRITERIA.replace("key: on-time", "key: kịp-thời"))
    nfd = unicodedata.normalize("NFD", "kịp-thời")
    path = write("a.yaml", AGENCY.replace("self: on-time", f"self: {nfd}"))
    assert score_file(path).areas[0].children[0].children[0].points == 1


# Files: never lose or clobber one


def test_output_onto_an_input_is_refused_before_anything_is_written(write: Write) -> None:
    path = spec_folder(write, "2024")
    before = path.read_bytes()
    assert run("score", str(path), "-o", str(path)) == (
        2,
        "",
        "2024/so-noi-vu.yaml: error U003: --output is one of the files read: writing it would lose the input\n",
    )
    code, _, err = run("rank", "2024", "-o", "2024/ranking.yaml")
    assert code == 2 and "U003" in err
    assert path.read_bytes() == before and not Path("2024/ranking.yaml").exists()


def test_template_does_not_overwrite_a_filled_form_without_force(write: Write) -> None:
    path = spec_folder(write)
    before = path.read_bytes()
    code, _, err = run_english("template", "criteria.yaml", "-o", str(path))
    assert code == 2 and err.startswith("so-noi-vu.yaml: error U003: is already an assessment form (blank")
    assert path.read_bytes() == before
    assert run_english("template", "criteria.yaml", "-o", str(path), "--force")[0] == 0
    assert b"self: null" in path.read_bytes()


def test_files_take_the_umask_and_keep_their_mode(write: Write) -> None:
    spec = spec_folder(write)
    old = os.umask(0o027)
    try:
        assert run("score", str(spec), "-o", "new.txt")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(Path("new.txt").stat().st_mode) == 0o640
    Path("new.txt").chmod(0o604)
    assert run("score", str(spec), "-o", "new.txt")[0] == 0
    assert stat.S_IMODE(Path("new.txt").stat().st_mode) == 0o604


def test_a_device_is_written_through_not_replaced(write: Write) -> None:
    assert run("score", str(spec_folder(write)), "-o", "/dev/null")[0] == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_failing_standard_output_is_one_line_and_exit_1(write: Write) -> None:
    spec_folder(write)
    with open("/dev/full", "w") as device:
        full = subprocess.run(
            [sys.executable, "-m", "par_cli", "score", "so-noi-vu.yaml"],
            stdout=device,
            stderr=subprocess.PIPE,
            text=True,
            env={**env_without_color(), "PAR_LANG": "en"},
        )
    assert (full.returncode, full.stderr) == (
        1,
        "<stdout>: error F003: cannot write to standard output: the disk is full\n",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "par_cli", "check", str(ROOT / "tests" / "check" / "bad")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**env_without_color(), "PAR_LANG": "en"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `par check … | head -0` does
    with process.stderr:
        err = process.stderr.read().decode()
    assert (
        process.wait() == 1
        and err
        == "<stdout>: error F003: cannot write to standard output: the program reading the output stopped reading (a closed pipe)\n"
    )


# No traceback, the right exit code, a message that helps


@pytest.mark.parametrize(
    ("option", "value", "reason"),
    [
        ("--fail-under", "nan", "give a figure from 0 to 100"),
        ("--fail-under", "inf", "give a figure from 0 to 100"),
        ("--fail-under", "101", "give a figure from 0 to 100"),
        ("--jobs", "0", "give a number of processes from 1 to 256"),
        ("--jobs", "100000000", "give a number of processes from 1 to 256"),
    ],
)
def test_option_values_that_cannot_be_used_are_one_usage_line(option: str, value: str, reason: str) -> None:
    assert run("rank", str(SPEC), option, value) == (2, "", f"{option}: error U002: {option} {value}: {reason}\n")


def test_a_deeply_nested_previous_ranking_is_a_located_error(write: Write) -> None:
    spec_folder(write, "2024")
    Path("deep.json").write_text("[" * 100_000 + "]" * 100_000)
    code, _, err = run_english("rank", "2024", "--previous", "deep.json")
    assert code == 1 and re.fullmatch(r"deep\.json:1:1: error J00[12]: .*\n", err), err


def test_previous_ranking_errors_point_at_their_line(write: Write) -> None:
    spec_folder(write, "2024")
    Path("last.json").write_text(
        '{"groups": [\n  {"group": "a", "rows": [\n    {"rank": 0, "agency": {"id": "x"}}\n  ]}\n]}\n'
    )
    code, _, err = run_english("rank", "2024", "--previous", "last.json")
    assert (code, err) == (
        1,
        "last.json:3:5: error J002: groups[0].rows[0]: expected a rank (a whole number ≥ 1) and agency.id; if given, "
        "an index 0–200, points ≥ 0 and max > 0\n",
    )


def test_a_decimal_comma_in_braces_gets_the_decimal_hint(write: Write) -> None:
    path = spec_folder(write, **{"{self: 2, explanation": "{self: 0,5, explanation"})
    assert problems_of(path) == [
        "so-noi-vu.yaml:11:17: error: '0,5' has a decimal comma "
        "(hint: inside { } a comma separates fields: write decimals with a dot (0.5))"
    ]


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ('"3"', "remove the quotes"),
        ("2_0", "write the number with the digits 0–9 and a dot, nothing else"),
        ("２", "write the number with the digits 0–9 and a dot, nothing else"),
    ],
)
def test_remove_the_quotes_only_when_there_are_quotes(write: Write, typed: str, hint: str) -> None:
    path = spec_folder(write, **{"{self: 2, explanation": f"{{self: {typed}, explanation"})
    [problem] = problems_of(path)
    assert problem.endswith(f"(hint: {hint})"), problem


def test_an_identical_set_in_two_years_is_not_a_conflict(write: Write) -> None:
    spec_folder(write, "2023")
    spec_folder(write, "2024")
    _, out, _ = run_english("check", "2023", "2024")
    assert "C013" not in out
    write("2024/criteria.yaml", CRITERIA.replace("max: 6", "max: 6.0"))
    assert "error C013" in run_english("check", "2023", "2024")[1]


def test_a_template_written_to_stdout_names_a_set_that_resolves(write: Write) -> None:
    write("criteria.yaml", CRITERIA)
    code, out, err = run_english("template", "criteria.yaml")
    assert code == 0 and 'criteria: "spec-example-2024"' in out and err == ""
    Path("forms").mkdir()
    Path("forms/x.yaml").write_text(out.replace("ma-co-quan", "a"))
    assert run_english("check", "forms/x.yaml")[0] == 0
    Path("sets").mkdir()
    Path("sets/other.yaml").write_text(CRITERIA.replace("spec-example-2024", "other-set"))
    code, out, err = run_english("template", "sets/other.yaml")
    assert 'criteria: "sets/other.yaml"' in out
    assert err.startswith("note: the form names its criteria set as sets/other.yaml, relative to this folder")


def test_criteria_option_takes_an_id_and_unknown_ids_get_did_you_mean(write: Write) -> None:
    path = spec_folder(write)
    assert run("score", str(path), "--criteria", "spec-example-2024", "-f", "json")[0] == 0
    assert run("score", str(path), "--criteria", "spec-exampel-2024") == (
        1,
        "",
        "spec-exampel-2024: error R001: criteria set 'spec-exampel-2024' not found (hint: did you mean 'spec-example-2024'?)\n",
    )


def test_areas_are_honoured_by_html_and_xlsx(write: Write) -> None:
    spec_folder(write, "2024")
    _, html, _ = run("rank", "2024", "--areas", "--format", "html")
    assert '<th class="n">3</th>' in html and "72,00" in html
    assert run("rank", "2024", "--areas", "--format", "xlsx", "-o", "r.xlsx")[0] == 0
    from openpyxl import load_workbook

    sheet = load_workbook("r.xlsx").worksheets[0]
    assert [cell.value for cell in sheet[2]][-5:] == ["1", "2", "3", "agency_id", "group"]  # ids hidden at the end
    assert [cell.value for cell in sheet[3]][-3] == 72


def test_vietnamese_output_has_no_english_left(write: Write) -> None:
    path = spec_folder(write)
    _, out, _ = run_english("score", str(path), "--lang", "vi")
    assert "appraisal" not in out and "(true)" not in out
    _, out, _ = run_english("criteria", "show", "criteria.yaml", "--lang", "vi")
    assert "(true)" not in out and "đạt: điểm tối đa" in out
    _, out, _ = run_english("criteria", "list", "--lang", "vi")
    assert out.split()[:3] == ["Mã", "Nội", "dung"]
    assert run_english("check", "criteria.yaml")[1].splitlines()[0].endswith("areas total 15 points (3 areas)")


def test_one_minus_sign_everywhere(write: Write) -> None:
    path = spec_folder(write, **{"self: 1, evidence": "self: -1, evidence"})
    [problem] = problems_of(path)
    assert problem.endswith("1.3: a count of violations cannot be negative, got −1"), problem


def test_an_unreadable_file_is_f001_from_every_command(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    path = spec_folder(write, "2024")
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "so-noi-vu.yaml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    line = (
        "2024/so-noi-vu.yaml: error F001: cannot read the file: permission denied (or the file is open in another"
        " program: close it in Excel or Word)"
    )
    for args in (["score", str(path)], ["explain", str(path)], ["rank", "2024"]):
        assert run_english(*args) == (1, "", line + "\n"), args
    code, out, _ = run_english("check", str(path))
    assert code == 1 and out.startswith(line)
    code, out, _ = run("check", str(path), "--lang", "vi")  # the system's reason in the user's words too
    assert code == 1 and "không đọc được tệp: không có quyền (hoặc tệp đang mở trong chương trình khác" in out


def test_a_file_open_in_excel_on_windows_is_said_so() -> None:
    from par_cli.core.diagnostics import msg, os_reason

    locked = PermissionError(13, "The process cannot access the file because it is being used by another process")
    locked.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION, as Windows raises it
    assert os_reason(locked) == msg("os.in-use")
    assert os_reason(OSError(9999, "Something odd")) == "Something odd"  # a reason par has no words for: the system's


def test_csv_on_stdout_keeps_its_line_endings() -> None:
    """`par rank -f csv > rank.csv` must give the same file as `-o rank.csv`: `\\r\\n`, never the text `\\x0d`."""
    command = [sys.executable, "-m", "par_cli", "rank", str(ROOT / "examples/2024"), "-f", "csv"]
    out = subprocess.run(command, capture_output=True, env=env_without_color(), check=True).stdout
    lines = out.split(b"\r\n")
    assert len(lines) == 14 and lines[-1] == b"", out[:300]
    assert b"\\x0d" not in out


def test_a_broken_set_used_by_many_files_is_reported_once(write: Write) -> None:
    write("f/criteria.yaml", 'kind: criteria\nid: x\ntitle: X\nareas:\n  - {code: "1", title: A}\n')
    for name in "abc":
        write(f"f/{name}.yaml", f"kind: assessment\ncriteria: x\nagency: {{id: {name}, name: {name}}}\n")
    code, _, err = run_english("rank", "f")
    assert code == 1
    assert err.splitlines() == ["f/criteria.yaml:5:5: error S001: areas[0].max: missing field 'max'"], err


def test_a_folder_is_searched_for_survey_results_once_not_once_per_file(
    write: Write, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking for `kind: survey` files beside every assessment read the whole folder per file: O(n²) (3,400
    communes: 11 million file heads). Each file's head is now read once per command, whatever looks through the
    folder (the ranking, criteria ids, survey and appraisal files)."""
    import par_cli.readers.files as files

    real = files._kind_and_id
    write("f/criteria.yaml", 'kind: criteria\nid: x\ntitle: X\nareas:\n  - {code: "1", title: A, max: 10}\n')
    for n in range(60):
        write(f"f/a{n}.yaml", f"kind: assessment\ncriteria: x\nagency: {{id: a{n}, name: A{n}}}\nanswers: {{'1': 5}}\n")
    calls: list[Path] = []

    def counted(path: Path | str, head: bytes | None = None) -> tuple[str | None, str | None]:
        calls.append(Path(path))
        return real(path, head)

    monkeypatch.setattr(files, "_kind_and_id", counted)
    code, _, err = run("rank", "f", "--jobs", "1")
    assert code == 0, err
    here = sorted(path.name for path in calls if path.parent.name == "f")
    assert here == sorted(path.name for path in Path("f").iterdir()), calls  # every file of the folder, once


PIECES = ["a", "ở", "\n", "\r\n", "\r", "\t", "\x1b", "\x07", "\x85", "\u202e", "\u2067", " "]


@given(st.lists(st.sampled_from(PIECES)))
def test_what_is_shown_has_no_control_character_and_is_the_text_where_it_had_none(pieces: list[str]) -> None:
    from par_cli.words.literal import _CONTROLS, visible

    text = "".join(pieces)
    controls = {chr(code) for code in _CONTROLS}
    shown = visible(text)
    assert controls.isdisjoint(shown.replace("\r\n", "")), repr(shown)  # CSV's line ends stay
    assert (shown == text) == controls.isdisjoint(text.replace("\r\n", "")), (text, shown)
    assert shown.count("\r\n") == text.count("\r\n")
