"""What a `.json` file says it is: its top-level `kind`, read by the JSON reader (far quicker than YAML's on the
large files a folder may keep beside the assessments, a ranking `par rank -f json` wrote).

Kept apart from `readers.files` (the YAML reader): `io.output` asks it too, on a .json path it would write."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

MAX_BYTES = 5 * 1024 * 1024  # io.yamlsource's limit (not imported: `io.output` stays low): Y009 when read
SUPPORT_KINDS = (
    "criteria",
    "survey",
    "survey-design",
    "appraisal",
    "office",
)  # files beside the assessments, never scored
PAR_KINDS = ("assessment", *SUPPORT_KINDS)  # what a `.json` file in a folder must say it is to be read there
# compiled on the first file that is not JSON (`re`'s cache): not at start-up, which most commands never need
_SAID = rb'"kind"[ \t\r\n]*:[ \t\r\n]*"(criteria|assessment|survey-design|survey|appraisal|office)"'


def _raw(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError:
        return b""


def json_data(path: Path, raw: bytes | None = None) -> Any:
    """A JSON file's value; None when it cannot be read as JSON (or is larger than an input may be)."""
    import json  # not at start-up: every command imports this module, few read a .json file

    raw = _raw(path) if raw is None else raw
    try:
        return json.loads(raw.decode("utf-8-sig")) if len(raw) <= MAX_BYTES else None
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return None


def json_kind_and_id(path: Path) -> tuple[str | None, str | None]:
    """A JSON file's `kind` and (for criteria) `id`, from its top-level object. A file that is not valid JSON but
    says `"kind": "assessment"` (or another par kind) has that kind: read as one, its reader says what is wrong
    at its place, never left out."""
    raw = _raw(path)
    data = json_data(path, raw)
    if not isinstance(data, dict):
        said = re.compile(_SAID).search(raw, 0, 4096) if data is None else None
        return (said.group(1).decode(), None) if said is not None else (None, None)
    kind, found_id = data.get("kind"), data.get("id")
    if not isinstance(kind, str):
        return None, None
    return kind, str(found_id) if kind == "criteria" and isinstance(found_id, str | int) else None


def is_ranking_json(path: Path) -> bool:
    """A ranking `par rank --format json` wrote (its `groups` of `rows`), which an office may keep beside the
    assessments it ranks."""
    data = json_data(path)
    groups = data.get("groups") if isinstance(data, dict) and "kind" not in data else None
    return isinstance(groups, list) and all(isinstance(g, dict) and "rows" in g for g in groups)
