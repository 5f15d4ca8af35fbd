"""An uploaded evidence file named in the assessment file: the answer's `evidence:` list gets a line naming it as
the agency named it (`"Tệp: bao-cao.pdf"`), so that `par check` and the council read that the answer has its
evidence (no A007); the line goes when its last upload of that name goes. Written as the agency's own form
writes the file (`serving.save_form`: its version, its lock, `par check`'s reading before the write)."""

from __future__ import annotations

from pathlib import Path

from par_cli.core.diagnostics import msg
from par_cli.serve.form_model import build_form
from par_cli.serve.records import Refused, VersionConflict, version_of
from par_cli.serve.saving import Saved, save_form
from par_cli.words.catalogue import text


def evidence_line(name: str, lang: str) -> str:
    """The line naming an uploaded file in the `evidence:` list (`Tệp: bao-cao.pdf`)."""
    return text(msg("serve.evidence-line", name=name), lang)


def _lines(name: str) -> set[str]:
    return {evidence_line(name, lang) for lang in ("vi", "en")}  # a line written in either language


def file_evidence(folder: Path, path: Path, code: str, name: str, lang: str, *, add: bool) -> Saved:
    """Add (or, `add` False, remove) the line naming the upload `name` in the answer `code` of the assessment
    `path`: nothing written when it is there already (or not there); a file changed meanwhile is read again."""
    for _ in range(3):
        raw = path.read_bytes()
        form = build_form(folder, path, lang)
        field = form.field(code) if form is not None else None
        if field is None:
            raise Refused(msg("serve.records.unreadable", file=path.name))
        lines = list(field.evidence)
        named = _lines(name)
        if add and not named & set(lines):
            lines.append(evidence_line(name, lang))
        elif not add:
            lines = [line for line in lines if line not in named]
        if lines == list(field.evidence):
            return Saved((), version_of(raw), ())
        try:
            return save_form(folder, path, version_of(raw), {f"evidence-{code}": "\n".join(lines)}, lang)
        except VersionConflict:
            continue  # written by another save between the reading and this one: read again
    raise VersionConflict(msg("serve.records.changed", file=path.name))
