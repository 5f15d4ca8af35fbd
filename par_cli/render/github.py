"""`par check` as GitHub Actions workflow commands, shown as annotations on the files (follows --lang)."""

from __future__ import annotations

from par_cli.core.diagnostics import Level
from par_cli.render.text import summary
from par_cli.render.views import CheckView
from par_cli.words.catalogue import text
from par_cli.words.codes import level_of
from par_cli.words.labels import label

COMMAND = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def check(view: CheckView) -> str:
    lang = view.lang
    out = []
    for d in view.report.diagnostics:
        props = [f"file={_escape_property(d.where.file)}"]
        if d.where.line:
            props += [f"line={d.where.line}", f"col={d.where.col or 1}"]
        props.append(f"title={_escape_property(d.code)}")
        message = text(d.message, lang)
        if d.hint is not None:
            message += f" ({label('hint', lang)}: {text(d.hint, lang)})"
        out.append(f"::{COMMAND[level_of(d)]} {','.join(props)}::{_escape_data(message)}")
    out.append(summary(view.report, lang))
    return "\n".join(out) + "\n"
