"""A value the format does not allow (S001) lists what it allows in the reader's language: `'competition' hoặc
'dense'`, never the English "or" of the schema library inside a Vietnamese message."""

from __future__ import annotations

from tests.conftest import ROOT, Write, run, run_english

FLOORS = (ROOT / "examples" / "floors-2024" / "criteria.yaml").read_text("utf-8")


def test_the_allowed_values_are_listed_in_the_readers_language(write: Write) -> None:
    text = FLOORS.replace("ranking: {ties: dense, precision: 1}", "ranking: {ties: dày, precision: 1}")
    write("criteria.yaml", text.replace("status: template", "status: mẫu"))
    code, vi, _ = run("check", "criteria.yaml")
    assert code == 1
    assert "criteria.yaml:7:9: lỗi S001: status: 'mẫu' không hợp lệ: cần 'official', 'partial' hoặc 'template'" in vi
    assert "criteria.yaml:9:17: lỗi S001: ranking.ties: 'dày' không hợp lệ: cần 'competition' hoặc 'dense'" in vi
    _, en, _ = run_english("check", "criteria.yaml")
    assert "ranking.ties: 'dày' is not allowed: expected 'competition' or 'dense'" in en
    assert "status: 'mẫu' is not allowed: expected 'official', 'partial' or 'template'" in en
