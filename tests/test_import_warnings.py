"""`par import` says the warnings its cells raise (A023): before, only errors were reported, so `0,5` in a CSV was
imported as 0.5 % without a word. Shown at their cells, the files still written; `--strict` makes them errors
(nothing written), as `par check --strict` does."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import SPEC, run

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
    code, out, err = run("import", "t.csv", "--criteria", "criteria.yaml", "-o", "out")
    assert (code, out) == (0, "")
    assert err.splitlines() == [
        PERCENT.format(level="warning"),
        THOUSANDS.format(level="warning"),
        "note: 1 assessment file written to out",
    ]
    assert '  "1.1.2": {self: 0.5}\n' in Path("out/so-a.yaml").read_text(encoding="utf-8")


def test_strict_makes_them_errors_and_writes_nothing(in_tmp: Path) -> None:
    _table(in_tmp)
    code, out, err = run("import", "t.csv", "--criteria", "criteria.yaml", "-o", "out", "--strict")
    assert (code, out) == (1, "")
    assert err.splitlines() == [PERCENT.format(level="error"), THOUSANDS.format(level="error")]
    assert not Path("out/so-a.yaml").exists()
