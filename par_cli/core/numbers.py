"""Exact figures: numbers that keep their written text, exact sums, and rounding half-up once, at display."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal, localcontext
from fractions import Fraction
from itertools import repeat
from math import gcd
from operator import attrgetter, is_, methodcaller, truediv
from typing import cast


class TextNumber(Decimal):
    """A number read from a file: an exact Decimal that keeps the text it was written as (`1.10`, `01`)."""

    __slots__ = ("source",)
    source: str

    def __new__(cls, text: str) -> TextNumber:
        number = super().__new__(cls, text)
        number.source = text
        return number


def round_half_up(value: Fraction, places: int) -> Decimal:
    """Round an exact value half-up (away from zero on a tie) to `places` decimals: 93.595 → 93.60."""
    numerator, denominator = value.numerator, value.denominator  # in integers: a ranking rounds tens of thousands
    whole, remainder = divmod(abs(numerator) * 10**places, denominator)
    if 2 * remainder >= denominator:
        whole += 1
    return Decimal(-whole if numerator < 0 else whole).scaleb(-places)


def shown_difference(value: Fraction, other: Fraction, places: int) -> Fraction:
    """value − other as a reader subtracts them once printed: each rounded half-up first, so that a difference
    shown beside its two figures always checks (95.99 − 87.33 = 8.66, never the exact 8.65 rounded)."""
    return Fraction(round_half_up(value, places)) - Fraction(round_half_up(other, places))


def telling_places(value: Fraction, other: Fraction, places: int) -> int:
    """The places that show two different figures apart: `places`, or up to 4 more when rounding would print them
    the same (a council reading `0,44 → 0,44 (0,00)` sees a change of nothing; `0,439 → 0,435` tells it)."""
    decimals = places
    if value != other:
        while decimals < places + 4 and round_half_up(value, decimals) == round_half_up(other, decimals):
            decimals += 1
    return decimals


def shown(value: Fraction, places: int) -> str:
    """A figure as printed: `90.41`, `96.50`."""
    return f"{round_half_up(value, places):f}"


def percent(part: Fraction, whole: Fraction) -> Fraction | None:
    """part / whole × 100, exact; None when nothing applies (whole 0)."""
    if part.__class__ is Fraction and whole.__class__ is Fraction:  # one division of integers: the same value
        whole_n = whole.numerator
        if not whole_n:
            return None
        return Fraction(part.numerator * 100 * whole.denominator, part.denominator * whole_n)
    if whole == 0:
        return None
    return part * 100 / whole


_ZERO = Fraction(0)


def clamp_percent(value: Fraction, top: Fraction | None = Fraction(100)) -> Fraction:
    """An index within 0–100 (or above 100 too, with `top=None`: a set whose bonus may exceed the maximum)."""
    floor = value if value > 0 else _ZERO
    return floor if top is None or not floor > top else top


def decimal_sum(values: Iterable[Decimal]) -> Decimal:
    """Σ of decimals, exactly (the default context keeps 28 digits; a file's figures may carry 30)."""
    with localcontext() as context:
        context.prec = 400  # far above the digits of any sum of figures par accepts (±1e15, 30 digits)
        return sum(values, Decimal(0))


def exact_sum(values: Iterable[Fraction]) -> Fraction:
    """Σ of fractions, normalised once at the end (each `+` of Fraction would normalise on its own), over a running
    least common denominator: multiplying the denominators instead grows them without bound (a group of 34,000
    indices took 1.8 s, quadratic; now 37 ms)."""
    numerator, denominator = 0, 1
    for value in values:
        n, d = value.numerator, value.denominator
        if d == denominator:
            numerator += n
        elif denominator % d == 0:
            numerator += n * (denominator // d)
        else:
            common = gcd(denominator, d)
            scale = d // common
            numerator, denominator = numerator * scale + n * (denominator // common), denominator * scale
    return Fraction(numerator, denominator)


class Ascending:
    """Exact figures sorted once, then counted above a value by bisection on their distinct floats (compared in C):
    a float is the correctly rounded figure, so a smaller float is never a larger figure, and figures are compared
    exactly only among those of the value's own float (one comparison of integers when, as usual, they are all the
    same figure). Comparing Fractions throughout took most of a national trend's time (tens of thousands of
    units, each ranked in every area of every period, many with equal figures)."""

    __slots__ = ("at", "floats", "runs", "total", "upto")

    def __init__(self, values: Iterable[Fraction]) -> None:
        decorated = sorted([(float(value), value) for value in values], key=_first)
        self.total = len(decorated)
        self.floats: list[float] = []  # distinct, ascending
        self.upto: list[int] = []  # the figures at or below each float
        self.runs: list[list[Fraction]] = []  # the figures of each float, in exact order
        for key, value in decorated:
            if self.floats and self.floats[-1] == key:
                self.runs[-1].append(value)
            else:
                self.floats.append(key)
                self.runs.append([value])
        count = 0
        for run in self.runs:
            if len(run) > 1 and any(other != run[0] for other in run):  # figures of one float that differ: rare
                run.sort()
            count += len(run)
            self.upto.append(count)
        # each float's place, found in one step: the figures asked about are mostly the figures themselves, and a
        # bisection of tens of thousands of floats (each an object of its own) is slower than linear in memory
        self.at = {key: n for n, key in enumerate(self.floats)}

    def __len__(self) -> int:
        return self.total

    def above(self, value: Fraction) -> int:
        """How many of the figures are larger than `value`."""
        key = float(value)
        n = self.at.get(key, -1)
        if n < 0:  # none of the figures is this float: those of the floats above it are larger
            n = bisect_left(self.floats, key)
            return self.total - (self.upto[n - 1] if n else 0)
        run = self.runs[n]
        last = run[-1]
        if value.numerator == last.numerator and value.denominator == last.denominator:  # the usual: one of them
            return self.total - self.upto[n]
        return self.total - self.upto[n] + len(run) - bisect_right(run, value)


def _first(pair: tuple[float, Fraction]) -> float:
    return pair[0]


_ratio = methodcaller("as_integer_ratio")
_numerator = attrgetter("_numerator")  # a Fraction's terms as they are held: no call into Python, no new object
_denominator = attrgetter("_denominator")


def ranks_down(values: Sequence[Fraction | None]) -> list[int | None]:
    """Each figure's rank among `values`, high to low: 1 + the figures larger than it (ties share it; None for
    None, which is not counted). What `Ascending.above` + 1 gives each, without a lookup per figure (a national
    trend ranks every unit in every area of every period): the figures' floats counted and sorted once (compared
    in C; a smaller float is never a larger figure), compared exactly only where one float stands for several."""
    floats: Sequence[float | None]
    if any(map(is_, values, repeat(None))) or not all(map(isinstance, values, repeat(Fraction))):
        ratios = [None if value is None else value.as_integer_ratio() for value in values]
        floats = [None if ratio is None else ratio[0] / ratio[1] for ratio in ratios]
        counts = Counter(floats)
        counts.pop(None, None)
        several = len(set(ratios) - {None}) != len(counts)
    else:  # the usual: every unit's figure, in C (no pair made per figure: tens of thousands, a column)
        figures = cast("Sequence[Fraction]", values)
        terms = list(map(truediv, map(_numerator, figures), map(_denominator, figures)))  # one walk over them
        floats = terms
        counts = Counter(floats)
        several = not _floats_apart(terms, figures) and len(set(map(_ratio, figures))) != len(counts)
    if several:  # several figures of one float: rare
        exact = Ascending(value for value in values if value is not None)
        return [None if value is None else exact.above(value) + 1 for value in values]
    place: dict[float | None, int | None] = {None: None}
    above = 0
    for key in sorted((key for key in counts if key is not None), reverse=True):  # (None was popped)
        place[key] = above + 1
        above += counts[key]
    return list(map(place.__getitem__, floats))


class Distinct:
    """Exact figures counted, for dense ranks (`ranking.ties: dense`): how many distinct figures are above a value;
    a figure held only by units `leaving` (merged into the value) is not counted."""

    __slots__ = ("counts", "distinct")

    def __init__(self, values: Iterable[Fraction]) -> None:
        self.counts = Counter(values)
        self.distinct = sorted(self.counts)

    def above(self, value: Fraction, leaving: Iterable[Fraction] = ()) -> int:
        above = len(self.distinct) - bisect_right(self.distinct, value)
        gone = Counter(figure for figure in leaving if figure > value)
        return above - sum(1 for figure, n in gone.items() if self.counts[figure] == n)


def dense_ranks_down(values: Sequence[Fraction | None]) -> list[int | None]:
    """Each figure's dense rank among `values`, high to low: 1 + the distinct figures larger than it (1, 1, 2, as a
    criteria set's `ranking.ties: dense` ranks its agencies); None for None, which is not counted."""
    distinct = sorted({value for value in values if value is not None}, reverse=True)
    place = {value: n for n, value in enumerate(distinct, 1)}
    return [None if value is None else place[value] for value in values]


def _floats_apart(floats: list[float], values: Sequence[Fraction]) -> bool:
    """Whether fractions (in lowest terms) of denominators up to D and sizes up to V that differ always have
    different floats: two differ by 1/D² at least, and the float of each is within V·2⁻⁵³ of it, so D² · V < 2⁵⁰
    is enough (the usual: scores in quarters over maxima of a few dozen points)."""
    if not floats:
        return True
    largest = max(max(floats), -min(floats)) + 1
    denominator = max(map(_denominator, values))
    return largest < 2**50 and denominator**2 * largest < 2**50


def only_decimal_comma(text: str) -> bool:
    """Whether a comma can only be a decimal comma: 1–2 digits (or more than 3) after it, or a whole part a
    thousands separator cannot follow (`0,125`, `1250,5`); `1,250` might be one and a quarter or 1250."""
    whole, _, part = text.lstrip("+-").partition(",")
    return len(part) != 3 or whole.startswith("0") or len(whole) > 3
