"""Words are data: the core returns message ids with values and never names a language; each language is one
catalogue file (`par_cli/words/languages/*.toml`) that a translator edits alone."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

CORE = ROOT / "par_cli" / "core"


def language_in_core() -> list[str]:
    """Every place in `par_cli/core` that takes or names a language: a name or argument `lang`, a "vi"/"en" text."""
    found = []
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Name) and node.id == "lang":
                found.append(f"{where}: name lang")
            elif isinstance(node, ast.arg) and node.arg == "lang":
                found.append(f"{where}: argument lang")
            elif isinstance(node, ast.keyword) and node.arg == "lang":
                found.append(f"{where}: keyword lang")
            elif isinstance(node, ast.Constant) and node.value in ("vi", "en"):
                found.append(f"{where}: {node.value!r}")
    return found


def test_the_core_names_no_language() -> None:
    """Rule kinds describe themselves as message ids (`describe`, `input_hint`, `action` return `Msg`): the
    language picks a catalogue at the edge, and no code in the core branches on it."""
    assert language_in_core() == []


def test_no_code_branches_on_a_language() -> None:
    """The language picks a catalogue file; no module compares it with a code (`lang == "vi"`)."""
    found = []
    for path in sorted((ROOT / "par_cli").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(isinstance(side, ast.Constant) and side.value in ("vi", "en") for side in sides):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert found == []
