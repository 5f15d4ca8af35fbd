"""The fast path (`io.yaml_fast`) and the located path (libyaml's node tree and its walk) agree: same values, same
types, same written text of every figure, same positions; and where the located path has anything to say (an
error, a warning, a note), the fast path declines, so the file is read, and reported, by the located path."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.make_workload import assessment_text
from par_cli.core.numbers import TextNumber
from par_cli.yamlengine import fast as yaml_fast
from par_cli.yamlengine import flow_json as yaml_json
from par_cli.yamlengine.source import decode, parse
from tests.fuzz.mutants import BYTES, structure, syntax

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted(
    path
    for folder in ("examples", "criteria", "tests")
    for path in (ROOT / folder).rglob("*")
    if path.suffix in (".yaml", ".yml") and path.is_file()
)


MEMO_SIZES = [0, 1, 7, None]  # the memos' bound in the differential tests: none kept, one line, a few, as shipped


@contextmanager
def memo(size: int | None) -> Iterator[None]:
    """The fast path's memos (lines made JSON, figures) bounded at `size` (None: as shipped), empty before and after:
    what a file is read as must not depend on what they hold, nor on when they are emptied."""
    saved = yaml_json.MEMO, yaml_json.FIGURES
    if size is not None:
        yaml_json.MEMO = yaml_json.FIGURES = size
    _empty_memos()
    try:
        yield
    finally:
        yaml_json.MEMO, yaml_json.FIGURES = saved
        _empty_memos()


def _empty_memos() -> None:
    yaml_json._lines.clear()
    yaml_json._entries.clear()
    yaml_json.figures(TextNumber).__self__.clear()  # type: ignore[attr-defined]


def same(a: Any, b: Any, where: str = "") -> None:
    """Equal values of the same types, figures written the same, keys in the same order."""
    assert type(a) is type(b), f"{where}: {a!r} ({type(a).__name__}) vs {b!r} ({type(b).__name__})"
    if isinstance(a, dict):
        assert list(a) == list(b), f"{where}: keys {list(a)} vs {list(b)}"
        for key in a:
            same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{where}: {len(a)} items vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            same(x, y, f"{where}[{i}]")
    elif isinstance(a, TextNumber):
        assert a.source == b.source, f"{where}: {a.source!r} vs {b.source!r}"
    else:
        assert a == b, f"{where}: {a!r} vs {b!r}"


def agree(raw: bytes) -> bool:
    """Checks the two paths on one file's bytes; True when the fast path read it (False: it declined)."""
    text, _ = decode(raw, "f.yaml")
    read = yaml_fast.values(text, TextNumber) if text is not None else None
    located, problems = parse(raw, "f.yaml")
    if read is None:
        return False
    shown = raw.decode("utf-8", "replace")[:2000]
    assert located is not None and not problems and not located.notes, (shown, problems, located)
    data, places = read
    same(data, located.data)
    for path, position in places.everything().values.items():
        assert located.position(path) == position, (shown, path, position, located.position(path))
    for path, position in places.keys.items():
        assert located.position(path, key=True) == position, (shown, path, position)
    fast_doc, fast_problems = parse(raw, "f.yaml", fast=yaml_fast.values)
    assert fast_doc is not None and not fast_problems
    for path in [(), *places.values, ("agency", "predecessors", 0), ("answers", "9.9.9", "self")]:
        assert fast_doc.position(path) == located.position(path), path  # kept, or found in the tree composed late
    return True


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_file_reads_the_same_on_both_paths(path: Path) -> None:
    agree(path.read_bytes())


