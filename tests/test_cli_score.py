"""`par score` as a user runs it: exact output, exit codes, one located line per problem."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import SPEC, Write, run, run_english

EXPECTED_TABLE = """\
Sở Nội vụ
Bộ chỉ số ví dụ (spec v1) · year 2024

Code  Title                                              Max   Self  Final      Δ  Index %
────────────────────────────────────────────────────────────────────────────────────────────────────
1     Công tác chỉ đạo, điều hành cải cách hành chính   6.00   5.50   4.50  −1.00    75.00  ██████··
2     Cải cách thủ tục hành chính                       4.00   3.38   3.25  −0.13    81.25  ██████▌·
3     Mức độ hài lòng (điều tra xã hội học)             5.00   3.60   3.60           72.00  █████▊··
T     Điểm thưởng                                              0.00  +0.50  +0.50
────────────────────────────────────────────────────────────────────────────────────────────────────
      Total                                            15.00  12.48  11.85  −0.63    79.00  ██████▎·

Index 79.00 %  (11.85 / 15.00 points)  grade Khá
Self-assessed 83.17 %  (12.48 points)  grade Tốt

Findings
  info 1.1.2 Mức độ thực hiện kế hoạch CCHC: appraisal cut 2.00 → 1.00 (−1.00)
  info 2.1 Tỷ lệ hồ sơ giải quyết đúng hạn: appraisal cut 2.38 → 2.25 (−0.13)
  info 3 Mức độ hài lòng (điều tra xã hội học): 5 of 105 survey answers not counted (E, "không
       biết"): the share is of the others
"""

EXPECTED_TABLE_VI = """\
Sở Nội vụ
Bộ chỉ số ví dụ (spec v1) · năm 2024

Mã  Nội dung                                       Tối đa  Tự chấm    Đạt  Chênh  Chỉ số %
────────────────────────────────────────────────────────────────────────────────────────────────────
1   Công tác chỉ đạo, điều hành cải cách hành        6,00     5,50   4,50  −1,00     75,00  ██████··
    chính
2   Cải cách thủ tục hành chính                      4,00     3,38   3,25  −0,13     81,25  ██████▌·
3   Mức độ hài lòng (điều tra xã hội học)            5,00     3,60   3,60            72,00  █████▊··
T   Điểm thưởng                                               0,00  +0,50  +0,50
────────────────────────────────────────────────────────────────────────────────────────────────────
    Tổng                                            15,00    12,48  11,85  −0,63     79,00  ██████▎·

Chỉ số 79,00 %  (11,85 / 15,00 điểm)  xếp loại Khá
Tự đánh giá 83,17 %  (12,48 điểm)  xếp loại Tốt

Lưu ý
  thông tin 1.1.2 Mức độ thực hiện kế hoạch CCHC: thẩm định giảm 2,00 → 1,00 (−1,00)
  thông tin 2.1 Tỷ lệ hồ sơ giải quyết đúng hạn: thẩm định giảm 2,38 → 2,25 (−0,13)
  thông tin 3 Mức độ hài lòng (điều tra xã hội học): 5/105 phiếu không được tính (E, "không biết"):
            tỷ lệ tính trên số phiếu còn lại
"""


def test_score_table(in_tmp: Path) -> None:
    for name in ("criteria.yaml", "so-noi-vu.yaml"):
        shutil.copy(SPEC / name, in_tmp / name)
    code, out, err = run("score", "so-noi-vu.yaml", "--lang", "en")
    assert code == 0, err
    assert [line.rstrip() for line in out.splitlines()] == EXPECTED_TABLE.splitlines()
    assert err == ""


def test_score_table_defaults_to_the_sets_language(in_tmp: Path) -> None:
    for name in ("criteria.yaml", "so-noi-vu.yaml"):
        shutil.copy(SPEC / name, in_tmp / name)
    code, out, _ = run("score", "so-noi-vu.yaml")
    assert code == 0
    assert [line.rstrip() for line in out.splitlines()] == EXPECTED_TABLE_VI.splitlines()


def test_score_depth_shows_sub_criteria() -> None:
    code, out, _ = run("score", str(SPEC / "so-y-te.yaml"), "--depth", "3", "--lang", "en")
    assert code == 0
    lines = [line.rstrip() for line in out.splitlines()]
    assert (
        "    1.1.2  Mức độ thực hiện kế hoạch CCHC                    2.00  1.00   1.00       50.00  ████····" in lines
    )
    assert "  1.3      Kiểm tra công tác CCHC                             N/A     —      —           —" in lines


def test_score_json() -> None:
    code, out, _ = run("score", str(SPEC / "so-y-te.yaml"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["points"], data["max"], data["index"], data["grade"]) == (3.3, 13, 25.38, "Trung bình")
    assert [f["code"] for f in data["findings"]] == ["missing-evidence", "missing-evidence", "unanswered"]
    assert data["findings"][2]["line"] == 5  # the `answers:` line: 2.2 has no answer of its own


def test_score_json_depth_nests_children() -> None:
    code, out, _ = run("score", str(SPEC / "so-noi-vu.yaml"), "-f", "json", "--depth", "2")
    assert code == 0
    area = json.loads(out)["areas"][0]
    assert [child["code"] for child in area["children"]] == ["1.1", "1.2", "1.3"]


def test_criteria_override(write: Write) -> None:
    shutil.copy(SPEC / "criteria.yaml", Path("other.yaml"))
    write("a.yaml", "kind: assessment\ncriteria: not-here\nagency: {id: a, name: A}\nanswers: {'1.2': true}\n")
    code, out, _ = run("score", "a.yaml", "--criteria", "other.yaml", "-f", "json")
    assert code == 0
    assert json.loads(out)["points"] == 1


def test_problems_go_to_stderr_with_exit_code_1(write: Write) -> None:
    shutil.copy(SPEC / "criteria.yaml", Path("criteria.yaml"))
    write(
        "a.yaml",
        "kind: assessment\ncriteria: spec-example-2024\nagency: {id: a, name: A}\nanswers:\n  '9.9': 1\n  '1.2': 2\n",
    )
    code, out, err = run_english("score", "a.yaml")
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "a.yaml:5:3: error A001: no criterion '9.9' in spec-example-2024 (hint: see `par criteria show`)",
        "a.yaml:6:10: error A003: 1.2: expected true or false, got the number 2",
    ]
    write("b.yaml", "kind: assessment\ncriteria: spec-example-2024\nagency: {id: a, name: A}\nanswers:\n  '1.2': 1\n")
    assert run_english("score", "b.yaml")[2].splitlines() == [
        "b.yaml:5:10: error A003: 1.2: expected true or false, got the number 1 (hint: write true)",
    ]


def test_broken_yaml_is_one_line_not_a_traceback(write: Write) -> None:
    write("a.yaml", "kind: assessment\nanswers: {1.1: [\n")
    code, _, err = run("score", "a.yaml")
    assert code == 1
    assert len(err.splitlines()) == 1
    assert err.startswith("a.yaml:3:1: error Y001: YAML syntax: ")


def test_usage_errors_exit_2() -> None:
    assert run("score")[0] == 2
    assert run("score", "x.yaml", "--depth", "0")[0] == 2
    assert run("score", "x.yaml", "--format", "pdf")[0] == 2
    assert run("frobnicate")[0] == 2


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("par ")
    code, out, _ = run("score", "--help")
    assert code == 0 and "--depth" in out
