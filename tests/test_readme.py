"""The README, the front page, stays true: the quickstart's two commands and what the first prints, every command's
help. (The guide's own commands are run by tests/test_docs.py.)"""

from __future__ import annotations

import re

import pytest

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
    assert "pip install --quiet -e '.[dev]'" in ci and "\n.venv/bin/pytest\n" in ci
    assert "bash .ci/lowest" in ci and "bash .ci/install" in ci  # the floors and the installs, beside the suite


def test_rank_sample_is_what_par_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    sample = re.search(r"<!-- rank-sample:start -->\n```text\n(.*?)```\n<!-- rank-sample:end -->", README, re.S)
    assert sample is not None
    code, out, _ = run("rank", "examples/2024", "--previous", "examples/2023")
    assert code == 0
    assert [line.rstrip() for line in out.splitlines()] == sample.group(1).splitlines()


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
