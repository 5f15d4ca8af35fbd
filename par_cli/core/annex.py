"""A criteria tree from the rows of a decision's annex table (STT | criterion | max | how to score | evidence).

Pure: rows in, a draft out. The numbering places each row: Roman `I`, `II` are areas; `1`, `1.1`, `1.1.1` go one
level deeper per dot (below a Roman area, one more); `a)`, `b)` and `-` are sub-items of the row above them.
The number may stand in its own column or at the start of the text. Codes are the typed numbers where they fit
the tree (`1.2` under `1`), else the parent's code and the position (`II` → `2`, `a)` under `1.2` → `1.2.1`).

A criterion whose sub-items (`-`, `+`, `•`, `a)`…) are its scoring levels — one is worth 0, or the largest is the
criterion's max while they do not add up to it — takes them as its rule (`annex_rules.rule_of_items`). A
`ĐIỂM THƯỞNG` / `ĐIỂM TRỪ` heading (any case, with or without diacritics, numbered or not) opens the set's
adjustments (bonus / penalty, outside the maximum): the rows under it are its items.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from par_cli.core.annex_rules import read_rule, rule_of_items, slug, vn_number
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
_DASH = re.compile(r"^[-–—•+·∙●○▪*\uf0b7\uf02d]\s*")
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
    adjustments: list[dict[str, Any]]  # {code, title, kind, max} and `note`: its scoring text
    caps: dict[str, Decimal]  # "bonus_cap" / "penalty_cap": a heading's max below its items' sum
    places: dict[tuple[str | int, ...], Location]  # a node's (an adjustment's) path in the draft → its row


def points_of(text: str) -> Decimal | None:
    """`2`, `0,5`, `1.5 điểm` → exact points; anything else → None."""
    found = _POINTS.match(text.replace("\xa0", " "))
    if found is None:
        return None
    try:
        return vn_number(found.group(1))
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


def adjustment_kind(text: str) -> str | None:
    """`bonus` for an ĐIỂM THƯỞNG (điểm cộng) heading, `penalty` for ĐIỂM TRỪ, `both` for one heading of the two;
    any case, with or without diacritics."""
    plain = slug(text).replace("-", " ")
    bonus = plain.startswith(("diem thuong", "diem cong"))
    penalty = plain.startswith("diem tru") or (bonus and "diem tru" in plain)
    if not (bonus or penalty) or len(plain.split()) > 6:
        return None
    return "both" if bonus and penalty else "bonus" if bonus else "penalty"


class _Section(NamedTuple):
    kind: str  # bonus | penalty
    heading: AnnexRow
    items: list[AnnexRow]


class _Builder:
    def __init__(self) -> None:
        self.areas: list[dict[str, Any]] = []
        self.stack: list[tuple[int, dict[str, Any]]] = []  # (depth, node) from area down
        self.roman = False
        self.problems: list[Diagnostic] = []
        self.total: Decimal | None = None
        self.decided: dict[str, int] = {}
        self.sections: list[_Section] = []
        self.in_adjustments = False  # below a ĐIỂM THƯỞNG / ĐIỂM TRỪ heading: its items, not criteria

    def add(self, row: AnnexRow) -> None:
        kind, number, text = numbering(row.number, row.text)
        text = " ".join(text.split())  # a title typed over lines, or with a double space left by an edit
        maximum = points_of(row.max)
        if not kind and text.casefold().rstrip(":") in TOTAL_WORDS:
            self.total = maximum
            return
        if not kind and not text:
            return
        top = not kind or kind == "roman" or (kind == "arabic" and "." not in number)
        adjustment = adjustment_kind(text) if top else None
        if adjustment is not None:
            self.in_adjustments = True
            if adjustment != "both":
                self.sections.append(_Section(adjustment, row._replace(text=text), []))
            return
        if self.in_adjustments and kind != "roman":
            if self.sections:
                self.sections[-1].items.append(row._replace(number=kind and number, text=text))
            else:  # under "ĐIỂM THƯỞNG, ĐIỂM TRỪ" without saying which
                self.problems.append(problem("C020", "annex-unplaced", text=text[:80]).at(row.where))
            return
        self.in_adjustments = False
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
        places: dict[tuple[str | int, ...], Location] = {}
        for i, area in enumerate(self.areas):
            self._leaves(area, ("areas", i), places)
        adjustments, caps = self._adjustments(places)
        return Draft(self.areas, self.problems, self.total, self.decided, adjustments, caps, places)

    def _adjustments(
        self, places: dict[tuple[str | int, ...], Location]
    ) -> tuple[list[dict[str, Any]], dict[str, Decimal]]:
        adjustments: list[dict[str, Any]] = []
        caps: dict[str, Decimal] = {}
        seen: dict[str, int] = {}
        for section in self.sections:
            seen[section.kind] = seen.get(section.kind, 0) + 1
            prefix = ("T" if section.kind == "bonus" else "P") + (
                str(seen[section.kind]) if seen[section.kind] > 1 else ""
            )
            rows = section.items or [section.heading]
            total = Decimal(0)
            for n, row in enumerate(rows, start=1):
                code = f"{prefix}.{n}" if section.items else prefix
                maximum = points_of(row.max)
                if maximum is None:
                    self.problems.append(problem("C021", "annex-no-max", code=code, value=row.max).at(row.where))
                total += maximum or 0
                places[("adjustments", len(adjustments))] = row.where
                item = {"code": code, "title": row.text, "kind": section.kind, "max": maximum or Decimal(0)}
                adjustments.append({**item, "note": " ".join(row.guide.split())})
            heading = points_of(section.heading.max)
            if section.items and heading is not None and heading < total:
                caps[f"{section.kind}_cap"] = heading
        return adjustments, caps

    def _leaves(
        self, node: dict[str, Any], path: tuple[str | int, ...], places: dict[tuple[str | int, ...], Location]
    ) -> None:
        guide, where = node.pop("_guide"), node.pop("_where")
        places[path] = where
        node.pop("_kind")
        written = node.pop("_max")
        if guide:
            node["guide"] = guide
        items = _levels_of(node, points_of(written))
        if items is not None:  # its sub-rows are its scoring levels: it is a leaf
            del node["children"]
            node["max"] = max(points for _, points in items)
            if not guide:
                node["guide"] = "; ".join(f"{label}: {_vn(points)} điểm" for label, points in items)
            self._decided(node, rule_of_items(items), None, where)
            return
        if node.get("children"):
            for i, child in enumerate(node["children"]):
                self._leaves(child, (*path, "children", i), places)
            if points_of(written) is None:  # a heading row merged across the max column: its children's sum
                node["max"] = sum((child["max"] for child in node["children"]), Decimal(0))
            return
        if points_of(written) is None:
            self.problems.append(problem("C021", "annex-no-max", code=node["code"], value=written).at(where))
        rule, note = read_rule(guide, node["max"])
        self._decided(node, rule, note, where)

    def _decided(self, node: dict[str, Any], rule: dict[str, Any], note: str | None, where: Location) -> None:
        node["rule"] = rule
        self.decided[rule["kind"]] = self.decided.get(rule["kind"], 0) + 1
        if note:
            node["_todo"] = note
            self.problems.append(problem("C022", "annex-rule-undecided", code=node["code"]).at(where))


def _vn(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def _levels_of(node: dict[str, Any], written: Decimal | None) -> list[tuple[str, Decimal]] | None:
    """The (text, points) of a criterion's sub-items when they are its scoring levels rather than its parts: all
    bullet items (`-`, `+`, `•`, `a)`…) without parts of their own, each with its points, and one worth 0 or the
    largest being the criterion's max while they do not add up to it."""
    children = node.get("children") or []
    if len(children) < 2 or any(c["_kind"] not in ("dash", "letter") or c.get("children") for c in children):
        return None
    points = [points_of(c["_max"]) for c in children]
    if any(p is None for p in points):
        return None
    found = [p for p in points if p is not None]
    zero = 0 in found
    if not zero and (written is None or max(found) != written or sum(found) == written):
        return None
    return [(c["title"], p) for c, p in zip(children, found, strict=True)]


def build(rows: list[AnnexRow]) -> Draft:
    """The draft tree of an annex, every row it could not place or read located."""
    builder = _Builder()
    for row in rows:
        builder.add(row)
    return builder.finish()
