"""`par check`'s fast path (`services.compiled_check`) against the general one (`FileChecker.general`): for every
file it takes, the same diagnostics (each at the same place, with the same words), agency, place of its id, file
and groups; every other file it declines.

Over every shipped file, fuzz mutants of them, and generated variants of a workload file (every rule kind, with
and without evidence, explanations blank or not, N/A, short forms, first appraisals, unanswered leaves, wrong
inputs, unknown codes and fields, codes twice, YAML errors…); then `par check` of the shipped folders and of a
folder of variants, byte for byte, with the fast path on and off (`PAR_COMPILED=0`)."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from benchmarks.make_workload import assessment_text, criteria_text
from par_cli.__main__ import app
from par_cli.services.checking import Checked, FileChecker
from par_cli.services.workspace import Workspace
from tests.conftest import ROOT
from tests.fuzz.mutants import placed_mutants


def both(path: Path, checker: FileChecker) -> tuple[Checked | None, Checked]:
    """(the fast path's result, None when it declines; the general path's)."""
    assert checker.fused is not None
    fused = checker.fused(checker.workspace, path)
    return (Checked(*fused) if fused is not None else None), checker.general(path)


def agree(path: Path, checker: FileChecker) -> bool:
    """The fast path gives what the general one gives, or declines; True when it took the file."""
    fast, general = both(path, checker)
    if fast is not None:
        assert fast == general, path
    return fast is not None


def test_every_shipped_assessment_is_checked_the_same() -> None:
    checker = FileChecker(Workspace, fast=True)
    paths = sorted({*(ROOT / "examples").rglob("*.yaml"), *(ROOT / "tests" / "check").rglob("*.yaml")})
    taken = sum(agree(path, checker) for path in paths)
    assert taken > 50


def test_fuzz_mutants_are_checked_the_same(tmp_path: Path) -> None:
    taken = 0
    for _, _, target in placed_mutants(tmp_path, 150):
        taken += agree(target, FileChecker(Workspace, fast=True))
    assert taken > 5  # most mutants have a problem: the general path says it


def _answers(lines: list[str]) -> list[int]:
    return [n for n, line in enumerate(lines) if line.startswith('  "')]


def _sub(pattern: str, by: str) -> Any:
    def change(lines: list[str], rnd: random.Random) -> None:
        n = rnd.choice(_answers(lines))
        lines[n] = re.sub(pattern, by, lines[n], count=1)

    return change


def _texts(lines: list[str], rnd: random.Random) -> None:
    for n in rnd.sample(_answers(lines), 4):
        tail = rnd.choice(TAILS)
        lines[n] = re.sub(r", evidence: \[.*\]\}$", tail + "}", lines[n])


def _short(lines: list[str], rnd: random.Random) -> None:
    for n in rnd.sample(_answers(lines), 4):
        found = re.search(r"self: (\{[^}]*\}|[^,}]+)", lines[n])
        if found:
            lines[n] = re.sub(r": \{.*\}$", ": " + found.group(1), lines[n])


def _drop(lines: list[str], rnd: random.Random) -> None:
    for n in sorted(rnd.sample(_answers(lines), 6), reverse=True):
        del lines[n]


def _twice(lines: list[str], rnd: random.Random) -> None:
    n = rnd.choice(_answers(lines))
    lines.insert(n, lines[n])


def _top(line: str) -> Any:
    def change(lines: list[str], rnd: random.Random) -> None:
        lines.insert(rnd.randrange(1, 5), line)

    return change


TAILS = (
    "",
    ', evidence: ["  "]',
    ", evidence: []",
    ', evidence: [" ", "a"]',
    ', evidence: ["", " "]',
    ', explanation: "vì sao"',
    ', explanation: "  "',
    ', note: "n"',
    ', evidence: [], note: "x"',
    ', note: "x", evidence: ["  "]',
    ', evidence: ["a"], explanation: " "',
    ', explanation: "e", evidence: [" "]',
    ', reason: "r"',
    ', evidence: ["a", "b]"]',
)
CHANGES = (
    _texts,
    _texts,
    _short,
    _drop,
    _twice,
    _sub(r"self: [^,}]+", "self: 7"),
    _sub(r"self: [^,}]+", "self: maybe"),
    _sub(r"self: [^,}]+", "self: -1"),
    _sub(r"}$", ""),
    _sub(r'"[0-9.]+"', '"9.9.9"'),
    _sub(r'"([0-9]+)\.[0-9]+\.[0-9]+"', r'"\1"'),
    _sub("self:", "selff:"),
    _sub(": \\{.*\\}$", ": na"),
    _sub(": \\{.*\\}$", ': {na: true, reason: "r"}'),
    _sub(": \\{.*\\}$", ": {na: true}"),
    _sub(r"appraised: (\{[^}]*\}|[^,}]+)", "appraised: null"),
    _sub(r", appraised: (\{[^}]*\}|[^,}]+)", ""),
    _sub("appraised:", "first_appraisal:"),
    _sub(r"self: (\{[^}]*\}|[^,}]+), ", ""),
    _sub(r"total: [0-9]+", "total: 0"),
    _sub(r"done: [0-9]+", "done: 99999"),
    _sub(r"done: ([0-9]+)", r"done: 0\1"),
    _sub(r"self: \{done", "self: {don"),
    _sub("Văn", "V\x07ăn"),
    _top("colour: blue"),
    _top("adjustments: {bonus-x: 1}"),
    _top("\t# a tab"),
)


def variants(count: int, seed: int) -> list[tuple[str, str]]:
    """(name, text): workload assessments, most changed once or twice."""
    rnd = random.Random(seed)
    out = []
    for n in range(count):
        lines = assessment_text(n + 1, rnd).split("\n")
        if n % 6:
            for change in rnd.sample(CHANGES, rnd.choice((1, 1, 2, 3))):
                change(lines, rnd)
        out.append((f"xa-{n + 1:05d}.yaml", "\n".join(lines)))
    return out


def workload(folder: Path, count: int, seed: int, mixed: bool = False) -> Path:
    folder.mkdir()
    criteria = criteria_text()  # evidence required (A007) everywhere, or (mixed) on half the areas
    if mixed:
        criteria = re.sub(r"(?m)^(  - code: \"[2468]\"\n)", r"\1    evidence: optional\n", criteria)
        assert criteria.count("evidence: optional") == 4
    (folder / "criteria.yaml").write_text(criteria)
    for name, text in variants(count, seed):
        (folder / name).write_text(text)
    return folder


@pytest.mark.parametrize("mixed", [False, True])
def test_generated_variants_are_checked_the_same(tmp_path: Path, mixed: bool) -> None:
    folder = workload(tmp_path / "w", 240, 31 + mixed, mixed)
    checker = FileChecker(Workspace, fast=True)
    taken = sum(agree(path, checker) for path in sorted(folder.glob("xa-*.yaml")))
    assert 40 < taken < 240


def test_the_evidence_rule_is_checked_on_the_fast_path(tmp_path: Path) -> None:
    folder = workload(tmp_path / "w", 60, 7, mixed=True)
    checker = FileChecker(Workspace, fast=True)
    codes = set()
    for path in sorted(folder.glob("xa-*.yaml")):
        fast, general = both(path, checker)
        if fast is not None:
            assert fast == general, path
            codes |= {d.code for d in fast.diagnostics}
    assert {"A006", "A007", "A008"} <= codes


def check_both_ways(args: list[str], monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str]]:
    runner = CliRunner()
    found = []
    for switch in ("0", "1"):
        monkeypatch.setenv("PAR_COMPILED", switch)
        result = runner.invoke(app, ["check", *args])
        found.append((result.exit_code, result.output))
    return found


@pytest.mark.parametrize("form", ["text", "json", "github", "sarif"])
def test_check_of_folders_is_byte_identical(form: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = workload(tmp_path / "w", 80, 5, mixed=form in ("text", "json"))
    for args in ([str(folder)], [str(ROOT / "examples"), str(folder), "--strict"], [str(ROOT / "tests" / "check")]):
        general, fast = check_both_ways([*args, "-f", form, "--lang", "vi" if form == "text" else "en"], monkeypatch)
        assert fast == general, args
