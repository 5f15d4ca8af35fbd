"""Broken criteria and assessment files: every problem reported, located, one line each."""

from __future__ import annotations

import textwrap
from fractions import Fraction
from pathlib import Path

from par_cli.core.diagnostics import ParError
from tests.conftest import SPEC, Write, problems_of, run_english, score_file

GOOD_ASSESSMENT = "kind: assessment\ncriteria: c.yaml\nagency: {id: a, name: A}\n"


def criteria_problems(write: Write, text: str) -> list[str]:
    write("c.yaml", text)
    return problems_of(write("a.yaml", GOOD_ASSESSMENT))


def test_schema_errors_are_located_with_field_and_hint(write: Write) -> None:
    assert criteria_problems(
        write,
        """
        kind: criteria
        id: Bad
        title: t
        precision: 1.5
        areas:
          - code: 1
            title: a
            max: 10
            maxx: 3
            children:
              - {code: 1.1, title: b, max: "3", rule: {kind: foo}}
              - {code: 1.2, title: c, max: 7, source: others}
              - {code: 1.3, max: 0}
        """,
    ) == [
        "c.yaml:2:5: error: id: 'Bad' is not a valid identifier (hint: use lower-case letters, digits, '.', '_' and '-')",
        "c.yaml:4:12: error: precision: expected a whole number, got '1.5'",
        "c.yaml:9:5: error: areas[0].maxx: unknown field 'maxx' (hint: did you mean 'max'?)",
        "c.yaml:11:36: error: areas[0].children[0].max: expected a number, got text '3' (hint: remove the quotes)",
        "c.yaml:11:47: error: areas[0].children[0].rule: unknown rule kind 'foo'; expected one of 'points', "
        "'check', 'levels', 'tiers', 'linear', 'between', 'deduction', 'count', 'likert', 'relative'",
        "c.yaml:12:47: error: areas[0].children[1].source: 'others' is not allowed: expected 'self' or 'survey'",
        "c.yaml:13:9: error: areas[0].children[2].title: missing field 'title'",
        "c.yaml:13:26: error: areas[0].children[2].max: Input should be greater than 0",
    ]


def test_semantic_errors_of_a_criteria_set(write: Write) -> None:
    assert criteria_problems(
        write,
        """
        kind: criteria
        id: bad
        title: t
        grades: [{min: 80, label: B}, {min: 90, label: A}]
        areas:
          - code: "1"
            title: a
            max: 10
            children:
              - {code: "1.1", title: b, max: 4, rule: {kind: tiers, tiers: [{min: 70, points: 1}, {above: 90, points: 5}]}}
              - {code: "1.1", title: c, max: 3, rule: {kind: levels, levels: [{key: x, points: 1}, {key: x, points: 4}]}}
              - code: "1.3"
                title: d
                max: 2.5
                rule: {kind: check}
                children: [{code: "1.3.1", title: e, max: 2}]
        adjustments:
          - {code: "1", title: T, kind: bonus, max: 1}
        """,
    ) == [
        "c.yaml:4:37: error: grade 'A' (min 90) is not below 'B' (min 80) (hint: list grades from the highest band down)",
        "c.yaml:8:10: error: 1: max 10 is not the sum of its children's max 9.5 (difference +0.5) "
        "(hint: set max to 9.5 or correct a child's max)",
        "c.yaml:10:99: error: 1.1: tier 2 (above 90) can never apply: tier 1 (min 70) catches every such input first "
        "(hint: tiers are tried in order: list the highest bound first)",
        "c.yaml:10:111: error: 1.1: tier 2 gives 5 points, above the max 4",
        "c.yaml:11:16: error: duplicate code '1.1' (first at line 10)",
        "c.yaml:11:98: error: 1.1: level key 'x' is listed twice",
        "c.yaml:11:109: error: 1.1: level 'x' gives 4 points, above the max 3",
        "c.yaml:14:14: error: 1.3: max 2.5 is not the sum of its children's max 2 (difference +0.5) "
        "(hint: set max to 2 or correct a child's max)",
        "c.yaml:15:15: error: 1.3 has both children and a rule "
        "(hint: an inner node's points are the sum of its children; move the rule to a leaf)",
        "c.yaml:18:12: error: duplicate code '1' in adjustments",
    ]


