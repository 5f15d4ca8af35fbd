"""Output formats of the commands without a view (par_cli/views): one module per format, each with the
functions of every such command it serves (`template`: YAML and the fillable workbook). `COMMAND_FORMATS` lists
the formats every command offers.

`renderer(command, format)` is the one dispatch: a command asks for its view in a format and gets the
function, or a `LookupError` (never a silent fallback). tests/test_architecture.py walks every pair the
commands offer. Modules are imported on demand, so a command loads only the renderer it uses. The formats
(`Format`) and the layout every output shares are the writers' (par_cli/writers): render uses them, never the
other way round.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from par_cli.writers import Format

MODULES: dict[Format, str] = {
    Format.xlsx: "xlsx",
    Format.yaml: "yaml",
}

COMMAND_FORMATS: dict[str, tuple[Format, ...]] = {
    "score": (Format.table, Format.json, Format.markdown, Format.csv, Format.html, Format.xlsx, Format.docx),
    "rank": (Format.table, Format.json, Format.csv, Format.markdown, Format.html, Format.xlsx, Format.docx),
    "explain": (Format.table, Format.json),
    "check": (Format.text, Format.json, Format.github, Format.sarif),
    "criteria_list": (Format.table,),
    "criteria_show": (Format.table,),
    "criteria_diff": (Format.table, Format.json),
    "rank_impact": (Format.table, Format.json),
    "template": (Format.yaml, Format.xlsx),
    "schema": (Format.json,),
    "survey_report": (Format.table, Format.json, Format.csv, Format.markdown, Format.html, Format.xlsx),
    "trend": (Format.table, Format.json, Format.csv, Format.markdown, Format.html, Format.docx),
    "gaps": (Format.table, Format.json, Format.csv, Format.markdown, Format.html, Format.xlsx, Format.docx),
    "appraisal_cuts": (Format.table, Format.json, Format.csv, Format.xlsx),
}


def renderer(command: str, format: str) -> Callable[[Any], Any]:
    """The function that renders `command`'s view in `format`."""
    chosen = Format(format)
    if chosen not in COMMAND_FORMATS.get(command, ()):
        raise LookupError(f"{command} has no {format} output")
    module = importlib.import_module(f"par_cli.render.{MODULES[chosen]}")
    view: Callable[[Any], Any] = getattr(module, command)
    return view