def test_the_fast_path_reads_the_files_par_writes_and_ships() -> None:
    """Not an empty promise: the assessments, criteria sets and workload files are in the subset."""
    assessments = [p for p in SHIPPED if b"kind: assessment" in p.read_bytes() and "check/bad" not in str(p)]
    read = [p for p in assessments if agree(p.read_bytes())]
    assert len(read) >= 0.9 * len(assessments), sorted(set(assessments) - set(read))
    criteria = [p for p in SHIPPED if p.parent.name == "criteria"]  # read once a run: some use block scalars
    assert sum(agree(p.read_bytes()) for p in criteria) >= len(criteria) / 2
    assert agree((ROOT / "criteria" / "mau-so-nganh.yaml").read_bytes())
    communes = [assessment_text(n, random.Random(n)).encode() for n in range(1, 21)]  # the benchmark's files
    assert all(agree(raw) for raw in communes)


def test_what_the_located_path_has_a_word_about_is_declined() -> None:
    for text in [
        "a: yes\n",  # YAML 1.1 boolean: a note
        "a: 01\n",  # leading zero: a note
        "a: 0,5\n",  # decimal comma: an error
        "a: {self: 0,95}\n",
        "a:\n  b: {self: 0,95, evidence: []}\n",
        "a: 1\na: 2\n",  # duplicate key
        "a:\n  b: {x: 1, x: 2}\n",
        "a: .nan\n",
        "a: 1e999\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "<<: {a: 1}\n",
        "a:\tb\n",
        "a: 'it''s\n",
        'a: "say \\"hi\\""\n',
        "a: |\n  text\n",
        "a: b\n  c\n",  # a scalar going on below
        "a:\n  b: [1,\n    2]\n",  # a flow collection going on below
        "- a\n",  # not a mapping
        "",
        "# only a comment\n",
        "a: 1\r\nb: 2\rc: 3\n",  # CR alone
        "a: b\u2028c\n",
        "a:\n  b: {c: ~}\n",
        "a:\n  b: {c: True}\n",
        "a:\n  b: [1e5]\n",
        "a:\n  b: {'c': 1}\n",
        "a:\n  b: {c: 1}  # a comment after the answer\n",
        "a: {a:{}}\n",  # libyaml: "found unexpected ':'"
        "a: [1, [1, {a: 1,1: ''}]]\n",  # the located path reads a decimal comma `1,1`
        "a:\n  b: [1, {a: 1,1: ''}]\n",
        "a: {a:, b: 1}\n",
        "a:\n  b: {c:[1]}\n",
    ]:
        raw = text.encode()
        assert not agree(raw) or text.endswith("# a comment after the answer\n"), text


def test_unusual_characters_are_declined_anywhere_and_unprintable_usual_ones_read() -> None:
    """The check runs line by line, `isprintable` first: every character libyaml reads otherwise is unprintable,
    but not every unprintable one is unusual (a no-break space, a zero-width space, a soft hyphen)."""
    for text in [
        "a: b\x85c\n",  # NEL
        'a:\n  b: {c: "x\ufeffy"}\n',  # a BOM inside a quoted answer
        "# a comment with a bell \x07\na: 1\n",
        "a: 1\n\x7f\n",
        'a:\n  b: ["\ufffe"]\n',
    ]:
        assert not agree(text.encode()), repr(text)
    usual = 'a: "x\u00a0y\u200bz\u00adw"\nb:\n  c: {d: "\u2060e\u00a0"}\n'
    assert agree(usual.encode())
    document, _ = parse(usual.encode(), "f.yaml", fast=yaml_fast.values)
    assert document is not None and document.data["a"] == "x\u00a0y\u200bz\u00adw"


def test_the_values_of_the_subset() -> None:
    raw = (
        "# comment\nkind: assessment\nagency: {id: x-1, name: \"UBND xã A\", merged: [a, 'b''c']}\nperiod: 2024\n"
        'answers:\n  "1.1": {self: {done: 3, total: 4}, evidence: ["Văn bản: số 1, {x}"], note: on-time}\n'
        "  1.2: {self: 0.20, ok: true, none: null, words: a b  c}\n  '1.3':\n    self: -0.5\n"
        'list:\n- x\n- {k: v}\n- key: 1\n  other: [ ]\nempty:\nlast: ""\r\n'
    ).encode()
    assert agree(raw)
    document, _ = parse(raw, "f.yaml", fast=yaml_fast.values)
    assert document is not None
    data = document.data
    assert data["answers"]["1.1"]["evidence"] == ["Văn bản: số 1, {x}"]
    assert data["answers"]["1.2"]["words"] == "a b  c" and data["answers"]["1.2"]["self"].source == "0.20"
    assert data["agency"]["merged"] == ["a", "b'c"] and data["empty"] is None and data["last"] == ""
    assert data["list"] == ["x", {"k": "v"}, {"key": 1, "other": []}]


