"""Messages into words: a diagnostic or finding as one line, in English or Vietnamese, from the catalogue.

The catalogue is `words/messages.py` plus the messages of each rule kind (`core/rules`). Arguments are
worded by type: text as it is, numbers the reader's way, messages (phrases) recursively.
"""

from __future__ import annotations

import functools
from _string import formatter_parser  # type: ignore[import-not-found]  # string.Formatter.parse, without `string`
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Diagnostic, Msg, msg
from par_cli.core.rules import base
from par_cli.words.annex_messages import ANNEX_MESSAGES
from par_cli.words.appraisal_messages import APPRAISAL_MESSAGES
from par_cli.words.codes import level_of
from par_cli.words.form_messages import FORM_MESSAGES
from par_cli.words.help_messages import HELP_MESSAGES
from par_cli.words.hints import HINTS
from par_cli.words.import_messages import IMPORT_MESSAGES
from par_cli.words.labels import label
from par_cli.words.literal import visible
from par_cli.words.messages import MESSAGES
from par_cli.words.numbers import fmt, group_digits, plain, signed
from par_cli.words.ranking_messages import RANKING_MESSAGES
from par_cli.words.survey import SURVEY_MESSAGES
from par_cli.words.table_messages import TABLE_MESSAGES

if TYPE_CHECKING:
    from par_cli.core.scoring import Finding


def catalogue() -> dict[str, tuple[str, str]]:
    """Every message id → (English, Vietnamese): the central messages and hints, those the rule kinds share, and those
    of each rule kind loaded (a kind's messages can only arise once its module is loaded)."""
    kinds = _rule_kinds()
    if kinds != _merged[0]:
        merged = {
            **MESSAGES,
            **APPRAISAL_MESSAGES,
            **FORM_MESSAGES,
            **RANKING_MESSAGES,
            **HINTS,
            **SURVEY_MESSAGES,
            **TABLE_MESSAGES,
            **IMPORT_MESSAGES,
            **FORM_MESSAGES,
            **ANNEX_MESSAGES,
            **HELP_MESSAGES,
            **base.MESSAGES,
        }
        for kind in kinds:
            merged.update(kind.MESSAGES)
        _merged[:] = [kinds, merged]
    messages: dict[str, tuple[str, str]] = _merged[1]
    return messages


def _rule_kinds() -> tuple[type[base.Rule], ...]:
    found: list[type[base.Rule]] = []
    pending = [base.Rule]
    while pending:
        children = pending.pop().__subclasses__()
        found += children
        pending += children
    return tuple(found)


_merged: list[Any] = [(), {}]


class _Wording:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Msg):
            return text(value, self.lang)
        if isinstance(value, bool | str):
            return str(value)
        if format_spec.startswith("plural:"):  # {n:plural:point|points}: the word that goes with n (English)
            one, _, many = format_spec.removeprefix("plural:").partition("|")
            return one if value == 1 else many
        if format_spec == "typed":
            return fmt(value)
        if format_spec == "signed":
            return signed(value, self.lang)
        if isinstance(value, int):
            return group_digits(str(value), self.lang) if self.lang == "vi" else str(value)
        if isinstance(value, Decimal | Fraction):  # English keeps figures ungrouped, as a file writes them
            return plain(value, self.lang) if self.lang == "vi" else fmt(value).replace("-", "−")
        return str(value)


def text(message: Msg, lang: str = "en") -> str:
    """A message in words; an id the catalogue lacks is shown with its arguments (a test forbids it)."""
    templates = _merged[1].get(message.id) or catalogue().get(message.id)  # a kind loaded since: merged again
    if templates is None:
        return f"{message.id} {dict(message.args)}"
    template = templates[1] if lang == "vi" else templates[0]
    wording, args = _Wording(lang), dict(message.args)
    out: list[str] = []
    for literal, name, spec in _parsed(template):
        out.append(literal)
        if name is not None:
            out.append(wording.format_field(args[name], spec))
    return "".join(out)


