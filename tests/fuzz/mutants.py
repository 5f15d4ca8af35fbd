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

from par_cli.cli import app

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


LEVELS = {"bytes": BYTES, "structure": (structure,), "meaning": (meaning,)}


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


def classify(args: list[str], tally: Tally, runner: CliRunner, label: str) -> None:
    tally.runs += 1
    result = runner.invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
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
    """`count` mutants, each through check, score and rank (in a folder with the source's neighbours)."""
    rnd = random.Random(seed)
    runner = CliRunner()
    tally = Tally()
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(count):
            source, data, level = mutant(rnd)
            folder = Path(tmp) / f"m{n}"
            shutil.copytree(source.parent, folder, ignore=shutil.ignore_patterns("*.yaml.*"))
            target = folder / source.name
            target.write_bytes(data)
            label = f"{source.relative_to(ROOT)} [{level}, mutant {n}]"
            for args in (["check", str(target)], ["score", str(target)], ["rank", str(folder), "--jobs", "1"]):
                classify(args, tally, runner, f"{args[0]} {label}")
            shutil.rmtree(folder)
    return tally