# Generated documents: plain YAML shapes; scalars mostly ordinary ones, some of the troublesome ones.
GOOD = st.sampled_from(
    [
        "1",
        "0",
        "-0",
        "0.20",
        "-2.50",
        "12",
        "true",
        "false",
        "null",
        "a",
        "a b",
        "a  b",
        "xã",
        "Văn bản số 1",
        "on-time",
        '"q"',
        '"a: b, c"',
        '""',
        "'s'",
        "'it''s'",
        "''",
        "a#b",
        "-a",
        "NaN",
        "a'b",
        "(a)",
        '"[x] {y} #z"',
        "a.b-c_d/e",
    ]
)
NASTY = st.sampled_from(
    [
        "01",
        "1.",
        ".5",
        "+1",
        "1e3",
        "1E3",
        "1,5",
        "12345678901234567",
        "True",
        "TRUE",
        "Null",
        "~",
        "yes",
        "no",
        "on",
        "off",
        "Off",
        ".nan",
        ".inf",
        "-.inf",
        "-Infinity",
        "<<",
        "a:b",
        "a: b",
        "a #b",
        "-",
        "- a",
        "?a",
        ":a",
        "a,b",
        "[a]",
        "{a}",
        '"a\\"b"',
        "&a",
        "*a",
        "!x",
        "|",
        ">",
        "%",
        "@a",
        "`a",
        'a"b',
        "ａ",
        "a\u00a0b",
        "'a''",
        "1.1.1",
    ]
)
ODD = st.one_of(NASTY, st.text(alphabet="ab1.-:#,'\" {}[]~", min_size=1, max_size=5))
GOOD_KEYS = st.sampled_from(["a", "b", "1.1", '"1.2"', "'x'", "self", "a b", "-k", "true", "~", "xã", "1"])
ANSWER_KEYS = ['"1.1"', '"1.2"', "1.3", '"1.4"', "1.5", '"1.6"', "'1.7'", '"1.8"', "a", "b", '"1.1"', "1.1"]
ODD_KEYS = st.sampled_from(["<<", '"<<"', "? a", "a:b", "[k]", "&k a", "a #k"])


@st.composite
def flow(draw: st.DrawFn, odd: bool, depth: int = 0) -> str:
    """A flow collection or a scalar; `odd`: some of what the located path refuses or has a word about."""
    scalars, keys = (st.one_of(GOOD, GOOD, GOOD, ODD), st.one_of(GOOD_KEYS, ODD_KEYS)) if odd else (GOOD, GOOD_KEYS)
    if depth > 2 or draw(st.integers(0, 2)) == 0:
        return draw(scalars)
    items = draw(st.lists(st.integers(0, 3), max_size=4))
    sep = draw(st.sampled_from([", ", ",", " , "] if odd else [", ", ","]))
    if draw(st.booleans()):
        return "[" + sep.join(draw(flow(odd, depth + 1)) for _ in items) + "]"
    colon = st.sampled_from([": ", ":", " : "] if odd else [": ", " : "])
    keyed = {draw(keys): draw(flow(odd, depth + 1)) for _ in items}  # distinct keys, unless written alike
    return "{" + sep.join(f"{k}{draw(colon)}{v}" for k, v in keyed.items()) + "}"