def spec_assessment(write: Write, body: str) -> Path:
    """An assessment of the spec's example set; `body` starts at `answers:`, indented as the lines here."""
    write("c.yaml", (SPEC / "criteria.yaml").read_text(encoding="utf-8"))
    header = 'kind: assessment\ncriteria: spec-example-2024\nagency: {id: x, name: "X"}\n'
    return write("a.yaml", header + textwrap.dedent(body).lstrip("\n"))


def test_assessment_errors_are_all_collected(write: Write) -> None:
    path = spec_assessment(
        write,
        """
        answers:
          "1.1.1": maybe
          "1.1.2": 105
          "1.10": 3
          "1.2": yes
          "1.3": {self: -1}
          "2.1": {done: 5, total: 4}
          "2.2": 0,5
          "3": 4
          "1.1": 2
          "1": na
          "2": {self: 1, evidance: ["x"]}
        adjustments:
          T: 5
          X: 1
        """,
    )
    assert problems_of(path) == [
        "a.yaml:5:12: error: 1.1.1: unknown level 'maybe'; expected one of: on-time, late, none",
        "a.yaml:6:12: error: 1.1.2: percentage 105 is outside 0–100",
        "a.yaml:7:3: error: no criterion '1.10' in spec-example-2024 (hint: did you mean '1.1'?)",
        "a.yaml:8:10: error: 1.2: expected true or false, got 'yes' (hint: write true or false)",
        "a.yaml:9:17: error: 1.3: a count of violations cannot be negative, got −1",
        "a.yaml:10:10: error: 2.1: done (5) is greater than total (4)",
        "a.yaml:11:10: error: '0,5' has a decimal comma (hint: use a dot as decimal separator: 0.5)",
        "a.yaml:12:8: error: 3 is scored by the survey: it takes no 'self' value (hint: write {survey: …})",
        "a.yaml:13:10: error: 1.1 is not a leaf: its points are the sum of its sub-criteria "
        "(hint: answer its sub-criteria, or declare it na if allowed)",
        "a.yaml:14:8: error: 1 cannot be declared not applicable (hint: only criteria with allow_na: true may be N/A)",
        "a.yaml:15:18: error: unknown answer field 'evidance' (hint: did you mean 'evidence'?)",
        "a.yaml:17:6: error: adjustment T: 5 is not a number of points in 0–1",
        "a.yaml:18:3: error: no adjustment 'X' in spec-example-2024 (hint: this set's adjustments: T)",
    ]


def test_na_rules(write: Write) -> None:
    path = spec_assessment(
        write,
        """
        answers:
          "1.3": {na: true, self: 1}
          "2.1": {done: 0, total: 0}
          "3": {survey: {E: 4}}
        """,
    )
    assert problems_of(path) == [
        "a.yaml:5:27: error: 1.3 is declared N/A and also gives 'self'",
        "a.yaml:6:10: error: 2.1: this input makes the criterion not applicable, but it does not allow N/A "
        "(hint: give a non-zero total, or set allow_na: true in the criteria set)",
        "a.yaml:7:17: error: 3: this input makes the criterion not applicable, but it does not allow N/A "
        "(hint: give a non-zero total, or set allow_na: true in the criteria set)",
    ]


def test_answer_inside_a_not_applicable_branch(write: Write) -> None:
    write(
        "c.yaml",
        """
        kind: criteria
        id: c
        title: t
        areas:
          - {code: "1", title: a, max: 2, allow_na: true, children: [{code: "1.1", title: b, max: 2}]}
          - {code: "2", title: a, max: 2}
        """,
    )
    path = write("a.yaml", GOOD_ASSESSMENT + "answers:\n  '1': na\n  '1.1': 2\n")
    assert problems_of(path) == [
        "a.yaml:6:3: error: 1.1 is answered, but 1 above it is declared not applicable "
        "(hint: remove the answer, or the na on 1)"
    ]
    everything_na = write("b.yaml", GOOD_ASSESSMENT + "answers:\n  '1': na\n")
    write("c.yaml", Path("c.yaml").read_text(encoding="utf-8").replace("max: 2}\n", "max: 2, allow_na: true}\n"))
    path2 = write("b.yaml", GOOD_ASSESSMENT + "answers:\n  '1': na\n  '2': na\n")
    assert everything_na == path2
    assert problems_of(path2) == [
        "b.yaml:4:1: error: every criterion is declared not applicable: no index can be computed"
    ]


