"""`par check` as text: one located line per diagnostic, then the counts (follows --lang)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from par_cli.core.diagnostics import Level
from par_cli.render.views import CheckView
from par_cli.words.catalogue import lines

if TYPE_CHECKING:
    from par_cli.services.checking import CheckReport


def summary(report: CheckReport, lang: str = "en") -> str:
    errors, warnings, infos = (report.count(level) for level in (Level.ERROR, Level.WARNING, Level.INFO))
    if lang == "vi":
        return f"{errors} lỗi, {warnings} cảnh báo, {infos} thông tin trong {report.files} tệp"

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    counts = ", ".join([plural(errors, "error"), plural(warnings, "warning"), plural(infos, "info")])
    return f"{counts} in {plural(report.files, 'file')}"


def check(view: CheckView) -> str:
    return "\n".join([*lines(view.report.diagnostics, view.lang), summary(view.report, view.lang)]) + "\n"
