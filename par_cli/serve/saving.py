"""An agency's form saved into its assessment file: version checked, typed values read, the new text checked
as `par check` checks the file, then written atomically (`io.output.write`), under the file's lock. The answers
not changed keep their text, and every other line of the file (its comments, details) stays; each changed field
is returned for the audit log (file, field, before, after). A refusal writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from par_cli.core.diagnostics import Diagnostic, msg
from par_cli.io.output import write
from par_cli.serve.form_input import read_submission
from par_cli.serve.form_model import Form, build_form, long_form, own_answers
from par_cli.serve.records import (
    Problem,
    Refused,
    inspect_bytes,
    lock_for,
    page_hints,
    refused_changed,
    relative_name,
    version_of,
    worded,
)
from par_cli.serve.yaml_lines import flow, rewrite
from par_cli.services.workspace import Workspace
from par_cli.words.codes import errors_only
from par_cli.yamlengine import fast as yaml_fast
from par_cli.yamlengine.source import parse

if TYPE_CHECKING:
    from par_cli.core.binding import Bound


@dataclass(frozen=True)
class Change:
    """One field changed by a save, for the audit log: `before` and `after` as the file writes them ("": none)."""

    file: str
    field: str  # `answers.1.1.self`, `adjustments.T.self`, `agencies.so-noi-vu.1.1.appraised`
    before: str
    after: str


class Written(NamedTuple):
    """What a save wrote, as `records.inspect_file` reads it (no need to read it again): the file's bytes, bound
    to its set, every problem `par check` finds in it, and its stamp (modification time ns, size, inode) just
    after the write, under the file's lock."""

    bound: Bound
    problems: tuple[Diagnostic, ...]
    raw: bytes
    stamp: tuple[int, int, int] | None


@dataclass(frozen=True)
class Saved:
    """What a save did: the changes (none: nothing written), the file's version now, and its problems now;
    `written`: the file written (None: nothing written), for its record and form."""

    changes: tuple[Change, ...]
    version: str
    problems: tuple[Problem, ...]
    written: Written | None = None


def merged_answer(old: Any, given: dict[str, Any]) -> dict[str, Any]:
    """The answer's fields with those the submission gives: a cleared field leaves the answer (a `self: null`
    and an `evidence: []` the blank form wrote are kept); N/A ticked drops the input, unticked its reason."""
    fields = long_form(old)
    new = dict(fields)
    for name in ("self", "evidence", "explanation"):
        if name not in given:
            continue
        value = given[name]
        if value is not None and value != []:
            new[name] = value
        elif name == "self" and "self" in new and new["self"] is None:
            continue
        elif name == "evidence" and "evidence" in new:
            new["evidence"] = []
        else:
            new.pop(name, None)
    if given.get("na", fields.get("na") is True):
        new["na"] = True
        new.pop("self", None)
        if "reason" in given:
            if given["reason"]:
                new["reason"] = given["reason"]
            else:
                new.pop("reason", None)
    else:
        new.pop("na", None)
        if fields.get("na") is True:
            new.pop("reason", None)
    return new


def _same(old: Any, new: dict[str, Any]) -> bool:
    return flow(long_form(old)) == flow(new)


def _written(old: Any, new: dict[str, Any]) -> Any:
    """The value to write: the short form when the file had it and only an input is left."""
    short = old is not None and not isinstance(old, dict)
    if short and set(new) == {"self"} and new["self"] is not None:
        return new["self"]
    if short and new == {"na": True}:
        return "na"
    return new


def _changes(file: str, section: str, code: str, old: Any, new: dict[str, Any]) -> list[Change]:
    before, out = long_form(old), []
    for name in sorted(set(before) | set(new)):
        was = flow(before[name]) if name in before else ""
        now = flow(new[name]) if name in new else ""
        if was != now:
            out.append(Change(file, f"{section}.{code}.{name}", was, now))
    return out


