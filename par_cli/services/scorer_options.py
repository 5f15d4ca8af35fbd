"""What decides a file scorer's results besides the files, as text: part of the results cache's key."""

from __future__ import annotations

from typing import Any

from par_cli.core.diagnostics import ParError


def options_text(scorer: Any) -> str:  # a services.workspace.FileScorer (its module imports this one)
    """How a file scorer scores, besides the files: the set given on the command line (the bytes of the file the
    command reads for it: an id is found from the working folder, a link is followed), the survey results file's
    bytes, answers renumbered, what entries carry, the groups' leaders. Not how many processes score."""
    from par_cli.services.digests import file_digest

    workspace, leaders = scorer.workspace, scorer.leaders
    flags = (scorer.leaves, scorer.robust, scorer.nodes, scorer.cuts, scorer.group_by)
    given = workspace.override
    override = "each file's own"
    if given is not None:
        try:
            override = f"set {file_digest(workspace.named(given).path)}"
        except ParError:
            override = f"not found {given}"  # every file fails: nothing is kept
    survey = workspace.survey.path if workspace.survey is not None else None
    surveyed = f"{survey}:{file_digest(survey)}" if survey is not None else "beside"
    renames = sorted(workspace.renames.items()) if workspace.renames is not None else None
    shown = sorted(map(repr, leaders.items())) if isinstance(leaders, dict) else None
    return repr((override, surveyed, flags, renames, shown))
