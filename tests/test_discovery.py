"""Every kind of input is found by one rule, its suffix in any case (issue 25): `THAM-DINH.YAML`, `SURVEY.YML`,
`FORM.XLSX` or `PREV.JSON`, as Windows tools write them, give the same figures as their lower-case twins."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from par_cli.io.suffixes import kind_of_suffix
from tests.conftest import ROOT, SPEC, Write, run
from tests.test_xlsx import fill, form

EXAMPLES = ROOT / "examples"


def upper(name: str) -> str:
    return name.upper()


def mixed(name: str) -> str:
    stem, _, suffix = name.rpartition(".")
    return f"{stem}.{'Yml' if suffix == 'yaml' else suffix.capitalize()}"


def copy(source: Path, folder: str, rename: Callable[[str], str] = str) -> Path:
    """The files of `source` in `folder`, each renamed."""
    Path(folder).mkdir()
    for path in source.iterdir():
        shutil.copy(path, Path(folder) / rename(path.name))
    return Path(folder)


def ok(*args: str) -> str:
    code, out, err = run(*args)
    assert code == 0, err
    return out


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.yaml", "yaml"),
        ("A.YAML", "yaml"),
        ("a.Yml", "yaml"),
        ("F.XLSX", "xlsx"),
        ("p.JSON", "json"),
        ("r.Csv", "csv"),
        ("annex.DOCX", "docx"),
        ("a.yaml.txt", None),
        (".yaml", None),
        ("a.cſv", None),  # only ASCII letters fold (ſ folds to s)
        ("YAML", None),
    ],
)
def test_a_files_kind_is_its_suffix_in_any_case(name: str, kind: str | None) -> None:
    assert kind_of_suffix(name) == kind == kind_of_suffix(Path("folder") / name)


def test_appraisal_and_criteria_files_in_upper_case_count_in_rank_check_gaps_cuts_and_score(in_tmp: Path) -> None:
    source = EXAMPLES / "tham-dinh-2025"
    copy(source, "lower")
    # the appraisals and the criteria set (named by its id) in upper case, the assessments as `.Yml`
    copy(source, "UPPER", lambda name: mixed(name) if name.startswith("xa-") else upper(name))
    assert Path("UPPER/THAM-DINH-SO-NOI-VU.YAML").exists() and Path("UPPER/xa-an-binh.Yml").exists()
    ranked = ok("rank", "lower", "-f", "csv")
    assert "xa-an-binh,Xã An Bình,93.68,100.00,93.68" in ranked  # the appraised figures (self-assessed: 94.18)
    assert ok("rank", "UPPER", "-f", "csv") == ranked
    assert ok("appraisal", "cuts", "UPPER", "-f", "csv") == ok("appraisal", "cuts", "lower", "-f", "csv")
    assert ok("gaps", "UPPER", "-f", "csv") == ok("gaps", "lower", "-f", "csv")
    assert ok("check", "UPPER") == ok("check", "lower").replace("lower/criteria.yaml", "UPPER/CRITERIA.YAML")
    score = ok("score", "UPPER/xa-an-binh.Yml", "-f", "json")
    assert score == ok("score", "lower/xa-an-binh.yaml", "-f", "json").replace(".yaml", ".Yml").replace(
        "lower", "UPPER"
    )
    assert '"index": 97.28' in score and '"index": 97.78' in score  # appraised, self-assessed


def test_survey_results_in_upper_case_count_and_the_survey_commands_read_them(in_tmp: Path) -> None:
    source = EXAMPLES / "survey-2024"
    copy(source, "lower")
    copy(source, "UPPER", upper)
    Path("UPPER/SURVEY.YAML").rename("UPPER/SURVEY.YML")
    ranked = ok("rank", "lower", "-f", "csv")
    assert "so-tu-phap,Sở Tư pháp,89.54,100.00,89.54" in ranked  # with the survey's points
    assert ok("rank", "UPPER", "-f", "csv") == ranked
    lower = ok("score", "lower/so-tu-phap.yaml", "-f", "json")
    assert ok("score", "UPPER/SO-TU-PHAP.YAML", "-f", "json") == lower.replace(
        "lower/so-tu-phap.yaml", "UPPER/SO-TU-PHAP.YAML"
    )
    report = ok("survey", "report", "lower/survey.yaml", "-f", "csv")
    assert ok("survey", "report", "UPPER/SURVEY.YML", "-f", "csv") == report
    Path("out").mkdir()
    ok("survey", "tally", "lower/design.yaml", "lower/responses.csv", "-o", "out/survey.yaml", "--agencies", "lower")
    ok("survey", "tally", "UPPER/DESIGN.YAML", "UPPER/RESPONSES.CSV", "-o", "out/SURVEY.YML", "--agencies", "UPPER")
    assert Path("out/SURVEY.YML").read_bytes() == Path("out/survey.yaml").read_bytes()


def test_a_workbook_form_and_a_previous_ranking_in_upper_case_are_read(write: Write) -> None:
    fill(form(write), ("so-noi-vu", "Sở Nội vụ", "so-nganh"), {"1.2": ("Có", None, "BC")}, {"3": [10, 10]})
    for folder, name in (("lower", "so-noi-vu.xlsx"), ("UPPER", "SO-NOI-VU.XLSX")):
        Path(folder).mkdir()
        shutil.copy("form.xlsx", f"{folder}/{name}")
        shutil.copy("criteria.yaml", f"{folder}/{upper('criteria.yaml') if folder == 'UPPER' else 'criteria.yaml'}")
        shutil.copy(SPEC / "so-y-te.yaml", f"{folder}/so-y-te.yaml")
    ranked = ok("rank", "lower", "-f", "csv")
    assert ok("rank", "UPPER", "-f", "csv") == ranked and ranked.count("\n") == 3
    lower = ok("score", "lower/so-noi-vu.xlsx", "-f", "json")
    assert ok("score", "UPPER/SO-NOI-VU.XLSX", "-f", "json") == lower.replace(
        "lower/so-noi-vu.xlsx", "UPPER/SO-NOI-VU.XLSX"
    )
    assert ok("check", "UPPER/SO-NOI-VU.XLSX") == ok("check", "lower/so-noi-vu.xlsx").replace(
        "lower/so-noi-vu.xlsx", "UPPER/SO-NOI-VU.XLSX"
    )
    ok("rank", str(EXAMPLES / "2023"), "-f", "json", "-o", "prev.json")
    shutil.copy("prev.json", "PREV.JSON")
    before = ok("rank", str(EXAMPLES / "2024"), "--previous", "prev.json", "-f", "csv")
    assert "so-tu-phap,Sở Tư pháp,89.54,100.00,89.54,Tốt,2,1" in before  # last year's rank 2, up 1
    assert ok("rank", str(EXAMPLES / "2024"), "--previous", "PREV.JSON", "-f", "csv") == before
    trend = ok("trend", "prev.json", str(EXAMPLES / "2024"), "-f", "csv")
    assert ok("trend", "PREV.JSON", str(EXAMPLES / "2024"), "-f", "csv") == trend


def test_a_criteria_file_named_in_upper_case_without_a_slash_is_a_path_not_an_id(write: Write) -> None:
    write("CRITERIA.YAML", (SPEC / "criteria.yaml").read_text(encoding="utf-8"))
    text = (SPEC / "so-noi-vu.yaml").read_text(encoding="utf-8")
    criteria = next(line for line in text.splitlines() if line.startswith("criteria:"))
    write("so-noi-vu.yaml", text.replace(criteria, "criteria: CRITERIA.YAML"))
    write("lower.yaml", text.replace(criteria, "criteria: ./CRITERIA.YAML"))
    figures = json.loads(ok("score", "lower.yaml", "-f", "json"))["index"]
    assert json.loads(ok("score", "so-noi-vu.yaml", "-f", "json"))["index"] == figures
