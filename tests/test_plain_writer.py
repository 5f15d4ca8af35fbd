"""`writers/plain` draws a report in exactly the characters rich draws it in (`writers/terminal`, printed as
`cli.shell.show` prints it) wherever rich would draw no style: for generated reports (Vietnamese names, wrapped
texts and titles, notes beneath, indented rows, bars, totals, summaries, term lists, captions, lines, widths
30–160) and for every report the examples' commands print; and `cli.screen` decides the width and the styles as
rich's Console decides them."""

from __future__ import annotations

import io
import os
import pty
from fractions import Fraction
from typing import IO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from par_cli.cli import screen
from par_cli.views.report import Block, Caption, Column, Items, Kind, Line, Note, Report, Table, Terms
from par_cli.writers import plain, write
from tests.conftest import ROOT, run

WORDS = ["UBND", "xã", "số", "Sở", "Nội", "vụ", "Chi cục", "Văn thư", "Lưu trữ", "Phường", "Bến Nghé", "Đắk Lắk", "ạ"]
WORDS += ["Tiêu chí thành phần", "thẩm định giảm 0,42 → 0,28 (−0,14)", "Bộ chỉ số", "Ủy ban nhân dân tỉnh", " "]
WORDS += ["Chỉ-số-cải-cách-hành-chính-cấp-tỉnh-năm-2024", "(0,00) ", "a\u0301", "中文"]  # long, spaced, marks, wide
TONES = ["", "", "", "strong", "head", "muted", "warning"]


def by_rich(report: Report, width: int) -> str:
    """What `cli.shell.show` prints on a screen of `width` columns rich writes no style to."""
    console = Console(
        file=io.StringIO(), width=width, color_system=None, force_terminal=False, highlight=False, soft_wrap=False
    )
    console.print(write(report, "table"))
    return str(console.file.getvalue())  # type: ignore[attr-defined]


def texts(most: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=1, max_size=most).map(" ".join)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    rows_count = draw(st.integers(0, 12))
    notes = draw(st.booleans())
    columns = [
        Column(draw(st.sampled_from(["Hạng", "#", "Thứ hạng trong nhóm"])), Kind.rank),
        Column("Cơ quan được đánh giá", Kind.text, wide=True, narrowest=draw(st.sampled_from([None, 16]))),
        Column("Mã", Kind.code),
        Column(draw(st.sampled_from(["Điểm", "Tự chấm điểm", "Chỉ số %"])), Kind.figure),
        Column("Xếp loại", Kind.text),
        Column("Chênh", Kind.change),
    ][: draw(st.integers(2, 6))]
    count = len(columns)
    columns += [Column("Ghi chú", Kind.text, beneath=1, tone=draw(st.sampled_from(["muted", "warning"])))] * notes
    figure = st.decimals(0, 100, places=2).map(lambda d: f"{d}".replace(".", ","))
    rows = []
    for n in range(rows_count):
        row = [str(n + 1), draw(texts(draw(st.sampled_from([3, 12])))), draw(st.sampled_from(["3.1", "10.2.4", "—"]))]
        row += [draw(figure), draw(st.sampled_from(["Tốt", "Khá", "Trung bình", "Yếu", "—", " lề ", ""])), "+0,23"]
        rows.append(row[:count] + [draw(st.sampled_from(["", "thiếu minh chứng", "Không phát sinh nhiệm vụ"]))] * notes)
    bars = draw(st.booleans())
    shares = st.one_of(st.none(), st.fractions(0, 100, max_denominator=7))
    footer = draw(st.booleans())
    return Table(
        columns,
        rows,
        heading=draw(st.sampled_from(["", "Kết quả theo lĩnh vực"])),
        tones=draw(st.lists(st.sampled_from(TONES), min_size=rows_count, max_size=rows_count)),
        whole=draw(st.booleans()),
        bars=[(s, "") for s in draw(st.lists(shares, min_size=rows_count, max_size=rows_count))] if bars else (),
        depths=draw(st.lists(st.integers(1, 3), min_size=rows_count, max_size=rows_count))
        if draw(st.booleans())
        else (),
        footer=(["", "Tổng", "", "99,50", "", "−0,14"][:count] + [""] * notes) if footer else (),
        footer_bar=(draw(st.sampled_from([Fraction(50), None, Fraction(100)])), "50") if footer else (None, ""),
        summary=draw(st.sampled_from(["", "Chỉ số 52,34 %  (40,30 / 77,00 điểm)  xếp loại Yếu"])),
        notes=draw(st.lists(texts(6), max_size=2)),
    )


pairs = st.lists(st.tuples(texts(2), texts(14)), max_size=5)
blocks = st.one_of(
    tables(),
    st.builds(Note, texts(16), st.booleans(), st.booleans()),
    st.builds(Caption, texts(3), texts(10)),
    st.builds(Line, st.lists(st.tuples(texts(5), st.booleans()), min_size=1, max_size=3)),
    st.builds(Items, texts(3), pairs, st.booleans(), st.just(())),
    st.builds(Terms, texts(3), pairs),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(blocks, min_size=1, max_size=5), texts(6), st.booleans(), st.integers(30, 160))
