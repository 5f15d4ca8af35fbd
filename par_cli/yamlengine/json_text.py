"""A JSON file's text as the YAML reader reads it (JSON is YAML but for one thing): its surrogate pairs joined.

JSON writes a character beyond U+FFFF as two escapes (`json.dumps("😀")` is `"\\ud83d\\ude00"`); YAML has no
surrogates and refuses them. Each such pair becomes the one escape YAML reads (`\\U0001F600`, 2 characters
shorter) and the string's closing quote is followed by as many spaces: every place after the string is where it
is in the file. A lone surrogate is left for YAML to refuse, where it is. Pure text, no par_cli imports: it sits
below the YAML reader.
"""

from __future__ import annotations

import re

_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')  # a JSON string: escapes taken two characters at a time
_ESCAPE = re.compile(r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|\\.")
_SHORTER = len(r"\ud83d\ude00") - len(r"\U0001F600")


def _string(match: re.Match[str]) -> str:
    written, joined = match.group(1), 0
    if "\\u" not in written:
        return match.group(0)

    def one(escape: re.Match[str]) -> str:
        nonlocal joined
        high, low = escape.group(1), escape.group(2)
        if high is None:
            return escape.group(0)  # another escape (a backslash written as `\\` among them): as written
        joined += 1
        return f"\\U{0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00:08X}"

    body = _ESCAPE.sub(one, written)
    return f'"{body}"' + " " * (_SHORTER * joined)


def join_surrogates(text: str) -> str:
    """A JSON text with each escaped surrogate pair in its strings written as one `\\U` escape, the string followed
    by the characters it lost (spaces, between tokens), so that every line and column after it stays the file's."""
    if "\\u" not in text:
        return text
    return _STRING.sub(_string, text)
