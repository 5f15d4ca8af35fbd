"""An office's try-out of forms filled in LibreOffice: a percentage typed as `95%` read as 95 %, never 0,95 %; a
figure par suspects was misread said by every command that scores it; a percentage typed as text with a decimal
comma read as the form's own formula reads it; a survey criterion without results said for what it is; a form's
problems said in the form's words."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import ROOT, Write, run, run_english
from tests.test_xlsx import fill, form

AGENCY = ("so-noi-vu", "Sở Nội vụ")
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")


def _libreoffice(source: Path, kind: str, folder: str) -> Path:
    done = subprocess.run(
        [  # a profile of its own: another LibreOffice running (another test, another user) would block it
            "soffice",
            f"-env:UserInstallation={Path('profile').resolve().as_uri()}",
            "--headless",
            "--convert-to",
            kind,
            "--outdir",
            folder,
            str(source),
        ],
        capture_output=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr
    return Path(folder) / f"{source.stem}.{kind}"


@needs_soffice
def test_a_percentage_typed_in_libreoffice_and_saved_as_ods_is_that_percentage(write: Write) -> None:
    """`95%` typed in LibreOffice is stored as 0.95 in a percentage cell (`office:value-type="percentage"`): it
    was read as 0,95 % (0 points, while the form's own formula showed 1 point), said only by `par check`."""
    path = fill(form(write), AGENCY, {"1.2": ("Có",)}, {})
    book = load_workbook(path)
    book["Tiêu chí"]["E5"] = 0.95  # 1.1.2 takes a percentage: as LibreOffice keeps `95%` typed
    book["Tiêu chí"]["E5"].number_format = "0%"
    book.save(path)
    ods = _libreoffice(path, "ods", "lo")
    shutil.copy("criteria.yaml", "lo/criteria.yaml")
    code, out, err = run_english("explain", str(ods), "-f", "json")
    assert code == 0, err
    lines = {line["code"]: line for line in json.loads(out)["lines"]}
    assert lines["1.1.2"]["input"] == "95 %"
    assert "A023" not in run_english("check", str(ods))[1]


def test_a_figure_par_suspects_is_said_by_every_command_that_scores_it(write: Write) -> None:
    """A023 was said by `par check` only: `par rank`, `par score`… used 0,95 % silently."""
    path = fill(form(write), AGENCY, {"1.1.2": ("0.95",), "1.2": ("Có",)}, {})
    Path("2024").mkdir()
    shutil.copy("criteria.yaml", "2024/criteria.yaml")
    shutil.copy(path, "2024/form.xlsx")
    line = "2024/form.xlsx:Tiêu chí!E5: warning A023: 0.95 is read as 0.95 %: did you mean 95 %?"
    for args in (
        ("rank", "2024"),
        ("rank", "2024", "--jobs", "2"),
        ("score", "2024/form.xlsx"),
        ("explain", "2024/form.xlsx"),
        ("gaps", "2024"),
        ("report", "2024/form.xlsx", "-o", "r.docx"),
    ):
        code, _, err = run_english(*args)
        assert code == 0, (args, err)
        assert [said.split(" (hint")[0] for said in err.splitlines() if "A023" in said] == [line], args
    _, _, err = run("rank", "2024", "--lang", "vi")
    assert "2024/form.xlsx:Tiêu chí!E5: cảnh báo A023: 0,95 được đọc là 0,95 %: có phải ý là 95 %?" in err
    code, out, _ = run_english("check", "2024")  # said once, in its report
    assert out.count("A023") == 1


def test_twelve_blank_forms_and_one_doubt_say_one_line_not_a_flood(in_tmp: Path) -> None:
    agencies = str(ROOT / "examples" / "office-year" / "danh-sach.csv")
    code, _, err = run(
        "template", "mau-so-nganh", "--agencies", agencies, "-f", "xlsx", "-o", "phieu", "--period", "2024"
    )
    assert code == 0, err
    book = load_workbook("phieu/so-noi-vu.xlsx")
    book["Tiêu chí"]["E6"] = 0.95  # 1.1.3: a rate
    book.save("phieu/so-noi-vu.xlsx")
    code, _, err = run_english("rank", "phieu")
    assert code == 0
    assert [line.split(": warning ")[1][:4] for line in err.splitlines()] == ["A023", "R010", "R010"]


def test_a_percentage_typed_as_text_with_a_decimal_comma_is_read_as_the_form_reads_it(write: Write) -> None:
    """A023's hint says `ghi 97,34% để bỏ cảnh báo này`; typed so (text, decimal comma, %), it was refused (A003),
    `95,5%` too, though the form's own formula reads both. `1,250%` stays refused: 1.25 or 1250?"""
    path = fill(form(write), AGENCY, {"1.1.2": ("97,34%",), "1.2": ("Có",), "2.1": ("95,5%",)}, {})
    code, out, err = run_english("explain", str(path), "-f", "json")
    assert code == 0, err
    lines = {line["code"]: line for line in json.loads(out)["lines"]}
    assert (lines["1.1.2"]["input"], lines["2.1"]["input"]) == ("97.34 %", "95.5 %")
    code, out, _ = run_english("check", str(path))
    assert code == 0 and "A023" not in out and "A003" not in out
    book = load_workbook(path)
    book["Tiêu chí"]["E5"] = "1,250%"
    book.save(path)
    code, out, _ = run("check", str(path), "--lang", "vi")
    assert code == 1
    assert [line for line in out.splitlines() if "A003" in line] == [
        "form.xlsx:Tiêu chí!E5: lỗi A003: 1.1.2: cần một tỷ lệ % (0–100) hoặc số đã làm/tổng số (ví dụ 45/50),"
        " nhưng có văn bản '1,250%'"
    ]
    assert "{done" not in run_english("check", str(path))[1]  # YAML's shape is not a cell's


def test_survey_results_found_without_a_criterion_say_so_not_where_to_put_the_file(in_tmp: Path) -> None:
    """With survey.yaml beside the forms, R010 said `đặt tệp đó cạnh các bản tự đánh giá`: the file was there; the
    survey design has no question for 8.3."""
    survey = ROOT / "examples" / "survey-2024"
    agencies = str(ROOT / "examples" / "office-year" / "danh-sach.csv")
    assert (
        run("template", "mau-so-nganh", "--agencies", agencies, "-f", "xlsx", "-o", "phieu", "--period", "2024")[0] == 0
    )
    tally = ("survey", "tally", str(survey / "design.yaml"), str(survey / "responses.csv"), "--agencies", "phieu")
    assert run(*tally, "-o", "phieu/survey.yaml")[0] == 0
    _, _, err = run("rank", "phieu", "--lang", "vi")
    assert [line for line in err.splitlines() if "điều tra" in line] == [
        "phieu: cảnh báo R010: 12 cơ quan chưa có kết quả điều tra XHH cho tiêu chí 8.3 (4 điểm, được tính 0 điểm):"
        " tệp kết quả điều tra phieu/survey.yaml không có số liệu nào (gợi ý: thiết kế điều tra ddxhh-so-nganh-2024"
        " không có câu hỏi nào cho tiêu chí 8.3: thêm câu hỏi (`criterion:` mã tiêu chí) rồi tổng hợp lại, hoặc ghi"
        " kết quả trong bản tự đánh giá)"
    ]
    Path("phieu/survey.yaml").rename("survey.yaml")  # not beside: where to put it, as before
    _, _, err = run_english("rank", "phieu")
    assert "12 agencies have no survey results: their 3 survey criteria (20 points) score 0" in err
    _, _, err = run_english("rank", "phieu", "--survey", "survey.yaml")
    assert "no survey result for 8.3 (4 points, scored 0): the survey results survey.yaml hold none (hint: the" in err


def test_a_forms_problems_are_said_in_the_forms_words_not_yamls(write: Write) -> None:
    """A blank form said `Thông tin!B1: lỗi S001: agency.id: thiếu trường 'id'`; KPS on a criterion that takes none
    was told `allow_na: true`: neither is a word of the form."""
    path = form(write)
    code, out, _ = run("check", str(path), "--lang", "vi")
    assert code == 1
    assert [line for line in out.splitlines() if "S001" in line] == [
        "form.xlsx:Thông tin!B1: lỗi S001: Mã cơ quan còn để trống (gợi ý: điền Mã cơ quan trong trang này)",
        "form.xlsx:Thông tin!B2: lỗi S001: Tên cơ quan còn để trống (gợi ý: điền Tên cơ quan trong trang này)",
    ]
    path = fill(path, AGENCY, {"1.2": ("KPS",)}, {})
    code, out, _ = run("check", str(path), "--lang", "vi")
    assert [line for line in out.splitlines() if "A004" in line] == [
        "form.xlsx:Tiêu chí!E6: lỗi A004: 1.2 không được khai báo là không phát sinh (gợi ý: theo quy định của bộ"
        " chỉ số, tiêu chí này không được ghi KPS (không phát sinh): ghi số liệu của tiêu chí)"
    ]
    assert "allow_na" not in run_english("check", str(path))[1]


def test_survey_tally_writes_its_comments_in_the_runs_language(in_tmp: Path) -> None:
    survey = ROOT / "examples" / "survey-2024"
    tally = ("survey", "tally", str(survey / "design.yaml"), str(survey / "responses.csv"))
    assert run(*tally, "-o", "vi.yaml", "--lang", "vi")[0] == 0
    assert Path("vi.yaml").read_text(encoding="utf-8").splitlines()[:2] == [
        "# Tổng hợp bằng `par survey tally`: số phiếu theo cơ quan, tiêu chí, câu hỏi, nhóm đối tượng và đáp án.",
        "# Tỷ lệ % được làm tròn để đọc; par tính lại chính xác từ số phiếu.",
    ]
    assert run(*tally, "-o", "en.yaml", "--lang", "en")[0] == 0
    assert Path("en.yaml").read_text(encoding="utf-8").startswith("# Tallied by `par survey tally`: counts per")
