"""The sociological survey: raw responses tallied into survey points, checked, reported, and used in scoring."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from par_cli.core.survey import Question, criterion_percent
from tests.conftest import ROOT, Write, run, run_english

EXAMPLE = ROOT / "examples" / "survey-2024"
DEFAULT = {"A": Decimal(100), "B": Decimal(60), "C": Decimal(20), "D": Decimal(0)}


AGENCIES = (  # what a tally always says: the agencies the responses name, with their forms
    "12 agencies in the responses, with their forms: ban-dan-toc 322, so-cong-thuong 231, so-giao-duc-dao-tao 289, "
    "so-khoa-hoc-cong-nghe 220, so-noi-vu 238, so-nong-nghiep-moi-truong 465, so-tai-chinh 433, so-tu-phap 291, "
    "so-van-hoa-the-thao-du-lich 279, so-xay-dung 239, so-y-te 331, thanh-tra-tinh 405"
)


def counts(**letters: int) -> dict[str, Decimal]:
    return {letter: Decimal(n) for letter, n in letters.items()}


def test_how_answers_combine_by_hand() -> None:
    """q1: g1 A 1, D 1 (50 %); g2 A 3 (100 %). q2: g1 B 2 (60 %). Weights g1 1, g2 3."""
    q1, q2 = Question("q1", "8.1", DEFAULT, ("E",)), Question("q2", "8.1", DEFAULT, ("E",))
    one = [(q1, {"g1": counts(A=1, D=1, E=4), "g2": counts(A=3)})]
    both = [*one, (q2, {"g1": counts(B=2)})]
    weights = {"g1": Decimal(1), "g2": Decimal(3)}
    assert criterion_percent(one, "pooled", "pooled", weights) == 80  # (100 + 0 + 300) / 5; E not counted
    assert criterion_percent(one, "pooled", "weighted", weights) == Fraction(175, 2)  # (50 × 1 + 100 × 3) / 4
    assert criterion_percent(both, "pooled", "pooled", weights) == Fraction(520, 7)  # (400 + 120) / 7
    assert criterion_percent(both, "mean", "pooled", weights) == 70  # mean of 80 and 60
    assert criterion_percent(both, "mean", "weighted", weights) == Fraction(295, 4)  # mean of 87.5 and 60
    assert criterion_percent([(q1, {"g1": counts(E=3)})], "pooled", "pooled", weights) is None


def test_the_example_tally_is_the_committed_file_with_hand_computed_figures(in_tmp: Path) -> None:
    code, _, err = run_english(
        "survey", "tally", str(EXAMPLE / "design.yaml"), str(EXAMPLE / "responses.csv"), "-o", "s.yaml"
    )
    assert (code, err) == (0, f"{EXAMPLE / 'responses.csv'}: info V014: {AGENCIES}\n")
    written = Path("s.yaml").read_text(encoding="utf-8")
    assert written == (EXAMPLE / "survey.yaml").read_text(encoding="utf-8")
    # Sở Nội vụ, 8.1: A 168, B 12, C 3, D 1 (and 5 E): 17580 / 184 = 95.5435 %; 8.2: 4500 / 49 = 91.8367 %
    block = written[written.index('"so-noi-vu":') :]
    assert 'forms: {"nguoi-dan": 189, "dai-bieu": 49}' in block
    assert "percent: 95.5435" in block and "percent: 91.8367" in block
    assert 'counts: {"nguoi-dan": {"A": 168, "B": 12, "C": 3, "D": 1, "E": 5}}' in block


def test_ranks_from_the_tally_are_those_of_the_answers_written_today() -> None:
    _, tallied, _ = run("rank", str(EXAMPLE), "-f", "json")
    _, written, _ = run("rank", str(ROOT / "examples" / "2024"), "-f", "json")

    def rows(text: str) -> list[tuple[int, str, float, float]]:
        return [
            (r["rank"], r["agency"]["id"], r["index"], r["points"])
            for g in json.loads(text)["groups"]
            for r in g["rows"]
        ]

    assert rows(tallied) == rows(written)
    _, out, _ = run("explain", str(EXAMPLE / "so-noi-vu.yaml"), "8.1", "-f", "json")
    line = json.loads(out)["lines"][0]
    assert (line["points"], line["input"]) == (9.55, "95.54 % (189 answers)")  # 10 × 17580 / 184 / 100; 5 E


def bad_responses(write: Write, rows: str, *more: str) -> tuple[int, str, str]:
    shutil.copy(EXAMPLE / "design.yaml", "design.yaml")
    write("r.csv", "Mã phiếu,Nhóm,Mã cơ quan,Câu 1,Câu 2\n" + rows)
    shutil.copytree(ROOT / "examples" / "2024", "2024", dirs_exist_ok=True)
    return run_english("survey", "tally", "design.yaml", "r.csv", "-o", "s.yaml", "--agencies", "2024", *more)


def test_every_bad_row_and_cell_is_located_before_anything_is_written(write: Write) -> None:
    code, out, err = bad_responses(
        write,
        "p1,nguoi-dan,so-noi-vu,A,\n"
        "p1,nguoi-dan,so-noi-vu,B,\n"
        "p2,khach,so-noi-vu,A,\n"
        "p3,nguoi-dan,so-khong-co,A,\n"
        "p4,nguoi-dan,so-noi-vu,a,\n"
        "p5,dai-bieu,so-noi-vu,,F\n",
    )
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "r.csv:3:Mã phiếu: error V005: form 'p1' is given twice for this agency (first at r.csv:2:Mã phiếu)",
        "r.csv:4:Nhóm: error V002: unknown respondent group 'khach' (the design has: nguoi-dan, dai-bieu)",
        "r.csv:5:Mã cơ quan: error V001: unknown agency 'so-khong-co'",
        "r.csv:6:Câu 1: error V003: answer 'a' is not one of the question's answers (A, B, C, D, E) (hint: write 'A')",
        "r.csv:7:Câu 2: error V003: answer 'F' is not one of the question's answers (A, B, C, D, E)",
    ]
    assert not Path("s.yaml").exists()
    _, _, vietnamese = bad_responses(write, "p2,khach,so-noi-vu,A,\n", "--lang", "vi")
    assert (
        vietnamese == "r.csv:2:Nhóm: lỗi V002: nhóm đối tượng 'khach' không có trong thiết kế (nguoi-dan, dai-bieu)\n"
    )


def test_a_blank_required_answer_a_missing_column_and_small_samples(write: Write) -> None:
    shutil.copy(EXAMPLE / "design.yaml", "design.yaml")
    Path("design.yaml").write_text(
        Path("design.yaml")
        .read_text(encoding="utf-8")
        .replace("required: false     # asked of citizens only", "required: true"),
        encoding="utf-8",
    )
    write("r.csv", "Nhóm,Mã cơ quan,Câu 1,Câu 2\nnguoi-dan,so-noi-vu,,A\n")
    code, _, err = run_english("survey", "tally", "design.yaml", "r.csv", "-o", "s.yaml")
    assert code == 1 and err == "r.csv:2:Câu 1: error V004: question q1 is left blank\n"
    write("r.csv", "Nhóm,Câu 1\nnguoi-dan,A\n")
    code, _, err = run_english("survey", "tally", "design.yaml", "r.csv", "-o", "s.yaml")
    assert (code, err) == (
        1,
        "r.csv:1:1: error V011: no column 'Câu 2' in the responses\n"
        "r.csv:1:1: error V011: no column 'Mã cơ quan' in the responses\n",
    )
    write("r.csv", "Nhóm,Mã cơ quan,Câu 1,Câu 2\nnguoi-dan,so-noi-vu,A,B\n")
    code, _, err = run_english("survey", "tally", "design.yaml", "r.csv", "-o", "s.yaml")
    assert (
        code == 0
        and "r.csv:2:Mã cơ quan: warning V006: so-noi-vu: 1 form from group nguoi-dan, fewer than the 30 the design"
        " asks for\n"
        in err  # at the agency's first form, where the office can look
    )


def test_survey_results_and_written_answers_for_one_leaf_are_an_error(write: Write) -> None:
    shutil.copytree(EXAMPLE, "s")
    both = Path("s/so-noi-vu.yaml")
    both.write_text(
        both.read_text(encoding="utf-8").replace('  "8.3"', '  "8.1": {survey: {A: 1}}\n  "8.3"'), encoding="utf-8"
    )
    code, _, err = run_english("score", "s/so-noi-vu.yaml")
    assert code == 1
    assert "s/so-noi-vu.yaml:49:3: error V007: 8.1 is given here and by the survey results s/survey.yaml" in err


def test_an_agency_without_forms_is_warned_and_scores_no_survey_points(write: Write) -> None:
    shutil.copytree(EXAMPLE, "s")
    text = Path("s/so-noi-vu.yaml").read_text(encoding="utf-8").replace("id: so-noi-vu", "id: so-moi")
    write("s/so-moi.yaml", text)
    code, out, _ = run_english("check", "s/so-moi.yaml")
    assert "s/so-moi.yaml:5:14: warning V008: so-moi: no survey forms (s/survey.yaml)" in out
    assert "s/so-moi.yaml:7:1: warning A006: 8.1: no survey result; it scores 0 of 10" in out
    assert code == 0


def test_a_hand_edited_results_file_is_refused(write: Write) -> None:
    shutil.copytree(EXAMPLE, "s")
    results = Path("s/survey.yaml")
    results.write_text(results.read_text(encoding="utf-8").replace("percent: 95.5435", "percent: 99"), encoding="utf-8")
    code, _, err = run_english("score", "s/so-noi-vu.yaml")
    assert code == 1
    assert "error V010: percent 99 does not match its counts (95.5435): the file was edited by hand" in err


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown", "html"])
def test_the_report_in_every_format(fmt: str) -> None:
    code, out, err = run("survey", "report", str(EXAMPLE / "survey.yaml"), "-f", fmt, "--lang", "en")
    assert code == 0, err
    if fmt in ("json", "csv"):  # for programs: ids
        assert "so-noi-vu" in out
    else:  # for people: names, from the design and assessments beside the results
        assert "Sở Nội vụ" in out and "Điều tra xã hội học về chỉ số CCHC các sở, ban, ngành năm 2024" in out
        assert "tổ chức" in out and "Câu 1" in out and "Ông/bà hài lòng" in out
        for slug in ("so-noi-vu", "nguoi-dan", "dai-bieu", "q1", "ddxhh", "mau-so-nganh"):
            assert slug not in out
    if fmt == "json":
        row = next(r for r in json.loads(out)["rows"] if r["agency"] == "so-noi-vu" and r["criterion"] == "8.1")
        assert row == {
            "agency": "so-noi-vu",
            "criterion": "8.1",
            "forms": {"nguoi-dan": 189, "dai-bieu": 49},
            "questions": {"q1": 95.54},
            "percent": 95.54,
            "not_counted_percent": 2.65,  # 5 E of 189 answers
            "few_forms": [],
        }
    if fmt == "csv":
        assert "so-noi-vu,8.1,189,49,95.54,,95.54,2.65," in out


def test_schemas_and_check_know_the_survey_files() -> None:
    for kind in ("survey-design", "survey"):
        code, out, _ = run("schema", kind)
        assert code == 0 and json.loads(out)["properties"]["kind"]["const"] == kind
    code, out, _ = run("check", str(EXAMPLE / "design.yaml"), str(EXAMPLE / "survey.yaml"))
    assert code == 0 and out.endswith("0 errors, 0 warnings, 0 infos in 2 files\n")


def test_survey_results_of_another_period_are_not_used(write: Write) -> None:
    shutil.copytree(EXAMPLE, "s")
    code, _, err = run_english("score", "s/so-noi-vu.yaml", "--survey", "s/survey.yaml")
    assert code == 0, err
    other = Path("s/so-noi-vu.yaml")
    other.write_text(other.read_text(encoding="utf-8").replace("period: 2024", "period: 2025"), encoding="utf-8")
    code, out, _ = run_english("check", "s/so-noi-vu.yaml")  # beside it, but for 2024: not this assessment's results
    assert code == 0 and "warning A006: 8.1: no survey result" in out
    code, _, err = run_english("score", "s/so-noi-vu.yaml", "--survey", "s/survey.yaml")
    assert code == 1 and "error V010: the survey results s/survey.yaml are for period 2024" in err


# Issue 25: a response never creates an agency unsaid; blank forms and answers not counted are said


def test_with_agencies_a_mistyped_id_is_an_error_at_its_row_with_a_did_you_mean(write: Write) -> None:
    code, out, err = bad_responses(write, "p1,nguoi-dan,so-noi-vu,A,\np2,nguoi-dan,so-noi-vuu,A,\n")
    assert (code, out, err) == (
        1,
        "",
        "r.csv:3:Mã cơ quan: error V001: unknown agency 'so-noi-vuu' (hint: did you mean 'so-noi-vu'?)\n",
    )
    assert not Path("s.yaml").exists()


def example_with(write: Write, rows: str) -> tuple[int, str, str]:
    """The example's 3,743 forms and a few more, tallied without --agencies."""
    shutil.copy(EXAMPLE / "design.yaml", "design.yaml")
    write("r.csv", (EXAMPLE / "responses.csv").read_text(encoding="utf-8") + rows)
    return run("survey", "tally", "design.yaml", "r.csv", "-o", "s.yaml", "--lang", "en")


