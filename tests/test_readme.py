"""The README stays true: quickstart commands, the sample output, the check codes, every command's help."""

from __future__ import annotations

import re

import pytest

from par_cli.words.codes import CODES
from tests.conftest import ROOT, run

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quickstart_is_two_commands_and_ci_runs_the_same_tests() -> None:
    block = re.search(r"## Quickstart.*?```sh\n(.*?)```", README, re.S)
    assert block is not None
    commands = block.group(1).strip().splitlines()
    assert commands == [
        "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/par rank examples/2024 --previous examples/2023",
        "python3 -m venv .venv && .venv/bin/pip install -e '.[dev]' && .venv/bin/pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -e '.[dev]'" in ci and ci.rstrip().endswith(".venv/bin/pytest")


def test_rank_sample_is_what_par_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    sample = re.search(r"<!-- rank-sample:start -->\n```text\n(.*?)```\n<!-- rank-sample:end -->", README, re.S)
    assert sample is not None
    code, out, _ = run("rank", "examples/2024", "--previous", "examples/2023")
    assert code == 0
    assert [line.rstrip() for line in out.splitlines()] == sample.group(1).splitlines()


def test_every_check_code_is_documented() -> None:
    documented = dict(re.findall(r"^\| ([A-Z]\d{3}) \| (error|warning|info) \|", README, re.M))
    assert set(documented) == set(CODES)
    assert {code: CODES[code].level for code in CODES} == documented


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["score"],
        ["rank"],
        ["check"],
        ["criteria"],
        ["criteria", "list"],
        ["criteria", "show"],
        ["template"],
        ["schema"],
        ["explain"],
        ["import"],
        ["survey"],
        ["survey", "tally"],
        ["survey", "report"],
        ["trend"],
        ["gaps"],
        ["appraisal"],
        ["appraisal", "cuts"],
    ],
)
def test_help(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0 and "Usage" in out


@pytest.mark.parametrize(
    ("marker", "command"),
    [
        ("score-sample", ["score", "examples/2024/so-noi-vu.yaml"]),
        ("explain-sample", ["explain", "examples/2024/so-noi-vu.yaml", "3.2", "--lang", "en"]),
        ("merged-sample", ["rank", "examples/2025", "--previous", "examples/2024"]),
        ("trend-sample", ["trend", "examples/2023", "examples/2024", "examples/2025"]),
        ("gaps-sample", ["gaps", "examples/2025", "--top", "4", "--lang", "en"]),
        ("robustness-sample", ["rank", "examples/2025", "--robustness", "--lang", "en"]),
    ],
)
def test_output_samples_are_what_par_prints(marker: str, command: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    sample = re.search(
        rf"<!-- {marker}:start -->\n```text\n\$ par [^\n]*\n(.*?)```\n<!-- {marker}:end -->", README, re.S
    )
    assert sample is not None
    code, out, _ = run(*command)
    assert code == 0
    assert [line.rstrip() for line in out.splitlines()] == sample.group(1).splitlines()


def test_impact_sample_is_what_par_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    """`rank --criteria NEW --against OLD`: the sample's lines, `…` where some are left out, in par's order."""
    monkeypatch.chdir(ROOT)
    sample = re.search(
        r"<!-- impact-sample:start -->\n```text\n\$ par ([^\n]*)\n(.*?)```\n<!-- impact-sample:end", README, re.S
    )
    assert sample is not None
    code, out, _ = run(*sample.group(1).split())
    assert code == 0
    printed = iter([line.rstrip().replace("\xa0", " ") for line in out.splitlines()])
    shown = [line for line in sample.group(2).splitlines() if line != "…"]
    assert all(line in printed for line in shown), out  # each in turn, after the one before
