"""Figures for people, each language's way (its file's `decimal` and `group`): Vietnamese numbers use a decimal
comma and a dot between thousands (88,52; 1.234,5); English the reverse (88.52; 1,234.5). JSON never goes through
here."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from par_cli.core.numbers import round_half_up
from par_cli.words.languages import language

SHORT_PLACES = 4  # an exact value with a longer (or endless) decimal expansion is shown as ≈ this many places
_SCALE = 10**SHORT_PLACES


def fmt(value: Decimal | Fraction | int) -> str:
    """A figure as written in a file: `0.5`, `2`, `12.75`; `≈1.9077` for 1.907692307…"""
    if isinstance(value, Fraction):
        denominator = value.denominator
        if denominator == 1:
            return str(value.numerator)
        if _SCALE % denominator == 0:  # at most SHORT_PLACES decimals: written out exactly, in whole numbers
            sign = "-" if value.numerator < 0 else ""
            whole, part = divmod(abs(value.numerator) * (_SCALE // denominator), _SCALE)
            return f"{sign}{whole}.{part:0{SHORT_PLACES}d}".rstrip("0")
        return f"≈{round_half_up(value, SHORT_PLACES).normalize():f}"
    if isinstance(value, Decimal):
        return f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    return str(value)


def group_digits(text: str, lang: str) -> str:
    """`1234.5` → `1.234,5` (vi) or `1,234.5` (en); the input uses a dot as decimal separator. A negative
    figure takes the true minus sign (−), as everywhere people read par's figures."""
    sign = "−" if text.startswith("-") else ""
    whole, _, decimals = text.lstrip("-").partition(".")
    written = language(lang)
    thousands, point = written.group, written.decimal
    groups: list[str] = []
    while len(whole) > 3:
        whole, tail = whole[:-3], whole[-3:]
        groups.insert(0, tail)
    whole = thousands.join([whole, *groups])
    return sign + whole + (point + decimals if decimals else "")


def figure(value: Fraction | None, places: int, lang: str) -> str:
    """An exact value rounded half-up once and written in the language's style; "—" when there is none."""
    if value is None:
        return "—"
    return group_digits(f"{round_half_up(value, places):f}", lang)


def plain(value: Decimal | Fraction | int, lang: str) -> str:
    """A figure as a rule writes it (`0.5` / `0,5`): no fixed decimals; `≈` before a rounded endless one."""
    text = fmt(value)
    approximate = text.startswith("≈")
    return ("≈" if approximate else "") + group_digits(text.removeprefix("≈"), lang)


def signed(value: Decimal | Fraction, lang: str) -> str:
    """`+0.5`, `−0.5`, `≈−0.33`: a change, with a true minus sign."""
    magnitude: Decimal | Fraction = -value if value < 0 else value
    text = plain(magnitude, lang)
    approximate = text.startswith("≈")
    return ("≈" if approximate else "") + ("−" if value < 0 else "+") + text.removeprefix("≈")


def signed_figure(value: Fraction, places: int, lang: str) -> str:
    """+0,50, −1,25, or 0 (no sign) once rounded."""
    text = figure(abs(value), places, lang)
    if round_half_up(abs(value), places) == 0:
        return text
    return ("+" if value > 0 else "−") + text