def test_without_agencies_an_id_like_another_or_with_few_forms_is_warned_at_its_first_form(write: Write) -> None:
    """so-tu-phapp (a letter more) and Sở-Tư-Pháp (diacritics and case) look like so-tu-phap (291 forms); x has 1
    form against a median of 279; SO-NOI-VU is so-noi-vu (ids are one agency whatever their case)."""
    code, _, err = example_with(
        write,
        "z1,nguoi-dan,so-tu-phapp,A,\nz2,nguoi-dan,Sở-Tư-Pháp,B,\nz3,nguoi-dan,SO-NOI-VU,B,\nz4,nguoi-dan,x,A,\n",
    )
    assert code == 0, err
    hint = "(hint: give --agencies FOLDER (the assessments) to check every agency id of the responses)"
    lines = [line for line in err.splitlines() if "V006" not in line]  # and small samples, as before
    assert lines == [
        "r.csv: info V014: 15 agencies in the responses, with their forms: Sở-Tư-Pháp 1, ban-dan-toc 322, "
        "so-cong-thuong 231, so-giao-duc-dao-tao 289, so-khoa-hoc-cong-nghe 220, so-noi-vu 239, "
        "so-nong-nghiep-moi-truong 465, so-tai-chinh 433, so-tu-phap 291, so-tu-phapp 1, "
        "so-van-hoa-the-thao-du-lich 279, so-xay-dung 239, so-y-te 331, thanh-tra-tinh 405, x 1",
        "r.csv:3745:Mã cơ quan: warning V013: responses for agency 'so-tu-phapp' (1 form), an id like 'so-tu-phap' "
        f"(291 forms): a mistyped id becomes an agency of its own {hint}",
        "r.csv:3746:Mã cơ quan: warning V013: responses for agency 'Sở-Tư-Pháp' (1 form), an id like 'so-tu-phap' "
        f"(291 forms): a mistyped id becomes an agency of its own {hint}",
        "r.csv:3748:Mã cơ quan: warning V013: responses for agency 'x': 1 form, against a median of 279 per agency: "
        f"is its id mistyped? {hint}",
    ], err
    written = Path("s.yaml").read_text(encoding="utf-8")
    assert 'forms: {"nguoi-dan": 190, "dai-bieu": 49}' in written  # so-noi-vu: 189 + SO-NOI-VU
    assert '"SO-NOI-VU"' not in written


