"""Messages into words: a diagnostic or finding as one line, in the reader's language, from the catalogue.

The catalogue is one file per language (`languages/<code>.toml`, read by `words.languages`): a message's id
picks its template there. Arguments are worded by type: text as it is, numbers the reader's way, messages
(phrases) recursively.
"""

from __future__ import annotations

import functools
from _string import formatter_parser  # type: ignore[import-not-found]  # string.Formatter.parse, without `string`
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Diagnostic, Msg, msg
from par_cli.core.numbers import round_half_up
from par_cli.words.codes import level_of
from par_cli.words.languages import SOURCE, language, words
from par_cli.words.literal import visible
from par_cli.words.numbers import fmt, group_digits, plain, signed

if TYPE_CHECKING:
    from par_cli.core.scoring import Finding


def catalogue(lang: str) -> dict[str, str]:
    """Every text of a language by id: messages, hints, labels (`languages/<lang>.toml`)."""
    return words(lang)


class _Wording:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Msg):
            return text(value, self.lang)
        if format_spec.startswith("join:"):  # {parts:join:; }: a list of phrases (or texts), with that between
            return format_spec.removeprefix("join:").join(self.format_field(part, "") for part in value)
        if format_spec == "said" and isinstance(value, str):  # {reason:said}: a library's English, in words if known
            found = _said().get(value)
            return words(self.lang)[found].format() if found is not None else value  # (its braces written twice)
        if format_spec.startswith("plural:"):  # {n:plural:point|points}: the word that goes with n (English)
            one, _, many = format_spec.removeprefix("plural:").partition("|")
            return one if _is_one(value) else many
        if isinstance(value, bool | str):
            return str(value)
        if format_spec == "typed":
            return fmt(value)
        if format_spec == "plain":  # a figure as a rule writes it, grouped the reader's way (0,5; 1,234.5)
            return plain(value, self.lang)
        if format_spec == "signed":
            return signed(value, self.lang)
        grouped = language(self.lang).group_in_messages  # or as a file writes them (English: 1234.5)
        if isinstance(value, int):
            return group_digits(str(value), self.lang) if grouped else str(value)
        if isinstance(value, Decimal | Fraction):
            return plain(value, self.lang) if grouped else fmt(value).replace("-", "−")
        return str(value)


def _is_one(value: Any) -> bool:
    """Whether a count takes the singular: 1 (or −1), also when it comes already worded (`'1'`, `'+1'`; a figure
    shown with decimals, `1.00`, stays plural: 1.00 points)."""
    if isinstance(value, str):
        return value.strip().lstrip("+−-") == "1"
    return not isinstance(value, bool) and isinstance(value, int | Decimal | Fraction) and abs(value) == 1


def text(message: Msg, lang: str = "en") -> str:
    """A message in words; an id the catalogue lacks is shown with its arguments (a test forbids it)."""
    template = words(lang).get(message.id)
    if template is None:
        return f"{message.id} {dict(message.args)}"
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


def line(d: Diagnostic, lang: str = "en", with_code: bool = True, said: str | None = None) -> str:
    """`file:line:col: level CODE: message (hint: …)`: one line, always (`said`: its message, worded already)."""
    level = words(lang)[f"level.{level_of(d).value}"]
    head = f"{level} {d.code}" if with_code else level
    out = f"{d.where}: {head}: {hinted(d, lang, said)}"
    return visible(" ".join(out.split("\n")))


def hinted(d: Diagnostic, lang: str = "en", said: str | None = None) -> str:
    """`message (hint: …)`: what a diagnostic says with its hint, without its place (github's annotations)."""
    out = text(d.message, lang) if said is None else said
    if d.hint is not None:
        out += f" ({words(lang)['hint']}: {text(d.hint, lang)})"
    return out


def lines(diagnostics: Iterable[Diagnostic], lang: str = "en", with_code: bool = True) -> list[str]:
    return [line(d, lang, with_code) for d in diagnostics]


