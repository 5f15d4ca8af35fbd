"""`par check` of a folder in a process pool: the workers word each file's diagnostics, the parent orders and
writes them; what is printed is what checking every file in the parent prints (every format streamed, both
languages, `--strict`), and the findings made without the totals are those of the whole score."""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path

import pytest

from par_cli.cli.speech import Tongue
from par_cli.core.check_report import Worded
from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, problem
from par_cli.core.scoring import leaf_findings, score
from par_cli.services.check_order import Ordered
from par_cli.services.check_said import Saying, kept, said
from par_cli.services.checking import check_stream
from par_cli.services.surveys import SurveySource
from par_cli.services.workspace import Workspace
from par_cli.views.check import streamed
from par_cli.writers import write
from tests.conftest import ROOT


def _at(file: str, line: int, code: str = "A008", hint: str | None = None) -> Diagnostic:
    found = problem(code, "agency-also-used", id=f"x{line}", file=file).at(LineCol(file, line, 1))
    return found._replace(hint=None if hint is None else found.message._replace(id=hint))


def _plain(items: list[Diagnostic | Worded], lang: str) -> list[str]:
    return list(write(streamed(_Given(items), lambda: lang), "text"))[:-1]  # type: ignore[arg-type]


class _Given:
    def __init__(self, items: list[Diagnostic | Worded]) -> None:
        self.items, self.files = items, 0

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def count(self, level: object) -> int:
        return 0


@pytest.mark.parametrize("worded_in", ["en", "vi"])
@pytest.mark.parametrize("strict", [False, True])
def test_worded_files_come_out_as_the_diagnostics_would(worded_in: str, strict: bool) -> None:
    """Lines worded in a worker, merged with held ones, a late file, a diagnostic found twice (once held, once in
    its file), two at one place saying different hints: the lines of the diagnostics themselves; and so again
    when the run's language is not the one the worker worded in."""
    held = [_at("a.yaml", 3), _at("c.yaml", 5), _at("z.yaml", 2), _at("c.yaml", 4, "A009")]
    files = {
        "b.yaml": [_at("b.yaml", 9), _at("b.yaml", 1), _at("z.yaml", 1), _at("b.yaml", 9)],
        "c.yaml": [_at("c.yaml", 5), _at("c.yaml", 5, hint="hint.one-per-folder"), _at("c.yaml", 2, "A006")],
        "y.yaml": [_at("y.yaml", 4, "A007")],  # after the late file's name: held to the end
    }
    saying = Saying(lambda: worded_in, strict, False)
    plain = Ordered(strict, "x.yaml")
    worded = Ordered(strict, "x.yaml", lambda: "vi", lambda path: kept(path, files[path])[1])
    plain.hold(held)
    worded.hold(held)
    want: list[Diagnostic | Worded] = [d for name, found in files.items() for d in plain.file(name, found)]
    got: list[Diagnostic | Worded] = []
    for name, found in files.items():
        said_here, elsewhere = said(name, name, found, saying)
        got += worded.file(name, elsewhere, said_here)
    for ordered, out in ((plain, want), (worded, got)):
        ordered.hold([_at("x.yaml", 7, "A020")])
        out += ordered.rest()
    assert any(isinstance(d, Worded) for d in got) is (worded_in == "vi")
    assert _plain(got, "vi") == _plain(want, "vi")
    assert len(want) == len(set(want)) == 11


def _folder(tmp_path: Path) -> Path:
    """60 assessments of the 2024 examples, many made faulty; their set beside them (English) and the examples'."""
    folder = tmp_path / "many"
    folder.mkdir()
    sources = sorted((ROOT / "examples" / "2024").glob("*.yaml"))
    for n in range(60):
        text = sources[n % len(sources)].read_text(encoding="utf-8")
        text = re.sub(r"(?m)^agency:.*$", f'agency: {{id: cq-{n:02d}, name: "Cơ quan {n}"}}', text, count=1)
        if n % 7 == 1:
            text = text.replace("self:", "self: -3, x:", 1)
        elif n % 7 == 2:
            text = text.replace("answers:", "answers: [", 1)
        elif n % 7 == 3:
            text = re.sub(r'(?m)^  "?\d+(\.\d+)*"?:', '  "9.9.9":', text, count=1)
        elif n % 7 == 4:
            text = text.replace(f"cq-{n:02d}", "cq-00", 1)
        elif n % 7 == 5:
            text = text.replace("evidence", "evidense", 1)
        (folder / f"f-{n:02d}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang", ["en", "vi", None])
def test_a_pool_prints_what_one_process_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str | None
) -> None:
    monkeypatch.chdir(ROOT)
    paths = [_folder(tmp_path), Path("examples/2024")]
    workspace = partial(Workspace, survey=SurveySource())
    now = Tongue(lang).now  # None: the sets' language (the examples' and the folder's agree: Vietnamese)
    for strict in (False, True):
        for fmt in ("text", "github"):
            one = check_stream(paths, workspace(), strict, 1, workspace)
            want = "".join(write(streamed(one, now, fmt == "github"), fmt))
            pool = check_stream(paths, workspace(), strict, 2, workspace, (now, fmt == "github"))
            got = "".join(write(streamed(pool, now, fmt == "github"), fmt))
            assert got == want
            assert pool.failed() == one.failed() and pool.files == one.files == 72
    worded = list(check_stream(paths, workspace(), False, 2, workspace, (now, False)))
    assert sum(isinstance(d, Worded) for d in worded) > len(worded) / 2  # worded in the workers


def test_a_pool_worded_in_another_language_is_worded_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers word in English, the parent decides Vietnamese: each file is checked again and worded here."""
    monkeypatch.chdir(ROOT)
    paths = [_folder(tmp_path)]
    workspace = partial(Workspace, survey=SurveySource())
    parent = os.getpid()

    def now() -> str:
        return "vi" if os.getpid() == parent else "en"

    one = check_stream(paths, workspace(), True, 1, workspace)
    want = "".join(write(streamed(one, now), "text"))
    pool = check_stream(paths, workspace(), True, 2, workspace, (now, False))
    got = list(pool)
    assert not any(isinstance(d, Worded) for d in got) and len(got) > 40
    assert "".join(write(streamed(_Given(got), now), "text")).splitlines()[:-1] == want.splitlines()[:-1]  # type: ignore[arg-type]


def test_findings_without_the_totals_are_the_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every assessment shipped (examples, tests' files) that binds: the same findings, or None."""
    monkeypatch.chdir(ROOT)
    workspace = Workspace(survey=SurveySource())
    seen = alone = 0
    for path in sorted([*Path("examples").rglob("*.yaml"), *Path("tests").rglob("*.yaml")]):
        try:
            bound, _ = workspace.inspect_assessment(path)
        except (ParError, ValueError, OSError):
            continue
        if bound is None:
            continue
        seen += 1
        quick = leaf_findings(bound)
        try:
            whole = score(bound).findings
        except ParError:
            assert quick is None
            continue
        if quick is not None:
            alone += 1
            assert quick == whole, path
    assert seen > 40 and alone > 30