def test_forms_with_every_answer_blank_are_left_out_and_said(write: Write) -> None:
    code, _, err = example_with(write, "z1,nguoi-dan,so-noi-vu,,\nz2,dai-bieu,so-noi-vu,,\n")
    assert code == 0, err
    assert "r.csv:3745: warning V012: 2 forms with every answer blank left out: not counted as forms\n" in err
    assert 'forms: {"nguoi-dan": 189, "dai-bieu": 49}' in Path("s.yaml").read_text(encoding="utf-8")


def test_answers_not_counted_are_said_and_a_majority_warned(write: Write) -> None:
    """so-noi-vu 8.1: A 168, B 12, C 3, D 1 and 5 E; 200 more E make 205 of 389 answers not counted."""
    code, _, err = example_with(write, "".join(f"e{n},nguoi-dan,so-noi-vu,E,\n" for n in range(200)))
    assert code == 0, err
    said = 'so-noi-vu 8.1: 205 of 389 answers not counted (E, "không biết"): its percentage rests on the others only'
    assert f"r.csv: warning V015: {said}\n" in err
    code, _, err = run("survey", "report", "s.yaml", "--lang", "en", "-f", "csv")
    assert (code, err) == (0, f"s.yaml:83:9: warning V015: {said}\n")
    code, _, err = run("survey", "report", str(EXAMPLE / "survey.yaml"))
    assert (code, err) == (0, "")  # 5 of 189: a minority, in the report's column only


