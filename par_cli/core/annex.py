"""A criteria tree from the rows of a decision's annex table (STT | criterion | max | how to score | evidence).

Pure: rows in, a draft out. The numbering places each row: Roman `I`, `II` are areas; `1`, `1.1`, `1.1.1` go one
level deeper per dot (below a Roman area, one more); `a)`, `b)` and `-` are sub-items of the row above them.
The number may stand in its own column or at the start of the text. Codes are the typed numbers where they fit
the tree (`1.2` under `1`), else the parent's code and the position (`II` → `2`, `a)` under `1.2` → `1.2.1`).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from par_cli.core.annex_rules import read_rule
from par_cli.core.diagnostics import Diagnostic, Location, problem
from par_cli.core.named_tuple import NamedTuple

ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
}
_ROMAN = re.compile(r"^(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s*[.)]?(?:\s+|$)")
_ARABIC = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\s*[.)]?(?:\s+|$)")
_LETTER = re.compile(r"^([a-zđ])\s*\)\s*")
_DASH = re.compile(r"^[-–—•+]\s*")
_POINTS = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*$", re.IGNORECASE)
TOTAL_WORDS = ("tổng", "tổng cộng", "tổng điểm", "cộng")


class AnnexRow(NamedTuple):
    where: Location
    number: str  # the STT column ("" when the annex has none or it is blank)
    text: str
    max: str
    guide: str = ""


class Draft(NamedTuple):
    """The set as far as the annex tells it (plain data, ready to write as YAML), and what it could not decide."""

    areas: list[dict[str, Any]]
    problems: list[Diagnostic]
    total: Decimal | None  # the annex's own total row, when it has one
    decided: dict[str, int]  # rule kind → leaves


def points_of(text: str) -> Decimal | None:
    """`2`, `0,5`, `1.5 điểm` → exact points; anything else → None."""
    found = _POINTS.match(text.replace("\xa0", " "))
    if found is None:
        return None
    try:
        return Decimal(found.group(1).replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return None


def numbering(number: str, text: str) -> tuple[str, str, str]:
    """(kind: roman|arabic|letter|dash|"", the number, the text without it)."""
    for source in (number.strip(), ""):
        candidate = source or text.strip()
        for kind, pattern in (("roman", _ROMAN), ("arabic", _ARABIC), ("letter", _LETTER), ("dash", _DASH)):
            found = pattern.match(candidate + (" " if source else ""))
            if found is not None:
                rest = text.strip() if source else candidate[found.end() :].strip()
                value = found.group(1) if found.groups() else "-"
                return kind, value, rest
    return "", "", text.strip()


class _Builder:
    def __init__(self) -> None:
        self.areas: list[dict[str, Any]] = []
        self.stack: list[tuple[int, dict[str, Any]]] = []  # (depth, node) from area down
        self.roman = False
        self.problems: list[Diagnostic] = []
        self.total: Decimal | None = None
        self.decided: dict[str, int] = {}

    def add(self, row: AnnexRow) -> None:
        kind, number, text = numbering(row.number, row.text)
        maximum = points_of(row.max)
        if not kind and text.casefold().rstrip(":") in TOTAL_WORDS:
            self.total = maximum
            return
        if not kind and not text:
            return
        depth = self._depth(kind, number)
        if depth is None:
            self.problems.append(problem("C020", "annex-unplaced", text=text[:80]).at(row.where))
            return
        while self.stack and self.stack[-1][0] >= depth:
            self.stack.pop()
        siblings = self.stack[-1][1].setdefault("children", []) if self.stack else self.areas
        parent_code = self.stack[-1][1]["code"] if self.stack else ""
        code = self._code(kind, number, parent_code, len(siblings) + 1)
        node: dict[str, Any] = {"code": code, "title": text, "max": maximum if maximum is not None else Decimal(0)}
        node["_where"], node["_guide"], node["_kind"] = row.where, " ".join(row.guide.split()), kind
        node["_max"] = row.max  # as written, when it is not a number of points
        siblings.append(node)
        self.stack.append((depth, node))

    def _depth(self, kind: str, number: str) -> int | None:
        if kind == "roman":
            self.roman = True
            return 1
        if kind == "arabic":
            return number.count(".") + 1 + (1 if self.roman else 0)
        if kind == "letter" and self.stack:  # below the last numbered row
            numbered = [d for d, node in self.stack if node["_kind"] in ("roman", "arabic")]
            return (numbered[-1] if numbered else self.stack[-1][0]) + 1
        if kind == "dash" and self.stack:  # below the row above, unless that is a dash item too
            depth, above = self.stack[-1]
            return depth if above["_kind"] == "dash" else depth + 1
        return None

    @staticmethod
    def _code(kind: str, number: str, parent: str, position: int) -> str:
        if kind == "arabic" and "." in number and number.rsplit(".", 1)[0] == parent:
            return number
        if kind == "arabic" and not parent and "." not in number:
            return number
        if kind == "roman":
            return str(ROMAN[number])
        return f"{parent}.{position}" if parent else str(position)

    def finish(self) -> Draft:
        for area in self.areas:
            self._leaves(area)
        return Draft(self.areas, self.problems, self.total, self.decided)

    def _leaves(self, node: dict[str, Any]) -> None:
        guide, where = node.pop("_guide"), node.pop("_where")
        node.pop("_kind")
        written = node.pop("_max")
        if guide:
            node["guide"] = guide
        if node.get("children"):
            for child in node["children"]:
                self._leaves(child)
            if points_of(written) is None:  # a heading row merged across the max column: its children's sum
                node["max"] = sum((child["max"] for child in node["children"]), Decimal(0))
            return
        if points_of(written) is None:
            self.problems.append(problem("C021", "annex-no-max", code=node["code"], value=written).at(where))
        rule, note = read_rule(guide, node["max"])
        node["rule"] = rule
        self.decided[rule["kind"]] = self.decided.get(rule["kind"], 0) + 1
        if note:
            node["_todo"] = note
            self.problems.append(problem("C022", "annex-rule-undecided", code=node["code"]).at(where))


def build(rows: list[AnnexRow]) -> Draft:
    """The draft tree of an annex, every row it could not place or read located."""
    builder = _Builder()
    for row in rows:
        builder.add(row)
    return builder.finish()
