"""Reading a form whose criteria sheet has formatted empty rows, as Excel writes them when a user formats whole
rows or columns: seconds, and the ratio to the same form without them (bounded by the cells in use: near 1;
before `io/sheet_xml.py` openpyxl made an object of each row and cell: 1M rows took 26-35 s, a ratio in the
hundreds).

    python benchmarks/workbook_rows.py [--rows 1000000] [--cells-rows 200000]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from par_cli.readers.xlsx_form import read_form

ROOT = Path(__file__).resolve().parent.parent


def form(folder: Path) -> Path:
    """The spec example's blank form (`par template`)."""
    criteria = ROOT / "tests/spec_examples/criteria.yaml"
    path = folder / "form.xlsx"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "par_cli", "template", str(criteria), "--format", "xlsx", "-o", str(path)]
    subprocess.run(command, check=True, env=env, cwd=folder)
    return path


def with_rows(path: Path, target: Path, rows: int, cells: int) -> Path:
    """`path` with `rows` formatted rows below the criteria (each with `cells` styled empty cells)."""
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item.filename)) for item in source.infolist()]
    sheet = "xl/worksheets/sheet2.xml"
    letters = "DEFGHIJK"[:cells]
    made = "".join(
        f'<row r="{r}" s="1" customFormat="1">' + "".join(f'<c r="{c}{r}" s="1"/>' for c in letters) + "</row>"
        if cells
        else f'<row r="{r}" s="1" customFormat="1"/>'
        for r in range(200, 200 + rows)
    ).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item, data in items:
            if item.filename == sheet:
                data = re.sub(rb"</sheetData>", lambda _: made + b"</sheetData>", data, count=1)
            out.writestr(item, data)
    return target


def seconds(path: Path, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        book, problems = read_form(path, path.name)
        best = min(best, time.perf_counter() - start)
        assert book is not None, problems
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="formatted empty rows (self-closing)")
    parser.add_argument("--cells-rows", type=int, default=200_000, help="rows of 2 styled empty cells")
    given = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        plain = form(Path(folder))
        base = seconds(plain)
        print(f"plain form: {base * 1000:.0f} ms")
        for name, rows, cells in (("empty rows", given.rows, 0), ("rows of empty cells", given.cells_rows, 2)):
            path = with_rows(plain, Path(folder, f"{cells}.xlsx"), rows, cells)
            took = seconds(path, 1)
            size = path.stat().st_size / 1e6
            print(f"{rows} {name} ({size:.1f} MB): {took:.2f} s, ratio to the plain form {took / base:.1f}")


if __name__ == "__main__":
    main()
