"""Texts laid out in columns for a terminal: wrapped at their spaces, never inside a word."""

from __future__ import annotations

import bisect
import textwrap
from collections.abc import Sequence

# Characters rich counts one cell wide (tests/test_plain_writer.py checks each): rich's own Latin, Greek and
# Cyrillic, Vietnamese (Latin Extended Additional), punctuation, currency signs, arrows, mathematical operators,
# box drawing and blocks: each character met in them is counted one cell wide without rich's width table (~1 ms
# to load), read only for a character outside them.
NARROW = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x1E00, 0x1EFF),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20A0, 0x20C0),
    (0x2190, 0x22FF),
    (0x2500, 0x25FC),
)
_BOUNDS = [bound for start, end in NARROW for bound in (start, end + 1)]  # a character in NARROW: odd insertion
_ONE = set(map(chr, range(0x20, 0x7F)))  # characters one cell wide met so far: a set grown as text is seen


def cells(text: str) -> int:
    """The cells `text` takes on a terminal: rich's `cell_len`, sooner. Without a joiner or a variation selector,
    each character counts alone, as rich counts it; those one cell wide are kept to count a text of only them by
    its length (rich only knows the Latin, Greek and Cyrillic ones: a Vietnamese name was counted letter by
    letter)."""
    if _ONE.issuperset(text):
        return len(text)
    met = set(text).difference(_ONE)
    if all(bisect.bisect_right(_BOUNDS, ord(char)) % 2 for char in met):
        _ONE.update(met)
        return len(text)
    from rich.cells import cell_len, get_character_cell_size

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
    widths = {n: max(cells(row[n]) for row in rows) for n in shown}
    floors = {
        n: max((cells(w) for row in rows for w in row[n].split()), default=0) if wraps[n] else widths[n] for n in shown
    }
    room = width - 2 * (len(shown) - 1)
    while width and sum(widths.values()) > room:
        slack = [(w, n) for n, w in widths.items() if w > floors[n]]
        if not slack:
            return [["  ".join(row[n] for n in range(kept) if row[n])] for row in rows]
        widths[max(slack)[1]] -= 1
    out: list[list[str]] = []
    for row in rows:
        texts = [wrapped(row[n], widths[n]).split("\n") if wraps[n] else [row[n]] for n in shown]
        height = max(len(text) for text in texts)
        lines = []
        for i in range(height):
            parts = [text[i] if i < len(text) else "" for text in texts]
            padded = [part + " " * (widths[n] - cells(part)) for n, part in zip(shown, parts, strict=True)]
            lines.append("  ".join(padded).rstrip())
        out.append(lines)
    return out
