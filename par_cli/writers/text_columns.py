"""Texts laid out in columns for a terminal: wrapped at their spaces, never inside a word."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.cells import cell_len, get_character_cell_size

_ONE = set(map(chr, range(0x20, 0x7F)))  # characters one cell wide (those met so far): a set grown as text is seen


def cells(text: str) -> int:
    """The cells `text` takes on a terminal: rich's `cell_len`, sooner. Without a joiner or a variation selector,
    each character counts alone, as rich counts it; those one cell wide are kept to count a text of only them by
    its length (rich only knows the Latin, Greek and Cyrillic ones: a Vietnamese name was counted letter by
    letter)."""
    if _ONE.issuperset(text):
        return len(text)
    if "\u200d" in text or "\ufe0f" in text:
        return cell_len(text)
    sizes = list(map(get_character_cell_size, text))
    _ONE.update(char for char, size in zip(text, sizes, strict=True) if size == 1)
    return sum(sizes)


def wrapped(text: str, width: int) -> str:
    """`text` wrapped at its spaces into `width` (a no-break space holds two words together)."""
    lines = []
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip(" "))
        if cells(line) <= width:
            lines.append(line)
            continue
        broken = textwrap.wrap(
            line.strip(" "),
            width,
            initial_indent=" " * lead,
            subsequent_indent=" " * lead,
            break_long_words=False,
            break_on_hyphens=False,
        )
        lines += broken or [line]
    return "\n".join(lines)


def aligned(rows: Sequence[Sequence[str]], kept: int, wraps: Sequence[bool], width: int) -> list[list[str]]:
    """Each row's first `kept` cells as lines, in columns two spaces apart within `width`: figures and codes
    whole, texts (`wraps`) wrapped at their spaces, the widest first, never below its longest word; on one line
    each where no such columns fit."""
    shown = [n for n in range(kept) if any(row[n] for row in rows)]
    widths = {n: max(cell_len(row[n]) for row in rows) for n in shown}
    floors = {
        n: max((cell_len(w) for row in rows for w in row[n].split()), default=0) if wraps[n] else widths[n]
        for n in shown
    }
    room = width - 2 * (len(shown) - 1)
    while width and sum(widths.values()) > room:
        slack = [(w, n) for n, w in widths.items() if w > floors[n]]
        if not slack:
            return [["  ".join(row[n] for n in range(kept) if row[n])] for row in rows]
        widths[max(slack)[1]] -= 1
    out: list[list[str]] = []
    for row in rows:
        cells = [wrapped(row[n], widths[n]).split("\n") if wraps[n] else [row[n]] for n in shown]
        height = max(len(cell) for cell in cells)
        lines = []
        for i in range(height):
            parts = [cell[i] if i < len(cell) else "" for cell in cells]
            padded = [part + " " * (widths[n] - cell_len(part)) for n, part in zip(shown, parts, strict=True)]
            lines.append("  ".join(padded).rstrip())
        out.append(lines)
    return out
