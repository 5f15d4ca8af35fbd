"""The sociological survey (điều tra xã hội học): answer counts into a criterion's share, exactly.

A design declares, never guesses, how answers combine: the questions feeding one criterion are pooled (all
their answers counted together) or averaged (the mean of each question's percentage); the respondent groups
are pooled or weighted (the weighted mean of each group's percentage, over the groups that answered). Answers
listed as not counted (E, "không biết") are left out of every denominator.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from par_cli.core.named_tuple import NamedTuple

Counts = Mapping[str, Decimal]  # answer letter → number of answers
HUNDRED = Fraction(100)


class SurveyShare(NamedTuple):
    """A survey leaf's result: its percentage of the leaf's maximum, exact, with the forms behind it."""

    percent: Fraction
    answers: int  # the answers behind it (those not counted included)
    file: str  # the survey results file it comes from


class Question(NamedTuple):
    id: str
    criterion: str
    scale: Mapping[str, Decimal]
    not_counted: tuple[str, ...]
    text: str | None = None
    column: str | None = None
    required: bool = True


def weighted(counts: Counts, scale: Mapping[str, Decimal]) -> tuple[Fraction, Fraction]:
    """(Σ count × scale, Σ count) over the answers on the scale."""
    top, bottom = Fraction(0), Fraction(0)
    for letter, n in counts.items():
        if letter in scale:
            top += Fraction(n) * Fraction(scale[letter])
            bottom += Fraction(n)
    return top, bottom


def _share(parts: list[tuple[Fraction, Fraction]]) -> Fraction | None:
    top = sum((t for t, _ in parts), Fraction(0))
    bottom = sum((b for _, b in parts), Fraction(0))
    return top / bottom if bottom else None


def _mean(values: list[tuple[Fraction, Fraction]]) -> Fraction | None:
    """The weighted mean of (value, weight) pairs; None when there are none."""
    weights = sum((w for _, w in values), Fraction(0))
    return sum((v * w for v, w in values), Fraction(0)) / weights if weights else None


def criterion_percent(
    questions: Sequence[tuple[Question, Mapping[str, Counts]]],
    questions_rule: str,
    groups_rule: str,
    weights: Mapping[str, Decimal],
) -> Fraction | None:
    """The percentage a criterion earns from its questions' counts per group (None: nothing counted)."""

    def over_groups(by_group: list[tuple[str, list[tuple[Fraction, Fraction]]]]) -> Fraction | None:
        if groups_rule == "pooled":
            return _share([part for _, parts in by_group for part in parts])
        shares = [
            (share, Fraction(weights.get(group, 1)))
            for group, parts in by_group
            if (share := _share(parts)) is not None
        ]
        return _mean(shares)

    if questions_rule == "pooled":
        groups: dict[str, list[tuple[Fraction, Fraction]]] = {}
        for question, counts in questions:
            for group, answers in counts.items():
                groups.setdefault(group, []).append(weighted(answers, question.scale))
        return over_groups(list(groups.items()))
    percents = []
    for question, counts in questions:
        share = over_groups([(group, [weighted(answers, question.scale)]) for group, answers in counts.items()])
        if share is not None:
            percents.append((share, Fraction(1)))
    return _mean(percents)


class ReportRow(NamedTuple):
    """One agency and criterion of a survey report."""

    agency: str
    criterion: str
    forms: Mapping[str, int]  # respondent group → forms
    questions: Mapping[str, Fraction | None]  # question id → its percentage (groups combined as declared)
    percent: Fraction | None  # the criterion's percentage
    not_counted: Fraction | None  # share of the answers not counted (E, "không biết"), in percent
    few: tuple[str, ...]  # groups with fewer forms than the design's minimum


def report_rows(
    agencies: Mapping[str, Any],
    combine: Mapping[str, str],
    weights: Mapping[str, Decimal],
    groups: list[str],
    min_forms: int,
) -> list[ReportRow]:
    """A results file's content as report rows, every percentage recomputed exactly from the counts."""
    rows = []
    for agency, entry in agencies.items():
        forms: Mapping[str, int] = entry["forms"]
        few = tuple(group for group in groups if forms.get(group, 0) < min_forms)
        for code, criterion in sorted(entry["criteria"].items()):
            given: Mapping[str, Any] = criterion["questions"]
            questions = []
            counted, uncounted = Fraction(0), Fraction(0)
            for qid, question in given.items():
                scale: Mapping[str, Decimal] = question["scale"]
                counts: Mapping[str, Counts] = {
                    group: {letter: Decimal(n) for letter, n in by_letter.items()}
                    for group, by_letter in question["counts"].items()
                }
                questions.append((Question(qid, code, scale, tuple(question["not_counted"])), counts))
                for by_letter in counts.values():
                    for letter, n in by_letter.items():
                        if letter in scale:
                            counted += Fraction(n)
                        else:
                            uncounted += Fraction(n)
            shares = {q.id: criterion_percent([(q, c)], "pooled", combine["groups"], weights) for q, c in questions}
            overall = criterion_percent(questions, combine["questions"], combine["groups"], weights)
            total = counted + uncounted
            share = uncounted * 100 / total if total else None
            rows.append(ReportRow(agency, code, forms, shares, overall, share, few))
    return rows
