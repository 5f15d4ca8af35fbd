"""`par check`: each bad file gives exactly the diagnostics it declares; formats, strictness and exit codes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from par_cli.services.checking import check_paths
from par_cli.services.surveys import SurveySource
from par_cli.services.workspace import Workspace
from par_cli.words.codes import CODES, level_of, summary
from tests.conftest import ROOT, assert_translated, run, run_english

CHECK = Path(__file__).parent / "check"
BAD = CHECK / "bad"
EXPECT = re.compile(rb"^# expect: (\d+):(\d+) (error|warning|info) ([A-Z]\d{3})$", re.MULTILINE)


def runs() -> list[Path]:
    """Each bad file on its own, and each sub-folder as one run (its checks cross files)."""
    return sorted(BAD.glob("*.yaml")) + sorted(p for p in BAD.iterdir() if p.is_dir())


def expected(path: Path) -> list[tuple[str, int, int, str, str]]:
    """The `# expect: LINE:COL LEVEL CODE` lines of a file, or of every file in a folder (paths from the root)."""
    path = path if path.is_absolute() else ROOT / path
    files = sorted(path.rglob("*.yaml")) if path.is_dir() else [path]
    out = []
    for file in files:
        for line, col, level, code in EXPECT.findall(file.read_bytes()):
            out.append((str(file.relative_to(ROOT)), int(line), int(col), level.decode(), code.decode()))
    return sorted(out)


@pytest.mark.parametrize("path", runs(), ids=lambda p: p.name)
def test_bad_file_gives_exactly_its_expected_diagnostics(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    want = expected(path)
    assert want, f"{path} declares no '# expect:' lines"
    report = check_paths([path.relative_to(ROOT)], Workspace(survey=SurveySource()))  # as `par check` does
    got = sorted((d.file, d.where.line, d.where.col, level_of(d).value, d.code) for d in report.diagnostics)
    assert got == want
    assert_translated(report.diagnostics)


def test_every_check_code_is_covered_by_a_bad_file() -> None:
    covered = {code for path in runs() for *_, code in expected(path)}
    not_from_check = {
        "F002",
        "R002",
        "R003",
        "J001",
        "J002",
        "A015",
        "A014",
        "A011",
        "Y009",
        "Y010",
        "Y011",
        "C016",
        "R004",
        "F001",
        "F003",  # the command line's own errors: tests/test_cli_errors.py
        "F004",
        "F005",  # workbooks: tests/test_xlsx.py
        "F006",  # a .json of a folder left out: tests/test_json_in_folder.py
        "A023",
        "A024",
        "A025",  # forms as agencies fill them: tests/test_form_reading.py
        "A026",  # par import: tests/test_import_warnings.py
        "R005",
        "R006",  # rankings: tests/test_rank.py
        "R007",
        "R008",  # mergers across periods: tests/test_years.py
        "T001",  # CSV tables: tests/test_tables.py
        "R009",
        "J003",  # rank --previous: tests/test_previous.py
        "R010",
        "R011",  # results still missing in a ranking: tests/test_previous.py
        "R012",  # last period's units absent now: tests/test_previous.py
        "R013",  # a ranking given by names: tests/test_previous_names.py
        "R014",
        "R015",
        "R016",
        "R017",  # a --previous that fits no agency, or is of no earlier period: tests/test_previous_fit.py
        "O002",  # groups shown by their ids, `par rank`: tests/test_office.py
        "U001",
        "U002",
        "U003",
        "U004",  # PAR_LANG par does not speak: tests/test_language.py
        "U005",  # a translator's language file: tests/test_words_as_data.py
        *(f"V{n:03d}" for n in range(1, 16)),  # the survey: tests/test_survey.py
        *(f"C{n:03d}" for n in range(20, 25)),  # `par criteria import`: tests/test_criteria_import.py
        "C026",  # a draft without grade bands, `par criteria import`: tests/test_criteria_import.py
    }
    assert set(CODES) - not_from_check <= covered


def test_good_folder_passes_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run_english("check", "--strict", "tests/check/good")
    assert code == 0
    assert out == (
        "tests/check/good/set.yaml:8:3: info C014: areas total 12 points (3 areas)\n"
        "0 errors, 0 warnings, 1 info in 2 files\n"
    )


def test_text_output_and_exit_code(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run_english("check", "tests/check/bad/c-grades.yaml")
    assert code == 1
    assert out.splitlines() == [
        "tests/check/bad/c-grades.yaml:5:11: warning C017: the lowest grade starts at 80: an index below it has no "
        "grade (hint: add a lowest band with min: 0)",
        "tests/check/bad/c-grades.yaml:6:11: error C011: grade 'Tốt' (min 90) is not below 'Tốt' (min 80) "
        "(hint: list grades from the highest band down)",
        "tests/check/bad/c-grades.yaml:6:22: warning C012: grade label 'Tốt' is used twice",
        "tests/check/bad/c-grades.yaml:8:3: info C014: areas total 1 point (1 area)",
        "1 error, 2 warnings, 1 info in 1 file",
    ]


def test_warnings_pass_unless_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert run_english("check", "tests/check/bad/c-step.yaml")[0] == 0
    code, out, _ = run_english("check", "--strict", "tests/check/bad/c-step.yaml")
    assert code == 1
    assert "tests/check/bad/c-step.yaml:5:62: error C009: 1: max 1 is not a multiple of the step 0.3" in out
    assert out.endswith("1 error, 0 warnings, 1 info in 1 file\n")


def test_json_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run("check", "tests/check/bad/y-decimal-comma.yaml", "-f", "json")
    assert code == 1
    assert json.loads(out) == {
        "diagnostics": [
            {
                "file": "tests/check/bad/y-decimal-comma.yaml",
                "line": 7,
                "column": 10,
                "level": "error",
                "code": "Y005",
                "message": "'0,5' has a decimal comma",
                "hint": "use a dot as decimal separator: 0.5",
            }
        ],
        "summary": {"files": 1, "errors": 1, "warnings": 0, "infos": 0},
    }


def test_github_annotations_chosen_under_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    from typer.testing import CliRunner

    from par_cli.__main__ import app

    result = CliRunner().invoke(app, ["check", "tests/check/bad/c-grades.yaml"], env={"PAR_LANG": "en"})
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::warning file=tests/check/bad/c-grades.yaml,line=5,col=11,title=C017::the lowest grade starts at 80: an "
        "index below it has no grade (hint: add a lowest band with min: 0)",
        "::error file=tests/check/bad/c-grades.yaml,line=6,col=11,title=C011::grade 'Tốt' (min 90) is not below "
        "'Tốt' (min 80) (hint: list grades from the highest band down)",
        "::warning file=tests/check/bad/c-grades.yaml,line=6,col=22,title=C012::grade label 'Tốt' is used twice",
        "::notice file=tests/check/bad/c-grades.yaml,line=8,col=3,title=C014::areas total 1 point (1 area)",
        "1 error, 2 warnings, 1 info in 1 file",
    ]


def test_sarif_is_valid_2_1_0(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run("check", "tests/check/bad", "-f", "sarif")
    assert code == 1
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    [sarif_run] = sarif["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "par" and driver["version"]
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] == summary(rule["id"], "en")
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    assert sarif_run["results"]
    for result in sarif_run["results"]:
        assert set(result) == {"ruleId", "ruleIndex", "level", "message", "locations"}
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        assert result["message"]["text"]
        [location] = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"].startswith("tests/check/bad/")
        assert not physical["artifactLocation"]["uri"].startswith("/")
        assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1


def test_output_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    target = tmp_path / "report.sarif"
    code, out, _ = run("check", "tests/check/good", "-f", "sarif", "-o", str(target))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "C014"


def test_usage_errors_exit_2() -> None:
    assert run("check")[0] == 2
    assert run("check", "x", "--format", "xml")[0] == 2


def test_missing_path_is_an_error() -> None:
    code, out, _ = run("check", "no/such/place")
    assert code == 1
    assert out.splitlines()[0] == "no/such/place: error F001: no such file or folder"


def test_schema_command_gives_json_schema() -> None:
    for kind, required in (
        ("criteria", {"kind", "id", "title", "areas"}),
        ("assessment", {"kind", "criteria", "agency"}),
    ):
        code, out, _ = run("schema", kind)
        assert code == 0
        schema = json.loads(out)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert set(schema["required"]) == required
        assert schema["additionalProperties"] is False
    assert run("schema", "other")[0] == 2


def test_schemas_accept_every_shipped_file_as_an_editor_would() -> None:
    import jsonschema  # type: ignore[import-untyped]
    import yaml

    from par_cli.core.json_schema import json_schema

    for kind, folder in (("criteria", ROOT / "criteria"), ("assessment", ROOT / "examples" / "2024")):
        validator = jsonschema.Draft202012Validator(json_schema(kind))
        for path in sorted(folder.glob("*.yaml")):
            errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
            assert errors == [], path
    criteria = jsonschema.Draft202012Validator(json_schema("criteria"))
    assert not criteria.is_valid({"kind": "criteria", "id": "x", "title": "t", "areas": [{"code": 1, "title": "a"}]})
    assert not criteria.is_valid(
        {"kind": "criteria", "id": "x", "title": "t", "areas": [{"code": 1, "title": "a", "max": "3"}]}
    )
    assert criteria.is_valid(
        {"kind": "criteria", "id": "x", "title": "t", "areas": [{"code": 1.1, "title": "a", "max": 3}]}
    )


def test_pre_commit_hook_is_declared() -> None:
    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "par-check"
    assert hook["entry"] == "par check"
    assert hook["require_serial"] is True
    assert hook["language"] == "python"


def test_vietnamese_text_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, _ = run(
        "check", "tests/check/bad/c-max-sum.yaml", "tests/check/bad/y-decimal-comma.yaml", "--lang", "vi"
    )
    assert code == 1
    assert out.splitlines() == [
        "tests/check/bad/c-max-sum.yaml:5:3: thông tin C014: tổng các lĩnh vực: 10 điểm (1 lĩnh vực)",
        "tests/check/bad/c-max-sum.yaml:7:10: lỗi C001: 1: điểm tối đa 10 khác tổng điểm tối đa các mục con 9,5 "
        "(chênh lệch +0,5) (gợi ý: đặt max là 9.5 hoặc sửa điểm tối đa của một mục con)",
        "tests/check/bad/y-decimal-comma.yaml:7:10: lỗi Y005: '0,5' dùng dấu phẩy thập phân "
        "(gợi ý: dùng dấu chấm làm dấu thập phân: 0.5)",
        "2 lỗi, 0 cảnh báo, 1 thông tin trong 2 tệp",
    ]


def test_check_in_a_process_pool_reports_exactly_what_one_process_does(tmp_path: Path) -> None:
    """par check -j 2 on 60 files (over the pool's threshold): the same lines, in the same order, as -j 1 —
    including the checks across files (an agency twice in a folder: every copy below names the first)."""
    sources = sorted((ROOT / "examples" / "2024").glob("*.yaml"))
    for n in range(60):
        shutil.copy(sources[n % len(sources)], tmp_path / f"a{n:02d}.yaml")
    one = run_english("check", str(tmp_path), "-j", "1")
    two = run_english("check", str(tmp_path), "-j", "2")
    assert one == two
    assert one[0] == 1 and one[1].count("error A009") == 48, one[1][-2000:]