def save_form(
    folder: Path,
    path: Path,
    version: str,
    given: Mapping[str, str],
    lang: str,
    shown: Form | None = None,
    workspace: Workspace | None = None,
    kept: Callable[[Written], None] | None = None,
) -> Saved:
    """Save the submitted fields `given` into the assessment `path` whose page showed `version`. Refused (with
    the problems, in `lang`, nothing written): the file changed since (VersionConflict), a value that cannot be
    read, or a file `par check` would refuse once written. `shown`: the form the page was made from, used when
    it is the form of the file's bytes now (its version), else made again; `workspace`: the one to read with;
    `kept`: called with what was written, right after the write, before the file's lock is let go."""
    with lock_for(path):
        try:
            raw = path.read_bytes()
        except OSError:
            raise Refused(msg("serve.records.unreadable", file=path.name)) from None
        if version_of(raw) != version:
            raise refused_changed(path)
        form = shown if shown is not None and shown.agency.version == version else None
        form = form or build_form(folder, path, lang, workspace)
        if form is None:
            raise Refused(msg("serve.records.unreadable", file=path.name))
        submitted, problems = read_submission(form, given)
        unread = errors_only(problems)  # refused, with what `par check` finds in the rest once written
        _drop(submitted, unread)
        text = raw.decode("utf-8-sig")
        windows = "\r\n" in text  # a file saved on Windows keeps its line ends
        new_text, changes = _new_text(form, text.replace("\r\n", "\n"), submitted, relative_name(folder, path))
        new_text = new_text.replace("\n", "\r\n") if windows else new_text
        if not changes and not unread:
            return Saved((), version, form.problems + tuple(p for f in form.fields for p in f.problems))
        new_raw = new_text.encode("utf-8")
        if raw.startswith(b"\xef\xbb\xbf"):
            new_raw = b"\xef\xbb\xbf" + new_raw
        bound, found = inspect_bytes(workspace or Workspace(), path, new_raw)
        if unread or bound is None or errors_only(found):  # every problem of the answers sent, at once
            refusal = [*unread, *errors_only(found)] or found
            raise Refused(msg("serve.records.not-saved"), worded(page_hints(refusal), lang))
        write(path, new_raw)
        written = Written(bound, tuple(found), new_raw, _stamp(path, len(new_raw)))
        if kept is not None:
            kept(written)  # still under the lock: a page that finds the file changed waits for its record
        return Saved(tuple(changes), version_of(new_raw), worded([*problems, *found], lang), written)


def _stamp(path: Path, size: int) -> tuple[int, int, int] | None:
    """The file's stamp just after it was written with `size` bytes (None: it is not that file now)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size, found.st_ino) if found.st_size == size else None


def _drop(submitted: dict[str, dict[str, Any]], unread: list[Diagnostic]) -> None:
    """The fields that could not be read left out of the submission (the file keeps their values), so that the
    rest is checked as it would be written: a refused save says every problem of what was sent at once."""
    for problem in unread:
        if len(problem.path) < 3 or problem.path[0] not in ("answers", "adjustments"):
            continue
        section, code, name = problem.path[:3]
        key = str(code) if section == "answers" else f"adjustment:{code}"
        submitted.get(key, {}).pop(str(name), None)


def _new_text(form: Form, text: str, submitted: dict[str, dict[str, Any]], file: str) -> tuple[str, list[Change]]:
    doc, _ = parse(text.encode("utf-8"), file, fast=yaml_fast.values)
    data = doc.data if doc is not None else {}
    order = [row.code for row in form.rows]
    out = text
    changes: list[Change] = []
    for section in ("answers", "adjustments"):
        held = own_answers(data, section)
        written: dict[str, Any] = {}
        for key, given in submitted.items():
            is_claim = key.startswith("adjustment:")
            if is_claim != (section == "adjustments"):
                continue
            code = key.removeprefix("adjustment:")
            old = held.get(code)
            new = merged_answer(old, given)
            if _same(old, new) or (old is None and not any(v not in (None, [], False) for v in new.values())):
                continue
            written[code] = _written(old, new)
            changes += _changes(file, section, code, old, new)
        claims = [claim.code for claim in form.claims]
        out = rewrite(out, section, written, order if section == "answers" else claims, held)
    if changes:
        _verify(out, file, changes)
    return out, changes


def _verify(text: str, file: str, changes: list[Change]) -> None:
    """The new text reads back with each changed field as meant: else nothing is written (never a guess)."""
    doc, _ = parse(text.encode("utf-8"), file, fast=yaml_fast.values)
    if doc is None:
        raise Refused(msg("serve.records.not-written", file=file))
    for change in changes:
        section, rest = change.field.split(".", 1)
        code, name = rest.rsplit(".", 1)
        held = long_form(own_answers(doc.data, section).get(code))
        now = flow(held[name]) if name in held else ""
        if now != change.after:
            raise Refused(msg("serve.records.not-written", file=file))
