"""An agency's form, and its answers written back: a small stand-in for `serve.records` (engineer B's), kept to
the functions the agency's pages call so that the two can be swapped.

The form lists the set's leaves in file order: code, title, max, the rule's input hint, the self value as the
file writes it, the appraised value, the evidence named, the leaf's final points. A saved value is read the way a
person types it (`97,5`, `45/50`, `Có`/`Không`, blank) and written into `answers` (the file is written whole,
atomically; comments are not kept by this stand-in).
"""

from __future__ import annotations

import contextlib
import re
import threading
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from par_cli.core.diagnostics import ParError
from par_cli.core.model import CriteriaSet
from par_cli.core.scoring import NodeResult
from par_cli.core.tree import walk
from par_cli.io.output import write
from par_cli.readers.files import read_document
from par_cli.serve.folder import beside, stamp_of
from par_cli.services.workspace import Workspace
from par_cli.words.explain import input_hint


class Leaf(NamedTuple):
    code: str
    title: str
    depth: int
    leaf: bool
    max: Fraction
    hint: str
    self_text: str  # the self value as written in the file ("" when none)
    appraised_text: str
    evidence: tuple[str, ...]
    points: Fraction | None  # final points (None: not scored)
    allow_na: bool
    survey: bool  # scored from the survey's results: not the agency's to type


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, dict) and set(value) == {"done", "total"}:
        return f"{_shown(value['done'])}/{_shown(value['total'])}"
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, dict | list):
        return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True).strip()
    return str(value)


# libyaml's (PyYAML's wheels have it): ten times the pure-Python parser and emitter on a 160-answer file
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _raw(path: Path) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    return data if isinstance(data, dict) else {}


def _points(areas: tuple[NodeResult, ...]) -> dict[str, Fraction]:
    found: dict[str, Fraction] = {}
    stack = list(areas)
    while stack:
        node = stack.pop()
        found[node.code] = node.points
        stack.extend(node.children)
    return found


_FORMS: dict[tuple[Path, str], tuple[tuple[object, ...], list[Leaf]]] = {}
_FORMS_LOCK = threading.Lock()


def form(path: Path, lang: str) -> list[Leaf]:
    """Every node of the agency's set in file order, leaves with their inputs (none when the file names no set
    that can be read); made again only when the file or those beside it changed."""
    stamp = (stamp_of(path), *beside(path.parent))
    with _FORMS_LOCK:
        kept = _FORMS.get((path, lang))
    if kept is not None and kept[0] == stamp:
        return kept[1]
    made = _form(path, lang)
    with _FORMS_LOCK:
        _FORMS[(path, lang)] = (stamp, made)
    return made


def _form(path: Path, lang: str) -> list[Leaf]:
    workspace = Workspace()
    bound, _ = workspace.inspect_assessment(path)
    points: dict[str, Fraction] = {}
    if bound is not None:
        with contextlib.suppress(ParError):  # a file that binds but cannot be scored: shown without points
            points = _points(workspace.scored(bound).areas)
    criteria = bound.criteria if bound is not None else _criteria(workspace, path)
    if criteria is None:
        return []
    answers = _raw(path).get("answers") or {}
    rows = []
    for info in walk(criteria):
        node = info.node
        answer = answers.get(node.code) if isinstance(answers, dict) else None
        answer = answer if isinstance(answer, dict) else {"self": answer} if answer is not None else {}
        evidence = answer.get("evidence") or []
        rows.append(
            Leaf(
                node.code,
                node.title,
                info.depth,
                node.is_leaf,
                info.max_points,
                input_hint(node.rule, lang) if node.is_leaf and node.rule is not None else "",
                _shown(answer.get("self")),
                _shown(answer.get("appraised")),
                tuple(str(e) for e in evidence) if isinstance(evidence, list) else (str(evidence),),
                points.get(node.code),
                node.allow_na,
                info.source == "survey",
            )
        )
    return rows


def _criteria(workspace: Workspace, path: Path) -> CriteriaSet | None:
    """The set a file names, when the file cannot be bound to it (a wrong answer): the form is still shown whole."""
    doc, _ = read_document(path)
    if doc is None or not isinstance(doc.data, dict) or not isinstance(doc.data.get("criteria"), str):
        return None
    try:
        return workspace.criteria_for(doc.data["criteria"], doc, path).model
    except ParError:
        return None


_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)?")
YES, NO = {"có", "co", "yes", "true", "x", "đạt", "dat"}, {"không", "khong", "no", "false"}


def _number(text: str) -> int | float:
    value = Decimal(text.replace(",", "."))
    return int(value) if value == value.to_integral_value() else float(value)


def typed(text: str) -> Any:
    """A value as a person types it: `97,5` → 97.5, `45/50` → done/total, `Có`/`Không` → true/false; other
    text as it is (a level's key); blank → None (no answer)."""
    text = text.strip()
    if not text:
        return None
    if text.casefold() in YES:
        return True
    if text.casefold() in NO:
        return False
    done, slash, total = text.partition("/")
    try:
        if slash and _NUMBER.fullmatch(done.strip()) and _NUMBER.fullmatch(total.strip()):
            return {"done": _number(done.strip()), "total": _number(total.strip())}
        if _NUMBER.fullmatch(text):
            return _number(text)
    except InvalidOperation:
        return text
    return text


def write_answers(path: Path, values: dict[str, str], lang: str) -> list[tuple[str, str, str]]:
    """The self values given (code → text typed) written into the file; (field, before, after) of each change.
    Codes not in the form are ignored; an unchanged value leaves its answer as it is."""
    known = {row.code: row for row in form(path, lang) if row.leaf and not row.survey}
    data = _raw(path)
    answers = data.get("answers")
    if not isinstance(answers, dict):
        answers = data["answers"] = {}
    changes = []
    for code, text in values.items():
        row = known.get(code)
        if row is None or text.strip() == row.self_text.strip():
            continue
        answer = answers.get(code)
        answer = dict(answer) if isinstance(answer, dict) else {"self": answer} if answer is not None else {}
        value = typed(text)
        if value == answer.get("self"):  # `true` typed over `Có`: the same answer
            continue
        if value is None:
            answer.pop("self", None)
        else:
            answer["self"] = value
        if answer:
            answers[code] = answer
        else:
            answers.pop(code, None)
        changes.append((f"answers.{code}.self", row.self_text, _shown(value)))
    if changes:
        write(path, yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=120))
    return changes