@st.composite
def document(draw: st.DrawFn) -> str:
    odd = draw(st.integers(0, 3)) == 0
    keys = st.one_of(GOOD_KEYS, ODD_KEYS) if odd else GOOD_KEYS
    lines: list[str] = []
    for key in draw(st.lists(keys, min_size=1, max_size=5, unique=True)):
        shape = draw(st.sampled_from(["scalar", "flow", "block", "answers", "list", "empty"]))
        if shape == "answers":  # long enough to be read at once (`yaml_fast.ENTRIES`); some line of two entries
            lines.append(f"{key}:")
            for inner in draw(st.lists(st.sampled_from(ANSWER_KEYS), min_size=8, max_size=10, unique=True)):
                twice = draw(st.integers(0, 7)) == 0
                more = f", {draw(st.sampled_from(ANSWER_KEYS))}: {draw(flow(False))}" if twice else ""
                lines.append(f"  {inner}: {draw(flow(odd))}{more}")
        elif shape == "scalar":
            lines.append(f"{key}: {draw(flow(odd, 3))}")
        elif shape == "flow":
            lines.append(f"{key}: {draw(flow(odd))}")
        elif shape == "block":
            lines.append(f"{key}:")
            for inner in draw(st.lists(keys, min_size=1, max_size=4, unique=True)):
                comment = draw(st.sampled_from(["", "", "  # c", " #c", "#c"]))
                lines.append(f"  {inner}: {draw(flow(odd))}{comment}")
        elif shape == "list":
            lines.append(f"{key}:")
            indent = draw(st.sampled_from(["", "  "]))
            lines += [f"{indent}- {draw(flow(odd))}" for _ in range(draw(st.integers(1, 3)))]
        else:
            lines.append(f"{key}:")
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(["# note", "", "   ", "  # indented note"])))
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n", "\r\n"]))


@pytest.mark.parametrize("size", MEMO_SIZES)
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(document())
def test_generated_documents_read_the_same_or_are_declined(size: int | None, text: str) -> None:
    with memo(size):
        agree(text.encode())
        agree(text.encode())  # the memos filled by the first read


@pytest.mark.parametrize("size", MEMO_SIZES)
@settings(max_examples=100, deadline=None)
@given(st.integers(0, 2**32), st.sampled_from([*SHIPPED[:40], 1, 2, 3]))
def test_mutants_read_the_same_or_are_declined(size: int | None, seed: int, source: Path | int) -> None:
    rnd = random.Random(seed)
    raw = source.read_bytes() if isinstance(source, Path) else assessment_text(source, random.Random(source)).encode()
    for _ in range(rnd.randint(1, 3)):
        mutate = rnd.choice([*BYTES, structure, syntax, _token])
        raw = mutate(raw, rnd)
    with memo(size):
        agree(raw)


def _token(raw: bytes, rnd: random.Random) -> bytes:
    """A YAML-significant token put where it may change the meaning: inside a flow line, after a key."""
    i = rnd.randrange(len(raw) + 1)
    token = rnd.choice([b'"', b"'", b":", b": ", b"#", b" #", b"-", b"{", b"}", b"[", b"]", b",", b" ", b"\n", b"\n  ",
                        b"~", b"yes", b"01", b"1e5", b"&a ", b"*a", b"!!str ", b"\\", b"<<: ", b"0,5", b"\xc2\xa0"])  # fmt: skip
    return raw[:i] + token + raw[i:]


