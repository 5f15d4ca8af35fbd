"""A user's try-out of par (issue 25, round three): each finding's regression test, through the commands a user runs.

Each failed before its fix: a criteria set in `criteria/` and one beside the assessments with the same id gave
a figure from one of them without a word; answers not counted were said by `score` only; a survey results file
naming an agency nobody assessed was silent; a JSON file with an emoji escaped as a surrogate pair was refused in
YAML words; a blank form written twice was called "filled in".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, SPEC, Write, run, run_english

EXAMPLE = ROOT / "examples" / "survey-2024"

CRITERIA = (SPEC / "criteria.yaml").read_text(encoding="utf-8")
AGENCY = (SPEC / "so-noi-vu.yaml").read_text(encoding="utf-8")
OTHER = CRITERIA.replace('title: "Bộ chỉ số ví dụ (spec v1)"', 'title: "Một bộ khác"')


# F1: one id, two sets at the level where the lookup stops


@pytest.mark.parametrize("ranked", ["sub", "."])
def test_a_set_in_criteria_and_one_beside_with_the_same_id_are_r002_from_rank_check_and_score(
    write: Write, ranked: str
) -> None:
    write("criteria.yaml", CRITERIA)
    write("criteria/set.yaml", OTHER)
    path = write("sub/so-noi-vu.yaml", AGENCY)
    r002 = (
        "criteria/set.yaml:1:1: error R002: criteria id 'spec-example-2024' is defined twice: "
        "criteria.yaml and criteria/set.yaml\n"
    )
    assert run_english("rank", ranked, "--no-cache") == (1, "", r002)
    assert run_english("rank", ranked) == (1, "", r002)
    assert run_english("score", str(path)) == (1, "", r002)
    code, out, _ = run_english("check", "sub")
    assert (code, out) == (1, r002 + "1 error, 0 warnings, 0 infos in 1 file\n")


def test_a_set_at_a_nearer_level_shadows_a_farther_one(write: Write) -> None:
    write("criteria.yaml", CRITERIA)
    write("sub/criteria/set.yaml", OTHER)  # beside the assessment: found first
    path = write("sub/so-noi-vu.yaml", AGENCY)
    code, out, err = run("score", str(path))
    assert (code, err) == (0, "") and "Một bộ khác" in out
    write("criteria/set.yaml", OTHER)  # the farther level is ambiguous, but the lookup stops before it
    assert run("score", str(path))[0] == 0
    write("sub/other.yaml", CRITERIA)  # now the nearer level is ambiguous
    assert run("score", str(path))[2] == (
        "sub/criteria/set.yaml:1:1: error R002: criteria id 'spec-example-2024' is defined twice: "
        "sub/other.yaml and sub/criteria/set.yaml\n"
    )


# F3: answers mostly not counted, said by check as by score


def test_answers_mostly_not_counted_are_a_v015_warning_in_check_at_the_answer(write: Write) -> None:
    """{A: 10, E: 500} is 100 % of 10 answers: score warns; check says it at the answer (3 E of 15: information
    in score only); rank prints no file's own warnings."""
    text = (EXAMPLE / "so-noi-vu.yaml").read_text(encoding="utf-8")
    write(
        "a.yaml",
        text.replace('  "8.3"', '  "8.1": {survey: {A: 10, E: 500}}\n  "8.2": {survey: {A: 10, B: 2, E: 3}}\n  "8.3"'),
    )
    line = text[: text.index('  "8.3"')].count("\n") + 1
    said = f'a.yaml:{line}:3: warning V015: 8.1: 500 of 510 survey answers not counted (E, "không biết"): the share '
    said += "is of the others\n"
    assert run_english("check", "a.yaml") == (0, said + "0 errors, 1 warning, 0 infos in 1 file\n", "")
    assert run_english("check", "--strict", "a.yaml")[0] == 1
    code, out, err = run_english("rank", "a.yaml")
    assert (code, err) == (0, "") and "V015" not in out and "8.1" not in out


def test_a_results_file_with_answers_mostly_not_counted_is_a_v015_warning_in_check_at_the_file(write: Write) -> None:
    """so-noi-vu 8.1: 200 more E make 205 of 389 answers not counted: check says it where `survey report` does,
    once, not again at the assessment scored from it."""
    shutil.copy(EXAMPLE / "design.yaml", "design.yaml")
    write(
        "r.csv",
        (EXAMPLE / "responses.csv").read_text(encoding="utf-8")
        + "".join(f"e{n},nguoi-dan,so-noi-vu,E,\n" for n in range(200)),
    )
    Path("2024").mkdir()
    assert run_english("survey", "tally", "design.yaml", "r.csv", "-o", "2024/s.yaml")[0] == 0
    for path in EXAMPLE.glob("*.yaml"):
        if path.name not in ("design.yaml", "survey.yaml"):  # the assessments
            shutil.copy(path, "2024")
    code, out, err = run_english("check", "2024")
    said = 'so-noi-vu 8.1: 205 of 389 answers not counted (E, "không biết"): its percentage rests on the others only'
    assert [line for line in out.splitlines() if "V015" in line] == [f"2024/s.yaml:83:9: warning V015: {said}"]
    assert (code, err) == (0, "")


