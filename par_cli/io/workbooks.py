"""Workbooks as openpyxl loads them, read by the cells in use: every workbook reader's (forms, tables, annexes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load(path: Path, data_only: bool = True) -> Any:
    """A workbook as openpyxl loads it, its warnings kept quiet: a cell they are about (a date no calendar holds,
    which openpyxl makes an error cell) is refused where it is read, at its place."""
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_workbook(path, data_only=data_only)


def in_use(sheet: Any) -> dict[int, dict[int, Any]]:
    """Row → column → cell, in order, for the cells of a sheet that hold a value: what its XML holds, never the
    size its `<dimension>` or its furthest formatted cell claims (one formatted empty cell in row 1,048,576 is
    not a million rows to read, nor a sheet claiming A1:A1 fewer). openpyxl keeps a loaded sheet's cells in
    `_cells`; its public iterators make a cell for every coordinate up to the furthest one."""
    rows: dict[int, dict[int, Any]] = {}
    for (r, c), cell in sorted(sheet._cells.items()):
        if cell.value is not None:
            rows.setdefault(r, {})[c] = cell
    return rows
