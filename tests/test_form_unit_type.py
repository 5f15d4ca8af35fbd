"""`par template --agencies` writes a `Loại đơn vị` (unit type) row in a form's details sheet; the reader did not
read it, so a set whose `unit_types` are declared (examples/so-xa-2025) refused its own form (A019: the agency
needs a type). Read as the agency's `type`, in a form and as a column of `par import`."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run, run_english

SET = str(ROOT / "examples" / "so-xa-2025" / "criteria.yaml")


def test_the_unit_type_of_a_forms_details_is_read(in_tmp: Path) -> None:
    Path("ag.csv").write_text("Mã cơ quan,Tên cơ quan,Loại đơn vị\nxa-a,Xã A,xa\n", encoding="utf-8")
    assert run("template", SET, "--agencies", "ag.csv", "-f", "xlsx", "-o", "forms")[0] == 0
    code, out, _ = run_english("check", "forms/xa-a.xlsx")
    hint = (
        "(hint: fill in the Số liệu tự đánh giá cell, or KPS if allowed; a survey criterion takes its survey results)"
    )
    assert (code, out.splitlines()) == (  # 1.2 applies to a sở only: not asked of a xã
        0,
        [
            f"forms/xa-a.xlsx:Tiêu chí!E3: warning A006: 1.1: no answer; it scores 0 of 10 {hint}",
            f"forms/xa-a.xlsx:Tiêu chí!E6: warning A006: 2.1: no answer; it scores 0 of 30 {hint}",
            f"forms/xa-a.xlsx:Tiêu chí!E7: warning A006: 2.2: no answer; it scores 0 of 20 {hint}",
            "0 errors, 3 warnings, 0 infos in 1 file",
        ],
    )


def test_import_reads_a_unit_type_column(in_tmp: Path) -> None:
    Path("t.csv").write_text("Mã cơ quan,Tên cơ quan,Loại đơn vị,1.1\nxa-a,Xã A,xa,kip-thoi\n", encoding="utf-8")
    code, _, err = run_english("import", "t.csv", "--criteria", SET, "-o", "out")
    assert (code, err) == (0, "note: 1 assessment file written to out\n")
    assert 'agency: {id: "xa-a", name: "Xã A", type: "xa"}\n' in Path("out/xa-a.yaml").read_text(encoding="utf-8")
