"""The command line's options: output formats per command, shared options, and option values checked."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.core.diagnostics import LineCol, UsageError, msg, problem

MOST_JOBS = 256


class ScoreFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    html = "html"
    xlsx = "xlsx"
    docx = "docx"


class AgencyReportFormat(StrEnum):
    docx = "docx"
    xlsx = "xlsx"
    html = "html"


class TemplateFormat(StrEnum):
    yaml = "yaml"
    xlsx = "xlsx"


class DiffFormat(StrEnum):
    table = "table"
    json = "json"


class ExplainFormat(StrEnum):
    table = "table"
    json = "json"


class RankFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    docx = "docx"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class ReportFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


class TrendFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    docx = "docx"


class CutsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class GapsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    docx = "docx"


class SchemaKind(StrEnum):
    criteria = "criteria"
    assessment = "assessment"
    survey_design = "survey-design"
    survey = "survey"
    appraisal = "appraisal"
    office = "office"


def _languages() -> dict[str, str]:
    from par_cli.words.languages import codes  # one catalogue file each: a new file is a new choice

    return {code: code for code in codes()}


Language = StrEnum("Language", _languages())  # type: ignore[misc]  # --lang's choices: the languages par has


def nfc(value: str) -> str:
    """Text from the command line, in the one spelling files are read in (NFC)."""
    return unicodedata.normalize("NFC", value)


LangOption = Annotated[
    Optional[Language],
    typer.Option(
        "--lang", help="Language of the output and messages (default: PAR_LANG, the criteria set's, the system's)."
    ),
]
CriteriaOption = Annotated[
    Optional[str],
    typer.Option(
        "--criteria", "-c", metavar="ID|PATH", help="Criteria set (a file or an id) instead of the one named."
    ),
]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file (atomically).")]


SurveyOption = Annotated[
    Optional[Path],
    typer.Option(
        "--survey", help="Survey results (`par survey tally`); default: a `kind: survey` file beside the files."
    ),
]


PreviousOption = Annotated[
    Optional[Path],
    typer.Option(
        "--previous",
        "-p",
        help="Last period's ranking: its folder of assessments, or a ranking par wrote (JSON, CSV, xlsx, docx) or"
        " typed by hand.",
    ),
]


class MergedAs(StrEnum):
    mean = "mean"
    pooled = "pooled"


MergedAsOption = Annotated[
    MergedAs,
    typer.Option(
        "--merged-as",
        help="A merged unit's earlier figure: the mean of its predecessors' indices, or their pooled points/max.",
    ),
]
RobustnessOption = Annotated[
    bool,
    typer.Option(
        "--robustness",
        help="Add gaps to the neighbours, ties at the shown precision and possible ranks (one scoring step).",
    ),
]
StepsOption = Annotated[
    Optional[int],
    typer.Option(
        "--steps",
        metavar="K",
        help="With --robustness: the possible ranks allow up to K one-step changes of scores in the group "
        "(1–12, default 3).",
    ),
]
GroupByOption = Annotated[
    str,
    typer.Option(
        "--group-by",
        help="Rank within: group (the agency's group), none (all together), period, or an agency attribute.",
    ),
]
FailUnderOption = Annotated[
    Optional[str], typer.Option("--fail-under", metavar="PERCENT", help="Exit 1 when an index is below this.")
]
AgainstOption = Annotated[
    Optional[str], typer.Option("--against", metavar="OLD", help="With --criteria NEW: whose index and rank move.")
]


class ImpactBy(StrEnum):
    change = "change"
    criterion = "criterion"


ImpactByOption = Annotated[
    Optional[ImpactBy],
    typer.Option("--by", help="With --against: split each index change by the set's changes, or by criterion."),
]
JobsOption = Annotated[Optional[int], typer.Option("--jobs", "-j", help="Processes (default: all cores).")]
OfficeOption = Annotated[
    Optional[Path],
    typer.Option(
        "--office",
        metavar="FILE",
        help=(
            "The office file (kind: office): issuer, decision, signer, group labels. "
            "Default: found in the folder or a parent."
        ),
    ),
]
DecisionOption = Annotated[
    Optional[str],
    typer.Option(
        "--decision", metavar="NUMBER", help="The decision's number (125/QĐ-UBND), instead of the office file's."
    ),
]
DecisionDateOption = Annotated[
    Optional[str],
    typer.Option(
        "--decision-date",
        metavar="DATE",
        help="The decision's date (2025-03-20 or 20/03/2025), instead of the office file's.",
    ),
]
IssuerOption = Annotated[
    Optional[str],
    typer.Option(
        "--issuer",
        metavar="TEXT",
        help="The issuing body (Ủy ban nhân dân tỉnh Quảng Trị), instead of the office file's.",
    ),
]
CheckNoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Build every criteria set again, neither using nor keeping the sets kept between runs (par cache).",
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Score every file and build every criteria set again, neither using nor keeping earlier results "
        "(par cache).",
    ),
]


def _version(value: bool) -> None:
    if value:
        from par_cli import __version__

        typer.echo(f"par {__version__}")
        raise typer.Exit()


VersionOption = Annotated[
    Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
]


def _bad(option: str, value: str, reason: str, **args: object) -> UsageError:
    bad = problem("U002", "bad-option", option=option, value=value, reason=msg(reason, **args))
    return UsageError([bad.at(LineCol(option))])


def percent_value(option: str, value: str) -> Fraction:
    """A percentage given on the command line, exactly; `nan`, `inf` or a figure outside 0–100 is a usage error."""
    try:
        number = Decimal(value.strip())
    except ArithmeticError:
        number = Decimal("nan")
    if not number.is_finite() or not 0 <= number <= 100:
        raise _bad(option, value, "phrase.finite-percent")
    return Fraction(number)


def date_value(option: str, value: str) -> date:
    """A date given on the command line: `2025-03-20` or `20/03/2025`, a day that exists."""
    from par_cli.core.office import parse_date

    found = parse_date(value)
    if found is None:
        raise _bad(option, value, "phrase.a-date")
    return found


def jobs_value(jobs: int | None) -> None:
    if jobs is not None and not 1 <= jobs <= MOST_JOBS:
        raise _bad("--jobs", str(jobs), "phrase.jobs-range", most=MOST_JOBS)


def against_value(against: str, criteria: str | None, others: list[object], output_format: str) -> None:
    """`rank --against OLD` compares two sets on the same files: it needs the new one and shows a table or JSON."""
    if criteria is None:
        raise _bad("--against", against, "phrase.against-needs-criteria")
    if any(other is not None for other in others):
        raise _bad("--against", against, "phrase.against-not-previous")
    if output_format not in ("table", "json"):
        raise _bad("--against", against, "phrase.against-formats")


def by_value(by: str | None, against: str | None) -> None:
    """`rank --by` splits the index changes that `--against OLD` shows."""
    if by is not None and against is None:
        raise _bad("--by", by, "phrase.by-needs-against")


def robustness_value(robust: bool, output_format: str) -> None:
    """`rank --robustness` adds columns to the tables read on screen or by programs, not to the annexes."""
    if robust and output_format in ("xlsx", "docx"):
        raise _bad("--robustness", output_format, "phrase.robustness-formats")


STEPS, STEPS_COUNTED = 3, 12


def steps_value(steps: int | None, robust: bool) -> int:
    """`rank --steps K`: how many one-step changes `--robustness`'s possible ranks allow (1–12; 3 by default:
    core.robustness's STEPS and STEPS_COUNTED, not imported here to keep the command line's layers few)."""
    if steps is None:
        return STEPS
    if not robust:
        raise _bad("--steps", str(steps), "phrase.steps-needs-robustness")
    if not 1 <= steps <= STEPS_COUNTED:
        raise _bad("--steps", str(steps), "phrase.steps-range", most=STEPS_COUNTED)
    return steps


def map_value(items: list[str], fields: list[str]) -> dict[str, str]:
    """`--map TITLE=FIELD` pairs: column title (NFC) → field."""
    found: dict[str, str] = {}
    for item in items:
        title, sign, field = item.partition("=")
        if not sign or not title.strip() or field.strip() not in fields:
            raise _bad("--map", item, "phrase.map")
        found[nfc(title.strip())] = field.strip()
    return found
