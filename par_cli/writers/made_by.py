"""Who made a document and when, as Word and Excel files record it (File › Properties): par and its version, the
time of writing — not the libraries' own defaults ("python-docx", 2013; "openpyxl")."""

from __future__ import annotations

import datetime


def maker() -> tuple[str, datetime.datetime]:
    """`par <version>` and the time now (UTC, whole seconds, naive: as both file formats store it)."""
    from par_cli import __version__

    return f"par {__version__}", datetime.datetime.now(datetime.UTC).replace(microsecond=0, tzinfo=None)
