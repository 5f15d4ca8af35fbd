"""`par check` as a report: every problem found, located, with its code (worded in the reader's language, and in
English for programs), then the counts; its JSON record."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from par_cli.core.check_report import Worded
from par_cli.core.diagnostics import Diagnostic, Level, msg
from par_cli.views.report import Block, Note, Problem, Problems, Report
from par_cli.words.catalogue import hinted as with_hint
from par_cli.words.catalogue import line, text
from par_cli.words.codes import CODES, level_of
from par_cli.words.codes import summary as catches
from par_cli.words.labels import label
from par_cli.words.languages import MACHINE

if TYPE_CHECKING:
    from par_cli.core.check_report import CheckReport, CheckStream


def report(found: CheckReport, lang: str = "en") -> Report:
    problems = [_problem(d, lang) for d in found.diagnostics]
    rules = [  # SARIF's rules: read by programs, in their language
        (code, catches(code, MACHINE), CODES[code].level.value) for code in sorted({d.code for d in found.diagnostics})
    ]
    errors, warnings, infos = (found.count(level) for level in (Level.ERROR, Level.WARNING, Level.INFO))
    summary = text(msg("check.summary", errors=errors, warnings=warnings, infos=infos, files=found.files), lang)
    blocks: list[Block] = [Problems(problems, rules), Note(summary, plain=True)]
    return Report(label("check_title", lang), lang, blocks, _json(found), ())


def streamed(found: CheckStream, now: Callable[[], str], hinted: bool = False) -> Report:
    """The report of a check still running, for the formats that print each problem as it comes (text, github):
    its problems are worded as they are found, in the language decided when the first is (`now()`: the criteria
    sets read by then speak it), and the counts once the last is (its SARIF `rules` are not known before: none).
    Only the words printed are made: the located line (text), or the message with its hint (`hinted`, github)."""
    counts = Note("", plain=True)

    def problems() -> Iterator[Problem]:
        lang = None
        for d in found:
            lang = lang or now()
            if isinstance(d, Worded):  # worded where its file was checked, in this language (`services.check_said`)
                yield Problem(d.file, d.line, d.col, d.level.value, d.code, d.said, d.hinted, "")
            else:
                yield _problem(d, lang) if hinted else _said(d, lang)
        errors, warnings, infos = (found.count(level) for level in (Level.ERROR, Level.WARNING, Level.INFO))
        summary = msg("check.summary", errors=errors, warnings=warnings, infos=infos, files=found.files)
        counts.text = text(summary, lang or now())

    return Report(label("check_title", "en"), "en", [Problems(problems(), ()), counts], {}, ())


def _said(d: Diagnostic, lang: str) -> Problem:
    """A problem with only its located line, as text shows it."""
    where = d.where
    return Problem(where.file, where.line, where.col, level_of(d).value, d.code, line(d, lang), "", "")


def _problem(d: Diagnostic, lang: str) -> Problem:
    message, english = with_hint(d, lang), with_hint(d)
    where = d.where
    return Problem(where.file, where.line, where.col, level_of(d).value, d.code, line(d, lang), message, english)


def _json(found: CheckReport) -> dict[str, Any]:
    return {
        "diagnostics": [
            {
                "file": d.where.file,
                "line": d.where.line or None,
                "column": d.where.col or None,
                "level": level_of(d).value,
                "code": d.code,
                "message": text(d.message),
                "hint": text(d.hint) if d.hint is not None else None,
            }
            for d in found.diagnostics
        ],
        "summary": {
            "files": found.files,
            "errors": found.count(Level.ERROR),
            "warnings": found.count(Level.WARNING),
            "infos": found.count(Level.INFO),
        },
    }
