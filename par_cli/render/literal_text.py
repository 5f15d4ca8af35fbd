"""Text from files for the terminal views: a rich Text of the characters themselves, never markup."""

from __future__ import annotations

from rich.text import Text

from par_cli.words.literal import visible


def lit(value: str | Text, style: str = "") -> Text:
    """A cell or line of text as it is: never markup, control characters written out."""
    return value if isinstance(value, Text) else Text(visible(value), style=style)
