"""Text from files shown as text: control characters (an ANSI escape, a bell, a backspace) are written out as
`\\x1b` and the like, so that nothing a file contains can drive the terminal. Markup is never interpreted:
renderers hand rich `Text` objects, not markup strings."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides that reorder a line.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """`Sở\\x1b[31m` as those characters, not as a colour."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )
