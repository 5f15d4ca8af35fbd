"""Text from files shown as text: control characters (an ANSI escape, a bell, a backspace) are written out as
`\\x1b` and the like, so that nothing a file contains can drive the terminal. Markup is never interpreted:
renderers hand rich `Text` objects, not markup strings."""

from __future__ import annotations

import functools
import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides that reorder a line.
_CONTROLS = [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]


@functools.cache
def _table() -> dict[int, str]:
    return {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _CONTROLS}


@functools.cache
def _any_control() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(code)) for code in _CONTROLS) + "]")


def visible(text: str) -> str:
    """`Sở\\x1b[31m` as those characters, not as a colour. A line ending `\\r\\n` (CSV's) stays one."""
    if text.isprintable() or text.replace("\n", "").isprintable() or _any_control().search(text) is None:
        return text  # (line breaks are not printable: lines of printable characters need no search)
    if "\r\n" in text:
        return "\r\n".join(part.translate(_table()) for part in text.split("\r\n"))
    return text.translate(_table())
