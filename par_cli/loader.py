"""The only code that reads files: YAML → located values → models, and `criteria:` resolution.

Every problem of a file is collected and raised at once as a `ParError` of located diagnostics.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from par_cli.binding import Bound, bind
from par_cli.criteria_checks import check_criteria
from par_cli.diagnostics import Diagnostic, ParError, error, errors_only
from par_cli.models import Assessment, CriteriaSet
from par_cli.schema import validate
from par_cli.tree import NodeInfo, index
from par_cli.yamlsource import MAX_BYTES, Document, parse

YAML_SUFFIXES = (".yaml", ".yml")
_HEAD_BYTES = 4096
_KIND = re.compile(rb"^kind:[ \t]*['\"]?(criteria|assessment)\b", re.MULTILINE)
_ID = re.compile(rb"^id:[ \t]*['\"]?([A-Za-z0-9._-]+)", re.MULTILINE)


def builtin_dir() -> Path:
    """Built-in sets: inside the wheel (`par_cli/criteria`), or the repository's `criteria/` in a checkout."""
    packaged = Path(__file__).parent / "criteria"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "criteria"


def display(path: Path) -> str:
    """A path as the user knows it: relative to the working directory when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def read_document(path: Path, shown: str | None = None) -> tuple[Document | None, list[Diagnostic]]:
    name = shown or display(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        return None, [error("F001", "is a folder, not a file").located(name, 0, 0)]
    except FileNotFoundError:
        return None, [error("F001", "no such file").located(name, 0, 0)]
    except OSError as exc:
        return None, [error("F001", f"cannot read the file: {exc.strerror or exc}").located(name, 0, 0)]
    return parse(raw, name)


def _head(path: Path) -> bytes:
    """Enough of a file to tell its kind and id without parsing it: the first 4 KB, or the whole file when
    `kind:` is not in them (a long comment header); empty when unreadable."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
            if len(head) == _HEAD_BYTES and not _KIND.search(head):
                head += handle.read(MAX_BYTES)
    except OSError:
        return b""
    return head.removeprefix(b"\xef\xbb\xbf")


def file_kind(path: Path) -> str | None:
    """'criteria' / 'assessment' from the head of a file, without parsing it (None if not said there)."""
    match = _KIND.search(_head(path))
    return match.group(1).decode() if match else None


def _head_id(path: Path) -> str | None:
    head = _head(path)
    kind = _KIND.search(head)
    if kind is None or kind.group(1) != b"criteria":
        return None
    match = _ID.search(head)
    return match.group(1).decode() if match else None


def yaml_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
    except OSError:
        return []


def _wrong_kind(doc: Document, expected: str) -> Diagnostic | None:
    kind = doc.data.get("kind")
    if kind == expected:
        return None
    hint = f"a{'n' if expected[0] in 'aeiou' else ''} {expected} file starts with 'kind: {expected}'"
    if kind is None:
        return doc.place(error("S002", "missing field 'kind'", hint=hint))
    return doc.place(error("S002", f"kind is '{kind}', expected '{expected}'", ("kind",), hint=hint))


class LoadedCriteria(NamedTuple):
    model: CriteriaSet
    nodes: dict[str, NodeInfo]
    document: Document
    path: Path


def _criteria_from(doc: Document, problems: list[Diagnostic]) -> tuple[CriteriaSet | None, list[Diagnostic]]:
    wrong = _wrong_kind(doc, "criteria")
    if wrong is not None:
        return None, [*problems, wrong]
    model, schema_problems = validate("criteria", doc, skip={d.path for d in problems})
    problems = problems + schema_problems
    if model is not None:
        problems += check_criteria(model, doc)
    return model, problems


def check_criteria_file(path: Path) -> tuple[CriteriaSet | None, Document | None, list[Diagnostic]]:
    """Every diagnostic of a criteria file (errors, warnings and infos), for `par check`."""
    doc, problems = read_document(path)
    if doc is None:
        return None, None, problems
    model, problems = _criteria_from(doc, problems)
    return model, doc, [*doc.notes, *problems]


def load_criteria(path: Path) -> LoadedCriteria:
    doc, problems = read_document(path)
    if doc is None:
        raise ParError(problems)
    model, problems = _criteria_from(doc, problems)
    if model is None or errors_only(problems):
        raise ParError(errors_only(problems))
    return LoadedCriteria(model, index(model), doc, path)


