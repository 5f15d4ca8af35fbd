"""The sociological survey (điều tra xã hội học): answer counts into a criterion's share, exactly.

A design declares, never guesses, how answers combine: the questions feeding one criterion are pooled (all
their answers counted together) or averaged (the mean of each question's percentage); the respondent groups
are pooled or weighted (the weighted mean of each group's percentage, over the groups that answered). Answers
listed as not counted (E, "không biết") are left out of every denominator.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from par_cli.core.diagnostics import Diagnostic, Location, msg, problem
from par_cli.core.named_tuple import NamedTuple

Counts = Mapping[str, Decimal]  # answer letter → number of answers
HUNDRED = Fraction(100)


class SurveyShare(NamedTuple):
    """A survey leaf's result: its percentage of the leaf's maximum, exact, with the forms behind it."""

    percent: Fraction
    answers: int  # the answers behind it (those not counted included)
    file: str  # the survey results file it comes from
    not_counted: int = 0  # of `answers`, those left out of every denominator (E, "không biết")


class Counted(dict[str, Decimal]):
    """Answer counts on a likert scale, as a leaf scores them, knowing how many answers were left out."""

    left_out: Decimal = Decimal(0)


def left_out_of(value: Any) -> tuple[Fraction, Fraction] | None:
    """(answers not counted, all answers) behind a survey input, when any was left out; else None."""
    if isinstance(value, SurveyShare) and value.not_counted:
        return Fraction(value.not_counted), Fraction(value.answers)
    if isinstance(value, Counted) and value.left_out:
        return Fraction(value.left_out), Fraction(value.left_out) + sum(map(Fraction, value.values()), Fraction(0))
    return None


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


class SurveyNames(NamedTuple):
    """What a survey report calls things, where the files say: the design's title, each group's name, each
    question's column title and text (by id), each agency's name (by id). Empty where nothing says."""

    title: str | None
    groups: dict[str, str]
    questions: dict[str, tuple[str | None, str | None]]
    agencies: dict[str, str]


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


def _loose(text: str) -> str:
    """An id as a person misreads it: no case, no diacritics (đ as d), letters and digits only."""
    plain = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(char for char in plain if char.isalnum() and not unicodedata.combining(char))


def close_to(name: str, others: list[str], cutoff: float = 0.6) -> str | None:
    """The other id `name` is most likely a typo of: the same but for case and diacritics, else the closest."""
    loose = _loose(name)
    by_loose = {_loose(other): other for other in others if other != name}
    if loose in by_loose:
        return by_loose[loose]
    close = difflib.get_close_matches(loose, list(by_loose), n=1, cutoff=cutoff)
    return by_loose[close[0]] if close else None


def unlisted_notes(agencies: dict[str, Any], first_at: dict[str, Location]) -> list[Diagnostic]:
    """Without a list of agencies every id in the responses is an agency: an id that looks like a typo of one
    with more forms, or with far fewer forms than the others (under a tenth of the median), is a warning where
    its first form names it."""
    forms = {agency: sum(entry["forms"].values()) for agency, entry in agencies.items()}
    ordered = sorted(forms.values())
    median = ordered[len(ordered) // 2] if ordered else 0
    notes = []
    hint = msg("hint.agency-list")
    for agency, n in sorted(forms.items()):
        larger = [other for other in forms if forms[other] > n]  # a typo has fewer forms than the id it mistypes
        other = close_to(agency, larger, 0.85)
        if other is not None:
            like = problem(
                "V013", "agency-like-other", hint=hint, name=agency, forms=n, other=other, others=forms[other]
            )
            notes.append(like.at(first_at[agency]))
        elif len(forms) > 2 and n * 10 < median:
            few = problem("V013", "agency-few-forms", hint=hint, name=agency, forms=n, median=median)
            notes.append(few.at(first_at[agency]))
    return notes


def uncounted_notes(agencies: Any) -> list[Diagnostic]:
    """A criterion of an agency most of whose answers were not counted (E, "không biết"): its percentage rests
    on the few that were. Each at its place in a results file (`agencies.<id>.criteria.<code>`)."""
    notes = []
    for agency, entry in agencies.items():
        for code, criterion in sorted(entry["criteria"].items()):
            left, total = left_out(criterion)
            if left * 2 > total:
                where = ("agencies", agency, "criteria", code)
                notes.append(problem("V015", "most-not-counted", where, name=agency, code=code, left=left, total=total))
    return notes


def left_out(criterion: Any) -> tuple[int, int]:
    """(answers not counted, all answers) of a criterion of a results file."""
    left = total = 0
    for question in criterion["questions"].values():
        for by_letter in question["counts"].values():
            for letter, n in by_letter.items():
                total += int(n)
                left += 0 if letter in question["scale"] else int(n)
    return left, total