def test_commands_read_every_file_the_fast_way_one_file_alone_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path compiles its patterns once (~1 ms): less than libyaml's import and node tree, even for one
    file at start-up (`par score FILE` then imports no libyaml: tests/test_startup.py)."""
    from tests.conftest import run

    calls: list[int] = []
    real = yaml_fast.values

    def counted(text: str, number: Any) -> Any:
        calls.append(1)
        return real(text, number)

    monkeypatch.setattr(yaml_fast, "values", counted)
    folder = ROOT / "examples" / "2024"
    files = sorted(p for p in folder.glob("*.yaml") if b"kind: assessment" in p.read_bytes())
    code, out, err = run("rank", str(folder), "--no-cache", "--jobs", "1")
    assert code == 0 and len(calls) >= len(files), (len(calls), out + err)
    for command in ("check", "score"):
        calls.clear()
        code, out, err = run(command, str(files[0]))
        assert code == 0 and len(calls) >= 2, out + err  # the assessment and its criteria set at least


def test_reading_the_fast_way_leaves_nothing_for_the_cyclic_collector() -> None:
    """Rank's workers run with the collector off between chunks: a file read must not leave reference cycles
    (nested functions referring to each other kept each file's reader alive: +9 MB a worker, 34,000 files)."""
    import gc

    raw = assessment_text(1, random.Random(1)).encode()  # a top-level flow (`agency: {…}`) and answers
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            document, problems = parse(raw, "f.yaml", fast=yaml_fast.values)
            assert document is not None and not problems and document.position(("agency", "id")) == (3, 14)
        del document
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_the_fast_path_takes_only_figures_the_located_path_would_not_range_check() -> None:
    from par_cli.yamlengine import scalars as yaml_scalars

    assert yaml_json.SHORT_FIGURE <= yaml_scalars.MAX_EXPONENT  # `in_range`'s short cut: no check, no word
    assert not agree(b"a: 1234567890123456\n") and agree(b"a: 123456789012345\n")
    assert not agree(b"a:\n  b: [1234567890123456]\n") and agree(b"a:\n  b: [123456789012345]\n")


def test_flow_lines_are_quoted_once_and_shared_whatever_their_strings_and_figures() -> None:
    """A folder's files repeat their answer lines but for strings and figures: the next file's lines are looked up,
    not quoted again, and still read as the located path reads them (strings are cut out of a line, and its digits
    made JSON as 0s, which quotes the same places: a figure stays a figure, `x1` a text)."""
    answers = b'  "1.1": {self: 2, evidence: ["A", x1]}\n  "1.2": {self: {done: 17, total: 29}, note: "n"}\n'
    first = b"kind: assessment\nanswers:\n" + answers
    second = first.replace(b'"A"', b'"B: {y}, [z] 0"').replace(b'"n"', b'"m # not a comment"')
    second = second.replace(b"self: 2", b"self: 7").replace(b"x1", b"x9").replace(b"17, total: 29", b"45, total: 98")
    yaml_json._lines.clear()
    assert agree(first)
    quoted = dict(yaml_json._lines)
    expected = ['{"self": 0, "evidence": [\x00, "x0"]}', '{"self": {"done": 00, "total": 00}, "note": \x00}']
    assert list(quoted.values()) == expected
    assert agree(second)
    assert yaml_json._lines == quoted  # looked up, not made again
    odd = first.replace(b"x1]", b"'x1']")  # a single-quoted string: the located path reads the file, every time
    assert not agree(odd) and not agree(odd)
    for number in range(6_000):  # a national folder: the memo stays small
        assert yaml_json._lines[f"{{k{number}: v}}"] == f'{{"k{number}": "v"}}'
    assert len(yaml_json._lines) <= 5_000


def test_long_mappings_of_one_line_entries_are_read_at_once_and_placed_when_asked() -> None:
    """`answers`, a code and its answer a line each, is read as one JSON mapping; where each entry is written is
    found only when a message asks (a ranking asks for none). A line that is not one whole entry sends the block
    back to the line-by-line reader, or the file to the located path, never to a different value."""
    entries = "".join(f'  "1.{i}": {{self: {i}, evidence: ["Báo cáo {i}: [x], {{y}}"]}}\n' for i in range(1, 10))
    base = "kind: assessment\nanswers:\n" + entries + "period: 2024\n"
    third, fourth = (
        '"1.3": {self: 3, evidence: ["Báo cáo 3: [x], {y}"]}',
        '"1.4": {self: 4, evidence: ["Báo cáo 4: [x], {y}"]}',
    )
    read = yaml_fast.values(base, TextNumber)
    assert read is not None and list(read[1].pending) == ["answers"] and agree(base.encode())
    document, _ = parse(base.encode(), "f.yaml", fast=yaml_fast.values)
    assert document is not None and document.position(("answers", "1.3")) == (5, 10)
    assert document.position(("answers", "1.3"), key=True) == (5, 3) and document._root is None  # no tree composed
    cases = {  # the block read at once (True), line by line (False), or the file by the located path (None)
        "plain keys and scalars": (base.replace(third, "1.3: on-time").replace(fourth, "1.4: 0.50"), True),
        "a comment": (base.replace(third, '"1.3": {self: 3} # c'), False),
        "a word JSON has not": (base.replace(third, '"1.3": True'), False),
        "a text with a comma": (base.replace(third, '"1.3": a, b'), False),
        "a value below": (base.replace(third, '"1.3":\n    self: 3'), False),
        "two entries on a line": (base.replace(third, '"1.3": 3, "1.30": 3'), None),
        "an entry over two lines": (base.replace(third, '"1.3": [1').replace(fourth, '2], "1.4": 4'), None),
        "a key twice": (base.replace('"1.4"', '"1.3"'), None),
        "yes": (base.replace(third, '"1.3": yes'), None),
    }
    for name, (text, at_once) in cases.items():
        read = yaml_fast.values(text, TextNumber)
        assert (None if read is None else bool(read[1].pending)) == at_once, name
        assert agree(text.encode()) == (at_once is not None), name


def test_figures_made_json_as_zeros_come_back_as_written() -> None:
    """Lines are made JSON with their digits as 0s: a figure JSON or the located path reads otherwise than the line
    already made for its shape (`{self: 10}`) must still be declined, a text or a key with digits read as written."""
    base = "kind: assessment\nanswers:\n" + "".join(f'  "1.{i}": {{self: 10, note: "x"}}\n' for i in range(1, 10))
    read = {"x9", "-0", "99", "9.5"}
    for written in ["02", "00", "٣", "２", "1.2.3", "10e1", "1_0", "0x10", "1.", ".5", "+1", "1,5", *read]:
        text = base.replace('"1.5": {self: 10', f'"1.5": {{self: {written}')
        assert agree(text.encode()) == (written in read), written


def test_a_key_written_twice_is_declined_whether_or_not_the_line_is_read_key_by_key() -> None:
    """Lines are decoded without looking at each mapping's keys when the line shows none can repeat (its keys are
    plain, distinct and not `<<`); a quoted key, cut out of the line, makes it read key by key."""
    base = "kind: assessment\nanswers:\n" + "".join(f'  "1.{i}": {{self: 10, note: "x"}}\n' for i in range(1, 10))
    cases = {
        "{self: 10, self: 10}": False,
        '{"self": 10, "self": 11}': False,
        '{"self": 10, self: 11}': False,
        '{"a": {"b": 1, "b": 2}}': False,
        "{<<: {a: 1}}": False,
        '{"<<": 1}': False,
        "{a1: 1, a2: 2}": True,  # one line once its digits are 0s: still two keys
        '[{"b": 1}, {"b": 2}]': True,
    }
    for written, read in cases.items():
        assert agree(base.replace('"1.5": {self: 10, note: "x"}', f'"1.5": {written}').encode()) == read, written
    entries, keyed = yaml_json._entries, yaml_json.KEYED
    assert str(entries["\x00: {self: 00, self: 00}"]).startswith(keyed)
    assert str(entries["\x00: {\x00: 00}"]).startswith(keyed)
    assert not str(entries["\x00: {self: 00, note: \x00}"]).startswith(keyed)


def _word(n: int) -> str:
    """A word of letters only for each number: lines that stay apart once their digits are made 0s."""
    letters = ""
    while True:
        n, rest = divmod(n, 26)
        letters += string.ascii_lowercase[rest]
        if not n:
            return letters


def _self_twice(count: int, answers: int = 21) -> list[str]:
    """Assessments whose first answer writes `self:` twice, then answers whose lines no other file has (each file
    fills the memo of lines with `answers` new ones)."""
    texts = []
    for n in range(count):
        lines = [f'  "1.1": {{self: 1, self: 0.5, note: {_word(n)}}}']
        lines += [f'  "1.{i}": {{self: 1, note: {_word(n * answers + i)}}}' for i in range(2, answers + 1)]
        head = f"kind: assessment\ncriteria: twice\nagency: {{id: a{_word(n)}, name: A}}\nperiod: 2024\nanswers:\n"
        texts.append(head + "\n".join(lines) + "\n")
    return texts


@pytest.mark.parametrize("size", MEMO_SIZES)
def test_a_key_written_twice_is_reported_in_every_file_whenever_the_memo_is_emptied(size: int | None) -> None:
    """The record of a line's repeated keys was kept beside the memo of lines and emptied with it, at whatever line
    a file was at: the files read after that line took the last `self` (4 files of 260 that each write it twice,
    as shipped). 260 files of 21 new lines each empty the memo as shipped (5,000 lines) inside a file."""
    with memo(size):
        for n, text in enumerate(_self_twice(260 if size is None else 12)):
            assert yaml_fast.values(text, TextNumber) is None, n
            _, problems = parse(text.encode(), "f.yaml", fast=yaml_fast.values)
            assert [(d.code, d.where.line, d.where.col) for d in problems] == [("Y002", 6, 20)], n


def test_rank_and_check_report_a_key_written_twice_in_every_file_of_a_large_folder(tmp_path: Path) -> None:
    """The user's view of the same: `par rank` and `par check` of a folder of 260 such files, one process."""

    from tests.conftest import run_english

    leaves = "\n".join(f'      - {{code: "1.{i}", title: L, max: 1, rule: {{kind: points}}}}' for i in range(1, 22))
    criteria = f"kind: criteria\nid: twice\ntitle: T\nareas:\n  - code: '1'\n    title: A\n    max: 21\n    children:\n{leaves}\n"
    (tmp_path / "criteria.yaml").write_text(criteria, encoding="utf-8")
    texts = _self_twice(260)
    for n, text in enumerate(texts):
        (tmp_path / f"f{n:03d}.yaml").write_text(text, encoding="utf-8")
    expected = [f"{tmp_path / f'f{n:03d}.yaml'}:6:20: error Y002" for n in range(260)]
    with memo(None):
        code, out, err = run_english("rank", str(tmp_path), "--jobs", "1", "--no-cache")
        assert code == 1 and [line[: len(expected[0])] for line in err.splitlines() if "Y002" in line] == expected
        assert all("Y002" in line for line in err.splitlines() if line.startswith(str(tmp_path)))
        code, out, err = run_english("check", str(tmp_path), "--jobs", "1")
        assert code == 1 and [line[: len(expected[0])] for line in out.splitlines() if "Y002" in line] == expected


def test_what_libyaml_refuses_is_declined_in_answers_read_at_once_and_in_flows_read_later() -> None:
    """JSON reads `"\\ud83d\\ude00"` (a surrogate pair) where libyaml refuses the escape; `"1.3": 3, "1.3": 4` made
    one key of two entries on a line, whose count then matched the lines'; `--- key:` and `... key:` were keys.
    Each is declined, so the located path reads the file and says what it says (the same code, the same place)."""
    entries = "".join(f'  "1.{i}": {{self: {i}, evidence: ["Báo cáo {i}"]}}\n' for i in range(1, 10))
    base = "kind: assessment\nagency: {id: a, name: A}\nanswers:\n" + entries + "period: 2024\n"
    third = '"1.3": {self: 3, evidence: ["Báo cáo 3"]}'
    cases = {
        "a surrogate pair": base.replace('["Báo cáo 3"]', '["\\ud83d\\ude00"]'),
        "a lone surrogate": base.replace('["Báo cáo 3"]', '["\\ud83d"]'),
        "a surrogate pair in a flow read later": 'a:\n  b: {c: ["\\ud83d\\ude00"]}\n',
        "an escape libyaml reads too": base.replace('["Báo cáo 3"]', '["\\u00e9 \\/ \\t"]'),
        "two entries, one key": base.replace(third, '"1.3": 3, "1.3": 4'),
        "two entries, the next line's key": base.replace(third, '"1.3": 3, "1.4": 3'),
        "two entries in a flow, one key": base.replace(third, '"1.3": {self: 3}, "1.3": {self: 4}'),
        "a document's start before a key": base.replace("period: 2024", "--- period: 2024"),
        "a document's end before a key": base.replace("period: 2024", "... period: 2024"),
        "a document's start before the first key": "--- " + base,
        "a document's start alone": base.replace("period: 2024", "---\nperiod: 2024"),
    }
    for name, text in cases.items():
        assert yaml_fast.values(text, TextNumber) is None, name
        fast = parse(text.encode(), "f.yaml", fast=yaml_fast.values)
        located = parse(text.encode(), "f.yaml")
        assert [d.code for d in fast[1]] == [d.code for d in located[1]], name
        assert [d.where for d in fast[1]] == [d.where for d in located[1]], name
        if name != "an escape libyaml reads too":
            assert [d.code for d in located[1]] in (["Y001"], ["Y002"]), (name, located[1])
    for written in ["---key: 1", "...key: 1", "a: --- b", "a: ... b"]:  # no marker: plain text, read as written
        assert agree(f"{written}\nz: 1\n".encode()), written


def test_a_position_looked_up_in_a_file_libyaml_refuses_is_a_located_y001_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the fast path ever read a file libyaml refuses, the tree composed for a later position (of `done`, of a
    predecessor: below the top two levels) is refused: `rank` and `check` say Y001 where `score` does, and go on."""
    from benchmarks.make_workload import criteria_text
    from tests.conftest import run_english

    real = yaml_fast.values
    monkeypatch.setattr(yaml_fast, "values", lambda text, number: real(text.replace("\\ud83d\\ude00", "x"), number))
    (tmp_path / "criteria.yaml").write_text(criteria_text(), encoding="utf-8")
    for n in (1, 2, 3):
        (tmp_path / f"xa-{n}.yaml").write_text(assessment_text(n, random.Random(n)), encoding="utf-8")
    merged = tmp_path / "xa-3.yaml"  # no error: its predecessor's place is looked up as it is ranked
    agency = 'agency:\n  id: xa-3\n  name: "X \\ud83d\\ude00"\n  group: huyen-03\n  predecessors:\n    - xa-9'
    merged.write_text(re.sub("agency: .*", lambda _: agency, merged.read_text(encoding="utf-8")), encoding="utf-8")
    target = tmp_path / "xa-1.yaml"
    lines = target.read_text(encoding="utf-8").split("\n")
    lines[5] = '  "1.1.1": {self: {done: 90, total: 52}, evidence: ["\\ud83d\\ude00"]}'  # done > total: A003
    target.write_text("\n".join(lines), encoding="utf-8")
    expected = f"{target}:6:56: error Y001: YAML syntax: found invalid Unicode character escape code"
    code, out, err = run_english("score", str(target))
    assert code == 1 and err.startswith(expected)
    code, out, err = run_english("rank", str(tmp_path), "--jobs", "1", "--no-cache")
    assert code == 1 and err.startswith(expected) and len(err.splitlines()) == 2, err
    assert err.splitlines()[1].startswith(f"{merged}:5:14: error Y001: YAML syntax: found invalid Unicode"), err
    code, out, err = run_english("check", str(tmp_path), "--jobs", "1")
    shown = [line for line in out.splitlines() if line.startswith(str(target))]
    assert code == 1 and len(shown) == 1 and shown[0].startswith(expected)
