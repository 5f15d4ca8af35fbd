"""Mutants of real files at three levels — bytes, YAML structure, meaning — and a runner that feeds them to
`par check`, `par score` and `par rank` in-process and sorts each run into: exit 0, exit 1 with located
one-line errors, or anything else (a traceback, another exit code, an unlocated or multi-line error).

Used by tests/fuzz/test_fuzz.py (a bounded run in the suite) and benchmarks/fuzz.py (thousands of runs).
"""

from __future__ import annotations

import random
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from par_cli.__main__ import app

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = sorted(
    [
        *(ROOT / "examples").rglob("*.yaml"),
        *(ROOT / "criteria").glob("*.yaml"),
        *(ROOT / "tests" / "spec_examples").glob("*.yaml"),
    ]
)
# `where: level CODE: message` — one line, located, coded.
LOCATED = re.compile(r"^[^\n]+: (error|warning|info) [A-Z]\d{3}: [^\n]+$")
SUMMARY = re.compile(r"^\d+ errors?, \d+ warnings?, \d+ infos? in \d+ files?$")


# Bytes
def flip(data: bytes, rnd: random.Random) -> bytes:
    if not data:
        return data
    i = rnd.randrange(len(data))
    return data[:i] + bytes([data[i] ^ (1 << rnd.randrange(8))]) + data[i + 1 :]


def truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[: rnd.randrange(len(data) + 1)]


def insert(data: bytes, rnd: random.Random) -> bytes:
    i = rnd.randrange(len(data) + 1)
    return (
        data[:i]
        + rnd.choice([b"\x00", b"\xff\xfe", b"\xc3", b"\t", b"\x1b[31m", b"\r", b": ", b"{", b"'", b"&a *a"])
        + data[i:]
    )


def line_ends(data: bytes, rnd: random.Random) -> bytes:
    return rnd.choice([data.replace(b"\n", b"\r\n"), data.replace(b"\n", b"\r"), b"\xef\xbb\xbf" + data])


def drop_line(data: bytes, rnd: random.Random) -> bytes:
    lines = data.split(b"\n")
    if len(lines) > 1:
        del lines[rnd.randrange(len(lines))]
    return b"\n".join(lines)


def repeat_line(data: bytes, rnd: random.Random) -> bytes:
    lines = data.split(b"\n")
    i = rnd.randrange(len(lines))
    return b"\n".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])


BYTES: tuple[Callable[[bytes, random.Random], bytes], ...] = (flip, truncate, insert, line_ends, drop_line, repeat_line)

