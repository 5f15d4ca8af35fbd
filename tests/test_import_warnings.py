"""`par import` says the warnings its cells raise (A023): before, only errors were reported, so `0,5` in a CSV was
imported as 0.5 % without a word. Shown at their cells, the files still written; `--strict` makes them errors
(nothing written), as `par check --strict` does."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SPEC, run, run_english

TABLE = "Mã cơ quan;Tên cơ quan;1.1.2;2.1\nso-a;Sở A;0,5;1.250/2480\n"  # Excel's `;` CSV in a Vietnamese locale
HINT = (
    "(hint: type the figure the criterion asks for (97.34 for 97.34 %, 2414/2480), not points; write 97.34% to"
    " silence this)"
)
PERCENT = f"t.csv:2:1.1.2: {{level}} A023: 0.5 is read as 0.5 %: did you mean 50 %? {HINT}"
THOUSANDS = (
    f"t.csv:2:2.1: {{level}} A023: '1.250/2480' is read with a decimal dot: did you mean 1250/2480 (50.40 %)? {HINT}"
)


def _table(in_tmp: Path) -> None:
    shutil.copy(SPEC / "criteria.yaml", in_tmp / "criteria.yaml")
    (in_tmp / "t.csv").write_text(TABLE, encoding="utf-8")


def test_the_cells_warnings_are_shown_and_the_files_written(in_tmp: Path) -> None:
    _table(in_tmp)
    code, out, err = run_english("import", "t.csv", "--criteria", "criteria.yaml", "-o", "out")
    assert (code, out) == (0, "")
    assert err.splitlines() == [
        PERCENT.format(level="warning"),
        THOUSANDS.format(level="warning"),
        "note: 1 assessment file written to out",
    ]
    assert '  "1.1.2": {self: 0.5}\n' in Path("out/so-a.yaml").read_text(encoding="utf-8")


def test_strict_makes_them_errors_and_writes_nothing(in_tmp: Path) -> None:
    _table(in_tmp)
    code, out, err = run_english("import", "t.csv", "--criteria", "criteria.yaml", "-o", "out", "--strict")
    assert (code, out) == (1, "")
    assert err.splitlines() == [PERCENT.format(level="error"), THOUSANDS.format(level="error")]
    assert not Path("out/so-a.yaml").exists()


def test_an_exports_points_that_its_data_does_not_earn_are_said_at_the_points_cell(in_tmp: Path) -> None:
    """An export's `Điểm tự chấm` beside its data: par scores the data; where the table's points are not what
    the data earns (at the table's own decimals: 2,91 for 2,9206… is not 2,92), it says so at the points cell."""
    Path("t.csv").write_bytes(
        "\ufeffMã cơ quan;Tên cơ quan;Mã tiêu chí;Tự đánh giá;Điểm tự chấm\r\n"
        "so-noi-vu;Sở Nội vụ;1.1.3;95;1\r\n"
        "so-noi-vu;Sở Nội vụ;3.2.1;2414/2480;2,91\r\n"
        "so-noi-vu;Sở Nội vụ;1.1.2;Có;0,5\r\n"
        "so-noi-vu;Sở Nội vụ;1.3.1;0,95;2\r\n".encode()  # a doubtful rate (A023) and points its data does not earn
    )
    code, _, err = run("import", "t.csv", "--criteria", "mau-so-nganh", "-o", "out", "--lang", "en")
    assert (code, err.splitlines()) == (
        0,
        [
            "t.csv:3:Điểm tự chấm: warning A026: 3.2.1: the table says 2.91 points, but its data earns 2.92: par"
            " scores the data",
            "t.csv:4:Điểm tự chấm: warning A026: 1.1.2: the table says 0.5 points, but its data earns 1: par scores"
            " the data",
            "t.csv:5:Tự đánh giá: warning A023: 0.95 is read as 0.95 %: did you mean 95 %? (hint: type the figure the"
            " criterion asks for (97.34 for 97.34 %, 2414/2480), not points; write 97.34% to silence this)",
            "t.csv:5:Điểm tự chấm: warning A026: 1.3.1: the table says 2 points, but its data earns 0.05: par scores"
            " the data",
            "note: 1 assessment file written to out",
        ],
    )
