"""English words that go with a count agree with it: `max 1 point`, `1 form written`, never `1 points`."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from par_cli.core.diagnostics import msg
from par_cli.words.catalogue import text
from tests.conftest import run_english


def test_the_yaml_template_says_max_1_point_and_3_points() -> None:
    code, out, _ = run_english("template", "mau-so-nganh")
    assert code == 0
    assert "  # 1.1.1 Ban hành kế hoạch CCHC năm — max 1 point\n" in out
    assert "  # ── 1.1 Kế hoạch CCHC năm (3 points)\n" in out
    assert " 1 points" not in out


def test_criteria_show_says_1_point() -> None:
    code, out, _ = run_english("criteria", "show", "mau-so-nganh")
    assert code == 0
    assert "1.1.1 Ban hành kế hoạch CCHC năm  (1 point)" in out and "1 points" not in out


def test_one_form_written_in_the_singular(in_tmp: Path) -> None:
    Path("ds.csv").write_text("Mã cơ quan,Tên cơ quan\nso-noi-vu,Sở Nội vụ\n", encoding="utf-8")
    code, _, err = run_english("template", "mau-so-nganh", "--agencies", "ds.csv", "-f", "xlsx", "-o", "forms")
    assert (code, err) == (0, "note: 1 form written in forms\n")


def test_messages_with_a_count_agree_with_it_even_when_the_count_comes_as_text() -> None:
    assert text(msg("action.points", max=Decimal(1)), "en") == "reach 1 point"
    assert text(msg("action.points", max=Decimal("1.5")), "en") == "reach 1.5 points"
    assert (
        text(msg("csv-extra-cells", cells="3", titles="1"), "en") == "3 cells in this row, but the header has 1 title"
    )
    assert text(msg("import-points-differ", code="1.1", given="1", earned=Fraction(1, 2)), "en") == (
        "1.1: the table says 1 point, but its data earns 0.5: par scores the data"
    )
    assert text(msg("gap.line", action="reach 100 %", points="1", index="1.25"), "en") == (
        "reach 100 %: +1 point, +1.25 index points"
    )
    assert text(msg("gap.line", action="reach 100 %", points="1.00", index="1.00"), "en") == (
        "reach 100 %: +1.00 points, +1.00 index points"
    )
    assert text(msg("note-annex-written", file="a.yaml", areas=1, leaves=2, rules="all"), "en") == (
        "a.yaml written: 1 area, 2 leaves; rules read: all"
    )
