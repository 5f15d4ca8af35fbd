"""A bar drawn in text, for the terminal: block characters that read without colour."""

from __future__ import annotations

from fractions import Fraction

_PARTS = " ▏▎▍▌▋▊▉"


def bar(percent: Fraction | None, width: int = 8) -> str:
    """A bar of `width` cells for 0–100 %, in eighths of a cell (block characters read without colour)."""
    if percent is None:
        return ""
    eighths = int(min(max(percent, Fraction(0)), Fraction(100)) * width * 8 / 100)
    full, part = divmod(eighths, 8)
    text = "█" * full + (_PARTS[part] if part else "")
    return text.ljust(width, "·")