class Workspace:
    """Loads assessments and the criteria sets they name, each criteria file once."""

    def __init__(self, override: Path | None = None) -> None:
        self.override = override
        self._criteria: dict[Path, LoadedCriteria | ParError] = {}
        self._ids: dict[Path, dict[str, list[Path]]] = {}

    def criteria(self, path: Path) -> LoadedCriteria:
        key = path.resolve()
        if key not in self._criteria:
            try:
                self._criteria[key] = load_criteria(path)
            except ParError as exc:
                self._criteria[key] = exc
        found = self._criteria[key]
        if isinstance(found, ParError):
            raise found
        return found

    def ids_in(self, folder: Path) -> dict[str, list[Path]]:
        key = folder.resolve()
        if key not in self._ids:
            ids: dict[str, list[Path]] = {}
            for candidate in yaml_files(folder):
                found = _head_id(candidate)
                if found is not None:
                    ids.setdefault(found, []).append(candidate)
            self._ids[key] = ids
        return self._ids[key]

    def search_folders(self, start: Path) -> Iterator[Path]:
        folder = start.resolve()
        while True:
            yield folder
            yield folder / "criteria"
            if folder.parent == folder:
                break
            folder = folder.parent
        yield builtin_dir()

    def resolve(self, reference: str, base: Path) -> Path | None:
        """A relative path (has a slash or a .yaml suffix), or an id beside the file, in its parents or built in."""
        if "/" in reference or "\\" in reference or reference.endswith(YAML_SUFFIXES):
            candidate = (base / reference).resolve()
            return candidate if candidate.is_file() else None
        for folder in self.search_folders(base):
            paths = self.ids_in(folder)
            if reference in paths:
                matches = paths[reference]
                if len(matches) > 1:
                    names = " and ".join(display(p) for p in matches)
                    raise ParError(
                        [
                            error("R002", f"criteria id '{reference}' is defined twice: {names}").located(
                                display(matches[1]), 1, 1
                            )
                        ]
                    )
                return matches[0]
        return None

    def assessment(self, path: Path) -> Bound:
        """Read, validate and bind one assessment file; ParError with all its errors otherwise."""
        bound, problems = self.inspect_assessment(path)
        errors = errors_only(problems)
        if bound is None or errors:
            raise ParError(errors)
        return bound

    def inspect_assessment(self, path: Path) -> tuple[Bound | None, list[Diagnostic]]:
        """Every problem of one assessment file (errors and YAML warnings), and the bound result when usable."""
        doc, problems = read_document(path)
        if doc is None:
            return None, problems
        notes = list(doc.notes)
        wrong = _wrong_kind(doc, "assessment")
        if wrong is not None:
            return None, [*problems, wrong, *notes]
        reported = {d.path for d in problems}
        model, schema_problems = validate("assessment", doc, skip=reported)
        problems += schema_problems
        if model is None:
            return None, problems + notes
        try:
            criteria = self.criteria_for(model, doc, path)
        except ParError as exc:
            return None, problems + list(exc.diagnostics) + notes
        bound, bind_problems = bind(criteria.model, criteria.nodes, model, doc)
        problems += [d for d in bind_problems if not any(d.path[: len(r)] == r for r in reported)]
        return (bound if not errors_only(problems) else None), problems + notes

    def criteria_for(self, model: Assessment, doc: Document, path: Path) -> LoadedCriteria:
        if self.override is not None:
            return self.criteria(self.override)
        resolved = self.resolve(model.criteria, path.parent)
        if resolved is None:
            raise ParError(
                [
                    doc.place(
                        error(
                            "R001",
                            f"criteria set '{model.criteria}' not found",
                            ("criteria",),
                            hint="give a relative path, an id defined in a 'kind: criteria' file in this folder or "
                            "a parent, or a built-in id (`par criteria list`); or use --criteria PATH",
                        )
                    )
                ]
            )
        return self.criteria(resolved)


def load_previous_ranks(path: Path) -> dict[tuple[str | None, str], int]:
    """(group, agency id) → rank, from a JSON file written by `par rank --format json`."""
    import json

    name = display(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ParError([error("F001", f"cannot read the file: {exc.strerror or exc}").located(name, 0, 0)]) from None
    except UnicodeDecodeError:
        raise ParError([error("Y006", "not UTF-8 text", hint="save the file as UTF-8").located(name, 1, 1)]) from None
    except json.JSONDecodeError as exc:
        raise ParError([error("J001", f"invalid JSON: {exc.msg}").located(name, exc.lineno, exc.colno)]) from None
    ranks: dict[tuple[str | None, str], int] = {}
    problems = []
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise ParError(
            [
                error(
                    "J002", 'not a ranking: expected {"groups": [...]} as written by `par rank --format json`'
                ).located(name, 1, 1)
            ]
        )
    for g, group in enumerate(groups):
        rows = group.get("rows") if isinstance(group, dict) else None
        label = group.get("group") if isinstance(group, dict) else None
        if not isinstance(rows, list) or not (label is None or isinstance(label, str)):
            problems.append(error("J002", f"groups[{g}]: expected a group with 'group' and 'rows'").located(name, 1, 1))
            continue
        for r, row in enumerate(rows):
            agency = row.get("agency") if isinstance(row, dict) else None
            agency_id = agency.get("id") if isinstance(agency, dict) else None
            rank = row.get("rank") if isinstance(row, dict) else None
            if not isinstance(agency_id, str) or not isinstance(rank, int) or isinstance(rank, bool) or rank < 1:
                problems.append(
                    error("J002", f"groups[{g}].rows[{r}]: expected a rank (a whole number ≥ 1) and agency.id").located(
                        name, 1, 1
                    )
                )
                continue
            ranks[(label, agency_id)] = rank
    if problems:
        raise ParError(problems)
    return ranks


def find_criteria(reference: str, base: Path | None = None) -> LoadedCriteria:
    """A criteria set named on the command line: a file path, else an id beside `base`, in its parents or built in."""
    path = Path(reference)
    if path.is_file():
        return load_criteria(path)
    workspace = Workspace()
    resolved = workspace.resolve(reference, base or Path.cwd()) if "/" not in reference else None
    if resolved is None:
        raise ParError(
            [
                error(
                    "R001",
                    f"criteria set '{reference}' not found",
                    hint="give a file path or an id; `par criteria list` shows the built-in sets",
                ).located(reference, 0, 0)
            ]
        )
    return workspace.criteria(resolved)


def builtin_sets() -> list[LoadedCriteria]:
    """Every criteria set shipped with par (each must load: the test suite checks it)."""
    return [load_criteria(path) for path in yaml_files(builtin_dir())]
