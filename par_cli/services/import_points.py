"""`par import`'s points columns (`Điểm tự chấm`, `Điểm thẩm định`): the input of a `points` criterion, refused
where the criterion takes data, checked against the data beside them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from par_cli.core.diagnostics import Diagnostic, DocPath, msg, problem
from par_cli.core.numbers import only_decimal_comma, round_half_up
from par_cli.readers.form_cells import CellReader, Raw
from par_cli.words.codes import errors_only

POINTS_FIELDS = {"self_points": "self", "appraised_points": "appraised"}  # points a column holds → the input field
DATA_TITLES = {"self": ("Tự đánh giá", "Self"), "appraised": ("Thẩm định", "Appraised")}


def points_input(
    reader: CellReader,
    cell: Raw,
    path: DocPath,
    code: str,
    rule: Any,
    survey: bool,
    fields: dict[str, Raw],
    field: str,
    problems: list[Diagnostic],
    top: Decimal | None = None,
) -> bool:
    """Whether a points cell (`Điểm tự chấm`, `Điểm thẩm định`) is the criterion's input: on a `points` criterion
    it is; where the rule takes data (a percentage, a count, a level) the points are what par computes, so a
    value there is refused at the cell, with the data column named; a row that has the data too keeps it."""
    if getattr(rule, "kind", None) == "points" and not survey:
        return True
    data = fields.get(POINTS_FIELDS[field])
    if reader.text(cell, path) is None:
        return False
    if data is not None and reader.text(data, path) is not None:
        _points_beside_data(cell, data, path, code, rule, top, problems)
        return False
    target = POINTS_FIELDS[field]
    kind = "survey" if survey else getattr(rule, "kind", "?")
    hint = msg("hint.import-data-column", title=DATA_TITLES[target][0], field=target)
    problems.append(problem("A003", "import-points-not-input", path, hint, code=code, kind=kind).at(cell.where))
    return False


def _points_beside_data(
    cell: Raw, data: Raw, path: DocPath, code: str, rule: Any, top: Decimal | None, problems: list[Diagnostic]
) -> None:
    """A table's points beside its data: par scores the data, and says so (A026, at the points cell) where the
    table's points are not what the data earns at the table's own decimals (points typed by hand, stale)."""
    quiet = CellReader([])  # the cells' own problems are said where they are read
    text = quiet.text(cell, path)
    value = quiet.input(data, path, rule, top)
    if text is None or value is None or top is None or rule is None or errors_only(quiet.problems):
        return
    typed = text.strip()
    try:
        given = Decimal(typed.replace(",", ".") if only_decimal_comma(typed) else typed)
        earned = rule.points(rule.read(value, top), Fraction(top))
    except (ArithmeticError, ValueError):  # not a figure, or data the rule refuses: said elsewhere
        return
    places = max(0, -int(given.as_tuple().exponent))
    if given.is_finite() and round_half_up(earned, places) != given:
        shown = round_half_up(earned, max(places, 2))
        problems.append(
            problem("A026", "import-points-differ", path, code=code, given=typed, earned=shown).at(cell.where)
        )
