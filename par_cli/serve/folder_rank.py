"""The folder's ranking, explain per agency, and every document par writes, as the command line makes them:
`par rank FOLDER [--previous P]` (its report, its JSON records, its warnings), `par explain FILE`,
`par appraisal cuts FOLDER`, `par gaps FOLDER` — the same services, views and writers, so that a page and a
download show what the command prints. Nothing here words a figure itself."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, msg, problem
from par_cli.serve.folder_index import file_of, leaders
from par_cli.serve.records import Problem, worded
from par_cli.services.surveys import SurveySource
from par_cli.services.workspace import FileScorer, read_office

if TYPE_CHECKING:
    from par_cli.core.explain import Ledger
    from par_cli.core.lineage import PastRow
    from par_cli.core.office import Office
    from par_cli.core.ranking import Entry, RankGroup
    from par_cli.views.report import Report

JOBS = 1  # one process: a server never forks a pool per page


@dataclass(frozen=True)
class Ranked:
    """A ranking of the folder: its report (for every writer), its JSON records as `par rank -f json` writes
    them, its warnings in words, and whether it compares with a previous period."""

    report: Report
    records: dict[str, Any]
    warnings: tuple[Problem, ...]
    previous: bool
    incomplete: int  # agencies with answers or survey results missing (`par rank -f docx` refuses: R011)


@dataclass(frozen=True)
class Document:
    """A file to download: its name, media type and bytes."""

    name: str
    media_type: str
    content: bytes


class Missing(Exception):
    """No such agency, or no such document."""


def _text(written: Any) -> str:
    return written if isinstance(written, str) else "".join(written)


def _ranked(
    folder: Path, previous: Path | None
) -> tuple[list[Entry], list[RankGroup], Office, list[Diagnostic], tuple[PastRow, ...]]:
    """`par rank FOLDER`'s steps (cli/commands.py `rank`), without the options a page does not offer."""
    from par_cli.core.lineage import ranked_twice
    from par_cli.core.office import Office, ordered, with_set_labels
    from par_cli.services.batch import incomplete, rank_folders
    from par_cli.services.office import office_for
    from par_cli.services.survey_missing import results_found

    this_year = partial(FileScorer, None, SurveySource(None))
    last_year = partial(FileScorer, None, SurveySource())

    gone: list[PastRow] = []
    said: list[Diagnostic] = []
    entries, groups = rank_folders(
        [folder], this_year, previous, "group", JOBS, None, last_year, "mean", gone, said, read_office
    )
    issued = office_for([folder], None, read_office) or Office()
    issued = with_set_labels(issued.with_options(None, None, None), entries)
    groups = ordered(groups, issued)
    if issued.unranked:
        from par_cli.core.unranked import unranked_groups

        groups = unranked_groups(groups, issued.unranked)
    if issued.surveys:
        from par_cli.services.group_survey import group_surveys
        from par_cli.services.office import find_office
        from par_cli.services.workspace import Workspace

        finder = Workspace()
        where = find_office([folder])
        groups = group_surveys(groups, issued, where, None, lambda ref, base: finder.named(ref, base).nodes)
    warnings = list(said)
    if gone:
        listed = ", ".join(f"{row.name} ({row.agency_id}, #{row.rank})" for row in gone)
        warnings.append(problem("R012", "rank-absent", count=len(gone), units=listed).at(LineCol(str(previous))))
    if previous is not None:
        warnings += ranked_twice((e.agency_id, e.predecessors, e.predecessors_where) for e in entries)
    warnings += incomplete(entries, LineCol(folder.name), results_found(SurveySource(None)))
    return entries, groups, issued, warnings, tuple(gone)


