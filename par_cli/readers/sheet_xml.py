"""An .xlsx workbook's sheets cut down to the cells that hold a value, before openpyxl reads them.

Excel writes a `<row>` for every row a user formatted (a whole column made bold: a million rows) and a `<c>` for
every formatted empty cell; openpyxl makes an object of each, so reading took its time from the formatting, not
from the cells in use. Here each sheet's XML is streamed from the zip and, by regular expressions over the bytes
(C speed), stripped of the rows and cells that hold neither a value (`<v>`, `<is>`) nor a formula (`<f>`); the
rest of the file (styles, number formats, merged cells, data validations, hidden rows that still hold a value,
sheet protection) is kept as it is. Rows or cells without a position (`r`, optional in the format) are numbered
first, so that dropping their neighbours does not move them.

On the way: a number cell whose stored text is no finite number (`NaN`, `1e400`, `12abc`) is kept as that text
(`NotANumber`) so that its reader refuses it at its cell, as the file has it; a merged range is clipped to the
cells in use (openpyxl makes a cell for every position of a merged range), and refused (`MergeTooLarge`) when
what is left is still out of proportion; hyperlinks, which par never reads and openpyxl binds cell by cell over
their whole range, are dropped.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from pathlib import Path
from typing import IO, NamedTuple
from xml.etree import ElementTree

CHUNK = 1 << 23  # a sheet's XML is read by pieces of 8 MiB: one held in memory at a time, not the whole sheet
MERGE_ROOM = 65_536  # positions merged ranges may cover (clipped), at the least; or 16 per cell in use
_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # a namespace prefix, as some writers put on every element (`<x:row>`)
_DATA = re.compile(rb"<(" + _P + rb")sheetData\b[^>]*?(/?)>")
_POSITIONLESS = re.compile(rb"<" + _P + rb"(?:row|c)(?=[\s/>])(?!\s+r=\")")  # r, when there, comes first
_TAG = re.compile(rb"<(" + _P + rb")(row|c)(?=[\s/>])([^>]*?)(/?)>")
_R = re.compile(rb'\br="([^"]*)"')
_EMPTY_CELL = re.compile(rb"<(" + _P + rb")c\s[^>/]*(?:/>|>\s*</\1c>)")
_EMPTY_ROW = re.compile(rb"<(" + _P + rb")row\s[^>/]*(?:/>|>\s*</\1row>)")
_ROW_AT = re.compile(rb"<" + _P + rb'row\s+r="([^"]*)"')
_REFS = re.compile(rb"<" + _P + rb'c\s+r="([A-Z]{1,3})([0-9]{1,7})"')
_NUMBER = rb"\s*[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,2})?\s*"
_SUSPECT = re.compile(rb"<(" + _P + rb")v>(?!" + _NUMBER + rb"</)([^<]*)</")  # a value no plain number
_TYPE = re.compile(rb'\st="([^"]*)"')
_HYPERLINKS = re.compile(rb"<(" + _P + rb")hyperlinks\b(?:[^>]*/>|.*?</\1hyperlinks>)", re.DOTALL)
_MERGE = re.compile(rb"<" + _P + rb'mergeCell\s[^>]*?\bref="([^"]*)"[^>]*>(?:\s*</' + _P + rb"mergeCell>)?")
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})(?::\$?([A-Z]{1,3})\$?([0-9]{1,7}))?")
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class NotANumber(str):
    """The text a number cell stores where it holds no finite number ('NaN', '1e400', '12abc'), as stored: its
    reader refuses it at its cell (Y012), saying what the cell holds."""


class MergeTooLarge(Exception):
    """A merged range that would make far more cells than the sheet holds (`A1:XFD1048576`)."""

    def __init__(self, sheet: str, ref: str, row: int, column: int, cells: int, used: int) -> None:
        super().__init__(f"{sheet}!{ref}")
        self.sheet, self.ref, self.row, self.column, self.cells, self.used = sheet, ref, row, column, cells, used


class Cleaned(NamedTuple):
    """The workbook as a zip in memory, its sheets cut to the cells in use; `odd`: sheet title → (row, column)
    → the text of a number cell that holds no finite number."""

    data: bytes
    odd: dict[str, dict[tuple[int, int], str]]


def cleaned(path: Path) -> Cleaned:
    """`path`'s workbook with each sheet cut to its cells in use (the module's doc says how)."""
    odd: dict[str, dict[tuple[int, int], str]] = {}
    out = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
        sheets = sheet_parts(source)
        for item in source.infolist():
            if item.filename in sheets:
                title = sheets[item.filename]
                with source.open(item) as raw:
                    data, odd[title] = _Sheet(title).read(raw)
            else:
                data = source.read(item)
            target.writestr(item.filename, data)
    return Cleaned(out.getvalue(), odd)


def sheet_parts(source: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's part in the zip → its title, as the workbook lists them (none when it lists none: the
    file is then left for openpyxl to refuse)."""
    names = set(source.namelist())
    try:
        package = ElementTree.fromstring(source.read("_rels/.rels"))
        book = next(
            rel.get("Target", "").lstrip("/")
            for rel in package.iter(f"{_RELS}Relationship")
            if rel.get("Type", "").endswith("/officeDocument")
        )
        folder, _, leaf = book.rpartition("/")
        rels = ElementTree.fromstring(source.read(f"{folder}/_rels/{leaf}.rels" if folder else f"_rels/{leaf}.rels"))
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{_RELS}Relationship")}
        found: dict[str, str] = {}
        for sheet in ElementTree.fromstring(source.read(book)).iter(f"{_MAIN}sheet"):
            target = targets.get(sheet.get(_R_ID), "")
            part = target.lstrip("/") if target.startswith("/") else f"{folder}/{target}".lstrip("/")
            if part in names:
                found[part] = sheet.get("name", "")
        return found
    except (KeyError, StopIteration, ElementTree.ParseError):
        return {}


