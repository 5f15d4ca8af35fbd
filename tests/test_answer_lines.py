"""The answers reader of a ranking's compiled scorer (`yamlengine.answer_lines`) against the fast path and the
located path: what it takes, they read, to the same values (an answer's text field aside: it never scores), the
rest of the file to the same values and places; whatever it takes that they would decline or report, it declines
too (then the whole file is read as before). Then the scores: a folder of generated answers scored by a ranking's
file scorer with the reader and without the compiled path (`PAR_COMPILED=0`), entry for entry."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.make_workload import assessment_text, criteria_text
from par_cli.core.numbers import TextNumber
from par_cli.services import compiled_rank
from par_cli.services.workspace import FileScorer
from par_cli.yamlengine import answer_lines
from par_cli.yamlengine import fast as yaml_fast
from par_cli.yamlengine.flow_json import Declined
from par_cli.yamlengine.source import decode, parse
from tests.test_fast_path import SHIPPED, same

DECLINED = object()


def reader_agrees(raw: bytes) -> bool:
    """Checks the reader on one file's bytes; True when it took the file's answers (False: it declined them)."""
    text, _ = decode(raw, "f.yaml")
    cut = answer_lines.cut(text) if text is not None else None
    if text is None or cut is None:
        return False
    rest, entries = cut
    assert rest.count("\n") == text.count("\n")  # every line kept in its place
    figure = answer_lines.reader(TextNumber)
    values: list[Any] = []
    for entry in entries:
        try:
            values.append(answer_lines.read(entry, figure))
        except Declined:
            values.append(DECLINED)
        ratios = answer_lines.done_totals(entry[1])
        if ratios is not None:  # a ranking scores these without `read`: it must read them, to the same figures
            assert values[-1] is not DECLINED, entry
            own, appraised = values[-1]["self"], values[-1].get("appraised", {})
            assert (own["done"], own["total"], appraised.get("done"), appraised.get("total")) == ratios
    codes = [entry[0] for entry in entries]
    rest_read = yaml_fast.values(rest, TextNumber)
    if rest_read is None or DECLINED in values or len(set(codes)) != len(codes):
        return False  # declined: the whole file is read as before
    whole = yaml_fast.values(text, TextNumber)
    shown = text[:2000]
    assert whole is not None, shown  # what the reader takes, the fast path reads…
    located, problems = parse(raw, "f.yaml")
    assert located is not None and not problems and not located.notes, (shown, problems)  # … and libyaml too
    data, places = whole
    rest_data, rest_places = rest_read
    answers = data.pop("answers")
    assert rest_data.pop("answers") == {}
    same(rest_data, data)
    assert list(answers) == codes
    for (code, _, *tails, _), value in zip(entries, values, strict=True):
        expected = answers[code]
        for tail in filter(None, tails):
            assert isinstance(expected[tail], list | str), (code, expected)
            expected = {**expected, tail: value[tail]}  # any text: it never scores
        same(value, expected, code)
    for path, position in rest_places.values.items():
        if path[:1] != ("answers",):
            assert places.value(path) == position, (shown, path)
    for path, position in rest_places.keys.items():
        assert places.key(path) == position, (shown, path)
    return True


def test_shipped_files_and_the_benchmark_s_are_read_alike() -> None:
    taken = sum(reader_agrees(path.read_bytes()) for path in SHIPPED)
    assert taken >= 20
    communes = [assessment_text(n, random.Random(n)).encode() for n in range(1, 21)]
    assert all(reader_agrees(raw) for raw in communes)


CODES = [f'"{a}.{b}"' for a in range(1, 4) for b in range(1, 6)]
ODD_CODES = ["1.4", "'1.5'", '""', '"<<"', '"a\\"b"', '"1.1"', '"x y"', '"ấp"']
VALUES = ["0", "1", "2", "0.5", "12", "on-time", "late", "true", "false", "na", "{done: 3, total: 4}", "{A: 3, B: 1}"]
ODD_VALUES = [
    *["-1", "01", "00", "-0", "1.50", "1e3", ".5", "1.", "+1", "0x1", "1_0", "12345678901234567", "yes", "no"],
    *["on", "Off", "True", "TRUE", "null", "Null", "~", "y", "n", "nan", "a b", "a:b", "a #b", '"q"', "'q'"],
    *["{done: 03, total: 4}", "{done: 1234567890123456, total: 2}", "{done: 3, total: 0}", "{ done: 3, total: 4}"],
    *["{done: 5, total: 4}", "{done: 3}", "[1]", "{}", "-", "<<", "{done: 3, total: 4, x: 1}", "1,5"],
    *["{A: 1, A: 2}", "{true: 1}", "{yes: 1}", "{null: 1}", "{A: 01}", "{A: x}", "{A: 1,B: 2}", "{A:1}"],
]
TEXTS = st.text(alphabet="ab xãệỳ#:,'[]{}-.1\\\"\t\x85\u2028\ufeff\x7f\u00a0", max_size=6)


@st.composite
def answer_line(draw: st.DrawFn, odd: bool) -> str:
    value = st.sampled_from(VALUES + ODD_VALUES if odd else VALUES)
    indent = draw(st.sampled_from(["  ", "  ", "  ", " ", "   ", "\t"])) if odd else "  "
    code = draw(st.sampled_from(CODES + ODD_CODES if odd else CODES))
    colon = draw(st.sampled_from([": ", ": ", ":  ", " : ", ":"])) if odd else ": "
    if draw(st.integers(0, 5)) == 0:
        return f"{indent}{code}{colon}{draw(value)}"
    names = ["self", "appraised", "first_appraisal", "survey", "na", *(["selff", "self", "done"] if odd else [])]
    chosen = draw(st.lists(st.sampled_from(names), min_size=0 if odd else 1, max_size=3, unique=not odd))
    fields = [f"{name}: {draw(value)}" for name in chosen]
    text = '"' + draw(TEXTS if odd else st.text(alphabet="ab xãệ#:,'[]{}-.1", max_size=6)) + '"'
    tails = {
        "evidence": f"evidence: [{', '.join([text] * draw(st.integers(0, 2)))}]",
        "explanation": f"explanation: {text}",
        "note": f"note: {text}",
        "reason": f"reason: {text}",
    }
    for name in draw(st.lists(st.sampled_from(sorted(tails)), max_size=2 if odd else 1)):
        fields.insert(draw(st.integers(0, len(fields))) if odd else len(fields), tails[name])
    end = draw(st.sampled_from(["", "", "", " ", "  # c", ","])) if odd else ""
    return f"{indent}{code}{colon}{{{', '.join(fields)}}}{end}"


@st.composite
def assessment(draw: st.DrawFn) -> str:
    odd = draw(st.integers(0, 2)) == 0
    lines = ["kind: assessment", "criteria: x", 'agency: {id: a, name: "A"}']
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, 3)), draw(st.sampled_from(["# c", "period: 2024", "note: n"])))
    lines.append(draw(st.sampled_from(["answers:", "answers:", "answers: ", "answers:  # a"])) if odd else "answers:")
    count = draw(st.integers(6, 12) if odd else st.integers(8, 12))
    codes = draw(st.lists(st.sampled_from(CODES), min_size=count, max_size=count, unique=True)) if not odd else []
    for n in range(count):
        line = draw(answer_line(odd))
        if codes:
            line = line.replace(line.split(":")[0].strip(), codes[n], 1)
        lines.append(line)
        if odd and draw(st.integers(0, 9)) == 0:
            lines.append(draw(st.sampled_from(["", "  # c", "# c", "   ", "    more", "- x"])))
    lines += draw(st.sampled_from([[], ["adjustments: {B1: 1}"], ["period: 2024"], ["  x: 1"], ["answers: {}"]]))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n", "\r\n"]) if odd else st.just("\n"))


taken = {"yes": 0, "no": 0}


@settings(max_examples=600, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(assessment())
def test_generated_answers_are_read_alike_or_declined(text: str) -> None:
    taken["yes" if reader_agrees(text.encode()) else "no"] += 1


def test_the_reader_took_many_generated_files_and_declined_many() -> None:
    if not taken["yes"] + taken["no"]:
        pytest.skip("the property test did not run first")
    assert taken["yes"] > 100 and taken["no"] > 100, taken


@pytest.mark.parametrize("memo", [0, 1, None])
def test_a_generated_folder_scores_the_same_with_the_reader_and_without_the_compiled_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memo: int | None
) -> None:
    """The benchmark's communes, some answers rewritten (other forms, figures the rule refuses, unknown codes,
    duplicates): each file's entry (or errors) the same; the answers' memo bounded (`MEMO`) or not."""
    if memo is not None:
        monkeypatch.setattr(compiled_rank, "MEMO", memo)
    compiled_rank._ANSWERS.clear()
    (tmp_path / "criteria.yaml").write_text(criteria_text(), encoding="utf-8")
    rnd = random.Random(31)
    swaps = [
        ("self: 0,", "self: 01,"),
        ("{done: 1", "{done: 01"),
        ("appraised: {done: ", "appraised: {done: 9"),
        ('"1.1.1": {', '"1.1.1": {note: "n", '),
        ('"1.2.1"', '"9.9.9"'),
        ('"2.1.1"', '"1.1.1"'),
        ("self: true,", "self: yes,"),
        ("self: on-time", "self: somehow"),
        ("total: 1", "total: 0"),
        ("evidence: [", "explanation: ["),
        ('  "3.1.1"', '   "3.1.1"'),
    ]
    paths = []
    for n in range(1, 41):
        text = assessment_text(n, rnd)
        for old, new in rnd.sample(swaps, rnd.randint(0, 2)):
            text = text.replace(old, new, rnd.randint(1, 3))
        paths.append(tmp_path / f"xa-{n:05d}.yaml")
        paths[-1].write_text(text, encoding="utf-8")
    entries = {}
    for switch in ("0", "1"):
        monkeypatch.setenv("PAR_COMPILED", switch)
        scorer = FileScorer()
        entries[switch] = [scorer(path) for path in paths]
    assert entries["0"] == entries["1"]
    assert sum(not isinstance(entry, tuple) for entry in entries["1"]) >= 10