def test_plain_prints_what_rich_prints(drawn: list[Block], title: str, on_screen: bool, width: int) -> None:
    report = Report(title, "vi", drawn, {}, (), on_screen=on_screen)
    text = plain.write(report, width)
    if text is not None:  # None: rich draws it
        assert text == by_rich(report, width)


def test_a_plain_score_table_is_drawn_without_rich_at_its_usual_widths() -> None:
    """The one-file report: no fallback at 80 or 120 columns (else start-up pays for rich again)."""
    table = Table(
        [Column("Mã", Kind.code), Column("Nội dung", Kind.text, wide=True), Column("Đạt", Kind.figure)],
        [["1", "Lĩnh vực 1", "5,30"]],
        footer=["", "Tổng", "5,30"],
        bars=[(Fraction(53), "53")],
    )
    report = Report("UBND xã số 20", "vi", [table, Items("Lưu ý", [("thông tin", "1.1.1 Tiêu chí")])], {}, ())
    for width in (80, 120):
        assert plain.write(report, width) == by_rich(report, width)


COMMANDS = [
    ["score", "examples/2024/so-noi-vu.yaml", "--depth", "2"],
    ["score", "examples/2024/so-noi-vu.yaml"],
    ["explain", "examples/2024/so-noi-vu.yaml"],
    ["explain", "examples/2024/so-noi-vu.yaml", "3.2"],
    ["rank", "examples/2025", "--previous", "examples/2024", "--areas"],
    ["rank", "examples/2025", "--robustness"],
    ["rank", "examples/2024", "--criteria", "examples/revised-2025/criteria.yaml", "--against", "mau-so-nganh"],
    ["criteria", "list"],
    ["criteria", "show", "mau-so-nganh"],
    ["criteria", "diff", "mau-so-nganh", "examples/revised-2025/criteria.yaml"],
    ["trend", "examples/2023", "examples/2024", "examples/2025"],
    ["gaps", "examples/2025", "--top", "4"],
    ["survey", "report", "examples/survey-2024/survey.yaml"],
    ["appraisal", "cuts", "examples/tham-dinh-2025"],
    *[["score", str(path)] for path in sorted((ROOT / "examples").glob("20*/*.yaml")) if path.name != "criteria.yaml"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args)[:60])
@pytest.mark.parametrize("columns", ["40", "80", "120"])
def test_every_example_prints_the_same_drawn_with_or_without_rich(
    args: list[str], columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", columns)
    for lang in ("vi", "en"):
        plain_run = run(*args, "--lang", lang)
        with monkeypatch.context() as rich_only:
            rich_only.setattr(screen, "plain", lambda: None)
            rich_run = run(*args, "--lang", lang)
        assert plain_run == rich_run


ENVIRONMENTS = [
    {},
    {"COLUMNS": "97"},
    {"COLUMNS": "97", "LINES": "30"},
    {"TERM": "dumb"},
    {"TERM": "dumb", "COLUMNS": "97"},
    {"TERM": "dumb", "COLUMNS": "97", "LINES": "30"},
    {"TERM": "unknown", "FORCE_COLOR": ""},
    {"FORCE_COLOR": "1"},
    {"FORCE_COLOR": ""},
    {"TTY_COMPATIBLE": "0", "FORCE_COLOR": "1"},
    {"TTY_COMPATIBLE": "1"},
    {"NO_COLOR": "1"},
    {"COLUMNS": "x"},
]


@pytest.mark.parametrize("tty", [False, True])
@pytest.mark.parametrize("environment", ENVIRONMENTS, ids=str)
def test_the_screen_is_decided_as_rich_decides_it(
    environment: dict[str, str], tty: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("COLUMNS", "LINES", "TERM", "FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    main, other = pty.openpty()
    stdout: IO[str] = os.fdopen(main, "w", encoding="utf-8") if tty else io.StringIO()
    monkeypatch.setattr("sys.stdout", stdout)
    try:
        console = Console(highlight=False, soft_wrap=False)
        assert screen.width() == console.width
        expected = console.width if console.color_system is None else None
        assert screen.plain() == expected
    finally:
        stdout.close()
        os.close(other)
        if not tty:
            os.close(main)


def test_the_characters_counted_narrow_without_rich_are_narrow_in_rich() -> None:
    from rich.cells import cell_len, get_character_cell_size

    from par_cli.writers.text_columns import NARROW, cells

    for start, end in NARROW:
        for code in range(start, end + 1):
            assert get_character_cell_size(chr(code)) == 1 == cells(chr(code)), hex(code)
    for code in (0x1F, 0x7F, 0xAD, 0x300, 0x1F00, 0x2028, 0x2300, 0x4E2D):  # just outside them: as rich counts
        assert cells(chr(code)) == cell_len(chr(code)), hex(code)
    for text in ("Sở Nội vụ", "a\u0301", "👨\u200d👩", "中文", "x\ufe0f", "\u200b"):
        assert cells(text) == cell_len(text), text
