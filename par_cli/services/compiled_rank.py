"""A ranking worker's fast path: an assessment file scored by its set's compiled plan (`core.compiled`).

Read and validated as the general path reads it (`services.workspace.Workspace.inspect_assessment`), then bound
and scored in one pass. Anything else, or any problem at all, is None: the general engine scores that file, so
errors and their places are the general engine's. `PAR_COMPILED=0` turns the fast path off (the reference).
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING, Any

from par_cli.core.compiled import (
    REFUSED,
    Leaf,
    Plan,
    answer_points,
    compile_set,
    ratio_points,
    score_given,
    score_plain,
)
from par_cli.core.diagnostics import ParError
from par_cli.core.numbers import TextNumber
from par_cli.io.output import reading
from par_cli.io.suffixes import is_form_file, kind_of_suffix
from par_cli.readers.files import display, read_document, wrong_kind
from par_cli.yamlengine import answer_lines
from par_cli.yamlengine import fast as yaml_fast
from par_cli.yamlengine.flow_json import Declined
from par_cli.yamlengine.source import MAX_BYTES, Document, decode

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from par_cli.core.compiled import Kinds
    from par_cli.core.model import CriteriaSet
    from par_cli.core.scoring import Score

_PLANS: dict[int, tuple[CriteriaSet, Plan | None]] = {}  # id of a set read in this process → it, and its plan
_ANSWERS: dict[int, tuple[Plan, dict[Any, Any]]] = {}  # id of a plan → it, and an entry (`answer_lines`) → points
MEMO = 20_000  # answers kept per plan (a figure read `{done, total}` is not kept: they seldom repeat)


def enabled() -> bool:
    return os.environ.get("PAR_COMPILED", "1") != "0"


def plan_of(criteria: CriteriaSet, nodes: Any) -> Plan | None:
    """The set's plan, compiled once per process (None: the set needs the general engine)."""
    held = _PLANS.get(id(criteria))
    if held is None or held[0] is not criteria:
        held = _PLANS[id(criteria)] = (criteria, compile_set(criteria, nodes))
    return held[1]


def compiled_score(
    scorer: Any, path: Path, validate: Callable[..., tuple[Any, Any]], kinds: Kinds
) -> tuple[Score, CriteriaSet] | None:
    """The score a ranking takes of one file (`services.workspace.FileScorer`), and its set; None: not here.
    `validate` (`core.formats`) and `kinds` (`core.scoring`) are the caller's: a layer below would be too deep."""
    if scorer.leaves or scorer.robust or scorer.nodes or scorer.cuts or scorer.leaders is not None or not enabled():
        return None
    workspace = scorer.workspace
    if workspace.renames is not None or is_form_file(path):
        return None
    doc, cut = read_cut(path)
    entries = cut[0] if cut is not None else None
    if doc is None or wrong_kind(doc, "assessment") is not None:
        return None
    model = validate("assessment", doc.data)[0]
    if model is None:
        return None
    try:
        criteria = workspace.criteria_for(model.criteria, doc, path)
        surveyed, said = workspace.with_survey(model, path, criteria)
        if surveyed is not model or said:
            return None  # survey results, given or found beside it (or their problems)
        if workspace.appraisals.apply(model, path, criteria.model.id, criteria.model.adjustments) is not model:
            return None  # values from appraisal files beside it
    except ParError:
        return None
    plan = plan_of(criteria.model, criteria.nodes)
    if plan is None:
        return None
    if entries is None:
        result = score_plain(plan, model, doc, kinds)
    else:
        given = _given(plan, entries)
        result = score_given(plan, model, doc, kinds, given) if given is not None else None
    return None if result is None else (result, criteria.model)


def read_cut(path: Path) -> tuple[Document | None, tuple[answer_lines.Entries, str] | None]:
    """The file's document, read as `read_document(path)` reads it, and its answers' entries with its text when
    `answer_lines.cut` could take them out of it (the document's `answers` then empty); (None, None): a problem
    (the general engine reports it). `services.compiled_check` reads with it too."""
    raw = _bytes(path)
    name = display(path)
    text = decode(raw, name)[0] if raw is not None and kind_of_suffix(name) != "json" else None
    cut = answer_lines.cut(text) if text is not None else None
    read = yaml_fast.values(cut[0], TextNumber) if cut is not None else None
    if text is None or cut is None or read is None or read[0].get("kind") != "assessment":
        doc, problems = read_document(path)
        return (None, None) if problems else (doc, None)
    reading(path)
    read[1].values.pop(("answers",), None)  # where `{}` stands in for the block: found in the text's tree if asked
    return Document(name, read[0], fast=(text, read[1])), (cut[1], text)


def _bytes(path: Path) -> bytes | None:
    """A regular file's bytes, read whole (one call mostly); None: anything else (`read_document` says what)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        status = os.fstat(handle)
        size = status.st_size
        if not stat.S_ISREG(status.st_mode) or size > MAX_BYTES:
            return None
        raw = os.read(handle, size + 1)
        while len(raw) <= size and (more := os.read(handle, size + 1 - len(raw))):
            raw += more
        return raw if len(raw) <= MAX_BYTES else None
    except OSError:
        return None
    finally:
        os.close(handle)


def _given(plan: Plan, entries: answer_lines.Entries) -> dict[str, Any] | None:
    """Each answered code's scaled points (`core.compiled.answer_points`), each answer's text worked out once per
    plan; None: an answer the general engine must read (refused, declined, a code twice or not a leaf)."""
    held = _ANSWERS.get(id(plan))
    if held is None or held[0] is not plan:
        held = _ANSWERS[id(plan)] = (plan, {})
    memo = held[1]
    figure = None
    given: dict[str, Any] = {}
    for entry in entries:
        points = memo.get(entry)
        if points is None:
            leaf = plan.by_code.get(entry[0])
            if leaf is None:
                return None
            ratios = answer_lines.done_totals(entry[1]) if leaf.ratio is not None and not leaf.survey else None
            points = _ratio_answer(leaf, *ratios) if ratios is not None else None
            if points is None:  # any other answer: read as the fast path reads it, scored as `score_plain` does
                figure = figure or answer_lines.reader(TextNumber)
                try:
                    points = answer_points(plan, leaf, answer_lines.read(entry, figure))
                except Declined:
                    return None
            if "{done" not in entry[1]:
                if len(memo) >= MEMO:
                    memo.clear()
                memo[entry] = points
        if points is REFUSED:
            return None
        given[entry[0]] = points
    return given if len(given) == len(entries) else None


def _ratio_answer(leaf: Leaf, done: int, total: int, appraised_done: int | None, appraised_total: int | None) -> Any:
    """`answer_points` of `{self: {done, total}, appraised: {done, total}}` (or self alone) on a percentage
    leaf, from the figures as integers; None: `answer_points` itself must say (a figure the rule refuses…)."""
    if appraised_done is None or appraised_total is None:
        return ratio_points(leaf, done, 1, total, 1)
    if done < 0 or total <= 0 or done > total:  # what `ratio_points` refuses of the answer's own figures
        return None
    return ratio_points(leaf, appraised_done, 1, appraised_total, 1)  # the points: the appraised figures
