"""`par check` of a folder prints its diagnostics as they are found: in the held report's order, each once."""

from __future__ import annotations

from pathlib import Path

import pytest

from par_cli.core.diagnostics import Diagnostic, LineCol, order, problem
from par_cli.services.check_order import Ordered
from par_cli.services.checking import check_paths, check_stream
from par_cli.services.surveys import SurveySource
from par_cli.services.workspace import Workspace
from par_cli.views.check import report, streamed
from par_cli.writers import write
from tests.conftest import ROOT


def _at(file: str, line: int, code: str = "A008") -> Diagnostic:
    return problem(code, "agency-also-used", id=f"x{line}", file=file).at(LineCol(file, line, 1))


def test_ordered_gives_what_sorting_the_set_gives() -> None:
    """Held files before, between and after the assessments; a file that gets diagnostics at the end (`late`)
    holds back those named after it; one given twice (by two files) comes once."""
    held = [_at("a.yaml", 3), _at("c2.yaml", 1), _at("z.yaml", 2), _at("a.yaml", 3)]
    files = {
        "b.yaml": [_at("b.yaml", 9), _at("b.yaml", 1), _at("z.yaml", 1)],  # one in a late file
        "c.yaml": [_at("c.yaml", 5), _at("c.yaml", 5)],
        "y.yaml": [_at("y.yaml", 4)],  # after the late file's name: held to the end
    }
    ordered = Ordered(strict=False, late="x.yaml")
    ordered.hold(held)
    out = [d for name, found in files.items() for d in ordered.file(name, found)]
    ordered.hold([_at("x.yaml", 7, "A020")])  # found once every assessment is read
    out += ordered.rest()
    everything = [*held, *(d for found in files.values() for d in found), _at("x.yaml", 7, "A020")]
    want = sorted(set(everything), key=order)
    assert out == want


def test_a_folder_streamed_prints_what_the_held_report_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    paths = [Path("examples"), Path("tests/check/bad")]
    held = check_paths(paths, Workspace(survey=SurveySource()), strict=True)
    assert [order(d) for d in held.diagnostics] == sorted(order(d) for d in held.diagnostics)
    assert len(set(held.diagnostics)) == len(held.diagnostics)
    for fmt in ("text", "github"):
        stream = check_stream(paths, Workspace(survey=SurveySource()), strict=True)
        lines = write(streamed(stream, lambda: "vi", fmt == "github"), fmt)
        assert not isinstance(lines, str)  # line by line
        assert "".join(lines) == write(report(held, "vi"), fmt)
        assert stream.failed() == held.failed()