def test_wrong_kind_and_missing_criteria(write: Write) -> None:
    path = write("a.yaml", "kind: criteria\nid: x\n")
    assert problems_of(path) == [
        "a.yaml:1:7: error: kind is 'criteria', expected 'assessment' (hint: an assessment file starts with "
        "'kind: assessment')"
    ]
    path = write("b.yaml", "criteria: nowhere\nagency: {id: a, name: A}\n")
    assert problems_of(path) == [
        "b.yaml:1:1: error: missing field 'kind' (hint: an assessment file starts with 'kind: assessment')"
    ]
    path = write("c.yaml", "kind: assessment\ncriteria: nowhere-to-be-found\nagency: {id: a, name: A}\n")
    [message] = problems_of(path)
    assert message.startswith("c.yaml:2:11: error: criteria set 'nowhere-to-be-found' not found (hint: give a relative")


def test_duplicate_criteria_ids_in_one_folder(write: Write) -> None:
    text = "kind: criteria\nid: twin\ntitle: t\nareas: [{code: '1', title: a, max: 1}]\n"
    write("one.yaml", text)
    write("two.yaml", text.replace("max: 1", "max: 2"))
    path = write("a.yaml", "kind: assessment\ncriteria: twin\nagency: {id: a, name: A}\n")
    assert problems_of(path) == ["two.yaml:1:1: error: criteria id 'twin' is defined twice: one.yaml and two.yaml"]
    write("two.yaml", text)  # byte-identical copies are one set, not a conflict
    assert score_file(path).max == 1


def test_unreadable_paths(write: Write) -> None:
    assert problems_of(Path("missing.yaml")) == ["missing.yaml: error: no such file"]
    Path("folder").mkdir()
    assert problems_of(Path("folder")) == ["folder: error: is a folder, not a file"]


def test_near_numbers_get_a_hint(write: Write) -> None:
    path = spec_assessment(
        write,
        """
        answers:
          "1.1.2": 95%
          "2.2": "0,5"
          "1.3": "1"
          "2.1": abc
        """,
    )
    assert problems_of(path) == [
        "a.yaml:5:12: error: 1.1.2: expected a percentage (0–100) or {done: n, total: m}, got text '95%' "
        "(hint: write the number without %: 95)",
        "a.yaml:6:10: error: 2.2: expected a count, got text '0,5' (hint: use a dot as decimal separator: 0.5)",
        "a.yaml:7:10: error: 1.3: expected a count of violations, got text '1' (hint: remove the quotes)",
        "a.yaml:8:10: error: 2.1: expected a percentage (0–100) or {done: n, total: m}, got text 'abc'",
    ]


def test_empty_sections_mean_nothing_yet(write: Write) -> None:
    write("c.yaml", "kind: criteria\nid: c\ntitle: t\ngrades:\nadjustments:\nareas: [{code: '1', title: a, max: 2}]\n")
    path = write("a.yaml", GOOD_ASSESSMENT + "answers:\nadjustments:\n")
    result = score_file(path)
    assert (result.points, result.max) == (Fraction(0), Fraction(2))
    assert [f.code for f in result.findings] == ["unanswered"]


def test_schema_is_strict_no_silent_coercion(write: Write) -> None:
    assert criteria_problems(
        write,
        """
        kind: criteria
        id: strict
        title: t
        precision: "2"
        areas:
          - {code: "1", title: a, max: true, allow_na: "true"}
          - {code: "2", title: b, max: 1, rule: {kind: count, per: "0.5"}}
        """,
    ) == [
        "c.yaml:4:12: error: precision: expected a whole number, got '2'",
        "c.yaml:6:32: error: areas[0].max: expected a number, got true",
        "c.yaml:6:48: error: areas[0].allow_na: expected true or false, got 'true'",
        "c.yaml:7:60: error: areas[1].rule.per: expected a number, got text '0.5' (hint: remove the quotes)",
    ]


