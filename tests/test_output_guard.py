"""`--output` never overwrites a file the command reads (issue 25): named by any argument or option, found beside
(an appraisal, survey results, a criteria set by its id), or reached through a symlink or a hard link. Refused with
U003 and exit code 2, every file byte for byte as it was.

The table covers every path option of every command that writes `--output`, found by looking at the app: a new
option fails `test_every_path_option_of_every_command_with_output_is_in_the_table` until a case is added."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import typer.main

from par_cli.__main__ import app
from tests.conftest import ROOT, SPEC, run, run_english
from tests.test_import import LONG

EXAMPLES = ROOT / "examples"
S = "survey-2024"
TALLY = ["survey", "tally", f"{S}/design.yaml", f"{S}/responses.csv", "--agencies", S]
# (command, what is read) → (the command line without -o, the file that -o points to)
CASES: dict[tuple[str, str], tuple[list[str], str]] = {
    ("score", "file"): (["score", f"{S}/so-noi-vu.yaml"], f"{S}/so-noi-vu.yaml"),
    ("score", "criteria"): (["score", f"{S}/so-noi-vu.yaml", "--criteria", "crit.yaml"], "crit.yaml"),
    ("score", "survey"): (["score", f"{S}/so-noi-vu.yaml", "--survey", f"{S}/survey.yaml"], f"{S}/survey.yaml"),
    ("score", "among"): (["score", f"{S}/so-noi-vu.yaml", "--among", S], f"{S}/so-tu-phap.yaml"),
    ("report", "paths"): (["report", S], f"{S}/so-noi-vu.yaml"),  # -o names a folder: a file is refused as one
    ("report", "criteria"): (["report", S, "--criteria", "crit.yaml"], "crit.yaml"),
    ("report", "survey"): (["report", S, "--survey", f"{S}/survey.yaml"], f"{S}/survey.yaml"),
    ("rank", "paths"): (["rank", S], f"{S}/so-noi-vu.yaml"),
    ("rank", "previous"): (["rank", S, "--previous", "prev.json"], "prev.json"),
    ("rank", "criteria"): (["rank", S, "--criteria", "crit.yaml"], "crit.yaml"),
    ("rank", "against"): (["rank", S, "--criteria", "crit2.yaml", "--against", "crit.yaml"], "crit.yaml"),
    ("rank", "survey"): (["rank", S, "--survey", f"{S}/survey.yaml"], f"{S}/survey.yaml"),
    ("rank", "survey beside"): (["rank", S], f"{S}/survey.yaml"),
    ("rank", "office"): (["rank", S, "--office", "office.yaml"], "office.yaml"),
    ("rank", "appraisal beside"): (["rank", "tham-dinh"], "tham-dinh/tham-dinh-so-noi-vu.yaml"),
    ("rank", "criteria by id"): (["rank", "tham-dinh"], "tham-dinh/criteria.yaml"),
    ("check", "paths"): (["check", S], f"{S}/so-noi-vu.yaml"),
    ("template", "reference"): (["template", "crit.yaml", "--force"], "crit.yaml"),
    ("import", "table"): (["import", "long.csv", "--criteria", "spec.yaml", "--force"], "long.csv"),
    ("import", "criteria"): (["import", "long.csv", "--criteria", "spec.yaml", "--force"], "spec.yaml"),
    ("trend", "paths"): (["trend", "prev.json", S], "prev.json"),
    ("gaps", "paths"): (["gaps", S], f"{S}/so-noi-vu.yaml"),
    ("gaps", "criteria"): (["gaps", S, "--criteria", "crit.yaml"], "crit.yaml"),
    ("gaps", "survey"): (["gaps", S, "--survey", f"{S}/survey.yaml"], f"{S}/survey.yaml"),
    ("criteria import", "annex"): (["criteria", "import", "annex.docx", "--force"], "annex.docx"),
    ("appraisal cuts", "paths"): (["appraisal", "cuts", "tham-dinh"], "tham-dinh/tham-dinh-so-noi-vu.yaml"),
    ("appraisal cuts", "criteria"): (["appraisal", "cuts", "tham-dinh", "--criteria", "td.yaml"], "td.yaml"),
    ("appraisal workbook", "folder"): (["appraisal", "workbook", "tham-dinh", "--force"], "tham-dinh/xa-an-binh.yaml"),
    ("appraisal workbook", "criteria"): (
        ["appraisal", "workbook", "tham-dinh", "--criteria", "td.yaml", "--force"],
        "td.yaml",
    ),
    ("appraisal read", "workbook"): (["appraisal", "read", "hoi-dong.xlsx", "--force"], "hoi-dong.xlsx"),
    ("template", "agencies"): (["template", "crit.yaml", "--agencies", "ds.csv", "-f", "xlsx"], "ds.csv"),
    ("survey tally", "design"): (TALLY, f"{S}/design.yaml"),
    ("survey tally", "responses"): (TALLY, f"{S}/responses.csv"),
    ("survey tally", "agencies"): (TALLY, f"{S}/so-noi-vu.yaml"),
    ("survey report", "file"): (["survey", "report", f"{S}/survey.yaml"], f"{S}/survey.yaml"),
}
TEXT_PATHS = {"against"}  # options of text, not of a path, that name a file (an id, or a file): OLD


def commands(group: object = None, prefix: str = "") -> dict[str, object]:
    """Every command of the app by its full name."""
    found: dict[str, object] = {}
    for name, command in getattr(group or typer.main.get_command(app), "commands", {}).items():
        full = f"{prefix}{name}"
        found |= commands(command, full + " ") if hasattr(command, "commands") else {full: command}
    return found


def test_every_path_option_of_every_command_with_output_is_in_the_table() -> None:
    wanted = set()
    for name, command in commands().items():
        params = getattr(command, "params", [])
        if any(param.name == "output" for param in params):
            for param in params:
                metavar = param.metavar or ""
                if param.name != "output" and (
                    param.type.name == "path" or "PATH" in metavar or param.name in TEXT_PATHS
                ):
                    wanted.add((name, param.name))
    assert len(wanted) == 32
    assert wanted - set(CASES) == set()


@pytest.fixture
def inputs(in_tmp: Path) -> Path:
    shutil.copytree(EXAMPLES / S, S)
    shutil.copytree(EXAMPLES / "tham-dinh-2025", "tham-dinh")
    shutil.copy(ROOT / "criteria" / "mau-so-nganh.yaml", "crit.yaml")
    shutil.copy(ROOT / "criteria" / "mau-so-nganh.yaml", "crit2.yaml")
    shutil.copy("tham-dinh/criteria.yaml", "td.yaml")
    shutil.copy(EXAMPLES / "2025" / "office.yaml", "office.yaml")
    shutil.copy(SPEC / "criteria.yaml", "spec.yaml")
    shutil.copy(ROOT / "tests" / "annexes" / "national.docx", "annex.docx")
    Path("long.csv").write_text(LONG, encoding="utf-8")
    Path("ds.csv").write_text("Mã cơ quan,Tên cơ quan\nso-noi-vu,Sở Nội vụ\n", encoding="utf-8")
    assert run("appraisal", "workbook", "tham-dinh", "-o", "hoi-dong.xlsx")[0] == 0
    code, _, err = run("rank", str(EXAMPLES / "2023"), "-f", "json", "-o", "prev.json")
    assert code == 0, err
    return in_tmp


def files_of(folder: Path) -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("case", sorted(CASES), ids=" ".join)
@pytest.mark.parametrize("way", ["as named", "symlink", "hard link"])
def test_output_onto_a_file_read_is_refused_and_the_file_kept(inputs: Path, case: tuple[str, str], way: str) -> None:
    args, target = CASES[case]
    output = target
    if way != "as named":  # beside the inputs, not in a folder read: only the file itself says it is an input
        output = f"other{Path(target).suffix}"
        if way == "symlink":
            os.symlink(target, output)
        else:
            os.link(target, output)
    before = files_of(inputs)
    code, out, err = run_english(*args, "-o", output)
    assert (code, out) == (2, ""), err
    assert err.startswith(f"{output}: error U003: --output ") and err.count("\n") == 1, err
    assert files_of(inputs) == before


def test_an_output_that_is_no_input_is_written(inputs: Path) -> None:
    """The guard refuses inputs only: the same commands write beside them, and survey results are written again
    over the ones a tally does not read."""
    for args, target in CASES.values():
        folder = args[0] in ("import", "report") or args[:2] == ["appraisal", "read"] or "--agencies" in args[:3]
        if not folder:  # those write a folder of files
            document = next((f".{fmt}" for fmt in ("xlsx", "docx") if fmt in args), None)
            suffix = ".xlsx" if "workbook" in args else document or Path(target).suffix  # a workbook is named so
            code, _, err = run(*args, "-o", f"out{suffix}")
            assert code == 0, (args, err)
    for _ in range(2):
        code, _, err = run(*TALLY, "-o", f"{S}/survey.yaml")
        assert code == 0, err


def test_a_criteria_set_read_only_by_the_workers_is_guarded_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ranking large enough for worker processes (and no cache) reads the criteria set found by its id in the
    workers only: what they read is handed back to the parent's guard with their results."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "tham-dinh-2025" / "criteria.yaml", "criteria.yaml")
    units = Path("units")
    units.mkdir()
    source = (EXAMPLES / "tham-dinh-2025" / "xa-an-binh.yaml").read_text(encoding="utf-8")
    for n in range(60):
        (units / f"xa-{n}.yaml").write_text(
            source.replace("id: xa-an-binh", f"id: xa-{n}").replace('id: "xa-an-binh"', f'id: "xa-{n}"'),
            encoding="utf-8",
        )
    os.link("criteria.yaml", "other.md")
    before = Path("criteria.yaml").read_bytes()
    code, out, err = run_english("rank", "units", "--no-cache", "--jobs", "2", "-f", "markdown", "-o", "other.md")
    assert (code, out) == (2, ""), err
    assert err == "other.md: error U003: --output is one of the files read: writing it would lose the input\n"
    assert Path("criteria.yaml").read_bytes() == before


def test_a_word_or_excel_name_gets_that_format_or_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`-o phu-luc.docx` without `-f docx` wrote the terminal's text into a file Word cannot open, and `-f docx
    -o x.md` a Word document under a text name, both without a word: now U001, and nothing is written."""
    monkeypatch.chdir(ROOT)
    named = tmp_path / "phu-luc.docx"
    code, _, err = run("rank", "examples/2024", "-o", str(named), "--lang", "en")
    assert code == 2 and not named.exists()
    assert f"error U001: {named} is the name of a Word document, but this format writes text into it" in err
    misnamed = tmp_path / "phu-luc.md"
    code, _, err = run("rank", "examples/2024", "-f", "docx", "-o", str(misnamed))
    assert code == 2 and not misnamed.exists()
    assert f"lỗi U001: định dạng này ghi một văn bản Word, nhưng {misnamed} không có đuôi .docx" in err
    code, _, err = run("gaps", "examples/2024", "-o", str(tmp_path / "ke-hoach.xlsx"), "--lang", "en")
    assert code == 2 and "an Excel workbook, but this format writes text into it: add --format xlsx" in err
    assert run("rank", "examples/2024", "-f", "docx", "-o", str(named))[0] == 0 and named.exists()
