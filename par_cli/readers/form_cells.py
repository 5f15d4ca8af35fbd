"""A form's cells into the values a YAML file would hold (see `readers.xlsx_form` for what a cell means): the
form's words, numbers as typed or as shown, and the doubts (A023) an input typed in a data column raises."""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from decimal import Decimal
from typing import Any

from par_cli.core.diagnostics import Cell, Diagnostic, DocPath, Location, msg, problem
from par_cli.core.named_tuple import NamedTuple
from par_cli.core.numbers import TextNumber, only_decimal_comma
from par_cli.readers.sheet_xml import NotANumber
from par_cli.words.languages import every
from par_cli.yamlengine.scalars import MAX_DIGITS, MAX_EXPONENT

_DONE_TOTAL = re.compile(r"(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_COMMA = re.compile(r"[-+]?\d+,\d+")


def _fold(text: str) -> str:
    """The form's words however typed: any case, with or without diacritics (`Không đạt`, `khong dat`)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return " ".join(bare.replace("đ", "d").replace("Đ", "D").casefold().split())


YES = {_fold(word) for word in (*every("yes"), "Đạt", "true", "x")}
NO = {_fold(word) for word in (*every("no"), "Không đạt", "Chưa đạt", "false")}
NOT_APPLICABLE = {_fold(word) for word in (*every("na_input"), "Không phát sinh", "k.p.s", "n/a", "na")}
_THOUSANDS_DOT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")  # 1.250, 2.414: a dot between thousands, as Vietnamese write


class Raw(NamedTuple):
    """One cell as read: its cached value, whether it is a formula with none, and its number format."""

    value: Any
    where: Location
    uncomputed: bool = False
    percent: int = 0  # 100: a percent format (0.95 shows 95%); 1: a percent sign written after it; 0: none


def percent_scale(number_format: str) -> int:
    """100 where a number format shows the value as a percentage (`0%`: 0.95 shows 95%), 1 where it only
    writes a percent sign after it (`0.00"%"`, `0.00\\%`: 0.95 shows 0.95%), 0 where it shows no percent sign.
    The first section (positive numbers) decides; `[Red]`, `[$-42A]` are not text."""
    section, quoted, escaped, literal, scaled = "", False, False, False, False
    for char in number_format:
        if escaped:
            literal = literal or char == "%"
            escaped = False
        elif char == '"':
            quoted = not quoted
        elif quoted:
            literal = literal or char == "%"
        elif char == "\\":
            escaped = True
        elif char == ";":
            break
        else:
            section += char
    scaled = "%" in re.sub(r"\[[^\]]*\]", "", section)
    return 100 if scaled else 1 if literal else 0


def _bounded(number: Decimal) -> bool:
    """Within the bounds a YAML file's figures keep: 1e-15 to 1e15, at most 30 significant digits."""
    digits = "".join(map(str, number.as_tuple().digits)).strip("0")
    return number.is_zero() or (abs(number.adjusted()) <= MAX_EXPONENT and len(digits) <= MAX_DIGITS)


class CellReader:
    """Cells into the values a YAML file would hold, refusing what cannot be read without a guess."""

    def __init__(self, problems: list[Diagnostic]) -> None:
        self.problems = problems

    def refuse(self, raw: Raw, path: DocPath, id: str, hint: Any = None, **args: Any) -> None:
        self.problems.append(problem("A003", id, path, hint, **args).at(raw.where))

    def code(self, raw: Raw) -> str | None:
        if isinstance(raw.value, int | float) and not isinstance(raw.value, bool):
            self.problems.append(problem("S001", "code-as-number", code=repr(raw.value)).at(raw.where))
            return None
        return unicodedata.normalize("NFC", str(raw.value)).strip()

    def text(self, raw: Raw, path: DocPath) -> str | None:
        if raw.uncomputed:
            self.refuse(raw, path, "uncomputed-formula", msg("hint.recompute"))
            return None
        if raw.value is None or (isinstance(raw.value, str) and not raw.value.strip()):
            return None
        if isinstance(raw.value, NotANumber) or (isinstance(raw.value, float) and not math.isfinite(raw.value)):
            self.not_a_number(raw, path)
            return None
        if isinstance(raw.value, float) and raw.value.is_integer():
            return str(int(raw.value))
        if isinstance(raw.value, datetime.datetime | datetime.date):
            return raw.value.isoformat()[:10]
        return unicodedata.normalize("NFC", str(raw.value)).strip()

    def blank(self, raw: Raw) -> bool:
        return not raw.uncomputed and (raw.value is None or (isinstance(raw.value, str) and not raw.value.strip()))

    def doubt(self, raw: Raw, path: DocPath, id: str, **args: Any) -> None:
        """A021… A023: an input read as typed that was likely meant otherwise (a warning, an error with --strict)."""
        self.problems.append(problem("A023", id, path, msg("hint.form-data-column"), **args).at(raw.where))

    def input(self, raw: Raw, path: DocPath, rule: Any, top: Decimal | None = None) -> Any:
        """A self, appraised or survey cell as the leaf's rule reads it."""
        read = self._input(raw, path, rule)
        if isinstance(read, Decimal) and getattr(rule, "takes_percent", False) and raw.percent != 100:
            typed = raw.value if isinstance(raw.value, str) else None
            if typed is not None and typed.strip().endswith("%"):
                return read
            if 0 < read <= 1:
                self.doubt(raw, path, "form-percent-fraction", number=read, meant=(read * 100).normalize())
            elif top is not None and 0 < read <= top:
                self.doubt(raw, path, "form-percent-points", number=read, max=top)
        return read

    def _input(self, raw: Raw, path: DocPath, rule: Any) -> Any:
        value = raw.value
        if raw.uncomputed:
            self.refuse(raw, path, "uncomputed-formula", msg("hint.recompute"))
            return None
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, NotANumber):  # `NaN`, `1e400` stored in a number cell
            self.not_a_number(raw, path)
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, datetime.datetime | datetime.date | datetime.time):  # `12/12` typed: 12 December
            shown = value.strftime("%H:%M" if isinstance(value, datetime.time) else "%d/%m/%Y")
            self.refuse(raw, path, "date-cell", msg("hint.date-cell"), shown=shown)
            return None
        if isinstance(value, int | float):
            if isinstance(value, float) and not math.isfinite(value):  # `1e400`, `inf`, `nan` in the cell's XML
                self.not_a_number(raw, path)
                return None
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
            if not _bounded(number):
                return self.figure(raw, path, f"{number:f}")  # says so
            if raw.percent:  # the cell shows a percent sign: read as it shows (95% for 0.95 in `0%`)
                if raw.percent == 100:
                    number *= 100
                if rule is not None and not rule.takes_percent:
                    self.refuse(raw, path, "percent-cell", shown=f"{number.normalize():f}%")
                    return None
            number = number.normalize()
            return self.figure(raw, path, f"{number if not number.is_zero() else Decimal(0):f}")  # -0 is 0
        return self.text_input(raw, path, str(value), rule)

    def not_a_number(self, raw: Raw, path: DocPath) -> None:
        self.problems.append(problem("Y012", "not-a-number", path, msg("hint.finite"), text=raw.value).at(raw.where))

    def figure(self, raw: Raw, path: DocPath, text: str) -> TextNumber | None:
        """A figure within the bounds a YAML file's figures keep (Y012 outside them, as there)."""
        number = TextNumber(text)
        if not _bounded(number):
            hint = msg("hint.figure-range", low=MAX_EXPONENT, high=MAX_EXPONENT, digits=MAX_DIGITS)
            self.problems.append(problem("Y012", "out-of-range", path, hint, text=text).at(raw.where))
            return None
        return number

    def text_input(self, raw: Raw, path: DocPath, value: str, rule: Any) -> Any:
        text = unicodedata.normalize("NFC", value).strip()
        folded = _fold(text)
        if folded in NOT_APPLICABLE:
            return "na"
        kind = getattr(rule, "kind", None)
        if kind == "check" and folded in YES | NO:
            return folded in YES
        if kind == "levels":
            for level in rule.levels:
                if text == level.key or (level.label and text.casefold() == level.label.casefold()):
                    return level.key
            return text
        done_total = _DONE_TOTAL.fullmatch(text)
        if done_total and (rule is None or rule.takes_percent):
            done, total = self.figure(raw, path, done_total.group(1)), self.figure(raw, path, done_total.group(2))
            if done is None or total is None:
                return None
            parts = [part.replace(".", "") if _THOUSANDS_DOT.fullmatch(part) else part for part in done_total.groups()]
            if parts != list(done_total.groups()) and Decimal(parts[1]):
                meant = (Decimal(parts[0]) * 100 / Decimal(parts[1])).quantize(Decimal("0.01"))
                self.doubt(raw, path, "form-thousands-ratio", text=text, meant=f"{parts[0]}/{parts[1]}", percent=meant)
            return {"done": done, "total": total}
        typed = text[:-1].strip() if text.endswith("%") and (rule is None or rule.takes_percent) else None
        if typed is not None and _NUMBER.fullmatch(typed):
            return self.figure(raw, path, typed)
        if typed is not None and _COMMA.fullmatch(typed) and only_decimal_comma(typed):  # `97,34%`: as the form reads
            return self.figure(raw, path, typed.replace(",", "."))
        comma = _COMMA.fullmatch(text)
        if comma and only_decimal_comma(text):
            return self.figure(raw, path, text.replace(",", "."))
        if _NUMBER.fullmatch(text):
            if _THOUSANDS_DOT.fullmatch(text.lstrip("+-")):
                self.doubt(raw, path, "form-thousands-dot", text=text, meant=text.replace(".", ""))
            return self.figure(raw, path, text)
        if comma:
            whole, _, part = text.partition(",")
            self.problems.append(
                problem(
                    "Y005",
                    "decimal-comma",
                    path,
                    msg(
                        "hint.form-comma", decimal=f"{Decimal(f'{whole}.{part}').normalize():f}", whole=f"{whole}{part}"
                    ),
                    text=text,
                ).at(raw.where)
            )
            return None
        return text


def uncomputed(file: str, sheet: str, coordinate: str, row: int, column: int) -> Diagnostic:
    """A003 at a formula never computed in a table or an annex (`par import`, `par survey tally`, `par criteria
    import`), in the words a form's cell gets (`CellReader.refuse`): its value is unknown, never read as empty."""
    return problem("A003", "uncomputed-formula", hint=msg("hint.recompute")).at(
        Cell(file, sheet, coordinate, row, column)
    )
