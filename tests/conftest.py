"""Shared helpers: write YAML files, load and score them, run the CLI as a user would."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from par_cli.__main__ import app
from par_cli.core.diagnostics import Diagnostic, ParError
from par_cli.core.scoring import Score, score
from par_cli.services.workspace import Workspace, scored
from par_cli.words.catalogue import line

# Hypothesis's 200 ms deadline times each example: on a loaded 2-core CI runner that fails tests for speed, not for
# what they assert (timings belong to benchmarks/). A test that sets its own deadline keeps it.
settings.register_profile("par", deadline=None)
settings.load_profile("par")

SPEC = Path(__file__).parent / "spec_examples"
ROOT = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def _stable_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("PAR_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))  # never the user's own cache
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "GITHUB_ACTIONS", "PY_COLORS", "CLICOLOR_FORCE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    for name in ("PAR_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):  # the language: never the machine's
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run inside a temporary folder, so messages show short relative file names."""
    monkeypatch.chdir(tmp_path)
    yield tmp_path


Write = Callable[[str, str], Path]


@pytest.fixture
def write(in_tmp: Path) -> Write:
    def _write(name: str, text: str) -> Path:
        path = in_tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return Path(name)

    return _write


def score_texts(criteria: str, assessment: str) -> Score:
    """Score an assessment against a criteria set, both given as YAML text: in memory, no files."""
    from par_cli.core.binding import bind
    from par_cli.core.checks import check_criteria
    from par_cli.core.formats import validate
    from par_cli.core.tree import index
    from par_cli.yamlengine.source import parse

    documents = []
    for name, text in (("criteria.yaml", criteria), ("a.yaml", assessment)):
        doc, problems = parse(textwrap.dedent(text).encode("utf-8"), name)
        assert doc is not None and not problems, problems
        documents.append(doc)
    model, problems = validate("criteria", documents[0].data)
    assert model is not None and not [d for d in check_criteria(model) if d.code not in ("C014", "C017", "C018")], (
        problems
    )
    answers, problems = validate("assessment", documents[1].data)
    assert answers is not None, problems
    bound, problems = bind(model, index(model), answers, documents[1])
    assert bound is not None, problems
    return score(bound)


def score_file(path: Path, criteria: Path | None = None) -> Score:
    return scored(Workspace(override=criteria).assessment(path))


def assert_translated(diagnostics: Iterable[Diagnostic]) -> None:
    """Every message and hint, and every phrase inside them, is in the catalogue of every language."""
    from par_cli.core.diagnostics import Msg
    from par_cli.words.catalogue import catalogue
    from par_cli.words.languages import codes

    def known(message: Msg) -> None:
        assert all(catalogue(lang).get(message.id) for lang in codes()), message.id
        for _, value in message.args:
            if isinstance(value, Msg):
                known(value)

    for d in diagnostics:
        known(d.message)
        if d.hint is not None:
            known(d.hint)


def problems_of(path: Path, criteria: Path | None = None) -> list[str]:
    """Every rendered problem raised when loading an assessment (each checked for a Vietnamese translation)."""
    with pytest.raises(ParError) as caught:
        score_file(path, criteria)
    assert_translated(caught.value.diagnostics)
    return [line(d, with_code=False) for d in caught.value.diagnostics]


runner = CliRunner()


def run(*args: str, **env: str) -> tuple[int, str, str]:
    """`par ARGS` as a user who chose no language: the criteria set's, else the locale's (cleared for the suite),
    else English."""
    result = runner.invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1", **env})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def run_english(*args: str) -> tuple[int, str, str]:
    """`par ARGS` as a user who pinned English (`PAR_LANG=en`): the tests of messages' wording read them in English,
    whatever their files' sets (and their reports are then in English too)."""
    return run(*args, PAR_LANG="en")


def env_without_color() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("FORCE_COLOR", None)
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "100"
    return env
