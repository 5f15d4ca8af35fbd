"""What rich's Console (as `shell.console()` makes it) decides about standard output, decided without importing
rich's console (~30 ms of a one-file `par score`): its width, and whether it draws any style at all.

Mirrors rich 13–15's `Console.is_terminal`, `is_dumb_terminal`, `_detect_color_system` and `size` on a POSIX
system outside Jupyter; elsewhere (Windows, IPython) `width` asks rich itself and `plain` says None.
tests/test_plain_screen.py checks the two agree under each environment that sways them.
"""

from __future__ import annotations

import builtins
import os
import sys

_STD_STREAMS = (0, 1, 2)  # rich's `_STD_STREAMS`: the first of them that is a terminal gives the size


def _mirrored() -> bool:
    """Whether this is a case the mirror follows (else rich is asked)."""
    stdin_module = getattr(sys.stdin, "__module__", "") or ""
    return sys.platform != "win32" and not hasattr(builtins, "get_ipython") and not stdin_module.startswith("idlelib")


def _terminal() -> bool:
    environ = os.environ
    compatible = environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force_color = environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return False if isatty is None else bool(isatty())
    except ValueError:
        return False


def _dumb(terminal: bool) -> bool:
    return terminal and os.environ.get("TERM", "").lower() in ("dumb", "unknown")


def _width(dumb: bool) -> int:
    """rich's `Console.size.width` for a console made without a width (not on legacy Windows)."""
    environ = os.environ
    columns, lines = environ.get("COLUMNS"), environ.get("LINES")
    fixed = int(columns) if columns is not None and columns.isdigit() else None
    if fixed is not None and lines is not None and lines.isdigit():
        return fixed
    if dumb:
        return 80
    width: int | None = None
    for descriptor in _STD_STREAMS:
        try:
            width = os.get_terminal_size(descriptor)[0]
        except (AttributeError, ValueError, OSError):
            continue
        break
    if fixed is not None:
        return fixed
    return width or 80


def width() -> int:
    """The width rich draws standard output at."""
    if not _mirrored():
        from rich.console import Console

        return Console(highlight=False, soft_wrap=False).width  # as `shell.console()` makes it
    return _width(_dumb(_terminal()))


def plain() -> int | None:
    """The width of a standard output rich would write no style to (no colour system: not a terminal, or a dumb
    one) in UTF-8, so that its boxes are drawn in their own characters; None: rich draws it (styles, another
    encoding, or a case not mirrored)."""
    if not _mirrored():
        return None
    terminal = _terminal()
    dumb = _dumb(terminal)
    if terminal and not dumb:
        return None
    encoding = (getattr(sys.stdout, "encoding", "utf-8") or "utf-8").lower()
    if not encoding.startswith("utf"):
        return None
    shown = _width(dumb)
    return shown if shown >= 1 else None
