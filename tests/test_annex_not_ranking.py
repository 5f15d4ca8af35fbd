"""F8: `par criteria import` of a ranking `par rank -f docx|xlsx` wrote drafted a "criteria set" whose areas were
titled with the agencies' indices ("89,54"), each an agency's maximum, with exit 0. A ranking is refused (C023) at
its table's heading, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, run

HINT = (
    "(hint: import the decision's criteria annex (the table of criteria and their maximum points); a ranking is read"
    " by par rank --previous)"
)
REFUSED = {
    "docx": "rank.docx:table 1:row 1: error C023: not a criteria annex: its table is a ranking (STT | Cơ quan, đơn vị"
    " | Điểm tối đa | Điểm đạt | Chỉ số (%) | Xếp hạng | Xếp loại) " + HINT,
    "xlsx": "rank.xlsx:1!A2: error C023: not a criteria annex: its table is a ranking (Hạng | Cơ quan | Điểm"
    " | Tối đa | Chỉ số % | Xếp loại | agency_id | group) " + HINT,
}


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_a_ranking_par_wrote_is_not_a_criteria_annex(in_tmp: Path, kind: str) -> None:
    written = run("rank", str(ROOT / "examples" / "2024"), "-f", kind, "-o", f"rank.{kind}", "--allow-incomplete")
    assert written[0] == 0
    code, out, err = run("criteria", "import", f"rank.{kind}", "-o", "set.yaml")
    assert (code, out, err) == (1, "", REFUSED[kind] + "\n")
    assert not Path("set.yaml").exists()