# F11: a survey results file naming an agency no assessment is for


def test_survey_results_for_an_agency_nobody_assessed_are_v016_in_rank_and_check(write: Write) -> None:
    """xa-aa (a typo of xa-a) has 1 form in the results beside the assessment: they would count for no one."""
    shutil.copytree(ROOT / "tests" / "check" / "bad" / "survey-unclaimed", "f")
    v016 = (
        "f/survey.yaml:13:3: error V016: survey results for 'xa-aa' (1 form), but no assessment beside this file is "
        "for that agency: its forms would count for no one (hint: did you mean 'xa-a'?)\n"
    )
    assert run_english("rank", "f", "--no-cache") == (1, "", v016)
    assert run_english("rank", "f") == (1, "", v016)
    code, out, _ = run_english("check", "f")
    assert (code, out.splitlines()[1:]) == (1, [v016.strip(), "1 error, 0 warnings, 1 info in 3 files"])
    vi = run_english("check", "f", "--lang", "vi")[1].splitlines()[1]
    assert vi == (
        "f/survey.yaml:13:3: lỗi V016: có kết quả điều tra cho 'xa-aa' (1 phiếu) nhưng không có tệp tự đánh giá nào "
        "của đơn vị này cùng thư mục: số phiếu này sẽ không được tính cho đơn vị nào (gợi ý: có phải ý bạn là 'xa-a'?)"
    )
    text = Path("f/survey.yaml").read_text(encoding="utf-8")
    Path("f/survey.yaml").write_text(text.replace('"xa-aa"', '"thanh-tra"'), encoding="utf-8")
    assert run_english("rank", "f")[2] == (
        "f/survey.yaml:13:3: error V016: survey results for 'thanh-tra' (1 form), but no assessment beside this file "
        "is for that agency: its forms would count for no one (hint: correct the agency id in the responses and "
        "tally again, or add that agency's assessment)\n"
    )
    Path("f/survey.yaml").write_text(text.split('  "xa-aa"')[0].replace('"xa-a"', '"XA-A"'), encoding="utf-8")
    assert run_english("rank", "f")[0] == 0  # ids are one agency whatever their case


def test_a_results_file_given_with_survey_may_rate_more_agencies_than_are_ranked(write: Write) -> None:
    shutil.copytree(ROOT / "tests" / "check" / "bad" / "survey-unclaimed", "f")
    Path("f/survey.yaml").rename("survey.yaml")
    code, out, err = run("rank", "f", "--survey", "survey.yaml")
    assert (code, err) == (0, "") and "Xã A" in out


# F9: JSON's surrogate pairs


def spec_json(name: str, evidence: str, extra: str = "") -> str:
    """The spec example's Sở Nội vụ as `json.dumps` writes it (one line, non-ASCII escaped)."""
    answers = {
        "1.1.1": {"self": "on-time", "evidence": [evidence]},
        "1.1.2": {"self": 95, "appraised": 90, "evidence": [evidence]},
        "1.2": {"self": True, "evidence": ["Báo cáo quý"]},
        "1.3": {"self": 1, "evidence": ["Kết luận"]},
        "2.1": {"self": {"done": 190, "total": 200}, "evidence": ["Hệ thống"]},
        "2.2": {"self": 2, "explanation": "Đang trình ký"},
        "3": {"survey": {"A": 40, "B": 50, "C": 10, "D": 0, "E": 5}},
    }
    if extra:
        answers[extra] = {"self": 1}
    agency = {"id": "so-noi-vu", "name": name, "group": "so-nganh"}
    return json.dumps({"kind": "assessment", "criteria": "spec-example-2024", "agency": agency, "answers": answers})


