"""The council's side of an agency: the leaves a member's appraiser owns (`core.appraisal.owner`; the leaves no
`appraiser:` names are the council's, `hoi-dong`), self-assessed against appraised with the reasons, the rounds
and the evidence, and the appraiser's values saved into `tham-dinh-<appraiser>.yaml` as `par appraisal read`
writes it (one file per appraiser for the whole folder). In a later round, a changed value keeps the earlier
one as `first_appraisal` (never written over)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from par_cli.core.appraisal import COUNCIL, appraisal_problems, fields_of, owner
from par_cli.core.diagnostics import LineCol, ParError, msg, placed, problem
from par_cli.core.formats import validate
from par_cli.core.model import periods_agree
from par_cli.core.rules.base import NOT_APPLICABLE, InputError
from par_cli.core.rules.relative import RelativeRule
from par_cli.core.survey import SurveyShare
from par_cli.io.output import write
from par_cli.readers.form_cells import CellReader, Raw
from par_cli.serve import council_reasons as reasons
from par_cli.serve.folder_index import form as folder_form
from par_cli.serve.form_input import bounded, clean_text
from par_cli.serve.form_model import Field, Form, long_form, own_answers
from par_cli.serve.records import Refused, lock_for, page_hints, refused_changed, version_of, worded
from par_cli.serve.saving import Change, Saved
from par_cli.serve.yaml_lines import flow, key_text
from par_cli.services.workspace import Workspace
from par_cli.words.codes import errors_only
from par_cli.yamlengine import fast as yaml_fast
from par_cli.yamlengine.source import parse


@dataclass(frozen=True)
class Leaf:
    """A leaf as the council sees it: the agency's answer beside the appraisal, and whether this member may
    appraise it here (its appraiser's; not held in the assessment file itself)."""

    field: Field
    editable: bool
    held_in_assessment: bool  # the assessment file gives its appraisal itself: changed there, not here
    reason_before: str = ""  # a later round: round 1's reason, shown read-only (never edited in this round)
    reason_now: str = ""  # the reason box's text: this round's words only


@dataclass(frozen=True)
class CouncilAgency:
    form: Form
    appraiser: str | None  # None: every appraiser's leaves (the office)
    leaves: tuple[Leaf, ...]
    file: str  # the appraisal file the member's values go to
    version: str  # the version of this agency's values in it (`entry_version`)


def appraisal_path(folder: Path, appraiser: str, criteria_id: str, period: str | None) -> Path:
    """The appraiser's file for this set and period: the one the folder has, else `tham-dinh-<appraiser>.yaml`."""
    for appraisal in Workspace().appraisals.in_folder(folder):
        file = appraisal.file
        if file is None or file.appraiser != appraiser:
            continue
        if appraisal.criteria_id == criteria_id and periods_agree(file.period, period):
            return folder / Path(appraisal.name).name
    return folder / f"tham-dinh-{appraiser}.yaml"


def council_agency(
    folder: Path, path: Path, appraiser: str | None, lang: str, round_number: int = 1
) -> CouncilAgency | None:
    """The agency of assessment file `path` as `appraiser` appraises it (None: all leaves, read only), in round
    `round_number` (a later round shows round 1's reason apart from its own)."""
    bound, _ = Workspace().inspect_assessment(path)
    form = folder_form(folder, path, lang)  # kept while its files are unchanged; `relative` leaves as ranked
    if form is None or bound is None:
        return None
    origin = getattr(bound.origin, "data", None)
    raw_answers = own_answers(origin) if isinstance(origin, dict) else _plain_answers(path)
    leaves = []
    for field in form.fields:
        who = owner(field.code, bound.nodes) or COUNCIL
        if appraiser is not None and who != appraiser:
            continue
        held = any(long_form(raw_answers.get(field.code)).get(f) is not None for f in ("appraised", "first_appraisal"))
        editable = appraiser is not None and field.kind != "survey" and not held and field.applicable
        before, now = reasons.split(field.appraisal_reason, round_number)
        leaves.append(Leaf(field, editable, held, before, now))
    where = appraisal_path(folder, appraiser or COUNCIL, bound.criteria.id, bound.assessment.period)
    raw = where.read_bytes() if where.exists() else b""
    version = entry_version(_appraisal_data(raw, where.name), bound.assessment.agency.id)
    return CouncilAgency(form, appraiser, tuple(leaves), where.name, version)


def entry_version(data: dict[str, Any], agency_id: str) -> str:
    """The version of one agency's values in an appraisal file: members saving other agencies into the same
    appraiser's file do not refuse each other's saves; a save over values changed since is refused."""
    agencies = data.get("agencies")
    found = agencies if isinstance(agencies, dict) else {}
    entry = next((value for key, value in found.items() if str(key).casefold() == agency_id.casefold()), None)
    head = (data.get("criteria"), data.get("period"))
    return version_of(f"{flow([str(v) for v in head])}\n{flow(entry)}".encode())


def _plain_answers(path: Path) -> dict[str, Any]:
    try:
        doc, _ = parse(path.read_bytes(), path.name, fast=yaml_fast.values)
    except OSError:
        return {}
    found = doc.data.get("answers") if doc is not None else None
    return found if isinstance(found, dict) else {}


def save_appraisal(
    folder: Path,
    path: Path,
    appraiser: str,
    version: str,
    given: Mapping[str, str],
    round_number: int,
    lang: str,
) -> Saved:
    """The member's values for the agency of `path` (`appraised-CODE`, `reason-CODE`) into its appraiser's file,
    whose page showed `version`; refused (nothing written) on a version conflict or a value its rule refuses."""
    seen = council_agency(folder, path, appraiser, lang, round_number)
    if seen is None:
        raise Refused(msg("serve.records.unreadable", file=path.name))
    workspace = Workspace()
    bound, _ = workspace.inspect_assessment(path)
    assert bound is not None  # council_agency read it
    target = appraisal_path(folder, appraiser, bound.criteria.id, bound.assessment.period)
    with lock_for(target):
        raw = target.read_bytes() if target.exists() else b""
        data = _appraisal_data(raw, target.name)
        if entry_version(data, bound.assessment.agency.id) != version:
            raise refused_changed(target)
        agencies = data.get("agencies")
        agencies = dict(agencies) if isinstance(agencies, dict) else {}
        agency_id = next((k for k in agencies if str(k).casefold() == bound.assessment.agency.id.casefold()), None)
        agency_id = agency_id or bound.assessment.agency.id
        mine = dict(agencies.get(agency_id) or {})
        problems: list[Any] = []
        reader = CellReader(problems)
        where = LineCol(target.name)
        changes: list[Change] = []
        for leaf in seen.leaves:
            code = leaf.field.code
            typed = given.get(f"appraised-{code}")
            if typed is None or not leaf.editable:
                continue
            typed_reason = given.get(f"reason-{code}")  # absent: the reason stays; blank: none
            at = ("agencies", agency_id, code, "reason")
            own = None if typed_reason is None else bounded(typed_reason, at, code, problems, where)
            own = None if own is None else reasons.own_words(own, leaf.reason_before, round_number)
            if _as_shown(typed, leaf.field) and own in (None, leaf.reason_now):
                continue  # the value the page showed, untouched: never read again, never refused
            value = _read(reader, typed, code, bound, where, agency_id)
            old = fields_of(mine[code]) if mine.get(code) is not None else {}  # `{done: 18, total: 20}`: a value
            reason = None if own is None else reasons.composed(leaf.reason_before, own, round_number, lang)
            if value is not None and _cut(bound, code, value):
                changed = flow(old.get("appraised")) != flow(value)
                said = own if round_number > 1 and changed else (leaf.field.appraisal_reason if own is None else reason)
                if not said:
                    problems.append(problem("A003", "serve.council.cut-needs-reason", at, code=code).at(where))
            new = _appraised(old, value, reason, round_number)
            if flow(old) == flow(new):
                continue
            for name in sorted(set(old) | set(new)):
                was, now = (flow(old[name]) if name in old else ""), (flow(new[name]) if name in new else "")
                if was != now:
                    changes.append(Change(target.name, f"agencies.{agency_id}.{code}.{name}", was, now))
            if new:
                mine[code] = new["appraised"] if set(new) == {"appraised"} else new
            else:
                mine.pop(code, None)
        refused = errors_only(problems)
        if not changes and not refused:
            return Saved((), version, ())
        if mine:
            agencies[agency_id] = mine
        else:
            agencies.pop(agency_id, None)
        text = _in_place(raw, agency_id, mine, agencies) if raw and mine else None
        if text is None:  # a new file, or the agency's last value gone: the file written as a whole
            criteria = data.get("criteria") or bound.assessment.criteria
            period = data.get("period", bound.assessment.period)
            text = appraisal_text(str(criteria), appraiser, None if period is None else str(period), agencies)
            text = _comments_above(raw) + text
        refused += _check(workspace, target, text, bound, lang) if changes else []
        if refused:  # every problem at once: unreadable values, values the rule refuses, missing reasons
            raise Refused(msg("serve.records.not-saved"), worded(page_hints(refused), lang))
        write(target, text)
        written = _appraisal_data(text.encode("utf-8"), target.name)
        return Saved(tuple(changes), entry_version(written, bound.assessment.agency.id), ())


def _in_place(raw: bytes, agency_id: str, mine: dict[str, Any], agencies: dict[str, Any]) -> str | None:
    """The appraisal file's text with only this agency's entry written again (one line), every other line —
    comments, the other agencies as they were written — kept; None when it does not read back as meant."""
    from par_cli.serve.yaml_lines import rewrite

    old = raw.decode("utf-8-sig")
    windows = "\r\n" in old
    try:
        text = rewrite(old.replace("\r\n", "\n"), "agencies", {agency_id: mine}, list(agencies), agencies)
        data = _appraisal_data(text.encode("utf-8"), "appraisal")
    except (Refused, ValueError, yaml.YAMLError):
        return None
    found = data.get("agencies")
    if not isinstance(found, dict) or flow(found.get(agency_id)) != flow(mine) or set(found) != set(agencies):
        return None
    text = text.replace("\n", "\r\n") if windows else text
    return ("\ufeff" if raw.startswith(b"\xef\xbb\xbf") else "") + text


def _as_shown(typed: str, field: Field) -> bool:
    """The text the page put in the field (a level by its key or its label)."""
    text = clean_text(typed)
    return text == field.appraised_text or (bool(text) and field.label_of(text) == field.appraised_text)


def _appraised(old: dict[str, Any], value: Any, reason: str | None, round_number: int) -> dict[str, Any]:
    """The leaf's appraisal once `value` and `reason` are saved in round `round_number`. A later round changing
    the value keeps the first round's as `first_appraisal`; its reason was kept in the reason's text ("Vòng 1: …;
    Vòng 2: …", `council_reasons`): an appraisal file has one `reason` field and no place for two."""
    new = dict(old)
    if value is None:
        return {}
    if (
        round_number > 1
        and "appraised" in old
        and "first_appraisal" not in old
        and flow(old["appraised"]) != flow(value)
    ):
        new["first_appraisal"] = old["appraised"]  # the first round's value, kept once for all
    new["appraised"] = value
    if reason:
        new["reason"] = reason
    elif reason is not None:
        new.pop("reason", None)
    return new


def _cut(bound: Any, code: str, value: Any) -> bool:
    """Whether appraised input `value` gives the leaf fewer points than the agency's own input (a `relative`
    leaf: a worse value than the agency's, whoever leads its group)."""
    info = bound.nodes.get(code)
    answer = bound.answers.get(code)
    own = answer.self_value if answer is not None else None
    if info is None or own is None or own is NOT_APPLICABLE or isinstance(own, SurveyShare):
        return False
    rule = info.node.scoring_rule
    try:
        read = rule.read(value, info.node.max)
        if isinstance(rule, RelativeRule):
            return bool(read < own if rule.better == "higher" else read > own)
        return bool(rule.points(read, info.max_points) < rule.points(own, info.max_points))
    except (InputError, TypeError):
        return False


def _read(reader: CellReader, typed: str, code: str, bound: Any, where: LineCol, agency_id: str) -> Any:
    text = clean_text(typed)
    if not text:
        return None
    info = bound.nodes.get(code)
    rule = info.node.scoring_rule if info is not None else None
    path = ("agencies", agency_id, code, "appraised")
    value = reader.input(Raw(text, where), path, rule)
    if value == "na":  # applicability is the agency's answer, never the council's
        reader.problems.append(problem("A003", "council-na", path, msg("hint.council-na"), code=code).at(where))
        return None
    return value


def _appraisal_data(raw: bytes, name: str) -> dict[str, Any]:
    if not raw:
        return {}
    doc, _ = parse(raw, name, fast=yaml_fast.values)
    if doc is None:
        raise Refused(msg("serve.records.unreadable", file=name))
    return doc.data


def appraisal_text(criteria: str, appraiser: str, period: str | None, agencies: dict[str, Any]) -> str:
    """An appraisal file as `par appraisal read` writes it: one agency a block, one criterion a line."""
    lines = ["kind: appraisal", f"criteria: {flow(criteria)}", f"appraiser: {flow(appraiser)}"]
    if period is not None:
        lines.append(f"period: {period if period.isdigit() else flow(period)}")
    lines.append("agencies:" if agencies else "agencies: {}")
    for agency, answers in agencies.items():
        lines.append(f"  {key_text(agency)}:")
        lines += [f"    {flow(str(code))}: {flow(value)}" for code, value in answers.items()]
    return "\n".join(lines) + "\n"


def _comments_above(raw: bytes) -> str:
    """The comment lines the file begins with (what it is, who wrote it): kept above the values written again."""
    kept = []
    for line in raw.decode("utf-8-sig", errors="replace").split("\n"):
        if not line.startswith("#"):
            break
        kept.append(line + "\n")
    return "".join(kept)


def _check(workspace: Workspace, target: Path, text: str, bound: Any, lang: str) -> list[Any]:
    """The errors `par check` finds in the new appraisal file (refused at once when it does not read)."""
    doc, problems = parse(text.encode("utf-8"), target.name, fast=yaml_fast.values)
    if doc is None:
        raise Refused(msg("serve.records.not-written", file=target.name), worded(problems, lang))
    value, schema = validate("appraisal", doc.data)
    found = placed(doc, schema)
    if value is not None:
        try:
            found += placed(doc, appraisal_problems(value, bound.criteria, bound.nodes))
        except ParError as exc:
            found += exc.diagnostics
    return errors_only(found)
