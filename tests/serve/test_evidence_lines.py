"""An uploaded evidence file is named in the assessment's `evidence:` list, so `par check` stops warning A007
for that answer; the line goes with the upload."""

from __future__ import annotations

from pathlib import Path

from par_cli.serve.evidence_lines import file_evidence
from tests.conftest import run


def _a007(folder: Path) -> list[str]:
    code, out, err = run("check", str(folder), "--lang", "vi")
    assert code == 0, out + err
    return [line for line in (out + err).splitlines() if "A007" in line]


def test_an_upload_is_named_in_the_answers_evidence(folder: Path) -> None:
    path = folder / "so-y-te.yaml"
    assert any("1.1.1:" in line for line in _a007(folder))
    saved = file_evidence(folder, path, "1.1.1", "bao-cao.pdf", "vi", add=True)
    assert [(c.field, c.before, c.after) for c in saved.changes] == [
        ("answers.1.1.1.evidence", "", '["Tệp: bao-cao.pdf"]')
    ]
    text = path.read_text(encoding="utf-8")
    assert '"1.1.1": {self: "late", evidence: ["Tệp: bao-cao.pdf"]}' in text
    assert '"1.1.2": {done: 14, total: 20}' in text  # the other answers as they were written
    assert not any("1.1.1:" in line for line in _a007(folder))
    again = file_evidence(folder, path, "1.1.1", "bao-cao.pdf", "vi", add=True)
    assert again.changes == ()  # named once however often it is uploaded
    file_evidence(folder, path, "1.1.1", "bao-cao.pdf", "vi", add=False)
    assert "Tệp: bao-cao.pdf" not in path.read_text(encoding="utf-8")
    assert any("1.1.1:" in line for line in _a007(folder))
