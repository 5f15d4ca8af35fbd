"""The command line: parse options, call io → core → render, print, exit. Nothing else prints or exits.

Every error line of every command is a diagnostic from the catalogue: located, coded, in the run's language
(`cli.shell.language`: --lang, PAR_LANG, the criteria set's, the system's, English).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from par_cli.cli import shell
from par_cli.cli.app import app
from par_cli.cli.options import (
    AgainstOption,
    CheckFormat,
    CheckNoCacheOption,
    CriteriaOption,
    DecisionDateOption,
    DecisionOption,
    ExplainFormat,
    FailUnderOption,
    GroupByOption,
    ImpactByOption,
    IssuerOption,
    JobsOption,
    LangOption,
    MergedAs,
    MergedAsOption,
    NoCacheOption,
    OfficeOption,
    OutputOption,
    PreviousOption,
    RankFormat,
    RobustnessOption,
    SchemaKind,
    ScoreFormat,
    StepsOption,
    SurveyOption,
    against_value,
    by_value,
    date_value,
    jobs_value,
    nfc,
    percent_value,
    robustness_value,
    steps_value,
)
from par_cli.core.diagnostics import Diagnostic, LineCol, msg, problem
from par_cli.io.collector import bulk


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="An assessment file (kind: assessment).")],
    criteria: CriteriaOption = None,
    depth: Annotated[int, typer.Option(min=1, help="Levels of the tree to show: 1 areas, 2 criteria…")] = 1,
    output_format: Annotated[ScoreFormat, typer.Option("--format", "-f", help="Output format.")] = ScoreFormat.table,
    output: OutputOption = None,
    survey: SurveyOption = None,
    among: Annotated[
        Optional[list[Path]],
        typer.Option(
            "--among", help="Folders or files of the same set and period: the agency's rank in its group there."
        ),
    ] = None,
    jobs: JobsOption = None,
    no_cache: NoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Score one agency's assessment: index, grade, per-area breakdown and findings."""
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import Workspace, scored
    from par_cli.views.score import peers_of, report

    words = shell.language(lang)
    shell.guard_output(output, words)
    workspace = Workspace(override=criteria and nfc(criteria), survey=SurveySource(survey), kept_sets=not no_cache)
    bound, doubts = shell.run(lambda: workspace.assessed(file), words)  # doubts (A023): in its findings too
    result = shell.run(lambda: scored(bound), words)
    peers = None
    if among:  # its place among its group's agencies there, ranked as `par rank` ranks them
        from functools import partial

        from par_cli.core.ranking import leaders_of
        from par_cli.services.batch import rank_among
        from par_cli.services.workspace import FileScorer, scored_in_group

        shell.run(lambda: jobs_value(jobs), words)
        factory = partial(FileScorer, criteria and nfc(criteria), SurveySource(survey), cache=not no_cache)
        entries, groups = shell.run(lambda: rank_among(file, among, factory, jobs, shell.progress(words)), words)
        leaders = leaders_of(entries, "group")
        result = shell.run(lambda: scored_in_group(bound, leaders), words)  # `relative` leaves: as ranked there
        peers = peers_of(groups, result.agency.id, result.criteria_id)
    bars = output_format is ScoreFormat.table and shell.bars(output)
    shown = report(result, bound, depth, words.fixed, bars, peers, doubts)
    shell.show(shell.write(shown, output_format.value, words), output, words)


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="An assessment file.")],
    code: Annotated[Optional[str], typer.Argument(help="Only this criterion and what is under it.")] = None,
    criteria: CriteriaOption = None,
    output_format: Annotated[ExplainFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExplainFormat.table
    ),
    lang: LangOption = None,
    gaps: Annotated[int, typer.Option(min=0, help="How many recoverable gaps to list.")] = 10,
    survey: SurveyOption = None,
) -> None:
    """Where the points went: each leaf's inputs, rule, points lost and effect on the index; then the gaps."""
    from par_cli.core.explain import Ledger
    from par_cli.core.explain import explain as ledger_of
    from par_cli.core.scoring import Finding
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import Workspace, scored
    from par_cli.views.explain import report
    from par_cli.words.catalogue import finding_message

    def build() -> tuple[Ledger, list[Finding]]:
        bound = Workspace(override=criteria and nfc(criteria), survey=SurveySource(survey)).assessment(file)
        result = scored(bound)
        return ledger_of(bound, result, code and nfc(code)), [f for f in result.findings if f.code == "relative-alone"]

    words = shell.language(lang)
    ledger, alone = shell.run(build, words)
    for finding in alone:  # the points of a relative criterion need the group: say what they are here
        shell.note(finding_message(finding), words)
    shown = report(ledger, words.fixed, gaps)
    shell.show(shell.write(shown, output_format.value, words), None, words)