def test_a_json_file_with_a_character_beyond_u_ffff_is_read_by_score_check_and_rank(write: Write) -> None:
    """json.dumps writes 😀 as `"\\ud83d\\ude00"` (valid JSON): score refused it in YAML's words (Y001)."""
    write("criteria.yaml", CRITERIA)
    write("a.json", spec_json("Sở 😀 Nội vụ", "Công văn 😀🇻🇳 số 1"))
    assert "\\ud83d\\ude00" in Path("a.json").read_text(encoding="utf-8")
    code, out, err = run_english("score", "a.json", "-f", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["agency"]["name"] == "Sở 😀 Nội vụ"
    assert run_english("check", "a.json") == (0, "0 errors, 0 warnings, 0 infos in 1 file\n", "")
    code, out, err = run_english("rank", "a.json", "-f", "json")
    assert (code, err) == (0, "") and "Sở 😀 Nội vụ" in out


def test_places_after_a_joined_pair_are_the_file_s_and_backslashes_written_stay_text(write: Write) -> None:
    write("criteria.yaml", CRITERIA)
    text = spec_json("Sở 😀 Nội vụ", "😀😀 số 1", extra="9.9")  # three pairs before the unknown code, on line 1
    write("a.json", text)
    col = text.index('"9.9"') + 1
    said = f"a.json:1:{col}: error A001: no criterion '9.9' in spec-example-2024"
    assert run_english("score", "a.json")[2].startswith(said)
    assert run_english("check", "a.json")[1].startswith(said)
    assert run_english("rank", "a.json")[2].startswith(said)
    write("b.json", spec_json("\\ud83d\\ude00", "x"))  # the text \ud83d\ude00: an even run of backslashes
    code, out, err = run_english("score", "b.json", "-f", "json")
    assert (code, err, json.loads(out)["agency"]["name"]) == (0, "", "\\ud83d\\ude00")


def test_a_lone_surrogate_is_refused_where_it_is_and_yaml_files_get_a_hint(write: Write) -> None:
    write("criteria.yaml", CRITERIA)
    text = spec_json("Sở 😀 Nội vụ", "x").replace("qu\\u00fd", "qu\\ud83d")  # after a pair: a lone high surrogate
    write("a.json", text)
    hint = (
        "(hint: a character beyond U+FFFF written as two \\u escapes is JSON's way, not YAML's: write the character "
        "itself, or as \\U0001F600)"
    )
    code, _, err = run("score", "a.json")
    col = text.index("qu\\ud83d") + 5  # its first hex digit
    assert code == 1 and err.startswith(f"a.json:1:{col}: error Y001: YAML syntax: found invalid Unicode character")
    assert err.endswith(hint + "\n")
    write("b.yaml", AGENCY.replace('"Sở Nội vụ"', '"Sở \\ud83d\\ude00"'))
    code, _, err = run("score", "b.yaml")
    assert code == 1 and err.startswith("b.yaml:3:37: error Y001: YAML syntax: found invalid Unicode character")
    assert err.endswith(hint + "\n")


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ('"\\ud83d\\ude00"', '"\\U0001F600"  '),
        ('"\\uD83D\\uDE00", 1', '"\\U0001F600"  , 1'),
        ('"\\\\ud83d\\ude00"', '"\\\\ud83d\\ude00"'),  # an even run: the text \ud83d, then a lone surrogate
        ('"\\\\\\ud83d\\ude00"', '"\\\\\\U0001F600"  '),  # an odd run: a backslash, then the pair
        ('"\\ud83d"', '"\\ud83d"'),  # a lone surrogate: left for YAML to refuse
        ('"\\ude00\\ud83d"', '"\\ude00\\ud83d"'),  # the wrong order: no pair
    ],
)
def test_a_json_text_s_pairs_are_joined_and_nothing_else(written: str, read: str) -> None:
    from par_cli.yamlengine.json_text import join_surrogates

    assert join_surrogates(written) == read and len(read) == len(written)


# F10: a blank form written twice


def test_a_form_written_twice_is_refused_as_an_assessment_form_not_called_filled_in(write: Write) -> None:
    assert run_english("template", "mau-so-nganh", "-f", "xlsx", "-o", "form.xlsx")[0] == 0
    before = Path("form.xlsx").read_bytes()
    hint = "(hint: give --force to replace it)"
    assert run_english("template", "mau-so-nganh", "-f", "xlsx", "-o", "form.xlsx") == (
        2,
        "",
        "form.xlsx: error U003: is already an assessment form (blank or filled in): writing a blank form over it "
        f"would lose what it holds {hint}\n",
    )
    assert run_english("template", "mau-so-nganh", "-f", "xlsx", "-o", "form.xlsx", "--lang", "vi")[2] == (
        "form.xlsx: lỗi U003: đã là một phiếu tự đánh giá (trống hoặc đã điền): ghi phiếu trống đè lên sẽ làm mất "
        "nội dung của phiếu đó (gợi ý: dùng --force để ghi đè)\n"
    )
    assert Path("form.xlsx").read_bytes() == before
    write("criteria.yaml", CRITERIA)
    assert run_english("template", "mau-so-nganh", "-o", "criteria.yaml") == (
        2,
        "",
        f"criteria.yaml: error U003: is a criteria set: writing a blank form over it would lose the set {hint}\n",
    )