def finding_message(finding: Finding, places: int | None = None, title: str = "", lang: str = "en") -> Msg:
    """The message of a finding, with its figures: exact (for programs and `par check`), or, given the set's
    `places`, points worded in `lang` as the score's tables show them (a change: the difference of the shown
    figures, so that it checks); `title`: the criterion's, after its code (for people)."""
    figures: tuple[Any, ...] = finding.figures
    code = f"{finding.criterion} {title}" if title else finding.criterion
    if finding.code == "grade-floor":  # a share against a band's floor, both in %
        share, floor = finding.figures
        if places is None:
            return msg("finding.grade-floor", code=code, share=share, floor=floor, grade=finding.grade)
        from par_cli.words.numbers import figure, plain

        # more places when rounding would hide that the share is below the floor (79.999 → 80.00)
        decimals = places if round_half_up(share, places) < floor else places + 4
        worded = {"share": figure(share, decimals, lang), "floor": plain(floor, lang)}
        return msg("finding.grade-floor", code=code, grade=finding.grade, **worded)
    change: Any = None
    if places is not None:
        from par_cli.core.numbers import telling_places
        from par_cli.words.numbers import figure, signed_figure

        pair = len(finding.figures) == 2 and finding.code != "not-counted"
        decimals = telling_places(finding.figures[0], finding.figures[-1], places) if pair else places

        def shown(value: Fraction) -> str:
            return figure(value, decimals, lang)

        if finding.code == "not-counted":  # ballots, not points
            figures = finding.figures
        elif finding.code == "relative-alone":  # the value is an input, as written
            figures = (shown(figures[0]), figures[1], shown(figures[2]))
        else:
            figures = tuple(shown(value) for value in finding.figures)
        if pair:
            rounded = [round_half_up(value, decimals) for value in finding.figures]
            change = signed_figure(Fraction(rounded[1] - rounded[0]), decimals, lang)
    if finding.code == "unanswered":
        kind = "finding.unanswered-survey" if finding.survey else "finding.unanswered"
        return msg(kind, code=code, max=figures[0])
    if finding.code == "not-counted":
        return msg("finding.not-counted", code=code, left=figures[0], total=figures[1])
    if finding.code == "missing-evidence":
        return msg("finding.missing-evidence", code=code, points=figures[0])
    if finding.code == "relative-alone":
        return msg("finding.relative-alone", code=code, max=figures[0], value=figures[1], points=figures[2])
    before, after = figures
    if change is None:
        change = after - before
    return msg(f"finding.{finding.code}", code=code, before=before, after=after, change=change)


def finding_text(finding: Finding, lang: str = "en", places: int | None = None, title: str = "") -> str:
    """A finding in words; given `places` and `title`, as a person reads it beside the score's table."""
    return text(finding_message(finding, places, title, lang), lang)


def help_text(english: str, lang: str) -> str:
    """A help text of the command line (found by its English, as the command modules write it: the `help.*` ids
    of `languages/en.toml`) in `lang`; as written when the catalogue lacks it."""
    found = _sources("help.").get(english.strip())
    return words(lang)[found] if found is not None else english


def click_text(english: str, lang: str) -> str:
    """One of click's messages (the `click.*` ids) in `lang`: the English matched against each template, its
    fields (themselves messages: `Invalid value for '--depth': 'a' is not …`) worded in turn."""
    import re

    exact = _sources("click.").get(english)
    if exact is not None:  # a fixed word, or a template typer fills in itself ("[default: {}]")
        return words(lang)[exact]
    for pattern, key in _click_patterns():
        found = re.fullmatch(pattern, english, re.DOTALL)
        if found is not None:
            fields = {name: click_text(value, lang) for name, value in found.groupdict().items()}
            return words(lang)[key].format(**fields)
    return english


@functools.cache
def _sources(prefix: str) -> dict[str, str]:
    """The source (English) text → its id, for the ids under `prefix`."""
    return {english: key for key, english in words(SOURCE).items() if key.startswith(prefix)}


@functools.cache
def _said() -> dict[str, str]:
    """A library's English (`said.*`: libyaml's problems, as it words them) → its id."""
    return {english.format(): key for english, key in _sources("said.").items()}


@functools.cache
def _click_patterns() -> tuple[tuple[str, str], ...]:
    import re

    patterns: list[tuple[int, str, str]] = []
    for english, key in _sources("click.").items():
        if "{}" not in english:
            parts = [
                re.escape(lit) + (f"(?P<{name}>.+?)" if name else "") for lit, name, _, _ in formatter_parser(english)
            ]
            literal = sum(len(lit) for lit, _, _, _ in formatter_parser(english))
            patterns.append((literal, "".join(parts), key))
    patterns.sort(key=lambda found: -found[0])  # the most particular first: `No such option: {name} (Possible…)`
    return tuple((pattern, key) for _, pattern, key in patterns)