def group_labels(folder: Path, groups: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The ranking groups' labels as `par rank FOLDER` heads them, by (criteria set id, group id): the office
    file's `groups:`, else the label the set gives the group it makes of unit types."""
    from par_cli.core.office import Office
    from par_cli.services.office import office_for
    from par_cli.services.workspace import Workspace

    try:
        issued = office_for([folder], None, read_office) or Office()
    except ParError:
        issued = Office()
    out: dict[tuple[str, str], str] = {}
    finder = Workspace()
    for criteria, group in groups:
        label = issued.label(group)
        if label is None and criteria:
            try:
                made = finder.named(criteria, folder).model.ranking_groups
            except ParError:
                made = ()
            label = next((m.label for m in made if m.id == group), None)
        if label:
            out[(criteria, group)] = label
    return out


def ranking(folder: Path, lang: str, previous: Path | None = None) -> Ranked:
    """The folder ranked as `par rank FOLDER [--previous P] --lang LANG` ranks it; ParError with its errors."""
    from par_cli.views.rank import report
    from par_cli.writers import write

    entries, groups, issued, warnings, gone = _ranked(folder, previous)
    shown = report(groups, previous is not None, False, lang, False, 0, 0, "mean", gone, issued)
    records = json.loads(_text(write(shown, "json")))
    missing = sum(1 for e in entries if e.unanswered or e.unanswered_survey)
    return Ranked(shown, records, worded(warnings, lang), previous is not None, missing)


def explain(folder: Path, agency_id: str, lang: str, gaps: int = 10) -> Report:
    """`par explain FILE` for the agency's file: each leaf's inputs, rule, points lost and the largest gaps, its
    `relative` leaves against its group's leaders in the folder (as `par rank FOLDER` scores them)."""
    from par_cli.core.explain import explain as ledger_of
    from par_cli.services.workspace import Workspace, scored_in_group
    from par_cli.views.explain import report

    path = file_of(folder, agency_id)
    if path is None:
        raise Missing(agency_id)
    bound = Workspace(survey=SurveySource(None)).assessment(path)
    ledger = ledger_of(bound, scored_in_group(bound, leaders(folder, lang)), None)
    return _survey_gaps(report(ledger, lang, gaps), ledger, lang)


def _survey_gaps(shown: Report, ledger: Ledger, lang: str) -> Report:
    """The gaps of survey criteria without results as a page says them: the office adds the survey's results
    (`par explain`'s `trả lời tiêu chí này` asks the agency for what no page lets it give)."""
    from par_cli.views.report import Terms
    from par_cli.words.catalogue import text
    from par_cli.words.numbers import figure

    p = ledger.score.precision
    waiting = {
        gap.line.code: text(
            msg(
                "gap.line",
                action=text(msg("serve.page.action-survey"), lang),
                points=figure(gap.available, p, lang),
                index=figure(gap.index_points, p, lang),
            ),
            lang,
        )
        for gap in ledger.gaps
        if gap.line.source == "survey" and (gap.line.answer is None or gap.line.answer.inputs(True)[0] is None)
    }
    for block in shown.blocks:
        if isinstance(block, Terms):
            block.items = tuple((code, waiting.get(code, said)) for code, said in block.items)
    return shown


def explain_records(folder: Path, agency_id: str, lang: str) -> dict[str, Any]:
    """`par explain FILE -f json`: the ledger and the gaps, language-neutral."""
    from par_cli.writers import write

    return dict(json.loads(_text(write(explain(folder, agency_id, lang), "json"))))


def cuts_report(folder: Path, lang: str) -> Report:
    """`par appraisal cuts FOLDER`: per agency, every criterion the appraisal lowered or raised."""
    from par_cli.services.batch import score_units
    from par_cli.views.appraisal_cuts import report

    scorer = partial(FileScorer, None, SurveySource(), cuts=True)
    entries = score_units([folder], scorer, JOBS, None)
    entries.sort(key=lambda e: (e.agency_name, e.agency_id))
    return report(entries, lang)


def gaps_report(folder: Path, lang: str) -> Report:
    """`par gaps FOLDER`: where the folder loses its points."""
    from par_cli.core.gaps import GapTally
    from par_cli.services.batch import score_units
    from par_cli.views.gaps import report

    scorer = partial(FileScorer, None, SurveySource(None), nodes=True)
    tally = GapTally(None)
    score_units([folder], scorer, JOBS, None, tally.take)
    return report(tally.result(), None, lang)


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
# a document's name in the page's address → (what it is, its format, its file name)
DOCUMENTS = {
    "annex": ("ranking", "docx", "phu-luc.docx"),
    "ranking-xlsx": ("ranking", "xlsx", "xep-hang.xlsx"),
    "ranking-csv": ("ranking", "csv", "xep-hang.csv"),
    "cuts-xlsx": ("cuts", "xlsx", "cat-giam.xlsx"),
    "cuts-csv": ("cuts", "csv", "cat-giam.csv"),
    "gaps-xlsx": ("gaps", "xlsx", "khoang-cach.xlsx"),
    "gaps-docx": ("gaps", "docx", "khoang-cach.docx"),
}
TYPES = {"docx": DOCX, "xlsx": XLSX, "csv": CSV}


def document(
    folder: Path, kind: str, lang: str, previous: Path | None = None, allow_incomplete: bool = False
) -> Document:
    """A document of the folder as bytes, written by par's writers; Missing for an unknown kind, ParError
    (R011) for the annex while answers or survey results are missing, unless `allow_incomplete`."""
    from par_cli.writers import write

    if kind not in DOCUMENTS:
        raise Missing(kind)
    what, fmt, name = DOCUMENTS[kind]
    if what == "ranking":
        ranked = ranking(folder, lang, previous)
        if ranked.incomplete and fmt in ("docx", "xlsx") and not allow_incomplete:
            refused = problem(
                "R011", "rank-incomplete-annex", hint=msg("hint.allow-incomplete"), count=ranked.incomplete
            )
            raise ParError([refused.at(LineCol(name))])
        shown = ranked.report
    elif what == "cuts":
        shown = cuts_report(folder, lang)
    else:
        shown = gaps_report(folder, lang)
    written = write(shown, fmt)
    content = written if isinstance(written, bytes) else _text(written).encode("utf-8")
    return Document(name, TYPES[fmt], content)


def published_changes(folder: Path, snapshot: str, lang: str) -> tuple[str, ...]:
    """The agencies whose index now differs from the published snapshot's (rounded as it was published), and
    those added to or gone from the folder since, by name; none: the published ranking is the folder's now."""
    from decimal import Decimal, InvalidOperation

    from par_cli.core.numbers import round_half_up
    from par_cli.serve.folder_index import agencies

    published: dict[str, tuple[str, Decimal | None, int]] = {}
    try:
        data = json.loads(snapshot)
    except ValueError:
        data = {}
    for group in data.get("groups", []) if isinstance(data, dict) else []:
        places = group.get("precision") if isinstance(group.get("precision"), int) else 2
        for row in group.get("rows", []):
            agency = row.get("agency") or {}
            try:
                index = Decimal(str(row["index"])) if row.get("index") is not None else None
            except (InvalidOperation, KeyError):
                index = None
            key = str(agency.get("id", "")).casefold()
            published[key] = (str(agency.get("name") or key), index, places)
    changed: list[str] = []
    seen: set[str] = set()
    for record in agencies(folder, lang):
        key = record.id.casefold()
        seen.add(key)
        was = published.get(key)
        if was is None:
            changed.append(record.name)
            continue
        now = round_half_up(record.index, was[2]) if record.index is not None else None
        if now != was[1]:
            changed.append(record.name)
    changed += [name for key, (name, _, _) in published.items() if key not in seen]
    return tuple(changed)
