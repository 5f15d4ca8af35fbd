"""The report's prose blocks (`views.report`): a paragraph with strong words, the figures that sum a report up,
a list under its heading."""

from __future__ import annotations

from collections.abc import Sequence


class Line:
    """A paragraph of spans (text, strong), set apart from what is before it."""

    __slots__ = ("spans",)

    def __init__(self, spans: Sequence[tuple[str, bool]]):
        self.spans = tuple(spans)


class Figures:
    """The figures that sum a report up: (name, worded value) pairs (tiles on a page, lines in a document)."""

    __slots__ = ("pairs",)

    def __init__(self, pairs: Sequence[tuple[str, str]]):
        self.pairs = tuple(pairs)


class Items:
    """A heading over a list, set apart: (term, text) items; `numbered`: an ordered list (its term strong and
    the text after it), else bullets (`term: text`); `tones`: per item, its level (error, warning, info)."""

    __slots__ = ("heading", "items", "numbered", "tones")

    def __init__(
        self, heading: str, items: Sequence[tuple[str, str]], numbered: bool = False, tones: Sequence[str] = ()
    ):
        self.heading, self.items, self.numbered, self.tones = heading, tuple(items), numbered, tuple(tones)
