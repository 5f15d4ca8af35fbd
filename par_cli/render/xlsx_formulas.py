"""The form's `Điểm tự chấm (tự tính)` column: an Excel formula giving the points the agency's input earns, for
the rule kinds where a formula can be exact (check, levels, tiers, linear, between, count, deduction, points).

The formula reads the input as the form's reader does: a number, or text (`95`, `95%`, `45/50`; a decimal
point, never the locale's comma: NUMBERVALUE with "."), `Có`/`Không` for checks, a level's label or key. It shows
`KPS` for not applicable, `?` for an input par would refuse (par check says why), and nothing while the input is
blank. Every constant is written from par's exact figures, so a recalculated cell equals par's points (the test
recalculates in LibreOffice). Other kinds (relative, likert) get no formula: par computes them when scoring.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from par_cli.core.rules.base import award
from par_cli.words.catalogue import text
from par_cli.words.labels import every, label

_NUMBER_OF = '_xlfn.NUMBERVALUE(SUBSTITUTE({text},",","."),".")'  # `97,5` too: a Vietnamese decimal comma
# The words the form's reader takes besides the labels (`readers.form_cells`: any case, with or without diacritics;
# Excel compares text ignoring case only, so each is written with and without them).
YES_WORDS = ("Co", "Đạt", "Dat", "true", "x")
NO_WORDS = ("Khong", "Không đạt", "Khong dat", "Chưa đạt", "Chua dat", "false")
NA_WORDS = ("K.P.S", "Không phát sinh", "Khong phat sinh", "NA")


def _literal(value: Fraction | Decimal) -> str:
    """An exact figure as a formula constant (a double: what Excel computes with)."""
    number = Fraction(value)
    if number.denominator == 1:
        return str(number.numerator)
    return repr(float(number))


def _words(key: str, extra: tuple[str, ...] = ()) -> str:
    """`E5="Có",E5="Yes",…`: every word the reader takes (Excel compares text ignoring case)."""
    return ",".join(f'{{ref}}="{word}"' for word in (*every(key), *extra))


def _percent(ref: str) -> str:
    """The input as a percentage: a number (×100 in a percent-formatted cell: 95% is stored 0.95), `95`, `97,5`,
    `95%` or `45/50` (done over total)."""
    slash = f'FIND("/",{ref})'
    done = _NUMBER_OF.format(text=f"LEFT({ref},{slash}-1)")
    total = _NUMBER_OF.format(text=f"MID({ref},{slash}+1,99)")
    plain = _NUMBER_OF.format(text=f'SUBSTITUTE({ref},"%","")')
    number = f'IF(LEFT(CELL("format",{ref}),1)="P",100*{ref},{ref})'
    return f"IF(ISNUMBER({ref}),{number},IF(ISNUMBER({slash}),100*{done}/{total},{plain}))"


def _number(ref: str) -> str:
    return f"IF(ISNUMBER({ref}),{ref},{_NUMBER_OF.format(text=ref)})"


def points_formula(
    rule: Any, max_points: Decimal, ref: str, max_ref: str, levels: tuple[str, str, str] | None = None
) -> str | None:
    """The formula for the points `ref` earns under `rule` (None: no exact formula, par computes them).
    `levels`: for a levels rule, the hidden list's ranges of the levels' labels, keys and points."""
    body = _points(rule, max_points, ref, max_ref, levels)
    if body is None:
        return None
    na = ",".join(f'UPPER(TRIM({ref}))="{word.upper()}"' for word in (*every("na_input"), *NA_WORDS))
    return f'=IF(TRIM({ref})="","",IF(OR({na}),"{every("na_input")[0]}",IFERROR({body},"?")))'


def _points(rule: Any, max_points: Decimal, ref: str, max_ref: str, levels: tuple[str, str, str] | None) -> str | None:
    top = Fraction(max_points)
    kind = rule.kind
    if kind == "check":
        yes = _words("yes", YES_WORDS).format(ref=ref)
        no = _words("no", NO_WORDS).format(ref=ref)
        return f'IF(OR({ref}=TRUE,{yes}),{max_ref},IF(OR({ref}=FALSE,{no}),0,"?"))'
    if kind == "levels" and levels is not None:
        label, key, points = levels
        return f"IFERROR(INDEX({points},MATCH({ref},{label},0)),INDEX({points},MATCH({ref},{key},0)))"
    if kind in ("linear", "between", "tiers") and getattr(rule, "takes_percent", False):
        x = _percent(ref)
        if kind == "linear":
            zero, full = _literal(rule.zero_below), _literal(rule.full_at)
            inner = f"IF({x}<{zero},0,IF({x}>={full},{max_ref},{max_ref}*{x}/{full}))"
        elif kind == "between":
            low, high = _literal(rule.low), _literal(rule.high)
            inner = f"IF({x}<={low},0,IF({x}>={high},{max_ref},{max_ref}*({x}-{low})/({high}-{low})))"
        else:
            inner = _tiers(rule, top, x)
        return f'IF(OR({x}<0,{x}>100),"?",{inner})'
    if kind == "tiers":
        x = _number(ref)
        return f'IF({x}<0,"?",{_tiers(rule, top, x)})'
    if kind in ("count", "deduction"):
        n = _number(ref)
        per = _literal(rule.per)
        earned = f"MIN({max_ref},{per}*{n})" if kind == "count" else f"MAX(0,{max_ref}-{per}*{n})"
        return f'IF(OR({n}<0,{n}<>INT({n})),"?",{earned})'
    if kind == "points":
        n = _number(ref)
        return f'IF(OR({n}<0,{n}>{max_ref}),"?",{n})'
    return None


def _tiers(rule: Any, top: Fraction, x: str) -> str:
    formula = "0"
    for tier in reversed(rule.tiers):
        test = ">=" if tier.min is not None else ">"
        formula = f"IF({x}{test}{_literal(tier.bound)},{_literal(award(tier.points, tier.percent, top))},{formula})"
    return formula


def form_hint(rule: Any, lang: str) -> str:
    """What to type in the form's cells (the YAML form's hint says `true`; a workbook says Có/Không)."""
    if rule.kind == "check":
        return label("form.choose_yes_no", lang)
    if rule.kind == "levels":
        return label("form.pick", lang)
    if rule.takes_percent:
        return label("form.percent", lang)
    return f"{label('form.type', lang)}: {text(rule.input_hint(), lang)}"