def test_a_score_says_how_many_answers_were_not_counted(write: Write) -> None:
    """{A: 10, E: 500} is 100 % of 10 answers: the findings say the 500, as a warning (a majority); 3 E of 15 are
    said as information."""
    shutil.copy(EXAMPLE / "so-noi-vu.yaml", "a.yaml")
    text = Path("a.yaml").read_text(encoding="utf-8")
    write(
        "a.yaml",
        text.replace('  "8.3"', '  "8.1": {survey: {A: 10, E: 500}}\n  "8.2": {survey: {A: 10, B: 2, E: 3}}\n  "8.3"'),
    )
    code, out, err = run("score", "a.yaml", "--lang", "en", "-f", "json")
    assert code == 0, err
    found = [(f["level"], f["message"]) for f in json.loads(out)["findings"] if f["criterion"] in ("8.1", "8.2")]
    assert found == [
        ("warning", '8.1: 500 of 510 survey answers not counted (E, "không biết"): the share is of the others'),
        ("info", '8.2: 3 of 15 survey answers not counted (E, "không biết"): the share is of the others'),
    ]


def test_agencies_given_as_workbooks_beside_yaml_files_are_known(write: Write) -> None:
    """A folder of YAML assessments and one filled-in workbook: before, the tally read only the YAML files and
    refused the workbook's agency as unknown (V001); every command finds assessments the same way now."""
    from openpyxl import load_workbook

    shutil.copytree(ROOT / "examples" / "2024", "2024", dirs_exist_ok=True)
    code, _, err = run("template", "mau-so-nganh", "-f", "xlsx", "-o", "2024/so-moi.xlsx", "--period", "2024")
    assert code == 0, err
    book = load_workbook("2024/so-moi.xlsx")
    book.worksheets[0].cell(1, 2).value = "so-moi"
    book.worksheets[0].cell(2, 2).value = "Sở Mới"
    book.save("2024/so-moi.xlsx")
    code, _, err = bad_responses(write, "p1,nguoi-dan,so-noi-vu,A,\np2,nguoi-dan,so-moi,A,\n")
    assert code == 0, err
    assert "unknown agency" not in err
    assert "so-moi" in Path("s.yaml").read_text(encoding="utf-8")


def test_a_form_given_twice_across_files_names_the_first_file_and_row(write: Write) -> None:
    """The forms seen are kept compactly (a row and a file in one int): the first place is said as before."""
    write(
        "a.csv", "STT,Mã phiếu,Nhóm,Mã cơ quan,Câu 1,Câu 2\n1,p1,nguoi-dan,so-noi-vu,A,\n2,p2,nguoi-dan,so-noi-vu,A,\n"
    )
    code, _, err = bad_responses(write, "p9,nguoi-dan,so-noi-vu,A,\np2,nguoi-dan,SO-NOI-VU,B,\n", "a.csv")
    assert code == 1
    assert err.splitlines() == [
        "a.csv:3:Mã phiếu: error V005: form 'p2' is given twice for this agency (first at r.csv:3:Mã phiếu)",
    ]
