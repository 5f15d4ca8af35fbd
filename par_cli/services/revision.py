"""Answers written for one criteria set, scored against its revision: codes renumbered, removed ones dropped."""

from __future__ import annotations

from collections.abc import Mapping

from par_cli.core.diagnostics import Diagnostic
from par_cli.core.model import Assessment


def renumber(model: Assessment, renames: Mapping[str, str | None]) -> tuple[Assessment, dict[str, str]]:
    """The assessment with each answer under its code in the revised set (`renames`: old → new, None: gone),
    and new code → the code the file wrote."""
    answers, back = {}, {}
    for code, answer in model.answers.items():
        new = renames.get(code, code)
        if new is not None:
            answers[new], back[new] = answer, code
    return model._replace(answers=answers), back


def at_written_codes(problems: list[Diagnostic], back: dict[str, str]) -> list[Diagnostic]:
    """Problems about renumbered answers, pointed at the code the file wrote (where the answer is)."""
    out = []
    for d in problems:
        if len(d.path) > 1 and d.path[0] == "answers" and isinstance(d.path[1], str) and d.path[1] in back:
            d = d._replace(path=(d.path[0], back[d.path[1]], *d.path[2:]))
        out.append(d)
    return out
