"""Rules, inputs and gaps in words (templates, `par criteria show`, explanations), in either language.

Each rule kind words itself (`describe`, `input_hint`, `action`); this gives it the reader's numbers.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import msg
from par_cli.core.rules.base import NOT_APPLICABLE
from par_cli.core.survey import SurveyShare
from par_cli.words.catalogue import text
from par_cli.words.labels import label
from par_cli.words.numbers import figure, plain

if TYPE_CHECKING:
    from par_cli.core.criteria_diff import Change
    from par_cli.core.explain import Gap, LedgerLine
    from par_cli.core.rules.base import Rule


def describe_rule(rule: Rule, lang: str = "vi") -> str:
    """One line: how the rule turns its input into points."""
    return text(rule.describe(), lang)


def input_hint(rule: Rule, lang: str = "vi") -> str:
    return text(rule.input_hint(), lang)


def show_input(value: Any, lang: str) -> str:
    """A typed input as a person reads it."""
    return _shown(value, lang)


def _shown(value: Any, lang: str) -> str:
    if value is None:
        return "—"
    if value is NOT_APPLICABLE:
        return "N/A"
    if isinstance(value, SurveyShare):
        return f"{figure(value.percent, 2, lang)} % ({value.answers} {label('answers_word', lang)})"
    if isinstance(value, bool):
        return text(msg("input.true" if value else "input.false"), lang)
    if isinstance(value, Fraction):
        return figure(value, 2, lang).rstrip("0").rstrip(",.") if value.denominator != 1 else plain(value, lang)
    if isinstance(value, Decimal):
        return plain(value, lang)
    if isinstance(value, dict):
        return ", ".join(f"{answer} {plain(count, lang)}" for answer, count in value.items())
    return str(value)


def inputs_text(line: LedgerLine, lang: str, keys: bool = False) -> str:
    """`95 → 85` (self → appraised), the survey result, or the one input that counts; a level by its label
    (its key when `keys`: for programs, or when it has none)."""
    answer = line.answer
    if answer is None or line.rule is None:
        return "—"
    named = {} if keys else {level.key: level.label for level in getattr(line.rule, "levels", ()) if level.label}

    def show_input(value: Any, lang: str) -> str:
        return named[value] if isinstance(value, str) and value in named else _shown(value, lang)

    percent = " %" if line.rule.takes_percent else ""
    if line.source == "survey":
        return show_input(answer.survey, lang) + (percent if answer.survey is not None else "")
    own = show_input(answer.self_value, lang) + (percent if answer.self_value is not None else "")
    steps = [text(msg("inputs.self", value=own), lang)]
    if answer.first_appraisal is not None:  # the rounds: first appraisal, the agency's explanation, final
        first = show_input(answer.first_appraisal, lang) + percent
        steps.append(text(msg("inputs.first-appraisal", value=first), lang))
        if answer.explanation:
            steps.append(text(msg("inputs.explained"), lang))
        if answer.appraised is not None:
            final = show_input(answer.appraised, lang) + percent
            steps.append(text(msg("inputs.final-appraisal", value=final), lang))
        return " → ".join(steps)
    if answer.appraised is None or answer.appraised is answer.self_value:
        return own
    appraised = show_input(answer.appraised, lang) + percent
    return f"{steps[0]} → {text(msg('inputs.appraised', value=appraised), lang)}"


def action(line: LedgerLine, lang: str) -> str:
    """What would earn a leaf's missing points, in words."""
    value = line.answer.inputs(line.source == "survey")[0] if line.answer is not None else None
    if value is None or line.rule is None:
        return text(msg("action.answer"), lang)
    return text(line.rule.action(value, line.lost, line.max), lang)


def rule_text(line: LedgerLine, lang: str) -> str:
    return describe_rule(line.rule, lang) if line.rule is not None else ""


def evidence_text(line: LedgerLine, lang: str) -> tuple[str, str]:
    """(label, text) of what supports a self-assessed leaf: its evidence, its explanation, or that it is missing."""
    answer = line.answer
    if not line.leaf or answer is None or line.source == "survey":
        return "", ""
    if line.evidence_missing:
        return label("evidence", lang), label("evidence_missing", lang)
    if answer.evidence:
        return label("evidence", lang), "; ".join(answer.evidence)
    if answer.explanation:
        return label("explanation", lang).capitalize(), answer.explanation
    return "", ""


def gap_text(gap: Gap, places: int, lang: str) -> str:
    """`reach ≥ 100 %: +0.5 points, +0.52 index points`."""
    points = figure(gap.available, places, lang)
    index = figure(gap.index_points, places, lang)
    return text(msg("gap.line", action=action(gap.line, lang), points=points, index=index), lang)


def change_kind(change: Change, lang: str) -> str:
    """A change of `par criteria diff` in a word: `điểm tối đa`, `cách chấm`, `thêm`…"""
    return label(f"diff.{change.kind}", lang)


def change_detail(change: Change, lang: str) -> str:
    """`3 → 2,5`, `«Kế hoạch» → «Kế hoạch CCHC»`, `under 1 → under 2`, the rules in words."""
    before, after = change.before, change.after
    if change.kind in ("added", "removed"):
        value = after if change.kind == "added" else before
        return text(msg("award.points", points=value), lang)
    if change.kind == "max":
        return f"{plain(before, lang)} → {plain(after, lang)}"
    if change.kind == "rule":
        return f"{describe_rule(before, lang)} → {describe_rule(after, lang)}"
    if change.kind == "renamed":
        return f"«{before}» → «{after}»"
    if change.kind == "moved":
        top = label("diff.top", lang)
        return f"{change.old_code} ({before or top}) → {change.new_code} ({after or top})"
    return f"{before} → {after}"