@functools.cache
def _parsed(template: str) -> tuple[tuple[str, str | None, str], ...]:
    """A template's literal text and fields, parsed once (`string.Formatter.vformat` parses at every call: a
    check of 3,400 files words ~60,000 lines)."""
    return tuple((literal, name, spec or "") for literal, name, spec, _ in formatter_parser(template))


def line(d: Diagnostic, lang: str = "en", with_code: bool = True) -> str:
    """`file:line:col: level CODE: message (hint: …)`: one line, always."""
    level = label(f"level.{level_of(d).value}", lang)
    head = f"{level} {d.code}" if with_code else level
    out = f"{d.where}: {head}: {text(d.message, lang)}"
    if d.hint is not None:
        out += f" ({label('hint', lang)}: {text(d.hint, lang)})"
    return visible(" ".join(out.split("\n")))


def lines(diagnostics: Iterable[Diagnostic], lang: str = "en", with_code: bool = True) -> list[str]:
    return [line(d, lang, with_code) for d in diagnostics]


def finding_message(finding: Finding) -> Msg:
    """The message of a finding, with its figures."""
    figures = finding.figures
    if finding.code == "unanswered":
        kind = "finding.unanswered-survey" if finding.survey else "finding.unanswered"
        return msg(kind, code=finding.criterion, max=figures[0])
    if finding.code == "not-counted":
        return msg("finding.not-counted", code=finding.criterion, left=figures[0], total=figures[1])
    if finding.code == "missing-evidence":
        return msg("finding.missing-evidence", code=finding.criterion, points=figures[0])
    if finding.code == "relative-alone":
        return msg(
            "finding.relative-alone", code=finding.criterion, max=figures[0], value=figures[1], points=figures[2]
        )
    before, after = figures
    return msg(f"finding.{finding.code}", code=finding.criterion, before=before, after=after, change=after - before)


def finding_text(finding: Finding, lang: str = "en") -> str:
    return text(finding_message(finding), lang)


def help_text(english: str, lang: str) -> str:
    """A help text of the command line (`words.help_messages.HELP`, found by its English) in `lang`; as written
    when the catalogue lacks it."""
    if lang == "en":
        return english
    from par_cli.words.help_messages import HELP

    found = _help_index(HELP).get(english.strip())
    return found if found is not None else english


def click_text(english: str, lang: str) -> str:
    """One of click's messages (`words.help_messages.CLICK`) in `lang`: the English matched against each template,
    its fields (themselves messages: `Invalid value for '--depth': 'a' is not …`) worded in turn."""
    if lang == "en":
        return english
    import re

    from par_cli.words.help_messages import CLICK

    exact = next((vietnamese for en, vietnamese in CLICK.values() if en == english), None)
    if exact is not None:  # a fixed word, or a template typer fills in itself ("[default: {}]")
        return exact
    for pattern, vietnamese in _click_patterns(tuple(CLICK.values())):
        found = re.fullmatch(pattern, english, re.DOTALL)
        if found is not None:
            fields = {name: click_text(value, lang) for name, value in found.groupdict().items()}
            return vietnamese.format(**fields)
    return english


@functools.cache
def _click_patterns(templates: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    import re

    patterns = []
    for english, vietnamese in templates:
        if "{}" not in english:
            parts = [
                re.escape(lit) + (f"(?P<{name}>.+?)" if name else "") for lit, name, _, _ in formatter_parser(english)
            ]
            patterns.append(("".join(parts), vietnamese))
    return tuple(patterns)


_help_indexes: dict[int, dict[str, str]] = {}


def _help_index(store: dict[str, tuple[str, str]]) -> dict[str, str]:
    if id(store) not in _help_indexes:
        _help_indexes[id(store)] = {english: vietnamese for english, vietnamese in store.values()}
    return _help_indexes[id(store)]
