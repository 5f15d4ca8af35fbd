"""`par trend` keeps a unit assessed but not ranked (issue 29): its index is shown for that period with no rank
(`—`), in every format, instead of the unit vanishing from that period."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from docx import Document

from tests.conftest import ROOT, run, run_english

EXAMPLE = ROOT / "examples" / "unranked-2024"


@pytest.fixture
def periods(in_tmp: Path) -> Path:
    """2023: the example with every unit ranked (Giao thông 95 → 1, Nội vụ 92 → 2, Tư pháp 84 → 3, Y tế 78 → 4;
    Lắk 84 → 1, Ea Súp 80 → 2); 2024: the example itself (Giao thông and both huyện assessed, not ranked)."""
    shutil.copytree(EXAMPLE, in_tmp / "2024")
    shutil.copytree(EXAMPLE, in_tmp / "2023")
    for path in (in_tmp / "2023").glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("period: 2024", "period: 2023")
        text = text.replace(', ranked: false, unranked_reason: "Hợp nhất với Sở Xây dựng"', "")
        text = text.replace(', ranked: false, reason: "Sắp xếp đơn vị hành chính cấp huyện"', "")
        path.write_text(text, encoding="utf-8")
    return in_tmp


def test_a_unit_not_ranked_keeps_its_index_with_no_rank(periods: Path) -> None:
    code, out, err = run("trend", "2023", "2024", "-f", "json")
    assert code == 0, err
    agencies = {a["id"]: a for a in json.loads(out)["agencies"]}
    giao_thong = agencies["so-giao-thong"]["periods"]
    assert [(p["period"], p["index"], p["rank"]) for p in giao_thong] == [("2023", 95, 1), ("2024", 95, None)]
    assert {a["rank"] for a in giao_thong[1]["areas"]} == {None}  # no rank in its areas either
    assert [(p["index"], p["rank"]) for p in agencies["huyen-lak"]["periods"]] == [(84, 1), (84, None)]
    # the others' ranks are those the 2024 ranking gives them (Giao thông not counted): 1, 2, 3
    assert [agencies[i]["periods"][1]["rank"] for i in ("so-noi-vu", "so-tu-phap", "so-y-te")] == [1, 2, 3]


def test_every_format_shows_the_index_and_a_dash(periods: Path) -> None:
    _, table, _ = run_english("trend", "2023", "2024")
    assert "Sở Giao thông vận tải  95.00     1  95.00     —" in table
    _, markdown, _ = run_english("trend", "2023", "2024", "-f", "markdown")
    assert "| Sở Giao thông vận tải | 95.00 | 1 | 95.00 | — |" in markdown
    _, page, _ = run_english("trend", "2023", "2024", "-f", "html")
    assert (
        'Sở Giao thông vận tải</td><td class="n">95.00</td><td class="n">1</td><td class="n">95.00</td>'
        '<td class="n">—</td>' in page
    )
    _, csv, _ = run_english("trend", "2023", "2024", "-f", "csv")
    assert "so-giao-thong,Sở Giao thông vận tải,so-nganh,2024,95.00,,,95.00,95.00," in csv.splitlines()
    _, areas, _ = run_english("trend", "2023", "2024", "--areas")
    assert "Sở Giao thông vận tải  95.00 (1)      95.00" in areas  # its area index, no rank in 2024
    assert run("trend", "2023", "2024", "-f", "docx", "-o", "trend.docx")[0] == 0
    rows = [[cell.text for cell in row.cells][:5] for row in Document("trend.docx").tables[0].rows]
    assert ["Sở Giao thông vận tải", "95,00", "1", "95,00", "—"] in rows