class _Sheet:
    """One sheet's XML, streamed: the part before `<sheetData>` as it is, its rows filtered piece by piece, the
    part after it (merged cells) once the cells in use are known."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.prefix = b""
        self.row = 0  # the last row's number, to number rows that do not say theirs
        self.column = 0
        self.cells = 0  # cells kept (in use)
        self.rows = 0  # the furthest row and column kept
        self.columns = 0
        self.odd: dict[tuple[int, int], str] = {}

    def read(self, raw: IO[bytes]) -> tuple[bytes, dict[tuple[int, int], str]]:
        parts: list[bytes] = []
        buffer = b""
        while True:  # up to the end of `<sheetData …>`
            chunk = raw.read(CHUNK)
            buffer += chunk
            start = _DATA.search(buffer)
            if start is not None or not chunk:
                break
        if start is None or start.group(2):  # no rows (`<sheetData/>`), or no sheet at all: left as it is
            return buffer + raw.read(), {}
        self.prefix = start.group(1)
        parts.append(buffer[: start.end()])
        buffer = buffer[start.end() :]
        end_tag, row_tag = b"</" + self.prefix + b"sheetData>", b"<" + self.prefix + b"row"
        chunk = b"-"
        while True:
            end = buffer.find(end_tag)
            if end >= 0:
                parts.append(self.filter(buffer[:end]))
                buffer = buffer[end:]
                break
            if not chunk:  # cut short: openpyxl says so
                parts.append(buffer)
                buffer = b""
                break
            cut = buffer.rfind(row_tag)
            if cut > 0:  # the rows before the last one begun are whole
                parts.append(self.filter(buffer[:cut]))
                buffer = buffer[cut:]
            chunk = raw.read(CHUNK)
            buffer += chunk
        parts.append(self.tail(buffer + raw.read()))
        return b"".join(parts), self.odd

    def filter(self, rows: bytes) -> bytes:
        """Whole rows, without the rows and cells that hold nothing."""
        if _POSITIONLESS.search(rows):
            rows = _TAG.sub(self.number, rows)
        else:
            last = rows.rfind(b"<" + self.prefix + b"row")
            found = _ROW_AT.match(rows, last) if last >= 0 else None
            if found is not None:
                self.row = _row_number(found.group(1), self.row)
        rows = _EMPTY_ROW.sub(b"", _EMPTY_CELL.sub(b"", rows))
        refs = _REFS.findall(rows)
        if refs:
            self.cells += len(refs)
            self.rows = max(self.rows, max(int(r) for _, r in refs))
            self.columns = max(self.columns, max(column_number(c.decode()) for c, _ in refs))
        return self.numbers(rows) if _SUSPECT.search(rows) else rows

    def number(self, tag: re.Match[bytes]) -> bytes:
        """A row or cell tag with its position (`r`) written in when it lacks one."""
        prefix, name, attributes, close = tag.groups()
        given = _R.search(attributes)
        if name == b"row":
            self.row = _row_number(given.group(1), self.row) if given else self.row + 1
            self.column = 0
            at = b"%d" % self.row
        else:
            ref = _RANGE.fullmatch(given.group(1).decode()) if given else None
            self.column = column_number(ref.group(1)) if ref else self.column + 1
            at = f"{column_letter(self.column)}{self.row}".encode()
        if given is not None:
            return tag.group(0)
        return b"<" + prefix + name + b' r="' + at + b'"' + attributes + close + b">"

    def numbers(self, rows: bytes) -> bytes:
        """The rows with each number (or boolean) cell whose value no number is made a text cell; noted."""
        edits: list[tuple[int, int, bytes]] = []
        for found in _SUSPECT.finditer(rows):
            begin = rows.rfind(b"<" + found.group(1) + b"c", 0, found.start())
            close = rows.find(b">", begin)
            if begin < 0 or close < 0:
                continue
            tag = rows[begin:close]
            kind = _TYPE.search(tag)
            stored = found.group(2).decode("utf-8", "replace")
            if not _refused(kind.group(1) if kind else b"n", stored):
                continue
            given = _R.search(tag)
            ref = _RANGE.fullmatch(given.group(1).decode()) if given else None
            if ref is None:
                continue
            self.odd[(int(ref.group(2)), column_number(ref.group(1)))] = stored
            typed = _TYPE.sub(b"", tag).rstrip(b"/") + b' t="str"'
            edits.append((begin, close, typed))
        pieces, last = [], 0
        for begin, close, typed in edits:
            pieces += [rows[last:begin], typed]
            last = close
        pieces.append(rows[last:])
        return b"".join(pieces)

    def tail(self, xml: bytes) -> bytes:
        """The part after the rows: hyperlinks dropped, merged ranges clipped to the cells in use (or refused)."""
        xml = _HYPERLINKS.sub(b"", xml)
        room = max(MERGE_ROOM, 16 * self.cells)
        covered = 0

        def clip(found: re.Match[bytes]) -> bytes:
            nonlocal covered
            ref = found.group(1).decode()
            span = _RANGE.fullmatch(ref)
            if span is None:
                return found.group(0)
            top, left = int(span.group(2)), column_number(span.group(1))
            bottom, right = (int(span.group(4)), column_number(span.group(3))) if span.group(3) else (top, left)
            low, high = min(bottom, self.rows), min(right, self.columns)
            if top > low or left > high or (top, left) == (low, high):
                return b""  # over no cell in use, or over one: nothing merged to read
            covered += (low - top + 1) * (high - left + 1)
            if covered > room:
                raise MergeTooLarge(self.title, ref, top, left, (bottom - top + 1) * (right - left + 1), self.cells)
            clipped = f"{column_letter(left)}{top}:{column_letter(high)}{low}".encode()
            return found.group(0).replace(found.group(1), clipped)

        return _MERGE.sub(clip, xml)


def _refused(kind: bytes, stored: str) -> bool:
    """Whether openpyxl would fail on the stored value of a cell of this type, or read no finite number."""
    try:
        if kind == b"n":
            if any(mark in stored for mark in ".eE"):  # as openpyxl reads it: float, else int
                return not math.isfinite(float(stored))
            int(stored)
        elif kind == b"b":
            int(stored)
    except ValueError:
        return True
    return False


def _row_number(text: bytes, last: int) -> int:
    try:
        return int(float(text))
    except ValueError:
        return last + 1


def column_number(letters: str) -> int:
    """`AB` → 28: a cell reference's column (the inverse of `column_letter`)."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def column_letter(column: int) -> str:
    """28 → `AB`, as a cell reference writes a column (without importing openpyxl)."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