def test_a_long_comment_header_does_not_hide_kind_and_id(write: Write) -> None:
    header = "".join(f"# Ghi chú dòng {n}: căn cứ pháp lý, lịch sử sửa đổi của bộ chỉ số.\n" for n in range(120))
    criteria = write(
        "set.yaml", header + "kind: criteria\nid: long-header\ntitle: t\nareas: [{code: '1', title: a, max: 2}]\n"
    )
    path = write("a.yaml", "kind: assessment\ncriteria: long-header\nagency: {id: a, name: A}\nanswers: {'1': 1.5}\n")
    assert len(header.encode()) > 4096
    from par_cli.readers import files

    assert files._head(criteria) == criteria.read_bytes() and files._head(criteria.parent / "none.yaml") == b""
    assert score_file(path).points == Fraction("1.5")
    from tests.conftest import run

    code, out, _ = run("rank", ".", "-f", "json")
    assert code == 0 and '"id": "a"' in out


def test_evidence_is_a_list_of_texts_and_blank_ones_are_none(write: Write) -> None:
    path = spec_assessment(
        write,
        """
        answers:
          "1.1.1": {self: on-time, evidence: ["Báo cáo", 5]}
          "1.1.2": {self: 80, evidence: "Báo cáo số 1"}
          "1.2": {self: true, evidence: [["Báo cáo"]]}
        """,
    )
    hint = '(hint: write evidence: ["Báo cáo số …"])'
    assert problems_of(path) == [
        f"a.yaml:5:38: error: evidence must be a list of texts {hint}",
        f"a.yaml:6:33: error: evidence must be a list of texts {hint}",
        f"a.yaml:7:33: error: evidence must be a list of texts {hint}",
    ]
    blank = spec_assessment(write, 'answers:\n  "1.1.1": {self: on-time, evidence: ["  ", "", "Báo cáo"]}\n')
    blanks = write("b.yaml", blank.read_text(encoding="utf-8").replace('"Báo cáo"', '"\\t"'))
    kept = [(f.code, f.criterion) for f in score_file(blank).findings if f.code == "missing-evidence"]
    dropped = [(f.code, f.criterion) for f in score_file(blanks).findings if f.code == "missing-evidence"]
    assert (kept, dropped) == ([], [("missing-evidence", "1.1.1")])  # blank texts are no evidence


def test_inputs_read_once_for_a_set_are_each_files_own(write: Write) -> None:
    """A ranking remembers what a set's rules read from each input as written, for the next files: a figure by its
    text (`3.0` and `3` read the same, but a count is handed on as written), a level or a truth value by type
    (`1` is no `true`), and a wrong input is reported in every file that has it."""
    from par_cli.services.workspace import Workspace

    write("c.yaml", (SPEC / "criteria.yaml").read_text(encoding="utf-8"))
    header = 'kind: assessment\ncriteria: spec-example-2024\nagency: {id: x, name: "X"}\nanswers:\n'
    answers = ["3, true", "3.0, true", "3, 1", "3, 1"]
    workspace = Workspace()
    found = []
    for n, given in enumerate(answers):
        count, check = given.split(", ")
        path = write(f"a{n}.yaml", f'{header}  "1.3": {count}\n  "1.2": {check}\n')
        bound, problems = workspace.inspect_assessment(path)
        written = bound.answers["1.3"].self_value.source if bound is not None else None
        found.append((written, [(d.code, d.where.line) for d in problems]))
    assert found == [("3", []), ("3.0", []), (None, [("A003", 6)]), (None, [("A003", 6)])]
    loaded = next(iter(workspace._criteria.values()))
    assert not isinstance(loaded, ParError)
    reads = loaded.reads
    assert reads[("1.3", "3")] == reads[("1.3", "3.0")] == 3 and ("1.2", bool, True) in reads


def test_a_path_typed_wrong_says_the_name_beside_it(write: Write) -> None:
    """An office types `.yml` for `.yaml`, `2O24` for `2024`, another case than the file's (Windows habits)."""
    write("2024/so-noi-vu.yaml", "kind: assessment\n")
    assert run_english("score", "2024/so-noi-vu.yml")[2] == (
        "2024/so-noi-vu.yml: error F001: no such file (hint: did you mean '2024/so-noi-vu.yaml'?)\n"
    )
    assert run_english("rank", "2O24")[2] == "2O24: error F001: no such file or folder (hint: did you mean '2024'?)\n"
    assert run_english("score", "2024/SO-NOI-VU.yaml")[2].endswith("(hint: did you mean '2024/so-noi-vu.yaml'?)\n")
    assert run_english("score", "2024/ke-hoach.yaml")[2] == "2024/ke-hoach.yaml: error F001: no such file\n"
