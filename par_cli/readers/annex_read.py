"""The criteria table of a decision's annex, from Word (.docx) or Excel (.xlsx), as rows to build a set from.

Columns are found by their headings (STT | Lĩnh vực, tiêu chí… | Điểm tối đa | Cách chấm / Hướng dẫn | Tài liệu
kiểm chứng); a table without headings that follows one with them continues it (a table split across pages),
repeated heading rows and the `(1) (2) (3)` row are skipped. A merged cell counts once: in the first row and
column it covers. A Word cell is read as Word shows it (`annex_word`): tracked insertions in, deletions out.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from par_cli.core.annex import AnnexRow
from par_cli.core.diagnostics import Cell, Diagnostic, LineCol, Msg, ParError, TableRow, msg, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.io.output import reading
from par_cli.io.suffixes import kind_of_suffix
from par_cli.readers.annex_word import Bullets, deleted_row, shown_text
from par_cli.readers.files import display, not_a_file
from par_cli.readers.form_cells import uncomputed
from par_cli.readers.ranking_tables import is_ranking_header

ROLES = {  # role → words a heading holds (casefolded), first match wins, in this order
    "number": ("stt", "tt", "số thứ tự"),
    "max": ("điểm tối đa", "điểm chuẩn", "thang điểm", "tối đa", "điểm"),
    "guide": ("cách chấm", "hướng dẫn", "cách tính", "phương pháp", "cách thức", "cách đánh giá"),
    "evidence": ("tài liệu", "kiểm chứng"),
    "text": ("tiêu chí", "lĩnh vực", "nội dung", "chỉ số"),
}
_COLUMN_NUMBERS = re.compile(r"^\(?\d{1,2}\)?$")


class Annex(NamedTuple):
    title: str | None
    source: str | None  # "(Kèm theo Quyết định số …)"
    rows: list[AnnexRow]


_ANNEX_LABEL = re.compile(r"(?i)phụ\s+lục(\s+(số\s+)?[IVXLC\d]+[a-z]?)?\.?")


def _roles(cells: list[str]) -> dict[str, int] | None:
    """Column of each role, when `cells` is a heading row (it names a max column and a text column)."""
    found: dict[str, int] = {}
    lowered = [" ".join(c.casefold().split()) for c in cells]
    if any(any(ch.isdigit() for ch in cell) for cell in lowered):  # headings hold words, never figures
        return None
    for role, words in ROLES.items():
        for i, cell in enumerate(lowered):
            if i in found.values() or not cell:
                continue
            if (role == "number" and cell.strip(".") in words) or (role != "number" and any(w in cell for w in words)):
                found[role] = i
                break
    return found if "max" in found and "text" in found else None


def _rows_of(
    grid: list[list[str]],
    where: Any,
    roles: dict[str, int] | None,
    unreadable: dict[tuple[int, int], Msg] | None = None,
) -> tuple[list[AnnexRow], Any, list[Diagnostic]]:
    rows: list[AnnexRow] = []
    problems: list[Diagnostic] = []
    names: dict[int, str] = {}
    for r, cells in enumerate(grid):
        heading = _roles(cells)
        if heading is not None and is_ranking_header(cells):  # what `par rank -f docx|xlsx` writes: no criteria
            titles = " | ".join(dict.fromkeys(" ".join(c.split()) for c in cells if c.strip()))
            problems.append(
                problem("C023", "annex-is-ranking", hint=msg("hint.annex-is-ranking"), titles=titles).at(where(r))
            )
            return rows, None, problems
        if heading is not None:
            roles, names = heading, {i: " ".join(cells[i].split()) for i in heading.values()}
            continue
        if roles is None or all(not c or _COLUMN_NUMBERS.match(c) for c in cells):
            continue
        for role, i in roles.items():
            what = (unreadable or {}).get((r, i))
            if what is not None and role != "evidence":
                column = names.get(i) or role
                refused = problem(
                    "C023", "annex-cell-unreadable", hint=msg("hint.annex-retype"), column=column, what=what
                )
                problems.append(refused.at(where(r)))
        found = {role: cells[i].strip() if i < len(cells) else "" for role, i in roles.items()}
        rows.append(AnnexRow(where(r), found.get("number", ""), found["text"], found["max"], found.get("guide", "")))
    return rows, roles, problems


def _docx(path: Path, name: str) -> tuple[Annex, list[Diagnostic]]:
    from docx import Document

    document = Document(str(path))
    bullets = Bullets(document)
    title = source = None
    for paragraph in document.paragraphs:
        text = " ".join(shown_text(paragraph._p)[0].split())
        if text.startswith("(Kèm theo") or text.startswith("(Ban hành kèm theo"):
            source = source or text.strip("()")
        elif text and not _ANNEX_LABEL.fullmatch(text) and title is None:
            title = text  # the first line that is not the annex's label (`PHỤ LỤC I`, `Phụ lục số 2`)
    rows: list[AnnexRow] = []
    problems: list[Diagnostic] = []
    roles = None
    for t, table in enumerate(document.tables, start=1):
        grid: list[list[str]] = []
        unreadable: dict[tuple[int, int], Msg] = {}
        seen: set[Any] = set()  # the cells' XML elements (kept alive here, so identity holds)
        numbers: list[int] = []  # each grid row's row number in the table as Word shows it (deleted rows too)
        for n, row in enumerate(table.rows, start=1):
            if deleted_row(row._tr):  # a row deleted with track changes on: not part of the table
                continue
            texts = []
            for c, cell in enumerate(row.cells):
                text, what = ("", None) if cell._tc in seen else shown_text(cell._tc, bullets)
                if what is not None:
                    unreadable[len(grid), c] = what
                texts.append(text)
                seen.add(cell._tc)
            grid.append(texts)
            numbers.append(n)
        where = lambda r, t=t, numbers=numbers: TableRow(name, t, numbers[r])  # noqa: E731
        found, roles, unread = _rows_of(grid, where, roles, unreadable)
        rows += found
        problems += unread
    return Annex(title, source, rows), problems


def _xlsx(path: Path, name: str) -> tuple[Annex, list[Diagnostic]]:
    from par_cli.readers.workbooks import open_book

    rows: list[AnnexRow] = []
    problems: list[Diagnostic] = []
    title = None
    for sheet in open_book(path).sheets:
        merged = {
            (r, c)
            for top, left, bottom, right in sheet.merged
            for r in range(top, bottom + 1)
            for c in range(left, right + 1)
            if (r, c) != (top, left)
        }
        used = sheet.rows  # the cells holding a value, never every coordinate up to the furthest one
        problems += [
            uncomputed(name, sheet.title, cell.coordinate, cell.row, cell.column)
            for cells in used.values()
            for cell in cells.values()
            if cell.uncomputed
        ]
        numbers = list(used)  # the grid's rows are the rows in use: an empty row is skipped all the same
        grid = [
            [
                "" if (r, c) in merged or c not in cells or cells[c].uncomputed else str(cells[c].value)
                for c in range(1, max(cells) + 1)
            ]
            for r, cells in used.items()
        ]
        where = lambda i, s=sheet.title, n=numbers: Cell(name, s, f"A{n[i]}", n[i], 1)  # noqa: E731
        found, _, refused = _rows_of(grid, where, None)
        rows += found
        problems += refused
        if found and title is None:  # a line of its own above the table
            title = next((cells[0] for cells in grid if sum(1 for c in cells if c) == 1 and cells[0]), None)
    return Annex(title, None, rows), problems


def read_annex(path: Path) -> Annex:
    """The annex's rows; ParError when the file cannot be read or holds no criteria table."""
    name = display(path)
    reading(path)
    odd = not_a_file(path)
    if odd is not None:
        raise ParError([odd.at(LineCol(name))])
    from docx.opc.exceptions import PackageNotFoundError
    from openpyxl.utils.exceptions import InvalidFileException

    from par_cli.readers.sheet_xml import MergeTooLarge
    from par_cli.readers.workbooks import refusal
    from par_cli.readers.workbooks import unreadable as unreadable_reason

    unreadable = (
        OSError,
        ValueError,
        KeyError,
        SyntaxError,
        zipfile.BadZipFile,
        PackageNotFoundError,
    )  # lxml's are SyntaxError
    try:
        annex, problems = _docx(path, name) if kind_of_suffix(path) == "docx" else _xlsx(path, name)
    except MergeTooLarge as exc:
        raise ParError([refusal(exc, path, name)]) from None
    except (*unreadable, InvalidFileException) as exc:  # not a .docx/.xlsx inside: zip, XML, format
        reason = unreadable_reason(path, kind_of_suffix(path) or "xlsx")
        raise ParError([problem("C023", "annex-unreadable", reason=reason).at(LineCol(name))]) from exc
    if problems:  # a figure or a text that cannot be read as Word shows it: retyped, not guessed
        raise ParError(problems)
    if not annex.rows:
        raise ParError([problem("C023", "annex-no-table").at(LineCol(name))])
    return annex
