"""The annex's appraised and survey points, each rounded on its own, may be one in the last place off the total
shown (computed exactly, rounded once): a note under the table names the agencies where they are, so that whoever
adds them up is told why (before, 5 of the 2025 example's 11 rows were off without a word)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx

from tests.conftest import ROOT, run


def test_the_annex_names_the_rows_whose_rounded_parts_miss_the_total(tmp_path: Path) -> None:
    out = tmp_path / "phu-luc.docx"
    assert run("rank", str(ROOT / "examples" / "2025"), "-f", "docx", "-o", str(out), "--lang", "vi")[0] == 0
    document = docx.Document(str(out))
    table = next(t for t in document.tables if len(t.rows) > 2 and t.rows[1].cells[3].text == "Điểm thẩm định")
    off = []
    for row in table.rows[2:]:
        name, appraised, survey, total = (row.cells[n].text for n in (1, 3, 4, 5))
        if appraised and name:
            figures = [Decimal(value.replace(".", "").replace(",", ".")) for value in (appraised, survey, total)]
            if figures[0] + figures[1] != figures[2]:
                off.append(name)
    assert off == ["Ban Dân tộc tỉnh", "Sở Nội vụ", "Thanh tra tỉnh", "Sở Nông nghiệp và Môi trường", "Sở Y tế"]
    note = (
        "Mỗi số được làm tròn riêng từ giá trị chính xác, Tổng điểm tính từ số chưa làm tròn, nên Điểm thẩm định "
        f"cộng Điểm điều tra XHH đã làm tròn lệch 0,01 so với Tổng điểm ở: {'; '.join(off)}."
    )
    assert note in [paragraph.text for paragraph in document.paragraphs]
