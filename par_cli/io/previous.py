"""Last year's ranks from a JSON file written by `par rank --format json`."""

from __future__ import annotations

import json
from pathlib import Path

from par_cli.core.diagnostics import Diagnostic, DocPath, LineCol, ParError, msg, problem
from par_cli.io.files import display, not_a_file, unreadable
from par_cli.io.yamlsource import parse


class _Places:
    """Lines and columns of paths in the JSON text (JSON is YAML, so the YAML source map locates them)."""

    def __init__(self, raw: bytes, name: str) -> None:
        self.name = name
        self.document = parse(raw, name)[0]

    def at(self, path: DocPath) -> LineCol:
        return self.document.locate(path) if self.document is not None else LineCol(self.name, 1, 1)


def load_previous_ranks(path: Path) -> dict[tuple[str | None, str], int]:
    """(group, agency id in lower case) → rank."""
    name = display(path)
    odd = not_a_file(path)
    if odd is not None:
        raise ParError([odd])
    try:
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8-sig"))
    except OSError as exc:
        raise ParError([unreadable(name, exc)]) from None
    except UnicodeDecodeError:
        raise ParError([problem("Y006", "not-utf8", hint=msg("hint.save-utf8")).at(LineCol(name, 1, 1))]) from None
    except json.JSONDecodeError as exc:
        raise ParError(
            [problem("J001", "invalid-json", detail=exc.msg).at(LineCol(name, exc.lineno, exc.colno))]
        ) from None
    except RecursionError:
        raise ParError([problem("J001", "too-deep", depth=1000).at(LineCol(name, 1, 1))]) from None
    places = _Places(raw, name)
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise ParError([problem("J002", "not-a-ranking").at(places.at(("groups",)))])
    ranks: dict[tuple[str | None, str], int] = {}
    problems: list[Diagnostic] = []
    for g, group in enumerate(groups):
        rows = group.get("rows") if isinstance(group, dict) else None
        label = group.get("group") if isinstance(group, dict) else None
        if not isinstance(rows, list) or not (label is None or isinstance(label, str)):
            problems.append(problem("J002", "ranking-group", where=f"groups[{g}]").at(places.at(("groups", g))))
            continue
        for r, row in enumerate(rows):
            agency = row.get("agency") if isinstance(row, dict) else None
            agency_id = agency.get("id") if isinstance(agency, dict) else None
            rank = row.get("rank") if isinstance(row, dict) else None
            if not isinstance(agency_id, str) or not isinstance(rank, int) or isinstance(rank, bool) or rank < 1:
                where = places.at(("groups", g, "rows", r))
                problems.append(problem("J002", "ranking-row", where=f"groups[{g}].rows[{r}]").at(where))
                continue
            ranks[(label, agency_id.casefold())] = rank
    if problems:
        raise ParError(problems)
    return ranks