@app.command()
def rank(
    paths: Annotated[list[Path], typer.Argument(help="Folders (searched recursively) or assessment files.")],
    previous: PreviousOption = None,
    group_by: GroupByOption = "group",
    areas: Annotated[bool, typer.Option("--areas", help="Add one index column per area.")] = False,
    output_format: Annotated[RankFormat, typer.Option("--format", "-f", help="Output format.")] = RankFormat.table,
    output: OutputOption = None,
    fail_under: FailUnderOption = None,
    criteria: CriteriaOption = None,
    against: AgainstOption = None,
    by: ImpactByOption = None,
    jobs: JobsOption = None,
    survey: SurveyOption = None,
    robustness: RobustnessOption = False,
    steps: StepsOption = None,
    merged_as: MergedAsOption = MergedAs.mean,
    no_cache: NoCacheOption = False,
    allow_incomplete: Annotated[
        bool,
        typer.Option("--allow-incomplete", help="Write a docx/xlsx annex even with survey results or answers missing."),
    ] = False,
    office: OfficeOption = None,
    decision: DecisionOption = None,
    decision_date: DecisionDateOption = None,
    issuer: IssuerOption = None,
    lang: LangOption = None,
) -> None:
    """Rank a folder of agencies by exact index within (criteria set, group), with last year's ranks."""
    from functools import partial

    from par_cli.core.lineage import PastRow
    from par_cli.services.batch import incomplete, rank_against, rank_folders
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import FileScorer, find_criteria, read_office

    words = shell.language(lang)
    limit = shell.run(lambda: percent_value("--fail-under", fail_under), words) if fail_under is not None else None
    shell.run(lambda: jobs_value(jobs), words)
    day = shell.run(lambda: date_value("--decision-date", decision_date), words) if decision_date else None
    shell.run(lambda: robustness_value(robustness, output_format.value), words)
    within = shell.run(lambda: steps_value(steps, robustness), words)
    shell.run(lambda: by_value(by and by.value, against), words)
    if against is not None:
        shell.run(lambda: against_value(against, criteria, [previous, fail_under], output_format.value), words)
    if output_format in (RankFormat.xlsx, RankFormat.docx) and output is None:
        needs = "xlsx-needs-output" if output_format is RankFormat.xlsx else "docx-needs-output"
        shell.usage(problem("U001", needs).at(LineCol("par")), words)
    shell.guard_output(output, words)
    kept = not no_cache
    this_year = partial(FileScorer, criteria and nfc(criteria), SurveySource(survey), robust=robustness, cache=kept)
    last_year = partial(FileScorer, None, SurveySource(), cache=kept)
    progress = shell.progress(words)
    if against is not None:  # the files scored under --against OLD and under --criteria NEW: who moves, and why
        sets = shell.run(lambda: (find_criteria(nfc(against)), find_criteria(nfc(criteria or ""))), words)
        scorer = partial(FileScorer, survey=SurveySource(survey), leaves=True, cache=kept)
        changes, moved = shell.run(lambda: rank_against(paths, *sets, scorer, nfc(group_by), jobs, progress), words)
        from par_cli.services.office import office_for as office_of
        from par_cli.services.workspace import read_office as office_reader
        from par_cli.views.rank_impact import report

        issuer_file = shell.run(lambda: office_of(paths, office, office_reader), words)  # the groups' labels
        labels = dict(issuer_file.groups) if issuer_file is not None else None
        impact = report(changes, moved, words.fixed, labels, by.value if by is not None else "change")
        return shell.show(shell.write(impact, output_format.value, words), output, words)
    gone: list[PastRow] = []  # last period's units this ranking lacks: said, never silently dropped
    said: list[Diagnostic] = []  # names of a ranking given by names that match no agency, agencies shown as new
    entries, groups = shell.run(
        lambda: rank_folders(
            paths,
            this_year,
            previous,
            nfc(group_by),
            jobs,
            progress,
            last_year,
            merged_as.value,
            gone,
            said,
            read_office,
        ),
        words,
    )
    shell.warnings(said, words)
    from par_cli.core.office import Office, ordered, unlabelled, with_set_labels
    from par_cli.services.office import office_for

    # who issues the ranking (`kind: office` in the folder or a parent, or --office), the options over it; looked
    # for once the folder is read (each file's kind read once: `readers.files.support_files`)
    found = shell.run(lambda: office_for(paths, office, read_office), words) or Office()
    issued = found.with_options(decision and nfc(decision), day, issuer and nfc(issuer))
    issued = with_set_labels(issued, entries)  # groups a set makes of unit types (`ranking_groups`): its labels
    groups = ordered(groups, issued)
    if issued.unranked:  # groups the office lists as assessed but not ranked
        from par_cli.core.unranked import unranked_groups

        groups = unranked_groups(groups, issued.unranked)
    if issued.surveys:  # groups the office gives their own survey results (not a mean of their units)
        from par_cli.services.group_survey import group_surveys
        from par_cli.services.office import find_office
        from par_cli.services.workspace import Workspace

        where = shell.run(lambda: office or find_office(paths), words)
        finder = Workspace()  # each set as the ranking found it: `--criteria`, else from the group's folder
        asked = criteria and nfc(criteria)
        groups = shell.run(
            lambda: group_surveys(groups, issued, where, asked, lambda ref, base: finder.named(ref, base).nodes),
            words,
        )
    bare = unlabelled(groups, issued) if output_format not in (RankFormat.json, RankFormat.csv) else []
    if bare:  # shown by their ids: said once, with how to name them
        hint = msg("hint.office-labels", first=bare[0])
        said_bare = problem("O002", "office-unlabelled", hint=hint, count=len(bare), groups=", ".join(bare))
        shell.warnings([said_bare.at(LineCol(str(paths[0])))], words)
    if gone:
        listed = ", ".join(f"{row.name} ({row.agency_id}, #{row.rank})" for row in gone)
        shell.warnings(
            [problem("R012", "rank-absent", count=len(gone), units=listed).at(LineCol(str(previous)))], words
        )
    if previous is not None:  # a unit taking over the earlier rank of one still ranked: said, not silent
        from par_cli.core.lineage import ranked_twice

        shell.warnings(ranked_twice((e.agency_id, e.predecessors, e.predecessors_where) for e in entries), words)
    from par_cli.services.survey_missing import results_found  # what a results file found lacks: said

    missing = incomplete(entries, LineCol(str(paths[0])), results_found(SurveySource(survey)))  # never a silent 0
    shell.warnings(missing, words)
    if missing and output_format in (RankFormat.xlsx, RankFormat.docx) and not allow_incomplete:
        count = sum(1 for e in entries if e.unanswered or e.unanswered_survey)
        refused = problem("R011", "rank-incomplete-annex", hint=msg("hint.allow-incomplete"), count=count)
        shell.fail([refused.at(LineCol(str(output)))], words)
    from par_cli.views.rank import report as ranking

    # bars where the medium has room: a terminal wide enough (none beside --robustness's four more columns, a
    # cut bar misleads), a page without a column per area
    bars = shell.bars(output) and not robustness if output_format is RankFormat.table else not areas
    from par_cli.cli.screen import width as screen_width  # rich's width, without importing rich (JSON, CSV…)

    width = screen_width() if output is None else shell.FILE_WIDTH
    with bulk():  # the report of a national ranking: the collector would walk it and free nothing
        shown = ranking(
            groups,
            previous is not None,
            areas,
            words.fixed,
            bars,
            width,
            within * robustness,
            merged_as.value,
            tuple(gone),
            issued,
        )
        shell.show(shell.write(shown, output_format.value, words), output, words)
    if limit is not None:
        below = [e for e in entries if e.index < limit]
        if below:
            failing = [problem("R005", "below-fail-under", name=e.agency_name, limit=fail_under) for e in below]
            shell.fail([d.at(e.agency_where) for d, e in zip(failing, below, strict=True)], words)


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Criteria and assessment files, or folders (recursively).")],
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    output_format: Annotated[
        Optional[CheckFormat],
        typer.Option("--format", "-f", help="Output format (default: text; github under GitHub Actions)."),
    ] = None,
    output: OutputOption = None,
    jobs: JobsOption = None,
    no_cache: CheckNoCacheOption = False,
    lang: LangOption = None,
) -> None:
    """Check criteria and assessment files: every problem, located, with a stable code. Exit 1 on errors."""
    from functools import partial

    from par_cli.core.check_report import CheckReport, CheckStream
    from par_cli.services.checking import check_paths, check_stream
    from par_cli.services.surveys import SurveySource
    from par_cli.services.workspace import Workspace

    words = shell.language(lang)
    shell.run(lambda: jobs_value(jobs), words)
    shell.guard_output(output, words)
    workspace = partial(Workspace, survey=SurveySource(), kept_sets=not no_cache)  # one per worker process
    chosen = output_format or (CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text)
    from par_cli.views.check import report as checked
    from par_cli.views.check import streamed

    if output is None and chosen in (CheckFormat.text, CheckFormat.github):  # each file's problems as it is read
        hinted = chosen is CheckFormat.github  # the workers word each line as this format shows it
        stream = check_stream(paths, workspace(), strict, jobs, workspace, (words.now, hinted))
        report: CheckReport | CheckStream = stream
        shown = streamed(stream, words.now, hinted)
    else:  # a document, or a file written once it is whole: every problem held
        report = check_paths(paths, workspace(), strict, jobs, workspace)
        shown = checked(report, words.now())
    shell.emit(shell.write(shown, chosen.value, words), output, words)
    if report.failed():
        raise typer.Exit(1)


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which file kind.")],
    lang: LangOption = None,
) -> None:
    """Print the JSON Schema of a file kind, for YAML editors (yaml-language-server) to validate and complete."""
    from par_cli.core.json_schema import json_schema
    from par_cli.views.schema import report

    words = shell.language(lang)
    shell.emit(shell.write(report(kind.value, json_schema(kind.value), words.now()), "json", words), None, words)