# Structure (on the parsed document, written back as YAML)
EXTREMES: tuple[Any, ...] = (
    None,
    True,
    "",
    "x" * 5000,
    -1,
    0,
    10**20,
    1e308,
    -0.0,
    "1e999",
    [],
    {},
    [[[[1]]]],
    "na",
    "0,5",
    "95%",
    "٢",
    "２０",
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths(item, (*prefix, i))


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        doc = doc[part]
    return doc


def structure(data: bytes, rnd: random.Random) -> bytes:
    try:
        doc = yaml.safe_load(data.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return flip(data, rnd)
    if not isinstance(doc, dict):
        return data
    path = rnd.choice([p for p in paths(doc) if p])
    parent, key = _parent(doc, path), path[-1]
    action = rnd.choice(["delete", "retype", "extreme", "extreme", "duplicate"])
    if action == "delete":
        del parent[key]
    elif action == "retype":
        value = parent[key]
        parent[key] = [value] if not isinstance(value, list) else {"x": value}
    elif action == "extreme":
        parent[key] = rnd.choice(EXTREMES)
    elif isinstance(parent, dict):
        parent[f"{key}_copy"] = parent[key]
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


def meaning(data: bytes, rnd: random.Random) -> bytes:
    """Sums that do not add up, inputs above the maximum, N/A where it is not allowed, a duplicated code."""
    try:
        doc = yaml.safe_load(data.decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return data
    if not isinstance(doc, dict):
        return data
    if doc.get("kind") == "criteria":
        nodes = [p for p in paths(doc) if p and p[-1] == "max"]
        if nodes:
            path = rnd.choice(nodes)
            parent = _parent(doc, path)
            parent["max"] = rnd.choice([parent["max"] + 1, parent["max"] * 10, 0.001, 3])
        if rnd.random() < 0.3 and doc.get("areas"):
            doc["areas"].append(dict(doc["areas"][0]))
    elif isinstance(doc.get("answers"), dict) and doc["answers"]:
        code = rnd.choice(list(doc["answers"]))
        answer = doc["answers"][code]
        choice = rnd.random()
        if choice < 0.4:
            doc["answers"][code] = "na"
        elif isinstance(answer, dict) and isinstance(answer.get("self"), int | float) and choice < 0.8:
            answer["self"] = answer["self"] * 10 + 1
        else:
            doc["answers"][rnd.choice([code + ".9", "99", code])] = rnd.choice(
                [1000, -5, {"self": 1, "appraised": None}]
            )
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


# YAML syntax, line by line: what the fast path must decline wherever libyaml refuses it or reads it otherwise
# (escapes, two entries on one line, a document marker before a key, a key twice, a flow cut or doubled).
SYNTAX_TOKENS = (
    '"\\ud83d\\ude00"', '"\\u00e9"', '"\\t"', '"\\/"', '"\\x41"', '\\', '"a"', "'a'", '"', "'", ": ", ":", ",",
    ", ", "{", "}", "[", "]", "#", " #", "- ", "? ", "&a ", "*a", "!!str ", "~", "yes", "01", "1e5", "0,5", "<<: ",
    "\xa0", "--- ", "... ",
)  # fmt: skip


def syntax(data: bytes, rnd: random.Random) -> bytes:
    """One line of the file changed the way a person typing YAML might get it wrong."""
    try:
        lines = data.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        return flip(data, rnd)
    i = rnd.randrange(len(lines))
    line = lines[i]
    body = line.lstrip(" ")
    key, colon, value = body.partition(": ")
    action = rnd.randrange(7)
    if action == 0:  # a token anywhere in the line
        at = rnd.randrange(len(line) + 1)
        lines[i] = line[:at] + rnd.choice(SYNTAX_TOKENS) + line[at:]
    elif action == 1 and colon:  # a second entry on the line: the same key, or the next line's
        other = lines[i + 1].lstrip(" ").partition(": ")[0] if i + 1 < len(lines) else key
        lines[i] = f"{line}, {rnd.choice([key, other])}: {value}"
    elif action == 2 and colon and value.startswith("{") and "," in value:  # a key of the answer written twice
        inner = value[1:].partition(",")[0]
        lines[i] = line.replace(value, "{" + inner + ", " + value[1:], 1)
    elif action == 3:  # a document's start or end before the line
        lines[i] = rnd.choice(["--- ", "...", "... ", "---"]) + line.lstrip(" ")
    elif action == 4 and '"' in line:  # an escape in a double-quoted string
        at = line.index('"') + 1
        escape = rnd.choice(["\\ud83d\\ude00", "\\ud83d", "\\u00e9", "\\n", "\\/", "\\N", "\\x41", "\\"])
        lines[i] = line[:at] + escape + line[at:]
    elif action == 5:  # the line twice, or joined to the next one
        lines[i : i + 2] = [line, *lines[i : i + 2]] if rnd.random() < 0.5 else [" ".join(lines[i : i + 2])]
    else:  # the line's indent changed
        lines[i] = " " * rnd.choice([0, 1, 2, 3, 4]) + body
    return "\n".join(lines).encode("utf-8")


LEVELS = {"bytes": BYTES, "structure": (structure,), "meaning": (meaning,), "syntax": (syntax,)}

# Workbooks: a filled form, then odd cells, merges, renamed or missing sheets, formats
CELLS: tuple[Any, ...] = (
    None,
    "",
    "  ",
    "=1/0",
    "=A1",
    "=SUM(E2:E9)",
    True,
    False,
    1e308,
    -1,
    2**64,
    0.1,
    "0,5",
    "45/50",
    "0/0",
    "5/4",
    "KPS",
    "N/A",
    "Có",
    "không",
    "a\u0301",  # NFD text (a workbook cannot hold control characters)
    "x" * 3000,
    "95%",
    "1.10",
    "A",
    "late",
    "on-time",
)


def workbook(data: bytes, rnd: random.Random) -> bytes:
    import datetime
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    for _ in range(rnd.choice([1, 2, 3])):
        try:
            _mutate_sheet(book, rnd, datetime)
        except (ValueError, AttributeError):  # a change openpyxl refuses (a merged cell…): try another
            continue
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _mutate_sheet(book: Any, rnd: random.Random, datetime: Any) -> None:
    for _ in (0,):
        sheet = rnd.choice(book.worksheets)
        action = rnd.random()
        if action < 0.7:
            cell = sheet.cell(rnd.randint(1, sheet.max_row + 2), rnd.randint(1, 9))
            cell.value = rnd.choice([*CELLS, datetime.date(2024, 1, 2)])
            if rnd.random() < 0.2:
                cell.number_format = rnd.choice(["0%", "@", "0.00", "dd/mm/yyyy"])
        elif action < 0.8:
            row = rnd.randint(1, sheet.max_row)
            sheet.merge_cells(
                start_row=row, start_column=rnd.randint(1, 6), end_row=row + rnd.randint(0, 2), end_column=8
            )
        elif action < 0.9:
            sheet.title = rnd.choice(["Sheet", "Tiêu chí ", "Criteria", "Thông tin"])[:31] + str(rnd.randint(0, 9))
        elif len(book.worksheets) > 1:
            book.remove(sheet)


def filled_form(folder: Path, runner: CliRunner) -> bytes:
    """The spec example's form, filled in as Sở Nội vụ would."""
    from openpyxl import load_workbook

    shutil.copy(ROOT / "tests" / "spec_examples" / "criteria.yaml", folder / "criteria.yaml")
    runner.invoke(app, ["template", str(folder / "criteria.yaml"), "-f", "xlsx", "-o", str(folder / "form.xlsx")])
    book = load_workbook(folder / "form.xlsx")
    book.worksheets[0]["B1"], book.worksheets[0]["B2"] = "so-noi-vu", "Sở Nội vụ"
    for row, value in zip(range(4, 11), ["on-time", 95, "Có", 1, "190/200", 2, None], strict=True):
        book.worksheets[1].cell(row, 5).value = value
    book.save(folder / "form.xlsx")
    return (folder / "form.xlsx").read_bytes()


@dataclass
class Tally:
    runs: int = 0
    ok: int = 0
    located: int = 0
    other: list[str] = field(default_factory=list)


def mutant(rnd: random.Random) -> tuple[Path, bytes, str]:
    source = rnd.choice(SOURCES)
    level = rnd.choice(list(LEVELS))
    data = source.read_bytes()
    for _ in range(rnd.choice([1, 1, 2])):
        data = rnd.choice(LEVELS[level])(data, rnd)
    return source, data, level


def placed_mutants(folder: Path, count: int, seed: int = 20261207) -> Iterator[tuple[Path, bytes, Path]]:
    """`count` mutants, each written over its source's name in a copy of the source's folder (its criteria set
    beside it, no workbooks): (source, mutated bytes, the mutated file)."""
    rnd = random.Random(seed)
    for n in range(count):
        source, data, _ = mutant(rnd)
        copy = folder / str(n)
        shutil.copytree(source.parent, copy, ignore=shutil.ignore_patterns("*.xlsx", "*.docx", "*.ods", "*.xls"))
        target = copy / source.name
        target.write_bytes(data)
        yield source, data, target


def classify(args: list[str], tally: Tally, runner: CliRunner, label: str) -> None:
    tally.runs += 1
    result = runner.invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1", "PAR_LANG": "en"})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        tally.other.append(f"{label}: {type(result.exception).__name__}: {result.exception}")
        return
    if result.exit_code == 0:
        tally.ok += 1
        return
    text = result.stdout if args[0] == "check" else result.stderr
    lines = [line for line in text.splitlines() if line and not SUMMARY.match(line)]
    if result.exit_code == 1 and lines and all(LOCATED.match(line) for line in lines):
        tally.located += 1
    else:
        tally.other.append(f"{label}: exit {result.exit_code}: {text[:300]!r}")


def campaign(count: int, seed: int) -> Tally:
    """`count` mutants, each through check, score and rank (in a folder with the source's neighbours); one in
    five is a mutated workbook (the Excel form, filled in); one in six also goes through gaps, rank --robustness
    and trend; one in seven is also written as Word documents."""
    rnd = random.Random(seed)
    runner = CliRunner()
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        base.mkdir()
        form = filled_form(base, runner)
        for n in range(count):
            folder = Path(tmp) / f"m{n}"
            if n % 5 == 4:
                source, data, level = base / "form.xlsx", workbook(form, rnd), "workbook"
                folder.mkdir()
                shutil.copy(base / "criteria.yaml", folder / "criteria.yaml")
            else:
                source, data, level = mutant(rnd)
                shutil.copytree(source.parent, folder, ignore=shutil.ignore_patterns("*.yaml.*"))
            target = folder / source.name
            target.write_bytes(data)
            label = f"{source.name if level == 'workbook' else source.relative_to(ROOT)} [{level}, mutant {n}]"
            runs = [["check", str(target)], ["score", str(target)], ["rank", str(folder), "--jobs", "1"]]
            if n % 6 == 1:  # and through the tools beyond one year: the folder's gaps, robustness, its trend
                runs += [
                    ["gaps", str(folder), "--jobs", "1", "-f", rnd.choice(["table", "json", "csv", "html"])],
                    ["rank", str(folder), "--jobs", "1", "--robustness"],
                    ["trend", str(folder), "--jobs", "1"],
                ]
            if n % 7 == 3:  # and as Word documents: whatever a name holds, the annex is written or refused cleanly
                word = str(Path(tmp) / "out.docx")
                runs += [
                    ["score", str(target), "-f", "docx", "-o", word],
                    ["rank", str(folder), "-f", "docx", "-o", word],
                ]
            for args in runs:
                classify(args, tally, runner, f"{args[0]} {label}")
            shutil.rmtree(folder)
    return tally


# Three-way agreement: `par score` (one file, the located path), `par check` and `par rank` of its folder (the fast
# path, when the file is in its subset) give the mutant the same errors' codes. Codes about a folder as a whole
# (an agency twice, periods that differ, an appraisal file for no one…) are the folder commands' own.
FOLDER_CODES = frozenset({"A009", "A022", "C013", "R003", "R005", "R006", "R007", "R008"})
_ERROR_CODE = re.compile(r": error ([A-Z]\d{3}): ")
ASSESSMENTS = [path for path in SOURCES if b"\nkind: assessment" in b"\n" + path.read_bytes()]


@dataclass
class Agreement:
    compared: int = 0  # mutants still assessments (by their `kind:`), run through the three commands
    fast: int = 0  # of them, read by the fast path
    refused: int = 0  # of them, with an error
    differ: list[str] = field(default_factory=list)


def _codes(text: str, target: Path) -> list[str]:
    """The codes of the errors about `target`, once each, sorted."""
    where = f"{target}:"
    found = {
        match.group(1) for line in text.splitlines() if line.startswith(where) and (match := _ERROR_CODE.search(line))
    }
    return sorted(found - FOLDER_CODES)


def agreement(count: int, seed: int, memo_sizes: tuple[int | None, ...] = (None,)) -> Agreement:
    """`count` mutants of the shipped assessments (YAML syntax half the time), each in a copy of its folder with two
    of its neighbours (so that `check` reads the folder the fast way too), through score, check and rank; the fast
    path's memos bounded in turn at each of `memo_sizes` (None: as shipped)."""
    from par_cli.core.numbers import TextNumber
    from par_cli.readers.files import file_kind
    from par_cli.yamlengine import fast as yaml_fast
    from par_cli.yamlengine import flow_json as yaml_json
    from par_cli.yamlengine.source import decode

    rnd = random.Random(seed)
    runner = CliRunner()
    found = Agreement()
    saved = yaml_json.MEMO, yaml_json.FIGURES
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(count):
            source = rnd.choice(ASSESSMENTS)
            level = "syntax" if rnd.random() < 0.5 else rnd.choice(list(LEVELS))
            data = source.read_bytes()
            for _ in range(rnd.choice([1, 1, 2])):
                data = rnd.choice(LEVELS[level])(data, rnd)
            neighbours = [p.name for p in ASSESSMENTS if p.parent == source.parent and p != source][:2]
            folder = Path(tmp) / f"a{n}"

            def left_out(
                where: str, names: list[str], source: Path = source, kept: list[str] = neighbours
            ) -> list[str]:
                here = Path(where)
                return [
                    name
                    for name in names
                    if ".yaml." in name or (here / name in ASSESSMENTS and name not in kept and here / name != source)
                ]

            shutil.copytree(source.parent, folder, ignore=left_out)
            target = folder / source.name
            target.write_bytes(data)
            if file_kind(target) != "assessment":
                shutil.rmtree(folder)
                continue
            size = memo_sizes[n % len(memo_sizes)]
            yaml_json.MEMO, yaml_json.FIGURES = saved if size is None else (size, size)
            try:
                codes = {}
                for args in (["score", str(target)], ["check", str(folder), "--jobs", "1"],
                             ["rank", str(folder), "--jobs", "1", "--no-cache"]):  # fmt: skip
                    result = runner.invoke(app, args, env={"COLUMNS": "200", "NO_COLOR": "1", "PAR_LANG": "en"})
                    codes[args[0]] = _codes(result.stdout + result.stderr, target)
            finally:
                yaml_json.MEMO, yaml_json.FIGURES = saved
            text, _ = decode(data, "f.yaml")
            found.compared += 1
            found.fast += text is not None and yaml_fast.values(text, TextNumber) is not None
            found.refused += bool(codes["score"])
            if not codes["score"] == codes["check"] == codes["rank"]:
                label = f"{source.relative_to(ROOT)} [{level}, mutant {n}, memo {size}]"
                found.differ.append(f"{label}: {codes}\n{data.decode('utf-8', 'replace')[:3000]}")
            shutil.rmtree(folder)
    return found
