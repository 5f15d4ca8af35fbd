"""`par check` as text: one located line per diagnostic, then the counts (follows --lang)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Level, msg
from par_cli.render.views import CheckView
from par_cli.words.catalogue import lines, text

if TYPE_CHECKING:
    from par_cli.services.checking import CheckReport


def summary(report: CheckReport, lang: str = "en") -> str:
    errors, warnings, infos = (report.count(level) for level in (Level.ERROR, Level.WARNING, Level.INFO))
    return text(msg("check.summary", errors=errors, warnings=warnings, infos=infos, files=report.files), lang)


def check(view: CheckView) -> str:
    return "\n".join([*lines(view.report.diagnostics, view.lang), summary(view.report, view.lang)]) + "\n"
