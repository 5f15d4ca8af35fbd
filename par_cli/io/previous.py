"""Last year's ranks from a JSON file written by `par rank --format json`."""

from __future__ import annotations

import json
from pathlib import Path

from par_cli.core.diagnostics import Diagnostic, LineCol, ParError, msg, problem
from par_cli.io.files import display, unreadable


def load_previous_ranks(path: Path) -> dict[tuple[str | None, str], int]:
    """(group, agency id) → rank."""
    name = display(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ParError([unreadable(name, exc)]) from None
    except UnicodeDecodeError:
        raise ParError([problem("Y006", "not-utf8", hint=msg("hint.save-utf8")).at(LineCol(name, 1, 1))]) from None
    except json.JSONDecodeError as exc:
        raise ParError(
            [problem("J001", "invalid-json", detail=exc.msg).at(LineCol(name, exc.lineno, exc.colno))]
        ) from None
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise ParError([problem("J002", "not-a-ranking").at(LineCol(name, 1, 1))])
    ranks: dict[tuple[str | None, str], int] = {}
    problems: list[Diagnostic] = []
    for g, group in enumerate(groups):
        rows = group.get("rows") if isinstance(group, dict) else None
        label = group.get("group") if isinstance(group, dict) else None
        if not isinstance(rows, list) or not (label is None or isinstance(label, str)):
            problems.append(problem("J002", "ranking-group", where=f"groups[{g}]").at(LineCol(name, 1, 1)))
            continue
        for r, row in enumerate(rows):
            agency = row.get("agency") if isinstance(row, dict) else None
            agency_id = agency.get("id") if isinstance(agency, dict) else None
            rank = row.get("rank") if isinstance(row, dict) else None
            if not isinstance(agency_id, str) or not isinstance(rank, int) or isinstance(rank, bool) or rank < 1:
                where = f"groups[{g}].rows[{r}]"
                problems.append(problem("J002", "ranking-row", where=where).at(LineCol(name, 1, 1)))
                continue
            ranks[(label, agency_id)] = rank
    if problems:
        raise ParError(problems)
    return ranks
