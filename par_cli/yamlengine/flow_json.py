"""Flow collections and one-line block entries read as JSON, for the fast path (`yaml_fast`).

The lines are cut on `"`: double-quoted strings (without escapes, as the fast path takes them) read the same in JSON
and in YAML. What is left of a line, its skeleton, with its digits as 0s, is made JSON once (its plain keys and
texts quoted by one regex; a line with anything JSON or YAML would read otherwise is declined) and shared: a
folder's files repeat their lines but for strings and figures, and a look-up is in C where the regex was most of
the fast path's time. The digits and strings are put back, and one `json.loads` builds the values, figures from
their written text (`figures`); a repeated key is declined (looked for only in lines where one could be).

What a line's JSON says about its keys travels with it (`KEYED`, a mark the memo keeps with the line), so what a
file is read as never depends on what the memos hold: they may be cleared at any line (`MEMO`, `FIGURES`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

SHORT_FIGURE = 15  # a figure this long or shorter, written out, is inside the bounds (`yaml_scalars.in_range`)
MAX_KEY = 1000  # libyaml refuses an implicit key longer than 1,024 characters
MAX_BRACKETS = 48  # a line with more opening brackets may nest deeper than the located path allows
# The memos' bounds: reached, a memo is emptied (at whatever line of a file). Tests set them, down to 0 and 1.
MEMO = 5_000  # lines made JSON, of each kind: a few MB at most
FIGURES = 20_000  # figures by their written text: a process may read tens of thousands of files
KEYED = "\x01"  # before a line's JSON: its mappings' keys must be looked at (never in a line: `yaml_fast` declines it)
_ENDS = r"[ ]*[,\]}\n]"  # the end of a value in the skeleton
# Words the located path types otherwise (True, ~) or has a word about (yes, off): left bare, JSON refuses them.
_JSON_WORDS = r"(?:true|false|null|True|TRUE|False|FALSE|Null|NULL|~|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)"
_JSON_KEY = r"(?!-[ ,\[\]{}])[^ \n\x00\[\]{},:\"][^\n\x00\[\]{},:\"]*?(?=[ ]*:[ \n])"
_JSON_VALUE = r"[^-+.\d \n\x00\[\]{},:\"][^\n\x00\[\]{},:\"]*?(?=" + _ENDS + ")"
# A plain key or text, after a bracket, a comma or a space: captured, so that joining the split on `"` quotes it.
# (The lookahead first lets the engine skip the positions where no token can start: 40 % faster.)
_JSON_PLAIN_TEXT = rf"(?=[^ \n\x00\[\]{{}},:\"])(?<=[\[{{, ])(?!{_JSON_WORDS}{_ENDS})({_JSON_KEY}|{_JSON_VALUE})"
# A flow line the located path reads: a single quote, a comment, an escape or another indicator outside the double
# quotes, a colon without a space after it, or `…,5: …` (it sees a decimal comma: `{self: 1,5: x}`).
_OTHER_FLOW_TEXT = r"['#&*!|>%@`?\\]|:[^ \n]|,\d+[ ]*:"
_UNCOMPILED = re.compile("")  # compiled on the first line made JSON (not to read one file)
_JSON_PLAIN = _OTHER_FLOW = _UNCOMPILED


class Declined(Exception):
    """The text is outside the subset: the located path reads it."""


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs) or "<<" in mapping:
        raise Declined  # a repeated key or a merge key: the located path reports it
    return mapping


class _Figures(dict[str, Any]):
    """Figures by their written text, made once (`number`) and shared: a folder's files repeat the same few, and a
    look-up is in C. A longer figure or one with an exponent is declined: the located path range-checks it."""

    def __init__(self, number: Callable[[str], Any]) -> None:
        self.number = number

    def __missing__(self, text: str) -> Any:
        if len(text) > SHORT_FIGURE or "e" in text or "E" in text:
            raise Declined
        if len(self) >= FIGURES:
            self.clear()
        figure = self[text] = self.number(text)
        return figure


_figures = [_Figures(str)]  # those of the `number` last given


def figures(number: Callable[[str], Any]) -> Callable[[str], Any]:
    """A figure from its written text, made by `number` once per text; Declined where the located path checks it."""
    _figures[:] = _figures if _figures[0].number is number else [_Figures(number)]
    return _figures[0].__getitem__


def _constant(text: str) -> Any:
    raise Declined  # NaN, Infinity: JSON's words, not a figure of a PAR file


class _Skeletons(dict[str, str | None]):
    """Lines' skeletons (`\\x00` for each double-quoted string) as JSON, or None where declined; `entry`: each line
    is `key: value`, one entry of a block mapping (its JSON without the braces). A line whose mappings' keys must be
    looked at as they are read (`_keys_to_check`) has its JSON marked `KEYED`: the mark is in the value a file's
    read holds, not in the memo, which may be emptied while a file is read (at `MEMO` lines)."""

    def __init__(self, entry: bool) -> None:
        self.entry = entry

    def __missing__(self, line: str) -> str | None:
        global _JSON_PLAIN, _OTHER_FLOW
        if _JSON_PLAIN is _UNCOMPILED:
            _JSON_PLAIN, _OTHER_FLOW = re.compile(_JSON_PLAIN_TEXT), re.compile(_OTHER_FLOW_TEXT)
        if len(self) >= MEMO:
            self.clear()
        json: str | None = None
        squares, curlies = line.count("["), line.count("{")
        if not (_OTHER_FLOW.search(line) or squares + curlies > MAX_BRACKETS):
            if not self.entry:
                json = '"'.join(_JSON_PLAIN.split(line + "\n"))[:-1]
            elif squares == line.count("]") and curlies == line.count("}"):
                # Each entry's line opens what it closes, so each starts in the mapping; `_keys_to_check` makes it
                # one entry (not `a: 1, b: 2`, nor `a: 1, a: 2`), so that `entries` counts one key a line.
                json = '"'.join(_JSON_PLAIN.split("{" + line + "\n"))[1:-1]
        if json is not None:
            keyed = _keys_to_check(json, self.entry)
            json = None if keyed is None else KEYED + json if keyed else json
        self[line] = json
        return json


def _keys_to_check(json_line: str, entry: bool) -> bool | None:
    """Whether a line's mappings must be read key by key (`_mapping`): a key written twice or `<<`, or a quoted key
    (cut out of the line: two may be the same), but an entry's own; None: the line is not one value (`flows`) or
    not one entry (`entries`), alone, and is declined."""
    import json

    found: list[list[str]] = []

    def keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found.append([key for key, _ in pairs])
        return {}

    text = json_line.replace("0", "1").replace("\x00", '"\\u0000"')  # figures valid; a string for each cut out
    try:
        json.loads("{" + text + "}" if entry else text, object_pairs_hook=keys)
    except (ValueError, RecursionError):
        return None
    own = found.pop() if entry else []  # the outermost mapping is read last
    if entry and len(own) != 1:
        return None
    return "<<" in own or any(len(set(k)) != len(k) or "<<" in k or "\x00" in k for k in found)


_lines = _Skeletons(entry=False)
_entries = _Skeletons(entry=True)


_ZEROS = str.maketrans("123456789", "000000000")
_NOT_DIGITS = bytes(set(range(256)) - set(b"0123456789"))


def _read(texts: list[str], skeletons: _Skeletons, brackets: str, figure: Callable[[str], Any]) -> Any:
    written = "\n".join(texts)
    if "\\" in written:  # an escape, in a string or not: JSON reads some YAML refuses (`"\\ud83d\\ude00"`)
        return None
    parts = written.split('"')  # the double-quoted strings at odd places, the skeleton at even ones
    if len(parts) % 2 == 0 or "\n" in "\x00".join(parts[1::2]):
        return None  # a quote left open, or a string going on below
    # Lines are made JSON with their digits as 0 (which quotes the same places), so that `{done: 17, total: 29}`
    # is one line for all figures; each 0 of the JSON is then the skeleton's next digit.
    skeleton = "\x00".join(parts[0::2])
    digits = skeleton.encode().translate(None, _NOT_DIGITS).decode()
    lines = list(map(skeletons.__getitem__, skeleton.translate(_ZEROS).split("\n")))
    if None in lines:
        return None
    skeleton_json, hook = ",".join(cast("list[str]", lines)), None  # else duplicates are seen by the line
    if KEYED in skeleton_json:
        skeleton_json, hook = skeleton_json.replace(KEYED, ""), _mapping
    pieces = skeleton_json.split("0")
    if len(pieces) != len(digits) + 1:
        return None
    joined = [""] * (2 * len(pieces) - 1)
    joined[0::2], joined[1::2] = pieces, digits
    parts[0::2] = "".join(joined).split("\x00")
    import json  # not at start-up: only the fast path uses it

    text = brackets[0] + '"'.join(parts) + brackets[1]
    try:
        return json.loads(text, parse_int=figure, parse_float=figure, parse_constant=_constant, object_pairs_hook=hook)
    except (ValueError, Declined, RecursionError):
        return None


def flows(texts: list[str], figure: Callable[[str], Any]) -> list[Any] | None:
    """The values of these flow collections (each on one line, starting with its bracket), or None."""
    values = _read(texts, _lines, "[]", figure)
    return values if isinstance(values, list) and len(values) == len(texts) else None


def entries(texts: list[str], figure: Callable[[str], Any]) -> dict[str, Any] | None:
    """The block mapping of these lines, each `key: value` on its own line (the value a scalar or a flow
    collection), or None."""
    mapping = _read(texts, _entries, "{}", figure)
    if not isinstance(mapping, dict) or len(mapping) != len(texts) or max(map(len, mapping), default=0) > MAX_KEY:
        return None
    return mapping
