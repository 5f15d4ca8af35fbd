"""A long table drawn by `writers/text_quick` prints exactly what rich's table prints: the same characters and the
same styles, for generated tables (Vietnamese names, long texts wrapped, notes shown beneath, tones, indented
rows, bars on and off, a totals row), on wide and narrow terminals, in colour, with NO_COLOR and into a pipe."""

from __future__ import annotations

import io
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from par_cli.views.report import Column, Kind, Table
from par_cli.writers import terminal, text_quick

WORDS = ["UBND", "xã", "số", "Sở", "Nội", "vụ", "Chi cục", "Văn thư", "Lưu trữ", "Phường", "Bến Nghé", "Đắk Lắk", "ạ"]
TONES = ["", "", "", "strong", "head", "muted", "warning"]


@st.composite
def tables(draw: st.DrawFn) -> Table:
    rows_count = draw(st.integers(1, 30))
    notes = draw(st.booleans())
    depths = draw(st.booleans())
    columns = [
        Column("Hạng", Kind.rank),
        Column("Cơ quan được đánh giá", Kind.text, wide=True, narrowest=draw(st.sampled_from([None, 16]))),
        Column("Mã", Kind.code),
        Column("Điểm", Kind.figure),
        Column("Xếp loại", Kind.text),
    ]
    columns += [Column("Ghi chú", Kind.text, beneath=1, tone=draw(st.sampled_from(["muted", "warning"])))] * notes
    name = st.lists(st.sampled_from(WORDS), min_size=1, max_size=draw(st.sampled_from([3, 12]))).map(" ".join)
    figure = st.decimals(0, 100, places=2).map(lambda d: f"{d}".replace(".", ","))
    rows = []
    for n in range(rows_count):
        row = [str(n + 1), draw(name), draw(st.sampled_from(["3.1", "10.2.4", "—", ""])), draw(figure)]
        row.append(draw(st.sampled_from(["Tốt", "Khá", "Trung bình", "Yếu", "—", " lề "])))
        row += [draw(st.sampled_from(["", "", "thiếu minh chứng", "Không phát sinh nhiệm vụ trong năm"]))] * notes
        rows.append(row)
    bars = draw(st.booleans())
    shares = st.one_of(st.none(), st.fractions(0, 100, max_denominator=7))
    footer = draw(st.booleans())
    return Table(
        columns,
        rows,
        tones=draw(st.lists(st.sampled_from(TONES), min_size=rows_count, max_size=rows_count)),
        whole=draw(st.booleans()),
        bars=[(share, "") for share in draw(st.lists(shares, min_size=rows_count, max_size=rows_count))]
        if bars
        else (),
        depths=draw(st.lists(st.integers(1, 3), min_size=rows_count, max_size=rows_count)) if depths else (),
        footer=["", "Tổng", "", "99,50", "", *[""] * notes] if footer else (),
        footer_bar=(Fraction(50), "50") if footer else (None, ""),
    )


def printed(block: Table, width: int, colours: str | None, no_color: bool, quick: bool) -> str:
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        color_system=colours,  # type: ignore[arg-type]
        force_terminal=colours is not None,
        no_color=no_color,
        highlight=False,
        soft_wrap=False,
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(terminal, "QUICK", 1 if quick else 10**9)
        console.print(terminal._Fitted(block))
    return out.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables(),
    st.sampled_from([30, 60, 80, 100, 160]),
    st.sampled_from([None, "standard", "256", "truecolor"]),
    st.booleans(),
)
def test_quick_table_prints_what_rich_prints(block: Table, width: int, colours: str | None, no_color: bool) -> None:
    assert printed(block, width, colours, no_color, True) == printed(block, width, colours, no_color, False)


@pytest.mark.parametrize("colours", [None, "truecolor"])
def test_a_long_table_is_drawn_quickly(colours: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """3,400 rows, a few of them on two lines: drawn by `text_quick` (not handed back to rich), as rich would."""
    rows = [[str(n), f"UBND xã số {n}" + " Đắk Lắk" * (n % 500 == 0) * 4, f"{n % 97},50", "Khá"] for n in range(3400)]
    columns = [Column("Hạng", Kind.rank), Column("Cơ quan", Kind.text, wide=True), Column("Điểm", Kind.figure)]
    block = Table([*columns, Column("Xếp loại")], rows, tones=["muted" if n % 7 else "" for n in range(3400)])
    drawn: list[bool] = []

    def spy(*args: Any) -> Any:
        segments = text_quick.drawn(*args)
        drawn.append(segments is not None)
        return segments

    monkeypatch.setattr(terminal, "drawn", spy)
    quick = printed(block, 40, colours, False, True)
    assert drawn == [True]
    assert quick == printed(block, 40, colours, False, False)
    assert quick.count("\n") > 3400
